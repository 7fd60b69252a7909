// The Dear ImGui panels around the map, and the state they share with the window.
#pragma once

#include <imgui.h>
#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Rect.hpp>

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "play/cell.hpp"
#include "play/log_view.hpp"
#include "render/gui/map_view.hpp"
#include "render/gui/session.hpp"

namespace rfsim::render::gui {

inline constexpr std::size_t kTraceKindCount =  // sim::TraceKind's values
    static_cast<std::size_t>(sim::TraceKind::Decision) + 1;

struct UiState;

/// A change to the game that a panel asks for. Panels draw from a const Session and queue
/// their changes in UiState::actions, which GuiApp runs once every panel is drawn: a click
/// never changes what the rest of the frame is still drawing (answering a decision erased it
/// from the list being drawn, and the panel read freed memory).
using Action = std::function<void(Session&, UiState&)>;

/// What waits behind the "Unsaved game" question (panels_unsaved.cpp).
struct Leaving {
  enum class Kind : std::uint8_t { Quit, Open };
  Kind kind = Kind::Quit;
  std::string open_path;  // Open: the save to open once answered
  std::string error;      // why the last Save failed; empty: none
};

/// What the facilitator has chosen on screen; panels read and change it.
struct UiState {
  bool playing = false;
  float speed = 3600;                   // sim seconds per wall second
  play::Cell cell = play::Cell::White;  // whose picture the map and the event log draw
  FillMode fill = FillMode::Regime;
  bool coverage = false;
  bool full_legend = false;  // the painter's whole key; compact (fill only) covers less map
  Pick selected;
  float ui_scale = 1;         // what the panels are drawn at
  float ui_scale_wanted = 1;  // changed by the Display panel; applied between frames
  bool want_fit = false;      // the map should fit the theatre
  bool want_screenshot = false;
  bool want_quit = false;
  std::optional<map::LonLat> centre_on;  // the map should centre here
  std::string status;              // the last message for the facilitator (screenshot written)
  std::vector<Action> actions;     // changes to the game asked for this frame, run after it
  std::optional<Leaving> leaving;  // set: the "Unsaved game" question is up
  /// Where named controls ("decision/0", "unsaved/save") were drawn in the last frame, in
  /// window pixels: the script driver and the tests click them by name (GuiApp::click).
  std::map<std::string, sf::FloatRect> controls;
  /// The inspector's rows in the last frame, "key: value", top to bottom (tests read them).
  std::vector<std::string> inspected;
  double frame_ms = 0;   // the last frame's own time, for the run panel
  double sim_speed = 0;  // sim seconds per wall second actually achieved

  // Event log filters.
  std::array<bool, kTraceKindCount> show_kind{};
  int region_filter = -1;  // -1 all
  int nation_filter = -1;  // -1 all
  // The log's filtered rows, kept up to date as the log grows; log_view reads it for `cell`.
  std::vector<std::uint32_t> log_rows;
  play::LogView log_view{play::Cell::White};
  std::size_t log_scanned = 0;
  std::uint64_t log_generation = 0;
  bool log_dirty = true;

  // Inject forms. The regime's and US support's start at what the game has now (-1 until
  // first drawn), so that a click by mistake changes nothing; an inject waits in `confirm`
  // until the facilitator confirms what it will do.
  int inject_regime = -1;
  int inject_us = -1;
  struct PendingInject {
    sim::Inject inject;
    std::string what;    // "regime none", "United Kingdom withdraws"
    bool shown = false;  // drawn once: the panel has scrolled to it
  };
  std::optional<PendingInject> confirm;
  int inject_nation = 0;
  int inject_region = -1;
  int inject_count = 5;
  int inject_link = 0;

  // How "ask" paces itself (panels_run.cpp): HQ's taskings below ask_from_level (a
  // sim::ResponseLevel) or beyond ask_per_hour put to the room in the last simulated hour are
  // answered by doctrine, through the same command as a click, and logged as such.
  int ask_from_level = 0;              // 0 record .. 3 engage: ask everything from this level up
  int ask_per_hour = 0;                // 0: no limit
  std::vector<sim::SimTime> asked_at;  // when decisions were put to the room
  std::uint64_t last_asked = 0;        // the id of the last decision put to the room (+1)

  // Saves panel (panels_saves.cpp): its path fields; and the unsaved game's question's.
  std::array<char, 512> save_path{};
  std::array<char, 512> open_path{};
  std::array<char, 512> branch_path{};
  std::array<char, 512> unsaved_path{};

  UiState() { show_kind.fill(true); }
};

/// Where the panels go; computed from the window size every frame. The map takes the rest:
/// x from left_w to width - right_w, y from 0 to height - bottom_h.
struct Layout {
  float left_w, right_w, bottom_h, width, height;
};
Layout layout_for(float width, float height, float ui_scale);  // gui_app.cpp

/// The panels' background: ImGui's window colour, and what GuiApp clears the window to.
inline const sf::Color kPanelBackground(27, 37, 48);
/// Text the facilitator must not miss: a failed autosave, play that no save holds.
inline const ImVec4 kWarning(1.0f, 0.62f, 0.22f, 1);

/// The four panels that tile the window around the map: fixed in place, and drawing no
/// background of their own, since the window is cleared to kPanelBackground under them
/// (a megapixel of ImGui fills costs a software GL 2-3 ms a frame).
inline constexpr ImGuiWindowFlags kFixedPanel =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
    ImGuiWindowFlags_NoBackground;

void panel_run(const Session& session, UiState& ui, const Layout& at);        // panels_run.cpp
void panel_log(const Session& session, UiState& ui, const Layout& at);        // panels_log.cpp
void panel_inspector(const Session& session, UiState& ui, const Layout& at);  // panels_inspect.cpp
/// The measures are the truth's whatever the cell (a line says so when the cell is not White).
void panel_measures(const Session& session, const Layout& at,
                    play::Cell cell = play::Cell::White);                 // panels_measures.cpp
void panel_saves(const Session& session, UiState& ui, const Layout& at);  // panels_saves.cpp
/// The modal "Unsaved game: Save / Discard / Cancel" while ui.leaving is set.
void panel_unsaved(const Session& session, UiState& ui);  // panels_unsaved.cpp

/// Answers by doctrine the waiting HQ taskings that the pace in `ui` does not put to the room
/// (a command each, as a click gives); returns whether a decision still waits for the room.
bool answer_paced(Session& session, UiState& ui);  // panels_run.cpp

/// The MSEL's injects in time order, to come and fired, with their notes (panels_msel.cpp).
void msel_section(const Session& session, UiState& ui);
/// An inject in words: "provocation: 5 violations in Donetsk Oblast".
std::string inject_words(const sim::Simulation& run, const sim::Inject& in);

/// Opens a save in the window; a failure goes to the status line (panels_saves.cpp).
void open_game(Session& session, UiState& ui, const std::string& path);

/// ImGui::Button that also notes where it was drawn in ui.controls under `name`.
bool named_button(UiState& ui, const std::string& name, const char* label,
                  const ImVec2& size = ImVec2(0, 0));

/// A unit's name for people: "uk-qrf-1 (UK quick_reaction)".
std::string unit_name(const sim::Simulation& run, std::uint32_t unit);

/// A duration for a room, rounded to the minute: "2 h 05 min", "45 min", "3 d 4 h".
std::string minutes_text(sim::Duration d);

/// A violation in a few lines, for the map's tooltip: "artillery in Kharkiv at D2 03:12",
/// then how it was answered or why not (panels_inspect.cpp).
std::vector<std::string> violation_summary(const Session& session, std::uint64_t serial);

}  // namespace rfsim::render::gui
