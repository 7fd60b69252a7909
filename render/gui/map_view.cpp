// The map view: camera handling, picking, the GUI's scene (fill modes, fading violations, the
// selection) and the overlays drawn over the painter's map (coverage, selected region).
#include "render/gui/map_view.hpp"

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Window/Event.hpp>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <map>
#include <string_view>
#include <unordered_set>

#include "play/picture.hpp"
#include "render/canvas.hpp"
#include "render/scene_of_run.hpp"
#include "render/snapshot.hpp"

namespace rfsim::render::gui {

namespace {

constexpr sim::Duration kFadeOver = sim::Duration::hours(6);  // a closed violation's marker
constexpr sim::Duration kRecent = sim::Duration::hours(24);   // escalation fill: last day

// Sensor reach, as sim/monitoring.cpp uses it (kDroneRadiusKm, kAirRadiusKm, kNavalRadiusKm):
// the overlay shows where a unit could report from, not a second model.
constexpr double kDroneKm = 150;
constexpr double kAirKm = 450;
constexpr double kNavalKm = 250;

constexpr Rgba rgba(int r, int g, int b, int a = 255) {
  return static_cast<Rgba>((r << 24) | (g << 16) | (b << 8) | a);
}

bool ukrainian_land(const map::Region& r) {
  return r.country == "UA" &&
         (r.kind == map::RegionKind::Oblast || r.kind == map::RegionKind::City ||
          r.kind == map::RegionKind::ContactSector);
}

// Regions without an outline (sectors, staging areas) count towards the one they sit in.
map::RegionId drawn_region(const map::Theatre& th, map::RegionId r) {
  const map::Region& reg = th.region(r);
  if (!reg.polygons.empty() || reg.parent.empty()) return r;
  return th.find(reg.parent).value_or(r);
}

// "48 light infantry, 40 air defence, 30 logistics, 24 other": the commonest first.
std::string breakdown(const std::map<std::string, int>& counts, bool count_first) {
  std::vector<std::pair<std::string, int>> rows(counts.begin(), counts.end());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  constexpr std::size_t kShown = 3;
  std::string out;
  int rest = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& [name, n] = rows[i];
    if (i >= kShown && rows.size() > kShown + 1) {
      rest += n;
      continue;
    }
    if (!out.empty()) out += ", ";
    out += count_first ? std::to_string(n) + " " + name : name + " " + std::to_string(n);
  }
  if (rest > 0) out += ", " + std::to_string(rest) + " other";
  return out;
}

}  // namespace

std::vector<std::string> aggregate_summary(const sim::Simulation& run,
                                           const std::vector<std::uint32_t>& units) {
  const sim::World& w = run.world();
  const sim::Scenario& sc = run.scenario();
  std::map<std::string, int> types, nations;
  int n = 0;
  for (std::uint32_t u : units) {
    if (u >= w.units.size()) continue;
    const sim::UnitSpec& spec = sc.units[w.units[u].spec];
    std::string type(sim::to_string(spec.type));
    std::replace(type.begin(), type.end(), '_', ' ');
    ++types[type];
    ++nations[sc.nations[spec.nation].code];
    ++n;
  }
  return {std::to_string(n) + (n == 1 ? " more unit here" : " more units here"),
          breakdown(types, true), breakdown(nations, false)};
}

bool cell_sees(play::Cell cell, const Flare& flare) {
  return cell != play::Cell::Blue || flare.detected;
}

void fill_regime(const map::Theatre& th, sim::Regime regime, Scene& scene) {
  static constexpr Rgba kRegime[] = {rgba(240, 196, 186), rgba(247, 226, 168), rgba(204, 230, 196)};
  static constexpr const char* kName[] = {"No ceasefire", "Partial ceasefire", "Full ceasefire"};
  scene.region_fill.assign(th.region_count(), 0);
  const auto now = static_cast<std::size_t>(regime);
  for (std::size_t i = 0; i < th.region_count(); ++i) {
    if (ukrainian_land(th.regions()[i])) scene.region_fill[i] = kRegime[now];
  }
  for (std::size_t k = 0; k < 3; ++k) {
    scene.legend.push_back({kRegime[k], std::string(kName[k]) + (k == now ? "  (in force)" : "")});
  }
}

