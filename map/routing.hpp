// Routing on the theatre graph: Dijkstra on travel time per mobility mode, with routes cached
// until the link conditions it reads are said to have changed.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "map/theatre.hpp"

namespace rfsim::map {

enum class Mobility : std::uint8_t { Wheeled, Tracked, Rail, Air, Sea };
inline constexpr std::size_t kMobilityCount = 5;

/// Speeds in km/h of each mobility on each link mode; 0 means "cannot use".
/// Defaults: wheeled 30 km/h on roads (column speed, US Army ST 100-3), tracked 20 km/h,
/// rail 50 km/h average, air 450 km/h (transport and helicopters, any pair of regions by
/// great circle), sea 25 km/h (about 13.5 knots).
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
  std::vector<LinkId> links;      // empty for air (direct flight) and for from == to
  double length_km = 0;
  std::chrono::milliseconds travel{0};  // whole milliseconds: simulation time is integer
};

/// Finds fastest routes. Air moves fly the great circle between label points; every other
/// mobility uses only links whose modes it can travel.
///   Router r(theatre);  auto route = r.route(from, to, Mobility::Wheeled);
/// The router keeps a reference to the theatre, which must outlive it. Its cache makes even
/// the const calls write: use one router per thread.
class Router {
 public:
  explicit Router(const Theatre& theatre, SpeedTable speeds = {});

  /// Link conditions to route with, one per theatre link (1 intact .. 0 cut; speeds scale
  /// with it), owned by the caller (a run keeps them in its world) and read on each new
  /// route; call again whenever they change, which drops the cached routes. Until the first
  /// call every link is intact.
  void set_conditions(const std::vector<double>& conditions);

  /// The fastest route, or nullopt when `to` cannot be reached with this mobility.
  std::optional<Route> route(RegionId from, RegionId to, Mobility m) const;
  /// Travel time only (cheaper: answered from the cached shortest-path tree).
  std::optional<std::chrono::milliseconds> travel_time(RegionId from, RegionId to,
                                                       Mobility m) const;

 private:
  struct Tree {  // one Dijkstra run from one source
    std::vector<double> hours;
    std::vector<RegionId> parent;
    std::vector<LinkId> via;
  };
  const Tree& tree(RegionId from, Mobility m) const;

  double condition(LinkId l) const { return conditions_ ? (*conditions_)[l] : 1.0; }

  const Theatre& theatre_;
  SpeedTable speeds_;
  const std::vector<double>* conditions_ = nullptr;
  mutable std::unordered_map<std::uint64_t, Tree> cache_;  // key: source * modes + mobility
};

}  // namespace rfsim::map
