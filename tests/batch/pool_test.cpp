// The batch pool: rows by index whatever thread ran them, a job's failure rethrown, and a stop
// request honoured.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "batch/pool.hpp"

namespace rfsim::batch {
namespace {

TEST(Pool, RowsComeBackByIndex) {
  const auto rows = run_parallel(
      50, 3,
      [](std::size_t i) {
        RunRow r;
        r.replication = static_cast<std::uint32_t>(i);
        r.seed = i * 7;
        return r;
      },
      [](std::size_t) {});
  ASSERT_EQ(rows.size(), 50u);
  for (std::size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(rows[i].seed, i * 7);
}

TEST(Pool, AFailureIsRethrown) {
  EXPECT_THROW(run_parallel(
                   20, 2,
                   [](std::size_t i) -> RunRow {
                     if (i == 5) throw std::runtime_error("job 5");
                     return {};
                   },
                   [](std::size_t) {}),
               std::runtime_error);
}

TEST(Pool, AStopRequestEndsItWithCancelled) {
  std::stop_source stop;
  std::atomic<int> ran{0};
  EXPECT_THROW(run_parallel(
                   10'000, 2,
                   [&](std::size_t i) {
                     if (++ran == 10) stop.request_stop();
                     std::this_thread::yield();
                     RunRow r;
                     r.seed = i;
                     return r;
                   },
                   [](std::size_t) {}, stop.get_token()),
               Cancelled);
  EXPECT_LT(ran.load(), 100) << "jobs went on starting after the stop";
}

}  // namespace
}  // namespace rfsim::batch
