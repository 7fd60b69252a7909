// A seat's window (render/gui/seat_window.hpp) offscreen, fed by hand what a seat holds: its
// picture on the map, a decision answered by a click into an order, the banner while the
// connection is lost, and a decision gone without the seat's answer, with the host's word.
#include <gtest/gtest.h>
#include <SFML/Graphics/RenderTexture.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "gui_fixture.hpp"
#include "play/picture.hpp"
#include "render/gui/seat_window.hpp"
#include "render_fixture.hpp"
#include "sim/scenario_loader.hpp"
#include "sim/sensors.hpp"
#include "sim/simulation.hpp"

namespace rfsim::render::gui {
namespace {

using render::testing::theatre;

// The default scenario with HQ's taskings asked of a player: the run waits for Blue.
// What a seat would hold after the host sent it Blue's picture of `run`: nothing else.
struct Held {
  play::Welcome welcome;
  play::PictureMessage picture;
  std::vector<play::LogLine> log;
  std::uint64_t pictures = 0;
  bool connected = true;
  std::string banner;

  SeatFeed feed() const {
    SeatFeed f;
    f.welcome = &welcome;
    f.picture = &picture;
    f.log = &log;
    f.pictures = pictures;
    f.connected = connected;
    f.banner = banner;
    return f;
  }
  void show(const sim::Simulation& run, play::Cell cell) {
    picture.picture = play::picture_of(run, cell);
    ++pictures;
  }
};

Held blue_seat(const sim::Simulation& run) {
  Held h;
  h.welcome.role = play::Role::Blue;
  h.welcome.sees = play::Cell::Blue;
  h.welcome.scenario = run.scenario().name;
  for (const sim::Nation& n : run.scenario().nations) h.welcome.nations.push_back(n.code);
  h.show(run, play::Cell::Blue);
  return h;
}

class Screen {
 public:
  static constexpr unsigned kW = 1280, kH = 800;
  explicit Screen(bool presenter = false) {
    EXPECT_TRUE(target_.create(kW, kH));
    EXPECT_TRUE(target_.setActive(true));
    SeatScreenOptions o;
    o.ui_scale = 1;
    o.presenter = presenter;
    screen_ = std::make_unique<SeatScreen>(theatre(), o);
  }
  SeatScreen& operator*() { return *screen_; }
  SeatScreen* operator->() { return screen_.get(); }
  void frames(const Held& h, int n = 3) {
    for (int i = 0; i < n; ++i) {
      screen_->touch();
      screen_->pass(target_, {kW, kH}, 1.0 / 60, h.feed());
      target_.display();
    }
  }
  sf::Image image() { return target_.getTexture().copyToImage(); }

 private:
  sf::RenderTexture target_;
  std::unique_ptr<SeatScreen> screen_;
};

void run_to_decision(sim::Simulation& run) {
  sim::CommandQueue none;
  for (int h = 1; h < 24 * 5 && !run.awaiting_decision(); ++h) {
    run.advance(sim::SimTime::at(sim::Duration::hours(h)), none);
  }
  ASSERT_TRUE(run.awaiting_decision());
}

TEST(GuiSeat, DecisionAnsweredByAClickBecomesTheSeatsOrder) {
  sim::Simulation run(testing::asking_scenario(), theatre());
  run_to_decision(run);
  const sim::Decision d = run.pending_decisions().front();
  Held held = blue_seat(run);
  ASSERT_FALSE(held.picture.picture.decisions.empty());
  Screen s;
  s.frames(held);
  ASSERT_FALSE(s->decision_rows().empty());
  EXPECT_NE(s->decision_rows().front().find("HQ tasking"), std::string::npos);
  ASSERT_LT(1u, d.options.size());
  ASSERT_TRUE(s->click("decision/0/1"));
  s.frames(held);
  const std::vector<play::Message> orders = s->take_orders();
  ASSERT_EQ(orders.size(), 1u) << "the click gave no order, or more than one";
  const auto* c = std::get_if<play::SeatCommand>(&orders.front());
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->order, play::Order::Answer);
  EXPECT_EQ(c->decision, d.id);
  EXPECT_EQ(c->option, 1);
  // Answered: the buttons are gone until the host's next picture.
  EXPECT_FALSE(s->click("decision/0/0"));
}

TEST(GuiSeat, AnObserverAnswersNothingAndMayTakeANote) {
  sim::Simulation run(testing::asking_scenario(), theatre());
  run_to_decision(run);
  Held held = blue_seat(run);
  held.welcome.role = play::Role::Observer;
  held.welcome.sees = play::Cell::White;
  held.welcome.may_note = true;
  held.show(run, play::Cell::White);
  Screen s;
  s.frames(held);
  EXPECT_FALSE(s->click("decision/0/0"));
  EXPECT_FALSE(s->click("seat/pause"));
  s->ui().selected.region = theatre().require("kharkiv");
  s.frames(held);
  ASSERT_TRUE(s->click("note/add"));
  s.frames(held);
  const std::vector<play::Message> orders = s->take_orders();
  ASSERT_EQ(orders.size(), 1u);
  const auto* n = std::get_if<play::SeatNote>(&orders.front());
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->place, static_cast<std::uint8_t>(saves::NotePlace::Region));
  EXPECT_EQ(n->region, theatre().require("kharkiv"));
}

