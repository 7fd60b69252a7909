// Ear clipping: areas add up, holes stay empty, rings of either orientation work.
#include "render/triangulate.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace rfsim::render {
namespace {

using P = map::PlanePoint;

double area(const std::vector<P>& tris) {
  double a = 0;
  for (std::size_t i = 0; i + 2 < tris.size(); i += 3) {
    a += std::abs((tris[i + 1].x - tris[i].x) * (tris[i + 2].y - tris[i].y) -
                  (tris[i + 1].y - tris[i].y) * (tris[i + 2].x - tris[i].x)) /
         2;
  }
  return a;
}

bool covered(const std::vector<P>& tris, P p) {
  auto cross = [](P o, P a, P b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); };
  for (std::size_t i = 0; i + 2 < tris.size(); i += 3) {
    const double d1 = cross(tris[i], tris[i + 1], p), d2 = cross(tris[i + 1], tris[i + 2], p),
                 d3 = cross(tris[i + 2], tris[i], p);
    if ((d1 > 0 && d2 > 0 && d3 > 0) || (d1 < 0 && d2 < 0 && d3 < 0)) return true;
  }
  return false;
}

TEST(Triangulate, ConcaveRingEitherWay) {
  std::vector<P> l{{0, 0}, {4, 0}, {4, 1}, {1, 1}, {1, 3}, {0, 3}};  // an L, 4 + 2 = 6
  std::vector<P> tris;
  EXPECT_TRUE(triangulate(l, {}, tris));
  EXPECT_EQ(tris.size(), 3u * (l.size() - 2));
  EXPECT_NEAR(area(tris), 6, 1e-12);
  EXPECT_FALSE(covered(tris, {2, 2}));  // the notch stays empty
  std::reverse(l.begin(), l.end());
  tris.clear();
  EXPECT_TRUE(triangulate(l, {}, tris));
  EXPECT_NEAR(area(tris), 6, 1e-12);
}

TEST(Triangulate, HoleIsLeftEmpty) {
  // Like kyiv_oblast round kyiv_city: a square with a square hole, both counter-clockwise.
  const std::vector<P> outer{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
  const std::vector<P> hole{{3, 3}, {6, 3}, {6, 7}, {3, 7}};
  std::vector<P> tris;
  EXPECT_TRUE(triangulate(outer, {hole}, tris));
  EXPECT_NEAR(area(tris), 100 - 12, 1e-9);
  EXPECT_FALSE(covered(tris, {4.5, 5}));
  EXPECT_TRUE(covered(tris, {1, 2}));
  EXPECT_TRUE(covered(tris, {8, 5}));
}

TEST(Triangulate, TwoHoles) {
  const std::vector<P> outer{{0, 0}, {20, 0}, {20, 10}, {0, 10}};
  const std::vector<P> a{{2, 2}, {5, 2}, {5, 5}, {2, 5}};
  const std::vector<P> b{{12, 4}, {15, 3}, {16, 8}};
  std::vector<P> tris;
  EXPECT_TRUE(triangulate(outer, {a, b}, tris));
  EXPECT_NEAR(area(tris), 200 - 9 - 8, 1e-9);
  EXPECT_FALSE(covered(tris, {3.5, 3.5}));
  EXPECT_FALSE(covered(tris, {14.5, 5}));
}

TEST(Triangulate, CollinearAndDegenerateInput) {
  std::vector<P> tris;
  EXPECT_FALSE(triangulate({{0, 0}, {1, 1}}, {}, tris));
  EXPECT_TRUE(tris.empty());
  // Collinear points along an edge add no area and no slivers.
  EXPECT_TRUE(triangulate({{0, 0}, {1, 0}, {2, 0}, {2, 2}, {0, 2}}, {}, tris));
  EXPECT_NEAR(area(tris), 4, 1e-12);
}

}  // namespace
}  // namespace rfsim::render
