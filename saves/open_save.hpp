// Turning a loaded save back into something that runs: its scenario re-parsed against the
// theatre, and every keyframe and command checked to fit them.
#pragma once

#include <memory>
#include <string>

#include "map/theatre.hpp"
#include "saves/save.hpp"
#include "sim/simulation.hpp"

namespace rfsim::saves {

/// The save's scenario (its own text, its own seed). Throws SaveError when the theatre is not
/// the one it was recorded on, the text no longer parses, or a keyframe or command does not
/// fit the scenario and theatre.
sim::Scenario scenario_of(const Save& save, const map::Theatre& theatre, const std::string& file);

/// A fresh run of the save's scenario at t = 0 (not yet restored from any keyframe).
std::unique_ptr<sim::Simulation> start_run(const Save& save, const map::Theatre& theatre,
                                           const std::string& file);

}  // namespace rfsim::saves
