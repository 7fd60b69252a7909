// A batch's per-run rows: the measures every replication records, and the lines of the results
// CSV they are written to (app/batch/results_csv.hpp reads them back for `rfsim report`).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/simulation.hpp"

namespace rfsim::batch {

/// One measure of a run, a column of the results.
struct Measure {
  std::string_view name;   // the CSV column: "share_detected"
  bool integer;            // printed without decimals
  std::string_view title;  // for people: "share detected"
};

/// Every measure a run records, in column order.
const std::vector<Measure>& measures();
std::size_t measure_index(std::string_view name);  // measures().size() when unknown

/// One replication's outcome. Values are NaN where a measure does not apply (the hour the
/// ceasefire broke in a run where it held).
struct RunRow {
  std::size_t variant = 0;  // index into the batch's variants
  std::uint32_t replication = 0;
  std::uint64_t seed = 0;
  std::vector<double> values;    // per measures()
  std::uint64_t state_hash = 0;  // the run's end state, to check reproducibility
};

/// The run's measures now (the run ends where it stopped). A run resumed from a save's state
/// carries the violations counted before it began; `violations_before_start` says how many.
std::vector<double> measure_run(const sim::Simulation& run,
                                std::int64_t violations_before_start = 0);

/// splitmix64's finaliser: mixes a 64-bit value so that nearby inputs give unrelated outputs;
/// every seed a batch derives (replications here, futures in odds.cpp) comes from it.
std::uint64_t splitmix64(std::uint64_t x);

/// The seed of replication `r`: splitmix64 of the scenario's seed and r, so it depends on
/// nothing but those two (not the thread, rank or variant).
std::uint64_t replication_seed(std::uint64_t scenario_seed, std::uint32_t r);

/// "variant,replication,seed,<measures...>,state_hash\n"
std::string csv_header();
/// One line of the results CSV, in a fixed format so that files compare byte for byte.
std::string csv_line(const RunRow& row, std::string_view variant_label);

}  // namespace rfsim::batch
