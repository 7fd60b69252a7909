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
  EXPECT_EQ(s.kmh(Mobility::Rail, kRail), 50);
  EXPECT_EQ(s.kmh(Mobility::Rail, kRoad), 0);
  EXPECT_EQ(s.kmh(Mobility::Air, kAir), 450);
  EXPECT_EQ(s.kmh(Mobility::Sea, kSea), 25);
}

TEST(Router, WheeledReachesEveryUkrainianUnitAndSectorFromRzeszow) {
  const Theatre& t = real_theatre();
  const Router router(t);
  const RegionId rzeszow = t.require("rzeszow");
  for (const Region& r : t.regions()) {
    const bool land = r.kind == RegionKind::Oblast || r.kind == RegionKind::City ||
                      r.kind == RegionKind::ContactSector || r.kind == RegionKind::Staging;
    const auto time = router.travel_time(rzeszow, t.require(r.id), Mobility::Wheeled);
    EXPECT_EQ(time.has_value(), land) << r.id;
  }
}

TEST(Router, LvivToKyivByRoadMatchesTheHandComputedPath) {
  // Fastest road path between label points, great circle x 1.25 road winding:
  //   lviv (23.8428E 49.7211N) - ternopil (25.6186E 49.3864N)      133.39 km -> 166.74 km
  //   ternopil - khmelnytskyi (26.9435E 49.5526N)                   97.50 km -> 121.88 km
  //   khmelnytskyi - vinnytsia (28.6112E 48.9455N)                 138.60 km -> 173.25 km
  //   vinnytsia - kyiv_oblast (30.1766E 49.7932N)                  147.41 km -> 184.27 km
  //   kyiv_oblast - kyiv_city (30.5302E 50.3993N)                   71.96 km ->  89.95 km
  //   total 736.08 km at 30 km/h = 24.536 h = 88,329,975 ms.
  // The northern way (rivne, zhytomyr, kyiv_oblast) is 780.84 km.
  const Theatre& t = real_theatre();
  const Router router(t);
  auto route = router.route(t.require("lviv"), t.require("kyiv_city"), Mobility::Wheeled);
  ASSERT_TRUE(route);
  EXPECT_EQ(ids(t, route->regions),
            (std::vector<std::string>{"lviv", "ternopil", "khmelnytskyi", "vinnytsia",
                                      "kyiv_oblast", "kyiv_city"}));
  ASSERT_EQ(route->links.size(), 5u);
  EXPECT_NEAR(route->length_km, 736.08, 0.01);
  EXPECT_NEAR(static_cast<double>(route->travel.count()), 88'329'975.0, 1000.0);
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
  // Same links here (the main line runs Lviv - Ternopil - Khmelnytskyi - Vinnytsia - Kyiv), so
  // the ratio is that of the speeds, 30/50.
  EXPECT_EQ(rail->travel, hours_to_ms(rail->length_km / 50));
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
  const double km = distance_km(t.region(rzeszow).label, t.region(odesa).label);
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
  Theatre t = real_theatre();  // a copy we may damage
  const Router router(t);
  const RegionId lviv = t.require("lviv");
  const RegionId kyiv = t.require("kyiv_city");
  const auto before = router.route(lviv, kyiv, Mobility::Wheeled);
  ASSERT_TRUE(before);
  const LinkId cut = *t.link_between(t.require("ternopil"), t.require("khmelnytskyi"));

  t.set_condition(cut, 0);
  const auto after = router.route(lviv, kyiv, Mobility::Wheeled);
  ASSERT_TRUE(after);
  EXPECT_EQ(std::find(after->links.begin(), after->links.end(), cut), after->links.end());
  EXPECT_GT(after->travel, before->travel);
  // The next best: lviv, rivne, zhytomyr, kyiv_oblast, kyiv_city (780.84 km, see above).
  EXPECT_EQ(ids(t, after->regions),
            (std::vector<std::string>{"lviv", "rivne", "zhytomyr", "kyiv_oblast", "kyiv_city"}));
  EXPECT_NEAR(after->length_km, 780.84, 0.01);

  // Half a link's condition doubles its time; repaired, the first route returns.
  t.set_condition(cut, 0.5);
  const Link& l = t.link(cut);
  const double slow_hours = before->length_km / 30 + l.length_km / 30;
  const auto half = router.route(lviv, kyiv, Mobility::Wheeled);
  ASSERT_TRUE(half);
  EXPECT_EQ(half->travel, std::min(hours_to_ms(slow_hours), after->travel));
  t.set_condition(cut, 1);
  EXPECT_EQ(router.route(lviv, kyiv, Mobility::Wheeled)->regions, before->regions);
  EXPECT_EQ(router.travel_time(lviv, kyiv, Mobility::Wheeled), before->travel);
}

TEST(Router, CuttingTheOnlyWayLeavesNoRoute) {
  Theatre t = real_theatre();
  const Router router(t);
  const RegionId sevastopol = t.require("sevastopol");
  const RegionId lviv = t.require("lviv");
  ASSERT_TRUE(router.travel_time(lviv, sevastopol, Mobility::Wheeled));
  t.set_condition(*t.link_between(t.require("crimea"), sevastopol), 0);
  EXPECT_FALSE(router.route(lviv, sevastopol, Mobility::Wheeled));
  EXPECT_FALSE(router.travel_time(lviv, sevastopol, Mobility::Wheeled));
}

}  // namespace
}  // namespace rfsim::map
