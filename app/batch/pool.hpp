// Running a batch's replications on a few threads. Each job builds its own Simulation, so
// threads share nothing but the read-only inputs; sim/ itself stays single-threaded.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "app/batch/results.hpp"

namespace rfsim::app::batch {

/// Runs work(0) .. work(count - 1) on `threads` threads and returns the rows by index,
/// whatever order they finished in. `progress(done)` is called on the calling thread a few
/// times a second and once at the end. The first exception thrown by a job stops the others
/// from starting and is rethrown here.
std::vector<RunRow> run_parallel(std::size_t count, unsigned threads,
                                 const std::function<RunRow(std::size_t)>& work,
                                 const std::function<void(std::size_t)>& progress);

}  // namespace rfsim::app::batch
