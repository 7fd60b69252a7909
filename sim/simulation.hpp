// A run of the model: a scenario on a theatre, driven by the event loop. This is what the
// command line, the screen, saves and batches hold.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "map/routing.hpp"
#include "map/theatre.hpp"
#include "sim/commands.hpp"
#include "sim/random.hpp"
#include "sim/scenario.hpp"
#include "sim/trace.hpp"
#include "sim/world.hpp"

namespace rfsim::sim {

/// One run. Everything from outside — a facilitator's inject, a player's decision, a save's
/// log, a batch variant's orders — enters through advance(), which orders commands against
/// events the same way for the window, headless runs, replays, batches and seats.
///   Simulation run(scenario, theatre);  run.run_until(SimTime::at(Duration::days(30)));
///   std::cout << format_hash(run.state_hash());
class Simulation {
 public:
  static constexpr std::uint64_t kNoLimit = std::numeric_limits<std::uint64_t>::max();

  /// Builds the starting state: units at home, processes scheduled, MSEL queued. The theatre
  /// is shared, never copied or changed (link conditions are part of the world): it must
  /// outlive the run.
  Simulation(Scenario scenario, const map::Theatre& theatre);
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  SimTime now() const { return world_.loop.now(); }
  SimTime end() const { return SimTime::at(scenario_.length); }
  std::optional<SimTime> next_event_time() const { return world_.loop.next_time(); }

  /// Runs events and applies the source's commands up to `target`. A command given at t comes
  /// after every event at or before t. While a decision waits for a player the next command
  /// is taken at once (it was given while the run waited), or the source is asked to answer;
  /// if it cannot, the run stops there until a command comes. Stops early once
  /// `max_executed` events have run in all. The clock ends at `target` unless an event at or
  /// before it is still pending or a decision waits.
  void advance(SimTime target, CommandSource& source, std::uint64_t max_executed = kNoLimit);
  /// advance() with no commands: events only.
  void run_until(SimTime t);
  /// One event (advance() to the next event's time, limited to one more); false when none is
  /// left or a decision waits.
  bool step();
  /// A command given now: advance() with it, after every event at this instant. Throws
  /// std::invalid_argument when check() refuses it.
  void command(const Inject& in);
  /// Why a command cannot be applied to the current state ("" when it can): a region, nation
  /// or link that does not exist, a decision that is not pending, an option out of range.
  /// Commands from people (the window, seats, the command line) are checked before they are
  /// logged, so a log only holds commands that applied.
  std::string check(const Inject& in) const;

  /// The MSEL as it stands in play: the scenario's lines, then those added in play, numbered
  /// as CancelMsel and ScheduleMsel name them; a cancelled (or replaced) line will not fire.
  std::uint32_t msel_lines() const;
  const Inject& msel_line(std::uint32_t line) const;
  bool msel_cancelled(std::uint32_t line) const;

  /// Decisions the run waits for (only in "ask" modes): answer each with a command of kind
  /// Decide naming its id and the option chosen.
  bool awaiting_decision() const { return !world_.decisions.empty(); }
  const std::vector<Decision>& pending_decisions() const { return world_.decisions; }

  /// The canonical hash of the whole state: equal hashes, equal futures.
  std::uint64_t state_hash() const;

  /// What Red perceives in a contact sector now (an index into world().sectors), and the odds
  /// of its next review: what a Red player is shown, what the window explains.
  RedOutlook red_outlook(std::uint32_t sector) const;

  /// The journey from `from` to `to` by `m` over the links as they are now: what a
  /// deployment's arrival is made of (moving, halts, gauge change, terminals).
  std::optional<map::Journey> journey(map::RegionId from, map::RegionId to, map::Mobility m) const {
    return router_.journey(from, to, m);
  }

  /// Where a unit is at the current time (on its route while it moves).
  map::LonLat unit_position(std::uint32_t unit) const;

  void set_trace(TraceSink* sink) { trace_ = sink; }  // not owned; nullptr for none

  const Scenario& scenario() const { return scenario_; }
  const map::Theatre& theatre() const { return theatre_; }
  const World& world() const { return world_; }
  const RandomStreams& streams() const { return streams_; }
  /// Replaces the whole state with a saved one: the world and every stream's position. The
  /// caller has checked that the world fits this scenario (check_state()).
  void restore(const World& world, const std::vector<StreamPosition>& streams);

  // The rules, one concept per file: threat.cpp, monitoring.cpp, tasking.cpp,
  // movement.cpp, injects.cpp. Public only so the loop can call the model.
  void operator()(SimTime now, const Event& event);

 private:
  struct Rules;  // private helpers shared by the rule files
  friend struct Rules;
  struct Handles;  // streams by index and distances between regions: derived, never saved
  void apply(const Inject& in);  // a command's effect; only advance() calls it

  Scenario scenario_;
  const map::Theatre& theatre_;
  mutable map::Router router_;  // its route cache fills on use
  RandomStreams streams_;
  World world_;
  TraceSink* trace_ = nullptr;
  std::unique_ptr<Handles> handles_;
};

}  // namespace rfsim::sim
