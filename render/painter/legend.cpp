// The legend, the scale bar and credit, and the title bar.
#include "render/painter/legend.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "render/painter/flank_layer.hpp"
#include "render/painter/lines.hpp"
#include "render/painter/palette.hpp"
#include "render/painter/tactical.hpp"
#include "render/symbols.hpp"

namespace rfsim::render::painter {

namespace {

// The title in `room` pixels: whole; else in smaller type; else without its least useful parts
// from the end (of "D+1 06:00   Partial ceasefire   US support: full   violations: 903   name
// (Blue's picture)": the scenario's name, the violations, US support), keeping the clock, the
// regime and whose picture it is. At 1280 x 720 the window's map is some 650 pixels wide.
sf::Text fitted_title(const std::string& title, float room, const MapText& mt) {
  const std::string gap = "   ";  // between the parts (scene_of_run.cpp)
  std::vector<std::string> parts;
  for (std::size_t at = 0;;) {
    const std::size_t next = title.find(gap, at);
    parts.push_back(title.substr(at, next == std::string::npos ? std::string::npos : next - at));
    if (next == std::string::npos) break;
    at = next + gap.size();
  }
  std::string whose;  // "(Blue's picture)": kept to the last
  if (parts.size() > 1 && parts.back().starts_with("(")) {
    whose = parts.back();
    parts.pop_back();
  }
  const auto joined = [&] {
    std::string s;
    for (const std::string& p : parts) s += (s.empty() ? "" : gap) + p;
    return whose.empty() ? s : s + gap + whose;
  };
  sf::Text t = mt.text(title, 18, sf::Color::White, true, 0);
  for (const unsigned size : {16u, 14u}) {
    if (t.getLocalBounds().width <= room) return t;
    t = mt.text(title, size, sf::Color::White, true, 0);
  }
  while (t.getLocalBounds().width > room && parts.size() > 1) {
    parts.pop_back();
    t = mt.text(joined(), 14, sf::Color::White, true, 0);
  }
  return t;
}

enum class Swatch {
  Fill,
  Hatch,
  Contact,
  ContactBefore,
  Battle,
  Road,
  Rail,
  Sea,
  Staging,
  Friend,
  Hostile,
  Neutral,
  Kinetic,
  Other,
  Undetected,
  Response,
  Coverage,
  Transit,
  Flank,    // `kind`: one of the flank states' incident kinds
  Outcome,  // `kind`: an Engagement
};

struct LegendRow {
  Swatch swatch;
  Rgba colour;  // Fill only
  std::string text;
  int kind = 0;  // Flank: a FlankKind; Outcome: an Engagement
};

double nice_length(double max_km) {  // the largest 1, 2 or 5 x 10^k not above max_km
  const double p = std::pow(10.0, std::floor(std::log10(max_km)));
  for (double m : {5.0, 2.0, 1.0}) {
    if (m * p <= max_km) return m * p;
  }
  return p;
}

std::string km_text(double km) {
  char buf[32];
  std::snprintf(buf, sizeof buf, km >= 1 || km == 0 ? "%.0f" : "%.1f", km);
  return buf;
}

}  // namespace

TheatreKey theatre_key(const map::Theatre& t, bool any_occupied) {
  TheatreKey k;
  k.occupied = any_occupied;
  k.contact = !t.contact_line().empty();
  for (const map::Link& l : t.links()) {
    k.road |= (l.modes & map::kRoad) != 0;
    k.rail |= (l.modes & map::kRail) != 0;
    k.sea |= (l.modes & map::kSea) != 0;
  }
  for (const map::Region& r : t.regions()) k.staging |= r.kind == map::RegionKind::Staging;
  return k;
}

void layout_chrome(const Scene& scene, const TheatreKey& key, bool compact, const MapText& mt,
                   MapFrame& f) {
  const float w = f.w, h = f.h;
  Canvas& chrome = f.chrome;
  // The legend lists only what this frame can show.
  std::vector<LegendRow> rows;
  for (const LegendEntry& e : scene.legend) rows.push_back({Swatch::Fill, e.colour, e.text});
  auto any_unit = [&](Affiliation a) {
    return std::any_of(scene.units.begin(), scene.units.end(),
                       [a](const UnitMarker& u) { return u.side == a; });
  };
  auto any_violation = [&](auto pred) {
    return std::any_of(scene.violations.begin(), scene.violations.end(),
                       [&](const ViolationMarker& v) { return v.fade > 0 && pred(v); });
  };
  auto row = [&](bool show, Swatch s, const char* text) {
    if (show && !compact) rows.push_back({s, 0, text});  // compact: the fill's meaning only
  };
  row(key.occupied, Swatch::Hatch, "occupied (2025)");
  row(key.contact, Swatch::Contact,
      scene.sectors.empty() ? "line of contact (approx.)" : "line of contact now (approx.)");
  row(front_moved(scene), Swatch::ContactBefore, "line of contact at the start");
  if (std::any_of(scene.sectors.begin(), scene.sectors.end(),
                  [](const SectorMarker& s) { return s.battle; })) {
    rows.push_back({Swatch::Battle, 0, "Red attack under way"});  // compact too: it is news
  }
  row(key.road, Swatch::Road, "road link");
  row(key.rail, Swatch::Rail, "rail link");
  row(key.sea, Swatch::Sea, "sea lane");
  row(key.staging, Swatch::Staging, "staging area");
  row(any_unit(Affiliation::Friendly), Swatch::Friend, "friendly unit");
  row(any_unit(Affiliation::Hostile), Swatch::Hostile, "hostile unit");
  row(any_unit(Affiliation::Neutral), Swatch::Neutral, "neutral unit");
  row(any_violation([](const auto& v) { return v.kinetic; }), Swatch::Kinetic,
      "violation, kinetic");
  row(any_violation([](const auto& v) { return !v.kinetic; }), Swatch::Other, "violation, other");
  row(any_violation([](const auto& v) { return !v.detected; }), Swatch::Undetected,
      "not yet detected");
  row(!scene.responses.empty(), Swatch::Response, "response under way");
  // The flank states' layer: in the compact legend too, it is what the layer key toggles.
  if (!scene.air_defence.empty()) {
    rows.push_back({Swatch::Coverage, 0, "air-defence coverage"});
  }
  if (!scene.transits.empty()) rows.push_back({Swatch::Transit, 0, "unit deploying: route, means"});
  for (std::size_t k = 0; k < kFlankKindCount; ++k) {
    const auto kind = static_cast<FlankKind>(k);
    if (std::any_of(scene.flank.begin(), scene.flank.end(),
                    [&](const FlankMarker& m) { return m.fade > 0 && m.kind == kind; })) {
      rows.push_back({Swatch::Flank, 0, std::string("flank state: ") + flank_kind_words(kind),
                      static_cast<int>(k)});
    }
  }
  static constexpr const char* kOutcome[] = {"", "air defence: shot down", "air defence: missed",
                                             "air defence: held fire"};
  for (int k = 1; k <= 3; ++k) {
    if (std::any_of(scene.flank.begin(), scene.flank.end(), [&](const FlankMarker& m) {
          return m.fade > 0 && static_cast<int>(m.outcome) == k;
        })) {
      rows.push_back({Swatch::Outcome, 0, kOutcome[k], k});
    }
  }
  if (!rows.empty()) {
    constexpr float kRowH = 22, kPad = 10, kSwatchW = 34;
    float text_w = 0;
    std::vector<sf::Text> labels;
    for (const LegendRow& r : rows) {
      labels.push_back(mt.text(r.text, 13, kInk, false, 0));
      text_w = std::max(text_w, labels.back().getLocalBounds().width);
    }
    const float box_w = kPad * 3 + kSwatchW + text_w;
    const float box_h = kPad * 2 + kRowH * static_cast<float>(rows.size());
    const float x0 = 14, y0 = std::max(kTitleHeight + 10, h - 14 - box_h);
    chrome.rect({x0, y0}, {box_w, box_h}, sf::Color(255, 255, 255, 235));
    chrome.rect_outline({x0, y0}, {box_w, box_h}, 1, sf::Color(110, 110, 110));
    f.taken.push_back({x0, y0, box_w, box_h});
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const float cy = y0 + kPad + kRowH * (static_cast<float>(i) + 0.5f);
      const sf::Vector2f sw(x0 + kPad, cy - 7);  // swatch top-left, 34 x 14
      const sf::Vector2f mid(x0 + kPad + kSwatchW / 2, cy);
      switch (rows[i].swatch) {
        case Swatch::Fill:
          chrome.rect(sw, {kSwatchW, 14}, sf::Color(rows[i].colour));
          chrome.rect_outline(sw, {kSwatchW, 14}, 1, kOblastBorder);
          break;
        case Swatch::Hatch:
          chrome.rect(sw, {kSwatchW, 14}, kUkraine[0]);
          for (float x = -14; x < kSwatchW; x += 6) {
            const float x1 = std::max(x, 0.0f), x2 = std::min(x + 14, kSwatchW);
            chrome.line({sw.x + x1, sw.y + 14 - (x1 - x)}, {sw.x + x2, sw.y + 14 - (x2 - x)}, 1.6f,
                        kHatch);
          }
          chrome.rect_outline(sw, {kSwatchW, 14}, 1, kOblastBorder);
          break;
        case Swatch::Contact:
          chrome.line({sw.x, cy}, {sw.x + kSwatchW, cy}, 4.5f, kContact);
          break;
        case Swatch::ContactBefore:
          chrome.dashed({{sw.x, cy}, {sw.x + kSwatchW, cy}}, 1.6f, 5, 4, kContactBefore);
          break;
        case Swatch::Battle:
          draw_battle_mark(chrome, mid, 0.7f);
          break;
        case Swatch::Road:
          chrome.line({sw.x, cy}, {sw.x + kSwatchW, cy}, 1.4f, kRoad);
          break;
        case Swatch::Rail:
          chrome.dashed({{sw.x, cy}, {sw.x + kSwatchW, cy}}, 1.3f, 7, 5, kRail);
          break;
        case Swatch::Sea:
          chrome.dashed({{sw.x, cy}, {sw.x + kSwatchW, cy}}, 1.5f, 8, 5, kSeaLane);
          break;
        case Swatch::Staging:
          chrome.rect({mid.x - 5, cy - 5}, {10, 10}, kStaging);
          chrome.rect({mid.x - 3, cy - 3}, {6, 6}, sf::Color::White);
          break;
        case Swatch::Friend:
          draw_unit_symbol(chrome, mid, Glyph::LightInfantry, Affiliation::Friendly, false, 0.6f);
          break;
        case Swatch::Hostile:
          draw_unit_symbol(chrome, mid, Glyph::LightInfantry, Affiliation::Hostile, false, 0.6f);
          break;
        case Swatch::Neutral:
          draw_unit_symbol(chrome, mid, Glyph::LightInfantry, Affiliation::Neutral, false, 0.6f);
          break;
        case Swatch::Kinetic:
        case Swatch::Other: {
          auto pts = star(mid, 8, 3.5f, 8);
          chrome.convex(pts, rows[i].swatch == Swatch::Kinetic ? kKinetic : kNonKinetic);
          break;
        }
        case Swatch::Undetected: {
          auto pts = star(mid, 8, 3.5f, 8);
          pts.erase(pts.begin());
          chrome.polyline(pts, 1.8f, kKinetic, true);
          break;
        }
        case Swatch::Response:
          chrome.dashed({{sw.x, cy}, {sw.x + kSwatchW - 8, cy}}, 2.2f, 7, 4, kResponse);
          chrome.triangle({sw.x + kSwatchW, cy}, {sw.x + kSwatchW - 9, cy - 4},
                          {sw.x + kSwatchW - 9, cy + 4}, kResponse);
          break;
        case Swatch::Coverage:
          chrome.rect(sw, {kSwatchW, 14}, kCoverageFill);
          chrome.rect_outline(sw, {kSwatchW, 14}, 1.4f, kCoverageEdge);
          break;
        case Swatch::Transit:
          chrome.dashed({{sw.x, cy}, {sw.x + kSwatchW - 6, cy}}, 2.4f, 4, 4, kTransit);
          chrome.disc({sw.x + kSwatchW - 4, cy}, 4, kTransit, 12);
          break;
        case Swatch::Flank:
          draw_flank_marker(chrome, mid, static_cast<FlankKind>(rows[i].kind), Engagement::None, 1,
                            0.9f);
          break;
        case Swatch::Outcome:
          draw_flank_marker(chrome, mid, FlankKind::Drone, static_cast<Engagement>(rows[i].kind), 1,
                            0.9f);
          break;
      }
      left_at(labels[i], x0 + kPad * 2 + kSwatchW, cy);
      f.chrome_text.push_back(std::move(labels[i]));
    }
  }
  {  // Scale bar, bottom right: true km near the projection's centre (conformal, ~1% off).
    const double s = f.cam.scale();
    const double km = nice_length(200 / s);
    const float len = static_cast<float>(km * s);
    const float x1 = w - 24, x0 = x1 - len, y = h - 44;
    const sf::FloatRect panel(x0 - 12, y - 24, len + 28, 34);
    chrome.rect({panel.left, panel.top}, {panel.width, panel.height},
                sf::Color(255, 255, 255, 210));
    for (int i = 0; i < 4; ++i) {
      chrome.rect({x0 + len * static_cast<float>(i) / 4, y}, {len / 4, 6},
                  i % 2 == 0 ? kInk : sf::Color::White);
    }
    chrome.rect_outline({x0, y}, {len, 6}, 1, kInk);
    // The end's label first (kept inside the window), then the middle's if it clears it: a
    // short bar has no room for "100" beside "200 km".
    float end_left = w;
    for (double frac : {1.0, 0.0, 0.5}) {
      sf::Text t = mt.text(km_text(km * frac) + (frac == 1.0 ? " km" : ""), 12, kInk, false, 0);
      const sf::FloatRect b = t.getLocalBounds();
      float x = x0 + len * static_cast<float>(frac) - b.width / 2;
      if (frac == 1.0) {
        x = std::min(x, w - 14 - b.width);
        end_left = x;
      } else if (frac == 0.5 && x + b.width + 6 > end_left) {
        continue;
      }
      t.setPosition(std::round(x - b.left), std::round(y - 17 - b.top));
      f.chrome_text.push_back(std::move(t));
    }
    sf::Text credit = mt.text("Borders: Natural Earth. Line of contact approximate (2025).", 11,
                              sf::Color(80, 80, 80), false, 0);
    const sf::FloatRect b = credit.getLocalBounds();
    const sf::FloatRect strip(w - 22 - b.width, h - 24, b.width + 16, 20);
    chrome.rect({strip.left, strip.top}, {strip.width, strip.height},
                sf::Color(255, 255, 255, 210));
    credit.setPosition(std::round(w - 14 - b.width - b.left),
                       std::round(h - 14 - b.height / 2 - b.top));
    f.chrome_text.push_back(std::move(credit));
    f.taken.push_back(panel);
    f.taken.push_back(strip);
  }
  chrome.rect({0, 0}, {w, kTitleHeight}, kTitleBar);
  f.taken.push_back({0, 0, w, kTitleHeight + 4});
  sf::Text title = fitted_title(scene.title.empty() ? "rfsim" : scene.title, w - 28, mt);
  left_at(title, 14, kTitleHeight / 2);
  sf::Text tag =
      mt.text("rfsim  |  Reassurance Force, Ukraine", 12, sf::Color(175, 188, 200), false, 0);
  const sf::FloatRect tb = tag.getLocalBounds();
  left_at(tag, w - 14 - tb.width, kTitleHeight / 2);
  if (title.getGlobalBounds().left + title.getGlobalBounds().width < w - 30 - tb.width) {
    f.chrome_text.push_back(std::move(tag));  // the tag gives way to a long title
  }
  f.chrome_text.push_back(std::move(title));
}

}  // namespace rfsim::render::painter
