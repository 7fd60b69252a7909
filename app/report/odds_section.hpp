// The after-action report's section on the odds asked during the game ("Odds from here" in the
// window, kept beside the save as GAME.odds.json).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "batch/odds.hpp"

namespace rfsim::app::report {

/// One <section id="odds">: per moment asked, the ceasefire break's odds with their interval
/// and a chart per headline measure (median, 50% and 90% bands over the horizon). Odds whose
/// game seed is not `game_seed` are flagged as asked of another game.
std::string odds_section(const std::vector<batch::Odds>& odds, const std::string& file,
                         std::uint64_t game_seed);

/// `page` with `section` inserted before its </main>.
std::string with_section(std::string page, const std::string& section);

}  // namespace rfsim::app::report
