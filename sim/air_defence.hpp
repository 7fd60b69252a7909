// Where the flank states' ground-based air defence stands and how far it reaches: the sites
// the map draws as coverage rings. Documented data, not model state (docs/model.md "Air-defence
// coverage" gives each site's source, or marks it an assumption).
#pragma once

#include <span>
#include <string_view>

#include "map/geo.hpp"

namespace rfsim::sim {

/// One air-defence site in a flank state.
struct AirDefenceSite {
  std::string_view state;   // the flank region's id, "flank_poland"
  std::string_view place;   // "Rzeszow-Jasionka"
  std::string_view system;  // "Patriot", "NASAMS", "SAMP/T"
  map::LonLat at;           // the site (the place's published coordinates)
  double range_km = 0;      // the ring drawn: the reach against aircraft and cruise missiles
};

/// Every site, Poland's first.
std::span<const AirDefenceSite> air_defence_sites();

}  // namespace rfsim::sim
