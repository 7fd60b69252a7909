// Links, the line of contact and staging areas.
#include "render/painter/lines.hpp"

#include <SFML/Graphics/RenderTarget.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "render/canvas.hpp"
#include "render/painter/palette.hpp"

namespace rfsim::render::painter {

namespace {

bool same(map::LonLat a, map::LonLat b) {
  return a.lon == b.lon && a.lat == b.lat;
}

// `pts` moved `d` pixels to the left of their course (screen y down: east of a line drawn
// north to south, the occupied side), corners mitred up to twice `d`.
std::vector<sf::Vector2f> offset_left(const std::vector<sf::Vector2f>& pts, float d) {
  std::vector<sf::Vector2f> out;
  auto normal = [](sf::Vector2f a, sf::Vector2f b) {
    const sf::Vector2f v = b - a;
    const float len = std::hypot(v.x, v.y);
    return len > 0 ? sf::Vector2f(v.y / len, -v.x / len) : sf::Vector2f(0, 0);
  };
  for (std::size_t i = 0; i < pts.size(); ++i) {
    sf::Vector2f n(0, 0);
    if (i > 0) n += normal(pts[i - 1], pts[i]);
    if (i + 1 < pts.size()) n += normal(pts[i], pts[i + 1]);
    const float len = std::hypot(n.x, n.y);
    if (len < 1e-4f) {
      out.push_back(pts[i]);
      continue;
    }
    const float half_cos = (i > 0 && i + 1 < pts.size()) ? len / 2 : 1.0f;
    out.push_back(pts[i] + n / len * (d / std::max(half_cos, 0.5f)));
  }
  return out;
}

// The point halfway along a polyline, and the direction there.
std::pair<sf::Vector2f, sf::Vector2f> midway(const std::vector<sf::Vector2f>& pts) {
  float total = 0;
  for (std::size_t i = 1; i < pts.size(); ++i)
    total += std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
  float along = total / 2;
  for (std::size_t i = 1; i < pts.size(); ++i) {
    const sf::Vector2f v = pts[i] - pts[i - 1];
    const float len = std::hypot(v.x, v.y);
    if (along <= len || i + 1 == pts.size()) {
      const float t = len > 0 ? std::min(1.0f, along / len) : 0.0f;
      return {pts[i - 1] + v * t, len > 0 ? v / len : sf::Vector2f(0, 1)};
    }
    along -= len;
  }
  return {pts.empty() ? sf::Vector2f() : pts.front(), {0, 1}};
}

}  // namespace

std::vector<map::LonLat> current_front(const map::Theatre& th, const Scene& scene) {
  std::vector<map::LonLat> out;
  if (scene.sectors.empty()) {
    for (const auto& cp : th.contact_line()) out.push_back(cp.where);
    return out;
  }
  for (const SectorMarker& s : scene.sectors) {
    for (const map::LonLat p : s.line) {
      if (out.empty() || !same(out.back(), p)) out.push_back(p);
    }
  }
  return out;
}

bool front_moved(const Scene& scene) {
  return std::any_of(scene.sectors.begin(), scene.sectors.end(), [](const SectorMarker& s) {
    return s.line.size() != s.original.size() ||
           !std::equal(s.line.begin(), s.line.end(), s.original.begin(), same);
  });
}

void draw_lines(sf::RenderTarget& target, const MapFrame& f, const map::Theatre& th,
                const Scene& scene, const MapText& mt) {
  const std::vector<float>& link_condition = scene.link_condition;
  const sf::FloatRect screen(-50, -50, f.w + 100, f.h + 100);
  Canvas lines;
  for (map::LinkId l = 0; l < th.link_count(); ++l) {
    const map::Link& link = th.link(l);
    // A link to a base off the map (home garrisons) would run to the window's edge.
    if (th.region(link.a).off_map || th.region(link.b).off_map) continue;
    const float condition = l < link_condition.size() ? link_condition[l] : 1.0f;
    const sf::Vector2f a = f.px(th.region(link.a).label);
    const sf::Vector2f b = f.px(th.region(link.b).label);
    const sf::FloatRect box(std::min(a.x, b.x), std::min(a.y, b.y), std::abs(b.x - a.x) + 1,
                            std::abs(b.y - a.y) + 1);
    if (!screen.intersects(box)) continue;
    if (link.modes & map::kRoad) lines.line(a, b, 1.4f, kRoad);
    if (link.modes & map::kRail) lines.dashed({a, b}, 1.3f, 7, 5, kRail);
    if (link.modes & map::kSea) lines.dashed({a, b}, 1.5f, 8, 5, kSeaLane);
    if (condition < 1 && (link.modes & (map::kRoad | map::kRail | map::kSea))) {
      const sf::Vector2f mid = (a + b) / 2.0f;  // a cut or damaged link: a cross on it
      const sf::Color col = condition <= 0 ? kKinetic : kNonKinetic;
      lines.line(mid + sf::Vector2f(-5, -5), mid + sf::Vector2f(5, 5), 2.5f, col);
      lines.line(mid + sf::Vector2f(-5, 5), mid + sf::Vector2f(5, -5), 2.5f, col);
    }
  }
  auto px_of = [&](const std::vector<map::LonLat>& ll) {
    std::vector<sf::Vector2f> out;
    out.reserve(ll.size());
    for (const map::LonLat p : ll) out.push_back(f.px(p));
    return out;
  };
  // Red's step per sector: a band on the occupied side, clear of the line's casing.
  for (const SectorMarker& s : scene.sectors) {
    if (s.line.size() < 2 || (s.colour & 0xffu) == 0) continue;
    const std::vector<sf::Vector2f> band = offset_left(px_of(s.line), kStepBandOffset);
    lines.polyline(band, kStepBandWidth + 2, sf::Color(255, 255, 255, 200), false, true);
    lines.polyline(band, kStepBandWidth, sf::Color(s.colour), false, true);
  }
  const std::vector<sf::Vector2f> front = px_of(current_front(th, scene));
  if (front_moved(scene)) {  // where the line stood at the start, thin and dashed
    for (const SectorMarker& s : scene.sectors) {
      lines.dashed(px_of(s.original), 1.6f, 5, 4, kContactBefore);
    }
  }
  lines.polyline(front, 7.5f, sf::Color(255, 255, 255, 200), false, true);
  lines.polyline(front, 4.5f, kContact, false, true);
  if (f.zoomed && scene.sectors.empty()) {
    for (const sf::Vector2f p : front) lines.disc(p, 3.5f, kInk, 12);
  }
  // Zoomed in, the ground that changed hands beside the sector's middle.
  std::vector<sf::Text> texts;
  for (const SectorMarker& s : scene.sectors) {
    if (s.line.size() < 2) continue;
    const auto [mid, dir] = midway(px_of(s.line));
    const sf::Vector2f east(dir.y, -dir.x);
    if (!s.gain.empty() && f.zoomed) {  // at the theatre's scale it would sit on the units
      sf::Text t = mt.text(s.gain, 12, kInk, true);
      const sf::Vector2f at = mid + east * (kStepBandOffset + kStepBandWidth + 8);
      left_at(t, at.x + (east.x < 0 ? -t.getLocalBounds().width : 0.0f), at.y + 14);
      texts.push_back(std::move(t));
    }
  }
  for (const map::Region& r : th.regions()) {
    if (r.kind != map::RegionKind::Staging) continue;
    const sf::Vector2f p = f.px(r.label);
    lines.rect({p.x - 5, p.y - 5}, {10, 10}, kStaging);
    lines.rect({p.x - 3, p.y - 3}, {6, 6}, sf::Color::White);
  }
  target.draw(lines.vertices());
  for (const sf::Text& t : texts) target.draw(t);
}

void draw_battles(sf::RenderTarget& target, const MapFrame& f, const Scene& scene) {
  Canvas c;
  for (const SectorMarker& s : scene.sectors) {
    if (!s.battle || s.line.size() < 2) continue;
    std::vector<sf::Vector2f> pts;
    for (const map::LonLat p : s.line) pts.push_back(f.px(p));
    draw_battle_mark(c, midway(pts).first);
  }
  target.draw(c.vertices());
}

void draw_battle_mark(Canvas& c, sf::Vector2f at, float size) {
  const float r = 10 * size;
  c.disc(at, r + 1.5f * size, kInk, 20);
  c.disc(at, r, sf::Color::White, 20);
  const float k = 0.62f * r;
  c.line(at + sf::Vector2f(-k, -k), at + sf::Vector2f(k, k), 2.6f * size, kBattle, true);
  c.line(at + sf::Vector2f(-k, k), at + sf::Vector2f(k, -k), 2.6f * size, kBattle, true);
}

}  // namespace rfsim::render::painter
