// A layout that fits a room: at 1280x720 (UI scale 1 and 1.25) and at 1920x1080 (1.25 and
// 1.5), every named control the window draws, with each panel opened in turn, lies whole
// inside the window and inside its panel (nothing cut off at a panel's edge), or its panel
// scrolls it there; and the editor's unit tree keeps room to read at 1280x720.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <SFML/Graphics/RenderTexture.hpp>

#include <SFML/Window/Event.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <string>

#include "gui_fixture.hpp"
#include "render/gui/gui_app.hpp"
#include "render/gui/orbat_desk.hpp"
#include "render/gui/panels.hpp"
#include "render_fixture.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::render::gui {
namespace {

using namespace rfsim::render::testing;

struct Room {
  unsigned w, h;
  float scale;
};

// Frames drawn into a texture of the room's size, as the window draws them.
struct LayoutRig {
  Room room;
  sf::RenderTexture target;
  std::unique_ptr<GuiApp> app;

  explicit LayoutRig(Room r, sim::Scenario sc) : room(r) {
    EXPECT_TRUE(target.create(room.w, room.h));
    EXPECT_TRUE(target.setActive(true));
    GuiOptions o;
    o.ui_scale = room.scale;
    app = std::make_unique<GuiApp>(theatre(), std::move(sc), o);
  }
  void frames(int n, double dt = 1.0 / 60) {
    for (int i = 0; i < n; ++i) {
      app->frame(target, {room.w, room.h}, dt);
      target.display();
    }
  }
  sf::FloatRect window() const {
    return {0, 0, static_cast<float>(room.w), static_cast<float>(room.h)};
  }
  // Seen whole: inside the window and inside what its panel (or table column) shows.
  bool seen_whole(const std::string& name) const {
    const std::map<std::string, sf::FloatRect>& controls = app->ui().controls;
    const std::map<std::string, sf::FloatRect>& clips = app->ui().control_clips;
    const auto it = controls.find(name);
    const auto clip = clips.find(name);
    if (it == controls.end() || clip == clips.end()) return false;
    const sf::FloatRect& r = it->second;
    auto within = [&](const sf::FloatRect& box) {
      constexpr float kSlack = 0.5f;  // ImGui rounds item edges to whole pixels
      return r.left >= box.left - kSlack && r.top >= box.top - kSlack &&
             r.left + r.width <= box.left + box.width + kSlack &&
             r.top + r.height <= box.top + box.height + kSlack;
    };
    return r.width > 0 && r.height > 0 && within(window()) && within(clip->second);
  }
  // Scrolls the control's own panel under the mouse wheel until the control is seen whole, as
  // far as scrolling can (a control cut off at a panel's side stays cut off). The wheel goes
  // first in the middle of what the panel shows, so that it is that panel that scrolls, not
  // the one the control has run under; when that moves nothing (a list inside a window that
  // scrolls too, as the editor's tree), just above or below it, in the window around it.
  void bring_into_sight(const std::string& name) {
    for (int wheel = 0; wheel < 80 && app->ui().controls.count(name) && !seen_whole(name);
         ++wheel) {
      const sf::FloatRect r = app->ui().controls.at(name);
      const sf::FloatRect clip = app->ui().control_clips.at(name);
      if (r.left < clip.left - 0.5f || r.left + r.width > clip.left + clip.width + 0.5f) return;
      const float x = clip.left + clip.width / 2;
      const float towards = r.top > clip.top ? -1.0f : 1.0f;  // the wheel towards the control
      bool moved = false;
      for (const float y : {clip.top + clip.height / 2, clip.top - 6, clip.top + clip.height + 6}) {
        if (y < 1 || y > window().height - 1 ||
            (y != clip.top + clip.height / 2 && clip.height <= 0))
          continue;
        sf::Event e{};
        e.type = sf::Event::MouseMoved;
        e.mouseMove = {static_cast<int>(x), static_cast<int>(y)};
        app->handle(e);
        e.type = sf::Event::MouseWheelScrolled;
        e.mouseWheelScroll = {sf::Mouse::VerticalWheel, towards, static_cast<int>(x),
                              static_cast<int>(y)};
        app->handle(e);
        frames(2);
        if (!app->ui().controls.count(name) || !(app->ui().controls.at(name) == r)) {
          moved = true;
          break;
        }
      }
      if (!moved) return;  // nothing scrolls it further
    }
  }
  // Every named control drawn now (log lines aside: only those in sight are named) is seen
  // whole, or its panel brings it into sight under the mouse wheel: nothing is cut off at a
  // panel's edge, nothing needs a window larger than the room's.
  void expect_every_control_reachable(const std::string& state) {
    std::vector<std::string> names;
    for (const auto& [name, r] : app->ui().controls) {
      // Not the editor's force tree either: a list that scrolls inside a window that scrolls,
      // whose rows the wheel here cannot tell apart from the window's; its room is
      // LayoutEditor's.
      const bool tree_row = name.starts_with("orbat/nation/") || name.starts_with("orbat/type/") ||
                            name.starts_with("orbat/unit/");
      if (!name.starts_with("log/") && !tree_row) names.push_back(name);
    }
    ASSERT_FALSE(names.empty()) << state << ": no control drawn";
    for (const std::string& name : names) {
      // The commands given are a list that draws only the rows in sight: a row scrolled out
      // of it while an earlier control was brought into sight is not drawn (nor named) now.
      const bool list_row = (name.starts_with("takeback/") || name.starts_with("redecide/")) &&
                            std::isdigit(static_cast<unsigned char>(name.back()));
      if (list_row && !app->ui().controls.count(name)) continue;
      bring_into_sight(name);
      ASSERT_TRUE(app->ui().controls.count(name)) << state << ": " << name << " vanished";
      const sf::FloatRect r = app->ui().controls.at(name);
      const sf::FloatRect c = app->ui().control_clips.at(name);
      EXPECT_TRUE(seen_whole(name))
          << state << ": " << name << " at " << r.left << "," << r.top << " " << r.width << "x"
          << r.height << " is cut off (its panel shows " << c.left << "," << c.top << " " << c.width
          << "x" << c.height << ") in the " << room.w << "x" << room.h << " window at scale "
          << room.scale;
    }
  }
};

class Layout : public ::testing::TestWithParam<Room> {};

TEST_P(Layout, EveryNamedControlIsInsideTheWindow) {
  LayoutRig rig(GetParam(), testing::asking_scenario());
  GuiApp& app = *rig.app;
  rig.frames(2);
  app.ui().playing = true;
  app.ui().speed = 10000;
  for (int i = 0; i < 20000 && !app.session().run().awaiting_decision(); ++i) rig.frames(1, 0.1);
  ASSERT_TRUE(app.session().run().awaiting_decision());
  rig.frames(2);
  // The decision waiting is in sight without scrolling, its options whole.
  ASSERT_TRUE(app.ui().controls.count("decision/0"));
  EXPECT_TRUE(rig.seen_whole("decision/0"));
  // A live inject asked for (under the decision's options, which may push it down the panel):
  // its confirmation is up too.
  rig.bring_into_sight("inject/regime");
  ASSERT_TRUE(app.click("inject/regime"));
  rig.frames(5);  // press, release, the action, the scroll asked, the scroll done
  ASSERT_TRUE(app.ui().confirm.has_value());
  const std::map<std::string, sf::FloatRect>& controls = app.ui().controls;
  for (const char* must : {"decision/0", "inject/confirm", "inject/cancel", "inject/provocation",
                           "filter/kinds", "filter/clear", "run/fill/3", "run/screenshot"})
    EXPECT_TRUE(controls.count(must)) << must << " was not drawn";
  // The question the facilitator must answer now is in sight without scrolling.
  EXPECT_TRUE(rig.seen_whole("inject/confirm"))
      << "the confirmation is scrolled away: " << controls.at("inject/confirm").top;
  rig.expect_every_control_reachable("a decision and a live inject waiting");
}

// Every panel opened in turn, as a facilitator would: the inspector on a unit, a region and a
// violation; the MSEL with its form, the commands given, the notes with theirs, the odds, the
// branches, and each of the editor's tabs.
TEST_P(Layout, EveryPanelInTurnFitsTheRoom) {
  LayoutRig rig(GetParam(), testing::asking_scenario());
  GuiApp& app = *rig.app;
  UiState& ui = app.ui();
  rig.frames(2);
  ui.playing = true;
  ui.speed = 10000;
  for (int i = 0; i < 20000 && !app.session().run().awaiting_decision(); ++i) rig.frames(1, 0.1);
  ASSERT_TRUE(app.session().run().awaiting_decision());
  rig.frames(2);
  ASSERT_TRUE(app.click("decision/0"));  // answered: a command given, and the game goes on
  rig.frames(4);
  std::uint64_t violation = 0;
  for (const sim::TraceRecord& r : app.session().log()) {
    if (r.kind == sim::TraceKind::Violation) violation = r.violation;
  }
  ASSERT_NE(violation, 0u);
  auto state = [&](const std::string& what, const std::function<void()>& open) {
    open();
    rig.frames(6);
    rig.expect_every_control_reachable(what);
  };
  state("a unit inspected", [&] { ui.selected = Pick{0u, {}, {}}; });
  state("a region inspected", [&] { ui.selected = Pick{{}, map::RegionId{3}, {}}; });
  state("a violation inspected", [&] { ui.selected = Pick{{}, {}, violation}; });
  state("the MSEL's form", [&] {
    ui.want_msel = true;
    rig.frames(3);
    ASSERT_TRUE(app.click("msel/add"));
  });
  state("the commands given", [&] { ui.want_commands = true; });
  state("the notes' form", [&] {
    ui.show_notes = true;
    rig.frames(3);
    ASSERT_TRUE(app.click("notes/add"));
  });
  state("the odds", [&] { ui.want_odds = true; });
  state("the branches", [&] { ui.want_branches = true; });
  ui.show_notes = false;
  state("the editor's force", [&] {
    ui.show_orbat = true;
    rig.frames(3);
    ASSERT_TRUE(ui.orbat);
    ui.orbat->unit = 0;
  });
  for (const char* tab : {"add", "caveats", "scenario", "msel"}) {
    state(std::string("the editor's ") + tab, [&] {
      for (int twice = 0; twice < 2; ++twice) {  // as scripts do: the tab bar settles first
        ASSERT_TRUE(app.click(std::string("orbat/tab/") + tab));
        rig.frames(3);
      }
    });
  }
}

// The editor (E) at 1280x720, UI scale 1.25, a unit selected: its keys and the force's tree
// do not both fit, so the keys' header folds (one click), and then the tree shows eight lines or
// more with no scrolling of the editor. (It had the map's height only: three lines.)
TEST(LayoutEditor, TheUnitTreeHasRoomAt1280x720OnceTheKeysFold) {
  constexpr unsigned kW = 1280, kH = 720;
  sf::RenderTexture target;
  ASSERT_TRUE(target.create(kW, kH));
  ASSERT_TRUE(target.setActive(true));
  GuiOptions o;
  o.ui_scale = 1.25f;
  GuiApp app(theatre(), testing::asking_scenario(), o);
  auto frames = [&](int n) {
    for (int i = 0; i < n; ++i) {
      app.frame(target, {kW, kH}, 1.0 / 60);
      target.display();
    }
  };
  app.ui().show_orbat = true;
  frames(3);
  ASSERT_TRUE(app.ui().orbat);
  app.ui().orbat->unit = 0;  // the first unit's keys
  frames(3);
  ASSERT_TRUE(app.click("orbat/unit_keys"));  // fold them
  frames(4);
  ImGuiWindow* editor = ImGui::FindWindowByName("ORBAT and scenario editor (E)");
  ASSERT_NE(editor, nullptr);
  const ImGuiWindow* tree = nullptr;
  for (const ImGuiWindow* child : editor->DC.ChildWindows) {
    if (std::string(child->Name).find("##tree") != std::string::npos) tree = child;
  }
  ASSERT_NE(tree, nullptr) << "no unit tree drawn";
  const float lines = tree->Rect().GetHeight() / ImGui::GetTextLineHeightWithSpacing();
  EXPECT_GE(lines, 8.0f) << "the unit tree shows " << lines << " lines";
  EXPECT_LE(editor->Rect().Max.y, static_cast<float>(kH));
  EXPECT_EQ(editor->ScrollMax.y, 0.0f) << "the editor scrolls to show its tree";
}

INSTANTIATE_TEST_SUITE_P(Rooms, Layout,
                         ::testing::Values(Room{1280, 720, 1.0f}, Room{1280, 720, 1.25f},
                                           Room{1920, 1080, 1.25f}, Room{1920, 1080, 1.5f}),
                         [](const auto& info) {
                           return std::to_string(info.param.w) + "x" +
                                  std::to_string(info.param.h) + "at" +
                                  std::to_string(static_cast<int>(info.param.scale * 100));
                         });

}  // namespace
}  // namespace rfsim::render::gui
