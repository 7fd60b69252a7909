// Saves: seeking in a 30-day game, stepping back one event, saving and loading a 30-day game
// with its trace, and the file's size. Results in bench/RESULTS.md ("Saves").
#include <benchmark/benchmark.h>

#include <unistd.h>
#include <filesystem>
#include <random>

#include "saves/recording.hpp"
#include "saves/save_file.hpp"
#include "sim/scenario_loader.hpp"

namespace {

using namespace rfsim;

const map::Theatre& theatre() {
  static const map::Theatre t = map::Theatre::load(RFSIM_ASSETS_DIR);
  return t;
}

// The default scenario, 30 days, keyframes every 6 hours, with its trace.
const saves::Save& game30() {
  static const saves::Save s = [] {
    sim::Scenario sc = sim::load_scenario(
        std::string(RFSIM_ASSETS_DIR) + "/scenarios/partial-ceasefire.toml", theatre());
    saves::Recording rec(std::move(sc), theatre());
    rec.run_until(sim::SimTime::at(sim::Duration::days(30)));
    return rec.save();
  }();
  return s;
}

void BM_SeekRandom30d(benchmark::State& state) {
  saves::Recording rec(game30(), theatre(), "bench");
  std::mt19937_64 rng(1);
  for (auto _ : state) {
    const auto t = sim::SimTime::from_ms(
        static_cast<std::int64_t>(rng() % sim::Duration::days(30).count_ms()));
    rec.seek(t);
    benchmark::DoNotOptimize(rec.run().now());
  }
}
BENCHMARK(BM_SeekRandom30d)->Unit(benchmark::kMillisecond);

// The worst case: a minute before the next keyframe, always backwards so the cursor never helps.
void BM_SeekWorst30d(benchmark::State& state) {
  saves::Recording rec(game30(), theatre(), "bench");
  std::int64_t k = 119;
  for (auto _ : state) {
    rec.seek(sim::SimTime::at(sim::Duration::hours(6 * k) + sim::Duration::minutes(359)));
    benchmark::DoNotOptimize(rec.run().now());
    k = k == 0 ? 119 : k - 1;
  }
}
BENCHMARK(BM_SeekWorst30d)->Unit(benchmark::kMillisecond);

void BM_StepBack(benchmark::State& state) {
  saves::Recording rec(game30(), theatre(), "bench");
  std::mt19937_64 rng(2);
  for (auto _ : state) {
    state.PauseTiming();
    rec.seek(sim::SimTime::from_ms(
        static_cast<std::int64_t>(rng() % sim::Duration::days(30).count_ms())));
    state.ResumeTiming();
    rec.step_back();
  }
}
BENCHMARK(BM_StepBack)->Unit(benchmark::kMillisecond);

void BM_Save30d(benchmark::State& state) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("rfsim-bench-" + std::to_string(::getpid()) + ".rfsave");
  for (auto _ : state) saves::write_save(path, game30());
  state.counters["file_bytes"] = static_cast<double>(std::filesystem::file_size(path));
  state.counters["keyframes"] = static_cast<double>(game30().keyframes.size());
  state.counters["trace_records"] = static_cast<double>(game30().trace.size());
  std::filesystem::remove(path);
}
BENCHMARK(BM_Save30d)->Unit(benchmark::kMillisecond);

void BM_Load30d(benchmark::State& state) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("rfsim-bench-l-" + std::to_string(::getpid()) + ".rfsave");
  saves::write_save(path, game30());
  for (auto _ : state) benchmark::DoNotOptimize(saves::read_save(path).end.hash);
  std::filesystem::remove(path);
}
BENCHMARK(BM_Load30d)->Unit(benchmark::kMillisecond);

void BM_OpenForReplay30d(benchmark::State& state) {
  // Load plus everything opening needs: scenario re-parsed, every keyframe checked.
  const auto path = std::filesystem::temp_directory_path() /
                    ("rfsim-bench-o-" + std::to_string(::getpid()) + ".rfsave");
  saves::write_save(path, game30());
  for (auto _ : state) {
    saves::Recording rec(saves::read_save(path), theatre(), path.string());
    benchmark::DoNotOptimize(rec.end());
  }
  std::filesystem::remove(path);
}
BENCHMARK(BM_OpenForReplay30d)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
