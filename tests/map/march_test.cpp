// Tests of map/march and Router::journey: march rates per mobility, terminals, the gauge change,
// airlift between airfields, and the rail-else-road fallback when a rail link is cut.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "map/routing.hpp"
#include "real_theatre.hpp"

namespace rfsim::map {
namespace {

using std::chrono::milliseconds;
using testing::hours;
using testing::real_theatre;

TEST(MarchTable, A1400KmRoadMoveTakesTheDocumentedDays) {
  // docs/theatre.md: 10 h of driving at column speed on the first day, then the sustained
  // rate. Wheeled: 300 km on day one, 1,100 km at 140 km/day = 7.857 d; 8.27 days in all.
  // Tracked: 200 km on day one, 1,200 km at 93.3 km/day = 12.86 d; 13.28 days in all.
  const MarchTable m;
  const SpeedTable s;
  const double wheeled =
      m.road_hours(Mobility::Wheeled, 1400 / s.kmh(Mobility::Wheeled, kRoad), 30) / 24;
  const double tracked =
      m.road_hours(Mobility::Tracked, 1400 / s.kmh(Mobility::Tracked, kRoad), 20) / 24;
  EXPECT_NEAR(wheeled, 10.0 / 24 + 1100.0 / 140, 1e-9);
  EXPECT_NEAR(wheeled, 8.27, 0.01);
  EXPECT_NEAR(tracked, 10.0 / 24 + 1200.0 / 93.3, 1e-9);
  EXPECT_NEAR(tracked, 13.28, 0.01);
  // A move within the first day's driving is only driving.
  EXPECT_DOUBLE_EQ(m.road_hours(Mobility::Wheeled, 6, 30), 6);
  // Sustained km a day, whatever the column speed: each mobility keeps its own rate.
  const double day2_wheeled = m.road_hours(Mobility::Wheeled, 10 + 140.0 / 30, 30) - 10;
  const double day2_tracked = m.road_hours(Mobility::Tracked, 10 + 93.3 / 20, 20) - 10;
  EXPECT_NEAR(day2_wheeled, 24, 1e-9);
  EXPECT_NEAR(day2_tracked, 24, 1e-9);
}

TEST(Journey, RoadMarchAddsHaltsToDriving) {
  const Theatre& t = real_theatre();
  const Router router(t);
  const auto j = router.journey(t.require("munster"), t.require("kyiv_city"), Mobility::Tracked);
  ASSERT_TRUE(j);
  EXPECT_EQ(j->mobility, Mobility::Tracked);
  EXPECT_EQ(j->moving, j->route.travel);
  EXPECT_EQ(j->terminals, milliseconds{0});
  EXPECT_EQ(j->total, j->moving + j->halts);
  const double expect = router.march().road_hours(Mobility::Tracked, hours(j->moving), 20);
  EXPECT_NEAR(hours(j->total), expect, 1e-6);
  // About 13 days for a tracked column from Lower Saxony to Kyiv (1,900 km or so).
  EXPECT_GT(j->route.length_km, 1500);
  EXPECT_NEAR(hours(j->total) / 24, 10.0 / 24 + (j->route.length_km - 200) / 93.3, 0.01);
}

TEST(Journey, RailPaysTerminalsAndOneGaugeChangeIntoUkraine) {
  const Theatre& t = real_theatre();
  const Router router(t);
  const auto j = router.journey(t.require("rzeszow"), t.require("kyiv_city"), Mobility::Rail);
  ASSERT_TRUE(j);
  EXPECT_EQ(j->route.gauge_breaks, 1);
  for (LinkId l : j->route.links) EXPECT_TRUE(t.link(l).modes & kRail);
  const MarchTable& m = router.march();
  EXPECT_NEAR(hours(j->gauge), m.gauge_change_hours, 1e-9);
  EXPECT_NEAR(hours(j->terminals), m.rail.load_hours + m.rail.unload_hours, 1e-9);
  EXPECT_EQ(j->halts, milliseconds{0});
  EXPECT_NEAR(hours(j->moving), j->route.length_km / 55, 1e-6);
  EXPECT_EQ(j->total, j->moving + j->gauge + j->terminals);
  // Within Ukraine no gauge change.
  const auto inside = router.route(t.require("lviv"), t.require("kharkiv"), Mobility::Rail);
  ASSERT_TRUE(inside);
  EXPECT_EQ(inside->gauge_breaks, 0);
}

TEST(Journey, ACutRailLinkForcesARoadRoute) {
  const Theatre& t = real_theatre();
  Router router(t);
  std::vector<double> condition(t.link_count(), 1.0);
  router.set_conditions(condition);
  const RegionId przemysl = t.require("przemysl");
  const RegionId lviv = t.require("lviv");
  auto by_rail = router.journey(przemysl, lviv, Mobility::Rail, Mobility::Wheeled);
  ASSERT_TRUE(by_rail);
  EXPECT_EQ(by_rail->mobility, Mobility::Rail);
  // Cut every rail link from Poland and Romania into Ukraine: no train reaches Lviv.
  for (const auto& [a, b] :
       {std::pair{"przemysl", "lviv"}, {"lublin", "volyn"}, {"suceava", "chernivtsi"}}) {
    condition[*t.link_between(t.require(a), t.require(b))] = 0;
  }
  router.set_conditions(condition);
  EXPECT_FALSE(router.journey(przemysl, lviv, Mobility::Rail));
  auto by_road = router.journey(przemysl, lviv, Mobility::Rail, Mobility::Wheeled);
  ASSERT_TRUE(by_road);
  EXPECT_EQ(by_road->mobility, Mobility::Wheeled);
  for (LinkId l : by_road->route.links) {
    EXPECT_TRUE(t.link(l).modes & kRoad);
    EXPECT_GT(condition[l], 0);
  }
  // The road goes round by Rzeszow and the Korczowa crossing.
  EXPECT_NE(
      std::find(by_road->route.regions.begin(), by_road->route.regions.end(), t.require("rzeszow")),
      by_road->route.regions.end());
}

TEST(Journey, AirliftFliesOnlyBetweenAirfields) {
  const Theatre& t = real_theatre();
  const Router router(t);
  const RegionId brize = t.require("brize_norton");
  const RegionId rzeszow = t.require("rzeszow");
  const auto j = router.journey(brize, rzeszow, Mobility::Airlift);
  ASSERT_TRUE(j);
  const double km = distance_km(t.region(brize).hub, t.region(rzeszow).hub);
  EXPECT_NEAR(j->route.length_km, km, 1e-9);
  EXPECT_NEAR(hours(j->moving), km / 650, 1e-6);
  const MarchTable& m = router.march();
  EXPECT_NEAR(hours(j->terminals), m.airlift.load_hours + m.airlift.unload_hours, 1e-9);
  // Ukraine's airspace is closed to transport flights: no airlift into Kyiv; nor from Tidworth,
  // a garrison without an airfield.
  EXPECT_FALSE(router.journey(brize, t.require("kyiv_city"), Mobility::Airlift));
  EXPECT_FALSE(router.journey(t.require("tidworth"), rzeszow, Mobility::Airlift));
  // Aircraft on task still fly anywhere.
  EXPECT_TRUE(router.journey(rzeszow, t.require("kyiv_city"), Mobility::Air));
}

TEST(Journey, SealiftFromTheUkToConstanta) {
  const Theatre& t = real_theatre();
  const Router router(t);
  const auto j = router.journey(t.require("tidworth"), t.require("constanta"), Mobility::Sealift);
  ASSERT_TRUE(j);
  EXPECT_NEAR(j->route.length_km, 6000, 1e-9);
  EXPECT_NEAR(hours(j->moving), 6000.0 / 30, 1e-6);
  EXPECT_NEAR(hours(j->terminals), 48, 1e-9);
  // Ships do not sail to Kyiv.
  EXPECT_FALSE(router.journey(t.require("tidworth"), t.require("kyiv_city"), Mobility::Sealift));
}

TEST(Journey, SameRegionCostsNothing) {
  const Theatre& t = real_theatre();
  const Router router(t);
  const RegionId r = t.require("rzeszow");
  for (Mobility m : {Mobility::Wheeled, Mobility::Rail, Mobility::Airlift}) {
    const auto j = router.journey(r, r, m);
    ASSERT_TRUE(j);
    EXPECT_EQ(j->total, milliseconds{0});
  }
}

}  // namespace
}  // namespace rfsim::map
