// No lost work: closing the window, Ctrl+Q and Open ask "Unsaved game: Save / Discard /
// Cancel" while play is in no save; an autosave that fails is shown and the game goes on.
#include <gtest/gtest.h>
#include <imgui.h>
#include <unistd.h>
#include <SFML/Window/Event.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "gui_fixture.hpp"
#include "render/gui/panels.hpp"
#include "saves/save_file.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::render::gui {
namespace {

using namespace rfsim::render::testing;
using rfsim::render::gui::testing::Window;
using sim::Duration;
using sim::SimTime;
namespace fs = std::filesystem;

fs::path temp_dir(const std::string& what) {
  const auto d =
      fs::temp_directory_path() / ("rfsim-gui-" + what + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

sf::Event closed() {
  sf::Event e{};
  e.type = sf::Event::Closed;
  return e;
}

sf::Event ctrl_q() {
  sf::Event e{};
  e.type = sf::Event::KeyPressed;
  e.key.code = sf::Keyboard::Q;
  e.key.control = true;
  return e;
}

bool asking(Window& w) {
  return w.app().ui().leaving.has_value() && w.app().ui().controls.count("unsaved/discard") > 0;
}

// Pixels of the warning colour (panels.hpp's kWarning) in a box of the window.
int warning_pixels(const sf::Image& img, sf::IntRect box) {
  const sf::Color c(static_cast<sf::Uint8>(kWarning.x * 255),
                    static_cast<sf::Uint8>(kWarning.y * 255),
                    static_cast<sf::Uint8>(kWarning.z * 255));
  int n = 0;
  for (int y = box.top; y < box.top + box.height; ++y) {
    for (int x = box.left; x < box.left + box.width; ++x) {
      n += close_to(img.getPixel(static_cast<unsigned>(x), static_cast<unsigned>(y)), c, 12);
    }
  }
  return n;
}

TEST(GuiUnsaved, AGameNotYetPlayedClosesAtOnce) {
  Window w(render::testing::partial_ceasefire());
  EXPECT_FALSE(w.session().unsaved());
  w.event(closed());
  EXPECT_TRUE(w.app().ui().want_quit);
  EXPECT_FALSE(w.app().ui().leaving);
}

TEST(GuiUnsaved, CloseAsksAndCancelKeepsTheGame) {
  Window w(render::testing::partial_ceasefire());
  w.app().ui().playing = true;
  w.frames(5, 0.1);  // some play, as the window plays
  ASSERT_TRUE(w.session().unsaved());
  const SimTime at = w.session().now();
  w.event(closed());
  EXPECT_FALSE(w.app().ui().want_quit) << "closed with play in no save";
  EXPECT_FALSE(w.app().ui().playing) << "the game ran on while the question was up";
  ASSERT_TRUE(asking(w));
  w.click("unsaved/cancel");
  EXPECT_FALSE(w.app().ui().leaving);
  EXPECT_FALSE(w.app().ui().want_quit);
  EXPECT_EQ(w.session().now(), at);
  EXPECT_EQ(w.app().ui().controls.count("unsaved/discard"), 0u) << "the question stayed up";
  // Asked again, Discard lets it go.
  w.event(ctrl_q());
  ASSERT_TRUE(asking(w));
  w.click("unsaved/discard");
  EXPECT_TRUE(w.app().ui().want_quit);
}

TEST(GuiUnsaved, SaveWritesTheGamesOwnFileThenQuits) {
  const fs::path dir = temp_dir("unsaved-own");
  Window w(render::testing::partial_ceasefire());
  w.session().jump_to(SimTime::at(Duration::hours(6)));
  w.session().save_to(dir / "game.rfsave");
  EXPECT_FALSE(w.session().unsaved());
  w.session().jump_to(SimTime::at(Duration::hours(20)));  // past the save's end
  ASSERT_TRUE(w.session().unsaved());
  w.event(ctrl_q());
  ASSERT_TRUE(asking(w));
  w.click("unsaved/save");
  EXPECT_TRUE(w.app().ui().want_quit);
  EXPECT_FALSE(w.session().unsaved());
  EXPECT_EQ(saves::read_save(dir / "game.rfsave").end.at, SimTime::at(Duration::hours(20)));
  fs::remove_all(dir);
}

TEST(GuiUnsaved, SaveWithoutAFileWritesThePathTypedOrALastAutosave) {
  const fs::path dir = temp_dir("unsaved-new");
  {  // A path typed into the question.
    Window w(render::testing::partial_ceasefire());
    w.session().jump_to(SimTime::at(Duration::hours(5)));
    w.event(closed());
    ASSERT_TRUE(asking(w));
    const std::string path = (dir / "typed.rfsave").string();
    std::snprintf(w.app().ui().unsaved_path.data(), w.app().ui().unsaved_path.size(), "%s",
                  path.c_str());
    w.click("unsaved/save");
    EXPECT_TRUE(w.app().ui().want_quit);
    EXPECT_EQ(saves::read_save(path).end.at, SimTime::at(Duration::hours(5)));
  }
  {  // Nothing typed, autosave on: a last autosave.
    GuiOptions o = Window::with_scale(1);
    o.autosave_dir = dir / "auto";
    fs::create_directories(o.autosave_dir);
    Window w(render::testing::partial_ceasefire(), o);
    w.session().jump_to(SimTime::at(Duration::hours(7)));
    w.event(closed());
    ASSERT_TRUE(asking(w));
    w.click("unsaved/save");
    EXPECT_TRUE(w.app().ui().want_quit);
    const auto files = w.session().autosaver()->files();
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(saves::read_save(files[0]).end.at, SimTime::at(Duration::hours(7)));
  }
  fs::remove_all(dir);
}

TEST(GuiUnsaved, ASaveThatFailsKeepsTheQuestionUpAndSaysWhy) {
  Window w(render::testing::partial_ceasefire());
  w.session().jump_to(SimTime::at(Duration::hours(5)));
  w.event(closed());
  ASSERT_TRUE(asking(w));
  std::snprintf(w.app().ui().unsaved_path.data(), w.app().ui().unsaved_path.size(), "%s",
                "/no/such/folder/game.rfsave");
  w.click("unsaved/save");
  EXPECT_FALSE(w.app().ui().want_quit);
  ASSERT_TRUE(asking(w));
  EXPECT_NE(w.app().ui().leaving->error.find("/no/such/folder"), std::string::npos)
      << w.app().ui().leaving->error;
  EXPECT_TRUE(w.session().unsaved());
}

TEST(GuiUnsaved, OpenAsksFirstAndDiscardOpens) {
  const fs::path dir = temp_dir("unsaved-open");
  {
    Session other(render::testing::partial_ceasefire(), theatre());
    other.jump_to(SimTime::at(Duration::hours(2)));
    other.save_to(dir / "other.rfsave");
  }
  Window w(render::testing::partial_ceasefire());
  w.session().jump_to(SimTime::at(Duration::hours(9)));
  const std::string path = (dir / "other.rfsave").string();
  std::snprintf(w.app().ui().open_path.data(), w.app().ui().open_path.size(), "%s", path.c_str());
  ImGui::SetWindowCollapsed("Saves", false);  // as a click on its title would
  w.frames(2);
  w.click("saves/open");
  ASSERT_TRUE(asking(w)) << "Open threw away play in no save";
  EXPECT_TRUE(w.session().file().empty());
  w.click("unsaved/cancel");
  EXPECT_TRUE(w.session().file().empty());
  EXPECT_EQ(w.session().now(), SimTime::at(Duration::hours(9)));
  w.click("saves/open");
  ASSERT_TRUE(asking(w));
  w.click("unsaved/discard");
  EXPECT_EQ(w.session().file(), path);
  EXPECT_EQ(w.session().recording().end(), SimTime::at(Duration::hours(2)));
  EXPECT_FALSE(w.app().ui().want_quit);
  // Nothing played since: Open again goes straight on.
  w.click("saves/open");
  EXPECT_FALSE(w.app().ui().leaving);
  fs::remove_all(dir);
}

TEST(GuiUnsaved, WhatCountsAsUnsaved) {
  const fs::path dir = temp_dir("unsaved-marks");
  Session s(render::testing::partial_ceasefire(), theatre());
  EXPECT_FALSE(s.unsaved());
  s.jump_to(SimTime::at(Duration::hours(10)));
  EXPECT_TRUE(s.unsaved()) << "play";
  s.save_to(dir / "g.rfsave");
  EXPECT_FALSE(s.unsaved());
  s.jump_to(SimTime::at(Duration::hours(4)));  // back within the log: a save holds it all
  EXPECT_FALSE(s.unsaved()) << "a seek within the log";
  s.jump_to(SimTime::at(Duration::hours(10)));
  EXPECT_FALSE(s.unsaved());
  s.step_back();
  EXPECT_FALSE(s.unsaved()) << "a step back";
  sim::Inject in;
  in.kind = sim::InjectKind::SetRegime;
  in.regime = sim::Regime::Full;
  s.inject(in);  // behind the end: a fork, the log now ends earlier
  EXPECT_TRUE(s.unsaved()) << "a fork";
  s.save_to(dir / "g.rfsave");
  s.inject(in);  // at the end: one more command
  EXPECT_TRUE(s.unsaved()) << "an inject";
  s.open(dir / "g.rfsave");
  EXPECT_FALSE(s.unsaved()) << "just opened";
  s.branch_to(dir / "b.rfsave");
  EXPECT_FALSE(s.unsaved()) << "just branched";
  fs::remove_all(dir);
}

TEST(GuiAutosave, AFailedAutosaveIsShownInWarningColourAndTheGameGoesOn) {
  const fs::path dir = temp_dir("autosave-fail");
  GuiOptions o = Window::with_scale(1);
  o.autosave_dir = dir / "auto";
  o.autosave_every = std::chrono::seconds(0);
  fs::create_directories(o.autosave_dir);
  Window w(render::testing::partial_ceasefire(), o);
  const sf::IntRect run_panel(0, 0,
                              static_cast<int>(w.app().layout({Window::kW, Window::kH}).left_w),
                              static_cast<int>(Window::kH));
  w.session().jump_to(SimTime::at(Duration::hours(3)));
  ASSERT_TRUE(w.pass());
  EXPECT_EQ(w.session().autosaver()->files().size(), 1u);
  EXPECT_NE(w.app().ui().status.find("autosaved"), std::string::npos) << w.app().ui().status;
  const int calm = warning_pixels(w.image(), run_panel);

  fs::remove_all(o.autosave_dir);  // the folder goes while the game runs
  w.session().jump_to(SimTime::at(Duration::hours(6)));
  for (int i = 0; i < 3; ++i) w.pass();
  ASSERT_TRUE(w.session().autosaver()->failure());
  EXPECT_NE(w.app().ui().status.find("Autosave failed"), std::string::npos) << w.app().ui().status;
  EXPECT_NE(w.app().ui().status.find(o.autosave_dir.string()), std::string::npos);
  EXPECT_GT(warning_pixels(w.image(), run_panel), calm + 100) << "no warning in the Run panel";
  // The game goes on: play, and the warning stays whatever the status says meanwhile.
  w.app().ui().playing = true;
  for (int i = 0; i < 5; ++i) w.pass(0.1);
  w.app().ui().playing = false;
  EXPECT_GT(w.session().now(), SimTime::at(Duration::hours(6)));
  w.app().ui().status = "something else";
  w.frames(2);
  EXPECT_GT(warning_pixels(w.image(), run_panel), calm + 100) << "the warning went with the status";
  // The folder is back: the next autosave works and the warning goes.
  fs::create_directories(o.autosave_dir);
  w.session().jump_to(SimTime::at(Duration::hours(12)));
  for (int i = 0; i < 3; ++i) w.pass();
  EXPECT_FALSE(w.session().autosaver()->failure());
  EXPECT_EQ(w.session().autosaver()->files().size(), 1u);
  w.frames(2);
  EXPECT_LE(warning_pixels(w.image(), run_panel), calm);
  fs::remove_all(dir);
}

TEST(GuiAutosave, AnIdleGameIsNotAutosavedAgain) {
  const fs::path dir = temp_dir("autosave-idle");
  GuiOptions o = Window::with_scale(1);
  o.autosave_dir = dir;
  o.autosave_every = std::chrono::seconds(0);
  Window w(render::testing::partial_ceasefire(), o);
  for (int i = 0; i < 5; ++i) w.pass();
  EXPECT_TRUE(w.session().autosaver()->files().empty()) << "a game not yet played";
  w.session().jump_to(SimTime::at(Duration::hours(3)));
  w.pass();
  ASSERT_EQ(w.session().autosaver()->files().size(), 1u);
  const auto written = fs::last_write_time(w.session().autosaver()->files()[0]);
  for (int i = 0; i < 5; ++i) w.pass();
  EXPECT_EQ(w.session().autosaver()->files().size(), 1u);
  EXPECT_EQ(fs::last_write_time(w.session().autosaver()->files()[0]), written);
  fs::remove_all(dir);
}

// The real `rfsim gui`, driven by its script: the window's close button and Ctrl+Q ask.
TEST(GuiUnsaved, TheRealWindowAsksOnCloseAndCtrlQ) {
  if (std::getenv("DISPLAY") == nullptr) GTEST_SKIP() << "no DISPLAY (run under xvfb-run)";
  const fs::path dir = temp_dir("unsaved-window");
  const std::string d = dir.string();
  {
    std::ofstream(dir / "play.txt") << "save " << d << "/game.rfsave\n"
                                    << "jump 12h\n"
                                       "close\n"
                                       "wait 0.5\n"
                                       "echo still open after close\n"
                                       "click unsaved/cancel\n"
                                       "key ctrl+q\n"
                                       "wait 0.5\n"
                                       "echo still open after ctrl+q\n"
                                       "click unsaved/save\n"
                                       "wait 5\n"
                                       "echo not closed by save\n"
                                       // A window that did not close fails here at once
                                       // with its output, rather than hang to the timeout.
                                       "quit\n";
  }
  const std::string out = testing::sh(std::string(RFSIM_BINARY) + " gui --script " + d +
                                      "/play.txt --autosave-dir " + d + " 2>&1");
  EXPECT_NE(out.find("still open after close"), std::string::npos) << out;
  EXPECT_NE(out.find("still open after ctrl+q"), std::string::npos) << out;
  EXPECT_EQ(out.find("not closed by save"), std::string::npos) << out;
  EXPECT_NE(out.find("exit=0"), std::string::npos) << out;
  EXPECT_EQ(saves::read_save(dir / "game.rfsave").end.at, SimTime::at(Duration::hours(12)));
  fs::remove_all(dir);
}

TEST(GuiUnsaved, AutosaveFolderIsMadeOrTheWindowNeverOpens) {
  const fs::path dir = temp_dir("autosave-dir");
  const std::string d = dir.string();
  { std::ofstream(dir / "quit.txt") << "quit\n"; }
  { std::ofstream(dir / "file") << "a file, not a folder"; }
  // Under a file: cannot be made. Exit 2 and a plain message, with or without a display.
  const std::string bad = testing::sh(std::string(RFSIM_BINARY) + " gui --script " + d +
                                      "/quit.txt --autosave-dir " + d + "/file/autosaves 2>&1");
  EXPECT_NE(bad.find("exit=2"), std::string::npos) << bad;
  EXPECT_NE(bad.find("--autosave-dir " + d + "/file/autosaves: cannot make the folder"),
            std::string::npos)
      << bad;
  if (std::getenv("DISPLAY") == nullptr) GTEST_SKIP() << "no DISPLAY (run under xvfb-run)";
  const std::string good = testing::sh(std::string(RFSIM_BINARY) + " gui --script " + d +
                                       "/quit.txt --autosave-dir " + d + "/new/autosaves 2>&1");
  EXPECT_NE(good.find("exit=0"), std::string::npos) << good;
  EXPECT_TRUE(fs::is_directory(dir / "new" / "autosaves"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace rfsim::render::gui
