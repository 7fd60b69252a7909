// Simulated time on the calendar: an epoch (when t = 0 was) and ISO 8601 UTC timestamps, for
// files that other tools read (GeoJSON, KML).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sim/time.hpp"

namespace rfsim::saves {

/// The epoch used when none is given: the start of 2026, UTC. The same for every save, so that
/// the files exported from a game and from its branches line up on one time axis.
inline constexpr std::string_view kDefaultEpoch = "2026-01-01T00:00:00Z";

/// Milliseconds since 1970-01-01T00:00:00Z (no leap seconds, as ISO 8601 and POSIX count).
using UnixMs = std::int64_t;

/// Reads YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS, then Z, +HH:MM, -HH:MM or nothing
/// (UTC), years 1900 to 9999. Throws std::invalid_argument saying what was expected.
UnixMs parse_iso8601(std::string_view text);

/// "2026-01-05T12:00:00Z", with ".mmm" before the Z when the milliseconds are not zero.
std::string format_iso8601(UnixMs t);

/// The calendar moment of simulated time t, given the epoch.
inline UnixMs on_calendar(UnixMs epoch, sim::SimTime t) {
  return epoch + t.ms();
}

}  // namespace rfsim::saves
