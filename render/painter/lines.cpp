// Links, the line of contact and staging areas.
#include "render/painter/lines.hpp"

#include <SFML/Graphics/RenderTarget.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "render/canvas.hpp"
#include "render/painter/palette.hpp"

namespace rfsim::render::painter {

void draw_lines(sf::RenderTarget& target, const MapFrame& f, const map::Theatre& th,
                const std::vector<float>& link_condition) {
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
  std::vector<sf::Vector2f> front;
  for (const auto& cp : th.contact_line()) front.push_back(f.px(cp.where));
  lines.polyline(front, 7.5f, sf::Color(255, 255, 255, 200), false, true);
  lines.polyline(front, 4.5f, kContact, false, true);
  if (f.zoomed) {
    for (const sf::Vector2f p : front) lines.disc(p, 3.5f, kInk, 12);
  }
  for (const map::Region& r : th.regions()) {
    if (r.kind != map::RegionKind::Staging) continue;
    const sf::Vector2f p = f.px(r.label);
    lines.rect({p.x - 5, p.y - 5}, {10, 10}, kStaging);
    lines.rect({p.x - 3, p.y - 3}, {6, 6}, sf::Color::White);
  }
  target.draw(lines.vertices());
}

}  // namespace rfsim::render::painter
