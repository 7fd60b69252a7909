// Command sources that answer for an absent player, and doctrine's answer to a decision.
#include "sim/commands.hpp"

#include "sim/simulation.hpp"

namespace rfsim::sim {

Inject doctrine_answer(const Decision& d) {
  Inject in;
  in.kind = InjectKind::Decide;
  in.decision = d.id;
  in.option = d.doctrine;
  in.note = "doctrine's choice";
  return in;
}

bool CommandQueue::answer(const Simulation& run) {
  if (!doctrine_ || !queue_.empty()) return false;
  for (const Decision& d : run.pending_decisions()) {
    queue_.push_back(Command{run.now(), doctrine_answer(d)});
    ++answered_;
  }
  return !queue_.empty();
}

}  // namespace rfsim::sim
