// Movement: units travel along the theatre graph in time, answer on arrival, stay for the
// task, and go home. Ground moves longer than a march day halt overnight.
#include "sim/detail/rules.hpp"

namespace rfsim::sim {
namespace {

Duration on_task_for(ResponseLevel level) {
  switch (level) {
    case ResponseLevel::Record:
      return Duration();
    case ResponseLevel::ShowOfForce:
      return Duration::hours(4);
    case ResponseLevel::Interpose:
      return Duration::hours(24);
    case ResponseLevel::Engage:
      return Duration::hours(1);
  }
  return Duration();
}

}  // namespace

std::optional<Duration> Simulation::Rules::travel(const Simulation& s, std::uint32_t u,
                                                  map::RegionId from, map::RegionId to) {
  // Door to door with map/'s march rates: a first day's driving, then each mobility's own
  // sustained km a day; loading, unloading and gauge changes for carried moves.
  const auto t = s.router_.journey_time(from, to, spec(s, u).mobility);
  if (!t) return std::nullopt;
  return Duration::ms(t->count());
}

void Simulation::Rules::set_presence(Simulation& s, std::uint32_t u, map::RegionId r, int sign) {
  const UnitSpec& sp = spec(s, u);
  if (!is_armed(sp.type)) return;
  // The Reassurance Force deters: the two armies on the line are what it deters from fighting.
  if (s.scenario_.nations[sp.nation].side != Side::Coalition) return;
  Threat& t = s.world_.threats[r];
  t.armed_strength += sign * s.world_.units[u].strength;
  if (t.armed_strength < 0.5) t.armed_strength = 0;
  // Fewer troops, higher rate: the pending candidate's bound no longer holds.
  if (sign < 0) schedule_tick(s, r);
}

void Simulation::Rules::set_busy(Simulation& s, std::uint32_t u, bool busy) {
  Unit& unit = s.world_.units[u];
  if (busy) {
    unit.busy_since = s.now();
  } else {
    const std::int64_t ms = (s.now() - unit.busy_since).count_ms();
    unit.busy_ms += ms;
    s.world_.measures.unit_busy_ms += ms;
  }
}

void Simulation::Rules::start_move(Simulation& s, std::uint32_t u, map::RegionId to,
                                   Duration notice, UnitState state) {
  World& w = s.world_;
  Unit& unit = w.units[u];
  const UnitSpec& sp = spec(s, u);
  set_presence(s, u, unit.at, -1);
  unit.state = state;
  unit.dest = to;
  unit.depart = s.now() + notice;
  const std::optional<Duration> t = travel(s, u, unit.at, to);
  const auto route = s.router_.route(unit.at, to, sp.mobility);
  unit.route = route ? route->regions : std::vector<map::RegionId>{unit.at, to};
  unit.arrive = unit.depart + (t ? *t : Duration());
  unit.next = w.loop.schedule_at(unit.arrive, Arrived{u});
}

void Simulation::Rules::on_arrived(Simulation& s, const Arrived& e) {
  World& w = s.world_;
  Unit& unit = w.units[e.unit];
  unit.next = EventId{};
  unit.at = unit.dest;
  unit.route.clear();
  if (unit.state == UnitState::Deploying) return on_deployed(s, e.unit);
  set_presence(s, e.unit, unit.at, +1);
  if (unit.state == UnitState::Returning) {
    unit.state = UnitState::Idle;
    set_busy(s, e.unit, false);
    trace(s, TraceKind::Returned, 0, unit.at, e.unit, spec(s, e.unit).id + " home");
    return;
  }
  // Moving to a task: the violation is answered now.
  Violation* v = live(s, unit.task, unit.task_serial);
  ResponseLevel level = ResponseLevel::ShowOfForce;
  if (v != nullptr) {
    Measures& m = w.measures;
    v->answered = s.now();
    level = v->level;
    ++m.answered;
    const Duration took = s.now() - v->at;
    m.time_to_respond.add(took);
    if (took <= s.scenario_.response_standard) {
      ++m.answered_in_standard;
      ++m.today.answered_in_standard;
    }
    if (took <= rules::kRedYardstick) damp(s, v->region);  // prompt: Red's excitation cools
    trace(s, TraceKind::Arrived, v->serial, v->region, e.unit, spec(s, e.unit).id);
    engage(s, e.unit, *v);
    close(s, unit.task);
  }
  unit.task = kNone;
  unit.state = UnitState::OnTask;
  unit.next = w.loop.schedule_in(on_task_for(level), TaskDone{e.unit});
}

void Simulation::Rules::on_task_done(Simulation& s, const TaskDone& e) {
  Unit& unit = s.world_.units[e.unit];
  unit.next = EventId{};
  const map::RegionId home = station(s, e.unit);
  if (unit.at == home) {
    unit.state = UnitState::Idle;
    set_busy(s, e.unit, false);
    return;
  }
  start_move(s, e.unit, home, Duration(), UnitState::Returning);
}

}  // namespace rfsim::sim
