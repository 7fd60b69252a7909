// Canvas: the triangle maths behind thick lines, dashes, discs and fans.
#include "render/canvas.hpp"

#include <cmath>
#include <numbers>

namespace rfsim::render {

namespace {

float length(sf::Vector2f v) {
  return std::hypot(v.x, v.y);
}

}  // namespace

void Canvas::triangle(sf::Vector2f a, sf::Vector2f b, sf::Vector2f c, sf::Color col) {
  v_.append({a, col});
  v_.append({b, col});
  v_.append({c, col});
}

void Canvas::quad(sf::Vector2f a, sf::Vector2f b, sf::Vector2f c, sf::Vector2f d, sf::Color col) {
  triangle(a, b, c, col);
  triangle(a, c, d, col);
}

void Canvas::rect(sf::Vector2f p, sf::Vector2f s, sf::Color col) {
  quad(p, {p.x + s.x, p.y}, {p.x + s.x, p.y + s.y}, {p.x, p.y + s.y}, col);
}

void Canvas::rect_outline(sf::Vector2f p, sf::Vector2f s, float w, sf::Color col) {
  rect(p, {s.x, w}, col);
  rect({p.x, p.y + s.y - w}, {s.x, w}, col);
  rect({p.x, p.y + w}, {w, s.y - 2 * w}, col);
  rect({p.x + s.x - w, p.y + w}, {w, s.y - 2 * w}, col);
}

void Canvas::convex(const std::vector<sf::Vector2f>& pts, sf::Color col) {
  for (std::size_t i = 1; i + 1 < pts.size(); ++i) triangle(pts[0], pts[i], pts[i + 1], col);
}

void Canvas::disc(sf::Vector2f c, float r, sf::Color col, int segments) {
  const float step = 2 * std::numbers::pi_v<float> / static_cast<float>(segments);
  for (int i = 0; i < segments; ++i) {
    const float a0 = step * static_cast<float>(i);
    const float a1 = a0 + step;
    triangle(c, {c.x + r * std::cos(a0), c.y + r * std::sin(a0)},
             {c.x + r * std::cos(a1), c.y + r * std::sin(a1)}, col);
  }
}

void Canvas::ellipse_outline(sf::Vector2f c, sf::Vector2f radii, float w, sf::Color col,
                             int segments) {
  std::vector<sf::Vector2f> pts;
  const float step = 2 * std::numbers::pi_v<float> / static_cast<float>(segments);
  for (int i = 0; i < segments; ++i) {
    const float a = step * static_cast<float>(i);
    pts.push_back({c.x + radii.x * std::cos(a), c.y + radii.y * std::sin(a)});
  }
  polyline(pts, w, col, true, false);
}

void Canvas::line(sf::Vector2f a, sf::Vector2f b, float w, sf::Color col, bool cap) {
  const sf::Vector2f d = b - a;
  const float len = length(d);
  if (len <= 0) return;
  const sf::Vector2f u = d / len;
  const sf::Vector2f n(-u.y * w / 2, u.x * w / 2);
  if (cap) {
    a -= u * (w / 2);
    b += u * (w / 2);
  }
  quad(a + n, b + n, b - n, a - n, col);
}

void Canvas::polyline(const std::vector<sf::Vector2f>& pts, float w, sf::Color col, bool closed,
                      bool round) {
  const std::size_t n = pts.size();
  if (n < 2) return;
  const std::size_t segments = closed ? n : n - 1;
  for (std::size_t i = 0; i < segments; ++i) {
    // Without round joins, square caps close the notch between segments of thin lines.
    line(pts[i], pts[(i + 1) % n], w, col, !round);
  }
  if (round) {
    for (std::size_t i = 0; i < n; ++i) disc(pts[i], w / 2, col, 12);
  }
}

void Canvas::dashed(const std::vector<sf::Vector2f>& pts, float w, float dash, float gap,
                    sf::Color col) {
  float phase = 0;  // distance into the current dash+gap period
  const float period = dash + gap;
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    const sf::Vector2f a = pts[i];
    const sf::Vector2f d = pts[i + 1] - a;
    const float len = length(d);
    if (len <= 0) continue;
    const sf::Vector2f u = d / len;
    float s = 0;
    while (s < len) {
      const bool on = phase < dash;
      const float step = std::min(len - s, (on ? dash : period) - phase);
      if (on) line(a + u * s, a + u * (s + step), w, col);
      s += step;
      phase += step;
      if (phase >= period) phase -= period;
    }
  }
}

}  // namespace rfsim::render
