// HQ's tasking: doctrine picks a response level, the nearest eligible unit by travel time is
// asked for, its nation approves after a delay or refuses under its caveats.
#include <algorithm>
#include <bit>
#include <cmath>
#include <optional>
#include <stdexcept>

#include "sim/detail/rules.hpp"

namespace rfsim::sim {
namespace {

using VT = ViolationType;
using UT = UnitType;

constexpr double kCounterBatteryEscalation = 1.5;  // region escalation index (assumption)
constexpr std::size_t kMaxOptions = 6;             // units offered in a tasking decision
/// The longest move HQ tasks: four times the response standard (a 6 h standard reaches 24 h).
/// A lax standard sends far units to old violations and ties them up (assumption).
Duration reach(const Scenario& sc) {
  return sc.response_standard * 4;
}

}  // namespace

/// A unit's notice to move as HQ holds it: the force meets its response standard by keeping
/// its ground units at a notice of half the standard at most (a 3 h standard holds a 6 h
/// battalion at 1 h 30). The model does not charge for that readiness (assumption).
Duration Simulation::Rules::notice(const Simulation& s, std::uint32_t u) {
  const UnitSpec& sp = spec(s, u);
  const bool ground =
      sp.type == UT::MechInfantry || sp.type == UT::LightInfantry || sp.type == UT::QuickReaction;
  if (!ground) return sp.notice;
  const Duration half = Duration::ms(s.scenario_.response_standard.count_ms() / 2);
  return std::min(sp.notice, half);
}

namespace {

/// Doctrine: the level HQ chooses for a violation under a regime. With no ceasefire the force
/// deters in the rear and only records what happens on the line (the paper's case (a)).
/// Where Red shells under a ceasefire (its ladder at pressure or above, or the region's rate
/// well above its base) and US intelligence gives the targeting, HQ answers artillery with
/// counter-battery fire.
ResponseLevel doctrine(VT type, Regime regime, RedStep step, double region_escalation,
                       UsSupport us) {
  switch (type) {
    case VT::Artillery:
      if (regime == Regime::None) return ResponseLevel::Record;
      if ((step >= RedStep::Pressure || region_escalation >= kCounterBatteryEscalation) &&
          us != UsSupport::Withdrawn) {
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
      // Under a truce a crossing aircraft is intercepted and escorted out; once Red attacks in
      // the sector its aircraft are combatants and are fired at (assumption).
      return step >= RedStep::LimitedOffensive ? ResponseLevel::Engage : ResponseLevel::ShowOfForce;
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

ResponseLevel Simulation::Rules::doctrine_level(Simulation& s, const Violation& v,
                                                double region_escalation) {
  const std::uint32_t sector = s.handles_->sector_of[v.region];
  const RedStep step = sector != kNone && sector < s.world_.sectors.size()
                           ? s.world_.sectors[sector].step
                           : static_cast<RedStep>(static_cast<int>(std::floor(mean_step(s))));
  return doctrine(v.type, s.world_.regime, step, region_escalation, s.world_.us_support);
}

void Simulation::Rules::judge(Simulation& s, Violation& v, bool in_time) {
  if (v.judged) return;
  v.judged = true;
  if (!in_time) excite(s, v.region);
  reckon(s, v, in_time);
}

void Simulation::Rules::close(Simulation& s, std::uint32_t slot) {
  Violation& v = s.world_.violations[slot];
  // Red's last look: answered by now (recorded, or a unit arrived) within its yardstick?
  if (!v.judged)
    judge(s, v, v.answered != SimTime::max() && v.answered - v.at <= rules::kRedYardstick);
  v.serial = 0;
  s.world_.free_violation_slots.push_back(slot);
}

void Simulation::Rules::on_detected(Simulation& s, const Detected& e) {
  Violation* v = live(s, e.violation, e.serial);
  if (v == nullptr || v->detected != SimTime::max()) return;
  Measures& m = s.world_.measures;
  v->detected = s.now();
  ++m.detected;
  ++m.today.detected;
  m.time_to_detect.add(s.now() - v->at);
  v->level = doctrine_level(s, *v, region_escalation(s, v->region));
  trace(s, TraceKind::Detected, v->serial, v->region, kNone, std::string(to_string(v->level)));
  if (v->level == ResponseLevel::Record) {
    // Recording is the whole answer: the monitors' report is the response.
    v->answered = s.now();
    ++m.answered;
    if (!v->standard_passed) {
      ++m.answered_in_standard;
      ++m.today.answered_in_standard;
    }
    close(s, e.violation);
    return;
  }
  dispatch(s, e.violation);
}

void Simulation::Rules::dispatch(Simulation& s, std::uint32_t slot) {
  World& w = s.world_;
  Violation& v = w.violations[slot];
  struct Candidate {
    Duration time;
    std::uint32_t unit;
  };
  std::vector<Candidate> candidates;
  bool capable_but_barred = false;
  // The window's "why?": every capable unit of the force and why it was not asked (only
  // for a sink that wants it; reads the state, draws nothing).
  std::optional<WhyRecord> why;
  if (s.trace_ != nullptr && s.trace_->wants_why()) {
    why.emplace();
    why->time = s.now();
    why->violation = v.serial;
    why->level = std::string(to_string(v.level));
  }
  auto not_sent = [&](std::uint32_t u, std::string reason, std::optional<Duration> eta) {
    WhyCandidate c;
    c.unit = u;
    c.reason = std::move(reason);
    c.has_eta = eta.has_value();
    if (eta) c.eta = *eta;
    why->candidates.push_back(std::move(c));
  };
  for (std::uint32_t u = 0; u < w.units.size(); ++u) {
    const Unit& unit = w.units[u];
    const UnitSpec& sp = spec(s, u);
    if (why && unit.state != UnitState::Idle && capable(sp.type, v.type, v.level) &&
        s.scenario_.nations[sp.nation].side == Side::Coalition) {
      not_sent(u, "busy: " + std::string(to_string(unit.state)), std::nullopt);
    }
    if (unit.state != UnitState::Idle) continue;
    if (!capable(sp.type, v.type, v.level)) continue;
    const Nation& n = s.scenario_.nations[sp.nation];
    if (n.side != Side::Coalition) continue;  // HQ tasks the Reassurance Force only
    if (unit.munitions < rounds_needed(sp.type, v.level)) {
      if (why)
        not_sent(u,
                 "out of munitions: " + std::to_string(unit.munitions) + " left, " +
                     std::to_string(rounds_needed(sp.type, v.level)) + " needed",
                 std::nullopt);
      continue;
    }
    if (v.refusals & (std::uint32_t{1} << sp.nation)) {  // already said no
      if (why) not_sent(u, n.code + " has already refused this violation", std::nullopt);
      continue;
    }
    if (n.max_level < v.level || !allowed_in(n, v.region)) {
      capable_but_barred = true;
      if (why) {
        const std::string caveat =
            n.max_level < v.level
                ? n.code + " caveat: at most " + std::string(to_string(n.max_level)) +
                      ", this needs " + std::string(to_string(v.level))
                : n.code + " caveat: not allowed in " + s.theatre_.region(v.region).name;
        const std::optional<Duration> t = travel(s, u, unit.at, v.region);
        not_sent(u, caveat,
                 t ? std::optional<Duration>(notice(s, u) + *t) : std::optional<Duration>());
      }
      continue;
    }
    const std::optional<Duration> t = travel(s, u, unit.at, v.region);
    // HQ does not send a unit that cannot be there in time to matter: the moment has passed.
    const Duration ready = notice(s, u);
    if (t && ready + *t <= reach(s.scenario_)) {
      candidates.push_back({ready + *t, u});
    } else if (why) {
      not_sent(u,
               t ? "out of reach: more than " + format_duration(reach(s.scenario_)) +
                       " away (4 x the response standard)"
                 : "no route there",
               t ? std::optional<Duration>(ready + *t) : std::optional<Duration>());
    }
  }
  // Nearest first, ties to the lower index, so the order is the same on every run. Only the
  // first few are ever used (the nearest in auto mode, kMaxOptions when HQ is asked), and a
  // big force has thousands of candidates: only those are put in order.
  const auto used = candidates.begin() + static_cast<std::ptrdiff_t>(
                                             std::min<std::size_t>(candidates.size(), kMaxOptions));
  std::partial_sort(candidates.begin(), used, candidates.end(),
                    [](const Candidate& a, const Candidate& b) {
                      return a.time < b.time || (a.time == b.time && a.unit < b.unit);
                    });
  if (why) {
    // The eligible as HQ ranks them (nearest first), then the rest: caveats first (the
    // question a facilitator asks), then the other reasons, busy last; each nearest first.
    std::vector<WhyCandidate> others = std::move(why->candidates);
    why->candidates.clear();
    for (auto c = candidates.begin(); c != used; ++c) {
      WhyCandidate e;
      e.unit = c->unit;
      e.eta = c->time;
      e.has_eta = true;
      why->candidates.push_back(std::move(e));
    }
    auto rank = [](const WhyCandidate& c) {
      return c.reason.find("caveat") != std::string::npos ? 0
             : c.reason.starts_with("busy")               ? 2
                                                          : 1;
    };
    std::stable_sort(others.begin(), others.end(),
                     [&](const WhyCandidate& a, const WhyCandidate& b) {
                       if (rank(a) != rank(b)) return rank(a) < rank(b);
                       if (a.has_eta != b.has_eta) return a.has_eta;
                       return a.eta < b.eta;
                     });
    constexpr std::size_t kWhyListed = 14;
    why->not_listed = static_cast<std::uint32_t>(candidates.end() - used);
    for (WhyCandidate& c : others) {
      if (why->candidates.size() < kWhyListed) {
        why->candidates.push_back(std::move(c));
      } else {
        ++why->not_listed;
      }
    }
    s.trace_->explain(*why);
  }
  if (candidates.empty() && v.level == ResponseLevel::Engage &&
      (v.type == VT::Artillery || v.type == VT::AirspaceViolation)) {
    // No rocket artillery, or no air defence or fighter, free or allowed to fire: fall back to
    // the ceasefire's answer (a ground response; an escort).
    v.level = doctrine(v.type, w.regime, RedStep::Compliance, 1.0, w.us_support);
    dispatch(s, slot);
    return;
  }
  if (candidates.empty()) {
    if (capable_but_barred) {
      ++w.measures.blocked_by_caveats;
      trace(s, TraceKind::Blocked, v.serial, v.region, kNone, "caveats bar every capable unit");
    } else {
      ++w.measures.no_unit_available;
      trace(s, TraceKind::Unanswered, v.serial, v.region, kNone,
            "no capable unit free within reach (4 x the response standard)");
    }
    if (v.standard_passed) close(s, slot);  // else StandardDue counts it and closes it
    return;
  }
  const DecisionMode mode = s.scenario_.decisions;
  const bool ask = mode == DecisionMode::Ask ||
                   (mode == DecisionMode::AskMajor && v.level >= ResponseLevel::Interpose);
  if (!ask) {
    request_approval(s, slot, candidates.front().unit);
    return;
  }
  // The facilitator decides: the nearest units (at most six) and "record only".
  Decision d;
  d.id = w.next_decision_id++;
  d.kind = Decision::Kind::Tasking;
  d.asked = s.now();
  d.violation = slot;
  d.serial = v.serial;
  for (std::size_t i = 0; i < candidates.size() && i < kMaxOptions; ++i) {
    const std::uint32_t u = candidates[i].unit;
    const Nation& n = s.scenario_.nations[spec(s, u).nation];
    d.options.push_back({u, v.level, candidates[i].time + n.approval_median,
                         chance_in_standard(s, v, n, candidates[i].time)});
  }
  d.options.push_back({kNone, ResponseLevel::Record, Duration(), 0.0});
  trace(s, TraceKind::Decision, v.serial, v.region, kNone,
        "HQ tasking asked: " + std::to_string(d.options.size() - 1) + " units can answer");
  w.decisions.push_back(std::move(d));
}

double Simulation::Rules::chance_in_standard(const Simulation& s, const Violation& v,
                                             const Nation& n, Duration move) {
  // P(approval delay <= time left - move) x P(not refused), approval log-normal.
  const Duration left = s.scenario_.response_standard - (s.now() - v.at) - move;
  if (left <= Duration()) return 0.0;
  const double median = static_cast<double>(n.approval_median.count_ms());
  const double x = static_cast<double>(left.count_ms());
  double p_approved_in_time;
  if (n.approval_sigma <= 0 || median <= 0) {
    p_approved_in_time = x >= median ? 1.0 : 0.0;
  } else {
    p_approved_in_time =
        0.5 * std::erfc(-(std::log(x) - std::log(median)) / (n.approval_sigma * std::sqrt(2.0)));
  }
  return (1.0 - refusal_odds(s, n)) * p_approved_in_time;
}

void Simulation::Rules::request_approval(Simulation& s, std::uint32_t slot, std::uint32_t u) {
  World& w = s.world_;
  Violation& v = w.violations[slot];
  Unit& unit = w.units[u];
  const Nation& n = s.scenario_.nations[spec(s, u).nation];
  unit.state = UnitState::AwaitingApproval;
  set_busy(s, u, true);
  unit.task = slot;
  unit.task_serial = v.serial;
  v.responder = u;
  if (n.ask) {  // the national capital is played: asked when its answer would be due
    w.loop.schedule_in(n.approval_median, ApprovalDue{slot, v.serial, u});
    return;
  }
  RandomStream& rng = *s.handles_->approval[spec(s, u).nation];
  const double median = n.approval_median.count_ms() / 60'000.0;
  const double minutes = rng.lognormal(median, n.approval_sigma);
  w.loop.schedule_in(Duration::of_minutes(minutes), ApprovalDue{slot, v.serial, u});
  if (s.trace_ != nullptr && s.trace_->wants_why()) {
    WhyRecord why;
    why.time = s.now();
    why.kind = WhyRecord::Kind::ApprovalDrawn;
    why.violation = v.serial;
    why.unit = u;
    why.level = std::string(to_string(v.level));
    why.value = minutes;
    why.median = median;
    why.sigma = n.approval_sigma;
    s.trace_->explain(why);
  }
}

void Simulation::Rules::on_approval(Simulation& s, const ApprovalDue& e) {
  World& w = s.world_;
  Unit& unit = w.units[e.unit];
  Violation* v = live(s, e.violation, e.serial);
  if (unit.state != UnitState::AwaitingApproval || unit.task != e.violation ||
      unit.task_serial != e.serial || v == nullptr) {
    return;  // the unit was withdrawn meanwhile
  }
  const Nation& n = s.scenario_.nations[spec(s, e.unit).nation];
  if (n.ask) {
    Decision d;
    d.id = w.next_decision_id++;
    d.kind = Decision::Kind::Approval;
    d.asked = s.now();
    d.violation = e.violation;
    d.serial = e.serial;
    d.unit = e.unit;
    const std::optional<Duration> move = travel(s, e.unit, unit.at, v->region);
    const Duration eta = notice(s, e.unit) + move.value_or(Duration());
    const Duration left = s.scenario_.response_standard - (s.now() - v->at);
    d.options.push_back({e.unit, v->level, eta, eta <= left ? 1.0 : 0.0});  // approve
    d.options.push_back({kNone, ResponseLevel::Record, Duration(), 0.0});   // refuse
    // What the capital would do if nobody played it: the same draw an unplayed nation makes.
    d.doctrine =
        s.handles_->approval[spec(s, e.unit).nation]->bernoulli(refusal_odds(s, n)) ? 1 : 0;
    trace(s, TraceKind::Decision, v->serial, v->region, e.unit, n.code + " approval asked");
    w.decisions.push_back(std::move(d));
    return;
  }
  RandomStream& rng = *s.handles_->approval[spec(s, e.unit).nation];
  const double odds = refusal_odds(s, n);
  const double draw = rng.uniform();  // bernoulli(p) is uniform() < p: the same stream use
  const bool refused = draw < odds;
  if (s.trace_ != nullptr && s.trace_->wants_why()) {
    WhyRecord why;
    why.time = s.now();
    why.kind = WhyRecord::Kind::RefusalDrawn;
    why.violation = v->serial;
    why.unit = e.unit;
    why.level = std::string(to_string(v->level));
    why.value = draw;
    why.odds = odds;
    why.refused = refused;
    s.trace_->explain(why);
  }
  note_refusal(s, refused);
  if (refused) {
    refuse(s, e.violation, e.unit);
  } else {
    approve(s, e.violation, e.unit);
  }
}

void Simulation::Rules::approve(Simulation& s, std::uint32_t slot, std::uint32_t u) {
  World& w = s.world_;
  Violation& v = w.violations[slot];
  const UnitSpec& sp = spec(s, u);
  const std::int32_t rounds = rounds_needed(sp.type, v.level);
  w.units[u].munitions -= rounds;
  w.measures.interceptors_spent += sp.type == UT::AirDefence ? rounds : 0;
  ++w.measures.dispatched;
  trace(s, TraceKind::Dispatched, v.serial, v.region, u,
        sp.id + " " + std::string(to_string(v.level)));
  start_move(s, u, v.region, notice(s, u), UnitState::Moving);
}

void Simulation::Rules::refuse(Simulation& s, std::uint32_t slot, std::uint32_t u) {
  World& w = s.world_;
  Violation& v = w.violations[slot];
  Unit& unit = w.units[u];
  const UnitSpec& sp = spec(s, u);
  const Nation& n = s.scenario_.nations[sp.nation];
  ++w.measures.refusals;
  trace(s, TraceKind::Refused, v.serial, v.region, u, n.code + " refused");
  unit.state = UnitState::Idle;
  set_busy(s, u, false);
  unit.task = kNone;
  v.responder = kNone;
  v.refusals |= std::uint32_t{1} << sp.nation;  // sp.nation < kMaxNations: the loader checks
  dispatch(s, slot);                            // HQ asks the next nearest
}

void Simulation::Rules::decide(Simulation& s, const Inject& in) {
  World& w = s.world_;
  const auto it = std::find_if(w.decisions.begin(), w.decisions.end(),
                               [&](const Decision& d) { return d.id == in.decision; });
  if (it == w.decisions.end()) {
    throw std::invalid_argument("no pending decision " + std::to_string(in.decision));
  }
  if (in.option < 0 || static_cast<std::size_t>(in.option) >= it->options.size()) {
    throw std::invalid_argument("decision " + std::to_string(in.decision) + " has options 0 to " +
                                std::to_string(it->options.size() - 1) + ", not " +
                                std::to_string(in.option));
  }
  const Decision d = *it;
  w.decisions.erase(it);
  const DecisionOption choice = d.options[static_cast<std::size_t>(in.option)];
  if (d.kind == Decision::Kind::RedStep) {
    red_decide(s, d, choice);
    return;
  }
  if (d.kind == Decision::Kind::Article4) {
    article4_decide(s, d, in.option == 0);
    return;
  }
  if (d.kind == Decision::Kind::Surge) {
    surge_decide(s, d, in.option == 0);
    return;
  }
  if (d.kind == Decision::Kind::Combat) {
    if (in.option == 0) {
      join_fight(s, d.unit, d.sector);
    } else {
      trace(s, TraceKind::Battle, 0, w.units[d.unit].at, d.unit,
            spec(s, d.unit).id + " stands aside: its capital's choice");
    }
    return;
  }
  Violation* v = live(s, d.violation, d.serial);
  if (v == nullptr) return;
  if (d.kind == Decision::Kind::Approval) {
    if (w.units[d.unit].state != UnitState::AwaitingApproval) return;  // withdrawn meanwhile
    note_refusal(s, choice.unit == kNone);
    if (choice.unit != kNone) {
      approve(s, d.violation, d.unit);
    } else {
      refuse(s, d.violation, d.unit);
    }
    return;
  }
  if (choice.unit == kNone) {  // HQ chose to record only: left to the standard's verdict
    ++w.measures.declined_by_hq;
    trace(s, TraceKind::Decision, v->serial, v->region, kNone, "HQ: record only");
    if (v->standard_passed) close(s, d.violation);
    return;
  }
  if (w.units[choice.unit].state != UnitState::Idle) {
    dispatch(s, d.violation);  // taken by an earlier answer: ask again with fresh options
    return;
  }
  request_approval(s, d.violation, choice.unit);
}

void Simulation::Rules::on_standard_due(Simulation& s, const StandardDue& e) {
  Violation* v = live(s, e.violation, e.serial);
  if (v == nullptr || v->answered != SimTime::max()) return;
  if (e.what & StandardDue::kStandard) {
    v->standard_passed = true;
    trace(s, TraceKind::Unanswered, v->serial, v->region, v->responder,
          v->responder == kNone ? "unanswered" : "late");
  }
  // Red's yardstick: not answered by now, and it counts as impunity (and excites more).
  if (e.what & StandardDue::kYardstick) judge(s, *v, false);
  // Keep it open while a responder is on the way, a report is still coming, or the other of
  // the two reckonings is still due.
  const bool report_coming = v->detected == SimTime::max() && v->detect_due != SimTime::max();
  if (v->responder == kNone && !report_coming && v->standard_passed && v->judged) {
    close(s, e.violation);
  }
}

}  // namespace rfsim::sim
