// The view onto the projected plane: which kilometres of the map land on which pixels.
// Pure maths, so the GUI's pan and zoom can be tested without a display.
#pragma once

#include "map/geo.hpp"

namespace rfsim::render {

/// A pixel position: x right, y down, from the top-left corner of the target.
struct PixelPoint {
  double x = 0;
  double y = 0;
};

/// An axis-aligned box on the plane, in kilometres.
struct PlaneRect {
  double min_x = 0;
  double min_y = 0;
  double max_x = 0;
  double max_y = 0;
};

/// Maps plane kilometres (y north) to pixels (y down) with a uniform scale, so shapes keep
/// their aspect.
///   Camera c = Camera::fit(extent, 1600, 1000);
///   c.zoom_at({800, 500}, 2.0);  c.pan(-40, 0);
///   PixelPoint p = c.to_pixel(projection.project({30.52, 50.45}));
class Camera {
 public:
  Camera() = default;
  /// The whole of `world` in a width x height target, centred, `margin_px` free on every side.
  static Camera fit(const PlaneRect& world, double width_px, double height_px,
                    double margin_px = 0);

  void resize(double width_px, double height_px);  // keeps the centre and the scale
  void pan(double dx_px, double dy_px);            // the map follows a drag of (dx, dy) pixels
  void zoom_at(PixelPoint at, double factor);      // factor > 1 zooms in; `at` stays put

  PixelPoint to_pixel(map::PlanePoint p) const;
  map::PlanePoint to_plane(PixelPoint p) const;

  double scale() const { return scale_; }  // pixels per kilometre
  map::PlanePoint centre() const { return centre_; }
  double width() const { return width_; }
  double height() const { return height_; }

  static constexpr double kMinScale = 0.01;  // px/km: all of Europe in a thumbnail
  static constexpr double kMaxScale = 500;   // px/km: a street corner

 private:
  map::PlanePoint centre_;  // the plane point at the middle of the target
  double scale_ = 1;        // pixels per kilometre
  double width_ = 0;        // target size in pixels
  double height_ = 0;
};

}  // namespace rfsim::render
