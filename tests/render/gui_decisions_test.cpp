// Answering decisions in the window as the facilitator does: a click on an option in the Run
// panel, through the same input bridge and ImGui frame as the mouse. Several in a row, each
// kind of option, national approvals, and a decision whose unit was taken meanwhile. Before
// the fix the panel went on drawing the decision its own click had erased (`array::at: __n
// (which is 32) >= _Nm (which is 4)`, or a use of freed memory).
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "gui_fixture.hpp"
#include "saves/save_file.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::render::gui {
namespace {

using namespace rfsim::render::testing;
using rfsim::render::gui::testing::Window;

// glibc without its per-thread cache, filling freed memory with 0xa5: a decision read after
// it was erased then has a response level of 165, and the panel's to_string throws, at once
// and every time, where plain malloc leaves the old bytes in place and the read goes unseen.
constexpr const char* kPoisonFreed =
    "GLIBC_TUNABLES=glibc.malloc.tcache_count=0:glibc.malloc.perturb=165";

// The default scenario's text; HQ's taskings asked of the facilitator, and every nation's
// approvals asked of a player too, as wanted.
std::string scenario_text(bool hq_asks, bool nations_ask) {
  std::ifstream in(std::string(RFSIM_ASSETS_DIR) + "/scenarios/partial-ceasefire.toml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (hq_asks) {
    const std::size_t hq = text.find("\nhq = ");
    EXPECT_NE(hq, std::string::npos);
    text.insert(hq + 1, "decisions = \"ask\"\n");
  }
  if (nations_ask) {
    const std::string head = "[[nations]]\n";
    for (std::size_t at = text.find(head); at != std::string::npos; at = text.find(head, at)) {
      at += head.size();
      text.insert(at, "decisions = \"ask\"\n");
    }
  }
  return text;
}

sim::Scenario scenario(bool hq_asks, bool nations_ask) {
  return sim::parse_scenario(scenario_text(hq_asks, nations_ask), "ask.toml", theatre());
}

// Answers the waiting decision with option k by a click and checks that exactly that answer
// reached the game's log, and that the decision is no longer waiting.
void answer(Window& w, std::size_t k) {
  ASSERT_TRUE(w.run().awaiting_decision());
  const sim::Decision d = w.run().pending_decisions().front();
  ASSERT_LT(k, d.options.size());
  const std::size_t before = w.app().session().recording().commands().size();
  w.click("decision/" + std::to_string(k));
  const auto& commands = w.app().session().recording().commands();
  ASSERT_EQ(commands.size(), before + 1) << "the click gave no command, or more than one";
  EXPECT_EQ(commands.back().inject.kind, sim::InjectKind::Decide);
  EXPECT_EQ(commands.back().inject.decision, d.id);
  EXPECT_EQ(commands.back().inject.option, static_cast<std::int32_t>(k));
  for (const sim::Decision& p : w.run().pending_decisions()) EXPECT_NE(p.id, d.id);
  EXPECT_NE(w.app().ui().status.find("decided"), std::string::npos) << w.app().ui().status;
}

TEST(GuiDecisions, HqTaskingsAnsweredSeveralInARow) {
  Window w(scenario(true, false));
  int tasked = 0, recorded = 0;
  for (int n = 0; n < 6; ++n) {
    ASSERT_TRUE(w.play_to_decision()) << "decision " << n;
    const sim::Decision& d = w.run().pending_decisions().front();
    ASSERT_EQ(d.kind, sim::Decision::Kind::Tasking);
    ASSERT_GE(d.options.size(), 2u);  // at least one unit and "record only"
    // The first unit, the second (or the first again), then "record only", in turn.
    const std::size_t last = d.options.size() - 1;
    const std::size_t k = n % 3 == 2 ? last : std::min<std::size_t>(n % 3, last - 1);
    const bool record_only = d.options[k].unit == sim::kNone;
    const std::int64_t declined = w.run().world().measures.declined_by_hq;
    answer(w, k);
    if (record_only) {
      EXPECT_EQ(w.run().world().measures.declined_by_hq, declined + 1);
      ++recorded;
    } else {
      ++tasked;
    }
  }
  EXPECT_EQ(recorded, 2);
  EXPECT_EQ(tasked, 4);
}

TEST(GuiDecisions, NationalApprovalsApprovedAndRefused) {
  Window w(scenario(false, true));
  for (const std::size_t k : {0u, 1u, 0u, 1u}) {  // approve, refuse, in turn
    ASSERT_TRUE(w.play_to_decision());
    const sim::Decision& d = w.run().pending_decisions().front();
    ASSERT_EQ(d.kind, sim::Decision::Kind::Approval);
    ASSERT_EQ(d.options.size(), 2u);
    const std::uint32_t unit = d.unit;
    const std::int64_t refusals = w.run().world().measures.refusals;
    const std::int64_t dispatched = w.run().world().measures.dispatched;
    answer(w, k);
    if (k == 0) {
      EXPECT_EQ(w.run().world().measures.dispatched, dispatched + 1);
      EXPECT_NE(w.run().world().units[unit].state, sim::UnitState::AwaitingApproval);
    } else {
      EXPECT_EQ(w.run().world().measures.refusals, refusals + 1);
      EXPECT_EQ(w.run().world().units[unit].state, sim::UnitState::Idle);
    }
  }
}

TEST(GuiDecisions, ATaskingWhoseUnitWasTakenMeanwhileIsAskedAgain) {
  // The first option's unit goes (its nation withdraws, by the Live injects panel) while the
  // decision waits; choosing it then makes HQ ask again, with fresh options, at once.
  Window w(scenario(true, false));
  ASSERT_TRUE(w.play_to_decision());
  const sim::Decision d = w.run().pending_decisions().front();
  const std::uint32_t unit = d.options.front().unit;
  ASSERT_NE(unit, sim::kNone);
  const std::uint32_t nation = w.run().scenario().units[w.run().world().units[unit].spec].nation;
  w.app().ui().inject_nation = static_cast<int>(nation);
  w.frames(1);
  w.click("inject/withdraws");
  w.frames(2);                // the panel scrolls to the confirmation first
  w.click("inject/confirm");  // a live inject applies once confirmed
  w.frames(2);                // and back to the decision
  ASSERT_EQ(w.run().world().units[unit].state, sim::UnitState::Withdrawn);
  answer(w, 0);
  ASSERT_TRUE(w.run().awaiting_decision()) << "HQ did not ask again";
  const sim::Decision again = w.run().pending_decisions().front();
  EXPECT_NE(again.id, d.id);
  EXPECT_EQ(again.serial, d.serial);  // the same violation
  for (const sim::DecisionOption& o : again.options) EXPECT_NE(o.unit, unit);
  answer(w, again.options.size() - 1);  // and at once: record only
}

// The default scenario with Red's ladder decisions handed to a player (Russia's nation asks).
sim::Scenario red_played() {
  std::string text = scenario_text(false, false);
  const std::string russia = "side = \"russia\"\n";
  const std::size_t at = text.find(russia);
  EXPECT_NE(at, std::string::npos);
  text.insert(at + russia.size(), "decisions = \"ask\"\n");
  return sim::parse_scenario(text, "red.toml", theatre());
}

TEST(GuiDecisions, RedsReviewOfASectorIsAnsweredByItsStep) {
  // Each option of Red's review is a step with its odds; the click moves the sector to the
  // chosen step and the answer is logged as the game's command.
  Window w(red_played());
  for (const std::size_t k : {0u, 2u, 1u}) {  // escalate, de-escalate, hold
    ASSERT_TRUE(w.play_to_decision());
    const sim::Decision d = w.run().pending_decisions().front();
    ASSERT_EQ(d.kind, sim::Decision::Kind::RedStep);
    ASSERT_EQ(d.options.size(), 3u);
    ASSERT_LT(d.sector, w.run().world().sectors.size());
    double total = 0;
    for (const sim::DecisionOption& o : d.options) total += o.odds;
    EXPECT_NEAR(total, 1, 1e-9);
    EXPECT_EQ(w.app().ui().controls.count("decision/2"), 1u) << "three options on screen";
    answer(w, k);
    EXPECT_EQ(w.run().world().sectors[d.sector].step, d.options[k].step);
    EXPECT_NE(w.app().ui().status.find(k == 0   ? "escalate"
                                       : k == 1 ? "hold at"
                                                : "de-escalate"),
              std::string::npos)
        << w.app().ui().status;
  }
}

TEST(GuiDecisions, AnApprovalWhoseUnitWasWithdrawnMeanwhile) {
  Window w(scenario(false, true));
  ASSERT_TRUE(w.play_to_decision());
  const sim::Decision d = w.run().pending_decisions().front();
  const std::uint32_t nation = w.run().scenario().units[w.run().world().units[d.unit].spec].nation;
  w.app().ui().inject_nation = static_cast<int>(nation);
  w.frames(1);
  w.click("inject/withdraws");
  w.frames(2);                // the panel scrolls to the confirmation first
  w.click("inject/confirm");  // a live inject applies once confirmed
  w.frames(2);                // and back to the decision
  answer(w, 0);               // approve a unit that is gone: nothing moves, nothing breaks
  EXPECT_EQ(w.run().world().units[d.unit].state, sim::UnitState::Withdrawn);
  ASSERT_TRUE(w.play_to_decision()) << "the game did not go on to the next approval";
}

TEST(GuiDecisions, TheClicksAboveReadNoFreedMemory) {
  // The tests above again, in a child whose freed memory is poisoned: before the fix every one
  // of them but the "taken meanwhile" one died there with the very message.
  if (std::getenv("RFSIM_POISONED") != nullptr) GTEST_SKIP() << "already the child";
  const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  const std::string out =
      testing::sh(std::string("RFSIM_POISONED=1 ") + kPoisonFreed + " " + self +
                  " --gtest_filter='GuiDecisions.*-*FreedMemory*:*RealWindow*' 2>&1");
  EXPECT_NE(out.find("exit=0"), std::string::npos) << out;
  EXPECT_EQ(out.find("array::at"), std::string::npos) << out;
  EXPECT_NE(out.find("[  PASSED  ] 5 tests"), std::string::npos) << out;
}

TEST(GuiDecisions, TheRealWindowAnswersDecisionsByScript) {
  // `rfsim gui` itself, its script clicking the options as the mouse would, with freed
  // memory poisoned as above. Each `jump` stops at the next decision waiting.
  if (std::getenv("DISPLAY") == nullptr) GTEST_SKIP() << "no DISPLAY (run under xvfb-run)";
  const auto dir =
      std::filesystem::temp_directory_path() / ("rfsim-gui-decide-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  { std::ofstream(dir / "ask.toml") << scenario_text(true, false); }
  {
    std::ofstream(dir / "play.txt") << "jump 30d\nclick decision/0\n"
                                       "jump 30d\nclick decision/1\n"
                                       "jump 30d\nclick decision/0\n"
                                       "jump 30d\nclick decision/0\n"
                                       "save "
                                    << (dir / "out.rfsave").string() << "\necho answered\nquit\n";
  }
  const std::string d = dir.string();
  const std::string out =
      testing::sh(std::string(kPoisonFreed) + " " + RFSIM_BINARY + " gui " + d +
                  "/ask.toml --script " + d + "/play.txt --autosave-dir " + d + " 2>&1");
  ASSERT_NE(out.find("answered"), std::string::npos) << out;
  EXPECT_NE(out.find("exit=0"), std::string::npos) << out;
  const saves::Save save = saves::read_save(dir / "out.rfsave");
  std::vector<std::int32_t> options;
  for (const saves::Command& c : save.commands) {
    if (c.inject.kind == sim::InjectKind::Decide) options.push_back(c.inject.option);
  }
  EXPECT_EQ(options, (std::vector<std::int32_t>{0, 1, 0, 0}));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rfsim::render::gui
