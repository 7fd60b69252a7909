// The SIDC of each unit type, from the APP-6(D) / MIL-STD-2525D tables.
//
// Sources (docs/open-formats.md has the table):
// - the SIDC's layout (20 digits: version, context, standard identity, symbol set, status,
//   HQ/TF/dummy, amplifier, entity/type/subtype, sector 1 and sector 2 modifiers) and the codes
//   of each field: MIL-STD-2525D (10 June 2014) section 5.4 and NATO APP-6(D) ch. 2, in the
//   machine-readable form of the Joint Military Symbology Markup Language (JMSML),
//   github.com/Esri/joint-military-symbology-xml, instance/Base.xml (version 10; contexts;
//   standard identities; statuses; HQ/TF/dummy; echelon amplifier groups 1 and 2);
// - entity codes: the same tables' appendices, instance/Land_Unit.xml (symbol set 10),
//   instance/Air.xml (01) and instance/Sea_Surface.xml (30).
#include "sim/sidc.hpp"

#include <array>
#include <cstdio>

namespace rfsim::sim {
namespace {

struct Entity {
  const char* symbol_set;  // digits 5-6
  const char* entity;      // digits 11-16: entity, entity type, entity subtype
  const char* modifier1;   // digits 17-18
  const char* modifier2;   // digits 19-20
  char hq_tf_dummy;        // digit 8
  const char* name;        // as the tables label it
};

// One row per UnitType, in the enum's order. Where APP-6(D) has no entity for an rfsim type
// the nearest one is taken and the choice is said here and in docs/open-formats.md.
constexpr std::array<Entity, kUnitTypeCount> kEntities{{
    // Land unit 12 11 02: Movement and Maneuver / Infantry / Armored/Mechanized/Tracked.
    {"10", "121102", "00", "00", '0', "Land unit: Infantry: Armored/Mechanized/Tracked"},
    // Land unit 12 11 00: Infantry (light infantry has no entity of its own).
    {"10", "121100", "00", "00", '0', "Land unit: Infantry"},
    // No quick-reaction entity: infantry with the task force amplifier (HQ/TF/dummy 4), as a
    // QRF is a force task-organised for the mission.
    {"10", "121100", "00", "00", '4', "Land unit: Infantry, task force"},
    // Land unit 12 12 00: Observer (new at 2525D): ceasefire monitors.
    {"10", "121200", "00", "00", '0', "Land unit: Observer"},
    // Land unit 12 19 00: Unmanned Aerial Systems (a UAS unit, not one aircraft).
    {"10", "121900", "00", "00", '0', "Land unit: Unmanned Aerial Systems"},
    // Air 11 01 04: Military / Fixed-Wing / Fighter.
    {"01", "110104", "00", "00", '0', "Air: Military: Fixed-Wing: Fighter"},
    // Air 11 01 16: Military / Fixed-Wing / Airborne Early Warning (AEW).
    {"01", "110116", "00", "00", '0', "Air: Military: Fixed-Wing: Airborne Early Warning"},
    // Land unit 13 01 00: Fires / Air Defense.
    {"10", "130100", "00", "00", '0', "Land unit: Air Defense"},
    // Land unit 13 03 00: Fires / Field Artillery, sector 1 modifier 41: Multiple Rocket
    // Launcher.
    {"10", "130300", "41", "00", '0', "Land unit: Field Artillery, Multiple Rocket Launcher"},
    // Sea surface 12 10 03: Military Combatant / Navy Task Organization / Navy Task Group.
    {"30", "121003", "00", "00", '0', "Sea surface: Navy Task Organization: Navy Task Group"},
    // Sea surface 12 07 00: Unmanned Surface Water Vehicle (USV).
    {"30", "120700", "00", "00", '0', "Sea surface: Unmanned Surface Water Vehicle (USV)"},
    // Land unit 16 00 00: Sustainment.
    {"10", "160000", "00", "00", '0', "Land unit: Sustainment"},
}};

const Entity& entity_of(UnitType type) {
  return kEntities.at(static_cast<std::size_t>(type));
}

bool is_land_unit(UnitType type) {
  return std::string_view(entity_of(type).symbol_set) == "10";
}

}  // namespace

std::string unit_sidc(UnitType type, StandardIdentity identity, Echelon echelon,
                      SidcContext context) {
  const Entity& e = entity_of(type);
  const unsigned amplifier = is_land_unit(type) ? static_cast<unsigned>(echelon) : 0u;
  char buf[32];
  std::snprintf(buf, sizeof buf, "10%u%u%s0%c%02u%s%s%s", static_cast<unsigned>(context),
                static_cast<unsigned>(identity), e.symbol_set, e.hq_tf_dummy, amplifier, e.entity,
                e.modifier1, e.modifier2);
  return buf;
}

Echelon echelon_for(UnitType type, std::int32_t strength) {
  if (!is_land_unit(type)) return Echelon::None;
  // Upper bounds of personnel, rounded from the usual NATO sizes (docs/open-formats.md).
  struct Step {
    std::int32_t up_to;
    Echelon echelon;
  };
  constexpr std::array<Step, 9> kSteps{{{5, Echelon::Team},
                                        {13, Echelon::Squad},
                                        {20, Echelon::Section},
                                        {50, Echelon::Platoon},
                                        {250, Echelon::Company},
                                        {1000, Echelon::Battalion},
                                        {2500, Echelon::Regiment},
                                        {6000, Echelon::Brigade},
                                        {20000, Echelon::Division}}};
  for (const Step& s : kSteps) {
    if (strength <= s.up_to) return s.echelon;
  }
  return Echelon::Corps;
}

std::string_view sidc_entity_name(UnitType type) {
  return entity_of(type).name;
}

std::string check_sidc(std::string_view sidc) {
  if (sidc.size() != 20) {
    return "expected 20 digits (APP-6(D) / MIL-STD-2525D), got " + std::to_string(sidc.size()) +
           " characters";
  }
  for (std::size_t i = 0; i < sidc.size(); ++i) {
    if (sidc[i] < '0' || sidc[i] > '9') {
      return "digit " + std::to_string(i + 1) + " is '" + std::string(1, sidc[i]) +
             "', expected 0-9";
    }
  }
  if (sidc.substr(0, 2) != "10" && sidc.substr(0, 2) != "11") {
    return "digits 1-2 (version) are " + std::string(sidc.substr(0, 2)) +
           ", expected 10 (APP-6(D), 2525D) or 11 (2525D change 1)";
  }
  if (sidc[2] > '2') {
    return "digit 3 (context) is " + std::string(1, sidc[2]) +
           ", expected 0 (reality), 1 (exercise) or 2 (simulation)";
  }
  if (sidc[3] > '6') {
    return "digit 4 (standard identity) is " + std::string(1, sidc[3]) +
           ", expected 0 to 6 (pending, unknown, assumed friend, friend, neutral, suspect, "
           "hostile)";
  }
  constexpr std::array<std::string_view, 23> kSymbolSets{
      "00", "01", "02", "05", "06", "10", "11", "15", "20", "25", "30", "35",
      "36", "40", "45", "46", "47", "50", "51", "52", "53", "54", "60"};
  const std::string_view set = sidc.substr(4, 2);
  bool known = false;
  for (std::string_view s : kSymbolSets) known = known || s == set;
  if (!known) {
    return "digits 5-6 (symbol set) are " + std::string(set) +
           ", expected a symbol set of the standard (01 air, 10 land unit, 15 land equipment, 30 "
           "sea surface...)";
  }
  if (sidc[6] > '5') {
    return "digit 7 (status) is " + std::string(1, sidc[6]) + ", expected 0 to 5";
  }
  return "";
}

}  // namespace rfsim::sim
