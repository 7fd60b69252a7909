// The Dear ImGui panels around the map, and the state they share with the window.
#pragma once

#include <imgui.h>
#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Window/Event.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "play/cell.hpp"
#include "play/log_view.hpp"
#include "play/picture.hpp"
#include "render/gui/map_view.hpp"
#include "render/gui/session.hpp"
#include "saves/notes.hpp"

namespace rfsim::play {
class Host;  // play/host.hpp
}  // namespace rfsim::play

namespace rfsim::render::gui {

inline constexpr std::size_t kTraceKindCount =  // sim::TraceKind's values
    static_cast<std::size_t>(sim::TraceKind::Decision) + 1;

struct UiState;
class OddsDesk;    // odds_desk.hpp
class BranchDesk;  // branch_desk.hpp
struct OrbatDesk;  // orbat_desk.hpp

/// Where "answer differently" is open: the MSEL panel's "Commands given", or the inspector
/// (opened from a decision there or from a decision's line in the event log).
enum class RedecideAt : std::uint8_t { Commands, Inspector };

/// A change to the game that a panel asks for. Panels draw from a const Session and queue
/// their changes in UiState::actions, which GuiApp runs once every panel is drawn: a click
/// never changes what the rest of the frame is still drawing (answering a decision erased it
/// from the list being drawn, and the panel read freed memory).
using Action = std::function<void(Session&, UiState&)>;

/// What waits behind the "Unsaved game" question (panels_unsaved.cpp).
struct Leaving {
  enum class Kind : std::uint8_t { Quit, Open, NewGame };
  Kind kind = Kind::Quit;
  std::string open_path;  // Open: the save to open once answered; NewGame: the scenario's name
  std::string error;      // why the last Save failed; empty: none
};

/// The notes window's form (panels_notes.cpp): a new note, or one being edited.
struct NoteForm {
  int editing = -1;  // -1: closed; -2: a new note; else the index of the note edited
  sim::SimTime at;
  std::array<char, saves::kMaxNoteTitle + 1> title{};
  std::array<char, saves::kMaxNoteText + 1> text{};
  int place = 0;         // 0 none, 1 the region selected on the map, 2 a point clicked on it
  bool picking = false;  // the next click on the map gives the point
  std::optional<map::LonLat> point;
  std::optional<std::uint32_t> region;  // the region when place is 1
  std::string error;                    // why the last Save of the form was refused
};

/// The MSEL panel's form (panels_msel.cpp): a line added, or one moved or edited.
struct MselForm {
  int line = -1;              // -1: closed; -2: a new line; else the number of the line edited
  int kind = 0;               // sim::InjectKind of the line
  std::array<char, 32> at{};  // when it fires, "3d12h" (from the scenario's start)
  int regime = 0, us = 0, nation = 0, region = 0, region_b = 0, count = 5, unit = 0;
  bool any_nation = true;  // surge: every nation's units at home
  int tier = 0;            // surge: sim::Readiness (in_theatre: every tier)
  int mode = 0;            // deploy: sim::DeployMode
  std::array<char, 256> note{};
  std::string error;   // why the last Save was refused
  bool shown = false;  // drawn once: the panel has scrolled to it
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
  /// What of each named control could be seen: the clip rectangle it was drawn under (its
  /// panel's inside, or its table column's). A control that pokes out of it is cut off.
  std::map<std::string, sf::FloatRect> control_clips;
  /// The inspector's rows in the last frame, "key: value", top to bottom (tests read them).
  std::vector<std::string> inspected;
  double frame_ms = 0;   // the last frame's own time, for the run panel
  double sim_speed = 0;  // sim seconds per wall second actually achieved

  // Notes and the presenter view (panels_notes.cpp, presenter.cpp).
  bool observer = false;    // an observer's seat: may take notes (play::may_take_notes)
  bool show_notes = false;  // the notes window is open (key B)
  bool presenter = false;   // the projector's view: the map and large type, no panels (F5)
  NoteForm note;
  float presenter_min_text_px = 0;  // the smallest type the last presenter frame drew

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

  // "Odds from here" and "Branches" (panels_odds.cpp, panels_branches.cpp): their desks, made
  // at the panels' first frame; want_*: open the panel at the next frame (keys O and B).
  std::shared_ptr<OddsDesk> odds;
  std::shared_ptr<BranchDesk> branches;
  bool want_odds = false;
  bool want_branches = false;
  std::vector<std::string> branch_rows;  // the tree as listed in the last frame (tests read it)
  std::vector<std::string> compared;     // "measure: A | B" in the last frame (tests read it)

