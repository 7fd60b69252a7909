// The ORBAT and scenario editor, driven by clicks and keys as a facilitator would: open it (E),
// add a unit where the map is selected, move it by a click on the map, edit a caveat and the
// decisions setting, save; the file validates and loads with those changes, and an existing
// file is not overwritten without asking.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <unistd.h>
#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "gui_fixture.hpp"
#include "render/gui/orbat_desk.hpp"
#include "sim/scenario_loader.hpp"
#include "sim/scenario_writer.hpp"

namespace rfsim::render::gui {
namespace {

using namespace rfsim::render::testing;
using rfsim::render::gui::testing::Window;

void press_key(Window& w, sf::Keyboard::Key k) {
  sf::Event e{};
  e.type = sf::Event::KeyPressed;
  e.key.code = k;
  w.event(e);
}

void tap_key(Window& w, sf::Keyboard::Key k) {
  sf::Event e{};
  e.type = sf::Event::KeyPressed;
  e.key.code = k;
  w.app().handle(e);
  w.frames(1);
  e.type = sf::Event::KeyReleased;
  w.app().handle(e);
  w.frames(1);
}

// The editor scrolled, as a mouse wheel would, until the control is in sight: its window is no
// taller than the map, and a unit's keys come below the force's tree.
void bring_into_view(Window& w, const std::string& control) {
  ImGuiWindow* editor = ImGui::FindWindowByName("ORBAT and scenario editor (E)");
  ASSERT_NE(editor, nullptr);
  const sf::FloatRect r = w.app().ui().controls.at(control);
  const float bottom = editor->InnerRect.Max.y - 4;
  if (r.top + r.height > bottom) {
    ImGui::SetScrollY(editor, editor->Scroll.y + (r.top + r.height - bottom) + 8);
    w.frames(2);
  }
}

// A field's text replaced as a keyboard does it: clicked, emptied from its end, typed.
void replace_text(Window& w, const std::string& field, const std::string& text) {
  bring_into_view(w, field);
  w.click(field);
  tap_key(w, sf::Keyboard::End);
  for (int i = 0; i < 8; ++i) tap_key(w, sf::Keyboard::BackSpace);
  testing::type_text(w, text);
  tap_key(w, sf::Keyboard::Enter);
}

bool has_problem_at(const OrbatDesk& d, const std::string& path) {
  return std::any_of(d.problems.begin(), d.problems.end(),
                     [&](const sim::ScenarioError& e) { return e.path() == path; });
}

// A region of `candidates` and a pixel of it on the map, clear of the editor's window, where a
// click picks that region and no unit.
std::pair<map::RegionId, sf::Vector2f> clear_region(Window& w,
                                                    const std::vector<std::string>& candidates) {
  const ImGuiWindow* editor = ImGui::FindWindowByName("ORBAT and scenario editor (E)");
  for (const std::string& id : candidates) {
    const map::RegionId r = theatre().require(id);
    const sf::Vector2f px = w.app().map().to_window(theatre().region(r).label);
    if (editor != nullptr && editor->Rect().Contains(ImVec2(px.x, px.y))) continue;
    const Pick p = w.app().map().pick(px);
    if (!p.unit && !p.violation && p.region == std::optional<map::RegionId>(r)) return {r, px};
  }
  ADD_FAILURE() << "no candidate region is clear on the map";
  return {0, {0, 0}};
}

// A tab is clicked as a mouse does it: over it for a frame first. ImGui's tabs let another item
// keep a hover that began in the frame before (AllowItemOverlap), so a click that jumps there
// from a button in one frame would not land.
void click_tab(Window& w, const std::string& name) {
  const sf::FloatRect r = w.app().ui().controls.at(name);
  sf::Event move{};
  move.type = sf::Event::MouseMoved;
  move.mouseMove = {static_cast<int>(r.left + r.width / 2), static_cast<int>(r.top + r.height / 2)};
  w.event(move);
  w.click(name);
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(GuiOrbat, AddMoveEditCaveatSaveAndTheFileValidates) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("rfsim-orbat-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::filesystem::path file = dir / "edited.toml";

  Window w(render::testing::partial_ceasefire());
  press_key(w, sf::Keyboard::E);
  ASSERT_TRUE(w.app().ui().show_orbat);
  ASSERT_TRUE(w.app().ui().orbat);
  OrbatDesk& desk = *w.app().ui().orbat;
  EXPECT_TRUE(desk.problems.empty()) << desk.problems.front().what();
  const std::size_t units_before = desk.scenario.units.size();
  const std::size_t runs_units = w.run().scenario().units.size();

  // The new unit's home: the region selected on the map.
  const auto [home, home_px] = clear_region(
      w, {"vinnytsia", "zhytomyr", "khmelnytskyi", "cherkasy", "kirovohrad", "poltava", "odesa"});
  w.click_at(home_px);
  ASSERT_EQ(w.app().ui().selected.region, std::optional<map::RegionId>(home));
  click_tab(w, "orbat/tab/add");
  w.click("orbat/new_id");
  testing::type_text(w, "uk-new-qrf");
  w.click("orbat/add");
  ASSERT_EQ(desk.scenario.units.size(), units_before + 1) << desk.message;
  const sim::UnitSpec& added = desk.scenario.units.back();
  EXPECT_EQ(added.id, "uk-new-qrf");
  EXPECT_EQ(desk.scenario.nations[added.nation].code, "UK");
  EXPECT_EQ(added.home, home);

  // Moved by a click on the map: Place on map, then the region.
  click_tab(w, "orbat/tab/force");
  w.click("orbat/place");
  ASSERT_TRUE(desk.placing);
  const auto [moved, moved_px] =
      clear_region(w, {"rivne", "ternopil", "lviv", "kyiv_oblast", "chernihiv", "mykolaiv"});
  ASSERT_NE(moved, home);
  w.click_at(moved_px);
  EXPECT_FALSE(desk.placing);
  EXPECT_EQ(desk.scenario.units.back().home, moved) << desk.message;
  // That click selected nothing: the new unit's home is still the region selected.
  EXPECT_EQ(w.app().ui().selected.region, std::optional<map::RegionId>(home));

  // UK's caveats: the selected region allowed (UK had no list: anywhere), and a player decides.
  click_tab(w, "orbat/tab/caveats");
  ASSERT_EQ(desk.scenario.nations[0].code, "UK");
  const bool asked_before = desk.scenario.nations[0].ask;
  w.click("orbat/allow");
  w.click("orbat/ask");
  EXPECT_EQ(desk.scenario.nations[0].ask, !asked_before);
  ASSERT_EQ(desk.scenario.nations[0].allowed.size(), 1u);
  EXPECT_TRUE(desk.problems.empty()) << desk.problems.front().what();

  // The running game is not what the editor edits.
  EXPECT_EQ(w.run().scenario().units.size(), runs_units);

  w.click("orbat/path");
  testing::type_text(w, file.string());
  w.click("orbat/save");
  ASSERT_TRUE(std::filesystem::exists(file)) << desk.message;

  const sim::ScenarioCheck c = sim::check_scenario_file(file, theatre());
  ASSERT_TRUE(c.problems.empty()) << c.problems.front().what();
  const sim::Scenario& s = *c.scenario;
  ASSERT_EQ(s.units.size(), units_before + 1);
  EXPECT_EQ(s.units.back().id, "uk-new-qrf");
  EXPECT_EQ(s.units.back().home, moved);
  EXPECT_EQ(s.nations[0].ask, !asked_before);
  EXPECT_EQ(s.nations[0].allowed, std::vector<map::RegionId>{home});

  // Saved again over it: asked first, and the file stays as it was until the answer.
  const std::string first = slurp(file);
  w.click("orbat/ask");  // a change, so that an overwrite would show
  w.click("orbat/save");
  EXPECT_TRUE(desk.confirm_overwrite);
  EXPECT_TRUE(slurp(file) == first) << "the file changed";
  w.click("orbat/cancel");
  EXPECT_TRUE(slurp(file) == first) << "the file changed";
  w.click("orbat/save");
  w.click("orbat/overwrite");
  EXPECT_TRUE(slurp(file) != first) << "the file was not overwritten";
  const sim::ScenarioCheck again = sim::check_scenario_file(file, theatre());
  ASSERT_TRUE(again.problems.empty());
  EXPECT_EQ(again.scenario->nations[0].ask, asked_before);
  std::filesystem::remove_all(dir);
}

// A problem shows live with `rfsim validate`'s message, and the editor refuses to save it.
TEST(GuiOrbat, LiveValidationShowsValidatesMessagesAndBlocksTheSave) {
  Window w(render::testing::partial_ceasefire());
  press_key(w, sf::Keyboard::E);
  OrbatDesk& desk = *w.app().ui().orbat;
  desk.scenario.units[1].id = desk.scenario.units[0].id;  // as a hand edit could make it
  desk.checked = false;
  w.frames(2);
  ASSERT_EQ(desk.problems.size(), 1u);
  EXPECT_NE(std::string(desk.problems[0].what()).find(": units[1].id: duplicate unit id"),
            std::string::npos)
      << desk.problems[0].what();
  const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                     ("rfsim-orbat-bad-" + std::to_string(::getpid()) + ".toml");
  w.click("orbat/path");
  testing::type_text(w, file.string());
  w.click("orbat/save");
  EXPECT_FALSE(std::filesystem::exists(file));
  EXPECT_NE(desk.message.find("Not saved"), std::string::npos) << desk.message;
}

// The header, a unit's notice and the MSEL edited in the window, then a new game started from
// the edited scenario without saving it: the unsaved game is asked about first, and the new
// game has the edits.
TEST(GuiOrbat, EditHeaderUnitAndMselThenStartANewGameFromIt) {
  Window w(render::testing::partial_ceasefire());
  press_key(w, sf::Keyboard::E);
  OrbatDesk& desk = *w.app().ui().orbat;
  UiState& ui = w.app().ui();

  click_tab(w, "orbat/tab/scenario");
  replace_text(w, "orbat/field/scenario.length", "28d");
  EXPECT_EQ(desk.scenario.length, sim::Duration::days(28));
  // A length that does not read is said under the field; the scenario keeps the last good one.
  replace_text(w, "orbat/field/scenario.length", "20x");
  EXPECT_EQ(desk.scenario.length, sim::Duration::days(28));
  replace_text(w, "orbat/field/scenario.length", "28d");
  // A number out of range: validate's message, at its field path.
  replace_text(w, "orbat/field/scenario.cameras_per_sector", "5000");
  EXPECT_EQ(desk.scenario.cameras_per_sector, 5000);
  ASSERT_TRUE(has_problem_at(desk, "scenario.cameras_per_sector"))
      << (desk.problems.empty() ? "no problem" : desk.problems.front().what());
  replace_text(w, "orbat/field/scenario.cameras_per_sector", "4");
  EXPECT_TRUE(desk.problems.empty()) << desk.problems.front().what();
  // The shared lift's capacity (issue 12), a header key like the others.
  replace_text(w, "orbat/field/scenario.airlift_loads_per_day", "0");
  EXPECT_TRUE(has_problem_at(desk, "scenario.airlift_loads_per_day"));
  replace_text(w, "orbat/field/scenario.airlift_loads_per_day", "30");
  EXPECT_EQ(desk.scenario.airlift_loads_per_day, 30);
  EXPECT_TRUE(desk.problems.empty()) << desk.problems.front().what();

  // A unit's notice to move, in the unit's own keys.
  click_tab(w, "orbat/tab/force");
  w.click("orbat/search");
  testing::type_text(w, "uk-qrf");
  w.click("orbat/unit/uk-qrf");
  ASSERT_GE(desk.unit, 0);
  ASSERT_EQ(desk.scenario.units[static_cast<std::size_t>(desk.unit)].id, "uk-qrf");
  const std::size_t qrf = static_cast<std::size_t>(desk.unit);
  replace_text(w, "orbat/field/unit.notice", "45m");
  EXPECT_EQ(desk.scenario.units[qrf].notice, sim::Duration::minutes(45));

  // The MSEL: a line added (first in time order), one refused with validate's message, one
  // deleted (the shipped MSEL's lines run to 24d).
  click_tab(w, "orbat/tab/msel");
  const std::size_t lines = desk.scenario.injects.size();
  ASSERT_GT(lines, 1u);
  w.click("orbat/msel/add");
  ASSERT_EQ(desk.msel.line, -2);
  desk.msel.kind = static_cast<int>(sim::InjectKind::SetRegime);
  desk.msel.regime = static_cast<int>(sim::Regime::None);
  testing::set_text(desk.msel.at, "T+2d");
  testing::set_text(desk.msel.note, "talks collapse");
  w.click("orbat/msel/form/save");
  ASSERT_EQ(desk.scenario.injects.size(), lines + 1) << desk.msel.error;
  EXPECT_EQ(desk.scenario.injects[0].at, sim::Duration::days(2));
  EXPECT_EQ(desk.scenario.injects[0].kind, sim::InjectKind::SetRegime);
  EXPECT_EQ(desk.scenario.injects[0].note, "talks collapse");
  EXPECT_EQ(desk.msel.line, -1);
  w.click("orbat/msel/add");
  testing::set_text(desk.msel.at, "29d");  // after the length, 28d
  w.click("orbat/msel/form/save");
  EXPECT_EQ(desk.scenario.injects.size(), lines + 1);
  EXPECT_NE(desk.msel.error.find("injects["), std::string::npos) << desk.msel.error;
  w.click("orbat/msel/form/close");
  const sim::Duration deleted = desk.scenario.injects[1].at;
  w.click("orbat/msel/delete/1");
  ASSERT_EQ(desk.scenario.injects.size(), lines);
  EXPECT_NE(desk.scenario.injects[1].at, deleted);
  EXPECT_TRUE(desk.problems.empty()) << desk.problems.front().what();
  const std::size_t kept = desk.scenario.injects.size();

  // What the editor would write reads back to the same scenario: written again, the same text.
  const sim::Scenario back = sim::parse_scenario(desk.text, "edited.toml", theatre());
  EXPECT_EQ(sim::write_scenario(back, theatre()), desk.text);

  // A command given: the game in the window has play no save holds; a new game asks first.
  w.session().jump_to(sim::SimTime::at(sim::Duration::hours(12)));
  sim::Inject full;
  full.kind = sim::InjectKind::SetRegime;
  full.regime = sim::Regime::Full;
  w.session().inject(full);
  ASSERT_TRUE(w.session().unsaved());
  w.click("orbat/new_game");
  ASSERT_TRUE(ui.leaving);
  EXPECT_EQ(ui.leaving->kind, Leaving::Kind::NewGame);
  EXPECT_EQ(w.run().scenario().length, sim::Duration::days(30));  // not yet
  w.click("unsaved/discard");
  EXPECT_FALSE(ui.leaving);
  const sim::Scenario& s = w.run().scenario();
  EXPECT_EQ(s.length, sim::Duration::days(28));
  EXPECT_EQ(w.session().end(), sim::SimTime::at(sim::Duration::days(28)));
  EXPECT_EQ(s.cameras_per_sector, 4);
  EXPECT_EQ(s.airlift_loads_per_day, 30);
  EXPECT_EQ(s.units[qrf].id, "uk-qrf");
  EXPECT_EQ(s.units[qrf].notice, sim::Duration::minutes(45));
  EXPECT_EQ(s.injects.size(), kept);
  EXPECT_EQ(w.session().now(), sim::SimTime::start());
  EXPECT_TRUE(w.session().recording().commands().empty());
  EXPECT_TRUE(w.session().file().empty());
  EXPECT_FALSE(w.session().unsaved());
  // The save of the new game carries the edited scenario's text, as every save does.
  EXPECT_NE(w.session().recording().save().scenario_text.find("length = \"28d\""),
            std::string::npos);
  // It plays the edited MSEL: the regime falls at 2d.
  w.session().jump_to(sim::SimTime::at(sim::Duration::days(2) - sim::Duration::minutes(1)));
  EXPECT_EQ(w.run().world().regime, sim::Regime::Partial);
  w.session().jump_to(sim::SimTime::at(sim::Duration::days(2)));
  EXPECT_EQ(w.run().world().regime, sim::Regime::None);
}

}  // namespace
}  // namespace rfsim::render::gui
