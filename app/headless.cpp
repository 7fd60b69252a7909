// Headless play with doctrine answering the decisions.
#include "app/headless.hpp"

#include <vector>

namespace rfsim::app {

std::int64_t play_headless(const sim::Simulation& run, sim::SimTime until,
                           const std::function<void(sim::SimTime)>& advance,
                           const std::function<void(const sim::Inject&)>& command) {
  std::int64_t answered = 0;
  for (advance(until); run.awaiting_decision(); advance(until)) {
    const std::vector<sim::Decision> pending = run.pending_decisions();  // commands change it
    for (const sim::Decision& d : pending) {
      sim::Inject answer;
      answer.kind = sim::InjectKind::Decide;
      answer.decision = d.id;
      answer.option = 0;
      answer.note = "headless: doctrine's choice";
      command(answer);
      ++answered;
    }
  }
  return answered;
}

std::int64_t play_headless(sim::Simulation& run, sim::SimTime until) {
  return play_headless(
      run, until, [&](sim::SimTime t) { run.run_until(t); },
      [&](const sim::Inject& in) { run.inject(in); });
}

}  // namespace rfsim::app