  // The ORBAT and scenario editor (panels_orbat.cpp, key E): a scenario being edited, made
  // from the game's at its first frame.
  bool show_orbat = false;
  std::shared_ptr<OrbatDesk> orbat;
  std::string new_game_text;  // the edited scenario a new game waits on (Leaving::NewGame)
  // The MSEL in play and the commands given (panels_msel.cpp): the form, a cancel, a take
  // back and an answer given anew waiting for confirmation; want_*: open the section at the
  // next frame; msel_rows: the lines as drawn in the last frame (tests read them).
  MselForm msel;
  int msel_cancel = -1;      // the line whose cancel waits for confirmation
  int take_back = -1;        // the command taken back (with those after it), to confirm
  int redecide = -1;         // the logged answer (a command) being answered anew
  int redecide_option = -1;  // the option chosen for it, to confirm
  RedecideAt redecide_at = RedecideAt::Commands;  // where its form is drawn
  bool want_msel = false;                         // open "MSEL: injects to come" at the next frame
  bool want_commands = false;                     // open "Commands given" at the next frame
  std::vector<std::string> msel_rows;

  // Hosting a multi-seat game (`rfsim host`, panels_seats.cpp): the host, or nullptr; while
  // set, Open is off (the seats would be left on a game that is gone).
  const play::Host* host = nullptr;
  bool show_seats = true;
  std::vector<std::string> seat_rows;  // the seats joined as listed in the last frame (tests)

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
void panel_seats(const play::Host& host, UiState& ui, const Layout& at);      // panels_seats.cpp
void panel_log(const Session& session, UiState& ui, const Layout& at);        // panels_log.cpp
void panel_inspector(const Session& session, UiState& ui, const Layout& at);  // panels_inspect.cpp
/// The measures of the cell's picture (play::measures_of: Blue's count detected violations
/// only); the hourly plots, the truth's, on White's screen only.
void panel_measures(const Session& session, const Layout& at,
                    play::Cell cell = play::Cell::White);  // panels_measures.cpp
/// The measures' table from plain data, for the window and a seat's (`extra_rows` adds rows
/// after "answered in standard"); inside an ImGui window.
void measures_table(const play::PictureMeasures& m, play::Cell cell,
                    const std::function<void()>& extra_rows = {});
void panel_saves(const Session& session, UiState& ui, const Layout& at);  // panels_saves.cpp
/// The modal "Unsaved game: Save / Discard / Cancel" while ui.leaving is set.
void panel_unsaved(const Session& session, UiState& ui);  // panels_unsaved.cpp

/// The notes window, and its "Notes (B)" / "Presenter (F5)" buttons over the map's corner.
void panel_notes(const Session& session, UiState& ui, const Layout& at);  // panels_notes.cpp
/// The notes as marks on the timeline drawn from p0 to p1 (for the cells that may see them).
void timeline_note_marks(const Session& session, const UiState& ui, ImVec2 p0, ImVec2 p1);
/// A note's place on the map, if it has one.
std::optional<map::LonLat> note_place(const Session& session, const saves::Note& n);
/// Where the n-th folded bar over the map's top-left corner goes (0 Saves, 1 Odds from here,
/// 2 Branches, 3 the Notes and Presenter buttons), under the map's banner: one above the
/// other, so that no bar covers another's title or the buttons a click is meant for.
inline float map_bar_top(int n) {
  return ImGui::GetTextLineHeightWithSpacing() * (2.2f + 1.45f * static_cast<float>(n));
}

/// Copies `from` into a fixed text buffer of an ImGui field, cut to fit, always terminated.
template <std::size_t N>
void copy_into(std::array<char, N>& to, const std::string& from) {
  const std::size_t n = std::min(from.size(), N - 1);
  std::memcpy(to.data(), from.data(), n);
  to[n] = '\0';
}

/// "Odds from here": N futures from the moment shown, on worker threads (panels_odds.cpp).
void panel_odds(const Session& session, UiState& ui, const Layout& at);
bool odds_running(const UiState& ui);  // the window keeps drawing while they run
/// Odds and Branches belong to one game: what their desks hold for another game than
/// `session`'s (futures running, odds kept, a tree, a comparison) is dropped. Every frame.
void follow_game(const Session& session, UiState& ui);
/// The saves of the game as a tree, and a second branch at the same time (panels_branches.cpp).
void panel_branches(const Session& session, UiState& ui, const Layout& at);
/// The session the map draws: the game, or branch B when the Branches panel's toggle says so.
const Session& map_session(const Session& game, const UiState& ui);
/// Answers by doctrine the waiting HQ taskings that the pace in `ui` does not put to the room
/// (a command each, as a click gives); returns whether a decision still waits for the room.
bool answer_paced(Session& session, UiState& ui);  // panels_run.cpp

/// The MSEL's injects in time order, to come and fired, with their notes (panels_msel.cpp).
void msel_section(const Session& session, UiState& ui);
/// The commands in the log up to now, newest first in a list that scrolls, each offered to
/// take back, and the answers to decisions offered to be answered differently (panels_msel.cpp).
void commands_section(const Session& session, UiState& ui);
/// The command that answered decision `decision`, given at or before now (its index in the
/// recording's commands), if any.
std::optional<std::size_t> answer_command(const Session& session, std::uint64_t decision);
/// Opens "answer differently" for the logged answer `command`, drawn at `where`.
void ask_redecide(UiState& ui, std::size_t command, RedecideAt where);
/// The open "answer differently" form (ui.redecide) when it is drawn at `where`: the
/// decision's options, the one given marked, a choice confirmed before it forks the game.
void redecide_form(const Session& session, UiState& ui, RedecideAt where);
/// An inject in words: "provocation: 5 violations in Donetsk Oblast".
std::string inject_words(const sim::Simulation& run, const sim::Inject& in);

/// The ORBAT and scenario editor while ui.show_orbat is set (panels_orbat.cpp).
void panel_orbat(const Session& session, UiState& ui, const Layout& at);
/// A click on the map while the editor places a unit: the unit goes to the region clicked (a
/// unit's symbol: the region it stands in). Whether the editor took the click.
bool orbat_pick(const Session& session, UiState& ui, const Pick& p);

/// Starts a new game in the window from a scenario's TOML text (the editor's), named `name` in
/// messages; a failure goes to the status line (panels_orbat.cpp).
void start_new_game(Session& session, UiState& ui, const std::string& text,
                    const std::string& name);
/// Opens a save in the window; a failure goes to the status line (panels_saves.cpp).
void open_game(Session& session, UiState& ui, const std::string& path);

/// The mouse events of a click in the middle of a named control, as it was last drawn (none
/// when it was not): what scripts and tests click with, in either window.
std::vector<sf::Event> click_on(const UiState& ui, const std::string& control);

/// Notes where the last item was drawn in ui.controls under `name` (tests and scripts click it).
void mark_control(UiState& ui, const std::string& name);
/// ImGui::Button that also notes where it was drawn in ui.controls under `name`.
bool named_button(UiState& ui, const std::string& name, const char* label,
                  const ImVec2& size = ImVec2(0, 0));

/// Puts the next item of a row beside the last one when `next_width` pixels still fit before
/// the panel's (or column's) right edge, else under it: rows of controls wrap at any width and
/// UI scale instead of running off the panel.
void same_line_if_fits(float next_width);
/// The width of a checkbox or radio button labelled `label`; of a button (or SmallButton).
float check_width(const char* label);
float button_width(const char* label);
/// `text` with line breaks put at spaces so that no line is wider than `width` pixels in the
/// current font: a button's label, which ImGui does not wrap, kept whole in a narrow panel.
std::string wrap_text(const std::string& text, float width);

/// Option `i` of a decision as its button says it, with its odds ("send UK qrf-1 (doctrine)\n
/// interpose, ETA 2 h 05 min, 64% in standard"); `unit` names the option's unit ("" none),
/// `sector_step` is the sector's step now (Red's review); `short_label` gets "send ..." alone.
std::string option_text(const sim::Decision& d, std::size_t i, const std::string& unit,
                        std::optional<sim::RedStep> sector_step,
                        std::string* short_label = nullptr);

/// A unit's name for people: "uk-qrf-1 (UK quick_reaction)".
std::string unit_name(const sim::Simulation& run, std::uint32_t unit);

/// A duration for a room, rounded to the minute: "2 h 05 min", "45 min", "3 d 4 h".
std::string minutes_text(sim::Duration d);

/// A violation in a few lines, for the map's tooltip: "artillery in Kharkiv at D2 03:12",
/// then how it was answered or why not (panels_inspect.cpp).
std::vector<std::string> violation_summary(const Session& session, std::uint64_t serial);

}  // namespace rfsim::render::gui
