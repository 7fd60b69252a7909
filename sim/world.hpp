// The whole mutable state of a run, as plain data: what saves write, what the state hash
// reads, and what the screen draws. The model's rules live in simulation.cpp and its
// siblings; nothing here has behaviour beyond small helpers.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <variant>
#include <vector>

#include "map/theatre.hpp"
#include "sim/event_loop.hpp"
#include "sim/measures.hpp"
#include "sim/scenario.hpp"
#include "sim/time.hpp"

namespace rfsim::sim {

inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// ---- Events: small value types; the loop orders them, the model handles them. ----
struct ThreatTick {  // the next candidate violation of a region's process (thinning)
  map::RegionId region;
};
struct Detected {           // a sensor's report of a violation reaches HQ
  std::uint32_t violation;  // slot in World::violations
  std::uint64_t serial;     // guards against a reused slot
};
struct StandardDue {  // the response standard has run out for a violation
  std::uint32_t violation;
  std::uint64_t serial;
};
struct ApprovalDue {  // the unit's nation answers HQ's request
  std::uint32_t violation;
  std::uint64_t serial;
  std::uint32_t unit;
};
struct Arrived {  // a unit reaches the end of its move
  std::uint32_t unit;
};
struct TaskDone {  // a unit finishes its task on the spot
  std::uint32_t unit;
};
struct InjectDue {  // an MSEL line fires
  std::uint32_t index;
};
struct ProvocationDue {  // one violation of a staged provocation
  map::RegionId region;
  std::int32_t remaining;
};
struct DayEnds {};  // daily counts, escalation check, resupply

using Event = std::variant<ThreatTick, Detected, StandardDue, ApprovalDue, Arrived, TaskDone,
                           InjectDue, ProvocationDue, DayEnds>;

enum class UnitState : std::uint8_t {
  Idle,              // at home or on station, available
  AwaitingApproval,  // reserved by HQ, its nation deciding
  Moving,            // on the way to a task
  OnTask,            // at the violation's region
  Returning,         // on the way home
  Withdrawn,         // its nation left the coalition
};

struct Unit {
  std::uint32_t spec = 0;  // index into Scenario::units
  UnitState state = UnitState::Idle;
  map::RegionId at = 0;              // where it is (or where its move started)
  map::RegionId dest = 0;            // where its move ends
  SimTime depart;                    // move: leaves `at` (after notice to move)
  SimTime arrive;                    // move: reaches `dest`
  std::vector<map::RegionId> route;  // move: regions passed, at .. dest
  std::uint32_t task = kNone;        // violation slot it answers
  std::uint64_t task_serial = 0;
  std::int32_t munitions = 0;  // rounds held (air defence, rocket artillery)
  std::int64_t busy_ms = 0;    // time spent away from Idle, for utilisation
  SimTime busy_since;          // when it last left Idle
  EventId next;                // its pending Arrived/TaskDone, for cancelling
};

struct Violation {
  std::uint64_t serial = 0;  // 0 while the slot is free
  ViolationType type = ViolationType::SmallArms;
  map::RegionId region = 0;
  SimTime at;                           // when it happened
  SimTime detect_due = SimTime::max();  // when the first sensor's report will arrive
  SimTime detected = SimTime::max();    // when HQ learned of it
  SimTime answered = SimTime::max();    // when the response was complete
  ResponseLevel level = ResponseLevel::Record;
  std::uint32_t responder = kNone;  // the unit sent, if any
  std::uint32_t refusals = 0;       // the nations that refused it: bit n for nation n
  bool standard_passed = false;     // the standard ran out before an answer
};

/// A region's violation process: a self-exciting (Hawkes) rate, damped by deterrence.
struct Threat {
  std::array<double, kViolationTypeCount> base{};  // mu per type, per hour, current regime
  double excitation = 0;                           // per hour, decays exponentially
  SimTime excitation_at;                           // when `excitation` was last brought up to date
  double armed_strength = 0;                       // armed personnel present (deterrence)
  double bound = 0;  // per hour: the rate the pending tick was drawn at
  EventId tick;      // the pending ThreatTick
};

/// One choice offered to a player, with what doctrine expects of it.
struct DecisionOption {
  std::uint32_t unit = kNone;  // tasking: the unit to send; kNone: record only
  ResponseLevel level = ResponseLevel::Record;
  Duration eta;              // expected arrival from now (median approval)
  double p_in_standard = 0;  // chance the answer is complete within the standard
};

/// A decision the run is paused for: HQ's tasking of a violation, or a nation's approval.
struct Decision {
  enum class Kind : std::uint8_t { Tasking, Approval };
  std::uint64_t id = 0;  // unique for the run; Inject::decision names it
  Kind kind = Kind::Tasking;
  SimTime asked;
  std::uint32_t violation = kNone;      // slot in World::violations
  std::uint64_t serial = 0;             // the violation's serial
  std::uint32_t unit = kNone;           // approval: the unit HQ asked for
  std::vector<DecisionOption> options;  // approval: [approve, refuse]
  std::int32_t doctrine = 0;            // the option doctrine takes when no player answers
};

struct World {
  Regime regime = Regime::Partial;
  UsSupport us_support = UsSupport::Full;
  EventLoop<Event> loop;
  std::vector<Unit> units;            // same order as Scenario::units
  std::vector<Violation> violations;  // open violations; closed slots are reused
  std::vector<std::uint32_t> free_violation_slots;
  std::uint64_t next_violation_serial = 1;
  std::vector<Threat> threats;         // per theatre region (all zero where none)
  std::vector<bool> nation_withdrawn;  // per Scenario::nations
  std::vector<double> link_condition;  // per theatre link, 1 intact .. 0 cut
  std::vector<Decision> decisions;     // pending, oldest first; the run waits for them
  std::uint64_t next_decision_id = 1;
  Measures measures;
};

}  // namespace rfsim::sim
