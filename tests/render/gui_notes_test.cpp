// Notes in the window and the presenter view: the notes panel adds a note through its form,
// jumps to a note (the replay seeks to its time, the map centres on its place) by clicks;
// Blue's seat neither reads nor takes notes, an observer's does; the presenter view draws no
// panel and its type is large at 1280x720 and 1920x1080.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>
#include <string>
#include <vector>

#include "gui_fixture.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::render::gui {
namespace {

using namespace rfsim::render::testing;
using rfsim::render::gui::testing::Window;

sim::SimTime hours(int h) {
  return sim::SimTime::at(sim::Duration::hours(h));
}

saves::Note note(sim::SimTime at, const std::string& title) {
  saves::Note n;
  n.at = at;
  n.title = title;
  return n;
}

// The ImGui windows the last frame drew, but ImGui's own implicit "Debug##Default", which
// holds nothing unless something is drawn outside every window.
std::vector<std::string> windows_drawn() {
  std::vector<std::string> names;
  for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    if (w->Active && !w->Hidden && std::string(w->Name) != "Debug##Default") {
      names.emplace_back(w->Name);
    }
  }
  return names;
}

TEST(GuiNotes, TheNotesPanelJumpsToANote) {
  Window w(render::testing::partial_ceasefire());
  w.session().jump_to(hours(40));
  saves::Note a = note(hours(10), "Patrol gap at Kharkiv");
  a.place = saves::NotePlace::Region;
  a.region = theatre().require("kharkiv");
  saves::Note b = note(hours(30), "QRF late near Pokrovsk");
  b.place = saves::NotePlace::Point;
  b.lon = 37.18;
  b.lat = 48.28;
  w.session().add_note(a);
  w.session().add_note(b);
  w.frames(2);
  w.click("notes/toggle");
  ASSERT_TRUE(w.app().ui().show_notes);
  w.click("notes/jump/1");
  EXPECT_EQ(w.session().now(), hours(30));
  // The map is centred on the note's point.
  const sf::FloatRect area = w.app().map().area();
  const sf::Vector2f at = w.app().map().to_window({b.lon, b.lat});
  EXPECT_NEAR(at.x, area.left + area.width / 2, 2.0f);
  EXPECT_NEAR(at.y, area.top + area.height / 2, 2.0f);
  w.click("notes/jump/0");
  EXPECT_EQ(w.session().now(), hours(10));
  ASSERT_TRUE(w.app().ui().selected.region.has_value());
  EXPECT_EQ(*w.app().ui().selected.region, a.region);
  EXPECT_EQ(w.session().notes().size(), 2u) << "jumping changed the notes";
}

TEST(GuiNotes, AddEditAndDeleteThroughThePanel) {
  Window w(render::testing::partial_ceasefire());
  w.session().jump_to(hours(20));
  w.frames(2);
  w.click("notes/toggle");
  w.click("notes/add");
  w.click("notes/title");
  testing::type_text(w, "Hot wash: the first day");
  w.click("notes/save");
  ASSERT_EQ(w.session().notes().size(), 1u) << w.app().ui().note.error;
  EXPECT_EQ(w.session().notes()[0].title, "Hot wash: the first day");
  EXPECT_EQ(w.session().notes()[0].at, hours(20));
  EXPECT_EQ(w.session().notes()[0].author, saves::NoteAuthor::White);
  EXPECT_TRUE(w.session().unsaved()) << "a note is what a save holds";
  w.click("notes/edit/0");
  w.click("notes/title");
  testing::type_text(w, "!");
  w.click("notes/save");
  EXPECT_EQ(w.session().notes()[0].title, "Hot wash: the first day!");
  w.click("notes/delete/0");
  EXPECT_TRUE(w.session().notes().empty());
}

GuiOptions seat(play::Cell cell, bool observer) {
  GuiOptions o = Window::with_scale(1);
  o.cell = cell;
  o.observer = observer;
  return o;
}

TEST(GuiNotes, BluesSeatNeitherReadsNorTakesNotesAnObserversDoes) {
  Window blue(render::testing::partial_ceasefire(), seat(play::Cell::Blue, false));
  blue.session().add_note(note(hours(0), "White's secret"));
  blue.click("notes/toggle");
  EXPECT_EQ(blue.app().ui().controls.count("notes/add"), 0u);
  EXPECT_EQ(blue.app().ui().controls.count("notes/jump/0"), 0u) << "Blue read White's note";

  Window observer(render::testing::partial_ceasefire(), seat(play::Cell::Blue, true));
  observer.click("notes/toggle");
  observer.click("notes/add");
  observer.click("notes/title");
  testing::type_text(observer, "Observer's point");
  observer.click("notes/save");
  ASSERT_EQ(observer.session().notes().size(), 1u);
  EXPECT_EQ(observer.session().notes()[0].author, saves::NoteAuthor::Observer);
}

// The presenter view at a projector's size: no ImGui window at all, the map on the whole
// window, and no type under the floor.
void presenter_at(unsigned width, unsigned height) {
  SCOPED_TRACE(std::to_string(width) + "x" + std::to_string(height));
  sf::RenderTexture target;
  ASSERT_TRUE(target.create(width, height));
  ASSERT_TRUE(target.setActive(true));
  GuiOptions o;
  o.presenter = true;
  GuiApp app(theatre(), render::testing::partial_ceasefire(), o);
  app.session().jump_to(hours(30));
  for (int i = 0; i < 3; ++i) app.frame(target, {width, height}, 1.0 / 60);
  const std::vector<std::string> drawn = windows_drawn();
  EXPECT_TRUE(drawn.empty()) << "the presenter view drew a panel: " << drawn.front();
  EXPECT_TRUE(app.ui().controls.empty());
  const sf::FloatRect area = app.map().area();
  EXPECT_EQ(area.left, 0);
  EXPECT_EQ(area.top, 0);
  EXPECT_EQ(area.width, static_cast<float>(width));
  EXPECT_EQ(area.height, static_cast<float>(height));
  EXPECT_GE(app.ui().presenter_min_text_px, 24.0f);
  EXPECT_GE(app.ui().presenter_min_text_px, static_cast<float>(height) / 30);
  // F5 leaves it: the panels are back.
  sf::Event f5{};
  f5.type = sf::Event::KeyPressed;
  f5.key.code = sf::Keyboard::F5;
  app.handle(f5);
  for (int i = 0; i < 3; ++i) app.frame(target, {width, height}, 1.0 / 60);
  EXPECT_GT(windows_drawn().size(), 3u);
  EXPECT_LT(app.map().area().width, static_cast<float>(width));
}

TEST(GuiPresenter, DrawsNoPanelsAndLargeTypeAt1280x720) {
  presenter_at(1280, 720);
}

TEST(GuiPresenter, DrawsNoPanelsAndLargeTypeAt1920x1080) {
  presenter_at(1920, 1080);
}

}  // namespace
}  // namespace rfsim::render::gui
