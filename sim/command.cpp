// Command: HQ's doctrine picks a response level, the nearest eligible unit by travel time is
// asked for, its nation approves after a delay or refuses under its caveats.
#include <algorithm>
#include <bit>

#include "sim/detail/rules.hpp"

namespace rfsim::sim {
namespace {

using VT = ViolationType;
using UT = UnitType;

constexpr double kCounterBatteryEscalation = 1.5;  // region escalation index (assumption)

/// Doctrine: the level HQ chooses for a violation under a regime. With no ceasefire the force
/// deters in the rear and only records what happens on the line (the paper's case (a)).
/// Where shelling escalates under a ceasefire and the US backstop provides its long-range
/// strike means and targeting, HQ answers artillery with counter-battery fire.
ResponseLevel doctrine(VT type, Regime regime, double region_escalation, UsSupport us) {
  switch (type) {
    case VT::Artillery:
      if (regime == Regime::None) return ResponseLevel::Record;
      if (region_escalation >= kCounterBatteryEscalation && us == UsSupport::Full) {
        return ResponseLevel::Engage;
      }
      return regime == Regime::Partial ? ResponseLevel::ShowOfForce : ResponseLevel::Interpose;
    case VT::SmallArms:
      return ResponseLevel::Record;
    case VT::GroundProbe:
      return regime == Regime::None ? ResponseLevel::Record : ResponseLevel::Interpose;
    case VT::DroneIncursion:
      return ResponseLevel::Engage;
    case VT::AirspaceViolation:
    case VT::NavalIncursion:
    case VT::HybridSabotage:
      return ResponseLevel::ShowOfForce;
  }
  return ResponseLevel::Record;
}

/// Which unit types can answer which violations at which level.
bool capable(UT unit, VT type, ResponseLevel level) {
  switch (type) {
    case VT::Artillery:
      if (level == ResponseLevel::Engage) return unit == UT::RocketArtillery;  // counter-battery
      return unit == UT::QuickReaction || unit == UT::MechInfantry || unit == UT::LightInfantry;
    case VT::GroundProbe:
      return unit == UT::QuickReaction || unit == UT::MechInfantry || unit == UT::LightInfantry;
    case VT::SmallArms:
      return false;
    case VT::DroneIncursion:
      return unit == UT::AirDefence || unit == UT::FighterSquadron;
    case VT::AirspaceViolation:
      return unit == UT::FighterSquadron;
    case VT::NavalIncursion:
      return unit == UT::NavalTaskGroup || unit == UT::MaritimeDrones;
    case VT::HybridSabotage:
      return unit == UT::LightInfantry || unit == UT::QuickReaction || unit == UT::MonitoringTeam;
  }
  return false;
}

/// Engagements spend munitions: two interceptors per drone (Patriot practice), one salvo.
std::int32_t rounds_needed(UT unit, ResponseLevel level) {
  if (level != ResponseLevel::Engage) return 0;
  if (unit == UT::AirDefence) return 2;
  if (unit == UT::RocketArtillery) return 1;
  return 0;
}

bool allowed_in(const Nation& n, map::RegionId r) {
  return n.allowed.empty() || std::find(n.allowed.begin(), n.allowed.end(), r) != n.allowed.end();
}

}  // namespace

Violation* Simulation::Rules::live(Simulation& s, std::uint32_t v, std::uint64_t serial) {
  if (v >= s.world_.violations.size()) return nullptr;
  Violation& x = s.world_.violations[v];
  return x.serial == serial ? &x : nullptr;
}

void Simulation::Rules::close(Simulation& s, std::uint32_t v) {
  s.world_.violations[v].serial = 0;
  s.world_.free_violation_slots.push_back(v);
}

void Simulation::Rules::on_detected(Simulation& s, const Detected& e) {
  Violation* v = live(s, e.violation, e.serial);
  if (v == nullptr || v->detected != SimTime::max()) return;
  Measures& m = s.world_.measures;
  v->detected = s.now();
  ++m.detected;
  ++m.today.detected;
  m.time_to_detect.add(s.now() - v->at);
  v->level = doctrine(v->type, s.world_.regime, region_escalation(s, v->region), s.world_.us_support);
  trace(s, TraceKind::Detected, v->serial, v->region, kNone, std::string(to_string(v->level)));
  if (v->level == ResponseLevel::Record) {
    // Recording is the whole answer: the monitors' report is the response.
    v->answered = s.now();
    ++m.answered;
    if (v->standard_passed) {
      close(s, e.violation);
      return;
    }
    ++m.answered_in_standard;
    ++m.today.answered_in_standard;
    close(s, e.violation);
    return;
  }
  dispatch(s, e.violation);
}

void Simulation::Rules::dispatch(Simulation& s, std::uint32_t slot) {
  World& w = s.world_;
  Violation& v = w.violations[slot];
  std::uint32_t best = kNone;
  Duration best_time = Duration::days(100'000);
  bool capable_but_barred = false;
  for (std::uint32_t u = 0; u < w.units.size(); ++u) {
    const Unit& unit = w.units[u];
    if (unit.state != UnitState::Idle) continue;
    const UnitSpec& sp = spec(s, u);
    if (!capable(sp.type, v.type, v.level)) continue;
    if (unit.munitions < rounds_needed(sp.type, v.level)) continue;
    const Nation& n = s.scenario_.nations[sp.nation];
    if (v.refusals & (std::uint64_t{1} << (sp.nation % 64))) continue;  // already said no
    if (n.max_level < v.level || !allowed_in(n, v.region)) {
      capable_but_barred = true;
      continue;
    }
    const std::optional<Duration> t = travel(s, u, unit.at, v.region);
    if (!t) continue;
    const Duration total = sp.notice + *t;
    if (total < best_time) {  // ties keep the lower index: deterministic
      best_time = total;
      best = u;
    }
  }
  if (best == kNone && v.level == ResponseLevel::Engage && v.type == VT::Artillery) {
    // No rocket artillery free or allowed: fall back to the ceasefire's ground response.
    v.level = doctrine(v.type, w.regime, 1.0, w.us_support);
    dispatch(s, slot);
    return;
  }
  if (best == kNone) {
    if (capable_but_barred) {
      ++w.measures.blocked_by_caveats;
      trace(s, TraceKind::Blocked, v.serial, v.region, kNone, "caveats bar every capable unit");
    } else {
      ++w.measures.no_unit_available;
      trace(s, TraceKind::Unanswered, v.serial, v.region, kNone, "no capable unit free");
    }
    if (v.standard_passed) close(s, slot);  // else StandardDue counts it and closes it
    return;
  }
  Unit& unit = w.units[best];
  const UnitSpec& sp = spec(s, best);
  const Nation& n = s.scenario_.nations[sp.nation];
  unit.state = UnitState::AwaitingApproval;
  set_busy(s, best, true);
  unit.task = slot;
  unit.task_serial = v.serial;
  v.responder = best;
  RandomStream& rng = s.streams_.get("approval/" + n.code);
  const double minutes = rng.lognormal(n.approval_median.count_ms() / 60'000.0, n.approval_sigma);
  w.loop.schedule_in(Duration::ms(static_cast<std::int64_t>(minutes * 60'000.0)),
                     ApprovalDue{slot, v.serial, best});
}

void Simulation::Rules::on_approval(Simulation& s, const ApprovalDue& e) {
  World& w = s.world_;
  Unit& unit = w.units[e.unit];
  Violation* v = live(s, e.violation, e.serial);
  if (unit.state != UnitState::AwaitingApproval || unit.task != e.violation ||
      unit.task_serial != e.serial) {
    return;  // the unit was withdrawn meanwhile
  }
  const UnitSpec& sp = spec(s, e.unit);
  const Nation& n = s.scenario_.nations[sp.nation];
  if (v == nullptr) {  // cannot happen while the unit holds it, but be safe
    unit.state = UnitState::Idle;
    set_busy(s, e.unit, false);
    unit.task = kNone;
    return;
  }
  RandomStream& rng = s.streams_.get("approval/" + n.code);
  if (rng.bernoulli(n.refusal)) {
    ++w.measures.refusals;
    trace(s, TraceKind::Refused, v->serial, v->region, e.unit, n.code + " refused");
    unit.state = UnitState::Idle;
    set_busy(s, e.unit, false);
    unit.task = kNone;
    v->responder = kNone;
    v->refusals |= std::uint64_t{1} << (sp.nation % 64);
    dispatch(s, e.violation);  // HQ asks the next nearest
    return;
  }
  unit.munitions -= rounds_needed(sp.type, v->level);
  ++w.measures.dispatched;
  trace(s, TraceKind::Dispatched, v->serial, v->region, e.unit,
        sp.id + " " + std::string(to_string(v->level)));
  start_move(s, e.unit, v->region, sp.notice, UnitState::Moving);
}

void Simulation::Rules::on_standard_due(Simulation& s, const StandardDue& e) {
  Violation* v = live(s, e.violation, e.serial);
  if (v == nullptr || v->answered != SimTime::max()) return;
  v->standard_passed = true;
  trace(s, TraceKind::Unanswered, v->serial, v->region, v->responder,
        v->responder == kNone ? "unanswered" : "late");
  excite(s, v->region);
  // Keep it open while a responder is on the way or a report is still coming.
  const bool report_coming = v->detected == SimTime::max() && v->detect_due != SimTime::max();
  if (v->responder == kNone && !report_coming) close(s, e.violation);
}

}  // namespace rfsim::sim
