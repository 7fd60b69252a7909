// Many-seed runs pooled per regime, for calibration.
#include "sim/calibration.hpp"

#include <cmath>

#include "sim/simulation.hpp"

namespace rfsim::sim {

RegimeStats calibration_runs(const Scenario& scenario, const map::Theatre& theatre, int runs,
                             int days, int warmup_days) {
  RegimeStats out;
  double sum = 0, sum_sq = 0, kinetic = 0;
  std::array<double, kViolationTypeCount> by_type{};
  std::int64_t violations = 0, detected = 0;
  for (int seed = 1; seed <= runs; ++seed) {
    Scenario s = scenario;
    s.injects.clear();
    s.seed = static_cast<std::uint64_t>(seed);
    s.length = Duration::days(days);
    Simulation run(std::move(s), theatre);
    run.run_until(run.end());
    for (const DayRow& d : run.world().measures.days) {
      if (d.day <= warmup_days) continue;
      double total = 0;
      for (std::size_t k = 0; k < kViolationTypeCount; ++k) {
        total += static_cast<double>(d.by_type[k]);
        by_type[k] += static_cast<double>(d.by_type[k]);
      }
      kinetic += static_cast<double>(d.by_type[static_cast<int>(ViolationType::Artillery)] +
                                     d.by_type[static_cast<int>(ViolationType::SmallArms)]);
      sum += total;
      sum_sq += total * total;
      violations += static_cast<std::int64_t>(total);
      detected += d.detected;
      ++out.days;
    }
  }
  if (out.days == 0) return out;
  const double n = static_cast<double>(out.days);
  out.mean_per_day = sum / n;
  out.sd_per_day = std::sqrt(std::max(0.0, sum_sq / n - out.mean_per_day * out.mean_per_day));
  out.kinetic_per_day = kinetic / n;
  for (std::size_t k = 0; k < kViolationTypeCount; ++k) {
    out.share[k] = violations > 0 ? by_type[k] / static_cast<double>(violations) : 0.0;
  }
  out.detected_share =
      violations > 0 ? static_cast<double>(detected) / static_cast<double>(violations) : 0.0;
  return out;
}

}  // namespace rfsim::sim
