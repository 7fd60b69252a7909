// The window on a cell's picture: Blue's event log holds no violation HQ has not detected and
// nothing of Red's ladder, the decision panel offers only the cell's own decisions, and
// `rfsim gui --cell` refuses a cell that does not exist.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "gui_fixture.hpp"
#include "sim/scenario_loader.hpp"
#include "sim/sensors.hpp"

namespace rfsim::render::gui {
namespace {

using namespace rfsim::render::testing;
using rfsim::render::gui::testing::Window;

// no-ceasefire.toml with Red's ladder asked of a player.
sim::Scenario red_asks() {
  sim::Scenario sc =
      sim::load_scenario(std::string(RFSIM_ASSETS_DIR) + "/scenarios/no-ceasefire.toml", theatre());
  for (sim::Nation& n : sc.nations) n.ask = n.side == sim::Side::Russia;
  return sc;
}

GuiOptions on(play::Cell cell) {
  GuiOptions o = Window::with_scale(1);
  o.cell = cell;
  return o;
}

int count_kind(Window& w, sim::TraceKind kind) {
  int n = 0;
  for (const std::uint32_t row : w.app().ui().log_rows) {
    n += w.session().log()[row].kind == kind;
  }
  return n;
}

TEST(GuiCells, BluesLogHoldsNoUndetectedViolationNorRedsLadder) {
  sim::Scenario sc =
      sim::load_scenario(std::string(RFSIM_ASSETS_DIR) + "/scenarios/no-ceasefire.toml", theatre());
  Window w(std::move(sc), on(play::Cell::Blue));
  w.session().jump_to(sim::SimTime::at(sim::Duration::hours(20)));
  w.frames(2);
  ASSERT_FALSE(w.app().ui().log_rows.empty());
  EXPECT_EQ(count_kind(w, sim::TraceKind::Violation), 0);
  EXPECT_EQ(count_kind(w, sim::TraceKind::RedStep), 0);
  EXPECT_GT(count_kind(w, sim::TraceKind::Detected), 0);
  // The same moment on White's picture: everything.
  w.app().ui().cell = play::Cell::White;
  w.frames(2);
  EXPECT_EQ(w.app().ui().log_rows.size(), w.session().log().size());
  EXPECT_GT(count_kind(w, sim::TraceKind::Violation), 0);
}

TEST(GuiCells, RedsDecisionIsOfferedToRedNotToBlue) {
  Window w(red_asks(), on(play::Cell::Blue));
  ASSERT_TRUE(w.play_to_decision());
  ASSERT_EQ(w.run().pending_decisions().front().kind, sim::Decision::Kind::RedStep);
  w.app().ui().controls.clear();
  w.frames(2);
  EXPECT_EQ(w.app().ui().controls.count("decision/0"), 0u) << "Blue was offered Red's step";
  w.app().ui().cell = play::Cell::Red;
  w.frames(2);
  EXPECT_EQ(w.app().ui().controls.count("decision/0"), 1u) << "Red was not offered its step";
}

bool has_row(Window& w, const std::string& start) {
  for (const std::string& r : w.app().ui().inspected) {
    if (r.rfind(start, 0) == 0) return true;
  }
  return false;
}

TEST(GuiCells, BluesInspectorShowsNeitherRedsStepNorItsUnitsState) {
  sim::Scenario sc =
      sim::load_scenario(std::string(RFSIM_ASSETS_DIR) + "/scenarios/no-ceasefire.toml", theatre());
  Window w(std::move(sc), on(play::Cell::Blue));
  w.session().jump_to(sim::SimTime::at(sim::Duration::hours(20)));
  w.app().ui().selected.region = theatre().require("sector_pokrovsk");
  w.frames(2);
  EXPECT_TRUE(has_row(w, "Red's step: not known to Blue"));
  EXPECT_FALSE(has_row(w, "next review"));
  EXPECT_FALSE(has_row(w, "Red perceives"));
  EXPECT_TRUE(has_row(w, "ground"));
  // A Russian formation: where it stands and its strength as assessed, not what it does.
  std::uint32_t russian = sim::kNone;
  for (std::uint32_t u = 0; u < w.run().world().units.size() && russian == sim::kNone; ++u) {
    const auto& spec = w.run().scenario().units[w.run().world().units[u].spec];
    if (w.run().scenario().nations[spec.nation].side == sim::Side::Russia) russian = u;
  }
  ASSERT_NE(russian, sim::kNone);
  w.app().ui().selected = {};
  w.app().ui().selected.unit = russian;
  w.frames(2);
  EXPECT_TRUE(has_row(w, "state: not known to Blue"));
  EXPECT_TRUE(has_row(w, "strength: about"));
  EXPECT_FALSE(has_row(w, "time busy"));
  // White's inspector at the same moment: the truth.
  w.app().ui().cell = play::Cell::White;
  w.frames(2);
  EXPECT_TRUE(has_row(w, "time busy"));
  w.app().ui().selected = {};
  w.app().ui().selected.region = theatre().require("sector_pokrovsk");
  w.frames(2);
  EXPECT_FALSE(has_row(w, "Red's step: not known"));
  EXPECT_TRUE(has_row(w, "Red's step: "));
  EXPECT_TRUE(has_row(w, "Red perceives"));
}

// The window's inspector names the sensor whose report told HQ of a violation, for Blue (and
// White), and not for Red; kept after the violation closed (a record-only answer closes it at
// its report).
TEST(GuiCells, TheInspectorNamesTheSensorThatReportedForBlueNotRed) {
  sim::Scenario sc =
      sim::load_scenario(std::string(RFSIM_ASSETS_DIR) + "/scenarios/no-ceasefire.toml", theatre());
  Window w(std::move(sc), on(play::Cell::Blue));
  w.session().jump_to(sim::SimTime::at(sim::Duration::hours(20)));
  const sim::TraceRecord* report = nullptr;
  for (const sim::TraceRecord& r : w.session().log()) {
    if (r.kind == sim::TraceKind::Detected && r.detail == "record") report = &r;
  }
  ASSERT_NE(report, nullptr);
  const play::SensorBook::Entry* e = w.session().sensors().find(report->violation, w.run().now());
  ASSERT_NE(e, nullptr);
  w.app().ui().selected.violation = report->violation;
  w.frames(2);
  const std::string words = sim::sensor_words(w.run().scenario(), e->sensor, e->unit);
  EXPECT_TRUE(has_row(w, "reported by: " + words + ", ")) << words;
  w.app().ui().cell = play::Cell::Red;
  w.frames(2);
  EXPECT_FALSE(has_row(w, "reported by"));
}

TEST(GuiCells, AnUnknownCellIsRefused) {
  const std::string cmd =
      "env -u DISPLAY " + std::string(RFSIM_BINARY) + " gui --cell purple 2>&1; echo \"exit=$?\"";
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[256];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    ::pclose(p);
  }
  EXPECT_NE(out.find("--cell purple: expected white, blue or red"), std::string::npos) << out;
  EXPECT_NE(out.find("exit=2"), std::string::npos) << out;
}

}  // namespace
}  // namespace rfsim::render::gui
