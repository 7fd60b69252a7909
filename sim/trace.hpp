// The event trace: what happened, for logs, CSV files and the screen's event log. The model
// emits records; observers decide what to do with them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

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

/// A unit HQ weighed for a violation, and what came of it.
struct WhyCandidate {
  std::uint32_t unit = 0xffffffff;
  Duration eta;          // notice to move + travel; zero when not worked out (busy)
  bool has_eta = false;  // false: busy, or no route
  std::string reason;    // empty: eligible (the nearest is asked for); else why not
};

/// The reasons behind a step of HQ's tasking, for the window's "why?" answers. Not state and
/// not saved (a replay's trace check never sees it): made only for a sink that asks
/// (wants_why()), so runs without one pay nothing, and never a random draw of its own.
struct WhyRecord {
  enum class Kind : std::uint8_t {
    Considered,     // HQ looked for a unit: candidates, nearest eligible first
    ApprovalDrawn,  // a capital's approval delay was drawn: value minutes of log-normal
    RefusalDrawn,   // a capital's answer was drawn: value against odds
  };
  SimTime time;
  Kind kind = Kind::Considered;
  std::uint64_t violation = 0;           // its serial
  std::uint32_t unit = 0xffffffff;       // drawn kinds: the unit asked for
  std::string level;                     // the response level sought
  std::vector<WhyCandidate> candidates;  // Considered: eligible, barred, out of reach, busy
  std::uint32_t not_listed = 0;          // Considered: capable units left off the list
  double value = 0;   // ApprovalDrawn: minutes drawn; RefusalDrawn: the uniform draw
  double median = 0;  // ApprovalDrawn: the log-normal's median, minutes
  double sigma = 0;   // ApprovalDrawn: its log-sd
  double odds = 0;    // RefusalDrawn: the nation's chance of refusing
  bool refused = false;
};

/// Receives trace records as the run makes them.
class TraceSink {
 public:
  virtual ~TraceSink() = default;
  virtual void record(const TraceRecord& r) = 0;
  /// Whether this sink wants the reasons (explain()); asked before they are worked out.
  virtual bool wants_why() const { return false; }
  virtual void explain(const WhyRecord& /*why*/) {}
};

}  // namespace rfsim::sim
