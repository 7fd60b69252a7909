// A seat's window (`rfsim join`): its cell's picture as the host sends it (the map, the clock,
// the log, the inspector, the decisions it owns, the measures; White's MSEL, which a White seat
// edits), drawn from plain data only.
#pragma once

#include <SFML/System/Vector2.hpp>
#include <SFML/Window/Event.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "map/theatre.hpp"
#include "play/protocol.hpp"
#include "play/seat.hpp"
#include "render/gui/map_view.hpp"
#include "render/gui/panels.hpp"

namespace sf {
class RenderTarget;
}

namespace rfsim::render::gui {

class ImGuiWindowContext;  // render/gui/imgui_context.hpp

/// What a seat holds now (play::Seat's), lent for one pass: nothing of the game beyond it.
struct SeatFeed {
  const play::Welcome* welcome = nullptr;           // null until the host welcomed the seat
  const play::PictureMessage* picture = nullptr;    // null until the first picture
  const std::vector<play::LogLine>* log = nullptr;  // the lines the cell may read
  std::uint64_t pictures = 0;                       // pictures received: a new one is drawn
  bool connected = false;
  std::string banner;   // while not connected: what happened and what the seat does about it
  std::string refusal;  // the host's last refusal of an order, "" none
};

struct SeatScreenOptions {
  float ui_scale = 0;      // 0: from the window's height
  bool presenter = false;  // the projector's view of the picture: map and large type
  bool stock_imgui_renderer = false;
};

/// One seat's screen, drawn onto any SFML target. Orders (answers, pause, speed, notes) are
/// queued as messages for the caller to send (take_orders()), so that it can be driven
/// without a network in tests.
///   SeatScreen screen(theatre, {});
///   screen.handle(e);  if (screen.pass(window, size, dt, feed)) window.display();
///   for (const play::Message& m : screen.take_orders()) seat.send(m);
class SeatScreen {
 public:
  SeatScreen(const map::Theatre& theatre, SeatScreenOptions options);
  ~SeatScreen();
  SeatScreen(const SeatScreen&) = delete;
  SeatScreen& operator=(const SeatScreen&) = delete;

  void handle(const sf::Event& event);
  /// Draws a frame when something changed (a picture, input, the banner). Returns whether it drew.
  bool pass(sf::RenderTarget& target, sf::Vector2u size, double dt, const SeatFeed& feed);
  /// Clicks a named control where the last frame drew it ("decision/0/1": the first decision's
  /// second option; "seat/pause", "seat/resume", "note/add"; a White seat's MSEL: "msel/add",
  /// "msel/edit/N", "msel/cancel/N", "msel/cancel/confirm", "msel/form/save"), as the mouse
  /// would.
  bool click(const std::string& control);
  void touch();
  bool wants_frame() const;
  std::vector<play::Message> take_orders() { return std::exchange(orders_, {}); }

  UiState& ui() { return ui_; }
  MapView& map() { return map_; }
  /// What the seat itself says in its log: decisions that went without its answer, and why.
  const std::vector<std::string>& notices() const { return notices_; }
  /// The rows the decisions panel drew last frame, one a decision ("12: HQ tasking: ...").
  const std::vector<std::string>& decision_rows() const { return decision_rows_; }
  std::uint64_t frames_drawn() const { return frames_drawn_; }
  /// The banner drawn in the last frame ("" none).
  const std::string& banner_drawn() const { return banner_drawn_; }

 private:
  void frame(sf::RenderTarget& target, sf::Vector2u size, double dt, const SeatFeed& feed);
  void follow_decisions(const SeatFeed& feed);
  void panel_seat(const SeatFeed& feed, const Layout& l);
  void panel_decisions(const SeatFeed& feed);
  void panel_log(const SeatFeed& feed, const Layout& l);
  void panel_inspector(const SeatFeed& feed, const Layout& l);
  void panel_note(const SeatFeed& feed, const Layout& l);
  void panel_msel(const SeatFeed& feed);
  void map_input();

  const map::Theatre* theatre_;
  SeatScreenOptions options_;
  MapView map_;
  UiState ui_;
  std::unique_ptr<ImGuiWindowContext> imgui_;
  std::vector<play::Message> orders_;
  std::vector<sf::Event> map_events_;
  int settle_ = 0;
  std::uint64_t frames_drawn_ = 0;
  std::uint64_t pictures_drawn_ = ~0ull;
  std::size_t log_drawn_ = 0;
  bool connected_drawn_ = false;
  std::string banner_drawn_;
  sf::Vector2u size_{0, 0};
  ImFont* big_ = nullptr;
  ImFont* medium_ = nullptr;
  unsigned presenter_height_ = 0;
  // Decisions as last offered (id: words), those this seat answered, and the seat's notices.
  std::map<std::uint64_t, std::string> offered_;
  std::set<std::uint64_t> answered_;
  std::size_t log_seen_ = 0;  // log lines looked through for the host's word on a decision
  std::vector<std::string> notices_;
  std::vector<std::string> decision_rows_;
};

struct SeatWindowOptions {
  unsigned width = 1600;
  unsigned height = 1000;
  SeatScreenOptions screen;
  std::filesystem::path script;  // optional: commands between frames (see run_seat_window)
  std::chrono::milliseconds rejoin_every{2000};  // while the connection is lost
  std::filesystem::path screenshot_dir = ".";
};

/// Opens the seat's window on a connected seat and runs until it is closed or the host ends
/// the game. A lost connection shows a banner and the seat rejoins every `rejoin_every`. A
/// script (tests, screenshots) is one command a line: `wait SECONDS`, `wait-picture`,
/// `wait-new-picture` (one received after this line, connected),
/// `wait-decision`, `wait-text TEXT` (until a log line holds TEXT), `click CONTROL`,
/// `select unit ID` / `select violation SERIAL` / `select violation reported` (the newest whose
/// report names its sensor), `screenshot FILE`, `echo TEXT`, `cut` (closes
/// the connection as a network cut would: the seat then rejoins), `quit`.
/// Throws NoDisplay without a display, play::SeatError as the seat does, std::runtime_error
/// for a bad script line.
int run_seat_window(const map::Theatre& theatre, play::Seat& seat,
                    const SeatWindowOptions& options);

}  // namespace rfsim::render::gui
