// Same scenario, seed and commands give the same state, bit for bit, after any save, load and
// resume: run to T, save, load, run on to 2T == one run to 2T.
#include <gtest/gtest.h>

#include <ostream>

#include "fixture.hpp"
#include "saves/save_file.hpp"
#include "saves/snapshot.hpp"

namespace rfsim::saves {
namespace {

using testing::hours;

struct Case {
  std::filesystem::path file;
  std::uint64_t seed;
};
// What ctest prints beside the test's name (GoogleTest would dump the struct's bytes).
void PrintTo(const Case& c, std::ostream* os) {
  *os << c.file.filename().string() << " seed " << c.seed;
}

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const auto& f : testing::scenario_files()) {
    for (std::uint64_t seed : {1ull, 2ull, 17ull, 2025ull, 987654321ull}) out.push_back({f, seed});
  }
  return out;
}

class Determinism : public ::testing::TestWithParam<Case> {};

TEST_P(Determinism, SaveLoadResumeEqualsOneRun) {
  const Case& c = GetParam();
  const sim::SimTime t = hours(50), t2 = hours(100);
  const sim::Inject cmd = testing::provocation(testing::theatre().require("sector_pokrovsk"), 4);

  sim::Simulation straight(testing::scenario(c.seed, c.file), testing::theatre());
  straight.run_until(hours(30));
  straight.command(cmd);
  straight.run_until(t2);

  Recording first(testing::scenario(c.seed, c.file), testing::theatre());
  first.run_until(hours(30));
  first.command(cmd);
  first.run_until(t);
  const Save loaded = decode_save(encode_save(first.save()), "mem");
  EXPECT_EQ(loaded.end.hash, first.run().state_hash());

  // Resumed from the loaded file's end state, in a fresh process-like setting.
  Recording resumed(loaded, testing::theatre(), "mem");
  resumed.seek(t);
  EXPECT_EQ(resumed.run().state_hash(), first.run().state_hash());
  resumed.run_until(t2);
  EXPECT_EQ(resumed.run().state_hash(), straight.state_hash())
      << c.file.filename() << " seed " << c.seed;

  // And restored by hand into a bare Simulation, the way the screen may do it.
  sim::Simulation bare(testing::scenario(c.seed, c.file), testing::theatre());
  restore(bare, loaded.end.state);
  EXPECT_EQ(bare.state_hash(), loaded.end.hash);
  bare.run_until(t2);
  EXPECT_EQ(bare.state_hash(), straight.state_hash());
}

INSTANTIATE_TEST_SUITE_P(EveryScenario, Determinism, ::testing::ValuesIn(cases()),
                         [](const auto& info) {
                           std::string name = info.param.file.stem().string() + "_seed" +
                                              std::to_string(info.param.seed);
                           for (char& ch : name) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace rfsim::saves
