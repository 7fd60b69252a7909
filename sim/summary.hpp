// The run's measures as text: what `rfsim run` prints and the main job writes.
#pragma once

#include <string>

#include "sim/derived_measures.hpp"  // utilisation(), which the summary quotes
#include "sim/simulation.hpp"

namespace rfsim::sim {

/// A plain-text summary of the run so far: violations, detection, response, caveats,
/// escalation, the ceasefire's state and the final state hash.
std::string format_summary(const Simulation& run);

}  // namespace rfsim::sim
