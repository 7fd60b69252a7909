// The facilitator's screen as one object: the game, the map view and the panels, drawn onto
// any SFML target (the window, or an offscreen texture for benchmarks and tests).
#pragma once

#include <SFML/System/Vector2.hpp>
#include <SFML/Window/Event.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "map/theatre.hpp"
#include "play/host.hpp"
#include "render/gui/frame_cache.hpp"
#include "render/gui/map_view.hpp"
#include "render/gui/panels.hpp"
#include "render/gui/presenter.hpp"
#include "render/gui/session.hpp"
#include "sim/scenario.hpp"

namespace sf {
class RenderTarget;
}

namespace rfsim::render::gui {

class ImGuiWindowContext;  // render/gui/imgui_context.hpp
struct Hosting;            // render/gui/hosting.hpp

struct GuiOptions {
  float ui_scale = 0;                          // panels' scale; 0: from the window's height
  float speed = 3600;                          // sim seconds per wall second
  bool play = false;                           // start running
  std::chrono::microseconds sim_budget{8000};  // wall time the model may take per frame
  std::filesystem::path open_save;             // a save to open at its start; empty: none
  std::filesystem::path autosave_dir;          // autosaves go here; empty: no autosave
  std::chrono::seconds autosave_every{300};    // wall time between autosaves
  bool stock_imgui_renderer = false;    // panels by ImGui's own GL2 backend, not draw_imgui (tests)
  play::Cell cell = play::Cell::White;  // whose picture the window starts on
  bool observer = false;                // an observer's seat: may take notes
  bool presenter = false;               // start in the presenter view (F5 toggles it)
  // Hosting a multi-seat game (`rfsim host`): the seats act on this window's game through the
  // door the window's own commands take; paused and speed there are the window's start.
  // Closing the window saves the game to host_save (when set) and says goodbye to the seats.
  std::optional<play::HostOptions> host;
  std::filesystem::path host_save;
};

/// Loads the panels' font at `scale` and the presenter's large type for a window
/// `presenter_height` px high (0: 720) into the current ImGui context, and styles it.
void apply_imgui_scale(float scale, unsigned presenter_height, ImFont*& big, ImFont*& medium);

/// One screen. Needs a current GL context when built (Dear ImGui's backend starts there).
/// It draws only when something changed (render on demand): input, the model running, a
/// status, an animation; a paused, untouched window draws nothing.
///   GuiApp app(theatre, scenario, {});
///   while (!app.ui().want_quit) {
///     while (window.pollEvent(e)) app.handle(e);
///     if (app.pass(window, window.getSize(), dt)) window.display(); else sleep a little;
///   }
class GuiApp {
 public:
  GuiApp(const map::Theatre& theatre, sim::Scenario scenario, const GuiOptions& options);
  ~GuiApp();
  GuiApp(const GuiApp&) = delete;
  GuiApp& operator=(const GuiApp&) = delete;

  /// Window events: ImGui first, then keys and the map. Closing the window asks first when
  /// the game is unsaved (request_quit()).
  void handle(const sf::Event& event);
  /// One pass of the window's loop: the autosave's turn, then a frame drawn onto `target` if
  /// one is wanted (wants_frame(), after noticing changes). Returns whether it drew.
  bool pass(sf::RenderTarget& target, sf::Vector2u size, double dt_seconds);
  /// Runs the model for this frame (when playing) and draws map and panels onto `target`.
  void frame(sf::RenderTarget& target, sf::Vector2u size, double dt_seconds);
  /// Whether the next pass must draw: playing, a change or input in the last few frames
  /// (ImGui settles hover states and popups over a few), or the map's zoom still settling.
  bool wants_frame() const;
  void touch();  // something the screen must show changed: draw the next few frames
  std::uint64_t frames_drawn() const { return frames_drawn_; }

  /// Quit when nothing would be lost, else pause and ask "Unsaved game" (ui().leaving).
  void request_quit();
  /// Clicks a named control where the last frame drew it (UiState::controls), through the
  /// same input as the mouse: it takes effect over the next two frames. False if not drawn.
  bool click(const std::string& control);

  Session& session() { return session_; }
  /// The host when this window hosts a game, else nullptr.
  play::Host* host();
  /// Stops hosting: the game saved to GuiOptions::host_save, every seat sent its last picture
  /// and told the game is closed. Returns what was done; when the save fails, says so and
  /// goes on hosting. Nothing when not hosting.
  std::string stop_hosting();
  MapView& map() { return map_; }
  UiState& ui() { return ui_; }
  Layout layout(sf::Vector2u size) const;
  int imgui_draw_calls() const { return imgui_draw_calls_; }  // the last frame's; 0 when stock
  /// The window's last frame kept below the tooltips: a frame repaints only what changed
  /// (frame_cache.hpp). On by default; off, every frame is drawn whole (tests compare).
  FrameCache& frame_cache() { return frame_cache_; }
  /// What the map's tooltip says about a window pixel: a headline, then details; empty for
  /// none. Reflects the last frame's map (its stacks and aggregates).
  std::vector<std::string> tooltip_lines(sf::Vector2f mouse) const;

 private:
  void apply_scale(float scale);
  void key(const sf::Event& event);
  void map_input();  // the mouse events since the last frame, to the map unless ImGui has them
  void tooltip();
  void run_actions();
  void watch();  // touch() when what the screen shows has changed without input

  // What the screen shows that can change while no input comes: compared pass to pass.
  struct Shown {
    sim::SimTime now, end;
    std::size_t commands = 0, log = 0;
    std::uint64_t log_generation = 0;
    std::string status;
    int autosave_failures = 0;
    bool unsaved = false;
    std::uint64_t host_events = 0;  // lines the host said (a seat joined, an order, a refusal)
    bool operator==(const Shown&) const = default;
  };
  Shown shown() const;
  void presenter_fonts(sf::Vector2u size);  // the presenter's large type, for this height
  /// Below ImGui::Render(): the map and the draw lists onto `target`, through the frame cache.
  void draw(sf::RenderTarget& target, sf::Vector2u size);

  Session session_;
  MapView map_;
  UiState ui_;
  GuiOptions options_;
  std::unique_ptr<ImGuiWindowContext> imgui_;
  sf::Vector2u size_{0, 0};
  int imgui_draw_calls_ = 0;
  FrameCache frame_cache_;
  std::uint64_t fonts_ = 0;  // how many times the fonts were made: the frame cache compares
  std::vector<sf::Event> map_events_;
  int settle_ = 0;  // frames still to draw after the last change or input
  std::uint64_t frames_drawn_ = 0;
  Shown shown_;
  std::unique_ptr<Presenter> presenter_;
  std::unique_ptr<Hosting> hosting_;
  ImFont* presenter_big_ = nullptr;
  ImFont* presenter_medium_ = nullptr;
  unsigned presenter_height_ = 0;  // the window height the presenter's fonts were made for
  // While odds run, their progress bar is redrawn ten times a second, not sixty: the futures
  // get the CPU a 60 Hz redraw of an unchanged screen would take (input still draws at once).
  std::chrono::steady_clock::time_point odds_drawn_;
};

}  // namespace rfsim::render::gui
