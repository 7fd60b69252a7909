// Calibration runs: a scenario over many seeds, with daily counts and type shares per regime,
// to compare against the published figures (docs/calibration.md, tests/sim/calibration_test).
#pragma once

#include <array>
#include <cstdint>

#include "map/theatre.hpp"
#include "sim/scenario.hpp"

namespace rfsim::sim {

/// Daily violations over many runs, pooled by the regime in force that day.
struct RegimeStats {
  std::int64_t days = 0;                            // run-days observed
  double mean_per_day = 0;                          // all types
  double sd_per_day = 0;                            // between run-days
  std::array<double, kViolationTypeCount> share{};  // of all violations
  double kinetic_per_day = 0;                       // artillery + small arms
  double detected_share = 0;
};

/// Runs `scenario` with seeds 1..runs (its MSEL removed, so each regime is seen pure) for
/// `days` days each, skipping the first `warmup_days` of every run (escalation starts at 0).
RegimeStats calibration_runs(const Scenario& scenario, const map::Theatre& theatre, int runs,
                             int days, int warmup_days = 2);

}  // namespace rfsim::sim
