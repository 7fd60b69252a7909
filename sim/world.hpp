// The whole mutable state of a run, as plain data: what saves write, what the state hash
// reads, and what the screen draws. The model's rules live in simulation.cpp and its
// siblings; nothing here has behaviour beyond small helpers.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string_view>
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
struct StandardDue {  // the response standard, or Red's yardstick, has run out for a violation
  std::uint32_t violation;
  std::uint64_t serial;
  std::uint8_t what = kStandard | kYardstick;    // which of the two is due now
  static constexpr std::uint8_t kStandard = 1;   // the force's own standard (the measure)
  static constexpr std::uint8_t kYardstick = 2;  // Red judges whether it was answered in time
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
struct DayEnds {};       // daily counts, escalation check, resupply
struct RedReview {       // Red decides its next step in a sector
  std::uint32_t sector;  // index in World::sectors
};
struct TheatreReview {};  // Red decides whether to attack all along the line
struct CombatTick {       // a round of a Red attack's attrition
  std::uint32_t sector;
};
struct FlankDue {               // the flank states' incidents (flank.cpp): what is due, by `what`
  std::uint32_t flank = 0;      // index in World::flanks
  std::uint32_t violation = 0;  // kClear: the incident's slot in World::violations
  std::uint64_t serial = 0;     // kClear: guards against a reused slot
  std::uint8_t what = kTick;
  static constexpr std::uint8_t kTick = 0;   // the next incident in the state
  static constexpr std::uint8_t kClear = 1;  // an incident is over: its slot is freed
  static constexpr std::uint8_t kRate = 2;   // NATO's reinforcement arrives or ends: new rates
};

using Event =
    std::variant<ThreatTick, Detected, StandardDue, ApprovalDue, Arrived, TaskDone, InjectDue,
                 ProvocationDue, DayEnds, RedReview, TheatreReview, CombatTick, FlankDue>;

enum class UnitState : std::uint8_t {
  Idle,              // at home or on station, available
  AwaitingApproval,  // reserved by HQ, its nation deciding
  Moving,            // on the way to a task
  OnTask,            // at the violation's region
  Returning,         // on the way home
  Withdrawn,         // its nation left the coalition
  Lost,              // destroyed or no longer fit to fight (strength below kLostBelow)
  AtHome,            // at its home base outside the theatre: not in the force until surged
  Deploying,         // a deployment or repositioning under way (notice, then the journey)
};
inline constexpr std::size_t kUnitStateCount =
    static_cast<std::size_t>(UnitState::Deploying) + 1;  // the last state above, plus one
/// "idle", "awaiting_approval", "moving", "on_task", "returning", "withdrawn", "lost",
/// "at_home", "deploying": as
/// exports and traces write them (sim/scenario.cpp).
std::string_view to_string(UnitState s);

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
  double strength = 0;         // personnel (or airframes, ships) fit to fight; the spec's at start
  bool fighting = false;       // in the ground fight of the sector it stands in
  std::int64_t busy_ms = 0;    // time spent away from Idle, for utilisation
  SimTime busy_since;          // when it last left Idle
  EventId next;                // its pending Arrived/TaskDone, for cancelling
  map::RegionId station = kNone;  // where it returns after a task; kNone: its spec's home
  map::Mobility by = map::Mobility::Wheeled;  // a deployment's means (a fallback may be taken)
  DeployMode mode = DeployMode::Best;         // the means ordered: a re-route plans by it again
  SimTime ordered;                            // when its deployment (or surge) was ordered
  SimTime ready;  // a deployment's notice ends; `depart` is later when it waits for lift slots
};

