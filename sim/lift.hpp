// Strategic lift shared by deployments: what a unit needs of an airfield's airlift loads or a
// gauge change's train paths, and which of them its route uses (docs/model.md "Lift capacity").
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "map/mobility.hpp"
#include "map/theatre.hpp"
#include "sim/scenario.hpp"

namespace rfsim::sim {

/// The shared resource a carried move books: the airfield an airlift lands at, or the first
/// gauge change a train crosses; neither for any other move.
struct LiftSlots {
  static constexpr std::uint32_t kNoSlot = std::numeric_limits<std::uint32_t>::max();
  map::RegionId airfield = kNoSlot;
  map::LinkId crossing = kNoSlot;
  bool any() const { return airfield != kNoSlot || crossing != kNoSlot; }
};

/// What a move by `by` along `route` (from .. to) books.
LiftSlots lift_slots(const map::Theatre& t, map::Mobility by,
                     const std::vector<map::RegionId>& route);

/// Airlift loads (C-17 equivalents) or trains a unit of this type and strength needs; 0 for a
/// move that books neither.
std::int32_t lift_needed(UnitType type, double strength, map::Mobility by);

/// Slots a day of that resource under the scenario.
std::int32_t lift_per_day(const Scenario& s, const LiftSlots& slots);

/// "airlift loads at rzeszow", "train paths at the gauge change przemysl-lviv".
std::string describe_lift(const map::Theatre& t, const LiftSlots& slots);

}  // namespace rfsim::sim
