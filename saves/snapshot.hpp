// Taking the whole state of a run, checking a loaded one against its scenario and theatre,
// and putting it back into a Simulation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "map/theatre.hpp"
#include "saves/save.hpp"
#include "sim/simulation.hpp"

namespace rfsim::saves {

/// The run's state now.
Snapshot take_snapshot(const sim::Simulation& run);

/// A keyframe of the run now, `commands` logged commands having been applied.
Keyframe take_keyframe(const sim::Simulation& run, std::uint64_t commands);

/// Replaces the run's state with `s` (world, every stream's position, link conditions),
/// grown to the run's theatre if it was recorded on an earlier one. `s` must fit the run's
/// scenario and theatre (see check_fits).
void restore(sim::Simulation& run, const Snapshot& s);

/// Throws SaveError(file, "state", ...) unless every value, size and index in `s` (grown to
/// the theatre if recorded on an earlier one) fits the scenario and the theatre, so that a
/// crafted save cannot make the model index out of range (sim::check_state).
void check_fits(const Snapshot& s, const sim::Scenario& scenario, const map::Theatre& theatre,
                const std::string& file, const std::string& where);

/// Identifies a theatre by its regions' ids and its links' ends (the first `regions` and
/// `links` of them, all by default), so a save run on other map data is refused with a clear
/// message instead of replaying into nonsense.
std::uint64_t theatre_fingerprint(const map::Theatre& theatre, std::size_t regions = SIZE_MAX,
                                  std::size_t links = SIZE_MAX);

/// The theatre a save was recorded on, as a part of today's: theatres grow by appending
/// regions and links (docs/theatre.md), so an older save names the first `regions` and `links`
/// of today's theatre. nullopt when no such prefix has the save's fingerprint.
struct TheatrePrefix {
  std::size_t regions = 0;
  std::size_t links = 0;
};
std::optional<TheatrePrefix> recorded_theatre(std::uint64_t fingerprint,
                                              const map::Theatre& theatre);

/// A state recorded on a prefix of today's theatre, grown to all of it: the new regions
/// without violations or a threat process of their own until the regime next changes, the new
/// links intact.
void grow_to_theatre(Snapshot& s, const map::Theatre& theatre);

}  // namespace rfsim::saves
