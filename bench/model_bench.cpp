// Speed of the whole model: a 30-day run of each default scenario, wall time and events per
// second (median of repeated runs), and peak memory against run length (flat is the target).
//   bench_model [repeats]          bench_model --rss DAYS   (one run, prints peak RSS in KiB)
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "map/theatre.hpp"
#include "sim/scenario_loader.hpp"
#include "sim/simulation.hpp"

using namespace rfsim;

namespace {

long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

sim::Scenario scenario(const map::Theatre& t, const char* file) {
  return sim::load_scenario(std::string(RFSIM_ASSETS_DIR) + "/scenarios/" + file, t);
}

}  // namespace

int main(int argc, char** argv) {
  const map::Theatre theatre = map::Theatre::load(RFSIM_ASSETS_DIR);
  if (argc > 2 && std::strcmp(argv[1], "--rss") == 0) {
    // Peak memory of one run of the given length (the full-ceasefire scenario).
    sim::Scenario s = scenario(theatre, "no-ceasefire.toml");
    s.injects.clear();
    s.length = sim::Duration::days(std::stoi(argv[2]));
    sim::Simulation run(std::move(s), theatre);
    run.run_until(run.end());
    std::printf("%s days: %llu events, peak RSS %ld KiB\n", argv[2],
                static_cast<unsigned long long>(run.world().loop.executed()), peak_rss_kib());
    return 0;
  }
  const int repeats = argc > 1 ? std::stoi(argv[1]) : 9;
  std::printf(
      "| scenario (30 days) | wall time (median of %d) | events | events/s |\n|---|---|---|---|\n",
      repeats);
  for (const char* file : {"full-ceasefire.toml", "partial-ceasefire.toml", "no-ceasefire.toml"}) {
    const sim::Scenario s = scenario(theatre, file);
    std::vector<double> seconds;
    std::uint64_t events = 0;
    for (int i = 0; i < repeats; ++i) {
      const auto start = std::chrono::steady_clock::now();
      sim::Simulation run(s, theatre);  // construction counts: it is part of a run
      run.run_until(run.end());
      seconds.push_back(
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      events = run.world().loop.executed();
    }
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds[seconds.size() / 2];
    std::printf("| %s | %.1f ms | %llu | %.2f M |\n", file, 1e3 * median,
                static_cast<unsigned long long>(events),
                static_cast<double>(events) / median / 1e6);
  }
  return 0;
}
