// A batch's summary per variant: mean, 95% confidence interval of the mean and the 5th,
// 50th and 95th percentiles of every measure, as text, CSV and JSON.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "batch/results.hpp"

namespace rfsim::batch {

/// The distribution of one measure over a variant's runs (NaN values left out).
struct Stats {
  std::size_t n = 0;  // runs where the measure applies
  double mean = 0;
  double ci_low = 0;  // 95% CI of the mean (Student t); equal to the mean when n < 2
  double ci_high = 0;
  double p5 = 0, p50 = 0, p95 = 0;  // percentiles, linear interpolation between order stats
  double min = 0, max = 0;
};
Stats describe(std::vector<double> values);

struct VariantSummary {
  std::string label;
  std::size_t runs = 0;
  std::vector<Stats> stats;  // per measures()
};

/// One summary per variant, rows grouped by RunRow::variant.
std::vector<VariantSummary> summarise(const std::vector<std::string>& labels,
                                      const std::vector<RunRow>& rows);

/// What the batch was, for the JSON summary's header.
struct BatchInfo {
  std::string scenario;  // its name
  std::string source;    // file or save it came from
  std::uint64_t base_seed = 0;
  std::size_t runs = 0;  // replications per variant
  std::string from;      // `--from SAVE --at T`, or empty
};

std::string summary_csv(const std::vector<VariantSummary>& s);
std::string summary_json(const BatchInfo& info, const std::vector<VariantSummary>& s);
/// The key measures of each variant as an aligned table for the terminal.
std::string summary_text(const std::vector<VariantSummary>& s);

}  // namespace rfsim::batch
