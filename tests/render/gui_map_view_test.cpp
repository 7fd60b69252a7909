// The GUI's map view by pixels: fill modes, a unit at its projected place, the selection.
#include "render/gui/map_view.hpp"

#include <gtest/gtest.h>
#include <SFML/Graphics/RenderTexture.hpp>

#include "render/symbols.hpp"
#include "render_fixture.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::render::gui {
namespace {

using namespace rfsim::render::testing;

constexpr unsigned kW = 1000, kH = 700;

sim::Scenario default_scenario() {
  return sim::load_scenario(std::string(RFSIM_ASSETS_DIR) + "/scenarios/partial-ceasefire.toml",
                            theatre());
}

// Renders the view into an offscreen target the size of its area.
sf::Image draw(MapView& view, const Session& session, FillMode fill, const Pick& selected = {}) {
  sf::RenderTexture target;
  EXPECT_TRUE(target.create(kW, kH));
  view.set_area({0, 0}, {kW, kH});
  // Twice: the view's texture reaches another GL context one frame late under llvmpipe (a
  // known one-frame lag of the map, see the report of issue 5); the second frame is current.
  target.clear();
  view.draw(target, session, fill, false, selected);
  target.clear();
  view.draw(target, session, fill, false, selected);
  target.display();
  return target.getTexture().copyToImage();
}

PixelPoint at(const MapView& v, map::LonLat ll) {
  const sf::Vector2f p = v.to_window(ll);
  return {p.x, p.y};
}

TEST(GuiMapView, RegionHasItsRegimeColour) {
  Session session(default_scenario(), theatre());
  MapView view(theatre());
  const sf::Image img = draw(view, session, FillMode::Regime);
  const sf::Color partial(247, 226, 168);  // the partial ceasefire's fill
  EXPECT_GT(count_near(img, at(view, label_of("vinnytsia")), 20, 20, partial, 2), 41 * 41 / 3);
  sim::Inject full;
  full.kind = sim::InjectKind::SetRegime;
  full.regime = sim::Regime::Full;
  session.inject(full);
  const sf::Image after = draw(view, session, FillMode::Regime);
  EXPECT_EQ(count_near(after, at(view, label_of("vinnytsia")), 20, 20, partial, 2), 0);
  EXPECT_GT(count_near(after, at(view, label_of("vinnytsia")), 20, 20, sf::Color(204, 230, 196), 2),
            41 * 41 / 3);
}

TEST(GuiMapView, ControlModeMarksOccupiedRegions) {
  Session session(default_scenario(), theatre());
  MapView view(theatre());
  const sf::Image img = draw(view, session, FillMode::Control);
  EXPECT_GT(count_near(img, at(view, label_of("vinnytsia")), 20, 20, sf::Color(208, 226, 243), 2),
            41 * 41 / 3);
}

TEST(GuiMapView, LoneUnitFrameAtItsProjectedPositionAndSelectable) {
  sim::Scenario sc = default_scenario();
  sc.units.resize(1);  // alone, so the painter has nothing to de-clutter
  Session session(std::move(sc), theatre());
  MapView view(theatre());
  const sf::Image img = draw(view, session, FillMode::Regime);
  const PixelPoint p = at(view, session.run().unit_position(0));
  const sf::Color blue = affiliation_fill(Affiliation::Friendly);
  EXPECT_GT(count_near(img, p, 14, 9, blue, 12), 100);
  // Picking there finds the unit; selecting it changes the pixels around it, nowhere else.
  const Pick pick = view.pick({static_cast<float>(p.x), static_cast<float>(p.y)});
  ASSERT_TRUE(pick.unit.has_value());
  EXPECT_EQ(*pick.unit, 0u);
  const sf::Image selected = draw(view, session, FillMode::Regime, pick);
  int near = 0, far = 0;
  for (unsigned y = 40; y < kH; ++y) {
    for (unsigned x = 0; x < kW; ++x) {
      if (img.getPixel(x, y) == selected.getPixel(x, y)) continue;
      const bool close = std::abs(static_cast<double>(x) - p.x) < 40 &&
                         std::abs(static_cast<double>(y) - p.y) < 40;
      ++(close ? near : far);
    }
  }
  EXPECT_GT(near, 20);
  EXPECT_LT(far, 200);  // the title bar aside, only the legend may differ
}

TEST(GuiMapView, PickFindsTheRegionUnderTheCursor) {
  Session session(default_scenario(), theatre());
  MapView view(theatre());
  draw(view, session, FillMode::Regime);
  // Kyiv city sits inside its oblast: the city wins at its label point... unless a unit is on it.
  const PixelPoint p = at(view, label_of("odesa"));
  const Pick pick = view.pick({static_cast<float>(p.x) + 25, static_cast<float>(p.y) + 25});
  if (!pick.unit) {
    ASSERT_TRUE(pick.region.has_value());
    EXPECT_EQ(theatre().region(*pick.region).id, "odesa");
  }
}

TEST(GuiMapView, FitShowsTheWholeTheatreAndZoomKeepsTheCursorPoint) {
  Session session(default_scenario(), theatre());
  MapView view(theatre());
  view.set_area({100, 0}, {kW, kH});
  const sf::Vector2f kyiv = view.to_window(label_of("kyiv_city"));
  EXPECT_GT(kyiv.x, 100);
  EXPECT_LT(kyiv.x, 100 + kW);
  view.zoom_at(kyiv, 3);
  const sf::Vector2f again = view.to_window(label_of("kyiv_city"));
  EXPECT_NEAR(again.x, kyiv.x, 0.5);
  EXPECT_NEAR(again.y, kyiv.y, 0.5);
}

}  // namespace
}  // namespace rfsim::render::gui
