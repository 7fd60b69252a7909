// The MSEL in play and the commands given, driven by clicks as the facilitator gives them:
// cancel, move and add a line (each confirmed, checked, logged); a refused time said in the
// form; a command taken back (the game as if never given); a past decision answered
// differently (a branch forked where it was answered).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>

#include "gui_fixture.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::render::gui {
namespace {

using rfsim::render::gui::testing::Window;
using ::testing::HasSubstr;

// The default scenario without its MSEL's notes, so that the five lines and their buttons fit
// the Run panel at 1280x800. Lines by time: 0 provocation 5d, 1 surge 5d12h, 2 cut_link 12d,
// 3 set_us_support 18d, 4 nation_withdraws 24d.
sim::Scenario msel_scenario(bool ask = false) {
  std::string text = testing::partial_ceasefire_text();
  const std::size_t msel = text.find("[[injects]]");
  std::string head = text.substr(0, msel), tail = text.substr(msel), out;
  std::size_t at = 0;
  while (at < tail.size()) {
    const std::size_t eol = std::min(tail.find('\n', at), tail.size());
    const std::string line = tail.substr(at, eol - at);
    if (!line.starts_with("note")) out += line + "\n";
    at = eol + 1;
  }
  if (ask) head.insert(head.find("\nhq = ") + 1, "decisions = \"ask\"\n");
  return sim::parse_scenario(head + out, "msel.toml", render::testing::theatre());
}

sim::SimTime days(double d) {
  return sim::SimTime::at(sim::Duration::of_minutes(d * 24 * 60));
}

bool has_row(const UiState& ui, const std::string& a, const std::string& b) {
  return std::any_of(ui.msel_rows.begin(), ui.msel_rows.end(), [&](const std::string& r) {
    return r.find(a) != std::string::npos && r.find(b) != std::string::npos;
  });
}

std::string rows(const UiState& ui) {
  std::string out;
  for (const std::string& r : ui.msel_rows) out += r + "\n";
  return out;
}

TEST(GuiMsel, CancelMoveAndAddALineByClicks) {
  Window w(msel_scenario());
  w.session().jump_to(days(1));
  w.app().ui().want_msel = true;
  w.frames(2);
  UiState& ui = w.app().ui();
  ASSERT_EQ(ui.msel_rows.size(), 5u) << rows(ui);
  const auto& log = w.session().recording().commands();

  // Cancel: asked first, naming the line; nothing is given until confirmed.
  w.click("msel/cancel/0");
  EXPECT_EQ(ui.msel_cancel, 0);
  EXPECT_TRUE(log.empty());
  w.click("msel/cancel/confirm");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].inject.kind, sim::InjectKind::CancelMsel);
  EXPECT_EQ(log[0].inject.line, 0u);
  EXPECT_TRUE(w.run().msel_cancelled(0));
  EXPECT_TRUE(has_row(ui, "0 | ", "cancelled in play")) << rows(ui);

  // Move: US support from 18d to 20d.
  w.click("msel/edit/3");
  ASSERT_EQ(ui.msel.line, 3);
  EXPECT_STREQ(ui.msel.at.data(), "18d");
  testing::set_text(ui.msel.at, "20d");
  w.click("msel/form/save");
  ASSERT_EQ(log.size(), 2u) << ui.msel.error;
  EXPECT_EQ(log[1].inject.kind, sim::InjectKind::ScheduleMsel);
  EXPECT_EQ(log[1].inject.line, 3u);
  EXPECT_EQ(log[1].inject.line_kind, sim::InjectKind::SetUsSupport);
  EXPECT_EQ(log[1].inject.at, sim::Duration::days(20));
  EXPECT_EQ(ui.msel.line, -1);  // the form closes once given
  EXPECT_TRUE(has_row(ui, "3 | ", "cancelled in play")) << rows(ui);
  EXPECT_TRUE(has_row(ui, "5 | D+20", "added in play")) << rows(ui);

  // A time before now is refused in the form, and nothing is logged.
  w.click("msel/add");
  ASSERT_EQ(ui.msel.line, -2);
  testing::set_text(ui.msel.at, "12h");
  w.click("msel/form/save");
  EXPECT_THAT(ui.msel.error, HasSubstr("a time before now"));
  EXPECT_EQ(log.size(), 2u);

  // Add: the regime collapses at 2d, with a note to read out.
  ui.msel.kind = static_cast<int>(sim::InjectKind::SetRegime);
  ui.msel.regime = static_cast<int>(sim::Regime::None);
  testing::set_text(ui.msel.at, "2d");
  testing::set_text(ui.msel.note, "talks collapse");
  w.click("msel/form/save");
  ASSERT_EQ(log.size(), 3u) << ui.msel.error;
  EXPECT_EQ(log[2].inject.line, sim::Inject::kNoLine);
  EXPECT_EQ(w.run().msel_line(6).note, "talks collapse");
  EXPECT_TRUE(has_row(ui, "6 | D+2", "regime becomes none")) << rows(ui);
  EXPECT_TRUE(has_row(ui, "6 | D+2", "added in play")) << rows(ui);

  w.session().jump_to(days(2) - sim::Duration::minutes(1));
  EXPECT_EQ(w.run().world().regime, sim::Regime::Partial);
  w.session().jump_to(days(2));
  EXPECT_EQ(w.run().world().regime, sim::Regime::None);
}

