// "Why?" in the window: a violation picked on the map or clicked in the log, and the inspector
// answering with HQ's candidates, their ETAs and why each was not sent, the approval delay
// drawn and its distribution, the capital's draw against its odds; and the reasons kept out of
// the state (the hash is the same with and without a window asking for them).
#include <gtest/gtest.h>
#include <SFML/Window/Event.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "gui_fixture.hpp"
#include "sim/scenario_loader.hpp"
#include "sim/simulation.hpp"

namespace rfsim::render::gui {
namespace {

using namespace rfsim::render::testing;
using rfsim::render::gui::testing::Window;

// Every nation's caveat lowered to a show of force: interpositions are blocked by caveats.
sim::Scenario caveated() {
  std::string text = testing::partial_ceasefire_text();
  for (const std::string from : {"max_response = \"engage\"", "max_response = \"interpose\""}) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
      text.replace(at, from.size(), "max_response = \"show_of_force\"");
    }
  }
  return sim::parse_scenario(text, "caveated.toml", theatre());
}

bool has_row(const std::vector<std::string>& rows, const std::string& part) {
  return std::any_of(rows.begin(), rows.end(),
                     [&](const std::string& r) { return r.find(part) != std::string::npos; });
}

std::string joined(const std::vector<std::string>& rows) {
  std::string out;
  for (const std::string& r : rows) out += r + "\n";
  return out;
}

// Plays until the log holds a record of `kind` about a violation the session has reasons
// for; returns its index in the log.
std::optional<std::size_t> play_to(Window& w, sim::TraceKind kind) {
  for (int i = 0; i < 4000; ++i) {
    const auto& log = w.session().log();
    for (std::size_t k = 0; k < log.size(); ++k) {
      if (log[k].kind == kind && !w.session().whys_of(log[k].violation).empty()) return k;
    }
    w.session().advance(0.05, 3600, std::chrono::milliseconds(200));
  }
  return std::nullopt;
}

// Shows only `kind` in the log, so that the line is drawn (and so named) near the bottom.
void log_only(Window& w, sim::TraceKind kind) {
  UiState& ui = w.app().ui();
  ui.show_kind.fill(false);
  ui.show_kind[static_cast<std::size_t>(kind)] = true;
  ui.log_dirty = true;
  w.frames(3);
}

TEST(GuiWhy, ClickingADispatchInTheLogNamesTheCandidatesTheDelayAndTheDraw) {
  Window w(render::testing::partial_ceasefire());
  const std::optional<std::size_t> k = play_to(w, sim::TraceKind::Dispatched);
  ASSERT_TRUE(k) << "no unit was dispatched";
  const sim::TraceRecord rec = w.session().log()[*k];
  log_only(w, sim::TraceKind::Dispatched);
  w.click("log/" + std::to_string(*k));
  ASSERT_TRUE(w.app().ui().selected.violation);
  EXPECT_EQ(*w.app().ui().selected.violation, rec.violation);
  const std::vector<std::string>& rows = w.app().ui().inspected;
  const std::string sent = unit_name(w.run(), rec.unit);
  // The unit sent is the nearest eligible one HQ considered, with its ETA in minutes.
  EXPECT_TRUE(has_row(rows, "candidate: " + sent + " | ")) << joined(rows);
  EXPECT_TRUE(has_row(rows, "| eligible, nearest")) << joined(rows);
  EXPECT_TRUE(has_row(rows, " min | ")) << joined(rows);
  EXPECT_TRUE(has_row(rows, "approval delay: " + sent)) << joined(rows);
  EXPECT_TRUE(has_row(rows, "log-normal, median")) << joined(rows);
  EXPECT_TRUE(has_row(rows, "capital's answer: " + sent)) << joined(rows);
  EXPECT_TRUE(has_row(rows, "approved: draw")) << joined(rows);
}

TEST(GuiWhy, ABlockedViolationNamesTheCaveatAndTheUnitItBarred) {
  Window w(caveated());
  const std::optional<std::size_t> k = play_to(w, sim::TraceKind::Blocked);
  ASSERT_TRUE(k) << "no violation was blocked by caveats";
  log_only(w, sim::TraceKind::Blocked);
  w.click("log/" + std::to_string(*k));
  const std::vector<std::string>& rows = w.app().ui().inspected;
  EXPECT_TRUE(has_row(rows, "outcome: blocked")) << joined(rows);
  EXPECT_TRUE(has_row(rows, "caveat: at most show_of_force, this needs ")) << joined(rows);
  // A barred unit named with its ETA: the unit that sat idle within reach.
  bool named = false;
  for (const std::string& r : rows) {
    named |= r.starts_with("candidate: ") && r.find(" | - | ") == std::string::npos &&
             r.find("UK caveat") != std::string::npos;
  }
  EXPECT_TRUE(named) << joined(rows);
}

