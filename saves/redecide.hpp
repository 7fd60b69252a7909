// Answering a past decision differently: the game forked just before the logged answer, the
// new answer given there, and the rest played on as a branch naming its parent.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "map/theatre.hpp"
#include "saves/branch.hpp"
#include "saves/save.hpp"

namespace rfsim::saves {

/// The log of `game` as it stood just before its command `command` applied: the commands
/// before it, and the keyframes and trace up to the last keyframe at or before its time. A
/// Recording of it sought to the command's time is the game without that command and those
/// after it (what the window's "take back" and a decision answered anew fork from).
/// Throws std::out_of_range when there is no such command.
Save log_before(const Save& game, std::size_t command);

/// A logged answer to a decision (a Decide command).
struct LoggedDecision {
  std::size_t command = 0;  // its place in Save::commands
  sim::SimTime at;          // when it was answered
  std::uint64_t decision = 0;
  std::int32_t option = 0;
};

/// Every logged answer, in log order.
std::vector<LoggedDecision> logged_decisions(const Save& save);

/// A branch of `parent` where decision `decision` is answered with `option`: the parent's game
/// up to the moment it was answered, before the answer (the logged commands before it applied);
/// then the new answer, then `options.injects`; run on to `options.until` if given, doctrine
/// answering later decisions when `options.doctrine`. `options.at` is not used: the fork is
/// the decision's moment. Throws std::invalid_argument saying why when no answer to that
/// decision is logged, when `option` is the logged one, or when it is not an option of the
/// decision as it is pending there (found by re-simulating to it); SaveError when the parent does
/// not fit the theatre.
Save branch_deciding(const Save& parent, const std::string& parent_name,
                     const map::Theatre& theatre, std::uint64_t decision, std::int32_t option,
                     const BranchOptions& options);

}  // namespace rfsim::saves
