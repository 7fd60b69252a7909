// "Odds from here": the futures of the game from the moment shown, run on worker threads while
// the window keeps drawing, and the odds kept with the moment they were asked at.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
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
///   desk.start(session, {200, 30});  ... each frame: desk.follow_game(session);
///   desk.poll(session); desk.progress()
class OddsDesk {
 public:
  OddsDesk() = default;
  ~OddsDesk();  // cancels a request still running and waits for its threads
  OddsDesk(const OddsDesk&) = delete;
  OddsDesk& operator=(const OddsDesk&) = delete;

  /// Asks for the odds from the game's state now: a snapshot is taken here, the futures run on
  /// a background thread (at a lower priority than the window's) over `request.threads`.
  /// The request belongs to `game`'s game (Session::game()), and so does the desk from here.
  void start(const Session& game, const batch::OddsRequest& request);
  void cancel();
  /// A request's threads are at work, or its result waits for poll().
  bool running() const { return job_ != nullptr; }
  /// Blocks until the running request's threads are done (tests, benches); poll() collects it.
  void wait();
  /// Futures done of the running request's total (0/0 when none runs).
  std::pair<std::size_t, std::size_t> progress() const;
  /// Collects a finished request of `game`'s game: its odds are kept, and written beside the
  /// game's save when it has one (batch::keep_odds). Returns what to tell the facilitator, or
  /// nothing when no request finished since the last call. A request asked of another game
  /// is dropped, never kept nor written beside this game's save, however late it finishes.
  std::optional<std::string> poll(const Session& game);
  /// Called every frame: when the window shows another game than the desk's, the futures still
  /// running are stopped (their threads joined) and the odds kept are forgotten.
  void follow_game(const Session& game);

  const std::vector<batch::Odds>& kept() const { return kept_; }  // by the order asked
  std::size_t shown = 0;                                          // the kept odds the panel shows
  int futures = 200;                                              // the panel's fields
  int days = 30;

 private:
  struct Job {
    std::uint64_t game = 0;  // Session::game() of the game asked
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
  std::uint64_t game_ = 0;  // the game kept_ and job_ belong to; 0: none yet
  std::shared_ptr<Job> job_;
  std::jthread worker_;  // last: joined before the rest goes
};

}  // namespace rfsim::render::gui
