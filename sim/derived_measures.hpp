// The measures of effectiveness as one table: each a name, a title and how to compute it from
// a run. The summary, the batch CSV, the after-action report and the window's measures panel
// all read this table, so a measure is defined once.
#pragma once

#include <string_view>
#include <vector>

#include "sim/simulation.hpp"

namespace rfsim::sim {

struct DerivedMeasure {
  std::string_view name;                // a CSV column and JSON key: "share_detected"
  std::string_view title;               // for people: "share detected"
  bool integer;                         // a count, printed without decimals
  double (*of)(const Simulation& run);  // NaN where it does not apply (when a ceasefire held)
};

/// Share of unit time spent away from Idle so far, 0..1 (spells still open count up to now).
double utilisation(const Simulation& run);

/// Every measure, in the order tables print them.
const std::vector<DerivedMeasure>& derived_measures();

/// The measure named `name`, or nullptr.
const DerivedMeasure* find_measure(std::string_view name);

}  // namespace rfsim::sim
