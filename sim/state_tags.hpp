// The vocabulary of the state's field lists (sim/state_fields.hpp): what a field refers to,
// what values it may hold, and from which layout of the state on it exists.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace rfsim::sim {

/// The layout of the state: 1 as first saved; 2 added Decision::doctrine and
/// Measures::declined_by_hq (which layout 1 forgot to save); 3 added the flank states'
/// incidents, air policing and Article 4 (World::flanks, World::alliance, Measures::flank), and
/// deployments (Unit::station, by, ordered; DayRow::in_theatre; the surge and deploy commands'
/// fields); 4 added a flank incident's kind and engagement outcome (Violation::flank_kind,
/// shot_down, missed, held_fire), the surge decision (Decision::Kind::Surge,
/// Decision::nation) and the MSEL edited in play (World::msel_cancelled, msel_added;
/// Inject::line, line_kind); 5 strategic lift shared by deployments (World::lift_bookings;
/// Unit::mode, ready); 6 the sensor that reported a violation first (Violation::sensor,
/// sensor_unit).
inline constexpr std::uint32_t kStateVersion = 6;

namespace tag {
/// What an index field points into; a loaded state is checked against its scenario and
/// theatre before it is used (state_check.cpp).
enum class Ref : std::uint8_t {
  Region,
  Link,
  Nation,
  UnitSpec,
  Unit,
  Violation,
  Inject,
  Sector,
  Flank,
};
struct Index {
  Ref into;
  bool none_ok = false;  // kNone (or 0 for serial-guarded slots) allowed
};
/// One element per region, unit... : the list's length must equal that count.
struct OnePer {
  Ref what;
};
struct NonNegative {};  // numbers that cannot be below zero (counts, rates, strengths)
struct Fraction {};     // 0..1
/// Written sparse (index, value) by saves, which expand it to `size` elements on load; an
/// index saved under an older layout is first mapped by `index_of` (size when out of range).
struct Sparse {
  std::size_t size;
  std::size_t (*index_of)(std::uint32_t layout, std::uint64_t saved_index);
};
/// In the state from this layout on (kStateVersion); older saves leave the default.
struct Since {
  std::uint32_t version;
};
/// In saves before this layout only: read from older saves and dropped.
struct Until {
  std::uint32_t version;
};
}  // namespace tag

/// T is U, const or not: one list serves reading and writing.
template <class T, class U>
concept Of = std::same_as<std::remove_const_t<T>, U>;

}  // namespace rfsim::sim
