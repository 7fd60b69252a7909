// Placing the map's names.
#include "render/painter/labels.hpp"

#include <SFML/Graphics/RenderTarget.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

#include "render/painter/palette.hpp"

namespace rfsim::render::painter {

namespace {

using map::Region;
using map::RegionKind;

std::string upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

}  // namespace

std::vector<std::string> display_names(const std::vector<Region>& regions) {
  std::vector<std::string> out;
  for (const Region& r : regions) {
    std::string s = r.name;
    for (auto open = s.find(" ("); open != std::string::npos; open = s.find(" (")) {
      const auto close = s.find(')', open);
      if (close == std::string::npos) break;
      s.erase(open, close + 1 - open);
    }
    if (r.kind == RegionKind::Staging) {
      if (auto p = s.find(" and "); p != std::string::npos) s.erase(p);
    }
    const std::string ar = "Autonomous Republic of ";
    if (s.rfind(ar, 0) == 0) s.erase(0, ar.size());
    out.push_back(std::move(s));
  }
  for (std::size_t i = 0; i < regions.size(); ++i) {
    const std::string suffix = " Oblast";
    std::string& s = out[i];
    if (s.size() <= suffix.size() || s.compare(s.size() - suffix.size(), suffix.size(), suffix)) {
      continue;
    }
    const std::string bare = s.substr(0, s.size() - suffix.size());
    if (std::find(out.begin(), out.end(), bare) == out.end()) s = bare;
  }
  return out;
}

LabelLayer::LabelLayer(const map::Theatre& theatre)
    : theatre_(&theatre), names_(display_names(theatre.regions())) {}

void LabelLayer::draw(sf::RenderTarget& target, MapFrame& f, const MapText& mt,
                      const GroundLayer& ground) const {
  const map::Theatre& th = *theatre_;
  const float s = static_cast<float>(f.cam.scale());
  const sf::FloatRect screen(0, 0, f.w, f.h);
  auto free = [&](const sf::FloatRect& b) {
    if (!screen.contains(b.left, b.top) || !screen.contains(b.left + b.width, b.top + b.height)) {
      return false;
    }
    return std::none_of(f.taken.begin(), f.taken.end(),
                        [&](const sf::FloatRect& t) { return t.intersects(b); });
  };
  auto padded = [](sf::FloatRect b) {
    return sf::FloatRect(b.left - 3, b.top - 2, b.width + 6, b.height + 4);
  };
  // Slides a label down below any unit stack or violation marker it would sit under.
  // Returns false when that would take it too far from what it names.
  auto below_marks = [&](sf::Text& t) {
    const float y0 = t.getPosition().y;
    for (int pass = 0; pass < 3; ++pass) {
      bool moved = false;
      for (const sf::FloatRect& u : f.obstacles) {
        const sf::FloatRect b = t.getGlobalBounds();
        if (b.intersects(u)) {
          t.move(0, std::ceil(u.top + u.height + 4 - b.top));
          moved = true;
        }
      }
      if (!moved) break;
    }
    return t.getPosition().y - y0 <= 40;
  };
  std::vector<sf::Text> out;
  // In order of importance: each label keeps off the ones before it, or is left out.
  auto place = [&](sf::Text t, bool must) {
    const sf::FloatRect b = padded(t.getGlobalBounds());
    if (!must && !free(b)) return;
    f.taken.push_back(b);
    out.push_back(std::move(t));
  };
  for (std::size_t i = 0; i < th.region_count(); ++i) {  // staging areas: always
    const Region& r = th.regions()[i];
    if (r.kind != RegionKind::Staging) continue;
    const sf::Vector2f p = f.px(r.label);
    // Right of the square, else left, below or above it, wherever no earlier label is (two
    // staging areas 150 km apart meet on a small map); the right side if none is free.
    const sf::Text base = mt.text(names_[i], 13, kStaging, true);
    const float width = base.getLocalBounds().width;
    std::optional<sf::Text> chosen;
    for (const sf::Vector2f at :
         {sf::Vector2f(p.x + 9, p.y), sf::Vector2f(p.x - 9 - width, p.y),
          sf::Vector2f(p.x - width / 2, p.y + 16), sf::Vector2f(p.x - width / 2, p.y - 16)}) {
      sf::Text t = base;
      left_at(t, at.x, at.y);
      below_marks(t);
      if (!chosen) chosen = t;
      if (free(padded(t.getGlobalBounds()))) {
        chosen = std::move(t);
        break;
      }
    }
    // Nowhere free: the name goes right of its square, unless the square is off the map (a
    // name cut by the edge would run into whatever is there).
    if (!chosen || (!screen.contains(p) && !free(padded(chosen->getGlobalBounds())))) continue;
    place(std::move(*chosen), true);
  }
  if (f.zoomed) {  // the towns along the front
    for (const auto& cp : th.contact_line()) {
      sf::Text t = mt.text(cp.name, 12, kInk);
      const sf::Vector2f p = f.px(cp.where);
      left_at(t, p.x + 7, p.y);
      place(std::move(t), false);
    }
  }
  for (std::size_t i = 0; i < th.region_count(); ++i) {  // Kyiv, Sevastopol: always
    const Region& r = th.regions()[i];
    if (r.kind != RegionKind::City) continue;
    sf::Text t = mt.text(names_[i], 13, kCityText, true);
    const sf::Vector2f p = f.px(r.label);
    centre_on(t, p.x, p.y);
    if (below_marks(t)) place(std::move(t), false);
  }
  for (std::size_t i = 0; i < th.region_count(); ++i) {  // oblasts, when they fit
    const Region& r = th.regions()[i];
    if (r.kind != RegionKind::Oblast) continue;
    sf::Text t = mt.text(names_[i], 14, kRegionText);
    const float room = static_cast<float>(std::sqrt(std::max(r.area_km2, 0.0))) * s;
    if (t.getLocalBounds().width > 0.85f * room) continue;
    const sf::Vector2f p = f.px(r.label);
    centre_on(t, p.x, p.y);
    if (below_marks(t)) place(std::move(t), false);
  }
  for (std::size_t i = 0; i < th.region_count(); ++i) {  // sectors and sea zones
    const Region& r = th.regions()[i];
    if (r.kind == RegionKind::ContactSector && f.zoomed) {
      sf::Text t = mt.text(names_[i], 12, kContact);
      t.setStyle(sf::Text::Italic);
      const sf::Vector2f p = f.px(r.label);
      centre_on(t, p.x, p.y);
      if (below_marks(t)) place(std::move(t), false);
    } else if (r.kind == RegionKind::SeaZone) {
      sf::Text t = mt.text(names_[i], 13, kSeaText, false, 0);
      t.setStyle(sf::Text::Italic);
      const float room = static_cast<float>(std::sqrt(std::max(r.area_km2, 0.0))) * s;
      if (t.getLocalBounds().width > room) continue;
      const sf::Vector2f p = f.px(r.label);
      centre_on(t, p.x, p.y + 22);  // below the point, where sea lanes and ships meet
      place(std::move(t), false);
    }
  }
  for (std::size_t i = 0; i < th.backdrop().size(); ++i) {  // neighbours, on their visible part
    const Region& b = th.backdrop()[i];
    if (b.kind != RegionKind::Country) continue;
    const GroundLayer::Range range = ground.backdrop_range(i);
    double sum_a = 0, sx = 0, sy = 0, best_a = 0;
    sf::Vector2f best;
    const sf::FloatRect inner(40, kTitleHeight + 30, f.w - 80, f.h - kTitleHeight - 70);
    for (std::size_t v = range.first; v + 2 < range.first + range.count; v += 3) {
      const sf::Vector2f a = f.to_px.transformPoint(ground.backdrop()[v].position);
      const sf::Vector2f bb = f.to_px.transformPoint(ground.backdrop()[v + 1].position);
      const sf::Vector2f cc = f.to_px.transformPoint(ground.backdrop()[v + 2].position);
      const sf::Vector2f mid = (a + bb + cc) / 3.0f;
      if (!inner.contains(mid)) continue;
      const double area = std::abs((bb.x - a.x) * (cc.y - a.y) - (bb.y - a.y) * (cc.x - a.x)) / 2;
      sum_a += area;
      sx += area * mid.x;
      sy += area * mid.y;
      if (area > best_a) {
        best_a = area;
        best = mid;
      }
    }
    sf::Text t = mt.text(upper(b.name), 15, kCountryText, false, 0);
    t.setLetterSpacing(1.6f);
    const sf::FloatRect lb = t.getLocalBounds();
    if (sum_a < 4.0 * lb.width * lb.height) continue;
    sf::Vector2f at(static_cast<float>(sx / sum_a), static_cast<float>(sy / sum_a));
    if (!map::contains(b.polygons, f.proj.unproject(f.cam.to_plane({at.x, at.y})))) at = best;
    centre_on(t, at.x, at.y);
    place(std::move(t), false);
  }
  for (const sf::Text& t : out) target.draw(t);
}

}  // namespace rfsim::render::painter
