// Private to saves/: the one routine that moves a run forward along a command log, shared by
// recording, seeking and verifying so that all of them order commands and events alike.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "saves/save.hpp"
#include "sim/simulation.hpp"

namespace rfsim::saves::detail {

inline constexpr std::uint64_t kNoLimit = std::numeric_limits<std::uint64_t>::max();

/// Runs events and applies logged commands up to `target`, as the live run did: a command
/// given at t comes after every event at or before t (applying it is run_until(t), inject).
/// Stops early once `max_executed` events have run in all, or before command `max_commands`.
/// The clock ends at `target` unless an event at or before it is still pending.
inline void advance(sim::Simulation& run, const std::vector<Command>& commands,
                    std::uint64_t& next_command, sim::SimTime target,
                    std::uint64_t max_executed = kNoLimit, std::uint64_t max_commands = kNoLimit) {
  sim::EventLoop<sim::Event>& loop = run.mutable_world().loop;
  const std::uint64_t last = std::min<std::uint64_t>(commands.size(), max_commands);
  for (;;) {
    const std::optional<sim::SimTime> next_event = loop.next_time();
    const bool command_due = next_command < last && commands[next_command].at <= target;
    // A run paused for a player's decision takes the next command at once: live, the answer
    // was given while the run waited, before the events due at the same moment.
    if (command_due &&
        (run.awaiting_decision() || !next_event || commands[next_command].at < *next_event)) {
      const Command& c = commands[next_command];
      run.run_until(c.at);  // no event lies before it: this only moves the clock
      ++next_command;
      run.inject(c.inject);
      continue;
    }
    if (next_event && *next_event <= target && loop.executed() < max_executed &&
        !run.awaiting_decision()) {
      run.step();
      continue;
    }
    break;
  }
  const std::optional<sim::SimTime> next_event = loop.next_time();
  if ((!next_event || *next_event > target) && run.now() < target && !run.awaiting_decision()) {
    run.run_until(target);
  }
}

}  // namespace rfsim::saves::detail
