// Checking a state that came from outside (a save) before a run uses it: every value in the
// range its field allows, every index into the scenario, the theatre or the world in range,
// every per-region (per-unit...) list of the right length. Walks sim/state_fields.hpp.
#pragma once

#include <string>
#include <vector>

#include "map/theatre.hpp"
#include "sim/random.hpp"
#include "sim/scenario.hpp"
#include "sim/world.hpp"

namespace rfsim::sim {

/// The first problem found, as "field.path[3].name: what is wrong, what was expected", or ""
/// when the state fits the scenario and theatre.
std::string check_state(const World& world, const Scenario& scenario, const map::Theatre& theatre);

}  // namespace rfsim::sim
