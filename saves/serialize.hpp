// Every saved type to and from cereal portable binary, and to JSON for inspection, through the
// field lists (sim/state_fields.hpp, saves/save.hpp).
//   std::string bytes = to_binary(save);  Save back = from_binary<Save>(bytes, "x.rfsave");
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "saves/save.hpp"
#include "sim/state_tags.hpp"

namespace rfsim::saves {

/// Portable binary (little-endian, fixed-width) bytes of `value`, in today's layout.
template <class T>
std::string to_binary(const T& value);

/// Reads what to_binary wrote, or what an older rfsim wrote in state layout `layout` and file
/// format `format` (sections tagged FormatSince, such as the notes). Throws
/// SaveError naming `file`, the check that failed ("payload", "size", "version", "value",
/// "memory", "state") and the offset in the payload.
template <class T>
T from_binary(std::string_view bytes, const std::string& file,
              std::uint32_t layout = sim::kStateVersion,
              std::uint32_t format = kCurrentFormatNumber);

/// Pretty-printed JSON of `value`, for reading by people and scripts (not loaded back).
template <class T>
std::string to_json(const T& value);

/// The hashes of a snapshot's parts (sim::state_parts).
std::vector<sim::StatePart> part_hashes(const Snapshot& s);

// Instantiated for: sim::Inject, sim::Command, sim::Unit, sim::Violation, sim::Threat,
// sim::MinuteHistogram, sim::DayRow, sim::Measures, sim::Decision, sim::World,
// sim::TraceRecord, Snapshot, Keyframe, TraceEntry, SaveMeta, Save.

}  // namespace rfsim::saves
