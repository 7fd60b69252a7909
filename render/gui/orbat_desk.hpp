// The ORBAT and scenario editor's state (panels_orbat.cpp): a copy of the scenario being edited,
// the forms, and the problems `rfsim validate` would list for it. It edits a scenario, never
// the game running in the window: the edited scenario starts a new game.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "map/theatre.hpp"
#include "render/gui/panels.hpp"
#include "sim/scenario.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::render::gui {

struct OrbatDesk {
  sim::Scenario scenario;  // being edited
  bool checked = false;    // `problems` and `text` are those of `scenario` as it is now
  std::string text;        // the scenario as TOML, what "Save scenario as..." writes
  std::vector<sim::ScenarioError> problems;  // what `rfsim validate` says of `text`

  std::array<char, 64> search{};    // unit ids containing it (any case); empty: every unit
  int unit = -1;                    // the unit selected in the tree (an index into units)
  bool placing = false;             // the next click on the map places `unit` there
  int nation = 0;                   // the nation whose caveats are edited
  std::array<char, 32> approval{};  // nation's approval_median being typed ("45m")

  // The "Add unit" form.
  std::array<char, 64> new_id{};
  int new_type = 1;       // sim::UnitType, light infantry
  int new_nation = 0;     // index into scenario.nations
  int new_home = -1;      // a region id; -1: the region selected on the map
  int new_readiness = 0;  // sim::Readiness
  int new_deploy_to = -1;
  int new_strength = 600;

  // Text being typed into a field, by the field's path ("scenario.length", "unit.notice"): kept
  // as typed until it reads, the scenario keeping its last good value meanwhile.
  std::map<std::string, std::array<char, 512>> texts;
  int texts_unit = -1;  // the unit whose "unit.*" texts are held
  int rate_step = 0;    // the step of Red's ladder whose rates are shown (sim::RedStep)

  // The MSEL: the form (line: -1 closed, -2 a new line, else an index into scenario.injects).
  MselForm msel;

  std::array<char, 512> save_path{};
  bool confirm_overwrite = false;  // the file exists: "Overwrite" or "Cancel" shown
  std::string message;             // the last save's or edit's outcome, for the facilitator
  float max_height = 0;            // the editor window's height at most, in pixels (this frame)

  /// Rewrites `text` and checks it when the scenario changed since the last check.
  void check(const map::Theatre& theatre);
  /// The name `text` is checked under: the path typed, else "scenario.toml".
  std::string file_name() const;
};

// The editor's sections beyond the force (panels_orbat_scenario.cpp).
/// The [scenario] header (every key of docs/scenario-format.md) and the threat's rates.
void orbat_scenario_tab(const Session& session, UiState& ui, OrbatDesk& d);
/// Every key of the selected unit.
void orbat_unit_fields(const Session& session, UiState& ui, OrbatDesk& d);
/// The scenario's MSEL in time order with its notes: add, edit (time, kind, parameters, note),
/// delete; a line that would make the scenario invalid is refused with validate's message.
void orbat_msel_tab(const Session& session, UiState& ui, OrbatDesk& d);
/// The problems `rfsim validate` lists at field path `path` (or under it), under the field.
void orbat_field_problems(const OrbatDesk& d, const std::string& path);

}  // namespace rfsim::render::gui
