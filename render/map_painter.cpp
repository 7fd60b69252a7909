// The map painter: composes the layers of render/painter/ into one picture, back to front —
// the ground (a cached texture), the lines (links, the front, staging areas), air-defence
// coverage and deployments' routes, the names, the units and violations, the flank states'
// incidents, and the legend, scale bar and title bar on top. Layout comes before
// drawing: unit stacks, violation markers and the legend are placed first, so that names
// keep off them.
#include "render/map_painter.hpp"

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/View.hpp>

#include <algorithm>
#include <limits>

#include "render/painter/flank_layer.hpp"
#include "render/painter/ground_layer.hpp"
#include "render/painter/labels.hpp"
#include "render/painter/legend.hpp"
#include "render/painter/lines.hpp"
#include "render/painter/map_frame.hpp"
#include "render/painter/map_text.hpp"
#include "render/painter/tactical.hpp"
#include "render/painter/unit_layout.hpp"

namespace rfsim::render {

using map::LonLat;
using map::PlanePoint;
using map::Region;
using map::RegionKind;

PlaneRect theatre_extent(const map::Theatre& t) {
  // Fit to Ukraine and the staging areas, not to the whole backdrop.
  const map::Projection proj;
  PlaneRect e{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
              std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
  auto grow = [&](LonLat ll) {
    const PlanePoint p = proj.project(ll);
    e = {std::min(e.min_x, p.x), std::min(e.min_y, p.y), std::max(e.max_x, p.x),
         std::max(e.max_y, p.y)};
  };
  for (const Region& r : t.regions()) {
    if (r.kind == RegionKind::Oblast || r.kind == RegionKind::City) {
      for (const auto& poly : r.polygons) {
        for (LonLat ll : poly.outer) grow(ll);
      }
    } else if (r.kind == RegionKind::Staging) {
      grow(r.label);
    }
  }
  if (e.min_x > e.max_x) return {-800, -600, 800, 600};  // an empty theatre
  const double pad = 0.04 * std::max(e.max_x - e.min_x, e.max_y - e.min_y);
  return {e.min_x - pad, e.min_y - pad, e.max_x + pad, e.max_y + pad};
}

struct MapPainter::Impl {
  explicit Impl(const map::Theatre& t)
      : theatre(&t),
        ground(t),
        labels(t),
        key(painter::theatre_key(t, ground.any_occupied())),
        extent(theatre_extent(t)) {}

  const map::Theatre* theatre;
  map::Projection proj;
  painter::MapText text;  // first: a missing font stops the painter before anything is built
  painter::GroundLayer ground;
  painter::LabelLayer labels;
  painter::TacticalLayer tactical;
  painter::TheatreKey key;
  PlaneRect extent;
  bool compact_legend = false;
  bool stood_in = false;                         // the last draw() showed the zoom's stand-in
  std::vector<DrawnUnit> drawn;                  // the last frame's unit placements, for picking
  std::vector<DrawnAggregate> drawn_aggregates;  // and its stacks' aggregates
  std::vector<DrawnBurst> drawn_bursts;          // and its violation markers
  std::vector<DrawnBurst> drawn_flank;           // and its flank incidents' markers
};

MapPainter::MapPainter(const map::Theatre& theatre) : impl_(std::make_unique<Impl>(theatre)) {}
MapPainter::~MapPainter() = default;
MapPainter::MapPainter(MapPainter&&) noexcept = default;
MapPainter& MapPainter::operator=(MapPainter&&) noexcept = default;

PlaneRect MapPainter::extent() const {
  return impl_->extent;
}

const std::vector<MapPainter::DrawnUnit>& MapPainter::drawn_units() const {
  return impl_->drawn;
}

const std::vector<MapPainter::DrawnAggregate>& MapPainter::drawn_aggregates() const {
  return impl_->drawn_aggregates;
}

const std::vector<MapPainter::DrawnBurst>& MapPainter::drawn_bursts() const {
  return impl_->drawn_bursts;
}

const std::vector<MapPainter::DrawnBurst>& MapPainter::drawn_flank() const {
  return impl_->drawn_flank;
}

void MapPainter::set_compact_legend(bool compact) {
  impl_->compact_legend = compact;
}

bool MapPainter::compact_legend() const {
  return impl_->compact_legend;
}

bool MapPainter::standing_in() const {
  return impl_->stood_in;
}

void MapPainter::draw(sf::RenderTarget& target, const Camera& cam, const Scene& scene) {
  Impl& m = *impl_;
  const sf::View saved = target.getView();
  const float w = static_cast<float>(cam.width()), h = static_cast<float>(cam.height());
  sf::View view(sf::FloatRect(0, 0, w, h));
  view.setViewport(saved.getViewport());  // a map view may own only part of the window
  target.setView(view);
  const double s = cam.scale();
  const map::PlanePoint c = cam.centre();
  const sf::Transform to_px(static_cast<float>(s), 0, static_cast<float>(cam.width() / 2 - c.x * s),
                            0, static_cast<float>(-s),
                            static_cast<float>(cam.height() / 2 + c.y * s), 0, 0, 1);
  // zoomed: about twice the whole theatre on 1600 px
  painter::MapFrame f(cam, m.proj, w, h, to_px, s >= 2.2);

  m.ground.apply_fill(scene.region_fill);
  m.ground.set_front(painter::current_front(*m.theatre, scene));
  m.stood_in = m.ground.draw(target, f);
  painter::draw_lines(target, f, *m.theatre, scene, m.text);
  {  // The flank states' air-defence coverage and the deployments' routes, under the units.
    Canvas under;
    std::vector<sf::Text> modes;
    painter::draw_air_defence(under, f, scene);
    painter::draw_transits(under, f, scene, m.text, modes);
    target.draw(under.vertices());
    for (const sf::Text& t : modes) target.draw(t);
  }

  std::vector<painter::UnitPlace> places;
  places.reserve(scene.units.size());
  for (const UnitMarker& u : scene.units) places.push_back({f.px(u.where), u.selected});
  // Stacks stay clear of the title band at the top and the attribution at the bottom.
  f.units = painter::layout_units(places, sf::FloatRect(4, 40, w - 8, h - 70));
  f.taken.insert(f.taken.end(), f.units.boxes.begin(), f.units.boxes.end());
  f.obstacles.insert(f.obstacles.end(), f.units.boxes.begin(), f.units.boxes.end());
  m.drawn.clear();
  for (const painter::UnitLayout::Placed& p : f.units.placed)
    m.drawn.push_back({scene.units[p.unit].id, {p.at.x, p.at.y}});
  m.drawn_aggregates.clear();
  for (const painter::UnitLayout::Aggregate& a : f.units.aggregates) {
    DrawnAggregate d{{a.at.x, a.at.y}, {}};
    for (std::size_t u : a.units) d.ids.push_back(scene.units[u].id);
    m.drawn_aggregates.push_back(std::move(d));
  }
  painter::layout_violations(scene, f);
  m.drawn_bursts.clear();
  for (const painter::Burst& b : f.bursts) {
    DrawnBurst d{{b.at.x, b.at.y}, {}};
    for (std::size_t i : b.members) d.serials.push_back(scene.violations[i].serial);
    m.drawn_bursts.push_back(std::move(d));
  }
  painter::layout_flank(scene, f);
  m.drawn_flank.clear();
  for (std::size_t i = 0; i < scene.flank.size() && i < f.flank_at.size(); ++i) {
    if (scene.flank[i].fade <= 0) continue;
    m.drawn_flank.push_back({{f.flank_at[i].x, f.flank_at[i].y}, {scene.flank[i].serial}});
  }
  painter::layout_chrome(scene, m.key, m.compact_legend, m.text, f);

  m.labels.draw(target, f, m.text, m.ground);
  m.tactical.draw(target, scene, f, m.text);
  painter::draw_battles(target, f, scene);
  {
    Canvas incidents;
    painter::draw_flank(incidents, f, scene);
    target.draw(incidents.vertices());
  }
  target.draw(f.chrome.vertices());
  for (const sf::Text& t : f.chrome_text) target.draw(t);
  target.setView(saved);
}

}  // namespace rfsim::render
