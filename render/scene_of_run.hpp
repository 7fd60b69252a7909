// What the map shows of a run at its current time: units where they are (Russia's hostile,
// the lost left out), open violations, responders on their way, the line of contact where it
// stands with Red's step per sector, and a title with the clock and the regime.
#pragma once

#include "render/scene.hpp"
#include "sim/simulation.hpp"

namespace rfsim::render {

Scene scene_of_run(const sim::Simulation& run);

/// The colour of a step of Red's ladder on the map and in the legend: green (compliance) to
/// a dark plum (general offensive).
Rgba red_step_colour(sim::RedStep step);

/// How far the line has moved in a sector, km (above 0: Red advanced): its ground gained over
/// the length of its stretch of the line (render/front_line.hpp).
double sector_depth_km(const sim::Simulation& run, std::uint32_t sector);

}  // namespace rfsim::render
