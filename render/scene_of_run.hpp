// What the map shows of a cell's picture of a run: units where the cell knows them (Russia's
// hostile, the lost left out), the open violations it knows, its responders on their way, the
// line of contact where it stands with Red's step per sector where the cell knows it, and a
// title with the clock and the regime. Every cell's map goes through scene_of_picture().
#pragma once

#include <string>
#include <vector>

#include "play/picture.hpp"
#include "render/scene.hpp"
#include "sim/simulation.hpp"

namespace rfsim::render {

/// The map of one cell's picture. The scenario gives the nations' codes for the labels.
Scene scene_of_picture(const play::Picture& picture, const map::Theatre& theatre,
                       const sim::Scenario& scenario);
/// The same from the nations' codes alone (Welcome::nations): a seat holds no scenario.
Scene scene_of_picture(const play::Picture& picture, const map::Theatre& theatre,
                       const std::vector<std::string>& nation_codes);
/// White's map: the truth (scene_of_picture of White's picture).
Scene scene_of_run(const sim::Simulation& run);

/// The colour of a sector whose Red step the cell does not know (Blue): a neutral grey.
inline constexpr Rgba kStepUnknownColour = 0x8c8c8cff;

/// The colour of a step of Red's ladder on the map and in the legend: green (compliance) to
/// a dark plum (general offensive).
Rgba red_step_colour(sim::RedStep step);

/// How far the line has moved in a sector, km (above 0: Red advanced): its ground gained over
/// the length of its stretch of the line (render/front_line.hpp).
double sector_depth_km(const sim::Simulation& run, std::uint32_t sector);

}  // namespace rfsim::render
