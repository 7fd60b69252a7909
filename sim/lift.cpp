// Strategic lift shared by deployments (lift.hpp): the needs by unit type and the resource a
// route books. The booking itself, a queue in order of the orders, is in surge.cpp.
#include "sim/lift.hpp"

#include <algorithm>
#include <cmath>

namespace rfsim::sim {
namespace {

// Personnel carried a load: one C-17 sortie or its equivalent in A400Ms. The anchor is the
// 173rd Airborne Brigade into Bashur, 2003: about 2,000 soldiers, 400 vehicles and 3,000 t by
// C-17 in 96 h (Parameters/ProQuest "Strategic brigade airdrop"), some 75 loads at 40 t, or 27
// soldiers a load for light infantry. The heavier types are assumptions (docs/model.md).
double persons_per_load(UnitType t) {
  switch (t) {
    case UnitType::LightInfantry:
    case UnitType::QuickReaction:
      return 27;
    case UnitType::MonitoringTeam:
      return 50;
    case UnitType::MechInfantry:
    case UnitType::AirDefence:
    case UnitType::RocketArtillery:
      return 10;
    case UnitType::Logistics:
      return 15;
    case UnitType::IsrDrone:
    case UnitType::MaritimeDrones:
      return 20;
    case UnitType::FighterSquadron:
    case UnitType::Awacs:
    case UnitType::NavalTaskGroup:
      return 0;  // they move themselves
  }
  return 0;
}

// Personnel carried a military train of about 25 flatcars (assumption: a mechanised company's
// vehicles a train, three or four trains a battalion).
double persons_per_train(UnitType t) {
  switch (t) {
    case UnitType::MechInfantry:
    case UnitType::Logistics:
      return 300;
    case UnitType::AirDefence:
    case UnitType::RocketArtillery:
      return 200;
    case UnitType::LightInfantry:
    case UnitType::QuickReaction:
    case UnitType::MonitoringTeam:
      return 600;
    case UnitType::IsrDrone:
    case UnitType::MaritimeDrones:
      return 400;
    case UnitType::FighterSquadron:
    case UnitType::Awacs:
    case UnitType::NavalTaskGroup:
      return 0;
  }
  return 0;
}

}  // namespace

LiftSlots lift_slots(const map::Theatre& t, map::Mobility by,
                     const std::vector<map::RegionId>& route) {
  LiftSlots slots;
  if (route.size() < 2) return slots;
  if (by == map::Mobility::Airlift) {
    slots.airfield = route.back();
  } else if (by == map::Mobility::Rail) {
    for (std::size_t i = 0; i + 1 < route.size(); ++i) {
      if (t.region(route[i]).rail_gauge_mm == t.region(route[i + 1]).rail_gauge_mm) continue;
      if (const auto l = t.link_between(route[i], route[i + 1])) slots.crossing = *l;
      break;
    }
  }
  return slots;
}

std::int32_t lift_needed(UnitType type, double strength, map::Mobility by) {
  const double per = by == map::Mobility::Airlift ? persons_per_load(type)
                     : by == map::Mobility::Rail  ? persons_per_train(type)
                                                  : 0;
  if (per <= 0) return 0;
  return std::max<std::int32_t>(1, static_cast<std::int32_t>(std::ceil(strength / per)));
}

std::int32_t lift_per_day(const Scenario& s, const LiftSlots& slots) {
  if (slots.airfield != LiftSlots::kNoSlot) return s.airlift_loads_per_day;
  if (slots.crossing != LiftSlots::kNoSlot) return s.gauge_trains_per_day;
  return 0;
}

std::string describe_lift(const map::Theatre& t, const LiftSlots& slots) {
  if (slots.airfield != LiftSlots::kNoSlot) {
    return "airlift loads at " + t.region(slots.airfield).id;
  }
  if (slots.crossing != LiftSlots::kNoSlot) {
    const map::Link& l = t.link(slots.crossing);
    return "train paths at the gauge change " + t.region(l.a).id + "-" + t.region(l.b).id;
  }
  return "";
}

}  // namespace rfsim::sim
