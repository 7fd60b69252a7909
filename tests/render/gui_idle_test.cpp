// Render on demand: a paused, untouched window draws nothing; input, play, a change of what it
// shows and the wheel's zoom draw until they have settled. Counted in frames over passes of
// the window's loop (GuiApp::pass, as run_window makes them), never timed.
#include <gtest/gtest.h>
#include <unistd.h>
#include <SFML/Window/Event.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "gui_fixture.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::render::gui {
namespace {

using namespace rfsim::render::testing;
using rfsim::render::gui::testing::Window;

constexpr double kPass = 0.04;  // the idle loop's poll: 25 passes a second

// Frames drawn over n passes.
int drawn(Window& w, int n, double dt = kPass) {
  const std::uint64_t before = w.app().frames_drawn();
  for (int i = 0; i < n; ++i) w.pass(dt);
  return static_cast<int>(w.app().frames_drawn() - before);
}

sf::Event mouse_at(int x, int y) {
  sf::Event e{};
  e.type = sf::Event::MouseMoved;
  e.mouseMove = {x, y};
  return e;
}

TEST(GuiIdle, APausedUntouchedWindowStopsDrawing) {
  Window w(render::testing::partial_ceasefire());
  const int settling = drawn(w, 100);
  EXPECT_GT(settling, 0);
  EXPECT_LE(settling, 20);
  EXPECT_EQ(drawn(w, 750), 0) << "an idle window kept drawing (30 s of passes)";
}

TEST(GuiIdle, InputDrawsAFewFramesThenRests) {
  Window w(render::testing::partial_ceasefire());
  drawn(w, 100);
  w.app().handle(mouse_at(700, 300));  // over the map: a tooltip comes and settles
  const int after_input = drawn(w, 100);
  EXPECT_GE(after_input, 3) << "ImGui needs a few frames after an input";
  EXPECT_LE(after_input, 20);
  EXPECT_EQ(drawn(w, 250), 0);
  // A key that changes what is shown (the fill) is drawn too.
  sf::Event key{};
  key.type = sf::Event::KeyPressed;
  key.key.code = sf::Keyboard::Num3;
  w.app().handle(key);
  EXPECT_GT(drawn(w, 100), 0);
  EXPECT_EQ(w.app().ui().fill, FillMode::Escalation);
}

TEST(GuiIdle, PlayingDrawsEveryPassAndPausingRests) {
  Window w(render::testing::partial_ceasefire());
  drawn(w, 100);
  sf::Event space{};
  space.type = sf::Event::KeyPressed;
  space.key.code = sf::Keyboard::Space;
  w.app().handle(space);
  EXPECT_EQ(drawn(w, 120, 1.0 / 60), 120) << "play must keep its 60 frames a second";
  w.app().handle(space);
  drawn(w, 30);
  EXPECT_EQ(drawn(w, 250), 0);
}

TEST(GuiIdle, AChangeWithoutInputIsDrawnOnce) {
  // The model moved by something other than the window's input (a script's jump), or the
  // status changed (an autosave written): the screen shows it, then rests again.
  Window w(render::testing::partial_ceasefire());
  drawn(w, 100);
  w.session().jump_to(sim::SimTime::at(sim::Duration::hours(6)));
  EXPECT_GT(drawn(w, 100), 0);
  EXPECT_EQ(drawn(w, 100), 0);
  w.app().ui().status = "autosaved somewhere";
  EXPECT_GT(drawn(w, 100), 0);
  EXPECT_EQ(drawn(w, 100), 0);
}

TEST(GuiIdle, TheWheelsStandInIsFollowedByTheSettledGround) {
  Window w(render::testing::partial_ceasefire());
  drawn(w, 100);
  const sf::FloatRect map = w.app().map().area();
  const int x = static_cast<int>(map.left + map.width / 2);
  const int y = static_cast<int>(map.top + map.height / 2);
  w.app().handle(mouse_at(x, y));
  drawn(w, 100);
  sf::Event wheel{};
  wheel.type = sf::Event::MouseWheelScrolled;
  wheel.mouseWheelScroll = {sf::Mouse::VerticalWheel, 1, x, y};
  for (int notch = 0; notch < 3; ++notch) {  // a notch a frame: the stand-in shows (to 2x)
    w.app().handle(wheel);
    w.pass();
  }
  EXPECT_TRUE(w.app().map().painter().standing_in());
  drawn(w, 100);
  EXPECT_FALSE(w.app().map().painter().standing_in()) << "rested on the stretched stand-in";
  EXPECT_EQ(drawn(w, 100), 0);
}

// The real `rfsim gui`: once it rests, two seconds of nothing draw nothing. Frames counted by
// the window itself; wait-idle waits for its rest, however slow the machine.
TEST(GuiIdle, TheRealWindowRests) {
  if (std::getenv("DISPLAY") == nullptr) GTEST_SKIP() << "no DISPLAY (run under xvfb-run)";
  const auto dir =
      std::filesystem::temp_directory_path() / ("rfsim-gui-idle-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  { std::ofstream(dir / "idle.txt") << "wait-idle\nframes\nwait 2\nframes\nquit\n"; }
  std::string out;
  const std::string cmd = std::string(RFSIM_BINARY) + " gui --script " + dir.string() +
                          "/idle.txt --autosave-dir " + dir.string() + " 2>&1";
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[256];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    EXPECT_EQ(::pclose(p), 0) << out;
  }
  const std::string tag = "frames drawn: ";
  const auto first = out.find(tag);
  ASSERT_NE(first, std::string::npos) << out;
  const auto second = out.find(tag, first + 1);
  ASSERT_NE(second, std::string::npos) << out;
  const long a = std::stol(out.substr(first + tag.size()));
  const long b = std::stol(out.substr(second + tag.size()));
  EXPECT_GT(a, 0);
  EXPECT_EQ(b, a) << "the window drew " << b - a << " frames while idle";
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rfsim::render::gui
