// Reading a scenario from TOML, with errors that name the file, the line and column, the
// field path and what was expected. The format is documented in docs/scenario-format.md.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "map/theatre.hpp"
#include "sim/scenario.hpp"

namespace rfsim::sim {

/// A scenario that cannot be used. what() reads "file:line:col: path: message".
class ScenarioError : public std::runtime_error {
 public:
  ScenarioError(std::string file, int line, int column, std::string path, std::string message);
  const std::string& file() const { return file_; }
  int line() const { return line_; }                 // 1-based; 0 when unknown
  int column() const { return column_; }             // 1-based; 0 when unknown
  const std::string& path() const { return path_; }  // field path: "units[3].home"
  const std::string& message() const { return message_; }

 private:
  std::string file_, path_, message_;
  int line_, column_;
};

/// Reads and validates a scenario file against the theatre. Throws ScenarioError.
Scenario load_scenario(const std::filesystem::path& file, const map::Theatre& theatre);

/// The same from text already in memory (a save carries its scenario's text).
Scenario parse_scenario(std::string_view text, std::string_view source_name,
                        const map::Theatre& theatre);

}  // namespace rfsim::sim
