// The camera's maths: fit, pan, zoom about a pixel, plane <-> pixel.
#include "render/camera.hpp"

#include <algorithm>
#include <cassert>

namespace rfsim::render {

Camera Camera::fit(const PlaneRect& world, double width_px, double height_px, double margin_px) {
  assert(width_px > 0 && height_px > 0 && "a camera needs a target of positive size");
  Camera c;
  c.width_ = width_px;
  c.height_ = height_px;
  c.centre_ = {(world.min_x + world.max_x) / 2, (world.min_y + world.max_y) / 2};
  const double w = std::max(world.max_x - world.min_x, 1e-9);
  const double h = std::max(world.max_y - world.min_y, 1e-9);
  const double free_w = std::max(width_px - 2 * margin_px, 1.0);
  const double free_h = std::max(height_px - 2 * margin_px, 1.0);
  c.scale_ = std::clamp(std::min(free_w / w, free_h / h), kMinScale, kMaxScale);
  return c;
}

void Camera::resize(double width_px, double height_px) {
  width_ = width_px;
  height_ = height_px;
}

void Camera::pan(double dx_px, double dy_px) {
  // Dragging right moves the map right, so the centre moves left; pixel y runs south.
  centre_.x -= dx_px / scale_;
  centre_.y += dy_px / scale_;
}

void Camera::zoom_at(PixelPoint at, double factor) {
  const map::PlanePoint anchor = to_plane(at);
  scale_ = std::clamp(scale_ * factor, kMinScale, kMaxScale);
  // Put the anchor back under `at` with the new scale.
  centre_.x = anchor.x - (at.x - width_ / 2) / scale_;
  centre_.y = anchor.y + (at.y - height_ / 2) / scale_;
}

PixelPoint Camera::to_pixel(map::PlanePoint p) const {
  return {(p.x - centre_.x) * scale_ + width_ / 2, (centre_.y - p.y) * scale_ + height_ / 2};
}

map::PlanePoint Camera::to_plane(PixelPoint p) const {
  return {centre_.x + (p.x - width_ / 2) / scale_, centre_.y - (p.y - height_ / 2) / scale_};
}

}  // namespace rfsim::render
