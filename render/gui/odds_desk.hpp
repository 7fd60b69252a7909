// "Odds from here": the futures of the game from the moment shown, run on worker threads while
// the window keeps drawing, and the odds kept with the moment they were asked at.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "batch/odds.hpp"
#include "render/gui/session.hpp"

namespace rfsim::render::gui {

/// The odds asked in this window. One request runs at a time; start() returns at once.
///   desk.start(session, {200, 30});  ... each frame: desk.poll(session.file()); desk.progress()
class OddsDesk {
 public:
  OddsDesk() = default;
  ~OddsDesk();  // cancels a request still running and waits for its threads
  OddsDesk(const OddsDesk&) = delete;
  OddsDesk& operator=(const OddsDesk&) = delete;

  /// Asks for the odds from the game's state now: a snapshot is taken here, the futures run on
  /// a background thread (at a lower priority than the window's) over `request.threads`.
  void start(const Session& game, const batch::OddsRequest& request);
  void cancel();
  bool running() const { return job_ != nullptr; }
  /// Futures done of the running request's total (0/0 when none runs).
  std::pair<std::size_t, std::size_t> progress() const;
  /// Collects a finished request: its odds are kept, and written beside `save` when given
  /// (batch::keep_odds). Returns what to tell the facilitator, or nothing when no request
  /// finished since the last call.
  std::optional<std::string> poll(const std::string& save);

  const std::vector<batch::Odds>& kept() const { return kept_; }  // by the order asked
  std::size_t shown = 0;                                          // the kept odds the panel shows
  int futures = 200;                                              // the panel's fields
  int days = 30;

 private:
  struct Job {
    std::atomic<std::size_t> done{0};
    std::size_t total = 0;
    std::atomic<bool> finished{false};
    std::mutex mutex;
    std::optional<batch::Odds> result;
    std::string error;
    bool cancelled = false;
    std::chrono::steady_clock::time_point started;
  };
  std::vector<batch::Odds> kept_;
  std::shared_ptr<Job> job_;
  std::jthread worker_;  // last: joined before the rest goes
};

}  // namespace rfsim::render::gui
