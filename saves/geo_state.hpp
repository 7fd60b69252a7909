// The state of a run at one moment as geographic features: units, open violations, regions,
// the line of contact and cut links; and what every export says about a unit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "saves/geo_document.hpp"
#include "sim/sidc.hpp"
#include "sim/simulation.hpp"

namespace rfsim::saves {

/// The side a unit fights on, as exports name it: its nation's side ("coalition", "ukraine",
/// "russia").
std::string_view side_of(const sim::Scenario& scenario, std::uint32_t unit);

/// The unit's APP-6(D) SIDC: derived from its type, its side's standard identity (coalition and
/// Ukraine friend, Russia hostile) and the echelon its strength suggests.
std::string sidc_of(const sim::Scenario& scenario, std::uint32_t unit);

/// What every export says about a unit: id, nation, nation_name, side, type, sidc, strength,
/// mobility, home.
std::vector<GeoProperty> unit_properties(const sim::Scenario& scenario, const map::Theatre& theatre,
                                         std::uint32_t unit);

/// The run's state now, in layers "units" (a point each, with state, region, destination,
/// munitions), "violations" (the open ones, at their region's label point), "regions" (outline,
/// contact sector line or point, with occupied share, armed presence and open violations),
/// "line_of_contact" and "cut_links" (links whose condition is below 1).
GeoDocument state_document(const sim::Simulation& run);

}  // namespace rfsim::saves
