// Camera: fit, pan and zoom about the cursor, without a display.
#include "render/camera.hpp"

#include <gtest/gtest.h>

namespace rfsim::render {
namespace {

constexpr double kEps = 1e-9;

TEST(Camera, FitKeepsAspectAndCentresTheWorld) {
  const PlaneRect world{-500, -200, 500, 300};  // 1000 x 500 km
  const Camera c = Camera::fit(world, 800, 800, 0);
  EXPECT_NEAR(c.scale(), 0.8, kEps);  // the width limits: 800 px / 1000 km
  const PixelPoint mid = c.to_pixel({0, 50});
  EXPECT_NEAR(mid.x, 400, kEps);
  EXPECT_NEAR(mid.y, 400, kEps);
  // The corners land inside the target, the limiting sides exactly on its edges.
  const PixelPoint nw = c.to_pixel({world.min_x, world.max_y});
  const PixelPoint se = c.to_pixel({world.max_x, world.min_y});
  EXPECT_NEAR(nw.x, 0, kEps);
  EXPECT_NEAR(se.x, 800, kEps);
  EXPECT_NEAR(nw.y, 200, kEps);  // north is up: max y at the smaller pixel row
  EXPECT_NEAR(se.y, 600, kEps);
}

TEST(Camera, FitLeavesTheMargin) {
  const Camera c = Camera::fit({0, 0, 100, 100}, 240, 240, 20);
  EXPECT_NEAR(c.scale(), 2.0, kEps);
  EXPECT_NEAR(c.to_pixel({0, 100}).x, 20, kEps);
  EXPECT_NEAR(c.to_pixel({0, 100}).y, 20, kEps);
}

TEST(Camera, PlaneAndPixelRoundTrip) {
  Camera c = Camera::fit({-700, -400, 900, 500}, 1600, 1000);
  c.zoom_at({300, 200}, 3.7);
  c.pan(55, -12);
  for (const map::PlanePoint p : {map::PlanePoint{0, 0}, map::PlanePoint{-321.5, 77.25}}) {
    const map::PlanePoint back = c.to_plane(c.to_pixel(p));
    EXPECT_NEAR(back.x, p.x, 1e-9);
    EXPECT_NEAR(back.y, p.y, 1e-9);
  }
}

TEST(Camera, ZoomAtKeepsThePointUnderTheCursor) {
  Camera c = Camera::fit({-800, -500, 800, 500}, 1600, 1000);
  const PixelPoint cursor{1234, 321};
  const map::PlanePoint before = c.to_plane(cursor);
  c.zoom_at(cursor, 2.5);
  EXPECT_NEAR(c.scale(), 2.5, kEps);
  const PixelPoint after = c.to_pixel(before);
  EXPECT_NEAR(after.x, cursor.x, 1e-9);
  EXPECT_NEAR(after.y, cursor.y, 1e-9);
  c.zoom_at(cursor, 0.1);  // zooming out keeps it too
  EXPECT_NEAR(c.to_pixel(before).x, cursor.x, 1e-9);
  EXPECT_NEAR(c.to_pixel(before).y, cursor.y, 1e-9);
}

TEST(Camera, ZoomIsClampedAndStillKeepsTheCursorPoint) {
  Camera c = Camera::fit({-800, -500, 800, 500}, 1600, 1000);
  const PixelPoint cursor{100, 900};
  const map::PlanePoint before = c.to_plane(cursor);
  c.zoom_at(cursor, 1e9);
  EXPECT_DOUBLE_EQ(c.scale(), Camera::kMaxScale);
  EXPECT_NEAR(c.to_pixel(before).x, cursor.x, 1e-6);
  EXPECT_NEAR(c.to_pixel(before).y, cursor.y, 1e-6);
}

TEST(Camera, PanMovesTheMapWithTheDrag) {
  Camera c = Camera::fit({-800, -500, 800, 500}, 1600, 1000);
  const map::PlanePoint p{100, 100};
  const PixelPoint before = c.to_pixel(p);
  c.pan(30, -20);
  const PixelPoint after = c.to_pixel(p);
  EXPECT_NEAR(after.x - before.x, 30, kEps);
  EXPECT_NEAR(after.y - before.y, -20, kEps);
  EXPECT_NEAR(c.scale(), 1.0, kEps);  // panning never zooms
}

TEST(Camera, ResizeKeepsCentreAndScale) {
  Camera c = Camera::fit({-800, -500, 800, 500}, 1600, 1000);
  c.resize(800, 600);
  EXPECT_NEAR(c.to_pixel({0, 0}).x, 400, kEps);
  EXPECT_NEAR(c.to_pixel({0, 0}).y, 300, kEps);
  EXPECT_NEAR(c.scale(), 1.0, kEps);
}

}  // namespace
}  // namespace rfsim::render
