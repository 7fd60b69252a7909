// Replaying a save: verifying it end to end against its recorded hashes, and positioning a
// run at any time, by re-simulation or, when the model no longer reproduces the recording,
// from the recorded outcomes (VASSAL's way).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "map/theatre.hpp"
#include "saves/save.hpp"
#include "sim/simulation.hpp"

namespace rfsim::saves {

/// Where a re-simulation first left the recording.
struct Divergence {
  sim::SimTime at;                      // the keyframe whose hash did not match
  std::uint64_t executed_recorded = 0;  // events the recording had run by then
  std::uint64_t executed_replayed = 0;  // events the replay had run by then
  std::vector<std::string> parts;       // parts of the state that differ: "units", "streams"...
  std::string first_event;              // the first trace record that differs, when traced
  std::string first_field;              // the first field of the world that differs
  std::string unchecked;                // set when the save's hashes cannot be checked at all
  std::string describe() const;         // one paragraph for people
};

struct VerifyResult {
  std::size_t checked = 0;  // keyframes (and the end) whose hash matched
  std::optional<Divergence> divergence;
  bool ok() const { return !divergence; }
};

/// Whether a run stands where keyframe `k` was recorded: same time, events run and state hash.
bool at_keyframe(const sim::Simulation& run, const Keyframe& k);
/// The recorded points of a save in order: its keyframes, then its end.
std::vector<const Keyframe*> recorded_points(const Save& save);

/// Re-simulates the whole save from t = 0 with its commands and checks every keyframe's hash
/// and the end's, stopping at the first divergence. Throws SaveError when the save does not fit.
VerifyResult verify(const Save& save, const map::Theatre& theatre, const std::string& file);

enum class ReplayMode : std::uint8_t {
  Auto,        // re-simulate if the model reproduces the recording there, else recorded
  Resimulate,  // restore the nearest keyframe and re-simulate with the logged commands
  Recorded,    // the nearest keyframe's recorded state and the recorded events after it
};
std::string_view to_string(ReplayMode m);

struct Replayed {
  std::unique_ptr<sim::Simulation> run;      // the state shown
  ReplayMode mode = ReplayMode::Resimulate;  // the mode used (never Auto)
  std::string why;                           // why that mode (Auto's check, or the request)
  std::vector<TraceEntry> events;  // Recorded: the recorded events after the state, up to t
};

/// The save's game at time t. In Auto mode the stretch of the recording around t (from the
/// keyframe before t to the next one) is re-simulated and its hash compared first.
Replayed replay_to(const Save& save, const map::Theatre& theatre, sim::SimTime t, ReplayMode mode,
                   const std::string& file);

}  // namespace rfsim::saves
