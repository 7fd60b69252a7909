// Tests of map/routing on the real theatre: hand-computed routes, modes, air, sea, cut links
// and the cache.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "map/routing.hpp"
#include "real_theatre.hpp"

namespace rfsim::map {
namespace {

using std::chrono::milliseconds;
using testing::real_theatre;

std::vector<std::string> ids(const Theatre& t, const std::vector<RegionId>& regions) {
  std::vector<std::string> out;
  for (RegionId r : regions) out.push_back(t.region(r).id);
  return out;
}

milliseconds hours_to_ms(double hours) {
  return milliseconds(std::llround(hours * 3'600'000));
}

TEST(SpeedTable, DefaultsFromTheHeader) {
  const SpeedTable s;
  EXPECT_EQ(s.kmh(Mobility::Wheeled, kRoad), 30);
  EXPECT_EQ(s.kmh(Mobility::Wheeled, kRail), 0);
  EXPECT_EQ(s.kmh(Mobility::Tracked, kRoad), 20);
  EXPECT_EQ(s.kmh(Mobility::Rail, kRail), 55);
  EXPECT_EQ(s.kmh(Mobility::Rail, kRoad), 0);
  EXPECT_EQ(s.kmh(Mobility::Air, kAir), 450);
  EXPECT_EQ(s.kmh(Mobility::Sea, kSea), 25);
  EXPECT_EQ(s.kmh(Mobility::Airlift, kAir), 650);
  EXPECT_EQ(s.kmh(Mobility::Sealift, kSea), 30);
  EXPECT_EQ(s.kmh(Mobility::Sealift, kRoad), 0);
}

TEST(Router, WheeledReachesEveryLandRegionFromRzeszow) {
  const Theatre& t = real_theatre();
  const Router router(t);
  const RegionId rzeszow = t.require("rzeszow");
  for (const Region& r : t.regions()) {
    const bool land = r.kind == RegionKind::Oblast || r.kind == RegionKind::City ||
                      r.kind == RegionKind::ContactSector || r.kind == RegionKind::Staging ||
                      r.kind == RegionKind::Base || r.kind == RegionKind::Flank;
    const auto time = router.travel_time(rzeszow, t.require(r.id), Mobility::Wheeled);
    EXPECT_EQ(time.has_value(), land) << r.id;
  }
}

TEST(Router, LvivToKyivByRoadMatchesTheHandComputedPath) {
  // Fastest road path between the cities (routing points), great circle x 1.15 road winding
  // unless a published length is given:
  //   Lviv (24.0297E 49.8397N) - Rivne (26.2516E 50.6199N)        180.28 km -> 207.33 km
  //   Rivne - Zhytomyr (28.6587E 50.2547N)                         175.24 km -> 201.52 km
  //   Zhytomyr - Kyiv Oblast (routing point Kyiv)                  published  140.00 km
  //   Kyiv Oblast - Kyiv City (both at Kyiv, 30.5234E 50.4501N)                 0.00 km
  //   total 548.85 km (540 km published, the M06) at 30 km/h = 18.295 h.
  // The southern way (Ternopil, Khmelnytskyi, Vinnytsia) is 607.25 km.
  const Theatre& t = real_theatre();
  const Router router(t);
  auto route = router.route(t.require("lviv"), t.require("kyiv_city"), Mobility::Wheeled);
  ASSERT_TRUE(route);
  EXPECT_EQ(ids(t, route->regions),
            (std::vector<std::string>{"lviv", "rivne", "zhytomyr", "kyiv_oblast", "kyiv_city"}));
  ASSERT_EQ(route->links.size(), 4u);
  EXPECT_NEAR(route->length_km, 548.85, 0.01);
  EXPECT_NEAR(static_cast<double>(route->travel.count()), 548.85 / 30 * 3.6e6, 2000.0);
  EXPECT_EQ(route->travel, hours_to_ms(route->length_km / 30));
  EXPECT_EQ(router.travel_time(t.require("lviv"), t.require("kyiv_city"), Mobility::Wheeled),
            route->travel);
  // Tracked columns take the same roads, more slowly.
  auto tracked = router.route(t.require("lviv"), t.require("kyiv_city"), Mobility::Tracked);
  ASSERT_TRUE(tracked);
  EXPECT_EQ(tracked->regions, route->regions);
  EXPECT_EQ(tracked->travel, hours_to_ms(route->length_km / 20));
}

TEST(Router, RouteLinksJoinConsecutiveRegions) {
  const Theatre& t = real_theatre();
  const Router router(t);
  auto route = router.route(t.require("suceava"), t.require("sector_pokrovsk"), Mobility::Wheeled);
  ASSERT_TRUE(route);
  ASSERT_EQ(route->links.size() + 1, route->regions.size());
  double km = 0;
  for (std::size_t i = 0; i < route->links.size(); ++i) {
    const Link& l = t.link(route->links[i]);
    EXPECT_EQ(std::minmax(l.a, l.b), std::minmax(route->regions[i], route->regions[i + 1]));
    km += l.length_km;
  }
  EXPECT_NEAR(route->length_km, km, 1e-9);
}

TEST(Router, RailIsFasterThanRoadWhereALineExists) {
  const Theatre& t = real_theatre();
  const Router router(t);
  const RegionId lviv = t.require("lviv");
  const RegionId kyiv = t.require("kyiv_city");
  auto rail = router.route(lviv, kyiv, Mobility::Rail);
  auto road = router.route(lviv, kyiv, Mobility::Wheeled);
  ASSERT_TRUE(rail && road);
  EXPECT_LT(rail->travel, road->travel);
  for (LinkId l : rail->links) EXPECT_TRUE(t.link(l).modes & kRail);
  // Same links here (the line Lviv - Zdolbuniv - Korosten - Kyiv follows the M06 at oblast
  // scale), so the ratio is that of the speeds, 30/55; no gauge change inside Ukraine.
  EXPECT_EQ(rail->regions, road->regions);
  EXPECT_EQ(rail->gauge_breaks, 0);
  EXPECT_EQ(rail->travel, hours_to_ms(rail->length_km / 55));
  // No railway into Crimea in the model: a train cannot get there.
  EXPECT_FALSE(router.route(lviv, t.require("crimea"), Mobility::Rail));
}

TEST(Router, AirIsADirectFlight) {
  const Theatre& t = real_theatre();
  const Router router(t);
  const RegionId rzeszow = t.require("rzeszow");
  const RegionId odesa = t.require("odesa");
  auto route = router.route(rzeszow, odesa, Mobility::Air);
  ASSERT_TRUE(route);
  EXPECT_EQ(route->regions, (std::vector<RegionId>{rzeszow, odesa}));
  EXPECT_TRUE(route->links.empty());
  const double km = distance_km(t.region(rzeszow).hub, t.region(odesa).hub);
  EXPECT_DOUBLE_EQ(route->length_km, km);
  EXPECT_EQ(route->travel, hours_to_ms(km / 450));
  EXPECT_EQ(router.travel_time(rzeszow, odesa, Mobility::Air), route->travel);
  // Aircraft reach sea zones too.
  EXPECT_TRUE(router.route(rzeszow, t.require("sea_crimea"), Mobility::Air));
}

TEST(Router, SeaRouteUsesOnlySeaLinks) {
  const Theatre& t = real_theatre();
  const Router router(t);
  auto route = router.route(t.require("constanta"), t.require("odesa"), Mobility::Sea);
  ASSERT_TRUE(route);
  EXPECT_GE(route->links.size(), 2u);
  for (LinkId l : route->links) EXPECT_EQ(t.link(l).modes, kSea);
  EXPECT_EQ(t.region(route->regions[1]).kind, RegionKind::SeaZone);
  EXPECT_EQ(route->travel, hours_to_ms(route->length_km / 25));
  // Ships do not sail to Kyiv.
  EXPECT_FALSE(router.route(t.require("constanta"), t.require("kyiv_city"), Mobility::Sea));
}

TEST(Router, SameRegionIsAnEmptyRoute) {
  const Theatre& t = real_theatre();
  const Router router(t);
  const RegionId lviv = t.require("lviv");
  auto route = router.route(lviv, lviv, Mobility::Wheeled);
  ASSERT_TRUE(route);
  EXPECT_EQ(route->regions, std::vector<RegionId>{lviv});
  EXPECT_TRUE(route->links.empty());
  EXPECT_EQ(route->travel, milliseconds{0});
}

TEST(Router, CuttingALinkReroutesAndDropsTheCache) {
  const Theatre& t = real_theatre();  // shared and never changed: conditions are the caller's
  Router router(t);
  std::vector<double> condition(t.link_count(), 1.0);
  router.set_conditions(condition);
  const RegionId lviv = t.require("lviv");
  const RegionId kyiv = t.require("kyiv_city");
  const auto before = router.route(lviv, kyiv, Mobility::Wheeled);
  ASSERT_TRUE(before);
  const LinkId cut = *t.link_between(t.require("rivne"), t.require("zhytomyr"));

  condition[cut] = 0;
  router.set_conditions(condition);
  const auto after = router.route(lviv, kyiv, Mobility::Wheeled);
  ASSERT_TRUE(after);
  EXPECT_EQ(std::find(after->links.begin(), after->links.end(), cut), after->links.end());
  EXPECT_GT(after->travel, before->travel);
  // The next best turns north at Khmelnytskyi to meet the M06 at Zhytomyr: 134.53 + 116.85
  // + Khmelnytskyi - Zhytomyr (159.53 km great circle x 1.15 = 174.11) + 140 = 565.49 km.
  EXPECT_EQ(ids(t, after->regions),
            (std::vector<std::string>{"lviv", "ternopil", "khmelnytskyi", "zhytomyr", "kyiv_oblast",
                                      "kyiv_city"}));
  EXPECT_NEAR(after->length_km, 565.49, 0.01);

  // Half a link's condition doubles its time; repaired, the first route returns.
  condition[cut] = 0.5;
  router.set_conditions(condition);
  const Link& l = t.link(cut);
  const double slow_hours = before->length_km / 30 + l.length_km / 30;
  const auto half = router.route(lviv, kyiv, Mobility::Wheeled);
  ASSERT_TRUE(half);
  EXPECT_EQ(half->travel, std::min(hours_to_ms(slow_hours), after->travel));
  condition[cut] = 1;
  router.set_conditions(condition);
  EXPECT_EQ(router.route(lviv, kyiv, Mobility::Wheeled)->regions, before->regions);
  EXPECT_EQ(router.travel_time(lviv, kyiv, Mobility::Wheeled), before->travel);
}

// journey_time() is the model's shortcut for journey()->total: every pair of regions, every
// mobility, with the links intact and with some cut and some slowed (rail's gauge breaks
// included), must give the same answer to the millisecond, or no answer for both.
TEST(Router, JourneyTimeIsTheJourneysTotalEverywhere) {
  const Theatre& t = real_theatre();
  Router router(t);
  std::vector<double> condition(t.link_count(), 1.0);
  std::size_t compared = 0, reached = 0;
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) {
      for (LinkId l = 0; l < t.link_count(); ++l) {
        if (l % 7 == 0) condition[l] = 0;
        if (l % 5 == 1) condition[l] = 0.4;
      }
    }
    router.set_conditions(condition);
    for (RegionId from = 0; from < t.region_count(); ++from) {
      for (RegionId to = 0; to < t.region_count(); ++to) {
        for (std::size_t mi = 0; mi < kMobilityCount; ++mi) {
          const auto m = static_cast<Mobility>(mi);
          const auto j = router.journey(from, to, m);
          const auto time = router.journey_time(from, to, m);
          ASSERT_EQ(time.has_value(), j.has_value())
              << t.region(from).id << " -> " << t.region(to).id << " mobility " << mi;
          ++compared;
          if (!j) continue;
          ++reached;
          ASSERT_EQ(*time, j->total)
              << t.region(from).id << " -> " << t.region(to).id << " mobility " << mi;
        }
      }
    }
  }
  EXPECT_GT(reached, compared / 4);  // most pairs are reachable by most means
}

TEST(Router, CuttingTheOnlyWayLeavesNoRoute) {
  const Theatre& t = real_theatre();
  Router router(t);
  const RegionId sevastopol = t.require("sevastopol");
  const RegionId lviv = t.require("lviv");
  ASSERT_TRUE(router.travel_time(lviv, sevastopol, Mobility::Wheeled));
  std::vector<double> condition(t.link_count(), 1.0);
  condition[*t.link_between(t.require("crimea"), sevastopol)] = 0;
  router.set_conditions(condition);
  EXPECT_FALSE(router.route(lviv, sevastopol, Mobility::Wheeled));
  EXPECT_FALSE(router.travel_time(lviv, sevastopol, Mobility::Wheeled));
}

TEST(Router, RefusesConditionsThatDoNotMatchTheLinks) {
  Router router(real_theatre());
  EXPECT_THROW(router.set_conditions(std::vector<double>(3, 1.0)), std::invalid_argument);
}

}  // namespace
}  // namespace rfsim::map
