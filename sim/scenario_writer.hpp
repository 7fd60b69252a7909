// Writing a scenario as TOML in the documented format (docs/scenario-format.md), for the
// window's ORBAT and scenario editor: load(write(s)) gives back s, field by field.
#pragma once

#include <string>

#include "map/theatre.hpp"
#include "sim/scenario.hpp"

namespace rfsim::sim {

/// The scenario as TOML text: [scenario], the [rates.<step>] that differ from the calibrated
/// defaults, [[nations]], [[units]] (one table per unit, copies written out) and [[injects]].
/// Every field is written, defaults included, so that a reader sees the whole scenario; comments
/// of the file it came from are not kept.
std::string write_scenario(const Scenario& s, const map::Theatre& theatre);

}  // namespace rfsim::sim
