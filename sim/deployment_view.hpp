// What a facilitator is told of deployments: units at home or on the way, when each arrives and
// why (tier, notice, means, route), and how many units the force has in the theatre.
#pragma once

#include <cstdint>
#include <string>

#include "sim/simulation.hpp"

namespace rfsim::sim {

/// Coalition units in the force now: in the theatre from the start or arrived there, and
/// neither withdrawn nor lost (the build-up of the force).
std::int32_t units_in_theatre(const Simulation& run);

/// One line for a unit at home or deploying: where, its tier and notice, and for a deployment
/// its means, route and arrival ("" for any other unit).
std::string deployment_line(const Simulation& run, std::uint32_t unit);

/// For a deploying unit, when it arrives and why then: when it was ordered, its notice to move
/// (and the tier that sets it), its wait for shared lift, the means, the route's length, and the
/// journey's parts (moving, halts, gauge change, terminals); "" for any other unit.
///   "arrives D+5 16:00 (in 3d 4h): ordered D+1 12:00; notice to move 2d (vjtf) to D+3 12:00;
///    waits 1d 22h for airlift loads at rzeszow to D+5 10:00; then by airlift 1820 km, 9h:
///    moving 2h, terminals 7h"
std::string arrival_line(const Simulation& run, std::uint32_t unit);

/// Every unit at home or deploying, a line each, arrivals soonest first; "" when none.
std::string format_deployments(const Simulation& run);

}  // namespace rfsim::sim
