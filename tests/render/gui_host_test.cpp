// The facilitator's window hosting a game (`rfsim host`), offscreen, with a headless Blue seat
// in the same process: the seat joins and is listed, answers a decision through the same door
// as the window's clicks (the window's log shows it), follows the window's pause and its
// seeks, and is told the game is closed when the window leaves, which saves the game.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>

#include <unistd.h>

#include <SFML/Graphics/RenderTexture.hpp>

#include "gui_fixture.hpp"
#include "play/host.hpp"
#include "play/seat.hpp"
#include "render/gui/seat_window.hpp"
#include "saves/save_file.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::render::gui {
namespace {

using namespace std::chrono_literals;
using rfsim::render::gui::testing::Window;

// The default scenario with HQ's taskings asked of a player: the run waits for Blue.
GuiOptions hosting(const std::filesystem::path& save) {
  GuiOptions o = Window::with_scale(1);
  play::HostOptions h;
  h.port = 0;
  h.picture_every = 0ms;
  h.paused = true;
  o.host = h;
  o.host_save = save;
  return o;
}

std::unique_ptr<play::Seat> blue_seat(const play::Host& host) {
  play::SeatOptions so;
  so.port = host.port();
  so.role = play::Role::Blue;
  so.code = host.code(play::Role::Blue);
  so.limits = {render::testing::theatre().region_count(), render::testing::theatre().link_count()};
  auto s = std::make_unique<play::Seat>(so);
  s->connect(5s);
  return s;
}

std::string injects_logged(const Session& s) {
  std::string out;
  for (const sim::TraceRecord& r : s.log()) {
    if (r.kind == sim::TraceKind::Inject) out += r.detail + "\n";
  }
  return out + std::to_string(s.log().size()) + " records";
}

// Frames of the window (each polls its host) and polls of the seat until `done`.
bool pump(Window& w, play::Seat& seat, const std::function<bool()>& done) {
  for (int i = 0; i < 300; ++i) {
    w.frames(1);
    seat.poll(1ms);
    if (done()) return true;
  }
  return false;
}

TEST(GuiHost, ASeatAnswersThroughTheWindowsDoorAndFollowsItsClock) {
  const std::filesystem::path save = std::filesystem::temp_directory_path() /
                                     ("gui_host_" + std::to_string(::getpid()) + ".rfsave");
  std::filesystem::remove(save);
  Window w(testing::asking_scenario(), hosting(save));
  play::Host* host = w.app().host();
  ASSERT_NE(host, nullptr);
  auto blue = blue_seat(*host);
  ASSERT_TRUE(pump(w, *blue, [&] { return blue->picture().has_value(); }));
  ASSERT_EQ(w.app().ui().seat_rows.size(), 1u);
  EXPECT_EQ(w.app().ui().seat_rows[0].rfind("blue 127.0.0.1:", 0), 0u) << w.app().ui().seat_rows[0];
  EXPECT_TRUE(blue->picture()->paused);

  // The window plays to HQ's first tasking; the seat is sent it and answers it.
  ASSERT_TRUE(w.play_to_decision());
  ASSERT_TRUE(pump(w, *blue, [&] { return !blue->picture()->picture.decisions.empty(); }));
  const sim::Decision d = blue->picture()->picture.decisions.front();
  const std::int32_t option = static_cast<std::int32_t>(d.options.size()) - 1;
  blue->answer(d.id, option);
  const std::string said = "decide " + std::to_string(d.id) + " option " + std::to_string(option);
  auto logged = [&] {
    const auto& log = w.session().log();
    return std::any_of(log.begin(), log.end(), [&](const sim::TraceRecord& r) {
      return r.kind == sim::TraceKind::Inject && r.detail.find(said) != std::string::npos &&
             r.detail.find("blue seat") != std::string::npos;
    });
  };
  ASSERT_TRUE(pump(w, *blue, logged))
      << "the window's log never showed the seat's answer: " << injects_logged(w.session());
  ASSERT_EQ(w.session().recording().commands().size(), 1u);
  EXPECT_EQ(w.session().recording().commands()[0].inject.decision, d.id);
  EXPECT_EQ(w.session().live_injects().size(), 1u);  // the window's timeline marks it

  // White's clock: the window plays, then pauses, and the seat's picture says so.
  w.app().ui().speed = 1;  // no other decision within the frames below
  sf::Event space{};
  space.type = sf::Event::KeyPressed;
  space.key.code = sf::Keyboard::Space;
  w.event(space);
  ASSERT_TRUE(w.app().ui().playing);
  ASSERT_TRUE(pump(w, *blue, [&] { return !blue->picture()->paused; }));
  w.event(space);
  ASSERT_FALSE(w.app().ui().playing);
  ASSERT_TRUE(pump(w, *blue, [&] { return blue->picture()->paused; }));

  // A seek in the window moves the seat's picture to that time.
  const sim::SimTime back = sim::SimTime::start();
  ASSERT_GT(w.session().now(), back);
  w.session().jump_to(back);
  ASSERT_TRUE(pump(w, *blue, [&] { return blue->picture()->picture.now == back; }));

  // Leaving saves the game and tells the seat the game is closed.
  w.app().request_quit();
  EXPECT_TRUE(w.app().ui().want_quit);
  EXPECT_EQ(w.app().host(), nullptr);
  ASSERT_TRUE(std::filesystem::exists(save));
  EXPECT_EQ(saves::read_save(save).commands.size(), 1u);
  for (int i = 0; i < 200 && std::find(blue->refusals().begin(), blue->refusals().end(),
                                       play::kHostClosed) == blue->refusals().end();
       ++i) {
    blue->poll(5ms);
  }
  EXPECT_NE(std::find(blue->refusals().begin(), blue->refusals().end(), play::kHostClosed),
            blue->refusals().end());
  std::filesystem::remove(save);
}

// A White seat's window edits the MSEL as White's desk does: a line cancelled and a line moved
// by clicks in the seat's MSEL panel reach the host, which checks, logs and records them, and
// the seat's next picture shows them.
TEST(GuiHost, AWhiteSeatsWindowCancelsAndMovesMselLines) {
  const std::filesystem::path save = std::filesystem::temp_directory_path() /
                                     ("gui_host_msel_" + std::to_string(::getpid()) + ".rfsave");
  std::filesystem::remove(save);
  Window w(rfsim::render::gui::testing::asking_scenario(), hosting(save));
  play::Host* host = w.app().host();
  ASSERT_NE(host, nullptr);
  play::SeatOptions so;
  so.port = host->port();
  so.role = play::Role::White;
  so.code = host->code(play::Role::White);
  so.limits = {render::testing::theatre().region_count(), render::testing::theatre().link_count()};
  play::Seat white(so);
  white.connect(5s);
  ASSERT_TRUE(
      pump(w, white, [&] { return white.picture() && !white.picture()->picture.msel.empty(); }));
  const std::vector<play::MselLineView> msel = white.picture()->picture.msel;
  ASSERT_EQ(msel.size(), w.run().msel_lines());
  ASSERT_GE(msel.size(), 2u);

  sf::RenderTexture target;
  ASSERT_TRUE(target.create(1280, 800));
  SeatScreenOptions o;
  o.ui_scale = 1;
  SeatScreen screen(render::testing::theatre(), o);
  auto frames = [&](int n) {
    for (int i = 0; i < n; ++i) {
      SeatFeed f;
      f.welcome = &*white.welcome();
      f.picture = &*white.picture();
      f.log = &white.log();
      f.pictures = white.pictures_received();
      f.connected = white.connected();
      screen.touch();
      screen.pass(target, {1280, 800}, 1.0 / 60, f);
    }
  };
  auto send_orders = [&] {
    for (const play::Message& m : screen.take_orders()) white.send(m);
  };
  auto recorded = [&](sim::InjectKind kind) -> const sim::Inject* {
    for (const saves::Command& c : w.session().recording().commands()) {
      if (c.inject.kind == kind) return &c.inject;
    }
    return nullptr;
  };
  frames(3);
  ASSERT_EQ(screen.ui().msel_rows.size(), msel.size());

  // Cancel the first line (its question first, then the answer).
  ASSERT_TRUE(screen.click("msel/cancel/" + std::to_string(msel[0].line)));
  frames(3);  // the click's release in one frame, the question drawn in the next
  ASSERT_TRUE(screen.click("msel/cancel/confirm"));
  frames(3);
  send_orders();
  ASSERT_TRUE(pump(w, white, [&] { return recorded(sim::InjectKind::CancelMsel) != nullptr; }))
      << "the host never recorded the seat's cancel";
  EXPECT_EQ(recorded(sim::InjectKind::CancelMsel)->line, msel[0].line);
  EXPECT_TRUE(w.run().msel_cancelled(msel[0].line));
  ASSERT_TRUE(pump(w, white, [&] { return white.picture()->picture.msel[0].cancelled; }));
  frames(2);
  const auto row_of = [&](std::uint32_t line) {
    for (const std::string& r : screen.ui().msel_rows) {
      if (r.rfind(std::to_string(line) + " | ", 0) == 0) return r;
    }
    return std::string();
  };
  EXPECT_NE(row_of(msel[0].line).find("cancelled in play"), std::string::npos)
      << row_of(msel[0].line);

  // Move the second line a day later, through the form.
  ASSERT_TRUE(screen.click("msel/edit/" + std::to_string(msel[1].line)));
  frames(3);
  const sim::Duration later = msel[1].inject.at + sim::Duration::days(1);
  const std::string text = sim::format_duration(later);
  screen.ui().msel.at.fill('\0');
  text.copy(screen.ui().msel.at.data(), screen.ui().msel.at.size() - 1);
  frames(1);
  ASSERT_TRUE(screen.click("msel/form/save"));
  frames(3);
  send_orders();
  ASSERT_TRUE(pump(w, white, [&] { return recorded(sim::InjectKind::ScheduleMsel) != nullptr; }))
      << "the host never recorded the seat's move";
  const sim::Inject* moved = recorded(sim::InjectKind::ScheduleMsel);
  EXPECT_EQ(moved->line, msel[1].line);
  EXPECT_EQ(moved->at, later);
  EXPECT_EQ(moved->line_kind, msel[1].inject.kind);
  // Moving cancels the line and adds its replacement after the scenario's lines.
  EXPECT_TRUE(w.run().msel_cancelled(msel[1].line));
  ASSERT_EQ(w.run().msel_lines(), msel.size() + 1);
  EXPECT_EQ(w.run().msel_line(static_cast<std::uint32_t>(msel.size())).at, later);
  ASSERT_TRUE(
      pump(w, white, [&] { return white.picture()->picture.msel.size() == msel.size() + 1; }));
  const play::MselLineView& added = white.picture()->picture.msel.back();
  EXPECT_TRUE(added.added);
  EXPECT_EQ(added.inject.at, later);
  EXPECT_TRUE(white.picture()->picture.msel[1].cancelled);
  frames(2);
  EXPECT_NE(row_of(added.line).find("added in play"), std::string::npos) << row_of(added.line);

  w.app().request_quit();
  std::filesystem::remove(save);
}

}  // namespace
}  // namespace rfsim::render::gui
