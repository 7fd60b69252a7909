// End to end: the real `rfsim gui` under the test's X server (ctest runs in xvfb-run), driven
// by xdotool, checked through screenshots taken with its own F12 key.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTexture.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "render/gui/panels.hpp"
#include "render/map_painter.hpp"
#include "render/scene_of_run.hpp"
#include "render/snapshot.hpp"
#include "render_fixture.hpp"
#include "sim/scenario_loader.hpp"

extern char** environ;

namespace rfsim::render::gui {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

constexpr unsigned kWinW = 1280, kWinH = 720;

std::string output_of(const std::string& cmd) {
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[256];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    ::pclose(p);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

int count_png(const fs::path& dir) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    n += e.path().extension() == ".png" && name.find(".tmp-") == std::string::npos;
  }
  return n;
}

// The newest screenshot after pressing F12, once it has appeared.
sf::Image shoot(const std::string& wid, const fs::path& dir) {
  const int before = count_png(dir);
  output_of("xdotool key --window " + wid + " F12");
  for (int i = 0; i < 100 && count_png(dir) == before; ++i) std::this_thread::sleep_for(50ms);
  fs::path newest;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".png" && e.path().string().find(".tmp-") == std::string::npos &&
        (newest.empty() || fs::last_write_time(e) > fs::last_write_time(newest))) {
      newest = e.path();
    }
  }
  sf::Image img;
  EXPECT_TRUE(!newest.empty() && img.loadFromFile(newest.string())) << "no screenshot in " << dir;
  return img;
}

int differing(const sf::Image& a, const sf::Image& b, sf::IntRect box) {
  int n = 0;
  for (int y = box.top; y < box.top + box.height; ++y) {
    for (int x = box.left; x < box.left + box.width; ++x) {
      n += a.getPixel(x, y) != b.getPixel(x, y);
    }
  }
  return n;
}

// An X server of the test's own, made the process's DISPLAY for as long as it lives. ctest
// runs the GUI tests in parallel on one xvfb-run display, which has no window manager: a
// window another test opened later lay over ours, and the click went to it (CI, asan pass).
class OwnDisplay {
 public:
  OwnDisplay(unsigned width, unsigned height) {
    if (const char* d = std::getenv("DISPLAY")) before_ = d;
    int fds[2];
    if (::pipe(fds) != 0) return;
    const std::string fd = std::to_string(fds[1]);
    const std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
    std::vector<std::string> args = {"Xvfb", "-displayfd", fd,    "-screen", "0",
                                     screen, "-nolisten",  "tcp", "-noreset"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const bool spawned = ::posix_spawnp(&pid_, "Xvfb", nullptr, nullptr, argv.data(), environ) == 0;
    ::close(fds[1]);
    // Xvfb writes its display number and a newline once it accepts clients.
    std::string number;
    pollfd p{fds[0], POLLIN, 0};
    while (spawned && ::poll(&p, 1, 10000) > 0) {
      char c = 0;
      if (::read(fds[0], &c, 1) != 1 || c == '\n') break;
      number += c;
    }
    ::close(fds[0]);
    if (!spawned) pid_ = 0;
    if (number.empty()) return;
    name_ = ":" + number;
    ::setenv("DISPLAY", name_.c_str(), 1);
  }
  ~OwnDisplay() {
    if (before_.empty()) {
      ::unsetenv("DISPLAY");
    } else {
      ::setenv("DISPLAY", before_.c_str(), 1);
    }
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int st = 0;
      ::waitpid(pid_, &st, 0);
    }
  }
  OwnDisplay(const OwnDisplay&) = delete;
  OwnDisplay& operator=(const OwnDisplay&) = delete;
  const std::string& name() const { return name_; }  // empty: it did not start

 private:
  pid_t pid_ = 0;
  std::string name_;
  std::string before_;
};

// Where the window's map puts a unit at t = 0: the same painter and camera, offscreen.
sf::Vector2f a_unit_on_screen(const Layout& l) {
  const auto& th = testing::theatre();
  sim::Simulation run(
      sim::load_scenario(std::string(RFSIM_ASSETS_DIR) + "/scenarios/partial-ceasefire.toml", th),
      th);
  const auto mw = static_cast<unsigned>(l.width - l.left_w - l.right_w);
  const auto mh = static_cast<unsigned>(l.height - l.bottom_h);
  sf::RenderTexture tex;
  EXPECT_TRUE(tex.create(mw, mh));
  MapPainter painter(th);
  painter.draw(tex, snapshot_camera(th, mw, mh), scene_of_run(run));
  // A unit well inside the map, clear of the title bar and the legend.
  for (const MapPainter::DrawnUnit& d : painter.drawn_units()) {
    if (d.centre.x > 150 && d.centre.x < mw - 150 && d.centre.y > 120 && d.centre.y < mh - 120) {
      return {l.left_w + static_cast<float>(d.centre.x), static_cast<float>(d.centre.y)};
    }
  }
  ADD_FAILURE() << "no unit inside the map";
  return {};
}

