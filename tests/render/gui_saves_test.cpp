// The window's session on a recording: open a save, seek, step back, fork by a command while
// behind the end, save and reload, checked by state hashes (no pixels, no display needed).
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "render/gui/session.hpp"
#include "render_fixture.hpp"
#include "saves/save_file.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::render::gui {
namespace {

using namespace rfsim::render::testing;
using sim::Duration;
using sim::SimTime;

std::filesystem::path temp_dir() {
  const auto d =
      std::filesystem::temp_directory_path() / ("rfsim-gui-saves-" + std::to_string(::getpid()));
  std::filesystem::create_directories(d);
  return d;
}

sim::Inject regime(sim::Regime r) {
  sim::Inject in;
  in.kind = sim::InjectKind::SetRegime;
  in.regime = r;
  return in;
}

// The hash a plain run reaches at t.
std::uint64_t plain_hash(SimTime t) {
  sim::Simulation run(render::testing::partial_ceasefire(), theatre());
  run.run_until(t);
  return run.state_hash();
}

TEST(GuiSaves, AForwardJumpSamplesTheHoursItPasses) {
  // The measures' hourly plots: a jump over 30 hours must read each hour as it was, not the
  // state it arrives at 30 times. Walking there an hour at a time is the reference.
  Session jumped(render::testing::partial_ceasefire(), theatre());
  jumped.jump_to(SimTime::start() + Duration::hours(30));
  Session walked(render::testing::partial_ceasefire(), theatre());
  for (int h = 1; h <= 30; ++h) walked.jump_to(SimTime::start() + Duration::hours(h));
  ASSERT_EQ(jumped.samples().size(), 31u);  // 0 h to 30 h
  ASSERT_EQ(walked.samples().size(), jumped.samples().size());
  bool varies = false;
  for (std::size_t i = 0; i < jumped.samples().size(); ++i) {
    const Sample& a = jumped.samples()[i];
    const Sample& b = walked.samples()[i];
    EXPECT_EQ(a.at, b.at);
    EXPECT_EQ(a.open_violations, b.open_violations) << "hour " << i;
    EXPECT_EQ(a.units_away, b.units_away) << "hour " << i;
    EXPECT_EQ(a.detected_share, b.detected_share) << "hour " << i;
    EXPECT_EQ(a.in_standard_share, b.in_standard_share) << "hour " << i;
    varies |= a.detected_share != jumped.samples().back().detected_share;
  }
  EXPECT_TRUE(varies) << "every hour reads like the last: the test would not see the bug";
}

TEST(GuiSaves, AForwardJumpStopsAtAWaitingDecision) {
  // In "ask" mode the model holds at a decision until a player answers: a jump past it ends
  // there, as play does, instead of waiting for an hour that cannot come.
  std::ifstream in(std::string(RFSIM_ASSETS_DIR) + "/scenarios/partial-ceasefire.toml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t hq = text.find("\nhq = ");
  ASSERT_NE(hq, std::string::npos);
  text.insert(hq + 1, "decisions = \"ask\"\n");
  Session s(sim::parse_scenario(text, "ask.toml", theatre()), theatre());
  s.jump_to(SimTime::start() + Duration::hours(30));
  ASSERT_TRUE(s.run().awaiting_decision());
  EXPECT_LT(s.now(), SimTime::start() + Duration::hours(30));
  EXPECT_FALSE(s.samples().empty());
  EXPECT_LE(s.samples().back().at, s.now());
}

TEST(GuiSaves, OpenSeekStepBackBranchSaveReload) {
  const auto dir = temp_dir();
  const SimTime t12 = SimTime::at(Duration::hours(12));
  const SimTime t24 = SimTime::at(Duration::hours(24));
  const SimTime t36 = SimTime::at(Duration::hours(36));

  // A recorded game to 36 h with one live inject at 24 h, saved.
  Session first(render::testing::partial_ceasefire(), theatre());
  first.jump_to(t24);
  first.inject(regime(sim::Regime::Full));
  first.jump_to(t36);
  const std::uint64_t end_hash = first.run().state_hash();
  first.save_to(dir / "game.rfsave");

  // Opened at its start; seeking forward replays the logged inject.
  Session s(render::testing::partial_ceasefire(), theatre());
  s.open(dir / "game.rfsave");
  EXPECT_EQ(s.now(), SimTime::start());
  EXPECT_EQ(s.recording().end(), t36);
  ASSERT_EQ(s.live_injects().size(), 0u);
  s.jump_to(t36);
  EXPECT_EQ(s.run().state_hash(), end_hash);
  EXPECT_EQ(s.live_injects().size(), 1u);
  EXPECT_EQ(s.log().size(), first.log().size());  // rebuilt whole from the save's trace

  // Seeking back is the plain run (before the inject), and the log is cut back to it.
  s.jump_to(t12);
  EXPECT_EQ(s.run().state_hash(), plain_hash(t12));
  EXPECT_EQ(s.live_injects().size(), 0u);
  for (const sim::TraceRecord& r : s.log()) EXPECT_LE(r.time, t12);

  // One event forward then one back returns to the same state.
  const std::uint64_t at12 = s.run().state_hash();
  const std::size_t log12 = s.log().size();
  ASSERT_TRUE(s.step_event());
  EXPECT_NE(s.run().state_hash(), at12);
  ASSERT_TRUE(s.step_back());
  EXPECT_EQ(s.run().state_hash(), at12);
  EXPECT_EQ(s.log().size(), log12);

  // A command while behind the end forks the game: the logged inject at 24 h is dropped.
  s.inject(regime(sim::Regime::None));
  EXPECT_EQ(s.recording().end(), s.now());
  EXPECT_EQ(s.recording().commands().size(), 1u);
  s.jump_to(t24);
  const std::uint64_t fork_hash = s.run().state_hash();
  s.branch_to(dir / "branch.rfsave");
  const saves::Save branch = saves::read_save(dir / "branch.rfsave");
  EXPECT_EQ(branch.meta.parent, "game.rfsave");

  // Reloaded, the branch replays to the same state.
  Session back(render::testing::partial_ceasefire(), theatre());
  back.open(dir / "branch.rfsave");
  back.jump_to(t24);
  EXPECT_EQ(back.run().state_hash(), fork_hash);
  EXPECT_EQ(back.recording().commands().size(), 1u);
  std::filesystem::remove_all(dir);
}

TEST(GuiSaves, AutosaveWritesIntoTheRotatingSet) {
  const auto dir = temp_dir() / "auto";
  std::filesystem::create_directories(dir);
  Session s(render::testing::partial_ceasefire(), theatre());
  s.enable_autosave(dir, std::chrono::seconds(0));
  s.jump_to(SimTime::at(Duration::hours(6)));
  const auto written = s.tick_autosave();
  ASSERT_TRUE(written.has_value());
  EXPECT_EQ(s.autosaver()->files().size(), 1u);
  Session back(render::testing::partial_ceasefire(), theatre());
  back.open(*written);
  back.jump_to(SimTime::at(Duration::hours(6)));
  EXPECT_EQ(back.run().state_hash(), s.run().state_hash());
  std::filesystem::remove_all(dir.parent_path());
}

TEST(GuiSaves, OpeningABrokenFileKeepsTheGame) {
  const auto dir = temp_dir() / "broken";
  std::filesystem::create_directories(dir);
  { std::ofstream(dir / "bad.rfsave") << "not a save"; }
  Session s(render::testing::partial_ceasefire(), theatre());
  s.jump_to(SimTime::at(Duration::hours(3)));
  const std::uint64_t h = s.run().state_hash();
  EXPECT_THROW(s.open(dir / "bad.rfsave"), std::exception);
  EXPECT_EQ(s.run().state_hash(), h);
  std::filesystem::remove_all(dir.parent_path());
}

// The real `rfsim gui SAVE`: opens it and plays a script (needs the X server ctest runs in).
TEST(GuiSaves, TheWindowOpensASaveAndRefusesABrokenOne) {
  if (std::getenv("DISPLAY") == nullptr) GTEST_SKIP() << "no DISPLAY (run under xvfb-run)";
  const auto dir = temp_dir() / "window";
  std::filesystem::create_directories(dir);
  Session s(render::testing::partial_ceasefire(), theatre());
  s.jump_to(SimTime::at(Duration::hours(12)));
  s.save_to(dir / "game.rfsave");
  { std::ofstream(dir / "play.txt") << "jump 6h\nquit\n"; }
  { std::ofstream(dir / "bad.rfsave") << "not a save"; }
  const std::string bin = RFSIM_BINARY;
  const std::string d = dir.string();
  EXPECT_EQ(std::system((bin + " gui " + d + "/game.rfsave --script " + d +
                         "/play.txt --autosave-dir " + d + " >/dev/null 2>&1")
                            .c_str()),
            0);
  EXPECT_NE(std::system((bin + " gui " + d + "/bad.rfsave >/dev/null 2>&1").c_str()), 0);
  std::filesystem::remove_all(dir.parent_path());
}

}  // namespace
}  // namespace rfsim::render::gui
