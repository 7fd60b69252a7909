// The route table of docs/theatre.md: routes on the graph against published road distances and
// rail timetables, each within 20%. The figures below are the published ones.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "map/routing.hpp"
#include "real_theatre.hpp"

namespace rfsim::map {
namespace {

using testing::hours;
using testing::real_theatre;

struct RoadPair {
  const char* from;
  const char* to;
  double published_km;
  const char* source;
};

// Road distances between the two cities as published. Zhytomyr and Poltava are also the
// lengths given to their links from Kyiv ([[lengths]] in theatre.toml); the others are routes
// of several computed links and so a real check of the graph.
const std::vector<RoadPair> kPublishedRoads = {
    {"kyiv_city", "lviv", 540, "vgosty.net, EURO 2012 host cities: Kyiv - Lviv 540 km"},
    {"kyiv_city", "kharkiv", 480, "vgosty.net, EURO 2012 host cities: Kyiv - Kharkiv 480 km"},
    {"kyiv_city", "odesa", 454, "The Day (Kyiv): the Kyiv-Odesa highway, 454 km"},
    {"kyiv_city", "chernivtsi", 525, "bls.ua, Chernivtsi: 'some 525 kilometers' from Kyiv"},
    {"lublin", "kyiv_city", 616,
     "Kurier Galicyjski, 'Z Lublina do Kijowa': 94 km to Dorohusk + 522 km to Kyiv"},
    {"kyiv_city", "zhytomyr", 140, "Interia, 24 Feb 2022: Zhytomyr 140 km from Kyiv"},
    {"kyiv_city", "poltava", 345, "topnews.pl.ua, 2017: M03 km 345 at Poltava's edge"},
};

struct RailPair {
  const char* from;
  const char* to;
  double published_hours;
  const char* source;
};

// Timetable times of ordinary long-distance trains (not Intercity+), stops included.
const std::vector<RailPair> kPublishedRails = {
    {"kyiv_city", "przemysl", 11 + 33 / 60.0,
     "Ukrzaliznytsia, train 53/54 Kyiv - Przemysl: 19:48 - 07:21 (June 2022)"},
    {"zaporizhzhia", "przemysl", 21 + 20 / 60.0,
     "Ukrzaliznytsia, train 31/32 Zaporizhzhia - Przemysl: 15:30 - 12:50 (June 2022)"},
    {"dnipropetrovsk", "przemysl", 19 + 17 / 60.0,
     "Ukrzaliznytsia, train 31/32 from Dnipro: 17:33 - 12:50 (June 2022)"},
    {"kyiv_city", "kherson", 12,
     "pivdenukraine.com.ua, 2016: the direct train Kyiv - Kherson 12 h"},
    {"kyiv_city", "chernivtsi", 16,
     "publika.press / tsn.ua, 2018: Kyiv - Chernivtsi 16 h by train"},
};

TEST(RouteTable, RoadRoutesWithin20PercentOfPublishedDistances) {
  const Theatre& t = real_theatre();
  const Router router(t);
  for (const RoadPair& p : kPublishedRoads) {
    const auto route = router.route(t.require(p.from), t.require(p.to), Mobility::Wheeled);
    ASSERT_TRUE(route) << p.from << " - " << p.to;
    const double ratio = route->length_km / p.published_km;
    std::printf("road %-15s %-15s graph %6.0f km  published %6.0f km  %+5.1f%%\n", p.from, p.to,
                route->length_km, p.published_km, (ratio - 1) * 100);
    EXPECT_NEAR(ratio, 1.0, 0.2) << p.from << " - " << p.to << " (" << p.source << ")";
  }
}

TEST(RouteTable, RailRunningTimesWithin20PercentOfTimetables) {
  // The timetable is compared with the time on the graph (running and stops), without the
  // unit's entraining and detraining, and without the gauge change, which a passenger train
  // to Przemysl does not make (a broad-gauge track runs into Przemysl station).
  const Theatre& t = real_theatre();
  const Router router(t);
  for (const RailPair& p : kPublishedRails) {
    const auto route = router.route(t.require(p.from), t.require(p.to), Mobility::Rail);
    ASSERT_TRUE(route) << p.from << " - " << p.to;
    const double running =
        hours(route->travel) - route->gauge_breaks * router.march().gauge_change_hours;
    const double ratio = running / p.published_hours;
    std::printf("rail %-15s %-15s graph %5.1f h (%4.0f km)  timetable %5.1f h  %+5.1f%%\n", p.from,
                p.to, running, route->length_km, p.published_hours, (ratio - 1) * 100);
    EXPECT_NEAR(ratio, 1.0, 0.2) << p.from << " - " << p.to << " (" << p.source << ")";
  }
}

TEST(RouteTable, HasAtLeastTenRows) {
  EXPECT_GE(kPublishedRoads.size() + kPublishedRails.size(), 10u);
}

}  // namespace
}  // namespace rfsim::map
