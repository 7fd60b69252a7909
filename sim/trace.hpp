// The event trace: what happened, for logs, CSV files and the screen's event log. The model
// emits records; observers decide what to do with them.
#pragma once

#include <cstdint>
#include <string>

#include "sim/time.hpp"

namespace rfsim::sim {

enum class TraceKind : std::uint8_t {
  Violation,
  Detected,
  Dispatched,
  Refused,
  Blocked,
  Unanswered,
  Arrived,
  Returned,
  Inject,
  DayEnded,
  CeasefireBroken,
  Decision,
  RedStep,     // Red moved a sector (or the theatre) on its ladder
  Battle,      // a Red attack began or ended
  Combat,      // a round of attrition: losses on both sides, ground taken
  UnitLost,    // a unit destroyed or no longer fit to fight
  Engagement,  // an interception or counter-battery mission and its outcome
};
std::string_view to_string(TraceKind k);

struct TraceRecord {
  SimTime time;
  TraceKind kind = TraceKind::Violation;
  std::uint64_t violation = 0;  // serial number, 0 if none
  std::uint32_t region = 0xffffffff;
  std::uint32_t unit = 0xffffffff;
  std::string detail;  // short human text
};

/// Receives trace records as the run makes them.
class TraceSink {
 public:
  virtual ~TraceSink() = default;
  virtual void record(const TraceRecord& r) = 0;
};

}  // namespace rfsim::sim