TEST(GuiEndToEnd, PlayPauseClickAUnitAndInspectIt) {
  if (std::getenv("DISPLAY") == nullptr)
    GTEST_SKIP() << "needs an X server (ctest runs under xvfb-run)";
  if (output_of("command -v xdotool").empty()) GTEST_SKIP() << "needs xdotool";
  if (output_of("command -v Xvfb").empty()) GTEST_SKIP() << "needs Xvfb";
  const OwnDisplay display(kWinW, kWinH);
  ASSERT_FALSE(display.name().empty()) << "Xvfb did not start";
  const fs::path dir = fs::temp_directory_path() / ("rfsim-gui-e2e-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string size = std::to_string(kWinW) + "x" + std::to_string(kWinH);
  std::vector<std::string> args = {RFSIM_BINARY,       "gui",       "--size",  size,
                                   "--ui-scale",       "1",         "--speed", "3600",
                                   "--screenshot-dir", dir.string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  ASSERT_EQ(::posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ), 0);
  // Whatever assertion ends the test, the window goes with it: left running, it held the
  // test's output open and ctest waited its 300 s timeout for it.
  struct KillOnExit {
    pid_t pid;
    ~KillOnExit() {
      int st = 0;
      if (::waitpid(pid, &st, WNOHANG) == 0) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &st, 0);
      }
    }
  } guard{pid};

  std::string wid;
  for (int i = 0; i < 150 && wid.empty(); ++i) {
    // Its own window, by process: the display is ours, but say which window all the same.
    wid = output_of("xdotool search --onlyvisible --pid " + std::to_string(pid) +
                    " --name '^rfsim - ' 2>/dev/null | head -1");
    if (wid.empty()) std::this_thread::sleep_for(100ms);
  }
  ASSERT_FALSE(wid.empty()) << "the window never appeared";
  std::this_thread::sleep_for(800ms);

  const Layout l = layout_for(kWinW, kWinH, 1);
  const sf::Image start = shoot(wid, dir);
  ASSERT_EQ(start.getSize(), sf::Vector2u(kWinW, kWinH));

  // Click a unit: the inspector fills in and the map shows the selection around it.
  const sf::Vector2f unit = a_unit_on_screen(l);
  output_of("xdotool mousemove --window " + wid + " " + std::to_string(static_cast<int>(unit.x)) +
            " " + std::to_string(static_cast<int>(unit.y)) + " click 1");
  std::this_thread::sleep_for(400ms);
  output_of("xdotool mousemove --window " + wid + " 5 " + std::to_string(kWinH - 5));  // no tooltip
  std::this_thread::sleep_for(300ms);
  const sf::Image picked = shoot(wid, dir);
  const sf::IntRect inspector(static_cast<int>(kWinW - l.right_w), 30, static_cast<int>(l.right_w),
                              static_cast<int>(kWinH * 0.42f) - 30);
  EXPECT_GT(differing(start, picked, inspector), 500) << "the inspector did not change";
  const sf::IntRect around(static_cast<int>(unit.x) - 30, static_cast<int>(unit.y) - 25, 60, 50);
  EXPECT_GT(differing(start, picked, around), 20) << "no selection highlight at the unit";

  // Play for a second, pause: the clock moved; paused, it stays.
  // The clock line, below the Run panel's title bar (rows 0-34 held only its digits' tops: a
  // run that changed few digits differed in 30 pixels or fewer).
  const sf::IntRect clock(0, 0, static_cast<int>(l.left_w), 48);
  output_of("xdotool key --window " + wid + " space");
  std::this_thread::sleep_for(1200ms);
  output_of("xdotool key --window " + wid + " space");
  std::this_thread::sleep_for(300ms);
  const sf::Image paused = shoot(wid, dir);
  EXPECT_GT(differing(picked, paused, clock), 30) << "the clock did not run";
  std::this_thread::sleep_for(600ms);
  const sf::Image still = shoot(wid, dir);
  EXPECT_EQ(differing(paused, still, clock), 0) << "the clock ran while paused";

  // The game has play no save holds: Ctrl+Q asks first (the window stays), D discards.
  output_of("xdotool key --window " + wid + " ctrl+q");
  std::this_thread::sleep_for(600ms);
  int status = -1;
  ASSERT_EQ(::waitpid(pid, &status, WNOHANG), 0) << "Ctrl+Q closed an unsaved game at once";
  const sf::Image asked = shoot(wid, dir);
  const sf::IntRect middle(static_cast<int>(kWinW) / 2 - 150, static_cast<int>(kWinH) / 2 - 40, 300,
                           80);
  EXPECT_GT(differing(still, asked, middle), 2000) << "no question in the middle of the window";
  output_of("xdotool key --window " + wid + " d");
  for (int i = 0; i < 100; ++i) {
    if (::waitpid(pid, &status, WNOHANG) == pid) break;
    std::this_thread::sleep_for(50ms);
    if (i == 99) {
      ::kill(pid, SIGTERM);
      ::waitpid(pid, &status, 0);
      ADD_FAILURE() << "Discard did not close the window";
    }
  }
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  fs::remove_all(dir);
}

TEST(GuiEndToEnd, NoDisplaySaysWhatToDoAndExitsOne) {
  const std::string out =
      output_of("env -u DISPLAY " + std::string(RFSIM_BINARY) + " gui 2>&1; echo \"exit=$?\"");
  EXPECT_NE(out.find("xvfb-run"), std::string::npos) << out;
  EXPECT_NE(out.find("rfsim snapshot"), std::string::npos) << out;
  EXPECT_NE(out.find("exit=1"), std::string::npos) << out;
}

}  // namespace
}  // namespace rfsim::render::gui
