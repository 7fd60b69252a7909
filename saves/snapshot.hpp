// Taking the whole state of a run, checking a loaded one against its scenario and theatre,
// and putting it back into a Simulation.
#pragma once

#include <cstdint>
#include <string>

#include "map/theatre.hpp"
#include "saves/save.hpp"
#include "sim/simulation.hpp"

namespace rfsim::saves {

/// The run's state now.
Snapshot take_snapshot(const sim::Simulation& run);

/// A keyframe of the run now, `commands` logged commands having been applied.
Keyframe take_keyframe(const sim::Simulation& run, std::uint64_t commands);

/// Replaces the run's state with `s` (world, every stream's position, link conditions).
/// `s` must fit the run's scenario and theatre (see check_fits).
void restore(sim::Simulation& run, const Snapshot& s);

/// Throws SaveError(file, "state", ...) unless every size and index in `s` fits the scenario
/// and the theatre, so that a crafted save cannot make the model index out of range.
void check_fits(const Snapshot& s, const sim::Scenario& scenario, const map::Theatre& theatre,
                const std::string& file, const std::string& where);

/// Identifies a theatre by its regions' ids and its links' ends, so a save run on other map
/// data is refused with a clear message instead of replaying into nonsense.
std::uint64_t theatre_fingerprint(const map::Theatre& theatre);

}  // namespace rfsim::saves