TEST(GuiWhy, AViolationMarkerOnTheMapCanBeHoveredAndClicked) {
  Window w(render::testing::partial_ceasefire());
  ASSERT_TRUE(play_to(w, sim::TraceKind::Detected));
  w.frames(3);
  const auto& bursts = w.app().map().painter().drawn_bursts();
  ASSERT_FALSE(bursts.empty()) << "no violation marker on the map";
  const MapPainter::DrawnBurst& b = bursts.back();
  const sf::FloatRect area = w.app().map().area();
  const sf::Vector2f px(area.left + static_cast<float>(b.centre.x),
                        area.top + static_cast<float>(b.centre.y) - 4);
  const std::vector<std::string> tip = w.app().tooltip_lines(px);
  ASSERT_FALSE(tip.empty());
  EXPECT_EQ(tip.back(), "click: why?");
  w.click_at(px);
  ASSERT_TRUE(w.app().ui().selected.violation) << "the click picked no violation";
  EXPECT_EQ(*w.app().ui().selected.violation, b.serials.front());
  EXPECT_TRUE(has_row(w.app().ui().inspected, "violation: ")) << joined(w.app().ui().inspected);
}

// HQ's taskings asked of the room; a tasking answered by a click: its id and the other option.
struct Answered {
  sim::Decision decision;
  int other = 0;
  sim::SimTime at;
};

std::optional<Answered> answer_one(Window& w) {
  if (!w.play_to_decision()) return std::nullopt;
  const sim::Decision d = w.run().pending_decisions().front();
  if (d.options.size() < 2 || d.kind != sim::Decision::Kind::Tasking) return std::nullopt;
  w.click("decision/" + std::to_string(d.doctrine));
  w.app().ui().playing = false;
  w.frames(2);
  const auto& log = w.session().recording().commands();
  if (log.size() != 1) return std::nullopt;
  return Answered{d, d.doctrine == 0 ? 1 : 0, log.back().at};
}

// The fork has happened: one command, the other option, at the time of the first answer.
void expect_answered_anew(Window& w, const Answered& a) {
  const auto& log = w.session().recording().commands();
  ASSERT_EQ(log.size(), 1u) << w.app().ui().status;
  EXPECT_EQ(log.back().inject.decision, a.decision.id);
  EXPECT_EQ(log.back().inject.option, a.other);
  EXPECT_EQ(w.session().now(), a.at);
  EXPECT_NE(w.app().ui().status.find("answered with option " + std::to_string(a.other)),
            std::string::npos)
      << w.app().ui().status;
  EXPECT_TRUE(w.session().file().empty());
}

TEST(GuiWhy, APastDecisionIsAnsweredDifferentlyFromItsLineInTheLog) {
  Window w(testing::asking_scenario());
  const std::optional<Answered> a = answer_one(w);
  ASSERT_TRUE(a) << "no HQ tasking with two options was asked";
  // The line that asked it (HQ tasking asked) carries the fork, opened in the inspector.
  const auto& log = w.session().log();
  std::optional<std::size_t> asked;
  for (std::size_t k = 0; k < log.size(); ++k) {
    if (log[k].kind == sim::TraceKind::Decision && log[k].violation == a->decision.serial &&
        log[k].time == a->decision.asked) {
      asked = k;
    }
  }
  ASSERT_TRUE(asked) << "the decision's line is not in the log";
  log_only(w, sim::TraceKind::Decision);
  w.click("log/redecide/" + std::to_string(*asked));
  UiState& ui = w.app().ui();
  EXPECT_EQ(ui.redecide, 0);
  EXPECT_EQ(ui.redecide_at, RedecideAt::Inspector);
  ASSERT_EQ(ui.selected.violation, std::optional<std::uint64_t>(a->decision.serial));
  w.click("redecide/option/" + std::to_string(a->other));
  EXPECT_EQ(ui.redecide_option, a->other);
  w.click("redecide/confirm");
  expect_answered_anew(w, *a);
}

TEST(GuiWhy, APastDecisionIsAnsweredDifferentlyFromTheInspector) {
  Window w(testing::asking_scenario());
  const std::optional<Answered> a = answer_one(w);
  ASSERT_TRUE(a) << "no HQ tasking with two options was asked";
  UiState& ui = w.app().ui();
  ui.selected = Pick{{}, {}, a->decision.serial};  // the violation the decision was about
  w.frames(2);
  EXPECT_TRUE(has_row(ui.inspected, "answered: option " + std::to_string(a->decision.doctrine)))
      << joined(ui.inspected);
  w.click("inspect/redecide/" + std::to_string(a->decision.id));
  EXPECT_EQ(ui.redecide, 0);
  w.click("redecide/option/" + std::to_string(a->other));
  w.click("redecide/confirm");
  expect_answered_anew(w, *a);
}

// A raid of 19 drones into Poland at 2 h (the MSEL can stage Poland's September 2025 raid).
sim::Scenario with_raid() {
  return sim::parse_scenario(testing::partial_ceasefire_text() + R"(
[[injects]]
at = "2h"
kind = "provocation"
region = "flank_poland"
count = 19
note = "A raid of 19 drones into Poland."
)",
                             "raid.toml", theatre());
}

