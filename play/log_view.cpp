// What each cell reads of the event trace.
#include "play/log_view.hpp"

namespace rfsim::play {
namespace {

constexpr std::uint32_t kNoUnit = 0xffffffff;

// Red's own ladder decisions name no violation and no unit (sim/red.cpp); HQ's tasking and
// the nations' approvals name a violation, combat approvals a unit (tasking.cpp, combat.cpp).
bool red_decision(const sim::TraceRecord& r) {
  return r.violation == 0 && r.unit == kNoUnit;
}

bool blue_reads(const sim::TraceRecord& r, std::unordered_set<std::uint64_t>& known) {
  using K = sim::TraceKind;
  switch (r.kind) {
    case K::Violation:  // happened, but HQ knows only once a report comes (Detected)
    case K::RedStep:    // Red's ladder is Red's
    case K::Inject:     // White's control and the answers given: the effects show elsewhere
      return false;
    case K::Detected:
      known.insert(r.violation);
      return true;
    case K::Decision:
      if (red_decision(r)) return false;
      return r.violation == 0 || known.count(r.violation) > 0;
    case K::DayEnded:
    case K::CeasefireBroken:
    case K::Battle:
    case K::Combat:
    case K::UnitLost:
    case K::Engagement:  // the coalition's own fire and what it saw of the target
    case K::Returned:
      return true;
    case K::Dispatched:
    case K::Refused:
    case K::Blocked:
    case K::Unanswered:
    case K::Arrived:
      // About a violation: only one HQ has heard of.
      return r.violation == 0 || known.count(r.violation) > 0;
  }
  return false;
}

bool red_reads(const sim::TraceRecord& r) {
  using K = sim::TraceKind;
  switch (r.kind) {
    case K::Violation:  // what it did
    case K::RedStep:
    case K::DayEnded:
    case K::CeasefireBroken:
    case K::Battle:
    case K::Combat:
    case K::UnitLost:
    case K::Engagement:  // it sees its fire intercepted or answered
      return true;
    case K::Decision:
      return red_decision(r);
    case K::Detected:  // the coalition HQ's reports, tasks and capitals are not Red's to read
    case K::Dispatched:
    case K::Refused:
    case K::Blocked:
    case K::Unanswered:
    case K::Arrived:
    case K::Returned:
    case K::Inject:
      return false;
  }
  return false;
}

}  // namespace

bool LogView::admits(const sim::TraceRecord& r) {
  switch (cell_) {
    case Cell::White:
      return true;
    case Cell::Blue:
      return blue_reads(r, known_);
    case Cell::Red:
      return red_reads(r);
  }
  return false;
}

}  // namespace rfsim::play
