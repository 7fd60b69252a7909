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
  // them): their boxes overlap, so they move apart vertically, and leader lines tie those
  // moved off their places back to them.
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
  for (const auto& [place, edge] : l.leaders) {
    EXPECT_NE(std::find(places.begin(), places.end(), place), places.end());
    EXPECT_NEAR(edge.x, 400, 15.01) << "the leader ends on its stack's frames";
    EXPECT_GT(std::abs(edge.y - place.y), 1);
  }
  // Every stack moved off its place has its leader.
  for (std::size_t g = 0; g < 3; ++g) {
    float top = 1e9f, bottom = -1e9f;
    for (const UnitLayout::Placed& p : l.placed) {
      if (p.unit / 4 != g) continue;
      top = std::min(top, p.at.y - 11);
      bottom = std::max(bottom, p.at.y + 11);
    }
    const bool moved_off = places[g].y < top || places[g].y > bottom;
    const bool led = std::any_of(l.leaders.begin(), l.leaders.end(),
                                 [&](const auto& leader) { return leader.first == places[g]; });
    EXPECT_EQ(moved_off, led) << "stack " << g;
  }
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
