// The facilitator's screen as one object: the game, the map view and the panels, drawn onto
// any SFML target (the window, or an offscreen texture for benchmarks and tests).
#pragma once

#include <SFML/System/Vector2.hpp>
#include <SFML/Window/Event.hpp>

#include <memory>
#include <string>
#include <vector>

#include "map/theatre.hpp"
#include "render/gui/map_view.hpp"
#include "render/gui/panels.hpp"
#include "render/gui/session.hpp"
#include "sim/scenario.hpp"

namespace sf {
class RenderTarget;
}

namespace rfsim::render::gui {

struct GuiOptions {
  float ui_scale = 0;                          // panels' scale; 0: from the window's height
  float speed = 3600;                          // sim seconds per wall second
  bool play = false;                           // start running
  std::chrono::microseconds sim_budget{8000};  // wall time the model may take per frame
  std::filesystem::path open_save;             // a save to open at its start; empty: none
  std::filesystem::path autosave_dir;          // autosaves go here; empty: no autosave
  bool stock_imgui_renderer = false;  // panels by ImGui's own GL2 backend, not draw_imgui (tests)
};

/// One screen. Needs a current GL context when built (Dear ImGui's backend starts there).
///   GuiApp app(theatre, scenario, {});
///   while (...) { app.handle(event); app.frame(window, window.getSize(), dt); window.display(); }
class GuiApp {
 public:
  GuiApp(const map::Theatre& theatre, sim::Scenario scenario, const GuiOptions& options);
  ~GuiApp();
  GuiApp(const GuiApp&) = delete;
  GuiApp& operator=(const GuiApp&) = delete;

  void handle(const sf::Event& event);  // window events: ImGui first, then keys and the map
  /// Runs the model for this frame (when playing) and draws map and panels onto `target`.
  void frame(sf::RenderTarget& target, sf::Vector2u size, double dt_seconds);

  Session& session() { return session_; }
  MapView& map() { return map_; }
  UiState& ui() { return ui_; }
  Layout layout(sf::Vector2u size) const;
  int imgui_draw_calls() const { return imgui_draw_calls_; }  // the last frame's; 0 when stock
  /// What the map's tooltip says about a window pixel: a headline, then details; empty for
  /// none. Reflects the last frame's map (its stacks and aggregates).
  std::vector<std::string> tooltip_lines(sf::Vector2f mouse) const;

 private:
  void apply_scale(float scale);
  void key(const sf::Event& event);
  void map_input();  // the mouse events since the last frame, to the map unless ImGui has them
  void tooltip();

  Session session_;
  MapView map_;
  UiState ui_;
  GuiOptions options_;
  struct ImGuiContextHolder;
  std::unique_ptr<ImGuiContextHolder> imgui_;
  sf::Vector2u size_{0, 0};
  int imgui_draw_calls_ = 0;
  std::vector<sf::Event> map_events_;
};

}  // namespace rfsim::render::gui
