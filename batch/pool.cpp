// The thread pool behind run_parallel: an atomic job counter and one slot per result, so the
// order of the rows never depends on the threads.
#include "batch/pool.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace rfsim::batch {

std::vector<RunRow> run_parallel(std::size_t count, unsigned threads,
                                 const std::function<RunRow(std::size_t)>& work,
                                 const std::function<void(std::size_t)>& progress,
                                 std::stop_token stop) {
  std::vector<RunRow> slots(count);
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::exception_ptr failure;
  std::mutex mutex;
  std::condition_variable changed;

  auto worker = [&] {
    while (true) {
      if (stop.stop_requested()) return;
      const std::size_t i = next.fetch_add(1);
      if (i >= count) return;
      try {
        RunRow r = work(i);
        const std::lock_guard lock(mutex);
        slots[i] = std::move(r);
        ++done;
      } catch (...) {
        const std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        next.store(count);  // no new job starts
      }
      changed.notify_one();
    }
  };
  const std::size_t n = std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(count, 1));
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < n; ++t) pool.emplace_back(worker);
  {
    std::unique_lock lock(mutex);
    while (done < count && !failure && !stop.stop_requested()) {
      changed.wait_for(lock, std::chrono::milliseconds(200));
      const std::size_t now = done;
      lock.unlock();
      progress(now);
      lock.lock();
    }
  }
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  if (done < count) throw Cancelled();  // stopped before every job ran
  progress(count);
  return slots;
}

}  // namespace rfsim::batch