void fill_regions(const sim::Simulation& run, const Session& session, FillMode mode, Scene& scene,
                  play::Cell cell) {
  const map::Theatre& th = run.theatre();
  scene.region_fill.assign(th.region_count(), 0);
  switch (mode) {
    case FillMode::Regime:
      fill_regime(th, run.world().regime, scene);
      break;
    case FillMode::Control: {
      const Rgba kFree = rgba(208, 226, 243), kPart = rgba(250, 218, 176),
                 kOcc = rgba(236, 186, 180);
      for (std::size_t i = 0; i < th.region_count(); ++i) {
        const map::Region& r = th.regions()[i];
        if (!ukrainian_land(r)) continue;
        scene.region_fill[i] = r.occupied_share >= 0.95 ? kOcc
                               : r.occupied_share > 0   ? kPart
                                                        : kFree;
      }
      scene.legend.push_back({kFree, "Controlled by Ukraine"});
      scene.legend.push_back({kPart, "Partly occupied"});
      scene.legend.push_back({kOcc, "Occupied (2025)"});
      break;
    }
    case FillMode::Escalation: {
      std::vector<int> count(th.region_count(), 0);
      const sim::SimTime since = run.now() - kRecent;
      const auto& flares = session.flares();
      for (auto it = flares.rbegin(); it != flares.rend() && it->at > since; ++it) {
        if (cell_sees(cell, *it)) ++count[drawn_region(th, it->region)];
      }
      const Rgba kSteps[] = {rgba(253, 232, 196), rgba(252, 190, 133), rgba(238, 118, 86)};
      for (std::size_t i = 0; i < th.region_count(); ++i) {
        const int c = count[i];
        if (c > 0) scene.region_fill[i] = kSteps[c <= 2 ? 0 : c <= 5 ? 1 : 2];
      }
      scene.legend.push_back({kSteps[0], "1-2 violations, last 24 h"});
      scene.legend.push_back({kSteps[1], "3-5 violations, last 24 h"});
      scene.legend.push_back({kSteps[2], "6 or more, last 24 h"});
      break;
    }
  }
}

MapView::MapView(const map::Theatre& theatre) : theatre_(&theatre), painter_(theatre) {}

void MapView::set_area(sf::Vector2f top_left, sf::Vector2f size) {
  origin_ = top_left;
  size = {std::max(64.0f, std::floor(size.x)), std::max(64.0f, std::floor(size.y))};
  if (size == size_) return;
  size_ = size;
  if (!fitted_) {
    fit();
  } else {
    camera_.resize(size.x, size.y);
  }
}

void MapView::fit() {
  camera_ =
      snapshot_camera(*theatre_, static_cast<unsigned>(size_.x), static_cast<unsigned>(size_.y));
  fitted_ = true;
}

void MapView::zoom_at(sf::Vector2f window_px, double factor) {
  camera_.zoom_at({window_px.x - origin_.x, window_px.y - origin_.y}, factor);
}

void MapView::centre_on(map::LonLat where) {
  const PixelPoint p = camera_.to_pixel(proj_.project(where));
  camera_.pan(camera_.width() / 2 - p.x, camera_.height() / 2 - p.y);
}

sf::Vector2f MapView::to_window(map::LonLat where) const {
  const PixelPoint p = camera_.to_pixel(proj_.project(where));
  return {static_cast<float>(p.x) + origin_.x, static_cast<float>(p.y) + origin_.y};
}

map::LonLat MapView::to_lonlat(sf::Vector2f window_px) const {
  return proj_.unproject(camera_.to_plane({window_px.x - origin_.x, window_px.y - origin_.y}));
}