// Plays until `t`, a few minutes a call.
void play_until(Window& w, sim::SimTime t) {
  for (int i = 0; i < 20000 && w.run().now() < t; ++i) {
    w.session().advance(0.05, 3600, std::chrono::milliseconds(200));
  }
}

// Clicks the flank marker of incident `serial` where the last frame drew it; false if none.
bool click_flank(Window& w, std::uint64_t serial) {
  w.frames(3);
  for (const MapPainter::DrawnBurst& b : w.app().map().painter().drawn_flank()) {
    if (b.serials.empty() || b.serials.front() != serial) continue;
    const sf::FloatRect area = w.app().map().area();
    const sf::Vector2f px(area.left + static_cast<float>(b.centre.x),
                          area.top + static_cast<float>(b.centre.y));
    if (!area.contains(px)) return false;
    w.click_at(px);
    w.frames(2);
    return true;
  }
  return false;
}

TEST(GuiWhy, AFlankIncidentMarkerCanBeClickedOpenAndAfterItCloses) {
  Window w(with_raid());
  play_until(w, sim::SimTime::at(sim::Duration::hours(2) + sim::Duration::minutes(5)));
  std::uint64_t serial = 0;
  for (const sim::TraceRecord& r : w.session().log()) {
    if (r.kind == sim::TraceKind::Violation && r.detail.starts_with("flank drone_raid of 19")) {
      serial = r.violation;
    }
  }
  ASSERT_NE(serial, 0u) << "the raid is not in the log";
  ASSERT_TRUE(click_flank(w, serial)) << "no marker drawn for the raid";
  ASSERT_TRUE(w.app().ui().selected.violation) << "the click picked nothing";
  EXPECT_EQ(*w.app().ui().selected.violation, serial);
  const std::vector<std::string>& rows = w.app().ui().inspected;
  EXPECT_TRUE(has_row(rows, "flank incident: flank drone_raid of 19 drones")) << joined(rows);
  EXPECT_TRUE(has_row(rows, "kind: drone_raid, salvo of 19 drones")) << joined(rows);
  EXPECT_TRUE(has_row(rows, "state: open until")) << joined(rows);
  EXPECT_TRUE(has_row(rows, "seen by: the host nation's air picture")) << joined(rows);
  EXPECT_TRUE(has_row(rows, "answer: air policing over flank_poland")) << joined(rows);
  EXPECT_TRUE(has_row(rows, "quick-reaction alert scrambled")) << joined(rows);
  EXPECT_TRUE(has_row(rows, " Pk 0.")) << joined(rows);
  EXPECT_TRUE(has_row(rows, " draw 0.")) << joined(rows);
  // 19 drones is a major incursion into a NATO member: Article 4 and the surge questions.
  EXPECT_TRUE(has_row(rows, "consequence: ")) << joined(rows);
  EXPECT_TRUE(has_row(rows, "Article 4")) << joined(rows);
  EXPECT_TRUE(has_row(rows, ": surge ")) << joined(rows);

  // The raid stays open 7 h; closed, its marker stays, faded, for a day and can be clicked.
  w.app().ui().selected = Pick{};
  play_until(w, sim::SimTime::at(sim::Duration::hours(12)));
  ASSERT_TRUE(click_flank(w, serial)) << "the closed raid's marker is gone";
  ASSERT_TRUE(w.app().ui().selected.violation);
  EXPECT_EQ(*w.app().ui().selected.violation, serial);
  EXPECT_TRUE(has_row(w.app().ui().inspected, "state: closed at"))
      << joined(w.app().ui().inspected);
  // A day after it closed it has left the map.
  play_until(w, sim::SimTime::at(sim::Duration::hours(2 + 7 + 25)));
  w.frames(3);
  for (const MapPainter::DrawnBurst& b : w.app().map().painter().drawn_flank()) {
    EXPECT_NE(b.serials.front(), serial) << "still drawn a day after it closed";
  }
}

// The reasons are made only for a sink that asks, and read the state without drawing: a run
// with one ends in the state of a run without.
class Asking : public sim::TraceSink {
 public:
  void record(const sim::TraceRecord&) override {}
  bool wants_why() const override { return true; }
  void explain(const sim::WhyRecord&) override { ++count; }
  int count = 0;
};

TEST(GuiWhy, AskingForReasonsLeavesTheStateHashAlone) {
  sim::Simulation quiet(render::testing::partial_ceasefire(), theatre());
  sim::Simulation asked(render::testing::partial_ceasefire(), theatre());
  Asking sink;
  asked.set_trace(&sink);
  const sim::SimTime t = sim::SimTime::at(sim::Duration::days(4));
  quiet.run_until(t);
  asked.run_until(t);
  EXPECT_GT(sink.count, 0);
  EXPECT_EQ(quiet.state_hash(), asked.state_hash());
}

}  // namespace
}  // namespace rfsim::render::gui