TEST(GuiMsel, TakeBackGivesTheGameThatNeverHadTheCommand) {
  Window w(msel_scenario());
  w.session().jump_to(days(1));
  const std::uint64_t before = w.run().state_hash();
  UiState& ui = w.app().ui();
  ui.want_msel = true;
  w.frames(2);
  w.click("msel/cancel/3");
  w.click("msel/cancel/confirm");
  ASSERT_EQ(w.session().recording().commands().size(), 1u);
  w.session().jump_to(days(1.5));  // play on past the command
  ui.want_commands = true;
  w.frames(2);
  w.click("takeback/0");
  EXPECT_EQ(ui.take_back, 0);
  EXPECT_EQ(w.session().later_play_fate(), "lost: the game is not saved");
  w.click("takeback/confirm");
  EXPECT_TRUE(w.session().recording().commands().empty());
  EXPECT_EQ(w.session().now(), days(1));
  EXPECT_EQ(w.run().state_hash(), before);
  EXPECT_FALSE(w.run().msel_cancelled(3));
  EXPECT_THAT(ui.status, HasSubstr("Took back 1 command"));
  EXPECT_THAT(ui.status, HasSubstr("lost: the game is not saved"));
  EXPECT_TRUE(w.session().unsaved());

  Session never(msel_scenario(), render::testing::theatre());
  never.jump_to(days(1.5));
  w.session().jump_to(days(1.5));
  EXPECT_EQ(w.run().state_hash(), never.run().state_hash());
}

// Any command of the game may be taken back, not only the last few: the oldest of five, from
// the bottom of the list, takes the four after it with it.
TEST(GuiMsel, AnyCommandMayBeTakenBackNotOnlyTheLastThree) {
  Window w(msel_scenario());
  const std::uint64_t before = w.run().state_hash();
  for (int line = 0; line < 5; ++line) {
    w.session().jump_to(sim::SimTime::at(sim::Duration::hours(1 + line)));
    sim::Inject in;
    in.kind = sim::InjectKind::CancelMsel;
    in.line = static_cast<std::uint32_t>(line);
    in.note = "cancel line " + std::to_string(line);
    w.session().inject(in);
  }
  ASSERT_EQ(w.session().recording().commands().size(), 5u);
  w.session().jump_to(days(1));
  UiState& ui = w.app().ui();
  ui.want_commands = true;
  w.frames(2);
  for (int c = 0; c < 5; ++c) {
    EXPECT_TRUE(ui.controls.count("takeback/" + std::to_string(c))) << c;
  }
  w.click("takeback/0");
  ASSERT_EQ(ui.take_back, 0);
  w.click("takeback/confirm");
  EXPECT_TRUE(w.session().recording().commands().empty());
  EXPECT_EQ(w.session().now(), sim::SimTime::at(sim::Duration::hours(1)));
  w.session().jump_to(sim::SimTime::start());
  EXPECT_EQ(w.run().state_hash(), before);
  EXPECT_THAT(ui.status, HasSubstr("Took back 5 commands"));
}

TEST(GuiMsel, APastDecisionAnsweredDifferentlyForksTheGameThere) {
  Window w(msel_scenario(true));
  ASSERT_TRUE(w.play_to_decision());
  const sim::Decision d = w.run().pending_decisions().front();
  ASSERT_GE(d.options.size(), 2u);
  const int other = d.doctrine == 0 ? 1 : 0;
  w.click("decision/" + std::to_string(d.doctrine));
  const auto* log = &w.session().recording().commands();
  ASSERT_EQ(log->size(), 1u);
  const sim::SimTime answered = log->back().at;
  UiState& ui = w.app().ui();
  ui.playing = false;
  ui.want_commands = true;
  w.frames(2);
  w.click("redecide/0");
  EXPECT_EQ(ui.redecide, 0);
  w.click("redecide/option/" + std::to_string(other));
  EXPECT_EQ(ui.redecide_option, other);
  w.click("redecide/confirm");
  log = &w.session().recording().commands();
  ASSERT_EQ(log->size(), 1u) << ui.status;
  EXPECT_EQ(log->back().inject.decision, d.id);
  EXPECT_EQ(log->back().inject.option, other);
  EXPECT_THAT(log->back().inject.note, HasSubstr("answered anew"));
  EXPECT_EQ(w.session().now(), answered);
  EXPECT_EQ(w.session().recording().save().meta.parent, "(unsaved)");
  EXPECT_THAT(ui.status, HasSubstr("answered with option " + std::to_string(other)));
  EXPECT_TRUE(w.session().file().empty());
}

}  // namespace
}  // namespace rfsim::render::gui
