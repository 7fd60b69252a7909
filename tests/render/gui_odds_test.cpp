// "Odds from here" in the window: a click runs the futures in the background while the window
// keeps drawing, the fan chart appears with the numbers the engine gives for that moment,
// Cancel stops a long request, the futures' threads run below the window's, and the odds of
// one game are never shown for the next.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "batch/odds.hpp"
#include "batch/odds_file.hpp"
#include "gui_fixture.hpp"
#include "render/gui/odds_desk.hpp"
#include "saves/snapshot.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::render::gui {
namespace {

using testing::Window;

// Pixels of the fan's bands in `r`: blue well above red, which neither the panel's background
// nor its text has.
int band_pixels(const sf::Image& image, const sf::FloatRect& r) {
  int n = 0;
  for (auto y = static_cast<unsigned>(r.top); y < static_cast<unsigned>(r.top + r.height); ++y) {
    for (auto x = static_cast<unsigned>(r.left); x < static_cast<unsigned>(r.left + r.width); ++x) {
      if (x >= image.getSize().x || y >= image.getSize().y) continue;
      const sf::Color c = image.getPixel(x, y);
      n += c.b > c.r + 45 && c.b > 70;
    }
  }
  return n;
}

// Opens the Odds panel at day `day` and asks, by its button, for `futures` futures of `days`.
OddsDesk& ask_odds(Window& w, int day, int futures, int days) {
  w.session().jump_to(sim::SimTime::at(sim::Duration::days(day)));
  w.app().ui().want_odds = true;
  w.frames(3);
  EXPECT_TRUE(w.app().ui().odds);
  OddsDesk& desk = *w.app().ui().odds;
  desk.futures = futures;
  desk.days = days;
  w.click("odds/run");
  return desk;
}

TEST(GuiOdds, OddsFromHereDrawsTheFanChartOfThatMoment) {
  Window w(render::testing::partial_ceasefire());
  OddsDesk& desk = ask_odds(w, 2, 8, 3);
  // The window keeps drawing while the futures run; the fan appears when they are done.
  int frames = 0;
  for (; frames < 6000 && desk.kept().empty(); ++frames) {
    w.frames(1);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_EQ(desk.kept().size(), 1u) << "no odds after " << frames << " frames";
  w.frames(3);
  const batch::Odds& o = desk.kept()[0];
  EXPECT_EQ(o.at, sim::SimTime::at(sim::Duration::days(2)));
  EXPECT_EQ(o.futures, 8u);
  EXPECT_EQ(o.days, 3);
  EXPECT_NE(w.app().ui().status.find("8 futures of 3 days"), std::string::npos)
      << w.app().ui().status;

  // The engine's odds for the same moment, asked directly: the same numbers.
  batch::OddsRequest r;
  r.futures = 8;
  r.days = 3;
  const batch::Odds direct = batch::run_odds(w.run().scenario(), render::testing::theatre(),
                                             saves::take_snapshot(w.run()), r);
  EXPECT_EQ(direct.digest, o.digest);

  // A chart per headline measure; violations a day spread over the futures, so its bands
  // cover much of its chart (ground may not change hands at all in three days).
  const auto& controls = w.app().ui().controls;
  for (const char* name :
       {"odds/fan/violations_per_day", "odds/fan/ground_changed_km2", "odds/fan/escalation"}) {
    EXPECT_TRUE(controls.count(name)) << name << " not drawn";
  }
  ASSERT_GT(o.fans[0].days[0].p95, o.fans[0].days[0].p5) << "no spread to draw: a weak test";
  const sf::FloatRect fan = controls.at("odds/fan/violations_per_day");
  EXPECT_GT(band_pixels(w.image(), fan), static_cast<int>(fan.width * fan.height / 10))
      << "the violations' bands are not drawn";
}

// Asks, at day 1, for more futures than any test waits for (5,000 of a year): still running.
OddsDesk& start_long_request(Window& w) {
  return ask_odds(w, 1, 5000, 365);
}

TEST(GuiOdds, CancelStopsALongRequest) {
  Window w(render::testing::partial_ceasefire());
  OddsDesk& desk = start_long_request(w);
  ASSERT_TRUE(desk.running());
  w.click("odds/cancel");
  w.frames(2);
  EXPECT_FALSE(desk.running());
  EXPECT_TRUE(desk.kept().empty());
  EXPECT_EQ(w.app().ui().status, "Odds cancelled.");
}

// A save of the scenario at day `days`, in a folder of this test's own.
std::filesystem::path saved_game(const std::string& name, int days) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("rfsim-gui-odds-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  Session s(render::testing::partial_ceasefire(), render::testing::theatre());
  s.jump_to(sim::SimTime::at(sim::Duration::days(days)));
  s.save_to(dir / name);
  return dir / name;
}

bool fan_drawn(const UiState& ui) {
  for (const auto& [name, rect] : ui.controls) {
    if (name.rfind("odds/fan/", 0) == 0) return true;
  }
  return false;
}

TEST(GuiOdds, ANewGameStopsTheFuturesOfTheLastOne) {
  Window w(render::testing::partial_ceasefire());
  OddsDesk& desk = start_long_request(w);
  ASSERT_TRUE(desk.running());
  // The editor's "Start a new game from this scenario" ends in the same call.
  w.session().new_game(render::testing::partial_ceasefire());
  w.frames(2);
  EXPECT_FALSE(desk.running()) << "the last game's futures still run";
  EXPECT_EQ(desk.progress(), (std::pair<std::size_t, std::size_t>{0, 0}));
  EXPECT_TRUE(desk.kept().empty());
  EXPECT_TRUE(w.app().ui().controls.count("odds/run")) << "the panel cannot be asked again";
}

TEST(GuiOdds, TheFanChartOfTheLastGameIsNotShownForTheNextOne) {
  const auto first = saved_game("first.rfsave", 2);
  const auto second = saved_game("second.rfsave", 1);
  Window w(render::testing::partial_ceasefire());
  w.session().open(first);
  OddsDesk& desk = ask_odds(w, 2, 4, 2);
  for (int i = 0; i < 6000 && desk.kept().empty(); ++i) {
    w.frames(1);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_EQ(desk.kept().size(), 1u);
  w.frames(2);
  ASSERT_TRUE(fan_drawn(w.app().ui())) << "no fan chart to lose: a weak test";

  w.session().open(second);
  w.frames(3);
  EXPECT_TRUE(desk.kept().empty());
  EXPECT_FALSE(fan_drawn(w.app().ui())) << "the first game's fan chart is on the second's screen";
  std::filesystem::remove_all(first.parent_path());
}

TEST(GuiOdds, FuturesThatFinishAfterTheGameChangedAreDropped) {
  const auto first = saved_game("first.rfsave", 1);
  const auto second = saved_game("second.rfsave", 1);  // the same moment, another game
  Window w(render::testing::partial_ceasefire());
  w.session().open(first);
  OddsDesk desk;
  batch::OddsRequest r;
  r.futures = 4;
  r.days = 2;
  desk.start(w.session(), r);
  w.session().open(second);
  desk.wait();  // they finish after the game changed, however long that took
  EXPECT_EQ(desk.poll(w.session()), std::nullopt);
  EXPECT_TRUE(desk.kept().empty()) << "the first game's odds kept for the second";
  EXPECT_FALSE(std::filesystem::exists(batch::odds_file_for(second)))
      << "the first game's odds written beside the second's save";
  EXPECT_FALSE(desk.running());
  std::filesystem::remove_all(first.parent_path());
}

// The nice value of every thread of this process (/proc/self/task/*/stat, field 19).
std::vector<int> nice_of_threads() {
  std::vector<int> nice;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream in(task.path() / "stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::size_t after_name = stat.rfind(')');
    if (after_name == std::string::npos) continue;
    std::istringstream fields(stat.substr(after_name + 2));  // from field 3, the state
    std::string field;
    for (int i = 3; i <= 19 && fields >> field; ++i) {
      if (i == 19) nice.push_back(std::stoi(field));
    }
  }
  return nice;
}

TEST(GuiOdds, TheFuturesRunBelowTheWindow) {
  const int window = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
  const int futures = std::min(19, window + 19);
  if (window >= futures) GTEST_SKIP() << "run at nice 19: no lower priority to compare with";
  Window w(render::testing::partial_ceasefire());
  OddsDesk desk;
  batch::OddsRequest r;
  r.futures = 400;
  r.days = 60;
  r.threads = 2;
  desk.start(w.session(), r);
  // The desk's thread and the pool's two: until the pool has started, fewer.
  std::size_t below = 0;
  for (int i = 0; i < 2000 && below < 3; ++i) {
    const std::vector<int> nice = nice_of_threads();
    below = static_cast<std::size_t>(std::count(nice.begin(), nice.end(), futures));
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  EXPECT_GE(below, 3u) << "the futures' threads do not run at nice " << futures;
  EXPECT_EQ(::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid))), window)
      << "the window's thread lost its priority";
  desk.cancel();
}

// The two share the map's top left corner, Branches' bar under Odds': the one opened (O, T)
// unfolds over the other, which folds rather than lie under it with its content hidden.
TEST(GuiOdds, OddsAndBranchesFoldEachOther) {
  Window w(render::testing::partial_ceasefire());
  auto folded = [](const char* name) {
    const ImGuiWindow* window = ImGui::FindWindowByName(name);
    return window == nullptr || window->Collapsed;
  };
  w.app().ui().want_odds = true;
  w.frames(3);
  ASSERT_FALSE(folded("Odds from here"));
  w.app().ui().want_branches = true;
  w.frames(3);
  EXPECT_FALSE(folded("Branches"));
  EXPECT_TRUE(folded("Odds from here")) << "Branches opened over the odds' content";
  w.app().ui().want_odds = true;
  w.frames(3);
  EXPECT_FALSE(folded("Odds from here"));
  EXPECT_TRUE(folded("Branches")) << "the odds opened over the branches' content";
}

}  // namespace
}  // namespace rfsim::render::gui
