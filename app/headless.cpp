// Headless play with doctrine answering the decisions.
#include "app/headless.hpp"

namespace rfsim::app {

std::int64_t play_headless(sim::Simulation& run, sim::SimTime until,
                           const std::vector<sim::Inject>& orders) {
  sim::CommandQueue commands(/*doctrine=*/true);
  for (const sim::Inject& in : orders) commands.push(sim::Command{run.now(), in});
  run.advance(until, commands);
  return commands.answered();
}

std::int64_t play_headless(saves::Recording& rec, sim::SimTime until) {
  const std::int64_t before = rec.doctrine_answers();
  rec.answer_with_doctrine(true);
  rec.run_until(until);
  rec.answer_with_doctrine(false);
  return rec.doctrine_answers() - before;
}

}  // namespace rfsim::app
