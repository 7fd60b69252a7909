// Injects: the MSEL's scheduled lines and the facilitator's live ones change the world at
// once: regime, US support, a nation's withdrawal, a provocation, a link cut or restored, a
// surge or a deployment (surge.cpp).
#include <algorithm>

#include "sim/detail/rules.hpp"

namespace rfsim::sim {

namespace {
constexpr std::int32_t kMaxProvocation = 10'000;  // as the scenario loader allows
}  // namespace

std::uint32_t Simulation::msel_lines() const {
  return static_cast<std::uint32_t>(scenario_.injects.size() + world_.msel_added.size());
}

const Inject& Simulation::msel_line(std::uint32_t line) const {
  const std::size_t n = scenario_.injects.size();
  return line < n ? scenario_.injects.at(line) : world_.msel_added.at(line - n);
}

bool Simulation::msel_cancelled(std::uint32_t line) const {
  const auto& c = world_.msel_cancelled;
  return std::find(c.begin(), c.end(), line) != c.end();
}

namespace {
// Why an MSEL line `line` cannot be cancelled or replaced now ("" when it can).
std::string line_problem(const Simulation& s, std::uint32_t line) {
  if (line >= s.msel_lines()) {
    return "MSEL line " + std::to_string(line) + " out of range: the MSEL has " +
           std::to_string(s.msel_lines()) + " lines";
  }
  if (s.msel_cancelled(line)) return "MSEL line " + std::to_string(line) + " is cancelled already";
  const SimTime at = SimTime::at(s.msel_line(line).at);
  if (at <= s.now()) {
    return "MSEL line " + std::to_string(line) + " fired at " + format_clock(at) +
           " (expected a line still to come)";
  }
  return "";
}
}  // namespace

std::string Simulation::check(const Inject& in) const {
  const std::size_t regions = theatre_.region_count();
  switch (in.kind) {
    case InjectKind::SetRegime:
      if (in.regime > Regime::Full) return "regime out of range";
      return "";
    case InjectKind::SetUsSupport:
      if (in.us > UsSupport::Withdrawn) return "US support out of range";
      return "";
    case InjectKind::NationWithdraws:
      if (in.nation >= scenario_.nations.size()) {
        return "nation " + std::to_string(in.nation) + " out of range: the scenario has " +
               std::to_string(scenario_.nations.size());
      }
      return "";
    case InjectKind::Provocation:
      if (in.region >= regions) return "provocation: region out of range";
      if (in.count < 1 || in.count > kMaxProvocation) {
        return "provocation: count " + std::to_string(in.count) + " out of 1.." +
               std::to_string(kMaxProvocation);
      }
      return "";
    case InjectKind::CutLink:
    case InjectKind::RestoreLink:
      if (in.region >= regions || in.region_b >= regions) return "link: region out of range";
      if (!theatre_.link_between(in.region, in.region_b)) {
        return "no link between " + theatre_.region(in.region).id + " and " +
               theatre_.region(in.region_b).id;
      }
      return "";
    case InjectKind::Surge:
      if (!in.any_nation && in.nation >= scenario_.nations.size()) {
        return "surge: nation " + std::to_string(in.nation) + " out of range";
      }
      if (in.unit != Inject::kAnyUnit && in.unit >= scenario_.units.size()) {
        return "surge: unit " + std::to_string(in.unit) + " out of range";
      }
      if (in.tier > Readiness::FollowOn) return "surge: readiness tier out of range";
      return "";
    case InjectKind::Deploy: {
      if (in.unit >= scenario_.units.size()) {
        return "deploy: unit " + std::to_string(in.unit) + " out of range: the scenario has " +
               std::to_string(scenario_.units.size());
      }
      if (in.region >= regions) return "deploy: region out of range";
      if (in.mode > DeployMode::Sealift) return "deploy: mode out of range";
      const Unit& u = world_.units[in.unit];
      const std::string& id = scenario_.units[in.unit].id;
      if (u.state != UnitState::Idle && u.state != UnitState::AtHome) {
        return "deploy: " + id + " is " + std::string(to_string(u.state)) +
               " (expected an idle unit or one at home)";
      }
      if (!Rules::deploy_journey(*this, in.unit, u.at, in.region, in.mode)) {
        return "deploy: " + id + " cannot reach " + theatre_.region(in.region).id + " from " +
               theatre_.region(u.at).id;
      }
      return "";
    }
    case InjectKind::CancelMsel:
      return line_problem(*this, in.line);
    case InjectKind::ScheduleMsel: {
      if (in.line != Inject::kNoLine) {
        if (std::string p = line_problem(*this, in.line); !p.empty()) return p;
      }
      if (static_cast<std::size_t>(in.line_kind) >= kInjectKindCount) {
        return "MSEL line: kind out of range";
      }
      if (!schedulable(in.line_kind)) {
        return "MSEL line: " + std::string(to_string(in.line_kind)) +
               " cannot be scheduled (it is given in play only)";
      }
      if (in.at < Duration() || SimTime::at(in.at) <= now()) {
        return "MSEL line at " + format_clock(SimTime::at(in.at)) +
               ": a time before now (expected after " + format_clock(now()) + ")";
      }
      if (in.at > scenario_.length) {
        return "MSEL line at " + format_clock(SimTime::at(in.at)) + ": after the scenario ends (" +
               format_duration(scenario_.length) + ")";
      }
      Inject line = in;
      line.kind = in.line_kind;
      if (line.kind == InjectKind::Deploy) {
        // The unit's state is met when the line fires (a busy unit stays): ranges only here.
        if (line.unit >= scenario_.units.size()) return "deploy: unit out of range";
        if (line.region >= regions) return "deploy: region out of range";
        if (line.mode > DeployMode::Sealift) return "deploy: mode out of range";
        return "";
      }
      return check(line);
    }
    case InjectKind::Decide: {
      const auto it = std::find_if(world_.decisions.begin(), world_.decisions.end(),
                                   [&](const Decision& d) { return d.id == in.decision; });
      if (it == world_.decisions.end()) {
        return "no pending decision " + std::to_string(in.decision);
      }
      if (in.option < 0 || static_cast<std::size_t>(in.option) >= it->options.size()) {
        return "decision " + std::to_string(in.decision) + " has options 0 to " +
               std::to_string(it->options.size() - 1) + ", not " + std::to_string(in.option);
      }
      return "";
    }
  }
  return "command kind out of range";
}

void Simulation::Rules::apply(Simulation& s, const Inject& in) {
  World& w = s.world_;
  const map::Theatre& t = s.theatre_;
  std::string what(to_string(in.kind));
  switch (in.kind) {
    case InjectKind::SetRegime:
      // A new agreement (or its collapse): every sector goes to the step the regime starts at,
      // and a (re)commitment holds Red there while it lasts (red.cpp).
      if (in.regime == Regime::None && !w.measures.ceasefire_broken) {
        w.measures.ceasefire_broken = true;
        w.measures.broken_at = s.now();
        trace(s, TraceKind::CeasefireBroken, 0, kNone, kNone, "regime set to none");
      }
      w.regime = in.regime;
      recommit(s, in.regime);
      set_base_rates(s);  // rates change from this moment
      what += " " + std::string(to_string(in.regime));
      break;
    case InjectKind::SetUsSupport:
      w.us_support = in.us;
      what += " " + std::string(to_string(in.us));
      break;
    case InjectKind::NationWithdraws:
      w.nation_withdrawn[in.nation] = true;
      for (std::uint32_t u = 0; u < w.units.size(); ++u) {
        Unit& unit = w.units[u];
        if (spec(s, u).nation != in.nation || unit.state == UnitState::Withdrawn) continue;
        if (unit.state != UnitState::Idle && unit.state != UnitState::AtHome) {
          w.loop.cancel(unit.next);
          if (Violation* v = live(s, unit.task, unit.task_serial)) v->responder = kNone;
          if (unit.state != UnitState::Deploying) set_busy(s, u, false);
        }
        if (unit.state == UnitState::Idle || unit.state == UnitState::OnTask) {
          set_presence(s, u, unit.at, -1);
        }
        unit.state = UnitState::Withdrawn;
        unit.task = kNone;
        unit.route.clear();
        unit.next = EventId{};
      }
      what += " " + s.scenario_.nations[in.nation].code;
      break;
    case InjectKind::Provocation:
      if (in.count < 1) break;
      w.loop.schedule_in(Duration(), ProvocationDue{in.region, in.count});
      what += " " + t.region(in.region).id + " x" + std::to_string(in.count);
      break;
    case InjectKind::Surge:
      surge(s, in);
      if (in.unit != Inject::kAnyUnit) what += " " + s.scenario_.units[in.unit].id;
      if (!in.any_nation) what += " " + s.scenario_.nations[in.nation].code;
      if (in.tier != Readiness::InTheatre) what += " " + std::string(to_string(in.tier));
      break;
    case InjectKind::Deploy: {
      what += " " + s.scenario_.units[in.unit].id + " to " + t.region(in.region).id + " by " +
              std::string(to_string(in.mode));
      const Unit& unit = w.units[in.unit];
      // Scheduled lines are not checked against the state they meet: a busy unit stays.
      if (unit.state == UnitState::AtHome) {
        deploy(s, in.unit, in.region, in.mode, surge_notice(spec(s, in.unit).readiness));
      } else if (unit.state == UnitState::Idle) {
        deploy(s, in.unit, in.region, in.mode, spec(s, in.unit).notice);
      } else {
        what += " (not done: the unit is " + std::string(to_string(unit.state)) + ")";
      }
      break;
    }
    case InjectKind::CancelMsel:
      w.msel_cancelled.push_back(in.line);
      what += " " + std::to_string(in.line) + " (" +
              std::string(to_string(s.msel_line(in.line).kind)) + ")";
      break;
    case InjectKind::ScheduleMsel: {
      if (in.line != Inject::kNoLine) w.msel_cancelled.push_back(in.line);
      Inject line = in;
      line.kind = in.line_kind;
      line.line = Inject::kNoLine;
      const std::uint32_t number = s.msel_lines();
      w.msel_added.push_back(std::move(line));
      w.loop.schedule_at(SimTime::at(in.at), InjectDue{number});
      what += " " + std::to_string(number) + " (" + std::string(to_string(in.line_kind)) + " at " +
              format_clock(SimTime::at(in.at)) + ")";
      if (in.line != Inject::kNoLine) what += " replacing " + std::to_string(in.line);
      break;
    }
    case InjectKind::Decide:
      decide(s, in);
      what += " " + std::to_string(in.decision) + " option " + std::to_string(in.option);
      break;
    case InjectKind::CutLink:
    case InjectKind::RestoreLink: {
      const auto link = t.link_between(in.region, in.region_b);
      if (link) {
        const double c = in.kind == InjectKind::CutLink ? 0.0 : 1.0;
        const bool cutting = c < w.link_condition[*link];
        w.link_condition[*link] = c;
        s.router_.set_conditions(w.link_condition);  // routes are redone from now on
        if (cutting) reroute(s, *link);              // deployments that would cross it plan again
      }
      what += " " + t.region(in.region).id + "-" + t.region(in.region_b).id;
      break;
    }
  }
  if (!in.note.empty()) what += ": " + in.note;
  trace(s, TraceKind::Inject, 0, kNone, kNone, what);
}

void Simulation::Rules::on_inject_due(Simulation& s, const InjectDue& e) {
  if (s.msel_cancelled(e.index)) return;     // cancelled or replaced in play
  const Inject line = s.msel_line(e.index);  // a copy: apply() may add lines
  apply(s, line);
}

void Simulation::Rules::on_provocation(Simulation& s, const ProvocationDue& e) {
  // In a flank state a provocation is a raid: `count` drones at once (flank.cpp).
  if (const std::uint32_t f = s.handles_->flank_of[e.region]; f != kNone) {
    flank_incident(s, f, FlankIncident::DroneRaid, e.remaining);
    return;
  }
  // A staged provocation: a burst of artillery and ground probes over an hour or so.
  RandomStream& rng = s.streams_.get("provocation/" + s.theatre_.region(e.region).id);
  const ViolationType type =
      rng.bernoulli(0.8) ? ViolationType::Artillery : ViolationType::GroundProbe;
  occur(s, e.region, type);
  if (e.remaining > 1) {
    const double minutes = rng.exponential(60.0 / 10.0);
    s.world_.loop.schedule_in(Duration::of_minutes(minutes) + Duration::ms(1),
                              ProvocationDue{e.region, e.remaining - 1});
  }
}

}  // namespace rfsim::sim
