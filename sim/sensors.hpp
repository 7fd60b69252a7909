// How far each unit type's sensors reach, for the model's detection and for drawing
// coverage on the map: one source for both; and how a screen names the sensor that saw.
#pragma once

#include <string>

#include "sim/scenario.hpp"
#include "sim/world.hpp"

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

/// The sensor that reported a violation, in words for a screen: "UK ISR drone uk-isr", "the US
/// intelligence feed", "a contact-line camera". `unit` indexes Scenario::units (kNone: none).
std::string sensor_words(const Scenario& scenario, Sensor sensor, std::uint32_t unit);
/// The same for a screen that names units its own way (a seat holds no scenario): a unit's
/// sensor is `unit_name`, a patrol "the patrol of " + `unit_name`.
std::string sensor_words(Sensor sensor, const std::string& unit_name);

}  // namespace rfsim::sim
