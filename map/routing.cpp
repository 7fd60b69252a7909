// Routing on the theatre graph: Dijkstra (Boost.Graph) on travel time per mobility, one
// shortest-path tree cached per (source, mobility) until the link conditions change;
// journeys add the march rates of map/march.hpp.
#include "map/routing.hpp"

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "map/graph.hpp"

namespace rfsim::map {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::chrono::milliseconds to_ms(double hours) {
  return std::chrono::milliseconds(std::llround(hours * 3'600'000.0));
}

// Records which link reached each vertex: the graph may in principle hold two links between a
// pair, so the predecessor vertex alone would not name the link.
class TreeRecorder : public boost::default_dijkstra_visitor {
 public:
  TreeRecorder(std::vector<RegionId>& parent, std::vector<LinkId>& via)
      : parent_(&parent), via_(&via) {}
  void edge_relaxed(Graph::edge_descriptor e, const Graph& g) {
    const auto to = boost::target(e, g);
    (*parent_)[to] = static_cast<RegionId>(boost::source(e, g));
    (*via_)[to] = g[e].id;
  }

 private:
  std::vector<RegionId>* parent_;
  std::vector<LinkId>* via_;
};

}  // namespace

SpeedTable::SpeedTable() {
  // Sources in docs/theatre.md. Wheeled and tracked units move by road only; units moved by
  // train use rail links; ships use sea links; aircraft fly direct.
  set(Mobility::Wheeled, kRoad, 30);  // column speed 25-30 km/h, US Army ST 100-3
  set(Mobility::Tracked, kRoad, 20);  // tracked columns: wheeled ones are about a third faster
  set(Mobility::Rail, kRail, 55);     // ordinary long-distance trains' timetables, stops included
  set(Mobility::Air, kAir, 450);      // fighters, helicopters and drones on task, block speed
  set(Mobility::Sea, kSea, 25);       // about 13.5 knots
  set(Mobility::Airlift, kAir, 650);  // A400M / C-130J class transport, block speed
  set(Mobility::Sealift, kSea, 30);   // about 16 knots, a ro-ro ship's service speed
}

int SpeedTable::bit(LinkMode mode) {
  switch (mode) {
    case kRoad:
      return 0;
    case kRail:
      return 1;
    case kSea:
      return 2;
    case kAir:
      return 3;
  }
  assert(false && "LinkMode must be a single mode");
  return 0;
}

Router::Router(const Theatre& theatre, SpeedTable speeds, MarchTable march)
    : theatre_(theatre), speeds_(speeds), march_(march) {}

void Router::set_conditions(const std::vector<double>& conditions) {
  if (conditions.size() != theatre_.link_count()) {
    throw std::invalid_argument("Router::set_conditions: " + std::to_string(conditions.size()) +
                                " conditions for " + std::to_string(theatre_.link_count()) +
                                " links");
  }
  conditions_ = &conditions;
  cache_.clear();
}

namespace {

// Hours to cross a link with mobility m, using its fastest usable mode; infinite if none.
double moving_hours(const Link& link, double condition, Mobility m, const SpeedTable& speeds) {
  if (!(condition > 0)) return kInf;
  double kmh = 0;
  for (LinkMode mode : {kRoad, kRail, kSea}) {
    if (link.modes & mode) kmh = std::max(kmh, speeds.kmh(m, mode));
  }
  return kmh > 0 ? link.length_km / (kmh * std::min(condition, 1.0)) : kInf;
}

// A train crossing between standard and Russian gauge: its load changes trains (or bogies).
bool gauge_break(const Theatre& t, const Link& link, Mobility m) {
  return m == Mobility::Rail && t.region(link.a).rail_gauge_mm != t.region(link.b).rail_gauge_mm;
}

}  // namespace

const Router::Tree& Router::tree(RegionId from, Mobility m) const {
  const std::uint64_t key = std::uint64_t{from} * kMobilityCount + static_cast<std::uint64_t>(m);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;

  const Graph& g = theatre_.graph().g;
  const std::size_t n = boost::num_vertices(g);
  Tree t;
  t.hours.assign(n, kInf);
  t.parent.resize(n);
  for (RegionId r = 0; r < n; ++r) t.parent[r] = r;
  t.via.assign(n, std::numeric_limits<LinkId>::max());

  const auto& links = theatre_.links();
  auto weight = boost::make_function_property_map<Graph::edge_descriptor, double>(
      [&](Graph::edge_descriptor e) {
        const LinkId id = g[e].id;
        const Link& l = links[id];
        // The gauge change is in the weight, so a train avoids a needless second break.
        return moving_hours(l, condition(id), m, speeds_) +
               (gauge_break(theatre_, l, m) ? march_.gauge_change_hours : 0.0);
      });
  // Vertex r is RegionId r (vecS storage), so plain vectors serve as the property maps.
  boost::dijkstra_shortest_paths(g, boost::vertex(from, g),
                                 boost::weight_map(weight)
                                     .distance_map(boost::make_iterator_property_map(
                                         t.hours.begin(), boost::get(boost::vertex_index, g)))
                                     .distance_inf(kInf)
                                     .visitor(TreeRecorder(t.parent, t.via)));
  return cache_.emplace(key, std::move(t)).first->second;
}

