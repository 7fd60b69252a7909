// What a save holds, as plain data: the scenario itself, the seed, the command log, keyframe
// snapshots with their hashes, the end state, metadata and, optionally, the event trace.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "saves/notes.hpp"
#include "sim/commands.hpp"
#include "sim/random.hpp"
#include "sim/scenario.hpp"
#include "sim/state_hash.hpp"
#include "sim/state_tags.hpp"
#include "sim/time.hpp"
#include "sim/trace.hpp"
#include "sim/world.hpp"

namespace rfsim::saves {

inline constexpr std::uint32_t kCurrentFormatNumber = 7;  // FormatVersion (format.hpp)

/// In the file from this format version on (FormatVersion, format.hpp); older saves leave the
/// default. Sections of the save that are not game state (notes) are tagged by format, not by
/// the state's layout (sim::tag::Since).
struct FormatSince {
  std::uint32_t version;
};

/// A facilitator's or player's order stamped with its time (defined with the run's door).
using Command = sim::Command;

/// The whole mutable state of a run at one moment: the world and every stream's position.
struct Snapshot {
  sim::World world;
  std::vector<sim::StreamPosition> streams;  // in name order
};

/// A point of the run a replay can restart from. `commands` counts the logged commands
/// already applied in `state`: those given at this same moment after the snapshot are not.
struct Keyframe {
  sim::SimTime at;                    // the state's clock
  std::uint64_t executed = 0;         // events handled so far
  std::uint64_t commands = 0;         // logged commands applied so far
  std::uint64_t hash = 0;             // Simulation::state_hash()
  std::vector<sim::StatePart> parts;  // to say which part differs when a replay diverges
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
  /// Notes and bookmarks (format 3 on), in time order. Not game state: no hash covers them.
  std::vector<Note> notes;
  /// The format version of the file it was read from (its header, not its payload): a save of
  /// an older format holds hashes of an older state layout, which replays cannot check.
  std::uint32_t format = kCurrentFormatNumber;
  /// Where `notes` begins in the (decompressed) payload read; 0 when not read from a file.
  std::uint64_t notes_offset = 0;
};

// ---- Field lists (sim/state_fields.hpp's way): what a save writes, in order. ----

/// Layout 1 kept seven hashes of the state's parts in each keyframe; read and dropped.
struct PartHashesV1 {
  std::array<std::uint64_t, 7> hashes{};
};
template <class V, sim::Of<PartHashesV1> T>
void fields(V& v, T& p) {
  v("hashes", p.hashes);
}

template <class V, sim::Of<Snapshot> T>
void fields(V& v, T& s) {
  v("world", s.world);
  v("streams", s.streams);
}

template <class V, sim::Of<Keyframe> T>
void fields(V& v, T& k) {
  v("at", k.at);
  v("executed", k.executed);
  v("commands", k.commands);
  v("hash", k.hash);
  v.template removed<PartHashesV1>("part_hashes", sim::tag::Until{2});
  v("parts", k.parts, sim::tag::Since{2});
  v("state", k.state);
}

template <class V, sim::Of<TraceEntry> T>
void fields(V& v, T& e) {
  v("executed", e.executed);
  v("commands", e.commands);
  v("record", e.record);
}

template <class V, sim::Of<SaveMeta> T>
void fields(V& v, T& m) {
  v("title", m.title);
  v("created", m.created);
  v("rfsim_version", m.rfsim_version);
  v("parent", m.parent);
  v("parent_hash", m.parent_hash);
  v("forked_at_ms", m.forked_at_ms);
}

template <class V, sim::Of<Save> T>
void fields(V& v, T& s) {
  v("meta", s.meta);
  v("scenario_name", s.scenario_name);
  v("scenario_text", s.scenario_text);
  v("seed", s.seed);
  v("keyframe_every_ms", s.keyframe_every_ms);
  v("theatre_fingerprint", s.theatre_fingerprint);
  v("commands", s.commands);
  v("keyframes", s.keyframes);
  v("end", s.end);
  v("has_trace", s.has_trace);
  v("trace", s.trace);
  v("notes", s.notes, FormatSince{3});
}

}  // namespace rfsim::saves
