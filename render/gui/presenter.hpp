// The presenter view for the projector: the map on the whole window, and over it in large
// type the clock, the headline measures and the last few events of the cell followed.
#pragma once

#include <imgui.h>
#include <SFML/System/Vector2.hpp>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "play/log_view.hpp"
#include "play/picture.hpp"
#include "render/gui/panels.hpp"
#include "render/gui/session.hpp"

namespace rfsim::render::gui {

/// Type sizes readable from the back of a room: a fraction of the window's height, never
/// below a floor (at 1280x720: 45 and 26 px; at 1920x1080: 68 and 39 px).
struct PresenterType {
  float big = 0;     // the clock
  float medium = 0;  // everything else
};
PresenterType presenter_type(unsigned window_height);

/// The overlay from plain data: the picture's clock and headline measures, and `events` (the
/// last few lines, oldest first, already in words). A seat's presenter draws this.
void presenter_overlay(const play::Picture& pic, const std::vector<std::string>& events,
                       UiState& ui, sf::Vector2u size, ImFont* big, ImFont* medium);
/// Whether a log record of this kind is read out to the room (moves and combat rounds not).
bool presenter_headline(sim::TraceKind kind);

/// The presenter's overlay, drawn on ImGui's foreground (no window, no panel) between
/// NewFrame and Render; the map under it is GuiApp's, on the whole window.
///   Presenter p;  p.overlay(session, ui, size, big_font, medium_font);
class Presenter {
 public:
  static constexpr std::size_t kEvents = 5;  // the last few events shown
  void overlay(const Session& session, UiState& ui, sf::Vector2u size, ImFont* big, ImFont* medium);

 private:
  void follow_log(const Session& session, play::Cell cell);
  play::LogView view_{play::Cell::White};
  std::size_t scanned_ = 0;
  std::uint64_t generation_ = ~0ull;
  std::deque<std::size_t> last_;  // indices into the session's log
};

}  // namespace rfsim::render::gui
