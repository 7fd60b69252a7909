// The results CSV of `rfsim batch` read back (by `rfsim report`), and the app's name for the
// batch engine: the engine lives in batch/ (rfsim::batch), and app's batch parts call it
// batch:: as they did when it lived here.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "batch/results.hpp"

namespace rfsim::app::batch {

using namespace rfsim::batch;  // NOLINT: app::batch::RunRow is the engine's RunRow

/// A results CSV read back: the variants in first-seen order and every row.
struct ResultsTable {
  std::vector<std::string> variants;
  std::vector<RunRow> rows;
};
/// Throws InputError naming the file and line when it is not a results CSV of this version.
ResultsTable read_results_csv(const std::filesystem::path& file);

}  // namespace rfsim::app::batch
