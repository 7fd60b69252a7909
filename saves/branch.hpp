// Forking a saved game: the state at a chosen time, the commands before it, a parent named.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "map/theatre.hpp"
#include "saves/save.hpp"
#include "sim/scenario.hpp"

namespace rfsim::saves {

struct BranchOptions {
  sim::SimTime at;                    // where the branch leaves the parent
  std::vector<sim::Inject> injects;   // decided differently at `at`, in order
  std::optional<sim::SimTime> until;  // run the branch on to here (default: stop at `at`)
  std::string title;                  // default: the parent's title + " (branch at T)"
  bool doctrine = false;  // running on: doctrine answers the decisions a player is asked
                          // (headless), each logged as a command; else the branch stops at
                          // the first one
};

/// A new save: the parent's log up to `at`, the given injects applied there, run on to
/// `until`; it names `parent_name` and the time it forked. Throws SaveError if the parent does
/// not fit the theatre.
Save branch(const Save& parent, const std::string& parent_name, const map::Theatre& theatre,
            const BranchOptions& options);

}  // namespace rfsim::saves
