// Running a batch's replications on a few threads. Each job builds its own Simulation, so
// threads share nothing but the read-only inputs; sim/ itself stays single-threaded.
#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <stop_token>
#include <vector>

#include "batch/results.hpp"

namespace rfsim::batch {

/// Thrown by run_parallel when its stop token was asked to stop before every job ran (a job
/// may throw it too, to stop mid-run).
class Cancelled : public std::exception {
 public:
  const char* what() const noexcept override { return "cancelled"; }
};

/// Runs work(0) .. work(count - 1) on `threads` threads and returns the rows by index,
/// whatever order they finished in. `progress(done)` is called on the calling thread a few
/// times a second and once at the end. The first exception thrown by a job stops the others
/// from starting and is rethrown here. Once `stop` is requested no job starts, the running
/// ones finish, and Cancelled is thrown.
std::vector<RunRow> run_parallel(std::size_t count, unsigned threads,
                                 const std::function<RunRow(std::size_t)>& work,
                                 const std::function<void(std::size_t)>& progress,
                                 std::stop_token stop = {});

}  // namespace rfsim::batch