std::optional<Pick> MapView::handle(const sf::Event& e) {
  switch (e.type) {
    case sf::Event::MouseButtonPressed: {
      const sf::Vector2f p(static_cast<float>(e.mouseButton.x),
                           static_cast<float>(e.mouseButton.y));
      if (e.mouseButton.button == sf::Mouse::Left && area().contains(p)) {
        dragging_ = true;
        dragged_ = false;
        press_ = last_ = p;
      }
      break;
    }
    case sf::Event::MouseMoved: {
      const sf::Vector2f p(static_cast<float>(e.mouseMove.x), static_cast<float>(e.mouseMove.y));
      if (dragging_) {
        if (std::hypot(p.x - press_.x, p.y - press_.y) > 4) dragged_ = true;
        if (dragged_) camera_.pan(p.x - last_.x, p.y - last_.y);
        last_ = p;
      }
      break;
    }
    case sf::Event::MouseButtonReleased: {
      if (e.mouseButton.button != sf::Mouse::Left || !dragging_) break;
      dragging_ = false;
      if (dragged_) break;
      return pick({static_cast<float>(e.mouseButton.x), static_cast<float>(e.mouseButton.y)});
    }
    case sf::Event::MouseWheelScrolled: {
      const sf::Vector2f p(static_cast<float>(e.mouseWheelScroll.x),
                           static_cast<float>(e.mouseWheelScroll.y));
      if (area().contains(p)) zoom_at(p, std::pow(1.25, e.mouseWheelScroll.delta));
      break;
    }
    default:
      break;
  }
  return std::nullopt;
}

Pick MapView::pick(sf::Vector2f window_px) const {
  Pick out;
  if (!area().contains(window_px)) return out;
  const sf::Vector2f p = window_px - origin_;
  // Violation markers first: drawn on top, and beside a stack rather than on it.
  if (const std::vector<std::uint64_t> v = violations_at(window_px); !v.empty()) {
    out.violation = v.front();
    return out;
  }
  // A flank state's incident marker: a 20 px disc, picked for its "why" like a violation.
  for (const MapPainter::DrawnBurst& b : painter_.drawn_flank()) {
    if (std::hypot(p.x - b.centre.x, p.y - b.centre.y) <= 11 && !b.serials.empty()) {
      out.violation = b.serials.front();
      return out;
    }
  }
  // Unit symbols next: a 30 x 20 frame and a little slack, the nearest centre winning.
  double best = 1e9;
  for (const MapPainter::DrawnUnit& d : painter_.drawn_units()) {
    const double dx = std::abs(d.centre.x - p.x), dy = std::abs(d.centre.y - p.y);
    if (dx <= 17 && dy <= 12 && dx + dy < best) {
      best = dx + dy;
      out.unit = d.id;
    }
  }
  if (out.unit) return out;
  // A big stack's aggregate: the region its units are at, whose inspector lists them.
  if (const MapPainter::DrawnAggregate* a = aggregate_at(window_px)) {
    const auto i = static_cast<std::size_t>(a - painter_.drawn_aggregates().data());
    if (i < aggregate_regions_.size() && aggregate_regions_[i]) {
      out.region = aggregate_regions_[i];
      return out;
    }
  }
  // Point-like places (staging areas, sectors) near the cursor, then outlines, cities first.
  const map::Theatre& th = *theatre_;
  best = 12;
  for (map::RegionId r = 0; r < th.region_count(); ++r) {
    const map::Region& reg = th.region(r);
    if (!reg.polygons.empty()) continue;
    const PixelPoint q = camera_.to_pixel(proj_.project(reg.label));
    const double d = std::hypot(q.x - p.x, q.y - p.y);
    if (d < best) {
      best = d;
      out.region = r;
    }
  }
  if (out.region) return out;
  const map::LonLat at = proj_.unproject(camera_.to_plane({p.x, p.y}));
  for (const map::RegionKind kind : {map::RegionKind::City, map::RegionKind::Oblast,
                                     map::RegionKind::SeaZone, map::RegionKind::Country}) {
    for (map::RegionId r = 0; r < th.region_count(); ++r) {
      const map::Region& reg = th.region(r);
      if (reg.kind == kind && map::contains(reg.polygons, at)) {
        out.region = r;
        return out;
      }
    }
  }
  return out;
}

std::vector<std::uint64_t> MapView::violations_at(sf::Vector2f window_px) const {
  if (!area().contains(window_px)) return {};
  const sf::Vector2f p = window_px - origin_;
  // The marker's box as the painter lays it out: 26 x 33 about its anchor, wider with a count.
  for (const MapPainter::DrawnBurst& b : painter_.drawn_bursts()) {
    const double dx = p.x - b.centre.x, dy = p.y - b.centre.y;
    const double right = b.serials.size() > 1 ? 33 : 13;
    if (dx >= -13 && dx <= right && dy >= -20 && dy <= 13) return b.serials;
  }
  return {};
}

