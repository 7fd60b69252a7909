// APP-6(D) / MIL-STD-2525D symbol identification codes (SIDC) for rfsim's unit types, so that
// another military tool or a GIS draws each unit with its proper symbol.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sim/scenario.hpp"

namespace rfsim::sim {

/// SIDC digit 4: how the unit is identified (APP-6(D) standard identity).
enum class StandardIdentity : std::uint8_t {
  Pending = 0,
  Unknown = 1,
  AssumedFriend = 2,
  Friend = 3,
  Neutral = 4,
  Suspect = 5,
  Hostile = 6,
};

/// SIDC digits 9-10 for land units: the echelon amplifier (its two-digit code).
enum class Echelon : std::uint8_t {
  None = 0,
  Team = 11,
  Squad = 12,
  Section = 13,
  Platoon = 14,
  Company = 15,
  Battalion = 16,
  Regiment = 17,
  Brigade = 18,
  Division = 21,
  Corps = 22,
  Army = 23,
};

/// SIDC digit 3: whether the symbol stands for the real world, an exercise or a simulation.
enum class SidcContext : std::uint8_t { Reality = 0, Exercise = 1, Simulation = 2 };

/// The 20-digit SIDC of a unit of type `type`:
///   version 10 | context | identity | symbol set | status 0 (present) | HQ/TF/dummy |
///   echelon | entity, entity type, entity subtype | sector 1 modifier | sector 2 modifier
///   unit_sidc(UnitType::MechInfantry, StandardIdentity::Friend, Echelon::Battalion)
///     == "10031000161211020000"
/// The echelon is written for land units only: APP-6(D) has no echelon amplifier for the air
/// and sea surface symbol sets, where digits 9-10 stay 00.
std::string unit_sidc(UnitType type, StandardIdentity identity, Echelon echelon = Echelon::None,
                      SidcContext context = SidcContext::Reality);

/// The usual echelon of a land unit of `strength` personnel (a rule of thumb on NATO unit
/// sizes, docs/open-formats.md); None for types drawn in the air or sea surface symbol sets.
Echelon echelon_for(UnitType type, std::int32_t strength);

/// What the standard calls the entity rfsim uses for `type`, e.g. "Land unit: Infantry:
/// Armored/Mechanized/Tracked"; for inspectors and docs.
std::string_view sidc_entity_name(UnitType type);

/// Why `sidc` is not a 20-digit APP-6(D) SIDC that rfsim can use ("" when it is): the length,
/// a non-digit, the version, the context, the standard identity or the symbol set, named by
/// its digit positions. For an SIDC given in a scenario.
std::string check_sidc(std::string_view sidc);

}  // namespace rfsim::sim
