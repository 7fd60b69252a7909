// The MSEL (a scenario's injects) as CSV with times relative to the start ("T+2d6h"), so that a
// facilitator can write it in a spreadsheet. docs/scenario-format.md describes the columns.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "map/theatre.hpp"
#include "sim/scenario.hpp"

namespace rfsim::sim {

/// The columns, in the order msel_to_csv writes them.
inline constexpr std::string_view kMselColumns[] = {"time",   "kind",   "regime",    "us_support",
                                                    "nation", "region", "to",        "count",
                                                    "note",   "unit",   "readiness", "mode"};

/// One problem in an MSEL CSV: its place and what was expected.
struct MselProblem {
  int line = 0;             // 1-based; 0 when about the whole file
  int column = 0;           // 1-based, in characters; 0 when about the whole row
  std::string column_name;  // "region"; "" when about the row or the file
  std::string message;
  /// "FILE:LINE:COLUMN: COLUMN_NAME: MESSAGE", the form scenario errors take.
  std::string describe(const std::string& file) const;
};

/// What reading an MSEL CSV gives: the injects in time order (stable, as the scenario loader
/// sorts them), or every problem found, in file order.
struct MselRead {
  std::vector<Inject> injects;
  std::vector<MselProblem> problems;
  bool ok() const { return problems.empty(); }
};

/// Reads an MSEL written as CSV (RFC 4180: commas, double quotes around fields that hold commas,
/// quotes or line breaks; a header row naming the columns, in any order; UTF-8). Every value is
/// checked as the scenario loader checks the TOML's [[injects]], against the scenario's nations
/// and length and the theatre's regions and links; every bad row is reported, not only the first.
MselRead msel_from_csv(std::string_view text, const Scenario& scenario,
                       const map::Theatre& theatre);

/// The injects as CSV: a header, then one row per inject in the given order, LF line ends.
/// Columns a kind does not use are left empty.
std::string msel_to_csv(const std::vector<Inject>& injects, const Scenario& scenario,
                        const map::Theatre& theatre);

}  // namespace rfsim::sim
