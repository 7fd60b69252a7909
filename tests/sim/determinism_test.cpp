// Determinism: the same scenario and seed give the same trace and state hash, bit for bit;
// another seed gives another.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "model_fixture.hpp"
#include "sim/simulation.hpp"
#include "sim/state_hash.hpp"

namespace rfsim::sim {
namespace {

struct Digest : TraceSink {
  StateHasher h;
  std::uint64_t n = 0;
  void record(const TraceRecord& r) override {
    h.add(r.time.ms());
    h.add(r.kind);
    h.add(r.violation);
    h.add(r.region);
    h.add(r.unit);
    h.add(std::string_view(r.detail));
    ++n;
  }
};

struct Outcome {
  std::uint64_t state = 0;
  std::uint64_t trace = 0;
  std::uint64_t records = 0;
};

Outcome run(const std::filesystem::path& file, std::uint64_t seed, Duration until) {
  Scenario s = load_scenario(file, testing::theatre());
  s.seed = seed;
  Simulation sim(std::move(s), testing::theatre());
  Digest d;
  sim.set_trace(&d);
  sim.run_until(SimTime::at(until));
  return {sim.state_hash(), d.h.digest(), d.n};
}

std::vector<std::filesystem::path> scenarios() {
  std::vector<std::filesystem::path> out;
  for (const auto& f : std::filesystem::directory_iterator(RFSIM_ASSETS_DIR "/scenarios")) {
    if (f.path().extension() == ".toml") out.push_back(f.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// One test per shipped scenario, so that ctest -j spreads them (under the sanitizers the
// stress scenario's runs take most of a minute).
class DeterminismOf : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(DeterminismOf, SameSeedSameTraceAndHash) {
  const Outcome a = run(GetParam(), 42, Duration::days(4));
  const Outcome b = run(GetParam(), 42, Duration::days(4));
  EXPECT_GT(a.records, 10u);
  EXPECT_EQ(a.state, b.state);
  EXPECT_EQ(a.trace, b.trace);
  EXPECT_EQ(a.records, b.records);
}

TEST_P(DeterminismOf, OtherSeedOtherTraceAndHash) {
  const Outcome a = run(GetParam(), 42, Duration::days(4));
  const Outcome b = run(GetParam(), 43, Duration::days(4));
  EXPECT_NE(a.state, b.state);
  EXPECT_NE(a.trace, b.trace);
}

INSTANTIATE_TEST_SUITE_P(Scenarios, DeterminismOf, ::testing::ValuesIn(scenarios()),
                         [](const ::testing::TestParamInfo<std::filesystem::path>& info) {
                           std::string name = info.param.stem().string();
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(Determinism, EveryShippedScenarioIsCovered) {
  EXPECT_GE(scenarios().size(), 4u);  // full, partial and no ceasefire, and the stress test
}

TEST(Determinism, SteppingEqualsRunningUntil) {
  const auto file = scenarios().front();
  Scenario s = load_scenario(file, testing::theatre());
  Simulation stepped(s, testing::theatre());
  Simulation ran(s, testing::theatre());
  const SimTime t = SimTime::at(Duration::hours(30));
  while (true) {
    const auto next = stepped.next_event_time();
    if (!next || *next > t) break;
    stepped.step();
  }
  stepped.run_until(t);
  ran.run_until(t);
  EXPECT_EQ(stepped.state_hash(), ran.state_hash());
}

}  // namespace
}  // namespace rfsim::sim
