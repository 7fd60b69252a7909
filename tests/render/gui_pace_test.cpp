// Decisions that fit a room: the options name doctrine's choice and round ETAs to minutes, the
// log names the violation and region of an answer, "ask" paces itself (a level, a number an
// hour) with the rest answered by doctrine through the same command, and the measures say how
// many answers were records only.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "gui_fixture.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::render::gui {
namespace {

using namespace rfsim::render::testing;
using rfsim::render::gui::testing::Window;

// Plays at 10,000x until `until` or a decision put to the room stops the window.
void play(Window& w, sim::SimTime until) {
  w.app().ui().playing = true;
  w.app().ui().speed = 10000;
  for (int i = 0; i < 20000 && w.app().ui().playing && w.run().now() < until; ++i) w.frames(1, 0.1);
  w.app().ui().playing = false;
  w.frames(1);
}

TEST(GuiPace, AnAnswerIsLoggedWithTheViolationTheRegionAndDoctrinesMark) {
  Window w(testing::asking_scenario());
  ASSERT_TRUE(w.play_to_decision());
  const sim::Decision d = w.run().pending_decisions().front();
  ASSERT_EQ(d.kind, sim::Decision::Kind::Tasking);
  const sim::Violation& v = w.run().world().violations[d.violation];
  const std::string region = w.run().theatre().region(v.region).name;
  w.click("decision/" + std::to_string(d.doctrine));
  const auto& commands = w.session().recording().commands();
  ASSERT_FALSE(commands.empty());
  const std::string note = commands.back().inject.note;
  EXPECT_NE(note.find("HQ: " + std::string(sim::to_string(v.type)) + " in " + region),
            std::string::npos)
      << note;
  EXPECT_NE(note.find("(doctrine)"), std::string::npos) << note;
  // The event log's line says the same.
  bool logged = false;
  for (const sim::TraceRecord& r : w.session().log())
    logged |= r.kind == sim::TraceKind::Inject && r.detail.find(note) != std::string::npos;
  EXPECT_TRUE(logged);
}

TEST(GuiPace, BelowTheLevelAskedDoctrineAnswersAndSaysSo) {
  Window w(testing::asking_scenario());
  w.app().ui().ask_from_level = static_cast<int>(sim::ResponseLevel::Engage);
  const sim::SimTime day = sim::SimTime::at(sim::Duration::days(1));
  int asked = 0;
  for (play(w, day); w.run().awaiting_decision() && asked < 50; play(w, day)) {
    // Only an engagement is put to the room (a drone, counter-battery fire).
    const sim::Decision& d = w.run().pending_decisions().front();
    ASSERT_EQ(d.kind, sim::Decision::Kind::Tasking);
    EXPECT_EQ(d.options.front().level, sim::ResponseLevel::Engage);
    w.click("decision/0");
    ++asked;
  }
  int paced = 0;
  for (const sim::Command& c : w.session().recording().commands()) {
    if (c.inject.kind != sim::InjectKind::Decide) continue;
    paced += c.inject.note.find("(doctrine: below the level asked)") != std::string::npos;
  }
  EXPECT_GT(paced, 3) << "doctrine answered no decision";
  EXPECT_EQ(paced + asked, static_cast<int>(w.session().decisions_asked().size()));
  // What still waits (if anything) is an engagement, the only level put to the room.
  for (const sim::Decision& d : w.run().pending_decisions()) {
    if (d.kind == sim::Decision::Kind::Tasking) {
      EXPECT_EQ(d.options.front().level, sim::ResponseLevel::Engage);
    }
  }
}

TEST(GuiPace, AtMostNAnHourArePutToTheRoom) {
  Window w(testing::asking_scenario());
  w.app().ui().ask_per_hour = 1;
  ASSERT_TRUE(w.play_to_decision());
  const sim::SimTime first = w.run().now();
  w.click("decision/0");
  play(w, first + sim::Duration::minutes(59));
  // The next one put to the room comes an hour after the first at the soonest; those before
  // it were answered by doctrine.
  if (w.run().awaiting_decision()) {
    EXPECT_GE(w.run().now() - first, sim::Duration::hours(1));
  }
  int paced = 0;
  for (const sim::Command& c : w.session().recording().commands())
    paced += c.inject.note.find("(doctrine: pace reached)") != std::string::npos;
  EXPECT_GT(paced, 0);
}

TEST(GuiPace, TheMeasuresCountRecordsOnlyApartFromUnitsArriving) {
  Window w(sim::load_scenario(std::string(RFSIM_ASSETS_DIR) + "/scenarios/partial-ceasefire.toml",
                              theatre()));
  play(w, sim::SimTime::at(sim::Duration::days(2)));
  const sim::Measures& m = w.run().world().measures;
  EXPECT_GT(w.session().recorded_only(), 0u);
  EXPECT_GT(w.session().unit_arrivals(), 0u);
  // Every answer the model counts is one or the other.
  EXPECT_EQ(static_cast<std::int64_t>(w.session().recorded_only() + w.session().unit_arrivals()),
            m.answered);
  // And they stay so when the log is rebuilt from the recording (a jump back).
  w.session().jump_to(sim::SimTime::at(sim::Duration::days(1)));
  EXPECT_EQ(static_cast<std::int64_t>(w.session().recorded_only() + w.session().unit_arrivals()),
            w.run().world().measures.answered);
}

}  // namespace
}  // namespace rfsim::render::gui
