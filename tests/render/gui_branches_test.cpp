// "Branches side by side" in the window: the saves of a test game listed as a tree, a branch
// compared with the game at the same simulated time (measures side by side, its map on the
// A/B toggle), and a warning when the branch cannot reach the game's time.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "gui_fixture.hpp"
#include "render/gui/branch_desk.hpp"
#include "sim/derived_measures.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::render::gui {
namespace {

using sim::Duration;
using sim::SimTime;
using testing::Window;

SimTime day(double d) {
  return SimTime::at(Duration::hours(static_cast<std::int64_t>(d * 24)));
}

// game.rfsave to day 3; what-if.rfsave forks it at day 1 (regime withdrawn) and goes to day 3;
// short.rfsave forks it at day 1 too and stops at day 2.
std::filesystem::path make_game() {
  const auto dir =
      std::filesystem::temp_directory_path() / ("rfsim-gui-branches-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  sim::Inject none;
  none.kind = sim::InjectKind::SetRegime;
  none.regime = sim::Regime::None;
  for (const auto& [name, until] : {std::pair{"what-if.rfsave", 3.0}, {"short.rfsave", 2.0}}) {
    Session s(render::testing::partial_ceasefire(), render::testing::theatre());
    if (std::filesystem::exists(dir / "game.rfsave")) {
      s.open(dir / "game.rfsave");
    } else {
      s.jump_to(day(3));
      s.save_to(dir / "game.rfsave");
    }
    s.jump_to(day(1));
    s.inject(none);  // behind the end: forks the game here
    s.jump_to(day(until));
    s.branch_to(dir / name);
  }
  return dir;
}

std::size_t index_of(const BranchDesk& desk, const std::string& name) {
  const auto& saves = desk.tree().saves;
  for (std::size_t i = 0; i < saves.size(); ++i) {
    if (saves[i].name == name) return i;
  }
  ADD_FAILURE() << name << " not in the tree";
  return 0;
}

std::string compared(const UiState& ui, const std::string& measure) {
  for (const std::string& row : ui.compared) {
    if (row.rfind(measure + ": ", 0) == 0) return row;
  }
  return "(no row " + measure + ")";
}

TEST(GuiBranches, ListsTheTreeAndComparesAtTheSameTime) {
  const auto dir = make_game();
  Window w(render::testing::partial_ceasefire());
  w.session().open(dir / "game.rfsave");
  w.app().ui().want_branches = true;
  w.frames(3);
  UiState& ui = w.app().ui();
  ASSERT_TRUE(ui.branches);
  BranchDesk& desk = *ui.branches;
  // The game's folder is scanned: the parent first, its two branches under it.
  ASSERT_EQ(ui.branch_rows.size(), 3u);
  EXPECT_EQ(ui.branch_rows[0].rfind("game.rfsave", 0), 0u) << ui.branch_rows[0];
  EXPECT_EQ(ui.branch_rows[1].rfind("  ", 0), 0u) << ui.branch_rows[1];
  EXPECT_EQ(ui.branch_rows[2].rfind("  ", 0), 0u) << ui.branch_rows[2];

  w.session().jump_to(day(2.5));
  w.click("branches/compare/" + std::to_string(index_of(desk, "what-if.rfsave")));
  ASSERT_NE(desk.other(), nullptr);
  EXPECT_EQ(desk.other_name(), "what-if.rfsave");
  EXPECT_EQ(desk.other()->now(), w.session().now()) << "B is not at A's time";
  EXPECT_EQ(desk.time_warning(w.session()), "");

  // The measures side by side are each branch's own at that time.
  Session b(render::testing::partial_ceasefire(), render::testing::theatre());
  b.open(dir / "what-if.rfsave");
  b.jump_to(day(2.5));
  const sim::DerivedMeasure* v = sim::find_measure("violations");
  const auto count = [](double x) { return std::to_string(static_cast<long long>(x)); };
  EXPECT_EQ(compared(ui, "violations"),
            "violations: " + count(v->of(w.run())) + " | " + count(v->of(b.run())));
  EXPECT_NE(v->of(w.run()), v->of(b.run())) << "the branches do not differ: a weak test";

  // A moves on; B follows to the same time.
  w.session().jump_to(day(3));
  w.frames(2);
  EXPECT_EQ(desk.other()->now(), day(3));

  // The map's A/B toggle: B's map is drawn, and it differs from A's.
  const sf::Image a_map = w.image();
  w.click("branches/map_b");
  EXPECT_EQ(&map_session(w.session(), ui), desk.other());
  const sf::Image b_map = w.image();
  const sf::FloatRect area = w.app().map().area();
  int differ = 0;
  for (unsigned y = static_cast<unsigned>(area.top); y < area.top + area.height; y += 2) {
    for (unsigned x = static_cast<unsigned>(area.left); x < area.left + area.width; x += 2) {
      differ += a_map.getPixel(x, y) != b_map.getPixel(x, y);
    }
  }
  EXPECT_GT(differ, 200) << "the map did not change to B's";
  w.click("branches/map_a");
  EXPECT_EQ(&map_session(w.session(), ui), &w.session());
  std::filesystem::remove_all(dir);
}

TEST(GuiBranches, WarnsWhenTheBranchEndsBeforeTheGamesTime) {
  const auto dir = make_game();
  Window w(render::testing::partial_ceasefire());
  w.session().open(dir / "game.rfsave");
  w.app().ui().want_branches = true;
  w.frames(3);
  BranchDesk& desk = *w.app().ui().branches;
  w.session().jump_to(day(3));
  w.click("branches/compare/" + std::to_string(index_of(desk, "short.rfsave")));
  ASSERT_NE(desk.other(), nullptr);
  EXPECT_EQ(desk.other()->now(), day(2)) << "B went past its recording's end";
  const std::string warning = desk.time_warning(w.session());
  EXPECT_EQ(warning.rfind("Times differ", 0), 0u) << warning;
  std::filesystem::remove_all(dir);
}

TEST(GuiBranches, ANewGameStopsTheComparisonAndListsItsOwnFolder) {
  const auto dir = make_game();
  Window w(render::testing::partial_ceasefire());
  w.session().open(dir / "game.rfsave");
  w.app().ui().want_branches = true;
  w.frames(3);
  UiState& ui = w.app().ui();
  BranchDesk& desk = *ui.branches;
  w.session().jump_to(day(2));
  w.click("branches/compare/" + std::to_string(index_of(desk, "what-if.rfsave")));
  w.click("branches/map_b");
  ASSERT_NE(desk.other(), nullptr);
  ASSERT_FALSE(ui.compared.empty());

  // A new game of the scenario (the editor's path): no file, so no folder, no tree, no B.
  w.session().new_game(render::testing::partial_ceasefire());
  w.frames(2);
  EXPECT_EQ(desk.other(), nullptr) << "the last game's branch B is compared with the new game";
  EXPECT_EQ(&map_session(w.session(), ui), &w.session()) << "the map draws the last game's B";
  EXPECT_TRUE(ui.compared.empty());
  EXPECT_TRUE(ui.branch_rows.empty()) << "the last game's tree is listed for the new one";
  EXPECT_FALSE(desk.scanned());

  // Compared again, then a save opened (the Saves panel's path): the comparison stops, and the
  // tree is the opened save's folder's, scanned anew.
  w.session().open(dir / "game.rfsave");
  w.frames(3);
  ASSERT_EQ(ui.branch_rows.size(), 3u);
  w.click("branches/compare/" + std::to_string(index_of(desk, "short.rfsave")));
  ASSERT_NE(desk.other(), nullptr);
  w.session().open(dir / "what-if.rfsave");
  w.frames(3);
  EXPECT_EQ(desk.other(), nullptr);
  EXPECT_TRUE(ui.compared.empty());
  EXPECT_EQ(ui.branch_rows.size(), 3u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rfsim::render::gui