const MapPainter::DrawnAggregate* MapView::aggregate_at(sf::Vector2f window_px) const {
  if (!area().contains(window_px)) return nullptr;
  const sf::Vector2f p = window_px - origin_;
  // The deck (a frame's size) and its count to the right of it, "+1234" at most.
  for (const MapPainter::DrawnAggregate& a : painter_.drawn_aggregates()) {
    const double dx = p.x - a.centre.x, dy = std::abs(p.y - a.centre.y);
    if (dx >= -17 && dx <= 62 && dy <= 12) return &a;
  }
  return nullptr;
}

namespace {

// Closed incidents in the flank states stay on the map, faded, for kFlankKept after they close
// (their slot in the state is freed then: the event log is what remembers them). Blue sees
// those the host nation's air picture saw, as it sees the open ones.
void add_closed_flank(const Session& session, play::Cell cell,
                      const std::unordered_set<std::uint64_t>& open, Scene& scene) {
  const sim::Simulation& run = session.run();
  const sim::SimTime now = run.now();
  const auto& log = session.log();
  // The log is in time order: look back over the longest an incident stays open and the day.
  // Drawn every frame, so the flank incidents are found first (most frames have none) and only
  // their engagements are kept, not every engagement in Ukraine.
  const sim::Duration back = kFlankKept + sim::Duration::hours(12);
  const auto in_window = [&](auto it) { return now - it->time <= back; };
  std::vector<const sim::TraceRecord*> incidents;
  std::map<std::uint64_t, const sim::TraceRecord*> engagement;
  for (auto it = log.rbegin(); it != log.rend() && (it->time > now || in_window(it)); ++it) {
    if (it->time <= now && it->violation != 0 && it->kind == sim::TraceKind::Violation &&
        it->detail.starts_with("flank ")) {
      incidents.push_back(&*it);
      engagement.emplace(it->violation, nullptr);
    }
  }
  if (incidents.empty()) return;
  for (auto it = log.rbegin(); it != log.rend() && (it->time > now || in_window(it)); ++it) {
    if (it->time > now || it->kind != sim::TraceKind::Engagement) continue;
    const auto e = engagement.find(it->violation);
    if (e != engagement.end()) e->second = &*it;  // the earliest, as the log was written
  }
  for (auto it = incidents.rbegin(); it != incidents.rend(); ++it) {
    const sim::TraceRecord& r = **it;
    if (open.count(r.violation) > 0) continue;
    const std::optional<FlankRecord> f = flank_record(r, engagement.at(r.violation));
    if (!f || (cell == play::Cell::Blue && !f->seen)) continue;
    const sim::SimTime closed = r.time + sim::flank_open_for(f->kind);
    if (closed > now || now - closed >= kFlankKept) continue;
    FlankMarker m;
    m.where = run.theatre().region(r.region).label;
    m.kind = static_cast<FlankKind>(f->kind);
    m.outcome = f->held_fire > 0   ? Engagement::HeldFire
                : f->missed > 0    ? Engagement::Missed
                : f->shot_down > 0 ? Engagement::Killed
                                   : Engagement::None;
    // Fainter than any open one (those fade to 0.3), and fading on over the day.
    const double age = static_cast<double>((now - closed).count_ms());
    m.fade = static_cast<float>(
        std::max(0.1, 0.25 - 0.15 * age / static_cast<double>(kFlankKept.count_ms())));
    m.serial = r.violation;
    scene.flank.push_back(m);
  }
}

}  // namespace