TEST(GuiSeat, LostConnectionShowsTheBannerThenThePictureAgain) {
  sim::Simulation run(testing::asking_scenario(), theatre());
  run_to_decision(run);
  Held held = blue_seat(run);
  Screen s;
  s.frames(held);
  EXPECT_TRUE(s->banner_drawn().empty());
  const sf::Image before = s.image();
  held.connected = false;
  held.banner = "Connection to the host lost: rejoining every 2 s (attempt 1).";
  s.frames(held);
  EXPECT_EQ(s->banner_drawn(), held.banner);
  // The banner is drawn in red across the map.
  const sf::Image lost = s.image();
  int red = 0;
  for (unsigned y = 0; y < Screen::kH; y += 2) {
    for (unsigned x = 0; x < Screen::kW; x += 2) {
      const sf::Color c = lost.getPixel(x, y);
      red += c.r > 150 && c.g < 50 && c.b < 50 && before.getPixel(x, y) != c;
    }
  }
  EXPECT_GT(red, 2000) << "no banner on the map";
  // Rejoined: a new picture, no banner.
  held.connected = true;
  held.banner.clear();
  held.show(run, play::Cell::Blue);
  s.frames(held);
  EXPECT_TRUE(s->banner_drawn().empty());
}

TEST(GuiSeat, ADecisionTakenElsewhereGoesWithTheHostsReason) {
  sim::Simulation run(testing::asking_scenario(), theatre());
  run_to_decision(run);
  const sim::Decision d = run.pending_decisions().front();
  Held held = blue_seat(run);
  Screen s;
  s.frames(held);
  ASSERT_TRUE(s->notices().empty());
  // The host's word, then the picture without the decision (doctrine answered at the limit).
  held.log.push_back({run.now(), sim::TraceKind::Decision,
                      "decision " + std::to_string(d.id) +
                          " timed out: doctrine's answer (option " + std::to_string(d.doctrine) +
                          ")"});
  sim::CommandQueue q;
  q.push({run.now(), sim::doctrine_answer(d)});
  run.advance(run.now(), q);
  held.show(run, play::Cell::Blue);
  for (const sim::Decision& p : held.picture.picture.decisions) ASSERT_NE(p.id, d.id);
  s.frames(held);
  ASSERT_EQ(s->notices().size(), 1u);
  EXPECT_NE(s->notices().front().find("timed out: doctrine's answer"), std::string::npos)
      << s->notices().front();
  EXPECT_NE(s->notices().front().find("decision " + std::to_string(d.id)), std::string::npos);
}

TEST(GuiSeat, APresenterSeatShowsTheProjectorsViewAndNoPanels) {
  sim::Simulation run(testing::asking_scenario(), theatre());
  run_to_decision(run);
  Held held = blue_seat(run);
  held.welcome.role = play::Role::Observer;
  held.log.push_back({run.now(), sim::TraceKind::Detected, "detected: record"});
  Screen s(true);
  s.frames(held);
  // The presenter's large type was drawn (at 800 px high: 50 px clock, 29 px the rest), and
  // no panel: nothing to click, no decision rows.
  EXPECT_GE(s->ui().presenter_min_text_px, 24.0f);
  EXPECT_TRUE(s->ui().controls.empty());
  EXPECT_TRUE(s->decision_rows().empty());
  EXPECT_EQ(s->map().area().width, static_cast<float>(Screen::kW));
}

TEST(GuiSeat, TheMeasuresAreThePictures) {
  sim::Simulation run(testing::asking_scenario(), theatre());
  run_to_decision(run);
  const play::Picture white = play::picture_of(run, play::Cell::White);
  const play::Picture blue = play::picture_of(run, play::Cell::Blue);
  const play::Picture red = play::picture_of(run, play::Cell::Red);
  const sim::Measures& m = run.world().measures;
  EXPECT_EQ(white.measures.violations, m.violations);
  EXPECT_EQ(blue.measures.violations, m.detected);  // only what HQ's sensors reported
  EXPECT_FALSE(blue.measures.detected.has_value());
  EXPECT_FALSE(blue.measures.ceasefire_broken.has_value());
  EXPECT_FALSE(blue.measures.red_losses.has_value());
  EXPECT_EQ(red.measures.violations, m.violations);
  EXPECT_FALSE(red.measures.answered_in_standard.has_value());
  EXPECT_FALSE(red.measures.detect_mean_h.has_value());
  EXPECT_LT(blue.measures.violations, white.measures.violations)
      << "the test wants an undetected violation by now";
}

// Blue's inspector names the sensor that reported the violation HQ is asked about; Red's, on
// the same violation, says nothing of the coalition's sensors.
TEST(GuiSeat, TheInspectorSaysWhichSensorReportedIt) {
  sim::Simulation run(rfsim::render::gui::testing::asking_scenario(), theatre());
  run_to_decision(run);
  const sim::Decision d = run.pending_decisions().front();
  const sim::Violation& v = run.world().violations[d.violation];
  ASSERT_NE(v.sensor, sim::Sensor::Unknown);
  Held held = blue_seat(run);
  Screen s;
  s->ui().selected.violation = v.serial;
  s.frames(held);
  const auto reported = [&]() -> std::string {
    for (const std::string& r : s->ui().inspected) {
      if (r.rfind("reported by: ", 0) == 0) return r;
    }
    return "";
  };
  std::string all;
  for (const std::string& r : s->ui().inspected) all += r + "\n";
  const std::string row = reported();
  ASSERT_FALSE(row.empty()) << all;
  EXPECT_NE(row.find("after it happened"), std::string::npos) << row;
  if (v.sensor_unit != sim::kNone) {
    EXPECT_NE(row.find("#" + std::to_string(v.sensor_unit)), std::string::npos) << row;
  } else {
    EXPECT_NE(row.find(sim::sensor_words(v.sensor, "")), std::string::npos) << row;
  }
  held.welcome.role = play::Role::Red;
  held.welcome.sees = play::Cell::Red;
  held.show(run, play::Cell::Red);
  s.frames(held);
  EXPECT_EQ(reported(), "");
}

}  // namespace
}  // namespace rfsim::render::gui
