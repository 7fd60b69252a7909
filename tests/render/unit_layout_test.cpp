// The unit layout as plain arithmetic (render/painter/unit_layout.hpp): stacks of four, the
// collapse to seven and a deck, the selected unit kept in sight, stacks pushed apart. No GL.
#include "render/painter/unit_layout.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace rfsim::render::painter {
namespace {

std::vector<UnitPlace> at(sf::Vector2f p, std::size_t n) {
  return std::vector<UnitPlace>(n, UnitPlace{p, false});
}

std::vector<std::size_t> placed_units(const UnitLayout& l) {
  std::vector<std::size_t> out;
  for (const UnitLayout::Placed& p : l.placed) out.push_back(p.unit);
  return out;
}

TEST(UnitLayout, AUnitAloneSitsOnItsPlace) {
  const UnitLayout l = layout_units({{{400, 300}, false}});
  ASSERT_EQ(l.placed.size(), 1u);
  EXPECT_EQ(l.placed[0].at, sf::Vector2f(400, 300));
  EXPECT_TRUE(l.aggregates.empty());
  EXPECT_TRUE(l.leaders.empty());
  ASSERT_EQ(l.boxes.size(), 1u);
  EXPECT_TRUE(l.boxes[0].contains(400, 300));
  EXPECT_GE(l.boxes[0].left + l.boxes[0].width - 400, 50) << "room for the label to the right";
}

TEST(UnitLayout, FourAtOnePlaceMakeAColumnCentredOnIt) {
  const UnitLayout l = layout_units(at({400, 300}, 4));
  ASSERT_EQ(l.placed.size(), 4u);
  EXPECT_EQ(placed_units(l), (std::vector<std::size_t>{0, 1, 2, 3}));
  for (std::size_t k = 0; k < 4; ++k) {
    EXPECT_FLOAT_EQ(l.placed[k].at.x, 400);
    EXPECT_FLOAT_EQ(l.placed[k].at.y, 300 + (static_cast<float>(k) - 1.5f) * 26);
  }
  EXPECT_TRUE(l.leaders.empty());
}

TEST(UnitLayout, EightShowWholeNineCollapseToSevenAndADeck) {
  const UnitLayout eight = layout_units(at({400, 300}, 8));
  EXPECT_EQ(eight.placed.size(), 8u);
  EXPECT_TRUE(eight.aggregates.empty());
  // Two columns of four, 70 px apart, about the place.
  EXPECT_FLOAT_EQ(eight.placed[0].at.x, 365);
  EXPECT_FLOAT_EQ(eight.placed[4].at.x, 435);

  const UnitLayout nine = layout_units(at({400, 300}, 9));
  EXPECT_EQ(nine.placed.size(), kStackSlots - 1);
  ASSERT_EQ(nine.aggregates.size(), 1u);
  EXPECT_EQ(nine.aggregates[0].units, (std::vector<std::size_t>{7, 8}));
  // The deck takes the eighth slot: the second column's bottom.
  EXPECT_FLOAT_EQ(nine.aggregates[0].at.x, 435);
  EXPECT_FLOAT_EQ(nine.aggregates[0].at.y, 300 + 1.5f * 26);

  const UnitLayout many = layout_units(at({400, 300}, 500));
  EXPECT_EQ(many.placed.size(), 7u);
  ASSERT_EQ(many.aggregates.size(), 1u);
  EXPECT_EQ(many.aggregates[0].units.size(), 493u);
  EXPECT_EQ(many.boxes.size(), 1u) << "a big stack is still two columns";
}

TEST(UnitLayout, ABigStackShowsTheUnitsRightAtItsPlaceFirst) {
  // Nine at a region's point and three passing by within reach: the passers-by go in the
  // deck, so that a move changes the count, not the symbols.
  std::vector<UnitPlace> units;
  units.push_back({{410, 305}, false});  // passing by, first in the input
  for (int i = 0; i < 9; ++i) units.push_back({{400, 300}, false});
  units.push_back({{395, 290}, false});
  units.push_back({{405, 310}, false});
  const UnitLayout l = layout_units(units);
  ASSERT_EQ(l.aggregates.size(), 1u);
  EXPECT_EQ(placed_units(l), (std::vector<std::size_t>{1, 2, 3, 4, 5, 6, 7}));
  EXPECT_EQ(l.aggregates[0].units, (std::vector<std::size_t>{8, 9, 0, 10, 11}));
}

TEST(UnitLayout, TheSelectedUnitIsNeverHiddenInTheDeck) {
  std::vector<UnitPlace> units = at({400, 300}, 20);
  units[15].selected = true;
  const UnitLayout l = layout_units(units);
  const std::vector<std::size_t> shown = placed_units(l);
  ASSERT_EQ(shown.size(), 7u);
  EXPECT_EQ(shown.back(), 15u) << "the selected unit takes the last shown slot";
  ASSERT_EQ(l.aggregates.size(), 1u);
  const auto& deck = l.aggregates[0].units;
  EXPECT_EQ(std::count(deck.begin(), deck.end(), 15u), 0);
  EXPECT_EQ(std::count(deck.begin(), deck.end(), 6u), 1) << "the unit it displaced is counted";
  EXPECT_EQ(deck.size(), 13u);
  // Selected among the first seven: nothing moves.
  units[15].selected = false;
  units[3].selected = true;
  EXPECT_EQ(placed_units(layout_units(units)), (std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6}));
}

