// Readiness, surge and deployments: units held at home join the force after a political
// decision to surge (an inject, or each nation's own decision with its odds), their tier's
// notice to move, then the journey; and any unit can be sent to any region by a chosen or the
// fastest means, beyond the 24 h response reach of tasking.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim/detail/rules.hpp"
#include "sim/lift.hpp"

namespace rfsim::sim {
namespace {

/// A carrier mobility for a deployment mode (the unit's own means for Road and Best).
std::optional<map::Mobility> carrier(DeployMode m) {
  switch (m) {
    case DeployMode::Rail:
      return map::Mobility::Rail;
    case DeployMode::Airlift:
      return map::Mobility::Airlift;
    case DeployMode::Sealift:
      return map::Mobility::Sealift;
    case DeployMode::Best:
    case DeployMode::Road:
      return std::nullopt;
  }
  return std::nullopt;
}

/// Aircraft and ships move by their own means whatever the mode asked.
bool self_deploying(map::Mobility own) {
  return own == map::Mobility::Air || own == map::Mobility::Sea;
}

std::string describe(const map::Theatre& t, const map::Journey& j) {
  const auto hours = [](std::chrono::milliseconds ms) {
    return format_duration(Duration::ms(ms.count()));
  };
  std::string out = "by " + std::string(to_string(j.mobility)) + ", " +
                    std::to_string(static_cast<long long>(j.route.length_km + 0.5)) + " km";
  if (j.route.regions.size() > 2) {
    out += " via";
    for (std::size_t i = 1; i + 1 < j.route.regions.size() && i < 4; ++i) {
      out += " " + t.region(j.route.regions[i]).id;
    }
    if (j.route.regions.size() > 5) out += " ...";
  }
  out += " (moving " + hours(j.moving);
  if (j.halts.count() > 0) out += ", halts " + hours(j.halts);
  if (j.gauge.count() > 0) out += ", gauge change " + hours(j.gauge);
  if (j.terminals.count() > 0) out += ", terminals " + hours(j.terminals);
  return out + ")";
}

// A nation's odds of deciding to surge (all assumptions, docs/model.md "Surge as a nation's
// decision"): a logistic in Red's theatre-wide step, whether an Article 4 consultation is in
// force, the coalition's cohesion and the nation's own caution (its refusal odds). Anchored on
// February 2022: Article 4 requested on the 24th, the NATO Response Force activated on the 25th
// (a request at an offensive step: odds about 0.8); at compliance with no request, under 0.1.
constexpr double kSurgeBase = -2.5;
constexpr double kSurgePerStep = 0.8;
constexpr double kSurgeArticle4 = 1.5;
constexpr double kSurgeCohesion = 2.0;  // per share of coalition nations gone
constexpr double kSurgeCaution = 2.0;   // per unit of the nation's refusal odds

}  // namespace

map::RegionId Simulation::Rules::station(const Simulation& s, std::uint32_t u) {
  const map::RegionId st = s.world_.units[u].station;
  return st == kNone ? spec(s, u).home : st;
}

std::optional<map::Journey> Simulation::Rules::deploy_journey(const Simulation& s, std::uint32_t u,
                                                              map::RegionId from, map::RegionId to,
                                                              DeployMode mode) {
  const map::Mobility own = spec(s, u).mobility;
  if (self_deploying(own)) return s.router_.journey(from, to, own);
  if (const auto c = carrier(mode)) {
    // A carrier that cannot reach (no airfield, a cut rail line, no sea route) leaves the road.
    return s.router_.journey(from, to, *c, own);
  }
  std::optional<map::Journey> best = s.router_.journey(from, to, own);
  if (mode == DeployMode::Road) return best;
  for (const map::Mobility m :
       {map::Mobility::Rail, map::Mobility::Airlift, map::Mobility::Sealift}) {
    auto j = s.router_.journey(from, to, m);
    if (j && (!best || j->total < best->total)) best = std::move(j);
  }
  return best;
}

bool Simulation::Rules::deploy(Simulation& s, std::uint32_t u, map::RegionId to, DeployMode mode,
                               Duration notice) {
  World& w = s.world_;
  Unit& unit = w.units[u];
  const auto j = deploy_journey(s, u, unit.at, to, mode);
  const map::Theatre& t = s.theatre_;
  if (!j) {
    trace(s, TraceKind::Blocked, 0, to, u,
          spec(s, u).id + " cannot reach " + t.region(to).id + " from " + t.region(unit.at).id);
    return false;
  }
  if (unit.state == UnitState::Idle) set_presence(s, u, unit.at, -1);
  unit.state = UnitState::Deploying;
  unit.ordered = s.now();
  unit.dest = to;
  unit.mode = mode;
  unit.by = j->mobility;
  unit.ready = s.now() + notice;
  LiftPlan lift = plan_lift(s, u, *j, unit.ready);
  book_lift(s, lift);
  unit.depart = lift.depart;
  unit.arrive = unit.depart + Duration::ms(j->total.count());
  unit.route =
      j->route.regions.size() >= 2 ? j->route.regions : std::vector<map::RegionId>{unit.at, to};
  unit.next = w.loop.schedule_at(unit.arrive, Arrived{u});
  trace(s, TraceKind::Dispatched, 0, to, u,
        spec(s, u).id + " deploys to " + t.region(to).id + ": notice " + format_duration(notice) +
            (lift.why.empty() ? "" : ", " + lift.why) + ", then " + describe(t, *j) + ", arrives " +
            format_clock(unit.arrive));
  return true;
}

Simulation::Rules::LiftPlan Simulation::Rules::plan_lift(const Simulation& s, std::uint32_t u,
                                                         const map::Journey& j, SimTime ready) {
  LiftPlan plan;
  plan.depart = ready;
  const LiftSlots slots = lift_slots(s.theatre_, j.mobility, j.route.regions);
  const std::int32_t need = lift_needed(spec(s, u).type, s.world_.units[u].strength, j.mobility);
  const std::int64_t per_day = lift_per_day(s.scenario_, slots);
  if (!slots.any() || need <= 0 || per_day <= 0) return plan;
  // Slot n of the resource starts at n x 24 h / per_day; the first one open is the first that
  // starts at or after `ready`. Earlier orders hold theirs: take the gaps between, in order.
  constexpr std::int64_t kDay = 24LL * 3600 * 1000;
  const auto start_of = [&](std::int64_t n) {
    return SimTime::at(Duration::ms(n * kDay / per_day));
  };
  std::int64_t next = (ready.ms() * per_day + kDay - 1) / kDay;
  std::vector<std::pair<std::int64_t, std::int64_t>> taken;  // [first, end) of the resource
  for (const LiftBooking& b : s.world_.lift_bookings) {
    if (b.airfield == slots.airfield && b.crossing == slots.crossing) {
      taken.emplace_back(b.first, b.first + b.count);
    }
  }
  std::sort(taken.begin(), taken.end());
  std::int64_t left = need, last = next;
  LiftBooking b;
  b.unit = u;
  b.airfield = slots.airfield;
  b.crossing = slots.crossing;
  for (const auto& [first, end] : taken) {
    if (left == 0) break;
    if (end <= next) continue;
    if (first > next) {
      const std::int64_t k = std::min(left, first - next);
      b.first = next;
      b.count = static_cast<std::int32_t>(k);
      plan.bookings.push_back(b);
      left -= k;
      last = next + k - 1;
    }
    next = std::max(next, end);
  }
  if (left > 0) {
    b.first = next;
    b.count = static_cast<std::int32_t>(left);
    plan.bookings.push_back(b);
    last = next + left - 1;
  }
  plan.depart = std::max(ready, start_of(last));
  const std::string what = describe_lift(s.theatre_, slots);
  const std::string needs = std::to_string(need) + " " +
                            (slots.airfield != LiftSlots::kNoSlot ? "loads" : "trains") + ", " +
                            std::to_string(per_day) + " a day";
  if (plan.depart > ready) {
    plan.why =
        "waits " + format_duration(plan.depart - ready) + " for " + what + " (" + needs + ")";
  } else {
    plan.why = "no wait for " + what + " (" + needs + ")";
  }
  return plan;
}

void Simulation::Rules::book_lift(Simulation& s, LiftPlan& plan) {
  auto& all = s.world_.lift_bookings;
  // Slots over before now can no longer be taken by anyone: they are dropped.
  constexpr std::int64_t kDay = 24LL * 3600 * 1000;
  const std::int64_t now = s.now().ms();
  std::erase_if(all, [&](const LiftBooking& b) {
    LiftSlots slots;
    slots.airfield = b.airfield;
    slots.crossing = b.crossing;
    const std::int64_t per_day = lift_per_day(s.scenario_, slots);
    return per_day <= 0 || (b.first + b.count) * kDay / per_day <= now;
  });
  all.insert(all.end(), plan.bookings.begin(), plan.bookings.end());
}

void Simulation::Rules::release_lift(Simulation& s, std::uint32_t u) {
  std::erase_if(s.world_.lift_bookings, [&](const LiftBooking& b) { return b.unit == u; });
}

void Simulation::Rules::reroute(Simulation& s, map::LinkId cut) {
  World& w = s.world_;
  const map::Theatre& t = s.theatre_;
  const map::Link& link = t.link(cut);
  for (std::uint32_t u = 0; u < w.units.size(); ++u) {
    Unit& unit = w.units[u];
    if (unit.state != UnitState::Deploying || unit.route.size() < 2) continue;
    // A flight uses no link.
    if (unit.by == map::Mobility::Airlift || unit.by == map::Mobility::Air) continue;
    const bool waiting = s.now() < unit.depart;
    // Where it is: in its notice, its start; on the way, the last region of its route it has
    // passed, by the share of the route's length that the share of its journey's time gone
    // would have covered (halts and terminals spread evenly: an approximation).
    std::size_t from = 0;
    if (!waiting) {
      std::vector<double> km(unit.route.size(), 0.0);
      for (std::size_t i = 0; i + 1 < unit.route.size(); ++i) {
        const auto l = t.link_between(unit.route[i], unit.route[i + 1]);
        km[i + 1] = km[i] + (l ? t.link(*l).length_km : 0.0);
      }
      const double whole = static_cast<double>((unit.arrive - unit.depart).count_ms());
      const double gone =
          whole > 0 ? static_cast<double>((s.now() - unit.depart).count_ms()) / whole : 1.0;
      while (from + 1 < unit.route.size() && km[from + 1] <= gone * km.back()) ++from;
    }
    bool crosses = false;
    for (std::size_t i = from; i + 1 < unit.route.size(); ++i) {
      const map::RegionId a = unit.route[i], b = unit.route[i + 1];
      crosses |= (a == link.a && b == link.b) || (a == link.b && b == link.a);
    }
    if (!crosses) continue;
    const map::RegionId here = unit.route[from];
    const std::string cut_name = t.region(link.a).id + "-" + t.region(link.b).id;
    const SimTime was = unit.arrive;
    w.loop.cancel(unit.next);
    unit.next = EventId{};
    release_lift(s, u);
    // Its notice keeps its end; one that was waiting for lift sets off from now at the soonest.
    const SimTime ready = waiting ? std::max(unit.ready, s.now()) : s.now();
    std::optional<map::Journey> j = deploy_journey(s, u, here, unit.dest, unit.mode);
    if (j && !waiting &&
        (j->mobility == map::Mobility::Wheeled || j->mobility == map::Mobility::Tracked)) {
      // A column already on the march keeps its daily rhythm: no fresh first day of driving.
      map::MarchTable march = s.router_.march();
      march.wheeled.first_day_hours = 0;
      march.tracked.first_day_hours = 0;
      const double moving_h = static_cast<double>(j->moving.count()) / 3'600'000.0;
      const double h =
          march.road_hours(j->mobility, moving_h, s.router_.speeds().kmh(j->mobility, map::kRoad));
      j->halts = std::chrono::milliseconds(static_cast<std::int64_t>(h * 3'600'000.0)) - j->moving;
      j->total = j->moving + j->halts + j->gauge + j->terminals;
    }
    if (!j) {
      // It cannot get through: it stops where it is, at home still in the force's reserve, or
      // idle where it has come to (and stationed there, in the force if inside the theatre).
      unit.at = here;
      unit.route.clear();
      if (!joined(s, u) && here == spec(s, u).home) {
        unit.state = UnitState::AtHome;
      } else {
        unit.state = UnitState::Idle;
        unit.station = here;
        set_presence(s, u, here, +1);
      }
      trace(s, TraceKind::Blocked, 0, here, u,
            spec(s, u).id + " stops at " + t.region(here).id + ": " + cut_name +
                " is cut and it can no longer reach " + t.region(unit.dest).id);
      continue;
    }
    unit.at = here;
    unit.by = j->mobility;
    if (!waiting) unit.ready = ready;
    LiftPlan lift = plan_lift(s, u, *j, ready);
    book_lift(s, lift);
    unit.depart = lift.depart;
    unit.arrive = unit.depart + Duration::ms(j->total.count());
    unit.route = j->route.regions.size() >= 2 ? j->route.regions
                                              : std::vector<map::RegionId>{here, unit.dest};
    unit.next = w.loop.schedule_at(unit.arrive, Arrived{u});
    const Duration later = unit.arrive - was;
    trace(s, TraceKind::Dispatched, 0, unit.dest, u,
          spec(s, u).id + " re-routed: " + cut_name + " is cut; from " + t.region(here).id +
              (waiting ? " after its notice" : "") + (lift.why.empty() ? "" : ", " + lift.why) +
              ", " + describe(t, *j) + ", arrives " + format_clock(unit.arrive) + " (" +
              (later >= Duration() ? format_duration(later) + " later"
                                   : format_duration(was - unit.arrive) + " sooner") +
              " than planned)");
  }
}

void Simulation::Rules::on_deployed(Simulation& s, std::uint32_t u) {
  Unit& unit = s.world_.units[u];
  unit.state = UnitState::Idle;
  unit.station = unit.at;  // it stays and returns here after its tasks
  set_presence(s, u, unit.at, +1);
  trace(s, TraceKind::Arrived, 0, unit.at, u,
        spec(s, u).id + " deployed at " + s.theatre_.region(unit.at).id + " by " +
            std::string(to_string(unit.by)) + ", " + format_duration(s.now() - unit.ordered) +
            " after the order");
}

void Simulation::Rules::surge(Simulation& s, const Inject& in) {
  World& w = s.world_;
  for (std::uint32_t u = 0; u < w.units.size(); ++u) {
    const UnitSpec& sp = spec(s, u);
    if (w.units[u].state != UnitState::AtHome) continue;
    if (in.unit != Inject::kAnyUnit && u != in.unit) continue;
    if (!in.any_nation && sp.nation != in.nation) continue;
    if (in.tier != Readiness::InTheatre && sp.readiness != in.tier) continue;
    deploy(s, u, sp.deploy_to, sp.deploy_by, surge_notice(sp.readiness));
  }
}

void Simulation::Rules::ask_surge(Simulation& s, const std::string& why, std::uint64_t incident) {
  World& w = s.world_;
  const Scenario& sc = s.scenario_;
  const Alliance& a = w.alliance;
  const bool article4 = a.consultations > 0 && s.now() < a.sentry_until;
  double in = 0, all = 0;
  for (std::uint32_t n = 0; n < sc.nations.size(); ++n) {
    if (sc.nations[n].side != Side::Coalition) continue;
    all += 1;
    in += w.nation_withdrawn[n] ? 0 : 1;
  }
  const double cohesion = all > 0 ? in / all : 1.0;
  const double step = mean_step(s);
  for (std::uint32_t n = 0; n < sc.nations.size(); ++n) {
    const Nation& nat = sc.nations[n];
    if (nat.side != Side::Coalition || w.nation_withdrawn[n]) continue;
    // Already asked and not yet answered: the question stands, its odds move with the news.
    const auto pending = std::find_if(
        w.decisions.begin(), w.decisions.end(),
        [&](const Decision& d) { return d.kind == Decision::Kind::Surge && d.nation == n; });
    // Its units at home and when the first would arrive if it surged now.
    SimTime first = SimTime::max(), last = SimTime();
    int home = 0;
    for (std::uint32_t u = 0; u < w.units.size(); ++u) {
      const UnitSpec& sp = spec(s, u);
      if (sp.nation != n || w.units[u].state != UnitState::AtHome) continue;
      ++home;
      const auto j = deploy_journey(s, u, w.units[u].at, sp.deploy_to, sp.deploy_by);
      if (!j) continue;
      // With the lift it would wait for against what earlier orders hold now.
      const SimTime ready = s.now() + surge_notice(sp.readiness);
      const SimTime at = plan_lift(s, u, *j, ready).depart + Duration::ms(j->total.count());
      first = std::min(first, at);
      last = std::max(last, at);
    }
    if (home == 0) continue;
    const double logit = kSurgeBase + kSurgePerStep * step + (article4 ? kSurgeArticle4 : 0.0) -
                         kSurgeCohesion * (1 - cohesion) - kSurgeCaution * nat.refusal;
    const double p = 1 / (1 + std::exp(-logit));
    Decision d;
    d.id = pending != w.decisions.end() ? pending->id : w.next_decision_id++;
    d.kind = Decision::Kind::Surge;
    d.asked = s.now();
    d.nation = n;
    DecisionOption go, hold;
    go.odds = p;
    go.eta = first == SimTime::max() ? Duration() : first - s.now();
    hold.odds = 1 - p;
    d.options = {go, hold};
    d.doctrine = p >= 0.5 ? 0 : 1;
    char step_text[16];
    std::snprintf(step_text, sizeof step_text, "%.1f", step);
    trace(s, TraceKind::Decision, incident, kNone, kNone,
          nat.code + ": surge " + std::to_string(home) + " unit" + (home > 1 ? "s" : "") +
              " held at home after " + why + "? odds " + percent(p) + " (Red's step " + step_text +
              ", Article 4 " + (article4 ? "requested" : "not requested") + ", cohesion " +
              percent(cohesion) + "); first arrival " +
              (first == SimTime::max() ? std::string("none can reach") : format_clock(first)) +
              ", last " + (first == SimTime::max() ? std::string("-") : format_clock(last)) +
              "; doctrine: " + (d.doctrine == 0 ? "surge" : "hold"));
    if (pending != w.decisions.end()) {
      d.asked = pending->asked;
      *pending = std::move(d);
    } else if (nat.ask) {
      w.decisions.push_back(std::move(d));  // the nation is played: the run waits
    } else {
      surge_decide(s, d, d.doctrine == 0);
    }
  }
}

void Simulation::Rules::surge_decide(Simulation& s, const Decision& d, bool yes) {
  const Scenario& sc = s.scenario_;
  if (d.nation >= sc.nations.size()) return;
  const Nation& nat = sc.nations[d.nation];
  trace(s, TraceKind::Decision, 0, kNone, kNone,
        nat.code + (yes ? ": surges its units held at home" : ": holds its units at home"));
  if (!yes || s.world_.nation_withdrawn[d.nation]) return;
  Inject in;
  in.kind = InjectKind::Surge;
  in.any_nation = false;
  in.nation = d.nation;
  surge(s, in);
}

bool Simulation::Rules::joined(const Simulation& s, std::uint32_t u) {
  const Unit& unit = s.world_.units[u];
  return spec(s, u).readiness == Readiness::InTheatre || unit.station != kNone;
}

}  // namespace rfsim::sim