std::optional<std::chrono::milliseconds> Router::travel_time(RegionId from, RegionId to,
                                                             Mobility m) const {
  if (from >= theatre_.region_count() || to >= theatre_.region_count()) {
    throw std::out_of_range("Router::travel_time: region id out of range");
  }
  if (from == to) return std::chrono::milliseconds{0};
  if (m == Mobility::Air || m == Mobility::Airlift) return flight_time(from, to, m);
  const Tree& t = tree(from, m);
  if (!std::isfinite(t.hours.at(to))) return std::nullopt;
  return to_ms(t.hours[to]);
}

std::optional<std::chrono::milliseconds> Router::flight_time(RegionId from, RegionId to,
                                                             Mobility m) const {
  const Region& a = theatre_.region(from);
  const Region& b = theatre_.region(to);
  const double kmh = speeds_.kmh(m, kAir);
  if (kmh <= 0) return std::nullopt;
  // Airlift needs an airfield at both ends; aircraft on task fly anywhere.
  if (m == Mobility::Airlift && !(a.airfield && b.airfield)) return std::nullopt;
  return to_ms(distance_km(a.hub, b.hub) / kmh);
}

std::optional<Route> Router::flight(RegionId from, RegionId to, Mobility m) const {
  const Region& a = theatre_.region(from);
  const Region& b = theatre_.region(to);
  const double kmh = speeds_.kmh(m, kAir);
  if (kmh <= 0) return std::nullopt;
  // Airlift needs an airfield at both ends; aircraft on task fly anywhere.
  if (m == Mobility::Airlift && !(a.airfield && b.airfield)) return std::nullopt;
  Route route;
  route.regions = {from, to};
  route.length_km = distance_km(a.hub, b.hub);
  route.travel = to_ms(route.length_km / kmh);  // as flight_time()
  return route;
}

std::optional<Route> Router::route(RegionId from, RegionId to, Mobility m) const {
  // Bad ids are programming errors of the caller, but at() throws rather than reading past.
  theatre_.region(from);
  theatre_.region(to);
  Route route;
  if (from == to) {
    route.regions = {from};
    return route;
  }
  if (m == Mobility::Air || m == Mobility::Airlift) return flight(from, to, m);
  const Tree& t = tree(from, m);
  if (!std::isfinite(t.hours[to])) return std::nullopt;
  for (RegionId r = to; r != from; r = t.parent[r]) {
    const Link& l = theatre_.link(t.via[r]);
    route.regions.push_back(r);
    route.links.push_back(t.via[r]);
    route.length_km += l.length_km;
    route.gauge_breaks += gauge_break(theatre_, l, m) ? 1 : 0;
  }
  route.regions.push_back(from);
  std::reverse(route.regions.begin(), route.regions.end());
  std::reverse(route.links.begin(), route.links.end());
  route.travel = to_ms(t.hours[to]);
  return route;
}

std::optional<Journey> Router::journey(RegionId from, RegionId to, Mobility m) const {
  auto route = this->route(from, to, m);
  if (!route) return std::nullopt;
  Journey j;
  j.mobility = m;
  time_journey(j, from != to, route->travel, route->gauge_breaks);
  j.route = std::move(*route);
  return j;
}

void Router::time_journey(Journey& j, bool moves, std::chrono::milliseconds travel,
                          int gauge_breaks) const {
  const Mobility m = j.mobility;
  j.gauge = to_ms(gauge_breaks * march_.gauge_change_hours);
  j.moving = travel - j.gauge;
  const double moving_h = static_cast<double>(j.moving.count()) / 3'600'000.0;
  const double road_kmh = speeds_.kmh(m, kRoad);
  j.halts = to_ms(march_.road_hours(m, moving_h, road_kmh)) - j.moving;
  if (moves) j.terminals = to_ms(march_.terminal_hours(m));
  j.total = j.moving + j.halts + j.gauge + j.terminals;
}

std::optional<std::chrono::milliseconds> Router::journey_time(RegionId from, RegionId to,
                                                              Mobility m) const {
  // The same checks and sums as route() and journey(), with no vector built.
  theatre_.region(from);
  theatre_.region(to);
  std::chrono::milliseconds travel{0};
  int gauge_breaks = 0;
  if (from != to) {
    if (m == Mobility::Air || m == Mobility::Airlift) {
      const auto t = flight_time(from, to, m);
      if (!t) return std::nullopt;
      travel = *t;
    } else {
      const Tree& t = tree(from, m);
      if (!std::isfinite(t.hours[to])) return std::nullopt;
      travel = to_ms(t.hours[to]);
      if (m == Mobility::Rail) {  // gauge_break() is false for every other mobility
        for (RegionId r = to; r != from; r = t.parent[r]) {
          gauge_breaks += gauge_break(theatre_, theatre_.link(t.via[r]), m) ? 1 : 0;
        }
      }
    }
  }
  Journey j;
  j.mobility = m;
  time_journey(j, from != to, travel, gauge_breaks);
  return j.total;
}

std::optional<Journey> Router::journey(RegionId from, RegionId to, Mobility m,
                                       Mobility fallback) const {
  if (auto j = journey(from, to, m)) return j;
  return journey(from, to, fallback);
}

}  // namespace rfsim::map
