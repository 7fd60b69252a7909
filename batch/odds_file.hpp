// The odds asked during a game, kept beside its save as GAME.odds.json (one entry per moment
// asked at), so that `rfsim report GAME.rfsave` can show them.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "batch/odds.hpp"

namespace rfsim::batch {

/// A file that is not an odds file of this version: the message names the file, the field
/// path ("odds[1].fans[0].days[3].p50") and what was expected.
class OddsFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// "runs/game.rfsave" -> "runs/game.odds.json".
std::filesystem::path odds_file_for(const std::filesystem::path& save);

std::string odds_json(const std::vector<Odds>& odds);
/// Throws OddsFileError; bounded: a file over 16 MiB is refused before it is parsed.
std::vector<Odds> read_odds_file(const std::filesystem::path& file);

/// Adds `odds` to the save's odds file (replacing any asked at the same moment), sorted by
/// moment, written atomically. An odds file that cannot be read is not overwritten: throws
/// OddsFileError. Returns the file written.
std::filesystem::path keep_odds(const std::filesystem::path& save, const Odds& odds);

}  // namespace rfsim::batch
