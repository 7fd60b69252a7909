// The flank states' layer (flank_layer.hpp).
#include "render/painter/flank_layer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "render/painter/palette.hpp"

namespace rfsim::render::painter {
namespace {

constexpr double kKmPerDegree = 111.32;
const sf::Color kKilled(30, 140, 60);
const sf::Color kMissed(215, 25, 28);
const sf::Color kHeld(120, 120, 120);

sf::Vector2f polar(sf::Vector2f c, float r, float a) {
  return {c.x + r * std::cos(a), c.y + r * std::sin(a)};
}

}  // namespace

const char* flank_kind_words(FlankKind k) {
  static constexpr std::array<const char*, kFlankKindCount> kWords = {
      "drone", "drone raid", "aircraft", "missile", "debris", "sabotage"};
  return kWords[std::min<std::size_t>(static_cast<std::size_t>(k), kFlankKindCount - 1)];
}

void draw_air_defence(Canvas& c, const MapFrame& f, const Scene& scene) {
  for (const AirDefenceRing& r : scene.air_defence) {
    // The ring on the ground, projected point by point: true km at any zoom.
    std::vector<sf::Vector2f> pts{f.px(r.centre)};
    const double cos_lat = std::cos(r.centre.lat * std::numbers::pi / 180);
    constexpr int kSteps = 64;
    for (int i = 0; i <= kSteps; ++i) {
      const double a = 2 * std::numbers::pi * i / kSteps;
      const map::LonLat p{r.centre.lon + r.radius_km * std::cos(a) / (kKmPerDegree * cos_lat),
                          r.centre.lat + r.radius_km * std::sin(a) / kKmPerDegree};
      pts.push_back(f.px(p));
    }
    c.convex(pts, kCoverageFill);
    pts.erase(pts.begin());
    c.polyline(pts, 1.6f, kCoverageEdge, true);
    // The site: a small filled square.
    const sf::Vector2f s = f.px(r.centre);
    c.rect({s.x - 3, s.y - 3}, {6, 6}, kCoverageEdge);
  }
}

void draw_transits(Canvas& c, const MapFrame& f, const Scene& scene, const MapText& mt,
                   std::vector<sf::Text>& labels) {
  for (const TransitLine& t : scene.transits) {
    if (t.route.size() < 2) continue;
    std::vector<sf::Vector2f> pts;
    for (const map::LonLat& p : t.route) pts.push_back(f.px(p));
    c.dashed(pts, 2.4f, 4, 4, kTransit);
    const sf::Vector2f end = pts.back();
    c.disc(end, 4.5f, kTransit, 12);
    c.disc(end, 2.2f, sf::Color::White, 10);
    if (t.mode.empty()) continue;
    // The means at the route's middle vertex (or the middle of its only leg).
    const std::size_t mid = pts.size() / 2;
    const sf::Vector2f at = pts.size() == 2 ? (pts[0] + pts[1]) / 2.0f : pts[mid];
    sf::Text text = mt.text(t.mode, 12, kTransit, true);
    left_at(text, at.x + 6, at.y - 8);
    labels.push_back(std::move(text));
  }
}

void layout_flank(const Scene& scene, MapFrame& f) {
  f.flank_at.clear();
  std::vector<sf::Vector2f> base;
  for (const FlankMarker& m : scene.flank) base.push_back(f.px(m.where));
  for (std::size_t i = 0; i < scene.flank.size(); ++i) {
    // Several at one place: the first at the place, the rest on a ring about it.
    int before = 0;
    for (std::size_t j = 0; j < i; ++j) {
      const sf::Vector2f d = base[j] - base[i];
      if (std::abs(d.x) < 1 && std::abs(d.y) < 1) ++before;
    }
    sf::Vector2f at = base[i];
    if (before > 0) {
      const float ring = 20.0f * static_cast<float>(1 + (before - 1) / 8);
      at = polar(at, ring, static_cast<float>(before - 1) * std::numbers::pi_v<float> / 4);
    }
    f.flank_at.push_back(at);
    const sf::FloatRect box(at.x - 10, at.y - 10, 20, 20);
    f.obstacles.push_back(box);
    f.taken.push_back(box);
  }
}

void draw_flank_marker(Canvas& c, sf::Vector2f at, FlankKind kind, Engagement outcome, float fade,
                       float scale) {
  const float s = scale;
  const sf::Color ink = with_alpha(kFlankInk, fade);
  c.disc(at, 9 * s, with_alpha(sf::Color::White, fade * 0.95f), 20);
  switch (outcome) {
    case Engagement::None:
      c.ellipse_outline(at, {9 * s, 9 * s}, 1.2f, ink, 20);
      break;
    case Engagement::Killed:
      c.ellipse_outline(at, {9 * s, 9 * s}, 2.6f * s, with_alpha(kKilled, fade), 20);
      break;
    case Engagement::Missed:
      c.ellipse_outline(at, {9 * s, 9 * s}, 2.6f * s, with_alpha(kMissed, fade), 20);
      break;
    case Engagement::HeldFire: {
      std::vector<sf::Vector2f> ring;
      for (int i = 0; i <= 20; ++i)
        ring.push_back(polar(at, 9 * s, 2 * std::numbers::pi_v<float> * i / 20));
      c.dashed(ring, 2.2f * s, 3 * s, 3 * s, with_alpha(kHeld, fade));
      break;
    }
  }
  auto delta = [&](sf::Vector2f p, float r) {  // a drone: a small delta wing, nose up
    c.triangle({p.x, p.y - r}, {p.x - r, p.y + r * 0.8f}, {p.x + r, p.y + r * 0.8f}, ink);
  };
  switch (kind) {
    case FlankKind::Drone:
      delta(at, 5 * s);
      break;
    case FlankKind::DroneRaid:
      delta({at.x, at.y - 3 * s}, 3 * s);
      delta({at.x - 4 * s, at.y + 3 * s}, 3 * s);
      delta({at.x + 4 * s, at.y + 3 * s}, 3 * s);
      break;
    case FlankKind::Aircraft:  // fuselage, wings and tail
      c.line({at.x, at.y - 6 * s}, {at.x, at.y + 6 * s}, 2 * s, ink);
      c.line({at.x - 6 * s, at.y - 1 * s}, {at.x + 6 * s, at.y - 1 * s}, 2 * s, ink);
      c.line({at.x - 3 * s, at.y + 5 * s}, {at.x + 3 * s, at.y + 5 * s}, 1.6f * s, ink);
      break;
    case FlankKind::Missile:  // a slim body pointing up and right
      c.line({at.x - 5 * s, at.y + 5 * s}, {at.x + 4 * s, at.y - 4 * s}, 2.6f * s, ink);
      c.triangle({at.x + 6 * s, at.y - 6 * s}, {at.x + 1.5f * s, at.y - 4.5f * s},
                 {at.x + 4.5f * s, at.y - 1.5f * s}, ink);
      break;
    case FlankKind::Debris:  // scattered fragments
      for (const auto& [dx, dy] : {std::pair{-4.f, -3.f}, {3.f, -4.f}, {-2.f, 3.f}, {4.f, 2.f}}) {
        c.rect({at.x + dx * s - 1.5f * s, at.y + dy * s - 1.5f * s}, {3 * s, 3 * s}, ink);
      }
      break;
    case FlankKind::Sabotage:  // a lightning bolt
      c.polyline({{at.x + 2.5f * s, at.y - 7 * s},
                  {at.x - 3 * s, at.y},
                  {at.x + 3 * s, at.y},
                  {at.x - 2.5f * s, at.y + 7 * s}},
                 2.2f * s, ink, false, true);
      break;
  }
}

void draw_flank(Canvas& c, const MapFrame& f, const Scene& scene) {
  for (std::size_t i = 0; i < scene.flank.size() && i < f.flank_at.size(); ++i) {
    const FlankMarker& m = scene.flank[i];
    if (m.fade <= 0) continue;
    draw_flank_marker(c, f.flank_at[i], m.kind, m.outcome, m.fade);
  }
}

}  // namespace rfsim::render::painter