TEST(UnitLayout, OverlappingStacksArePushedApartWithLeaders) {
  // Three stacks of four, 30 px apart one above the other (beyond the 28 px that would merge
  // them): their boxes overlap, so they move apart (sideways: a stack of four is taller than
  // it is wide, so that is the shorter move), and leader lines tie those moved off their
  // places back to them.
  const std::vector<sf::Vector2f> places{{400, 300}, {400, 330}, {400, 360}};
  std::vector<UnitPlace> units;
  for (const sf::Vector2f& p : places) {
    for (const UnitPlace& u : at(p, 4)) units.push_back(u);
  }
  const UnitLayout l = layout_units(units);
  ASSERT_EQ(l.boxes.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t j = i + 1; j < 3; ++j) EXPECT_FALSE(l.boxes[i].intersects(l.boxes[j]));
  }
  ASSERT_FALSE(l.leaders.empty());
  // Each stack's frames (symbols 30 x 22 around each placed unit), and whether its place is
  // among them; every stack moved off its place has a leader ending on its frames.
  for (std::size_t g = 0; g < 3; ++g) {
    sf::FloatRect frames(1e9f, 1e9f, 0, 0);
    float right = -1e9f, bottom = -1e9f;
    for (const UnitLayout::Placed& p : l.placed) {
      if (p.unit / 4 != g) continue;
      frames.left = std::min(frames.left, p.at.x - 15);
      frames.top = std::min(frames.top, p.at.y - 11);
      right = std::max(right, p.at.x + 15);
      bottom = std::max(bottom, p.at.y + 11);
    }
    frames.width = right - frames.left;
    frames.height = bottom - frames.top;
    const auto leader = std::find_if(l.leaders.begin(), l.leaders.end(),
                                     [&](const auto& x) { return x.first == places[g]; });
    EXPECT_EQ(!frames.contains(places[g]), leader != l.leaders.end()) << "stack " << g;
    if (leader != l.leaders.end()) {
      const sf::Vector2f edge = leader->second;
      EXPECT_TRUE(edge.x >= frames.left - 0.01f && edge.x <= right + 0.01f &&
                  edge.y >= frames.top - 0.01f && edge.y <= bottom + 0.01f)
          << "the leader of stack " << g << " ends on its frames";
    }
  }
}

// The line of contact on a 1600 x 1000 map: a dozen full stacks, 40 px apart along a diagonal
// that starts near the top edge. Pushed only up and down they ran off the top and the bottom
// of the map; now they spread sideways too and stay inside the map's free area, apart.
TEST(UnitLayout, StacksAlongALineStayOnTheMapAndApart) {
  const sf::FloatRect map(4, 40, 1592, 930);
  std::vector<UnitPlace> units;
  for (int k = 0; k < 12; ++k) {
    for (const UnitPlace& u : at({900.0f + 20.0f * k, 60.0f + 35.0f * k}, 8)) units.push_back(u);
  }
  const UnitLayout l = layout_units(units, map);
  ASSERT_EQ(l.boxes.size(), 12u);
  for (std::size_t i = 0; i < l.boxes.size(); ++i) {
    const sf::FloatRect& b = l.boxes[i];
    EXPECT_GE(b.top, map.top) << "stack " << i;
    EXPECT_LE(b.top + b.height, map.top + map.height) << "stack " << i;
    EXPECT_GE(b.left, map.left) << "stack " << i;
    EXPECT_LE(b.left + b.width, map.left + map.width) << "stack " << i;
    for (std::size_t j = i + 1; j < l.boxes.size(); ++j) {
      EXPECT_FALSE(l.boxes[i].intersects(l.boxes[j])) << "stacks " << i << " and " << j;
    }
  }
  // A stack whose place is off the map is not pulled onto it (the map is zoomed in).
  const UnitLayout off = layout_units(at({-300, 500}, 4), map);
  for (const UnitLayout::Placed& p : off.placed) EXPECT_LT(p.at.x, 0);
}

TEST(UnitLayout, ClusterGroupsCoincidentPointsThenFoldsNearOnes) {
  const std::vector<sf::Vector2f> pts{{100, 100}, {300, 300}, {100.5f, 100}, {110, 100},
                                      {300, 300}, {300, 300}, {500, 100}};
  const auto groups = cluster(pts, 28);
  ASSERT_EQ(groups.size(), 3u);
  // The biggest exact group first, as the anchor others fold into.
  EXPECT_EQ(groups[0].first, sf::Vector2f(300, 300));
  EXPECT_EQ(groups[0].second, (std::vector<std::size_t>{1, 4, 5}));
  EXPECT_EQ(groups[1].first, sf::Vector2f(100, 100));
  EXPECT_EQ(groups[1].second, (std::vector<std::size_t>{0, 2, 3}));
  EXPECT_EQ(groups[2].second, (std::vector<std::size_t>{6}));
  EXPECT_EQ(cluster(pts, 5).size(), 4u) << "110 is beyond a 5 px reach";
}

}  // namespace
}  // namespace rfsim::render::painter
