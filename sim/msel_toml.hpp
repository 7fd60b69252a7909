// Writing a scenario's MSEL back into its TOML text: its [[injects]] tables replaced, every
// other byte of the file kept as it was (comments, order, spacing).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "map/theatre.hpp"
#include "sim/scenario.hpp"

namespace rfsim::sim {

/// `s` as a TOML basic string: quotes, backslashes and control characters escaped; UTF-8 kept.
std::string toml_string(std::string_view s);

/// [[injects]] tables for `injects`, keys in the order at, kind, the kind's own fields, note;
/// blank lines between tables; every line ended with `eol`. Nations are written by their code
/// in `scenario`, regions by their theatre id.
std::string injects_to_toml(const std::vector<Inject>& injects, const Scenario& scenario,
                            const map::Theatre& theatre, std::string_view eol = "\n");

/// The scenario `text` (named `file` in messages) with its [[injects]] tables replaced by
/// `injects`: the new tables take the place of the first old one (or go at the end of the file
/// when it had none); the lines of the other old tables go, with the blank lines just before
/// them; every other line is kept byte for byte. Comments on the lines of an old table go with
/// it. Throws ScenarioError when `text` is not a valid scenario, or when it writes its injects as
/// an inline array (`injects = [...]`), which this does not rewrite.
std::string with_injects(std::string_view text, const std::string& file,
                         const std::vector<Inject>& injects, const map::Theatre& theatre);

}  // namespace rfsim::sim
