// The flank states' layer on the map, by pixels on the real theatre: air-defence coverage
// rings, an incident's marker at its place with its outcome's ring, a deployment drawn between
// home and destination with its means, and the layer left out of Red's map.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "render/scene_of_run.hpp"
#include "render_fixture.hpp"
#include "sim/air_defence.hpp"
#include "sim/scenario_loader.hpp"
#include "sim/simulation.hpp"

namespace rfsim::render {
namespace {

using namespace rfsim::render::testing;

// The layer's colours (render/painter/flank_layer.hpp, private to the painter).
const sf::Color kFlankInk(110, 30, 150);
const sf::Color kTransit(20, 120, 110);

/// A point `km` east of `p` on the ground.
map::LonLat east(map::LonLat p, double km) {
  return {p.lon + km / (111.32 * std::cos(p.lat * 3.14159265358979 / 180)), p.lat};
}

/// Pixels in a box about `at` that differ between two shots by more than `tol`.
int differing(const Shot& a, const Shot& b, map::LonLat at, int r, int tol = 6) {
  const PixelPoint c = a.at(at);
  int n = 0;
  for (int y = static_cast<int>(c.y) - r; y <= static_cast<int>(c.y) + r; ++y) {
    for (int x = static_cast<int>(c.x) - r; x <= static_cast<int>(c.x) + r; ++x) {
      if (x < 0 || y < 0 || x >= static_cast<int>(kWidth) || y >= static_cast<int>(kHeight))
        continue;
      const auto ux = static_cast<unsigned>(x), uy = static_cast<unsigned>(y);
      n += close_to(a.image.getPixel(ux, uy), b.image.getPixel(ux, uy), tol) ? 0 : 1;
    }
  }
  return n;
}

TEST(FlankLayer, CoverageTintsTheGroundWithinItsRangeOnly) {
  const map::LonLat site{22.019, 50.110};  // Rzeszow, clear of the legend (bottom left)
  Scene with;
  with.air_defence.push_back({site, 100, "Patriot"});
  const Shot on = shoot(with), off = shoot(Scene{});
  // Inside the ring (60 km from the site) the ground is tinted; outside (160 km) not.
  // (East of the site its name is written: clear of it, north, south and west.)
  EXPECT_GT(differing(on, off, {site.lon, site.lat + 60 / 111.32}, 3), 30) << "60 km north";
  EXPECT_GT(differing(on, off, {site.lon, site.lat - 60 / 111.32}, 3), 30) << "60 km south";
  EXPECT_GT(differing(on, off, east(site, -60), 3), 30) << "60 km west";
  EXPECT_EQ(differing(on, off, east(site, 160), 3), 0);
  EXPECT_EQ(differing(on, off, east(site, -160), 3), 0);
  // The ring's edge, 100 km out, in the edge colour.
  EXPECT_GT(count_near(on.image, on.at(east(site, 100)), 2, 2, sf::Color(40, 80, 170), 60), 0);
}

TEST(FlankLayer, TheLegendNamesTheLayerOnlyWhenItIsOn) {
  // The legend's row for coverage: the same scene with the layer off has a shorter legend, so
  // its box (white) ends lower on the left edge.
  const map::LonLat site{26.103, 44.427};
  Scene with;
  with.air_defence.push_back({site, 100, "Patriot"});
  with.units.push_back({label_of("kyiv_city"), Glyph::LightInfantry, Affiliation::Friendly, "", 1});
  Scene without = with;
  without.air_defence.clear();
  const Shot on = shoot(with), off = shoot(without);
  auto top_of_legend = [](const Shot& s) {
    for (unsigned y = 40; y < kHeight; ++y) {
      if (close_to(s.image.getPixel(20, y), sf::Color(255, 255, 255), 4)) return y;
    }
    return kHeight;
  };
  EXPECT_LT(top_of_legend(on), top_of_legend(off));
}

TEST(FlankLayer, AnIncidentIsMarkedAtItsPlaceWithItsOutcome) {
  const map::LonLat poland = label_of("flank_poland"), romania = label_of("flank_romania");
  Scene s;
  FlankMarker missed;
  missed.where = poland;
  missed.kind = FlankKind::DroneRaid;
  missed.outcome = Engagement::Missed;
  s.flank.push_back(missed);
  FlankMarker killed;
  killed.where = romania;
  killed.kind = FlankKind::Drone;
  killed.outcome = Engagement::Killed;
  s.flank.push_back(killed);
  const Shot shot = shoot(s);
  // The glyph in the middle, the outcome's ring about it: red for a miss, green for a kill.
  EXPECT_GT(count_near(shot.image, shot.at(poland), 6, 6, kFlankInk, 25), 8);
  EXPECT_GT(count_near(shot.image, shot.at(poland), 10, 10, sf::Color(215, 25, 28), 30), 15);
  EXPECT_EQ(count_near(shot.image, shot.at(poland), 10, 10, sf::Color(30, 140, 60), 30), 0);
  EXPECT_GT(count_near(shot.image, shot.at(romania), 6, 6, kFlankInk, 25), 8);
  EXPECT_GT(count_near(shot.image, shot.at(romania), 10, 10, sf::Color(30, 140, 60), 30), 15);
  // Nothing of the kind where there is none.
  const Shot empty = shoot(Scene{});
  EXPECT_EQ(count_near(empty.image, empty.at(poland), 10, 10, kFlankInk, 25), 0);
}

TEST(FlankLayer, AFadedIncidentIsNotDrawn) {
  const map::LonLat poland = label_of("flank_poland");
  Scene s;
  FlankMarker m;
  m.where = poland;
  m.fade = 0;
  s.flank.push_back(m);
  const Shot shot = shoot(s);
  EXPECT_EQ(count_near(shot.image, shot.at(poland), 10, 10, kFlankInk, 25), 0);
}

sim::Scenario partial() {
  return sim::load_scenario(std::string(RFSIM_ASSETS_DIR) + "/scenarios/partial-ceasefire.toml",
                            theatre());
}

std::uint32_t unit_named(const sim::Simulation& run, const std::string& id) {
  for (std::uint32_t u = 0; u < run.scenario().units.size(); ++u) {
    if (run.scenario().units[u].id == id) return u;
  }
  ADD_FAILURE() << "no unit " << id;
  return 0;
}

TEST(FlankLayer, ADeploymentIsDrawnBetweenHomeAndDestinationWithItsMeans) {
  sim::Simulation run(partial(), theatre());
  sim::Inject surge;
  surge.kind = sim::InjectKind::Surge;
  run.command(surge);
  // The VJTF's notice is 48 h, then it waits for its airlift loads at Rzeszow: an hour after
  // it sets off it is on the way.
  const std::uint32_t u = unit_named(run, "uk-vjtf-lead");
  run.run_until(run.world().units[u].depart + sim::Duration::hours(1));
  ASSERT_EQ(run.world().units[u].state, sim::UnitState::Deploying);
  const Scene scene = scene_of_run(run);
  const sim::UnitSpec& sp = run.scenario().units[u];
  const map::LonLat home = theatre().region(sp.home).label,
                    to = theatre().region(sp.deploy_to).label;
  const auto line = std::find_if(scene.transits.begin(), scene.transits.end(), [&](const auto& t) {
    return t.route.front().lon == home.lon && t.route.front().lat == home.lat;
  });
  ASSERT_NE(line, scene.transits.end()) << "no route from brize_norton";
  EXPECT_EQ(line->route.back().lon, to.lon);
  EXPECT_EQ(line->route.back().lat, to.lat);
  EXPECT_NE(line->mode.find("by airlift"), std::string::npos) << line->mode;
  // The unit itself is on the route: between its home and its destination.
  const map::LonLat at = run.unit_position(u);
  EXPECT_GT(at.lon, std::min(home.lon, to.lon));
  EXPECT_LT(at.lon, std::max(home.lon, to.lon));
  // Drawn: the destination's ring in the route's colour (Rzeszow is on the map; Brize Norton
  // is far off it to the west).
  Scene only;
  only.transits.push_back(*line);
  const Shot shot = shoot(only);
  EXPECT_GT(count_near(shot.image, shot.at(to), 5, 5, kTransit, 30), 10);
  const Shot bare = shoot(Scene{});
  EXPECT_EQ(count_near(bare.image, bare.at(to), 5, 5, kTransit, 30), 0);
}

TEST(FlankLayer, RedsMapHasNoCoverageWhiteAndBlueHaveEverySite) {
  sim::Simulation run(partial(), theatre());
  const Scene white = scene_of_run(run);
  EXPECT_EQ(white.air_defence.size(), sim::air_defence_sites().size());
  const Scene blue =
      scene_of_picture(play::picture_of(run, play::Cell::Blue, false), theatre(), run.scenario());
  EXPECT_EQ(blue.air_defence.size(), sim::air_defence_sites().size());
  const Scene red =
      scene_of_picture(play::picture_of(run, play::Cell::Red, false), theatre(), run.scenario());
  EXPECT_TRUE(red.air_defence.empty());
}

TEST(FlankLayer, AnIncidentInTheRunBecomesAFlankMarkerNotAViolationStar) {
  sim::Scenario sc = partial();
  sim::Inject raid;
  raid.at = sim::Duration::hours(1);
  raid.kind = sim::InjectKind::Provocation;
  raid.region = theatre().require("flank_poland");
  raid.count = 19;
  sc.injects.insert(sc.injects.begin(), raid);
  sim::Simulation run(std::move(sc), theatre());
  sim::CommandQueue doctrine(true);  // any question asked is answered as doctrine would
  run.advance(sim::SimTime::at(sim::Duration::hours(2)), doctrine);
  const Scene scene = scene_of_run(run);
  const map::LonLat poland = label_of("flank_poland");
  const auto m = std::find_if(scene.flank.begin(), scene.flank.end(), [&](const FlankMarker& f) {
    return f.kind == FlankKind::DroneRaid && f.where.lon == poland.lon;
  });
  ASSERT_NE(m, scene.flank.end());
  EXPECT_GT(m->fade, 0.3f);
  EXPECT_LT(m->fade, 1.0f) << "an hour into its seven it has begun to fade";
  for (const ViolationMarker& v : scene.violations) EXPECT_NE(v.serial, m->serial);
}

}  // namespace
}  // namespace rfsim::render
