// The game the window shows: a run of the model, its event log and its history, advanced in
// bounded slices so that the frame never waits for the model.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <vector>

#include "map/theatre.hpp"
#include "sim/simulation.hpp"
#include "sim/trace.hpp"

namespace rfsim::render::gui {

/// A violation as the map remembers it after the model has closed it: where and when it
/// flared, so its marker can fade.
struct Flare {
  std::uint64_t serial = 0;  // the violation's serial number
  std::uint32_t region = 0;
  sim::SimTime at;
  bool kinetic = false;
  bool detected = false;
};

/// One hourly reading of the run, for the measures' plots.
struct Sample {
  sim::SimTime at;
  float open_violations = 0;    // violations not yet answered
  float units_away = 0;         // units not idle at home or on station
  float detected_share = 0;     // detected / violations so far
  float in_standard_share = 0;  // answered within the standard / violations so far
};

/// A live inject the facilitator gave, and when.
struct LiveInject {
  sim::SimTime at;
  sim::Inject inject;
};

/// One game in the window.
///   Session s(scenario, theatre);
///   s.advance(1.0 / 60, 3600, std::chrono::milliseconds(8));  // a frame at one hour/second
class Session : private sim::TraceSink {
 public:
  Session(sim::Scenario scenario, const map::Theatre& theatre);
  ~Session() override;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  const sim::Simulation& run() const { return *run_; }
  sim::SimTime now() const { return run_->now(); }
  sim::SimTime end() const { return run_->end(); }

  /// Moves the wanted time on by `wall_seconds * speed` and runs the model towards it for at
  /// most `budget` of wall time. The clock lags behind (lag() > 0) rather than overrun it;
  /// the lag is capped at one wall second of sim time so that it can be caught up.
  void advance(double wall_seconds, double speed, std::chrono::microseconds budget);
  sim::Duration lag() const { return target_ - run_->now(); }
  /// Stops at the current time: finishes the events at this instant and drops any lag.
  void hold();
  bool step_event();  // one event; false when none is left before the end
  /// Forward: runs on. Backward: re-simulates from the start with the live injects given
  /// before t (later ones are dropped: the game forks there).
  void jump_to(sim::SimTime t);
  /// Applied now, after every event at this instant (so a re-simulation gives the same game).
  void inject(const sim::Inject& in);

  const std::vector<sim::TraceRecord>& log() const { return log_; }
  std::uint64_t log_generation() const { return generation_; }  // bumps when the log restarts
  const std::vector<Flare>& flares() const { return flares_; }
  const std::vector<Sample>& samples() const { return samples_; }
  const std::vector<LiveInject>& live_injects() const { return injects_; }

 private:
  void record(const sim::TraceRecord& r) override;
  void restart();
  void sample_up_to_now();

  sim::Scenario scenario_;
  const map::Theatre* theatre_;
  std::unique_ptr<sim::Simulation> run_;
  sim::SimTime target_;
  double carry_ms_ = 0;  // sim milliseconds not yet added to target_
  std::vector<sim::TraceRecord> log_;
  std::uint64_t generation_ = 0;
  std::vector<Flare> flares_;
  std::vector<Sample> samples_;
  sim::SimTime next_sample_;
  std::vector<LiveInject> injects_;
};

/// Kinetic violations (fire, explosions, probes) are drawn red, the others orange.
bool is_kinetic(sim::ViolationType t);

}  // namespace rfsim::render::gui
