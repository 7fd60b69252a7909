// A layout that fits a room: at 1280x720 with UI scale 1.25 and at 1920x1080 with 1.5, every
// named control the window draws (a decision waiting, its options, the live injects and their
// confirmation, the saves) lies inside the window, where a click reaches it; and the editor's
// unit tree keeps room to read at 1280x720.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <SFML/Graphics/RenderTexture.hpp>

#include <SFML/Window/Event.hpp>

#include <algorithm>
#include <fstream>
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

class Layout : public ::testing::TestWithParam<Room> {};

TEST_P(Layout, EveryNamedControlIsInsideTheWindow) {
  const Room room = GetParam();
  sf::RenderTexture target;
  ASSERT_TRUE(target.create(room.w, room.h));
  ASSERT_TRUE(target.setActive(true));
  GuiOptions o;
  o.ui_scale = room.scale;
  GuiApp app(theatre(), testing::asking_scenario(), o);
  auto frames = [&](int n, double dt = 1.0 / 60) {
    for (int i = 0; i < n; ++i) {
      app.frame(target, {room.w, room.h}, dt);
      target.display();
    }
  };
  frames(2);
  app.ui().playing = true;
  app.ui().speed = 10000;
  for (int i = 0; i < 20000 && !app.session().run().awaiting_decision(); ++i) frames(1, 0.1);
  ASSERT_TRUE(app.session().run().awaiting_decision());
  frames(2);
  const sf::FloatRect window(0, 0, static_cast<float>(room.w), static_cast<float>(room.h));
  auto inside = [&](const sf::FloatRect& r) {
    return r.width > 0 && r.height > 0 && r.left >= window.left && r.top >= window.top &&
           r.left + r.width <= window.width && r.top + r.height <= window.height;
  };
  // The decision waiting is in sight without scrolling.
  ASSERT_TRUE(app.ui().controls.count("decision/0"));
  EXPECT_TRUE(inside(app.ui().controls.at("decision/0")));
  // A live inject asked for: its confirmation is up too.
  ASSERT_TRUE(app.click("inject/regime"));
  frames(5);  // press, release, the action, the scroll asked, the scroll done
  ASSERT_TRUE(app.ui().confirm.has_value());
  const std::map<std::string, sf::FloatRect>& controls = app.ui().controls;
  for (const char* must : {"decision/0", "inject/confirm", "inject/cancel", "inject/provocation"})
    EXPECT_TRUE(controls.count(must)) << must << " was not drawn";
  // The question the facilitator must answer now is in sight without scrolling.
  EXPECT_TRUE(inside(controls.at("inject/confirm")))
      << "the confirmation is scrolled away: " << controls.at("inject/confirm").top;
  // Everything else is in sight or reachable: its panel scrolls it into the window under the
  // mouse wheel, rather than clipping it.
  std::vector<std::string> names;
  for (const auto& [name, r] : controls) {
    if (!name.starts_with("log/")) names.push_back(name);  // log lines: only those shown named
  }
  for (const std::string& name : names) {
    for (int wheel = 0; wheel < 60 && controls.count(name) && !inside(controls.at(name)); ++wheel) {
      const sf::FloatRect r = controls.at(name);
      const float x = std::clamp(r.left + r.width / 2, 1.0f, window.width - 1);
      const float y = std::clamp(r.top, 1.0f, window.height - 1);
      sf::Event e{};
      e.type = sf::Event::MouseMoved;
      e.mouseMove = {static_cast<int>(x), static_cast<int>(y)};
      app.handle(e);
      e.type = sf::Event::MouseWheelScrolled;
      e.mouseWheelScroll = {sf::Mouse::VerticalWheel, r.top > 0 ? -1.0f : 1.0f, static_cast<int>(x),
                            static_cast<int>(y)};
      app.handle(e);
      frames(2);
    }
    ASSERT_TRUE(controls.count(name)) << name << " vanished while scrolling";
    const sf::FloatRect r = controls.at(name);
    EXPECT_TRUE(inside(r)) << name << " at " << r.left << "," << r.top << " " << r.width << "x"
                           << r.height << " cannot be brought inside the " << room.w << "x"
                           << room.h << " window at scale " << room.scale;
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
                         ::testing::Values(Room{1280, 720, 1.25f}, Room{1920, 1080, 1.5f}),
                         [](const auto& info) {
                           return std::to_string(info.param.w) + "x" + std::to_string(info.param.h);
                         });

}  // namespace
}  // namespace rfsim::render::gui
