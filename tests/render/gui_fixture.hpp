// The facilitator's window offscreen, for the GUI tests: the same GuiApp that `rfsim gui`
// drives, drawn into a texture, fed input through the same bridge as the mouse.
#pragma once

#include <gtest/gtest.h>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Window/Event.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "render/gui/gui_app.hpp"
#include "render_fixture.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::render::gui::testing {

class Window {
 public:
  static constexpr unsigned kW = 1280, kH = 800;

  explicit Window(sim::Scenario sc, GuiOptions options = with_scale(1)) {
    EXPECT_TRUE(target_.create(kW, kH));
    EXPECT_TRUE(target_.setActive(true));
    app_ = std::make_unique<GuiApp>(render::testing::theatre(), std::move(sc), options);
    frames(2);
  }
  static GuiOptions with_scale(float s) {
    GuiOptions o;
    o.ui_scale = s;
    return o;
  }
  GuiApp& app() { return *app_; }
  Session& session() { return app_->session(); }
  const sim::Simulation& run() { return app_->session().run(); }
  sf::Image image() { return target_.getTexture().copyToImage(); }

  void frames(int n, double dt = 1.0 / 60) {
    for (int i = 0; i < n; ++i) {
      app_->frame(target_, {kW, kH}, dt);
      target_.display();
    }
  }
  /// One pass of the window's loop, as run_window makes it; returns whether it drew.
  bool pass(double dt = 1.0 / 60) {
    const bool drew = app_->pass(target_, {kW, kH}, dt);
    if (drew) target_.display();
    return drew;
  }
  /// Plays, frame by frame at 10,000x, until a decision waits: the window stops there itself.
  bool play_to_decision() {
    app_->ui().playing = true;
    app_->ui().speed = 10000;
    for (int i = 0; i < 20000 && !run().awaiting_decision() && app_->ui().playing; ++i) {
      frames(1, 0.1);
    }
    frames(1);  // the panel shows the decision
    return run().awaiting_decision();
  }
  /// Clicks a named control as the mouse would, and lets the click land (press in one frame,
  /// release in the next, the action after it) and the panels redraw.
  void click(const std::string& control) {
    ASSERT_TRUE(app_->click(control)) << control << " is not on screen";
    frames(3);
  }
  /// An event as the window would deliver it, then a frame.
  void event(const sf::Event& e) {
    app_->handle(e);
    frames(2);
  }
  /// A left click at a point of the window, as the mouse gives it: move there, press, release.
  void click_at(sf::Vector2f px) {
    sf::Event move{};
    move.type = sf::Event::MouseMoved;
    move.mouseMove = {static_cast<int>(px.x), static_cast<int>(px.y)};
    event(move);
    sf::Event press{};
    press.type = sf::Event::MouseButtonPressed;
    press.mouseButton = {sf::Mouse::Left, static_cast<int>(px.x), static_cast<int>(px.y)};
    sf::Event release = press;
    release.type = sf::Event::MouseButtonReleased;
    event(press);
    event(release);
  }

 private:
  sf::RenderTexture target_;
  std::unique_ptr<GuiApp> app_;
};

/// The text of the shipped partial-ceasefire scenario, for tests that change a line of it.
inline std::string partial_ceasefire_text() {
  std::ifstream in(std::string(RFSIM_ASSETS_DIR) + "/scenarios/partial-ceasefire.toml");
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

/// The partial-ceasefire scenario with HQ's decisions asked of the players.
inline sim::Scenario asking_scenario() {
  std::string text = partial_ceasefire_text();
  const std::size_t hq = text.find("\nhq = ");
  EXPECT_NE(hq, std::string::npos);
  text.insert(hq + 1, "decisions = \"ask\"\n");
  return sim::parse_scenario(text, "ask.toml", render::testing::theatre());
}

/// Types `text` into the focused field, a character at a time as the keyboard would.
inline void type_text(Window& w, const std::string& text) {
  for (const char c : text) {
    sf::Event e{};
    e.type = sf::Event::TextEntered;
    e.text.unicode = static_cast<sf::Uint32>(c);
    w.app().handle(e);
  }
  w.frames(2);
}

/// Sets a fixed text buffer of a form, as typing into it would leave it.
template <std::size_t N>
void set_text(std::array<char, N>& to, const std::string& text) {
  to.fill('\0');
  text.copy(to.data(), N - 1);
}

/// Runs a shell command: its output, then "exit=N".
inline std::string sh(const std::string& cmd) {
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[256];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    const int status = ::pclose(p);
    out += "exit=" + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : 128);
  }
  return out;
}

}  // namespace rfsim::render::gui::testing
