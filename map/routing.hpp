// Routing on the theatre graph: Dijkstra on travel time per mobility, with routes cached
// until the link conditions it reads change, and journeys door to door (march rates,
// terminals).
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "map/march.hpp"
#include "map/mobility.hpp"
#include "map/theatre.hpp"

namespace rfsim::map {

/// Speeds in km/h of each mobility on each link mode; 0 means "cannot use". Defaults and
/// their sources in docs/theatre.md: wheeled 30 km/h and tracked 20 km/h on roads (column
/// speeds), rail 55 km/h (timetable average with stops), air 450 km/h (any two regions, great
/// circle), sea 25 km/h, airlift 650 km/h (airfield to airfield), sealift 30 km/h.
struct SpeedTable {
  SpeedTable();
  double kmh(Mobility m, LinkMode mode) const { return speed[static_cast<int>(m)][bit(mode)]; }
  void set(Mobility m, LinkMode mode, double kmh) { speed[static_cast<int>(m)][bit(mode)] = kmh; }
  std::array<std::array<double, 4>, kMobilityCount> speed{};

 private:
  static int bit(LinkMode mode);
};

struct Route {
  std::vector<RegionId> regions;  // from .. to, inclusive
  std::vector<LinkId> links;      // empty for flights and for from == to
  double length_km = 0;
  int gauge_breaks = 0;                 // rail links crossed between 1435 and 1520 mm gauge
  std::chrono::milliseconds travel{0};  // on the graph: moving, plus the gauge changes for rail
};

/// A move door to door: the route and what the time is made of.
struct Journey {
  Mobility mobility = Mobility::Wheeled;  // the means used (a fallback may have been taken)
  Route route;
  std::chrono::milliseconds moving{0};     // driving, running, flying or sailing
  std::chrono::milliseconds halts{0};      // a road march's overnight halts, rest, maintenance
  std::chrono::milliseconds gauge{0};      // transshipment at gauge breaks (rail)
  std::chrono::milliseconds terminals{0};  // loading and unloading (rail, airlift, sealift)
  std::chrono::milliseconds total{0};      // the sum: when the unit arrives after it sets off
};

/// Finds fastest routes and journeys. Air flies the great circle between any two regions'
/// routing points; airlift the same, between airfields only; every other mobility uses only
/// links whose modes it can travel.
///   Router r(theatre);  auto j = r.journey(from, to, Mobility::Rail, Mobility::Wheeled);
/// The router keeps a reference to the theatre, which must outlive it. Its cache makes even
/// the const calls write: use one router per thread.
class Router {
 public:
  explicit Router(const Theatre& theatre, SpeedTable speeds = {}, MarchTable march = {});

  /// Link conditions to route with, one per theatre link (1 intact .. 0 cut; speeds scale
  /// with it), owned by the caller (a run keeps them in its world) and read on each new
  /// route; call again whenever they change, which drops the cached routes. Until the first
  /// call every link is intact.
  void set_conditions(const std::vector<double>& conditions);

  /// The fastest route, or nullopt when `to` cannot be reached with this mobility.
  std::optional<Route> route(RegionId from, RegionId to, Mobility m) const;
  /// Route::travel only (cheaper: answered from the cached shortest-path tree).
  std::optional<std::chrono::milliseconds> travel_time(RegionId from, RegionId to,
                                                       Mobility m) const;
  /// The whole move with march rates: nullopt when `to` cannot be reached with `m`.
  std::optional<Journey> journey(RegionId from, RegionId to, Mobility m) const;
  /// Journey::total only, without building the route: what HQ ranks every free unit by for
  /// each violation, so it is the model's most frequent question. Always journey()->total.
  std::optional<std::chrono::milliseconds> journey_time(RegionId from, RegionId to,
                                                        Mobility m) const;
  /// By `m` if it can reach `to` ("by rail"), else by `fallback` ("else by road").
  std::optional<Journey> journey(RegionId from, RegionId to, Mobility m, Mobility fallback) const;

  const SpeedTable& speeds() const { return speeds_; }
  const MarchTable& march() const { return march_; }

 private:
  struct Tree {  // one Dijkstra run from one source
    std::vector<double> hours;
    std::vector<RegionId> parent;
    std::vector<LinkId> via;
  };
  const Tree& tree(RegionId from, Mobility m) const;
  std::optional<Route> flight(RegionId from, RegionId to, Mobility m) const;
  std::optional<std::chrono::milliseconds> flight_time(RegionId from, RegionId to,
                                                       Mobility m) const;
  // A journey's times from its route's travel time and gauge breaks: journey() and
  // journey_time() both use it, so they cannot disagree.
  void time_journey(Journey& j, bool moves, std::chrono::milliseconds travel,
                    int gauge_breaks) const;

  double condition(LinkId l) const { return conditions_ ? (*conditions_)[l] : 1.0; }

  const Theatre& theatre_;
  SpeedTable speeds_;
  MarchTable march_;
  const std::vector<double>* conditions_ = nullptr;
  mutable std::unordered_map<std::uint64_t, Tree> cache_;  // key: source * modes + mobility
};

}  // namespace rfsim::map
