// The one door into a hosted game: what play::Host asks of the game it hosts. `rfsim host
// --headless` hosts a saves::Recording directly; the facilitator's window hosts its own
// Session, so that a command from a seat and one from the window are ordered, logged and
// shown the same way (render/gui/hosting.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "play/sensor_book.hpp"
#include "saves/notes.hpp"
#include "saves/recording.hpp"
#include "sim/scenario.hpp"
#include "sim/simulation.hpp"
#include "sim/trace.hpp"

namespace rfsim::play {

class GameDoor {
 public:
  virtual ~GameDoor() = default;

  virtual const sim::Simulation& run() const = 0;
  virtual const saves::Recording& recording() const = 0;
  /// Checked (sim::Simulation::check) and, when good, logged and applied now, after every
  /// event at this instant, as a replay would. Returns why it was refused, or "".
  virtual std::string command(const sim::Inject& in) = 0;
  /// Seeks in the recording (White's: every seat's picture follows).
  virtual void seek(sim::SimTime t) = 0;
  /// A note at the game's time now; throws std::invalid_argument when it does not fit.
  virtual void add_note(saves::Note n) = 0;
  /// The event log up to now; rebuilt (log_generation() bumps) by a seek or a fork.
  virtual const std::vector<sim::TraceRecord>& log() const = 0;
  virtual std::uint64_t log_generation() const = 0;
  /// Which sensor reported each violation, kept as the log's reports were made.
  virtual const SensorBook& sensors() const = 0;
  virtual bool paused() const = 0;
  virtual void set_paused(bool paused) = 0;
  virtual double speed() const = 0;  // simulated seconds per wall second
  virtual void set_speed(double speed) = 0;
};

}  // namespace rfsim::play
