// Tests of map/geo: great-circle distance, point in polygon and the conic projection.
#include <gtest/gtest.h>

#include <cmath>

#include "map/geo.hpp"

namespace rfsim::map {
namespace {

constexpr LonLat kKyiv{30.5234, 50.4501};
constexpr LonLat kLviv{24.0297, 49.8397};
constexpr LonLat kKharkiv{36.2304, 49.9935};

TEST(Distance, KyivToLvivIsAbout468Km) {
  // Published great-circle distance between the city centres: about 468 km.
  EXPECT_NEAR(distance_km(kKyiv, kLviv), 468.0, 2.0);
  EXPECT_NEAR(distance_km(kLviv, kKyiv), distance_km(kKyiv, kLviv), 1e-9);
}

TEST(Distance, ZeroForTheSamePointAndOneDegreeOfLatitudeIs111Km) {
  EXPECT_DOUBLE_EQ(distance_km(kKyiv, kKyiv), 0.0);
  // 2 pi R / 360 with R = 6371 km.
  EXPECT_NEAR(distance_km({30, 48}, {30, 49}), 111.195, 0.001);
}

TEST(Projection, CentreMapsToTheOrigin) {
  const Projection p;
  const PlanePoint c = p.project({31.5, 48.5});
  EXPECT_NEAR(c.x, 0.0, 1e-9);
  EXPECT_NEAR(c.y, 0.0, 1e-9);
}

TEST(Projection, RoundTripsAcrossTheTheatre) {
  const Projection p;
  for (double lon = 20; lon <= 42; lon += 1.5) {
    for (double lat = 43; lat <= 53.5; lat += 0.75) {
      const LonLat back = p.unproject(p.project({lon, lat}));
      EXPECT_NEAR(back.lon, lon, 1e-9) << lon << "," << lat;
      EXPECT_NEAR(back.lat, lat, 1e-9) << lon << "," << lat;
    }
  }
}

TEST(Projection, KyivIsNorthWestOfKharkiv) {
  const Projection p;
  const PlanePoint kyiv = p.project(kKyiv);
  const PlanePoint kharkiv = p.project(kKharkiv);
  EXPECT_LT(kyiv.x, kharkiv.x);
  EXPECT_GT(kyiv.y, kharkiv.y);
}

TEST(Projection, KeepsDistancesBetweenTheStandardParallels) {
  // Conformal with standard parallels 45N and 52N: the scale error inside them is under 1%,
  // so a straight line on the plane is close to the great-circle length.
  const Projection p;
  const PlanePoint a = p.project(kKyiv);
  const PlanePoint b = p.project(kLviv);
  EXPECT_NEAR(std::hypot(a.x - b.x, a.y - b.y), distance_km(kKyiv, kLviv), 0.01 * 468);
}

TEST(Contains, SquareWithAHole) {
  Polygon square{{{0, 0}, {4, 0}, {4, 4}, {0, 4}}, {{{1, 1}, {1, 3}, {3, 3}, {3, 1}}}};
  EXPECT_TRUE(contains(square, {0.5, 0.5}));
  EXPECT_FALSE(contains(square, {2, 2}));  // in the hole
  EXPECT_FALSE(contains(square, {5, 2}));
  EXPECT_TRUE(contains(std::vector<Polygon>{square}, {3.5, 2}));
  EXPECT_FALSE(contains(std::vector<Polygon>{}, {3.5, 2}));
}

}  // namespace
}  // namespace rfsim::map
