// Unit symbols after APP-6: frames by affiliation and one glyph per unit type, all from
// shapes so they scale and need no icon files.
#include "render/symbols.hpp"

#include <cmath>
#include <numbers>

namespace rfsim::render {

namespace {

const sf::Color kInk(20, 20, 20);         // glyphs and frame lines
const sf::Color kHighlight(255, 200, 0);  // selected unit

// The box the glyph is drawn in: the frame's inside for rectangles, a smaller box for the
// diamond, whose corners have no room.
struct Box {
  float l, t, r, b;
  float w() const { return r - l; }
  float h() const { return b - t; }
  float cx() const { return (l + r) / 2; }
  float cy() const { return (t + b) / 2; }
  sf::Vector2f at(float fx, float fy) const { return {l + fx * w(), t + fy * h()}; }
};

void cross_lines(Canvas& c, const Box& g, float lw) {
  c.line(g.at(0, 0), g.at(1, 1), lw, kInk);
  c.line(g.at(0, 1), g.at(1, 0), lw, kInk);
}

// A V-shaped wing: the APP-6 unmanned-aerial-vehicle mark (and, flatter, airmobile).
void chevron(Canvas& c, const Box& g, float y_top, float depth, float thick, float half_w) {
  const sf::Vector2f a = g.at(0.5f - half_w, y_top), m = g.at(0.5f, y_top + depth),
                     b = g.at(0.5f + half_w, y_top);
  const sf::Vector2f down(0, thick * g.h());
  c.quad(a, m, m + down, a + down, kInk);
  c.quad(m, b, b + down, m + down, kInk);
}

// The fixed-wing mark: two triangles meeting at the centre.
void bowtie(Canvas& c, const Box& g, float cy, float half_w, float half_h) {
  c.triangle(g.at(0.5f - half_w, cy - half_h), g.at(0.5f - half_w, cy + half_h), g.at(0.5f, cy),
             kInk);
  c.triangle(g.at(0.5f + half_w, cy - half_h), g.at(0.5f + half_w, cy + half_h), g.at(0.5f, cy),
             kInk);
}

void hull(Canvas& c, const Box& g, float top, float bottom, float half_top, float half_bottom) {
  c.quad(g.at(0.5f - half_top, top), g.at(0.5f + half_top, top), g.at(0.5f + half_bottom, bottom),
         g.at(0.5f - half_bottom, bottom), kInk);
}

void draw_glyph(Canvas& c, Glyph glyph, const Box& g, float lw) {
  switch (glyph) {
    case Glyph::MechInfantry:  // infantry X plus the armour oval
      cross_lines(c, g, lw);
      c.ellipse_outline({g.cx(), g.cy()}, {g.w() * 0.32f, g.h() * 0.27f}, lw, kInk);
      break;
    case Glyph::LightInfantry:  // plain infantry X
      cross_lines(c, g, lw);
      break;
    case Glyph::QuickReaction:  // infantry X with the airmobile wing below
      cross_lines(c, g, lw);
      chevron(c, g, 0.62f, 0.22f, 0.17f, 0.36f);
      break;
    case Glyph::MonitoringTeam:  // reconnaissance diagonal
      c.line(g.at(0, 1), g.at(1, 0), lw, kInk);
      break;
    case Glyph::IsrDrone:  // UAV wing
      chevron(c, g, 0.22f, 0.4f, 0.24f, 0.42f);
      break;
    case Glyph::FighterSquadron:  // fixed wing, with an F for fighter above it
      bowtie(c, g, 0.66f, 0.4f, 0.26f);
      c.line(g.at(0.45f, 0.02f), g.at(0.45f, 0.4f), lw, kInk);
      c.line(g.at(0.45f, 0.02f), g.at(0.62f, 0.02f), lw, kInk);
      c.line(g.at(0.45f, 0.2f), g.at(0.58f, 0.2f), lw, kInk);
      break;
    case Glyph::Awacs:  // fixed wing under a rotodome
      bowtie(c, g, 0.7f, 0.4f, 0.24f);
      c.ellipse_outline(g.at(0.5f, 0.2f), {g.w() * 0.26f, g.h() * 0.15f}, lw, kInk);
      c.line(g.at(0.5f, 0.35f), g.at(0.5f, 0.7f), lw * 0.8f, kInk);
      break;
    case Glyph::AirDefence: {  // the dome at the bottom of the frame
      std::vector<sf::Vector2f> arc;
      for (int i = 0; i <= 16; ++i) {
        const float a = std::numbers::pi_v<float> * static_cast<float>(i) / 16;
        arc.push_back({g.cx() - std::cos(a) * g.w() * 0.5f, g.b - std::sin(a) * g.h() * 0.55f});
      }
      c.polyline(arc, lw, kInk);
      break;
    }
    case Glyph::RocketArtillery: {  // the artillery dot under the rocket chevrons
      c.disc(g.at(0.5f, 0.72f), g.h() * 0.13f, kInk, 14);
      for (float y : {0.14f, 0.38f}) {
        c.line(g.at(0.32f, y + 0.2f), g.at(0.5f, y), lw, kInk, true);
        c.line(g.at(0.5f, y), g.at(0.68f, y + 0.2f), lw, kInk, true);
      }
      break;
    }
    case Glyph::NavalTaskGroup:  // a ship: hull, bridge and mast
      hull(c, g, 0.58f, 0.9f, 0.44f, 0.3f);
      c.rect(g.at(0.38f, 0.34f), {g.w() * 0.24f, g.h() * 0.25f}, kInk);
      c.line(g.at(0.5f, 0.04f), g.at(0.5f, 0.35f), lw, kInk);
      break;
    case Glyph::MaritimeDrones:  // a small hull under the unmanned wing
      hull(c, g, 0.64f, 0.92f, 0.32f, 0.2f);
      chevron(c, g, 0.06f, 0.26f, 0.2f, 0.34f);
      break;
    case Glyph::Logistics:  // sustainment: a bar across the lower third
      c.line({g.l, g.t + g.h() * 0.66f}, {g.r, g.t + g.h() * 0.66f}, lw, kInk);
      break;
    case Glyph::Headquarters:  // the staff is drawn with the frame; inside, the letters HQ
      c.line(g.at(0.18f, 0.25f), g.at(0.18f, 0.75f), lw, kInk);
      c.line(g.at(0.42f, 0.25f), g.at(0.42f, 0.75f), lw, kInk);
      c.line(g.at(0.18f, 0.5f), g.at(0.42f, 0.5f), lw, kInk);
      c.ellipse_outline(g.at(0.7f, 0.48f), {g.w() * 0.13f, g.h() * 0.25f}, lw, kInk, 16);
      c.line(g.at(0.74f, 0.62f), g.at(0.86f, 0.8f), lw, kInk);
      break;
  }
}

}  // namespace

sf::Color affiliation_fill(Affiliation side) {
  switch (side) {
    case Affiliation::Friendly:
      return {128, 224, 255};
    case Affiliation::Hostile:
      return {255, 128, 128};
    case Affiliation::Neutral:
      return {170, 255, 170};
  }
  return {255, 255, 255};
}

sf::FloatRect draw_unit_symbol(Canvas& c, sf::Vector2f p, Glyph glyph, Affiliation side,
                               bool selected, float size) {
  const float lw = 1.7f * size;
  const sf::Color fill = affiliation_fill(side);
  sf::FloatRect bounds;
  Box g{};
  if (side == Affiliation::Hostile) {
    const float r = 15 * size;  // half diagonal
    const std::vector<sf::Vector2f> d{
        {p.x, p.y - r}, {p.x + r, p.y}, {p.x, p.y + r}, {p.x - r, p.y}};
    bounds = {p.x - r, p.y - r, 2 * r, 2 * r};
    if (selected) {
      const float s = r + 5 * size;
      c.polyline({{p.x, p.y - s}, {p.x + s, p.y}, {p.x, p.y + s}, {p.x - s, p.y}}, 3 * size,
                 kHighlight, true, true);
    }
    c.convex(d, fill);
    c.polyline(d, lw, kInk, true, true);
    g = {p.x - 0.56f * r, p.y - 0.4f * r, p.x + 0.56f * r, p.y + 0.4f * r};
  } else {
    const sf::Vector2f half = side == Affiliation::Friendly ? sf::Vector2f(15 * size, 10 * size)
                                                            : sf::Vector2f(11 * size, 11 * size);
    bounds = {p.x - half.x, p.y - half.y, 2 * half.x, 2 * half.y};
    if (selected) {
      const float m = 4 * size;
      c.rect_outline({bounds.left - m, bounds.top - m},
                     {bounds.width + 2 * m, bounds.height + 2 * m}, 3 * size, kHighlight);
    }
    c.rect({bounds.left, bounds.top}, {bounds.width, bounds.height}, fill);
    c.rect_outline({bounds.left, bounds.top}, {bounds.width, bounds.height}, lw, kInk);
    const float in = lw * 0.5f;
    g = {bounds.left + in, bounds.top + in, bounds.left + bounds.width - in,
         bounds.top + bounds.height - in};
    if (glyph != Glyph::MechInfantry && glyph != Glyph::LightInfantry &&
        glyph != Glyph::QuickReaction && glyph != Glyph::MonitoringTeam &&
        glyph != Glyph::Logistics) {
      // Icons that are not frame-filling lines sit in the middle, with some air around them.
      g = {g.l + g.w() * 0.1f, g.t + g.h() * 0.08f, g.r - g.w() * 0.1f, g.b - g.h() * 0.08f};
    }
  }
  draw_glyph(c, glyph, g, lw * 0.9f);
  if (glyph == Glyph::Headquarters) {  // the APP-6 staff, down from the frame's left corner
    const sf::Vector2f foot =
        side == Affiliation::Hostile
            ? sf::Vector2f(bounds.left + bounds.width / 2, bounds.top + bounds.height)
            : sf::Vector2f(bounds.left, bounds.top + bounds.height);
    c.line(foot, {foot.x, foot.y + 12 * size}, lw, kInk);
  }
  return bounds;
}

sf::FloatRect draw_deck_symbol(Canvas& c, sf::Vector2f p, Affiliation side, float size) {
  // Three frames, each 3 px up and right of the one before, the front one lowest: together
  // the 30 x 21 px of one frame, so a deck fits a stack's slot. Rectangles whatever the side:
  // a deck of diamonds does not read as a pile.
  const float lw = 1.5f * size, step = 3 * size;
  const sf::Vector2f frame(24 * size, 15 * size);
  const sf::Color fill = affiliation_fill(side);
  const sf::Vector2f front(p.x - 15 * size, p.y - 10.5f * size + 2 * step);
  for (int k = 2; k >= 0; --k) {
    const sf::Vector2f tl = front + sf::Vector2f(step, -step) * static_cast<float>(k);
    c.rect(tl, frame, fill);
    c.rect_outline(tl, frame, lw, kInk);
  }
  return {p.x - 15 * size, p.y - 10.5f * size, 30 * size, 21 * size};
}

}  // namespace rfsim::render
