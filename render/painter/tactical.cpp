// Responses, units and violations on the map.
#include "render/painter/tactical.hpp"

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/OpenGL.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "render/canvas.hpp"
#include "render/painter/palette.hpp"
#include "render/painter/unit_layout.hpp"
#include "render/symbols.hpp"

namespace rfsim::render::painter {

std::vector<sf::Vector2f> star(sf::Vector2f c, float outer, float inner, int points) {
  std::vector<sf::Vector2f> pts{c};
  for (int i = 0; i <= 2 * points; ++i) {
    const float a = std::numbers::pi_v<float> * static_cast<float>(i) / static_cast<float>(points) -
                    std::numbers::pi_v<float> / 2;
    const float r = i % 2 == 0 ? outer : inner;
    pts.push_back({c.x + r * std::cos(a), c.y + r * std::sin(a)});
  }
  return pts;
}

void layout_violations(const Scene& scene, MapFrame& f) {
  // Violations at one place show as one marker with a count: red if any was kinetic, as
  // fresh as the freshest, filled if any was detected. Beside a unit stack, not on it.
  std::vector<sf::Vector2f> pts;
  std::vector<std::size_t> live;
  for (std::size_t i = 0; i < scene.violations.size(); ++i) {
    if (scene.violations[i].fade <= 0) continue;
    pts.push_back(f.px(scene.violations[i].where));
    live.push_back(i);
  }
  for (const auto& [anchor, members] : cluster(pts, 10)) {
    Burst burst{anchor, false, false, 0, members.size(), {}};
    for (std::size_t m : members) {
      burst.members.push_back(live[m]);
      const ViolationMarker& v = scene.violations[live[m]];
      burst.kinetic |= v.kinetic;
      burst.detected |= v.detected;
      burst.fade = std::max(burst.fade, std::min(v.fade, 1.0f));
    }
    for (const sf::FloatRect& u : f.units.boxes) {
      const sf::Vector2f p = burst.at;
      if (sf::FloatRect(p.x - 10, p.y - 10, 20, 20).intersects(u)) {
        burst.at = {u.left - 13, std::clamp(p.y, u.top + 12, u.top + u.height - 12)};
      }
    }
    const sf::FloatRect box(burst.at.x - 13, burst.at.y - 20, burst.count > 1 ? 46 : 26, 33);
    f.obstacles.push_back(box);
    f.taken.push_back(box);
    f.bursts.push_back(burst);
  }
}

void TacticalLayer::draw(sf::RenderTarget& target, const Scene& scene, const MapFrame& f,
                         const MapText& mt) {
  // Responses under units, units, then violations on top: they are the news.
  Canvas c, over;
  for (const ResponseLine& r : scene.responses) {
    const sf::Vector2f a = f.px(r.from), b = f.px(r.to);
    const sf::Vector2f d = b - a;
    const float len = std::hypot(d.x, d.y);
    if (len < 1) continue;
    const sf::Vector2f u = d / len, n(-u.y, u.x);
    const sf::Vector2f tip = b - u * std::min(13.0f, len / 2);
    c.dashed({a, tip}, 2.2f, 9, 5, kResponse);
    c.triangle(tip, tip - u * 11.0f + n * 5.0f, tip - u * 11.0f - n * 5.0f, kResponse);
  }
  for (const auto& [at, edge] : f.units.leaders) {
    c.line(at, edge, 1.2f, kInk);
    c.disc(at, 2.5f, kInk, 10);
  }
  std::vector<sf::Text> labels;
  const bool atlas = labels_.ensure(scene, mt);
  // The atlas is aliased: onto a multisampled target (a snapshot, where a frame's time does
  // not matter) symbols are drawn as shapes, so they keep their smooth edges.
  GLint samples = 0;
  if (target.setActive(true)) glGetIntegerv(GL_SAMPLES, &samples);
  const bool sprites = samples <= 1 && symbols_.ensure();
  sf::VertexArray symbol_quads(sf::Triangles), label_quads(sf::Triangles);
  // A symbol as a quad from the atlas, on whole pixels as the atlas holds it, or as shapes.
  // Returns the frame's bounds.
  auto symbol = [&](sf::Vector2f centre, int cell, const auto& draw_shapes) {
    if (!sprites) return draw_shapes(centre);
    const sf::Vector2f at(std::round(centre.x), std::round(centre.y));
    const SymbolAtlas::Sprite& ss = symbols_.sprite(cell);
    append_sprite(symbol_quads, at + ss.offset, ss.rect);
    return sf::FloatRect(at.x + ss.frame.left, at.y + ss.frame.top, ss.frame.width,
                         ss.frame.height);
  };
  // Stacks of thousands run far off the screen: their symbols and labels are not built.
  const sf::FloatRect visible(-60, -30, f.w + 80, f.h + 60);  // a frame and its label's reach
  for (const UnitLayout::Placed& p : f.units.placed) {
    if (!visible.contains(p.at)) continue;
    const UnitMarker& u = scene.units[p.unit];
    const sf::FloatRect box = symbol(
        p.at, SymbolAtlas::cell_of(u.glyph, u.side, u.selected),
        [&](sf::Vector2f at) { return draw_unit_symbol(c, at, u.glyph, u.side, u.selected); });
    const float mid = box.top + box.height / 2;
    if (!u.label.empty() && atlas) {
      const LabelAtlas::Sprite& ls = labels_.sprite(u.label);
      // Where left_at() would put the text, then its pixels from the atlas around that.
      const float x = std::round(box.left + box.width + 5 - ls.local.left);
      const float y = std::round(mid - ls.local.top - ls.local.height / 2);
      append_sprite(label_quads,
                    {x + static_cast<float>(ls.offset.x), y + static_cast<float>(ls.offset.y)},
                    ls.rect);
    } else if (!u.label.empty()) {
      sf::Text t = mt.text(u.label, 13, kInk, true);
      left_at(t, box.left + box.width + 5, mid);
      labels.push_back(std::move(t));
    }
  }
  // A few dozen at most, one per big stack: their counts are plain text, not atlas entries
  // (the atlas would fill with every count the run passes through).
  for (const UnitLayout::Aggregate& a : f.units.aggregates) {
    if (!visible.contains(a.at)) continue;
    const Affiliation first = scene.units[a.units.front()].side;
    const bool one_side = std::all_of(a.units.begin(), a.units.end(),
                                      [&](std::size_t i) { return scene.units[i].side == first; });
    const Affiliation side = one_side ? first : Affiliation::Friendly;
    const sf::FloatRect box = symbol(a.at, SymbolAtlas::deck_of(side), [&](sf::Vector2f at) {
      return draw_deck_symbol(c, at, side);
    });
    sf::Text t = mt.text("+" + std::to_string(a.units.size()), 13, kInk, true);
    left_at(t, box.left + box.width + 5, box.top + box.height / 2);
    labels.push_back(std::move(t));
  }
  for (const Burst& v : f.bursts) {
    const sf::Color col = with_alpha(v.kinetic ? kKinetic : kNonKinetic, v.fade);
    auto star_pts = star(v.at, 12, 5.5f, 8);
    if (v.detected) {
      over.convex(star_pts, col);
      star_pts.erase(star_pts.begin());
      over.polyline(star_pts, 1.2f, with_alpha(sf::Color(90, 10, 10), v.fade), true);
    } else {
      star_pts.erase(star_pts.begin());
      over.polyline(star_pts, 2.2f, col, true);
    }
    if (v.count > 1) {
      sf::Text t =
          mt.text(std::to_string(v.count), 11, with_alpha(sf::Color::White, v.fade), true, 0);
      const sf::FloatRect b = t.getLocalBounds();
      const sf::FloatRect badge(v.at.x + 6, v.at.y - 19, b.width + 8, 15);
      over.rect({badge.left, badge.top}, {badge.width, badge.height},
                with_alpha(sf::Color(90, 10, 10), v.fade));
      centre_on(t, badge.left + badge.width / 2, badge.top + badge.height / 2);
      labels.push_back(std::move(t));
    }
  }
  target.draw(c.vertices());
  const sf::BlendMode premultiplied(sf::BlendMode::One, sf::BlendMode::OneMinusSrcAlpha);
  if (symbol_quads.getVertexCount() > 0) {
    target.draw(symbol_quads,
                sf::RenderStates(premultiplied, sf::Transform(), &symbols_.texture(), nullptr));
  }
  target.draw(over.vertices());
  if (label_quads.getVertexCount() > 0) {
    target.draw(label_quads,
                sf::RenderStates(premultiplied, sf::Transform(), &labels_.texture(), nullptr));
  }
  for (const sf::Text& t : labels) target.draw(t);
}

}  // namespace rfsim::render::painter
