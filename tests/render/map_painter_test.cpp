// MapPainter, checked by pixels on the real theatre: fills, frames, the front, the hatch.
#include "render/map_painter.hpp"

#include <gtest/gtest.h>
#include <SFML/Graphics/RenderTexture.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "render/symbols.hpp"
#include "render_fixture.hpp"

namespace rfsim::render {
namespace {

using namespace rfsim::render::testing;

const sf::Color kProbe(120, 40, 170);  // a purple no default layer uses

Scene fill_one(const char* id, Rgba colour) {
  Scene s;
  s.region_fill.assign(theatre().region_count(), 0);
  s.region_fill[theatre().require(id)] = colour;
  return s;
}

TEST(MapPainter, RegionFillShowsAtTheLabelPoint) {
  const Shot shot = shoot(fill_one("vinnytsia", kProbe.toInteger()));
  const PixelPoint p = shot.at(label_of("vinnytsia"));
  // Around the label point, not on it: links, names and borders may pass right there.
  const int area = (2 * 20 + 1) * (2 * 20 + 1);
  EXPECT_GT(count_near(shot.image, p, 20, 20, kProbe, 2), area / 2);
  // Its neighbour keeps the default palette.
  EXPECT_EQ(count_near(shot.image, shot.at(label_of("poltava")), 20, 20, kProbe, 2), 0);
}

TEST(MapPainter, DefaultFillWhenRegionFillIsEmpty) {
  const Shot shot = shoot(Scene{});
  EXPECT_EQ(count_near(shot.image, shot.at(label_of("vinnytsia")), 20, 20, kProbe, 2), 0);
}

TEST(MapPainter, KyivOblastLeavesItsHoleToTheCity) {
  Scene s = fill_one("kyiv_oblast", 0x00a000ff);
  s.region_fill[theatre().require("kyiv_city")] = 0x00000001;  // almost clear: shows what is under
  const Shot shot = shoot(s);
  const sf::Color green(0, 160, 0);
  EXPECT_GT(count_near(shot.image, shot.at(label_of("kyiv_oblast")), 20, 20, green, 2),
            41 * 41 / 2);
  // Under the city there must be no oblast triangle.
  EXPECT_EQ(count_near(shot.image, shot.at(label_of("kyiv_city")), 2, 2, green, 40), 0);
}

TEST(MapPainter, FriendlyFrameIsDrawnAtItsPosition) {
  const map::LonLat where = label_of("poltava");
  Scene s;
  s.units.push_back({where, Glyph::MechInfantry, Affiliation::Friendly, "UK", 7});
  const Shot with = shoot(s);
  const Shot without = shoot(Scene{});
  const PixelPoint p = with.at(where);
  const sf::Color blue = affiliation_fill(Affiliation::Friendly);
  // A 30 x 20 frame: most of it is fill, the rest is the X, the oval and the border.
  EXPECT_GT(count_near(with.image, p, 14, 9, blue, 12), 150);
  EXPECT_EQ(count_near(without.image, p, 14, 9, blue, 12), 0);
  // And not somewhere else on land.
  EXPECT_EQ(count_near(with.image, with.at(label_of("lviv")), 14, 9, blue, 12), 0);
}

TEST(MapPainter, HostileFrameIsARedDiamond) {
  const map::LonLat where{36.0, 48.3};  // east of the line, in the occupied south-east
  Scene s;
  s.units.push_back({where, Glyph::LightInfantry, Affiliation::Hostile, "RU", 9});
  const Shot shot = shoot(s);
  const PixelPoint p = shot.at(where);
  const sf::Color red = affiliation_fill(Affiliation::Hostile);
  EXPECT_GT(count_near(shot.image, p, 14, 14, red, 12), 150);
  // A diamond, not a square: its bounding box's corners are not filled.
  EXPECT_EQ(count_near(shot.image, {p.x - 12, p.y - 12}, 2, 2, red, 12), 0);
  EXPECT_EQ(count_near(shot.image, {p.x + 12, p.y + 12}, 2, 2, red, 12), 0);
}

TEST(MapPainter, ContactLineIsRedAtItsPoints) {
  const Shot shot = shoot(Scene{});
  ASSERT_GE(theatre().contact_line().size(), 3u);
  for (const auto& cp : theatre().contact_line()) {
    if (cp.name != "Pokrovsk" && cp.name != "Orikhiv") continue;
    EXPECT_GT(count_near(shot.image, shot.at(cp.where), 3, 3, sf::Color(200, 16, 46), 30), 10)
        << cp.name;
  }
}

TEST(MapPainter, OccupiedAreasAreHatchedNotRemoved) {
  const Shot shot = shoot(Scene{});
  auto reds_and_land = [&](const char* id) {
    int red = 0, land = 0;
    const PixelPoint p = shot.at(label_of(id));
    for (int dy = -15; dy <= 15; ++dy) {
      for (int dx = -15; dx <= 15; ++dx) {
        const sf::Color c =
            shot.image.getPixel(static_cast<unsigned>(p.x + dx), static_cast<unsigned>(p.y + dy));
        if (c.r > 200 && c.g < 150 && c.b < 150) ++red;
        if (c.r > 225 && c.g > 215 && c.b > 190) ++land;
      }
    }
    return std::pair(red, land);
  };
  const auto [crimea_red, crimea_land] = reds_and_land("crimea");
  EXPECT_GT(crimea_red, 40);    // hatched...
  EXPECT_GT(crimea_land, 300);  // ...and the land still shows between the lines
  EXPECT_EQ(reds_and_land("lviv").first, 0);
}

TEST(MapPainter, ViolationsRedIfKineticOrangeOtherwiseHollowIfUndetected) {
  const map::LonLat a = label_of("zhytomyr"), b = label_of("chernihiv"), c = label_of("sumy");
  Scene s;
  s.violations.push_back({{a.lon, a.lat - 0.3}, 1, true, true});
  s.violations.push_back({{b.lon, b.lat - 0.3}, 1, false, true});
  s.violations.push_back({{c.lon, c.lat - 0.3}, 1, true, false});
  const Shot shot = shoot(s);
  const sf::Color red(215, 25, 28), orange(240, 130, 20);
  EXPECT_GT(count_near(shot.image, shot.at(s.violations[0].where), 2, 2, red, 20), 15);
  EXPECT_GT(count_near(shot.image, shot.at(s.violations[1].where), 2, 2, orange, 20), 15);
  // Undetected: a red outline round an empty middle.
  EXPECT_EQ(count_near(shot.image, shot.at(s.violations[2].where), 2, 2, red, 40), 0);
  EXPECT_GT(count_near(shot.image, shot.at(s.violations[2].where), 13, 13, red, 40), 20);
}

TEST(MapPainter, FadedViolationIsNotDrawn) {
  const map::LonLat a = label_of("zhytomyr");
  Scene s;
  s.violations.push_back({{a.lon, a.lat - 0.3}, 0, true, true});
  const Shot shot = shoot(s);
  EXPECT_EQ(
      count_near(shot.image, shot.at(s.violations[0].where), 6, 6, sf::Color(215, 25, 28), 30), 0);
}

TEST(MapPainter, RecoloursWhenTheFillChangesBetweenFrames) {
  sf::RenderTexture rt;
  ASSERT_TRUE(rt.create(kWidth, kHeight));
  MapPainter painter(theatre());
  const Camera cam = snapshot_camera(theatre(), kWidth, kHeight);
  const PixelPoint p = cam.to_pixel(map::Projection().project(label_of("vinnytsia")));
  painter.draw(rt, cam, fill_one("vinnytsia", kProbe.toInteger()));
  rt.display();
  EXPECT_GT(count_near(rt.getTexture().copyToImage(), p, 20, 20, kProbe, 2), 800);
  painter.draw(rt, cam, Scene{});
  rt.display();
  EXPECT_EQ(count_near(rt.getTexture().copyToImage(), p, 20, 20, kProbe, 2), 0);
}

// Pixels in which two images of one size differ by more than `tol` in a channel.
int differing(const sf::Image& a, const sf::Image& b, int tol) {
  int n = 0;
  for (unsigned y = 0; y < a.getSize().y; ++y) {
    for (unsigned x = 0; x < a.getSize().x; ++x) {
      n += !close_to(a.getPixel(x, y), b.getPixel(x, y), tol);
    }
  }
  return n;
}

// Draws one frame and reads it back.
sf::Image draw_and_read(MapPainter& painter, sf::RenderTexture& rt, const Camera& cam,
                        const Scene& scene) {
  painter.draw(rt, cam, scene);
  rt.display();
  return rt.getTexture().copyToImage();
}

// What a painter that never drew before makes of `cam`: the reference for cached grounds.
sf::Image fresh_picture(const Camera& cam, const Scene& scene) {
  sf::RenderTexture rt;
  EXPECT_TRUE(rt.create(kWidth, kHeight));
  MapPainter painter(theatre());
  return draw_and_read(painter, rt, cam, scene);
}

TEST(MapPainter, APanShiftsTheGroundAndPaintsWhatItUncovers) {
  // A drag reuses the last ground moved by whole pixels and paints only the strips it
  // uncovers: the picture must be the one a painter drawing that camera afresh makes.
  sf::RenderTexture rt;
  ASSERT_TRUE(rt.create(kWidth, kHeight));
  const Scene scene = fill_one("vinnytsia", kProbe.toInteger());
  MapPainter dragged(theatre());
  Camera cam = snapshot_camera(theatre(), kWidth, kHeight);
  cam.zoom_at({500, 320}, 3);  // close in, where borders and hatch are thick with detail
  dragged.draw(rt, cam, scene);
  for (const auto& [dx, dy] : {std::pair{37, -23}, {-120, 0}, {0, 64}, {-5, -7}}) {
    cam.pan(dx, dy);
    dragged.draw(rt, cam, scene);
  }
  rt.display();
  const sf::Image panned = rt.getTexture().copyToImage();
  EXPECT_EQ(differing(panned, fresh_picture(cam, scene), 1), 0);
  // And the test can tell: the same pan drawn at a camera half a pixel off differs.
  cam.pan(0.5, 0);
  EXPECT_GT(differing(panned, fresh_picture(cam, scene), 1), 1000);
}

TEST(MapPainter, AWheelZoomShowsTheOldGroundScaledThenPaintsItAfresh) {
  // Each frame of a turning wheel has a new scale: the last ground stands in, scaled, and the
  // ground is painted afresh once the scale holds for a frame.
  sf::RenderTexture rt;
  ASSERT_TRUE(rt.create(kWidth, kHeight));
  const Scene scene = fill_one("vinnytsia", kProbe.toInteger());
  MapPainter painter(theatre());
  Camera cam = snapshot_camera(theatre(), kWidth, kHeight);
  painter.draw(rt, cam, scene);
  cam.zoom_at({400, 300}, 1.25);
  const sf::Image preview = draw_and_read(painter, rt, cam, scene);  // the old one, scaled
  const sf::Image settled = draw_and_read(painter, rt, cam, scene);  // the scale held
  const sf::Image exact = fresh_picture(cam, scene);
  EXPECT_EQ(differing(settled, exact, 1), 0);
  // The stand-in differs from the exact picture only at edges (borders a pixel off, stroke
  // widths scaled): the filled region is where it belongs.
  const PixelPoint p = cam.to_pixel(map::Projection().project(label_of("vinnytsia")));
  EXPECT_GT(count_near(preview, p, 20, 20, kProbe, 2), 700);
  EXPECT_GT(differing(preview, exact, 1), 0);
  EXPECT_LT(differing(preview, exact, 1), static_cast<int>(kWidth * kHeight / 5));
}

TEST(MapPainter, UnitsAtOnePlaceStackInsteadOfHiding) {
  const map::LonLat where = label_of("poltava");
  Scene one, three;
  one.units.push_back({where, Glyph::LightInfantry, Affiliation::Friendly, "UK", 1});
  three.units = {one.units[0], one.units[0], one.units[0]};
  const sf::Color blue = affiliation_fill(Affiliation::Friendly);
  const Shot a = shoot(one), b = shoot(three);
  const int single = count_near(a.image, a.at(where), 60, 60, blue, 12);
  EXPECT_GT(single, 150);
  EXPECT_GT(count_near(b.image, b.at(where), 60, 60, blue, 12), 3 * single * 9 / 10);
}

// A stack of `n` friendly units at one place, ids 1..n in scene order.
Scene stack_of(std::size_t n, map::LonLat where) {
  Scene s;
  for (std::uint32_t i = 1; i <= n; ++i) {
    s.units.push_back({where, Glyph::LightInfantry, Affiliation::Friendly, "UK", i});
  }
  return s;
}

// Draws with a painter of its own, so the test can read what it placed.
sf::Image paint(MapPainter& painter, const Scene& scene) {
  sf::RenderTexture rt;
  EXPECT_TRUE(rt.create(kWidth, kHeight));
  painter.draw(rt, snapshot_camera(theatre(), kWidth, kHeight), scene);
  rt.display();
  return rt.getTexture().copyToImage();
}

std::vector<std::uint32_t> drawn_ids(const MapPainter& painter) {
  std::vector<std::uint32_t> ids;
  for (const auto& d : painter.drawn_units()) ids.push_back(d.id);
  return ids;
}

TEST(MapPainter, BigStackShowsSevenUnitsAndOneAggregateCountingTheRest) {
  MapPainter painter(theatre());
  const sf::Image img = paint(painter, stack_of(7 + 5, label_of("poltava")));
  EXPECT_EQ(drawn_ids(painter), (std::vector<std::uint32_t>{1, 2, 3, 4, 5, 6, 7}));
  ASSERT_EQ(painter.drawn_aggregates().size(), 1u);
  const MapPainter::DrawnAggregate& a = painter.drawn_aggregates()[0];
  EXPECT_EQ(a.ids, (std::vector<std::uint32_t>{8, 9, 10, 11, 12}));
  // In the stack's last slot: second column, fourth row.
  const PixelPoint first = painter.drawn_units()[0].centre;
  EXPECT_NEAR(a.centre.x - first.x, 70, 0.5);
  EXPECT_NEAR(a.centre.y - first.y, 3 * 26, 0.5);
  // A deck, not a frame: blue in the middle, empty at the corners a frame would fill.
  const sf::Color blue = affiliation_fill(Affiliation::Friendly);
  EXPECT_GT(count_near(img, a.centre, 3, 3, blue, 12), 30);
  EXPECT_EQ(count_near(img, {a.centre.x - 13, a.centre.y - 9}, 1, 1, blue, 12), 0);
  EXPECT_EQ(count_near(img, {a.centre.x + 13, a.centre.y + 9}, 1, 1, blue, 12), 0);
  // The count, "+5", in dark ink where a unit's label goes.
  EXPECT_GT(count_near(img, {a.centre.x + 30, a.centre.y}, 10, 7, sf::Color(25, 25, 25), 60), 15);
}

TEST(MapPainter, StackOfEightIsDrawnWhole) {
  MapPainter painter(theatre());
  const Scene s = stack_of(8, label_of("poltava"));
  const sf::Image img = paint(painter, s);
  EXPECT_EQ(drawn_ids(painter).size(), 8u);
  EXPECT_TRUE(painter.drawn_aggregates().empty());
  // Two columns of four, the last slot a whole frame.
  const auto& d = painter.drawn_units();
  EXPECT_NEAR(d[7].centre.x - d[0].centre.x, 70, 0.5);
  EXPECT_NEAR(d[7].centre.y - d[0].centre.y, 3 * 26, 0.5);
  const sf::Color blue = affiliation_fill(Affiliation::Friendly);
  EXPECT_GT(count_near(img, {d[7].centre.x + 12, d[7].centre.y + 7}, 1, 1, blue, 12), 0);
}

TEST(MapPainter, SelectedUnitIsShownEvenLastInABigStack) {
  MapPainter painter(theatre());
  Scene s = stack_of(20, label_of("poltava"));
  s.units.back().selected = true;
  const sf::Image img = paint(painter, s);
  const std::vector<std::uint32_t> ids = drawn_ids(painter);
  EXPECT_EQ(ids, (std::vector<std::uint32_t>{1, 2, 3, 4, 5, 6, 20}));
  ASSERT_EQ(painter.drawn_aggregates().size(), 1u);
  const auto& rest = painter.drawn_aggregates()[0].ids;
  EXPECT_EQ(rest.size(), 13u);
  EXPECT_EQ(std::count(rest.begin(), rest.end(), 20u), 0);
  EXPECT_EQ(std::count(rest.begin(), rest.end(), 7u), 1);
  // Its highlight ring is drawn.
  EXPECT_GT(count_near(img, painter.drawn_units()[6].centre, 20, 15, sf::Color(255, 200, 0), 20),
            40);
}

TEST(MapPainter, BigStackKeepsItsSymbolsWhileAUnitPassesBy) {
  const map::LonLat where = label_of("poltava");
  MapPainter painter(theatre());
  const Scene still = stack_of(20, where);
  paint(painter, still);
  const std::vector<std::uint32_t> before = drawn_ids(painter);
  // A unit on the move with a low id, a few pixels off: it joins the stack's count.
  Scene passing = still;
  passing.units.insert(
      passing.units.begin(),
      {{where.lon + 0.08, where.lat}, Glyph::Logistics, Affiliation::Friendly, "FR", 0});
  paint(painter, passing);
  EXPECT_EQ(drawn_ids(painter), before);
  ASSERT_EQ(painter.drawn_aggregates().size(), 1u);
  EXPECT_EQ(painter.drawn_aggregates()[0].ids.size(), 14u);
}

TEST(MapPainter, BigStacksEverywhereDoNotCoverEachOther) {
  // Forty units at every region's label, as in a stress scenario: every stack collapses to two
  // columns and the stacks are pushed apart until no two frames overlap.
  Scene s;
  std::uint32_t id = 0;
  for (const map::Region& r : theatre().regions()) {
    for (int i = 0; i < 40; ++i) {
      s.units.push_back({r.label, Glyph::LightInfantry, Affiliation::Friendly, "UK", id++});
    }
  }
  MapPainter painter(theatre());
  paint(painter, s);
  std::vector<PixelPoint> frames;
  for (const auto& d : painter.drawn_units()) frames.push_back(d.centre);
  for (const auto& a : painter.drawn_aggregates()) frames.push_back(a.centre);
  ASSERT_GT(painter.drawn_aggregates().size(), 15u);
  EXPECT_EQ(frames.size(), painter.drawn_aggregates().size() * 8);
  int overlapping = 0;
  for (std::size_t i = 0; i < frames.size(); ++i) {
    for (std::size_t j = i + 1; j < frames.size(); ++j) {
      overlapping +=
          std::abs(frames[i].x - frames[j].x) < 30 && std::abs(frames[i].y - frames[j].y) < 20;
    }
  }
  EXPECT_EQ(overlapping, 0);
}

TEST(MapPainter, AtlasSymbolsMatchTheirShapesOnAnAliasedTarget) {
  // On a target without multisampling (the GUI's) symbols come from an atlas: each must show
  // exactly the pixels its shapes would at the same whole-pixel centre.
  constexpr unsigned kW = 1600, kH = 1000;
  for (const bool selected : {false, true}) {
    Scene s;
    std::uint32_t id = 0;
    for (int side = 0; side < 3; ++side) {
      for (int g = 0; g <= static_cast<int>(Glyph::Headquarters); ++g) {
        const map::LonLat where{23.5 + 1.3 * g, 51.8 - 1.6 * side};
        s.units.push_back(
            {where, static_cast<Glyph>(g), static_cast<Affiliation>(side), "", id++, selected});
      }
    }
    MapPainter painter(theatre());
    sf::RenderTexture rt;
    ASSERT_TRUE(rt.create(kW, kH));
    painter.draw(rt, snapshot_camera(theatre(), kW, kH), s);
    rt.display();
    const sf::Image map = rt.getTexture().copyToImage();
    ASSERT_EQ(painter.drawn_units().size(), s.units.size());
    for (const MapPainter::DrawnUnit& d : painter.drawn_units()) {
      const UnitMarker& u = s.units[d.id];
      const sf::Vector2f at(std::round(static_cast<float>(d.centre.x)),
                            std::round(static_cast<float>(d.centre.y)));
      // The symbol alone on black and on white: where both agree, the symbol decides the pixel.
      sf::Image alone[2];
      for (int bg = 0; bg < 2; ++bg) {
        sf::RenderTexture one;
        ASSERT_TRUE(one.create(kW, kH));
        one.clear(bg == 0 ? sf::Color::Black : sf::Color::White);
        Canvas c;
        draw_unit_symbol(c, at, u.glyph, u.side, u.selected);
        one.draw(c.vertices());
        one.display();
        alone[bg] = one.getTexture().copyToImage();
      }
      int compared = 0, differ = 0;
      for (int y = static_cast<int>(at.y) - 30; y <= static_cast<int>(at.y) + 42; ++y) {
        for (int x = static_cast<int>(at.x) - 30; x <= static_cast<int>(at.x) + 30; ++x) {
          if (x < 0 || y < 0 || x >= static_cast<int>(kW) || y >= static_cast<int>(kH)) continue;
          const auto ux = static_cast<unsigned>(x), uy = static_cast<unsigned>(y);
          if (alone[0].getPixel(ux, uy) != alone[1].getPixel(ux, uy)) continue;
          ++compared;
          differ += map.getPixel(ux, uy) != alone[0].getPixel(ux, uy);
        }
      }
      EXPECT_GT(compared, 300) << "unit " << d.id;
      EXPECT_EQ(differ, 0) << "glyph " << static_cast<int>(u.glyph) << " side "
                           << static_cast<int>(u.side) << " selected " << u.selected;
    }
  }
}

TEST(MapPainter, LegendShowsTheScenesEntries) {
  Scene s;
  s.legend.push_back({0x208040ff, "ceasefire holding"});
  const Shot with = shoot(s), without = shoot(Scene{});
  const sf::Color green(32, 128, 64);
  const PixelPoint bottom_left{150, kHeight - 200.0};  // the legend's corner of the map
  EXPECT_GT(count_near(with.image, bottom_left, 150, 190, green, 2), 200);
  EXPECT_EQ(count_near(without.image, bottom_left, 150, 190, green, 2), 0);
}

TEST(MapPainter, TitleBarCarriesTheTitle) {
  Scene s;
  s.title = "D+1 00:00  Partial ceasefire";
  const Shot shot = shoot(s);
  // Dark bar with white lettering at its left.
  EXPECT_GT(count_near(shot.image, {120, 18}, 100, 12, sf::Color(30, 40, 50), 25), 2000);
  EXPECT_GT(count_near(shot.image, {120, 18}, 100, 12, sf::Color::White, 40), 100);
}

TEST(MapPainter, ExtentCoversUkraineAndTheStagingAreas) {
  const PlaneRect e = theatre_extent(theatre());
  const map::Projection proj;
  for (const char* id : {"lviv", "luhansk", "crimea", "chernihiv", "rzeszow", "constanta"}) {
    const map::PlanePoint p = proj.project(label_of(id));
    EXPECT_TRUE(p.x > e.min_x && p.x < e.max_x && p.y > e.min_y && p.y < e.max_y) << id;
  }
}

}  // namespace
}  // namespace rfsim::render
