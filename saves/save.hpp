// What a save holds, as plain data: the scenario itself, the seed, the command log, keyframe
// snapshots with their hashes, the end state, metadata and, optionally, the event trace.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "sim/commands.hpp"
#include "sim/scenario.hpp"
#include "sim/time.hpp"
#include "sim/trace.hpp"
#include "sim/world.hpp"

namespace rfsim::saves {

/// A facilitator's or player's order stamped with its time (defined with the run's door).
using Command = sim::Command;

/// The whole mutable state of a run at one moment: the world and every stream's position.
struct Snapshot {
  sim::World world;
  std::vector<std::pair<std::string, std::uint64_t>> streams;  // name, draws; in name order
};

/// Hashes of the state's parts, to say which part differs when replays diverge.
struct PartHashes {
  std::uint64_t loop = 0;  // clock, counters, pending events
  std::uint64_t units = 0;
  std::uint64_t violations = 0;  // open violations, free slots, next serial
  std::uint64_t threats = 0;
  std::uint64_t streams = 0;
  std::uint64_t measures = 0;
  std::uint64_t theatre = 0;  // regime, US support, nations, links, pending decisions
  bool operator==(const PartHashes&) const = default;
};

/// A point of the run a replay can restart from. `commands` counts the logged commands
/// already applied in `state`: those given at this same moment after the snapshot are not.
struct Keyframe {
  sim::SimTime at;             // the state's clock
  std::uint64_t executed = 0;  // events handled so far
  std::uint64_t commands = 0;  // logged commands applied so far
  std::uint64_t hash = 0;      // Simulation::state_hash()
  PartHashes parts;
  Snapshot state;
};

/// One record of the event trace, with the counters that place it in the run.
struct TraceEntry {
  std::uint64_t executed = 0;  // events handled when it was made
  std::uint64_t commands = 0;  // commands applied when it was made
  sim::TraceRecord record;
};

struct SaveMeta {
  std::string title;
  std::string created;             // UTC, ISO 8601
  std::string rfsim_version;       // the program that wrote it
  std::string parent;              // branches: the parent save's file name ("" for none)
  std::uint64_t parent_hash = 0;   // branches: the parent's end hash
  std::int64_t forked_at_ms = -1;  // branches: when they left the parent; -1 for none
};

/// A whole save. keyframes[0] is the start (t = 0); `end` is where the recording stopped.
struct Save {
  SaveMeta meta;
  std::string scenario_name;  // the scenario file it came from, for messages
  std::string scenario_text;  // the scenario itself, re-parsed on load
  std::uint64_t seed = 1;     // the run's seed (may override the scenario's)
  std::int64_t keyframe_every_ms = 0;
  std::uint64_t theatre_fingerprint = 0;  // the theatre it ran on (regions and links)
  std::vector<Command> commands;          // in the order they were applied
  std::vector<Keyframe> keyframes;        // by time
  Keyframe end;
  bool has_trace = false;
  std::vector<TraceEntry> trace;
};

}  // namespace rfsim::saves
