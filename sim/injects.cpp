// Injects: the MSEL's scheduled lines and the facilitator's live ones change the world at
// once: regime, US support, a nation's withdrawal, a provocation, a link cut or restored, a
// surge or a deployment (surge.cpp).
#include <algorithm>

#include "sim/detail/rules.hpp"

namespace rfsim::sim {

namespace {
constexpr std::int32_t kMaxProvocation = 10'000;  // as the scenario loader allows
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
    case InjectKind::Decide:
      decide(s, in);
      what += " " + std::to_string(in.decision) + " option " + std::to_string(in.option);
      break;
    case InjectKind::CutLink:
    case InjectKind::RestoreLink: {
      const auto link = t.link_between(in.region, in.region_b);
      if (link) {
        const double c = in.kind == InjectKind::CutLink ? 0.0 : 1.0;
        w.link_condition[*link] = c;
        s.router_.set_conditions(w.link_condition);  // routes are redone from now on
      }
      what += " " + t.region(in.region).id + "-" + t.region(in.region_b).id;
      break;
    }
  }
  if (!in.note.empty()) what += ": " + in.note;
  trace(s, TraceKind::Inject, 0, kNone, kNone, what);
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
