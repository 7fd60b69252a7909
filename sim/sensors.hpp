// How far each unit type's sensors reach, for the model's detection and for drawing
// coverage on the map: one source for both.
#pragma once

#include "sim/scenario.hpp"

namespace rfsim::sim {

/// Radius in km within which a unit of this type detects violations, measured between
/// region label points; 0 for types that sense only their own and linked regions
/// (monitoring teams) or nothing at all.
constexpr double sensor_range_km(UnitType t) {
  switch (t) {
    case UnitType::IsrDrone:
      return 150;  // long-range UAV on station (SMM: S-100)
    case UnitType::FighterSquadron:
    case UnitType::Awacs:
      return 450;  // airborne radar and fighter patrols
    case UnitType::NavalTaskGroup:
    case UnitType::MaritimeDrones:
      return 250;  // ship radar and drone patrols at sea
    default:
      return 0;
  }
}

}  // namespace rfsim::sim
