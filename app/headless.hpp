// Headless play: running a scenario with no one at the screen. When the scenario asks a
// player to decide ("ask" modes), doctrine's choice (the first option: the nearest eligible
// unit, or approval) answers instead, through the caller's command path so that a recording
// logs each answer like any other command.
#pragma once

#include <cstdint>
#include <functional>

#include "sim/simulation.hpp"

namespace rfsim::app {

/// Advances `run` to `until` with `advance`, answering every pending decision with
/// `command`. Returns how many decisions doctrine answered.
///   play_headless(sim, t, [&](SimTime x) { sim.run_until(x); }, [&](const Inject& i) {
///   sim.inject(i); });
std::int64_t play_headless(const sim::Simulation& run, sim::SimTime until,
                           const std::function<void(sim::SimTime)>& advance,
                           const std::function<void(const sim::Inject&)>& command);

/// The same for a plain Simulation.
std::int64_t play_headless(sim::Simulation& run, sim::SimTime until);

}  // namespace rfsim::app