std::optional<FlankRecord> flank_record(const sim::TraceRecord& incident,
                                        const sim::TraceRecord* engagement) {
  if (incident.kind != sim::TraceKind::Violation || !incident.detail.starts_with("flank ")) {
    return std::nullopt;
  }
  const std::string_view rest = std::string_view(incident.detail).substr(6);
  const std::string_view name = rest.substr(0, rest.find(' '));
  FlankRecord out;
  bool known = false;
  for (std::size_t k = 0; k < sim::kFlankIncidentCount; ++k) {
    if (sim::to_string(static_cast<sim::FlankIncident>(k)) == name) {
      out.kind = static_cast<sim::FlankIncident>(k);
      known = true;
    }
  }
  if (!known) return std::nullopt;
  out.seen = incident.detail.find("(not seen)") == std::string::npos;
  if (engagement != nullptr) {
    const std::size_t colon = engagement->detail.find(": ");
    int fired = 0;
    if (colon != std::string::npos) {
      std::sscanf(engagement->detail.c_str() + colon + 2,
                  "%d fired at, %d shot down, %d missed, %d held fire", &fired, &out.shot_down,
                  &out.missed, &out.held_fire);
    }
  }
  return out;
}

Scene MapView::build_scene(const Session& session, FillMode fill, const Pick& selected,
                           play::Cell cell) const {
  const sim::Simulation& run = session.run();
  // The cell's picture is all the map draws (Red's outlooks are not on the map: left out).
  const play::Picture picture = play::picture_of(run, cell, false);
  Scene scene = scene_of_picture(picture, run.theatre(), run.scenario());
  for (UnitMarker& u : scene.units) u.selected = selected.unit && *selected.unit == u.id;
  fill_regions(run, session, fill, scene, cell);
  // Violations: open ones at full strength, closed ones fading out over a few hours; only
  // those the cell knows of.
  std::unordered_set<std::uint64_t> open;
  for (const play::ViolationView& v : picture.violations) open.insert(v.serial);
  scene.violations.clear();
  // A flank state's incident has its own marker (scene.flank), not a violation's star.
  std::unordered_set<std::uint64_t> flank;
  for (const FlankMarker& m : scene.flank) flank.insert(m.serial);
  add_closed_flank(session, cell, flank, scene);
  if (!flank_layer_) {
    scene.air_defence.clear();
    scene.flank.clear();
    scene.transits.clear();
  }
  const sim::SimTime now = run.now();
  const auto& flares = session.flares();
  for (auto it = flares.rbegin(); it != flares.rend(); ++it) {
    const bool is_open = open.count(it->serial) > 0;
    const double age = static_cast<double>((now - it->at).count_ms());
    if (it->at > now || !cell_sees(cell, *it)) continue;
    if (flank.count(it->serial) > 0 ||
        run.theatre().region(it->region).kind == map::RegionKind::Flank) {
      continue;
    }
    if (age > static_cast<double>(kFadeOver.count_ms()) && !is_open) {
      if (now - it->at > sim::Duration::days(3)) break;  // nothing older is still open
      continue;
    }
    float fade = static_cast<float>(1.0 - age / static_cast<double>(kFadeOver.count_ms()));
    if (is_open) fade = std::max(fade, 0.55f);
    ViolationMarker m;
    m.where = run.theatre().region(it->region).label;
    m.fade = std::clamp(fade, 0.0f, 1.0f);
    m.kinetic = it->kinetic;
    m.detected = it->detected;
    m.serial = it->serial;
    scene.violations.push_back(m);
  }
  return scene;
}

std::vector<CoverageRing> MapView::coverage_rings(const Session& session, bool coverage,
                                                  play::Cell cell) const {
  // The coalition's sensor coverage is the coalition's to know, not Red's.
  std::vector<CoverageRing> rings;
  if (!coverage || cell == play::Cell::Red) return rings;
  const sim::Simulation& run = session.run();
  const float km = static_cast<float>(camera_.scale());
  const sim::World& w = run.world();
  for (std::uint32_t u = 0; u < w.units.size(); ++u) {
    const sim::Unit& unit = w.units[u];
    if (unit.state != sim::UnitState::Idle && unit.state != sim::UnitState::OnTask) continue;
    const sim::UnitSpec& spec = run.scenario().units[unit.spec];
    double radius = 0;
    sf::Color col;
    switch (spec.type) {
      case sim::UnitType::IsrDrone:
        radius = kDroneKm;
        col = sf::Color(120, 60, 170);
        break;
      case sim::UnitType::FighterSquadron:
      case sim::UnitType::Awacs:
        radius = kAirKm;
        col = sf::Color(30, 110, 200);
        break;
      case sim::UnitType::NavalTaskGroup:
      case sim::UnitType::MaritimeDrones:
        radius = kNavalKm;
        col = sf::Color(0, 130, 140);
        break;
      case sim::UnitType::MonitoringTeam: {
        const map::Region& r = run.theatre().region(unit.at);
        radius = std::max(30.0, std::sqrt(std::max(r.area_km2, 0.0) / 3.14159));
        col = sf::Color(40, 150, 60);
        break;
      }
      default:
        break;
    }
    if (radius <= 0) continue;
    const PixelPoint p = camera_.to_pixel(proj_.project(run.unit_position(u)));
    rings.push_back(
        {{static_cast<float>(p.x), static_cast<float>(p.y)}, static_cast<float>(radius) * km, col});
  }
  return rings;
}

