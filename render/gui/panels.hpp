// The Dear ImGui panels around the map, and the state they share with the window.
#pragma once

#include <imgui.h>
#include <SFML/Graphics/Color.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "render/gui/map_view.hpp"
#include "render/gui/session.hpp"

namespace rfsim::render::gui {

inline constexpr std::size_t kTraceKindCount =  // sim::TraceKind's values
    static_cast<std::size_t>(sim::TraceKind::Decision) + 1;

/// What the facilitator has chosen on screen; panels read and change it.
struct UiState {
  bool playing = false;
  float speed = 3600;  // sim seconds per wall second
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
  std::string status;    // the last message for the facilitator (screenshot written)
  double frame_ms = 0;   // the last frame's own time, for the run panel
  double sim_speed = 0;  // sim seconds per wall second actually achieved

  // Event log filters.
  std::array<bool, kTraceKindCount> show_kind{};
  int region_filter = -1;  // -1 all
  int nation_filter = -1;  // -1 all
  // The log's filtered rows, kept up to date as the log grows.
  std::vector<std::uint32_t> log_rows;
  std::size_t log_scanned = 0;
  std::uint64_t log_generation = 0;
  bool log_dirty = true;

  // Inject forms.
  int inject_regime = 2;
  int inject_us = 2;
  int inject_nation = 0;
  int inject_region = -1;
  int inject_count = 5;
  int inject_link = 0;

  // Saves panel (panels_saves.cpp): its path fields.
  std::array<char, 512> save_path{};
  std::array<char, 512> open_path{};
  std::array<char, 512> branch_path{};

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

/// The four panels that tile the window around the map: fixed in place, and drawing no
/// background of their own, since the window is cleared to kPanelBackground under them
/// (a megapixel of ImGui fills costs a software GL 2-3 ms a frame).
inline constexpr ImGuiWindowFlags kFixedPanel =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
    ImGuiWindowFlags_NoBackground;

void panel_run(Session& session, UiState& ui, const Layout& at);        // panels_run.cpp
void panel_log(Session& session, UiState& ui, const Layout& at);        // panels_log.cpp
void panel_inspector(Session& session, UiState& ui, const Layout& at);  // panels_inspect.cpp
void panel_measures(const Session& session, const Layout& at);          // panels_measures.cpp
void panel_saves(Session& session, UiState& ui, const Layout& at);      // panels_saves.cpp

/// A unit's name for people: "uk-qrf-1 (UK quick_reaction)".
std::string unit_name(const sim::Simulation& run, std::uint32_t unit);

}  // namespace rfsim::render::gui
