// Every saved type to and from cereal portable binary, and to JSON for inspection.
//   std::string bytes = to_binary(save);  Save back = from_binary<Save>(bytes, "x.rfsave");
#pragma once

#include <string>
#include <string_view>

#include "saves/save.hpp"

namespace rfsim::saves {

/// Portable binary (little-endian, fixed-width) bytes of `value`.
template <class T>
std::string to_binary(const T& value);

/// Reads what to_binary wrote. Throws SaveError naming `file`, the check that failed
/// ("payload", "size", "version", "value", "state") and the offset in the payload.
template <class T>
T from_binary(std::string_view bytes, const std::string& file);

/// Pretty-printed JSON of `value`, for reading by people and scripts (not loaded back).
template <class T>
std::string to_json(const T& value);

/// The hashes of a snapshot's parts: each is XXH64 of that part's portable binary bytes.
PartHashes part_hashes(const Snapshot& s);

// Instantiated for: sim::Inject, sim::Event, sim::Unit, sim::Violation, sim::Threat,
// sim::MinuteHistogram, sim::DayRow, sim::Measures, sim::World, sim::TraceRecord, Command,
// Snapshot, PartHashes, Keyframe, TraceEntry, SaveMeta, Save.

}  // namespace rfsim::saves
