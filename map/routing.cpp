// Routing on the theatre graph: Dijkstra (Boost.Graph) on travel time per mobility, one
// shortest-path tree cached per (source, mobility) until the link conditions change.
#include "map/routing.hpp"

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <stdexcept>

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
  set(Mobility::Tracked, kRoad, 20);  // tracked columns, slower and with more halts
  set(Mobility::Rail, kRail, 50);     // military trains, loading and waits averaged in
  set(Mobility::Air, kAir, 450);      // transport aircraft and helicopters, block speed
  set(Mobility::Sea, kSea, 25);       // about 13.5 knots
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

Router::Router(const Theatre& theatre, SpeedTable speeds) : theatre_(theatre), speeds_(speeds) {}

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
double link_hours(const Link& link, double condition, Mobility m, const SpeedTable& speeds) {
  if (!(condition > 0)) return kInf;
  double kmh = 0;
  for (LinkMode mode : {kRoad, kRail, kSea}) {
    if (link.modes & mode) kmh = std::max(kmh, speeds.kmh(m, mode));
  }
  return kmh > 0 ? link.length_km / (kmh * std::min(condition, 1.0)) : kInf;
}

}  // namespace

const Router::Tree& Router::tree(RegionId from, Mobility m) const {
  const std::uint64_t key = std::uint64_t{from} * kMobilityCount + static_cast<std::uint64_t>(m);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;

  const Graph& g = theatre_.graph();
  const std::size_t n = boost::num_vertices(g);
  Tree t;
  t.hours.assign(n, kInf);
  t.parent.resize(n);
  for (RegionId r = 0; r < n; ++r) t.parent[r] = r;
  t.via.assign(n, std::numeric_limits<LinkId>::max());

  const auto& links = theatre_.links();
  auto weight = boost::make_function_property_map<Graph::edge_descriptor, double>(
      [&](Graph::edge_descriptor e) {
        const LinkId l = g[e].id;
        return link_hours(links[l], condition(l), m, speeds_);
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
  if (m == Mobility::Air) {
    if (auto r = route(from, to, m)) return r->travel;
    return std::nullopt;
  }
  const Tree& t = tree(from, m);
  if (!std::isfinite(t.hours.at(to))) return std::nullopt;
  return to_ms(t.hours[to]);
}

std::optional<Route> Router::route(RegionId from, RegionId to, Mobility m) const {
  // Bad ids are programming errors of the caller, but at() throws rather than reading past.
  const Region& a = theatre_.region(from);
  const Region& b = theatre_.region(to);
  Route route;
  if (from == to) {
    route.regions = {from};
    return route;
  }
  if (m == Mobility::Air) {
    const double kmh = speeds_.kmh(Mobility::Air, kAir);
    if (kmh <= 0) return std::nullopt;
    route.regions = {from, to};
    route.length_km = distance_km(a.label, b.label);
    route.travel = to_ms(route.length_km / kmh);
    return route;
  }
  const Tree& t = tree(from, m);
  if (!std::isfinite(t.hours[to])) return std::nullopt;
  for (RegionId r = to; r != from; r = t.parent[r]) {
    route.regions.push_back(r);
    route.links.push_back(t.via[r]);
    route.length_km += theatre_.link(t.via[r]).length_km;
  }
  route.regions.push_back(from);
  std::reverse(route.regions.begin(), route.regions.end());
  std::reverse(route.links.begin(), route.links.end());
  route.travel = to_ms(t.hours[to]);
  return route;
}

}  // namespace rfsim::map