void MapView::outline_selection(Canvas& c, const std::optional<map::RegionId>& region) const {
  if (!region) return;
  auto px = [&](map::LonLat ll) {
    const PixelPoint p = camera_.to_pixel(proj_.project(ll));
    return sf::Vector2f(static_cast<float>(p.x), static_cast<float>(p.y));
  };
  const map::Region& r = theatre_->region(*region);
  const sf::Color ink(20, 70, 170);
  if (r.polygons.empty()) {
    c.ellipse_outline(px(r.label), {16, 16}, 3, ink, 32);
  }
  for (const map::Polygon& poly : r.polygons) {
    std::vector<sf::Vector2f> pts;
    for (const map::LonLat& ll : poly.outer) pts.push_back(px(ll));
    c.polyline(pts, 3.5f, ink, true, true);
  }
}

void MapView::draw(sf::RenderTarget& window, const Session& session, FillMode fill, bool coverage,
                   const Pick& selected, play::Cell cell) {
  stage(session, fill, coverage, selected, cell);
  draw_staged(window);
}

void MapView::stage(const Session& session, FillMode fill, bool coverage, const Pick& selected,
                    play::Cell cell) {
  MapKey key;
  key.scene = build_scene(session, fill, selected, cell);
  key.outlined = selected.region;
  key.coverage = coverage_rings(session, coverage, cell);
  complete_key(key);
  staged_ = std::move(key);
  staged_session_ = &session;
}

bool MapView::staged_changes() const {
  // Equal keys draw equal pixels, and the kept picture is redrawn only by a draw: so a frame
  // served from the picture the last frame showed, at the same place, shows the same pixels.
  return !staged_ || !caching_ || !showing_kept_ || shown_corner_ != corner() ||
         !cache_.holds(*staged_);
}

void MapView::draw_staged(sf::RenderTarget& window) {
  if (!staged_ || staged_session_ == nullptr) return;
  const sim::World& w = staged_session_->run().world();
  MapKey key = std::move(*staged_);
  staged_.reset();
  draw_key(window, std::move(key), [&](std::uint32_t u) {
    return u < w.units.size() ? std::optional<map::RegionId>(w.units[u].at) : std::nullopt;
  });
}

void MapView::keep_staged() {
  if (!staged_ || staged_session_ == nullptr) return;
  assert(!staged_changes() && "the map's pixels change: draw them");
  const sim::World& w = staged_session_->run().world();
  staged_.reset();
  changing_.reset();
  missed_ = false;
  locate_aggregates([&](std::uint32_t u) {
    return u < w.units.size() ? std::optional<map::RegionId>(w.units[u].at) : std::nullopt;
  });
}

void MapView::complete_key(MapKey& key) const {
  key.size = {static_cast<unsigned>(std::max(size_.x, 0.0f)),
              static_cast<unsigned>(std::max(size_.y, 0.0f))};
  key.centre_x = camera_.centre().x;
  key.centre_y = camera_.centre().y;
  key.scale = camera_.scale();
  key.compact_legend = painter_.compact_legend();
}

sf::Vector2i MapView::corner() const {
  return {static_cast<int>(std::round(origin_.x)), static_cast<int>(std::round(origin_.y))};
}

