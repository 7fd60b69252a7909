// The theatre graph once loaded: lookups by id, the links of a region.
// Loading lives in theatre_loader.cpp.
#include "map/theatre.hpp"

#include <cmath>
#include <stdexcept>

#include "map/graph.hpp"

namespace rfsim::map {

std::optional<RegionId> Theatre::find(std::string_view id) const {
  // A linear scan: the theatre has a few dozen regions, and lookups by name happen when
  // scenarios load, not in the event loop (which holds RegionIds).
  for (RegionId r = 0; r < regions_.size(); ++r) {
    if (regions_[r].id == id) return r;
  }
  return std::nullopt;
}

RegionId Theatre::require(std::string_view id) const {
  if (auto r = find(id)) return *r;
  throw std::out_of_range("unknown region '" + std::string(id) +
                          "': expected an id of assets/geo/ukraine_admin1.geojson or "
                          "assets/theatre/theatre.toml");
}

const TheatreGraph& Theatre::graph() const {
  return *graph_;
}

std::vector<LinkId> Theatre::links_of(RegionId r) const {
  const Graph& g = graph_->g;
  std::vector<LinkId> out;
  for (auto [e, end] = boost::out_edges(boost::vertex(r, g), g); e != end; ++e) {
    out.push_back(g[*e].id);
  }
  return out;
}

std::optional<LinkId> Theatre::link_between(RegionId a, RegionId b) const {
  const Graph& g = graph_->g;
  for (auto [e, end] = boost::out_edges(boost::vertex(a, g), g); e != end; ++e) {
    if (boost::target(*e, g) == b) return g[*e].id;
  }
  return std::nullopt;
}

}  // namespace rfsim::map
