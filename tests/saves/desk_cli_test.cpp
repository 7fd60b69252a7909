// `rfsim compare --at` and `rfsim branch --decide`, run as processes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "cli_process.hpp"

namespace rfsim::saves {
namespace {

using testing_cli::read_all;
using testing_cli::Result;
using testing_cli::rfsim;

using ::testing::HasSubstr;
using ::testing::Not;

class DeskCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::filesystem::temp_directory_path() / ("rfsim-desk-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    // The default scenario with HQ's taskings asked: a headless run logs doctrine's answers.
    std::string text =
        read_all(std::string(RFSIM_ASSETS_DIR) + "/scenarios/partial-ceasefire.toml");
    text.insert(text.find("[scenario]\n") + 11, "decisions = \"ask\"\n");
    std::ofstream(path("ask.toml")) << text;
    Result r = rfsim("run " + path("ask.toml").string() + " --until 1d -q --save " +
                     path("game.rfsave").string());
    ASSERT_EQ(r.code, 0) << r.out;
    r = rfsim("branch " + path("game.rfsave").string() + " --at 12h --until 2d --out " +
              path("longer.rfsave").string() + " --inject regime=none");
    ASSERT_EQ(r.code, 0) << r.out;
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }
  static std::filesystem::path path(const std::string& name) { return dir_ / name; }
  static inline std::filesystem::path dir_;
};

TEST_F(DeskCli, CompareWarnsAndUsesTheEarlierEnd) {
  const Result r =
      rfsim("compare " + path("game.rfsave").string() + " " + path("longer.rfsave").string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("warning: game.rfsave ends at 1d, longer.rfsave at 2d: both are "
                               "compared at the earlier end, 1d"));
  EXPECT_THAT(r.out, HasSubstr("compared at D+1 00:00:00 (t = 1d)"));
  EXPECT_THAT(r.out, ::testing::ContainsRegex("reached +1d +1d\n"));
  // Regime none from 12h on in the branch: the two differ at 1d.
  EXPECT_THAT(r.out, ::testing::ContainsRegex("regime +partial +none\n"));
}

TEST_F(DeskCli, CompareAtAGivenTime) {
  Result r = rfsim("compare " + path("game.rfsave").string() + " " +
                   path("longer.rfsave").string() + " --at 6h");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_THAT(r.out, Not(HasSubstr("warning")));
  EXPECT_THAT(r.out, ::testing::ContainsRegex("reached +6h +6h\n"));
  // Before the fork the branch is its parent: the same state, the same hash.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex("state hash +([0-9a-f]+) +([0-9a-f]+)")));
  EXPECT_EQ(m[1], m[2]);
  r = rfsim("compare " + path("game.rfsave").string() + " " + path("longer.rfsave").string() +
            " --at 36h");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_THAT(r.out, HasSubstr("--at 36h: after the end of game.rfsave (1d)"));
}

TEST_F(DeskCli, BranchDecideAnswersAPastDecisionDifferently) {
  // Asking for a decision that was never logged lists those that were.
  Result r = rfsim("branch " + path("game.rfsave").string() + " --decide 999999=1 --out " +
                   path("x.rfsave").string());
  EXPECT_EQ(r.code, 2) << r.out;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex("its logged decisions: ([0-9]+) \\(at")))
      << r.out;
  const std::string id = m[1];
  EXPECT_FALSE(std::filesystem::exists(path("x.rfsave")));

  r = rfsim("branch " + path("game.rfsave").string() + " --decide " + id + "=1 --until 1d --out " +
            path("other.rfsave").string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("decision " + id + " answered with option 1"));
  r = rfsim("replay --verify " + path("other.rfsave").string());
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("every hash matches"));
  r = rfsim("save-info " + path("other.rfsave").string());
  EXPECT_THAT(r.out, HasSubstr("parent           game.rfsave (forked at"));

  for (const std::string& bad :
       std::vector<std::string>{"--decide " + id + "=99", "--decide " + id + "=0",
                                "--decide twelve", "--decide 3=-1", "--at 1h --decide 3=1", ""}) {
    r = rfsim("branch " + path("game.rfsave").string() + " " + bad + " --out " +
              path("x.rfsave").string());
    EXPECT_EQ(r.code, 2) << bad << "\n" << r.out;
  }
  EXPECT_FALSE(std::filesystem::exists(path("x.rfsave")));
  r = rfsim("branch " + path("game.rfsave").string() + " --decide " + id + "=99 --out " +
            path("x.rfsave").string());
  EXPECT_THAT(r.out, HasSubstr("has options 0 to"));
}

// A new MSEL line from the command line: msel=TIME:KIND=VALUE, the line written as any other
// --inject; it fires in the branch at its time, and bad input is refused with exit 2.
TEST_F(DeskCli, BranchInjectSchedulesANewMselLine) {
  Result r = rfsim("branch " + path("game.rfsave").string() + " --at 6h --until 1d --out " +
                   path("msel.rfsave").string() + " --inject msel=T+12h:regime=none");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("1 new inject(s)"));
  r = rfsim("replay --verify " + path("msel.rfsave").string());
  EXPECT_EQ(r.code, 0) << r.out;
  // Regime none from 12h on: the branch and its parent differ at 1d, not at 11h.
  r = rfsim("compare " + path("game.rfsave").string() + " " + path("msel.rfsave").string() +
            " --at 1d");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_THAT(r.out, ::testing::ContainsRegex("regime +partial +none\n"));
  r = rfsim("compare " + path("game.rfsave").string() + " " + path("msel.rfsave").string() +
            " --at 11h");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_THAT(r.out, ::testing::ContainsRegex("regime +partial +partial\n"));

  const std::vector<std::pair<std::string, std::string>> bad = {
      {"msel=regime=none", "no time"},
      {"msel=:regime=none", "no time"},
      {"msel=12h", "no line"},
      {"msel=12x:regime=none", "time \"12x\""},
      {"msel=12h:regime=sideways", "the line: --inject regime=sideways: expected one of"},
      {"msel=12h:cancel-msel=0", "cancel_msel cannot be an MSEL line"},
      {"msel=99d:regime=none", "after the scenario's end"},
      {"msel=1h:regime=none", "--inject:"},  // before the fork at 6h: the game refuses it
  };
  for (const auto& [inject, message] : bad) {
    r = rfsim("branch " + path("game.rfsave").string() + " --at 6h --out " +
              path("x.rfsave").string() + " --inject " + inject);
    EXPECT_EQ(r.code, 2) << inject << "\n" << r.out;
    EXPECT_THAT(r.out, HasSubstr(message)) << inject;
  }
  EXPECT_FALSE(std::filesystem::exists(path("x.rfsave")));
}

}  // namespace
}  // namespace rfsim::saves
