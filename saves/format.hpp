// The save file's envelope: a fixed 40-byte header (magic, format version, flags, lengths,
// checksum) in front of the cereal payload. docs/save-format.md draws it byte by byte.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "saves/save.hpp"

namespace rfsim::saves {

/// The format versions, append-only (OpenTTD's way): each entry says why it was bumped.
/// Readers accept every version up to kCurrentFormat; what an old version lacks keeps its
/// default, tagged Since in the field lists, and Simulation::restore() completes the rest.
enum class FormatVersion : std::uint32_t {
  V1 = 1,  // first format: scenario text, seed, command log, keyframes with part hashes,
           // the end state, optional event trace (with its event and command counters)
  V2 = 2,  // the payload walks the state's one field list (state layout 2): no cereal class
           // version words; Decision::doctrine and Measures::declined_by_hq saved; response
           // histograms a minute a bin to a day, then an hour; keyframes name their parts
  V3 = 3,  // notes and bookmarks after the trace (Save::notes): not game state, no hash
  V4 = 4,  // state layout 3: the flank states' incidents, air policing and Article 4; deployments
           // (a unit's station, means and order time; the force in theatre per day; the surge
           // and deploy commands' fields)
  V5 = 5,  // state layout 4: a flank incident's kind and engagement outcome; the surge decision;
           // the MSEL edited in play (lines cancelled and added; the cancel_msel and
           // schedule_msel commands' fields)
  V6 = 6,  // state layout 5: strategic lift shared by deployments (the bookings of airlift loads
           // and train paths; a deployment's ordered means and the end of its notice)
  V7 = 7,  // state layout 6: the sensor whose report reached HQ first (its kind and unit)
};
inline constexpr FormatVersion kCurrentFormat = FormatVersion::V7;
static_assert(static_cast<std::uint32_t>(kCurrentFormat) == kCurrentFormatNumber);

/// The state layout (sim::kStateVersion) a format version's payload holds.
constexpr std::uint32_t state_layout(FormatVersion v) {
  return v == FormatVersion::V1   ? 1
         : v == FormatVersion::V4 ? 3
         : v == FormatVersion::V5 ? 4
         : v == FormatVersion::V6 ? 5
         : v == FormatVersion::V7 ? 6
                                  : 2;
}

/// Whether a save of format `format` holds hashes of today's state layout, which a replay can
/// check. Format 3 added only notes, which no hash covers, so formats 2 and 3 hold the same
/// layout; format 4's layout 3 (flank states, deployments) changed every hash, and so did
/// format 5's layout 4 (the MSEL edited in play), format 6's layout 5 (lift capacity) and
/// format 7's layout 6 (the sensor that saw a violation).
constexpr bool hashes_checkable(std::uint32_t format) {
  return format >= 1 && format <= kCurrentFormatNumber &&
         state_layout(static_cast<FormatVersion>(format)) == sim::kStateVersion;
}

inline constexpr std::array<char, 8> kMagic = {'R', 'F', 'S', 'I', 'M', 'S', 'A', 'V'};
inline constexpr std::size_t kHeaderSize = 40;
inline constexpr std::uint32_t kFlagZstd = 1u << 0;  // the payload is one zstd frame
inline constexpr std::uint32_t kKnownFlags = kFlagZstd;

/// The payload may not claim more than this once decompressed: a crafted header cannot make
/// the reader allocate more (a 30-day game with its trace takes a few megabytes, a year's
/// with its trace under a hundred).
inline constexpr std::uint64_t kMaxPayload = 256ull << 20;

/// The header as read or written. All integers little-endian on disk.
struct Header {
  std::uint32_t version = static_cast<std::uint32_t>(kCurrentFormat);  // FormatVersion
  std::uint32_t flags = 0;                                             // kFlagZstd
  std::uint64_t stored_size = 0;   // payload bytes after the header, as stored
  std::uint64_t payload_size = 0;  // payload bytes once decompressed
  std::uint64_t checksum = 0;      // XXH64 of header bytes 0..31, then the stored payload
};

/// The 40 header bytes for `h` (its checksum field as given).
std::array<unsigned char, kHeaderSize> encode_header(const Header& h);

/// The checksum over the first 32 header bytes and the stored payload.
std::uint64_t envelope_checksum(const unsigned char* header32, std::string_view stored);

/// Reads a header from the file's first bytes without judging its fields beyond the magic.
/// Throws SaveError ("magic", offset 0) when the bytes are too few or the magic is wrong.
Header decode_header(std::string_view file_bytes, const std::string& file);

}  // namespace rfsim::saves