/// Slots of shared strategic lift booked by a deploying unit (surge.cpp, docs/model.md "Lift
/// capacity"): `count` consecutive slots from `first` (slot n of a resource with c a day starts
/// at n x 24 h / c) of an airfield's airlift loads or a gauge change's train paths.
struct LiftBooking {
  std::uint32_t unit = 0;
  map::RegionId airfield = std::numeric_limits<map::RegionId>::max();  // airlift: where it lands
  map::LinkId crossing = std::numeric_limits<map::LinkId>::max();      // rail: the gauge change
  std::int32_t count = 0;
  std::int64_t first = 0;
};

/// The kind of sensor whose report reached HQ first (sim/monitoring.cpp). Unknown: not yet
/// detected (or never), or detected in a save of state layout 5 or older, which did not keep it.
enum class Sensor : std::uint8_t {
  Camera,      // the fixed cameras of a contact sector
  Patrol,      // a monitoring team's patrol
  Drone,       // an ISR drone
  Air,         // a fighter squadron or AWACS
  Naval,       // a naval task group or maritime drones
  UsIntel,     // the US intelligence feed
  HostNation,  // the host nation's services (and, for a flank incident, its air defence)
  Unknown,
};
inline constexpr std::size_t kSensorCount = static_cast<std::size_t>(Sensor::Unknown);
/// "camera", "patrol", "drone", "air", "naval", "us_intel", "host_nation", "unknown".
std::string_view to_string(Sensor s);

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
  bool answerable = false;          // doctrine answers it with a unit: Red watches for the answer
  bool judged = false;              // Red has judged whether it was answered in time
  // A flank state's incident (flank.cpp): its FlankIncident + 1 (0: a violation in Ukraine),
  // and how air policing's engagement ended, counted per drone or missile (capped at 255).
  std::uint8_t flank_kind = 0;
  std::uint8_t shot_down = 0;  // fired at and killed
  std::uint8_t missed = 0;     // fired at and missed
  std::uint8_t held_fire = 0;  // not fired at: no interceptor left
  // The sensor whose report gave `detect_due` (or `detected` for a flank incident), and its
  // unit for patrols, drones, air and naval sensors (kNone for the others).
  Sensor sensor = Sensor::Unknown;
  std::uint32_t sensor_unit = kNone;
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
  Duration eta;                        // expected arrival from now (median approval)
  double p_in_standard = 0;            // chance the answer is complete within the standard
  RedStep step = RedStep::Compliance;  // Red's review: the step this option moves the sector to
  double odds = 0;     // Red: the chance doctrine takes it; combat: the chance the defence holds;
                       // Article 4: the chance of another major incursion within 30 days
  double refusal = 0;  // Article 4: the capitals' mean refusal odds for the next 60 days
};

/// A decision the run is paused for: HQ's tasking of a violation, a nation's approval (to
/// send a unit, or for its unit to fight), Red's next step in a sector, the coalition's
/// request for consultations under Article 4 after a major incursion into a flank state, or a
/// nation's choice whether to surge its units held at home (surge.cpp).
struct Decision {
  enum class Kind : std::uint8_t { Tasking, Approval, RedStep, Combat, Article4, Surge };
  static constexpr std::size_t kKindCount = static_cast<std::size_t>(Kind::Surge) + 1;
  std::uint64_t id = 0;  // unique for the run; Inject::decision names it
  Kind kind = Kind::Tasking;
  SimTime asked;
  std::uint32_t violation = kNone;      // slot in World::violations
  std::uint64_t serial = 0;             // the violation's serial
  std::uint32_t unit = kNone;           // approval, combat: the unit in question
  std::vector<DecisionOption> options;  // approval, combat: [yes, no]
  std::int32_t doctrine = 0;            // the option doctrine takes when no player answers
  std::uint32_t sector = kNone;         // Red's review, combat: index in World::sectors
  std::uint32_t flank = kNone;          // Article 4: the state of the incursion, in World::flanks
  std::uint32_t nation = kNone;         // surge: the nation asked, in Scenario::nations
};

