// Playing futures on from a moment: each one a Simulation restored from the moment's state and
// re-keyed by its own seed, on the batch pool; then the spread of each day over the futures.
#include "batch/odds.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <thread>

#include "batch/pool.hpp"
#include "batch/results.hpp"
#include "saves/snapshot.hpp"
#include "sim/commands.hpp"
#include "sim/simulation.hpp"

namespace rfsim::batch {
namespace {

// One future's days after the moment, each measure a value a day.
struct Path {
  std::vector<double> violations;  // that day's violations
  std::vector<double> ground;      // net ground Ukraine lost since the moment (km2), at day's end
  std::vector<double> escalation;  // the theatre's escalation index at the day's end
  bool broke = false;
};

double quantile(const std::vector<double>& sorted, double q) {
  const double pos = q * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

}  // namespace

std::uint64_t future_seed(std::uint64_t game_seed, sim::SimTime at, std::uint32_t r) {
  const std::uint64_t moment =
      splitmix64(game_seed ^ splitmix64(0x0dd50000ULL ^ static_cast<std::uint64_t>(at.ms())));
  return replication_seed(moment, r);
}

Band band_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return {quantile(v, 0.05), quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75),
          quantile(v, 0.95)};
}

void wilson_interval(std::uint32_t k, std::uint32_t n, double& low, double& high) {
  if (n == 0) {
    low = 0;
    high = 1;
    return;
  }
  constexpr double z = 1.959963984540054;
  const double nn = n;
  const double p = k / nn;
  const double denom = 1 + z * z / nn;
  const double centre = (p + z * z / (2 * nn)) / denom;
  const double half = z * std::sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn)) / denom;
  low = k == 0 ? 0.0 : std::max(0.0, centre - half);  // exact at the ends, not 1e-18 off
  high = k == n ? 1.0 : std::min(1.0, centre + half);
}

Odds run_odds(const sim::Scenario& scenario, const map::Theatre& theatre,
              const saves::Snapshot& from, const OddsRequest& request, std::stop_token stop,
              const std::function<void(std::size_t)>& progress) {
  if (request.futures < 1) throw std::invalid_argument("odds: expected at least one future");
  if (request.days < 1) throw std::invalid_argument("odds: expected a horizon of a day or more");
  const sim::SimTime at = from.world.loop.now();
  const auto days = static_cast<std::size_t>(request.days);
  const sim::Measures& past = from.world.measures;
  const bool in_force = scenario.regime != sim::Regime::None && !past.ceasefire_broken;

  std::vector<Path> paths(request.futures);  // slot i written by future i's thread only
  auto work = [&](std::size_t i) {
    RunRow row;
    row.replication = static_cast<std::uint32_t>(i);
    row.seed = future_seed(scenario.seed, at, row.replication);
    sim::Scenario s = scenario;
    s.seed = row.seed;
    s.length = at.since_start() + sim::Duration::days(request.days);
    sim::Simulation run(std::move(s), theatre);
    // The shared past: restoring keeps every stream's position, and this future's seed
    // re-keys them, so each future draws its own from here (as `rfsim batch --from` does).
    saves::restore(run, from);
    const sim::Measures& m = run.world().measures;
    const std::int64_t violations0 = m.violations;
    const double ground0 = m.ground_lost_km2;
    sim::CommandQueue doctrine(/*doctrine=*/true);
    Path& p = paths[i];
    std::int64_t violations = violations0;
    for (std::size_t d = 1; d <= days; ++d) {
      if (stop.stop_requested()) throw Cancelled();
      run.advance(at + sim::Duration::days(static_cast<std::int64_t>(d)), doctrine);
      p.violations.push_back(static_cast<double>(m.violations - violations));
      violations = m.violations;
      p.ground.push_back(m.ground_lost_km2 - ground0);
      p.escalation.push_back(m.days.empty() ? 1.0 : m.days.back().escalation);
    }
    p.broke = in_force && m.ceasefire_broken;
    row.values = measure_run(run, violations0);
    row.state_hash = run.state_hash();
    return row;
  };
  unsigned threads = request.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const std::vector<RunRow> rows = run_parallel(
      request.futures, threads, work,
      progress ? progress : std::function<void(std::size_t)>([](std::size_t) {}), stop);

  Odds o;
  o.at = at;
  o.game_seed = scenario.seed;
  o.futures = request.futures;
  o.days = request.days;
  o.fans = {{"violations_per_day", "violations a day", {}},
            {"ground_changed_km2", "ground Ukraine lost since then (km2; below 0: regained)", {}},
            {"escalation", "escalation index", {}}};
  std::vector<double> column(paths.size());
  for (std::size_t d = 0; d < days; ++d) {
    for (std::size_t f = 0; f < o.fans.size(); ++f) {
      for (std::size_t i = 0; i < paths.size(); ++i) {
        const Path& p = paths[i];
        column[i] = f == 0 ? p.violations[d] : f == 1 ? p.ground[d] : p.escalation[d];
      }
      o.fans[f].days.push_back(band_of(column));
    }
  }
  BreakOdds& b = o.ceasefire_break;
  b.applies = in_force;
  b.futures = request.futures;
  for (const Path& p : paths) b.breaks += p.broke ? 1 : 0;
  if (in_force) {
    b.p = static_cast<double>(b.breaks) / static_cast<double>(b.futures);
    wilson_interval(b.breaks, b.futures, b.ci_low, b.ci_high);
  }
  std::uint64_t digest = 0x0dd5;
  for (const RunRow& r : rows) digest = splitmix64(digest ^ r.state_hash);
  o.digest = digest;
  return o;
}

}  // namespace rfsim::batch
