// What the map shows of a run at its current time: units where they are, open violations,
// responders on their way, and a title with the clock and the regime.
#pragma once

#include "render/scene.hpp"
#include "sim/simulation.hpp"

namespace rfsim::render {

Scene scene_of_run(const sim::Simulation& run);

}  // namespace rfsim::render
