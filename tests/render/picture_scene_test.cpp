// A cell's picture on the map: Blue's scene holds the violations HQ has detected and no
// other, so where White draws a hollow marker for one nobody saw, Blue's map shows nothing;
// Blue's sectors are grey, its step unknown. White's scene is today's map of the truth.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "play/picture.hpp"
#include "render/scene_of_run.hpp"
#include "render_fixture.hpp"
#include "sim/scenario_loader.hpp"
#include "sim/simulation.hpp"

namespace rfsim::render {
namespace {

using namespace rfsim::render::testing;

// no-ceasefire.toml run hour by hour until some open violation is undetected in a region
// where no detected one is open (what White draws hollow and Blue must not draw).
sim::Simulation& run_with_undetected(sim::Simulation& run) {
  for (int h = 1; h <= 24 * 10; ++h) {
    run.run_until(sim::SimTime::at(sim::Duration::hours(h)));
    std::set<map::RegionId> seen, unseen;
    for (const sim::Violation& v : run.world().violations) {
      if (v.serial == 0) continue;
      (v.detected <= run.now() ? seen : unseen).insert(v.region);
    }
    for (const map::RegionId r : unseen) {
      if (!seen.count(r)) return run;
    }
  }
  ADD_FAILURE() << "no undetected violation in ten days";
  return run;
}

TEST(PictureScene, BluesMapHoldsOnlyDetectedViolations) {
  sim::Simulation run(no_ceasefire(), theatre());
  run_with_undetected(run);
  const Scene white =
      scene_of_picture(play::picture_of(run, play::Cell::White), theatre(), run.scenario());
  const Scene blue =
      scene_of_picture(play::picture_of(run, play::Cell::Blue), theatre(), run.scenario());
  std::size_t live = 0, detected = 0;
  for (const sim::Violation& v : run.world().violations) {
    live += v.serial != 0;
    detected += v.serial != 0 && v.detected <= run.now();
  }
  ASSERT_LT(detected, live);
  EXPECT_EQ(white.violations.size(), live);
  EXPECT_EQ(blue.violations.size(), detected);
  EXPECT_LT(blue.violations.size(), white.violations.size());
  for (const ViolationMarker& m : blue.violations) EXPECT_TRUE(m.detected);
  // Blue does not know Red's step: every sector is grey, and the legend says so.
  ASSERT_FALSE(blue.sectors.empty());
  for (const SectorMarker& s : blue.sectors) EXPECT_EQ(s.colour, kStepUnknownColour);
  for (std::size_t i = 0; i < white.sectors.size(); ++i) {
    EXPECT_EQ(white.sectors[i].colour, red_step_colour(run.world().sectors[i].step));
  }
  // White's picture draws the same map as scene_of_run (the truth).
  const Scene truth = scene_of_run(run);
  EXPECT_EQ(truth.title, white.title);
  EXPECT_EQ(truth.violations.size(), white.violations.size());
  EXPECT_EQ(truth.units.size(), white.units.size());
}

TEST(PictureScene, WhitesHollowMarkerIsNotOnBluesMap) {
  sim::Simulation run(no_ceasefire(), theatre());
  run_with_undetected(run);
  Scene white =
      scene_of_picture(play::picture_of(run, play::Cell::White), theatre(), run.scenario());
  Scene blue = scene_of_picture(play::picture_of(run, play::Cell::Blue), theatre(), run.scenario());
  // Only the markers differ between the two shots: units and the line are left out (the
  // painter moves a marker off a unit stack; Blue's line is grey).
  for (Scene* s : {&white, &blue}) {
    s->units.clear();
    s->responses.clear();
    s->sectors.clear();
    s->legend.clear();
  }
  Scene none = blue;  // the map under the markers: the line and the hatch are red too
  none.violations.clear();
  const Shot w = shoot(white), b = shoot(blue), base = shoot(none);
  const sf::Color red(215, 25, 28), orange(240, 130, 20);
  int places = 0;
  for (const sim::Violation& v : run.world().violations) {
    if (v.serial == 0 || v.detected <= run.now()) continue;
    const map::LonLat at = theatre().region(v.region).label;
    // Far (in pixels) from every marker Blue has, so no burst of Blue's covers it.
    bool clear = true;
    for (const ViolationMarker& m : blue.violations) {
      const PixelPoint p = w.at(m.where), q = w.at(at);
      clear = clear && std::hypot(p.x - q.x, p.y - q.y) > 40;
    }
    if (!clear) continue;
    ++places;
    auto marker = [&](const Shot& s) {
      return count_near(s.image, s.at(at), 13, 13, red, 40) +
             count_near(s.image, s.at(at), 13, 13, orange, 40);
    };
    EXPECT_GT(marker(w), marker(base) + 20) << theatre().region(v.region).id;
    EXPECT_EQ(marker(b), marker(base)) << theatre().region(v.region).id;
  }
  EXPECT_GT(places, 0);
}

}  // namespace
}  // namespace rfsim::render
