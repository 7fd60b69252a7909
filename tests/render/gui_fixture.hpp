// The facilitator's window offscreen, for the GUI tests: the same GuiApp that `rfsim gui`
// drives, drawn into a texture, fed input through the same bridge as the mouse.
#pragma once

#include <gtest/gtest.h>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Window/Event.hpp>

#include <memory>
#include <string>

#include "render/gui/gui_app.hpp"
#include "render_fixture.hpp"

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

}  // namespace rfsim::render::gui::testing