/// Red's posture and the ground fight in one contact sector.
struct Sector {
  map::RegionId region = 0;  // the contact sector
  RedStep step = RedStep::Compliance;
  SimTime step_since;     // when it reached this step
  double impunity = 0;    // Red's view: share of its answerable violations left unanswered
  double gained_km2 = 0;  // ground Red has taken here since the start (below 0: lost)
  bool battle = false;    // a Red attack is under way
  SimTime battle_since;
  double attacker_start = 0;  // strengths when the attack began: breakpoints are shares of them
  double defender_start = 0;
  double odds = 0;  // the chance the defence holds, as judged when the attack began
  EventId review;   // the next RedReview
  EventId combat;   // the next CombatTick
};

/// What Red perceives in one sector when it reviews its posture there, and what follows from
/// it (sim/red.cpp). Derived from the state, never saved.
struct RedOutlook {
  double deterrent = 0;      // armed coalition troops able to fight, here and in the theatre, 0..1
  double impunity = 0;       // share of its answerable violations left unanswered, 0..1
  double us = 0;             // US support: 1 full, 0.4 intelligence only, 0 withdrawn
  double cohesion = 1;       // coalition cohesion: 1 less withdrawals and refusals
  double commitment = 0;     // the last (re)commitment's hold, 0..1
  double truce = 0;          // how consolidated the truce is, 0..1
  double losses = 0;         // Red's recent losses as a share of its committed strength
  double ratio = 1;          // Red's ground power here over the prepared defence's
  double score = 0;          // the escalation score the ladder's bands read
  double up = 0;             // the chance of a step up at the next review
  double down = 0;           // ...and of a step down
  double defence_holds = 1;  // the chance the defence holds if Red attacks here now
};

/// What Red remembers for the theatre as a whole.
struct RedMind {
  bool general_offensive = false;
  double commitment = 0;    // a (re)commitment's hold on Red: 1 when made, fading
  SimTime commitment_at;    // when commitment was last brought up to date
  SimTime truce_since;      // when the regime now in force began
  double impunity = 0;      // Red's view, over the theatre: answerable violations left unanswered
  double refusal_rate = 0;  // Red's view of how often coalition capitals refuse (EWMA)
  double losses = 0;        // Red's recent losses as a share of its committed strength, decaying
  SimTime losses_at;
  EventId review;  // the next TheatreReview
};

/// A flank state's air policing and its incident process (flank.cpp).
struct Flank {
  map::RegionId region = 0;   // the RegionKind::Flank region
  std::int32_t magazine = 0;  // interceptors on hand for air policing (missiles)
  double rate = 0;            // incidents per hour, all kinds, as the pending tick was drawn
  EventId tick;               // the pending FlankDue::kTick
};

/// The alliance's answer to incidents in the flank states: an Article 4 consultation and
/// what follows it (flank.cpp, docs/model.md "Incidents in coalition states").
struct Alliance {
  std::int32_t consultations = 0;        // Article 4 consultations held
  std::int32_t declined = 0;             // major incursions after which none was requested
  SimTime sentry_from = SimTime::max();  // NATO's reinforcement of the flank arrives...
  SimTime sentry_until;                  // ...and stays until
  SimTime emboldened_until;              // a consultation declined: Red reads weakness until then
  SimTime cohesion_until;                // the capitals' refusal odds are shifted until then
  double refusal_factor = 1;             // ...by this factor
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
  std::vector<Sector> sectors;  // one per contact sector, in theatre order
  RedMind red;
  std::vector<Flank> flanks;  // one per flank state, in theatre order
  Alliance alliance;
  // The MSEL as edited in play (CancelMsel, ScheduleMsel): lines that will not fire, and lines
  // added, which InjectDue numbers after the scenario's (scenario.injects.size() + i).
  std::vector<std::uint32_t> msel_cancelled;
  std::vector<Inject> msel_added;
  // Strategic lift booked by deployments, in order of booking; slots over are dropped.
  std::vector<LiftBooking> lift_bookings;
};

}  // namespace rfsim::sim
