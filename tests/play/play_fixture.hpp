// A real scenario played with every decision asked of a player, stopping at each decision
// and every hour so that the tests can look at the pictures along the way.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "map/theatre.hpp"
#include "sim/scenario_loader.hpp"
#include "sim/simulation.hpp"

namespace rfsim::play::testing {

inline const map::Theatre& theatre() {
  static const map::Theatre t = map::Theatre::load(RFSIM_ASSETS_DIR);
  return t;
}

/// no-ceasefire.toml (Red active from the start) with HQ's tasking, every nation's approvals
/// and Red's ladder asked of players.
inline sim::Scenario asking_scenario() {
  sim::Scenario sc =
      sim::load_scenario(std::string(RFSIM_ASSETS_DIR) + "/scenarios/no-ceasefire.toml", theatre());
  sc.decisions = sim::DecisionMode::Ask;
  for (sim::Nation& n : sc.nations) n.ask = true;
  return sc;
}

/// Collects the run's trace.
struct Log : sim::TraceSink {
  std::vector<sim::TraceRecord> records;
  void record(const sim::TraceRecord& r) override { records.push_back(r); }
};

/// Plays `days` days, calling `look(run)` every hour and at every decision the run waits
/// for, which doctrine then answers as a player would.
inline void play_days(sim::Simulation& run, int days,
                      const std::function<void(const sim::Simulation&)>& look) {
  sim::CommandQueue queue;
  for (int h = 1; h <= days * 24; ++h) {
    const sim::SimTime target = sim::SimTime::at(sim::Duration::hours(h));
    run.advance(target, queue);
    while (run.awaiting_decision()) {
      look(run);
      queue.push({run.now(), sim::doctrine_answer(run.pending_decisions().front())});
      run.advance(target, queue);
    }
    look(run);
  }
}

}  // namespace rfsim::play::testing
