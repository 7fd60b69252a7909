// A run of the model: a scenario on a theatre, driven by the event loop. This is what the
// command line, the screen, saves and batches hold.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "map/routing.hpp"
#include "map/theatre.hpp"
#include "sim/random.hpp"
#include "sim/scenario.hpp"
#include "sim/trace.hpp"
#include "sim/world.hpp"

namespace rfsim::sim {

/// One run.
///   Simulation run(scenario, theatre);  run.run_until(SimTime::at(Duration::days(30)));
///   std::cout << format_hash(run.state_hash());
class Simulation {
 public:
  /// Builds the starting state: units at home, processes scheduled, MSEL queued. The
  /// theatre is copied, because injects may cut its links.
  Simulation(Scenario scenario, const map::Theatre& theatre);
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  SimTime now() const { return world_.loop.now(); }
  SimTime end() const { return SimTime::at(scenario_.length); }
  bool step();  // one event; false when none is left (or a decision waits)
  /// Every event at or before t, and the clock ends at t; but when a decision becomes
  /// pending the run stops there, at the decision's time, until it is answered.
  void run_until(SimTime t);

  /// Decisions the run waits for (only in "ask" modes): answer each with an Inject of kind
  /// Decide naming its id and the option chosen.
  bool awaiting_decision() const { return !world_.decisions.empty(); }
  const std::vector<Decision>& pending_decisions() const { return world_.decisions; }

  /// A live inject from the facilitator, applied now (its `at` is ignored).
  void inject(const Inject& in);

  /// The canonical hash of the whole state: equal hashes, equal futures.
  std::uint64_t state_hash() const;

  /// Where a unit is at the current time (on its route while it moves).
  map::LonLat unit_position(std::uint32_t unit) const;

  void set_trace(TraceSink* sink) { trace_ = sink; }  // not owned; nullptr for none

  const Scenario& scenario() const { return scenario_; }
  const map::Theatre& theatre() const { return theatre_; }
  const World& world() const { return world_; }
  World& mutable_world() { return world_; }      // for saves restoring a state
  RandomStreams& streams() { return streams_; }  // for saves restoring a state
  const RandomStreams& streams() const { return streams_; }
  /// After a save overwrote the world or the streams: brings the theatre copy's link
  /// conditions (which routing reads) back in line with world().link_condition, and
  /// re-points the rules' stream handles at the new registry. Call it after every restore.
  void after_restore();

  // The rules, one concept per file: threat.cpp, monitoring.cpp, command.cpp,
  // movement.cpp, injects.cpp. Public only so the loop can call the model.
  void operator()(SimTime now, const Event& event);

 private:
  struct Rules;  // private helpers shared by the rule files
  friend struct Rules;
  struct Handles;  // streams by index and distances between regions: derived, never saved

  Scenario scenario_;
  map::Theatre theatre_;
  map::Router router_;
  RandomStreams streams_;
  World world_;
  TraceSink* trace_ = nullptr;
  std::unique_ptr<Handles> handles_;
};

}  // namespace rfsim::sim
