// Headless play: running a scenario with no one at the screen. When the scenario asks a
// player to decide ("ask" modes), doctrine's choice answers instead, as a command a player
// could have given, so that a recording logs each answer like any other command.
#pragma once

#include <cstdint>
#include <vector>

#include "saves/recording.hpp"
#include "sim/simulation.hpp"

namespace rfsim::app {

/// Advances `run` to `until`, applying `orders` (given now) first, with doctrine answering
/// every decision. Returns how many decisions doctrine answered.
std::int64_t play_headless(sim::Simulation& run, sim::SimTime until,
                           const std::vector<sim::Inject>& orders = {});

/// The same for a recording, which logs doctrine's answers.
std::int64_t play_headless(saves::Recording& rec, sim::SimTime until);

}  // namespace rfsim::app