void MapView::draw_scene(
    sf::RenderTarget& window, const Scene& scene, const Pick& selected,
    const std::function<std::optional<map::RegionId>(std::uint32_t)>& region_of) {
  MapKey key;
  key.scene = scene;
  key.outlined = selected.region;
  draw_key(window, std::move(key), region_of);
}

void MapView::paint(sf::RenderTarget& target, const MapKey& key) {
  painter_.draw(target, camera_, key.scene);
  Canvas c;
  for (const CoverageRing& r : key.coverage) {
    const sf::Color& col = r.colour;
    c.disc(r.at, r.radius, sf::Color(col.r, col.g, col.b, 22), 48);
    c.ellipse_outline(r.at, {r.radius, r.radius}, 1.6f, sf::Color(col.r, col.g, col.b, 150), 64);
  }
  outline_selection(c, key.outlined);
  target.draw(c.vertices());
  ++painted_;
}

void MapView::draw_key(
    sf::RenderTarget& window, MapKey key,
    const std::function<std::optional<map::RegionId>(std::uint32_t)>& region_of) {
  const sf::Vector2f win(static_cast<float>(window.getSize().x),
                         static_cast<float>(window.getSize().y));
  showing_kept_ = false;
  if (size_.x <= 0 || size_.y <= 0 || win.x <= 0 || win.y <= 0) return;
  complete_key(key);
  const sf::Vector2i corner = this->corner();
  shown_corner_ = corner;
  // Under a software GL most of a frame's CPU is rasterising the map (labels, lines, symbols
  // and the ground's copy: issue 14's futures then get what is left of the cores), so a map
  // whose key is unchanged is the last picture copied. A change after a still frame (a click,
  // a pan) is painted into the kept picture; while the key changes frame after frame (playing,
  // dragging, the wheel turning) the map is painted straight into the window, as keeping
  // pictures nobody sees again would only add a copy, until the key holds for a frame. A zoom's
  // stretched stand-in is shown but not kept: the next frame at that scale paints afresh.
  bool shown = false;
  if (caching_) {
    if (cache_.holds(key)) {
      shown = showing_kept_ = cache_.show(window, corner);
      changing_.reset();
      missed_ = false;
    } else if (!missed_ || (changing_ && *changing_ == key)) {
      changing_.reset();
      missed_ = true;
      std::optional<MapKey> copy;
      if (cache_.redraw(std::move(key), [&](sf::RenderTarget& t, const MapKey& k) {
            paint(t, k);
            if (painter_.standing_in()) copy = k;
          })) {
        shown = showing_kept_ = cache_.show(window, corner);
        if (copy) {
          cache_.forget();
          showing_kept_ = false;
          changing_ = std::move(copy);  // the next frame with this key keeps its picture
        }
      }
    }
  }
  if (!shown) {
    if (caching_) changing_ = key;  // the kept picture, if any, still stands for its own key
    // Straight into the window through a viewport on the map's area.
    const sf::View saved = window.getView();
    sf::View view(sf::FloatRect(0, 0, size_.x, size_.y));
    view.setViewport({static_cast<float>(corner.x) / win.x, static_cast<float>(corner.y) / win.y,
                      size_.x / win.x, size_.y / win.y});
    window.setView(view);
    paint(window, key);
    window.setView(saved);
  }
  locate_aggregates(region_of);
}

void MapView::locate_aggregates(
    const std::function<std::optional<map::RegionId>(std::uint32_t)>& region_of) {
  // Each aggregate's region: where most of its units are (a stack forms at a region's label).
  // Asked every frame, as the units' regions are not in the key.
  aggregate_regions_.clear();
  std::map<map::RegionId, int> at;
  for (const MapPainter::DrawnAggregate& a : painter_.drawn_aggregates()) {
    at.clear();
    for (std::uint32_t u : a.ids) {
      if (const std::optional<map::RegionId> r = region_of(u)) ++at[*r];
    }
    const auto most = std::max_element(
        at.begin(), at.end(), [](const auto& x, const auto& y) { return x.second < y.second; });
    aggregate_regions_.push_back(most == at.end() ? std::nullopt
                                                  : std::optional<map::RegionId>(most->first));
  }
}

}  // namespace rfsim::render::gui
