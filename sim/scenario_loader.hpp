// Reading a scenario from TOML, with errors that name the file, the line and column, the
// field path and what was expected. The format is documented in docs/scenario-format.md.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "io/toml_error.hpp"
#include "map/theatre.hpp"
#include "sim/scenario.hpp"

namespace rfsim::sim {

/// A scenario that cannot be used. what() reads "file:line:col: path: message". The TOML
/// reader's own error (io/toml_error.hpp): the same fields, so one class, and a caller that
/// catches either catches both.
using ScenarioError = io::TomlError;

/// What a unit of a type has when its scenario says nothing: how it moves, rounds it holds.
map::Mobility default_mobility(UnitType t);
std::int32_t default_munitions(UnitType t);

/// At most this many problems are listed; the rest are only counted.
inline constexpr std::size_t kMaxListedProblems = 1000;

/// Every problem of a scenario in file order, or the scenario when there is none. A problem
/// that leaves nothing to go on with (text that is not TOML) is the only one listed.
struct ScenarioCheck {
  std::optional<Scenario> scenario;     // set when `problems` is empty
  std::vector<ScenarioError> problems;  // in file order
  std::size_t unlisted = 0;             // problems beyond kMaxListedProblems
};

/// Checks a scenario's text (named `source_name` in messages) against the theatre.
ScenarioCheck check_scenario(std::string_view text, std::string_view source_name,
                             const map::Theatre& theatre);
/// The same from a file; a file that cannot be read is one problem.
ScenarioCheck check_scenario_file(const std::filesystem::path& file, const map::Theatre& theatre);

/// Reads and validates a scenario file against the theatre. Throws ScenarioError: the first
/// problem check_scenario_file lists.
Scenario load_scenario(const std::filesystem::path& file, const map::Theatre& theatre);

/// The same from text already in memory (a save carries its scenario's text).
Scenario parse_scenario(std::string_view text, std::string_view source_name,
                        const map::Theatre& theatre);

}  // namespace rfsim::sim
