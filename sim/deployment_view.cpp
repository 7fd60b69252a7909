// The facilitator's view of deployments (deployment_view.hpp): read from the state, no rules.
#include "sim/deployment_view.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <vector>

#include "sim/lift.hpp"

namespace rfsim::sim {

std::int32_t units_in_theatre(const Simulation& run) {
  const Scenario& sc = run.scenario();
  std::int32_t n = 0;
  for (const Unit& u : run.world().units) {
    const UnitSpec& sp = sc.units[u.spec];
    if (sc.nations[sp.nation].side != Side::Coalition) continue;
    if (u.state == UnitState::Withdrawn || u.state == UnitState::Lost) continue;
    // A surge unit has joined once it arrived: its station is set then (surge.cpp).
    if (sp.readiness == Readiness::InTheatre || u.station != kNone) ++n;
  }
  return n;
}

std::string deployment_line(const Simulation& run, std::uint32_t unit) {
  const Unit& u = run.world().units.at(unit);
  const UnitSpec& sp = run.scenario().units[u.spec];
  const map::Theatre& t = run.theatre();
  if (u.state == UnitState::AtHome) {
    return sp.id + " at home at " + t.region(u.at).id + " (" +
           std::string(to_string(sp.readiness)) + ", notice to move " +
           format_duration(surge_notice(sp.readiness)) + " once surged to " +
           t.region(sp.deploy_to).id + " by " + std::string(to_string(sp.deploy_by)) + ")";
  }
  if (u.state != UnitState::Deploying) return "";
  std::string line = sp.id + " deploying to " + t.region(u.dest).id + ": arrives " +
                     format_clock(u.arrive) + " (in " +
                     format_duration(std::max(Duration(), u.arrive - run.now())) + "); ordered " +
                     format_clock(u.ordered);
  if (run.now() < u.depart) {
    line += ", notice to move until " + format_clock(u.depart);
  } else {
    line += ", set off " + format_clock(u.depart);
  }
  line += ", by " + std::string(to_string(u.by));
  if (u.route.size() >= 2) {
    line += ", route";
    const std::size_t shown = std::min<std::size_t>(u.route.size(), 6);
    for (std::size_t i = 0; i < shown; ++i) line += " " + t.region(u.route[i]).id;
    if (shown < u.route.size()) line += " ... " + t.region(u.route.back()).id;
  }
  return line;
}

std::string arrival_line(const Simulation& run, std::uint32_t unit) {
  const Unit& u = run.world().units.at(unit);
  if (u.state != UnitState::Deploying) return "";
  const UnitSpec& sp = run.scenario().units[u.spec];
  const auto ms = [](std::chrono::milliseconds d) {
    return format_duration(Duration::ms(d.count()));
  };
  std::string line = "arrives " + format_clock(u.arrive) + " (in " +
                     format_duration(std::max(Duration(), u.arrive - run.now())) + "): ordered " +
                     format_clock(u.ordered) + "; notice to move " +
                     format_duration(u.ready - u.ordered);
  if (sp.readiness != Readiness::InTheatre)
    line += " (" + std::string(to_string(sp.readiness)) + ")";
  line += " to " + format_clock(u.ready);
  // Shared lift: the wait for its slots, from when the notice ends to its last load or train.
  const LiftSlots slots = lift_slots(run.theatre(), u.by, u.route);
  if (slots.any()) {
    if (u.depart > u.ready) {
      line += "; waits " + format_duration(u.depart - u.ready) + " for " +
              describe_lift(run.theatre(), slots) + " to " + format_clock(u.depart);
    } else {
      line += "; no wait for " + describe_lift(run.theatre(), slots);
    }
  }
  line += "; then by " + std::string(to_string(u.by));
  const Duration travel = u.arrive - u.depart;
  // The journey's parts, from the router over the links as they are now; the arrival is what
  // was planned at the order or at the last re-route (a cut link re-routes it, a restored one
  // does not).
  const std::optional<map::Journey> j = run.journey(u.at, u.dest, u.by);
  if (j && j->total.count() == travel.count_ms()) {
    line += " " + std::to_string(static_cast<long long>(j->route.length_km + 0.5)) + " km, " +
            format_duration(travel) + ": moving " + ms(j->moving);
    if (j->halts.count() > 0) line += ", halts " + ms(j->halts);
    if (j->gauge.count() > 0) line += ", gauge change " + ms(j->gauge);
    if (j->terminals.count() > 0) line += ", terminals " + ms(j->terminals);
  } else {
    line += ", " + format_duration(travel) + " on the way (the route as planned at the order)";
  }
  return line;
}

std::string format_deployments(const Simulation& run) {
  const World& w = run.world();
  std::vector<std::uint32_t> deploying, home;
  for (std::uint32_t u = 0; u < w.units.size(); ++u) {
    if (w.units[u].state == UnitState::Deploying) deploying.push_back(u);
    if (w.units[u].state == UnitState::AtHome) home.push_back(u);
  }
  std::stable_sort(deploying.begin(), deploying.end(), [&](std::uint32_t a, std::uint32_t b) {
    return w.units[a].arrive < w.units[b].arrive;
  });
  std::string out;
  for (std::uint32_t u : deploying) out += "  " + deployment_line(run, u) + "\n";
  for (std::uint32_t u : home) out += "  " + deployment_line(run, u) + "\n";
  return out;
}

}  // namespace rfsim::sim
