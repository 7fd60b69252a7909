// Text summary of a run's measures.
#include "sim/summary.hpp"

#include <array>
#include <cstdio>

#include "sim/deployment_view.hpp"
#include "sim/state_hash.hpp"

namespace rfsim::sim {
namespace {

std::string line(const char* fmt, auto... args) {
  char buf[256];
  std::snprintf(buf, sizeof buf, fmt, args...);
  return buf;
}

double share(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

}  // namespace

double utilisation(const Simulation& run) {
  const World& w = run.world();
  if (w.units.empty() || run.now().ms() <= 0) return 0.0;
  std::int64_t busy = 0;
  for (const Unit& u : w.units) {
    busy += u.busy_ms;
    // At home and deploying are not time on tasks (nor counted busy while they last).
    if (u.state != UnitState::Idle && u.state != UnitState::Withdrawn &&
        u.state != UnitState::AtHome && u.state != UnitState::Deploying) {
      busy += (run.now() - u.busy_since).count_ms();
    }
  }
  return static_cast<double>(busy) /
         (static_cast<double>(run.now().ms()) * static_cast<double>(w.units.size()));
}

std::string format_summary(const Simulation& run) {
  const Scenario& sc = run.scenario();
  const World& w = run.world();
  const Measures& m = w.measures;
  const double days = static_cast<double>(run.now().ms()) / 86'400'000.0;
  std::string out;
  out += "scenario    " + sc.name + " (" + sc.source_name + ")\n";
  out += line("seed        %llu\n", static_cast<unsigned long long>(sc.seed));
  out += "time        " + format_clock(run.now()) + " (" +
         format_duration(run.now().since_start()) + ")\n";
  out += "regime      " + std::string(to_string(w.regime)) + ", US support " +
         std::string(to_string(w.us_support)) + "\n";
  out += line("force       %zu units from %zu nations, %d coalition units in the theatre\n",
              w.units.size(), sc.nations.size(), units_in_theatre(run));
  if (const std::string d = format_deployments(run); !d.empty()) out += "deployments\n" + d;
  out += line("violations  %lld (%.1f a day)\n", static_cast<long long>(m.violations),
              days > 0 ? static_cast<double>(m.violations) / days : 0.0);
  for (std::size_t k = 0; k < kViolationTypeCount; ++k) {
    if (m.by_type[k] == 0) continue;
    out += line("  %-20s %8lld  %5.1f%%\n",
                std::string(to_string(static_cast<ViolationType>(k))).c_str(),
                static_cast<long long>(m.by_type[k]), share(m.by_type[k], m.violations));
  }
  out += line("detected    %lld (%.1f%%)\n", static_cast<long long>(m.detected),
              share(m.detected, m.violations));
  out += line(
      "responded   %lld units dispatched, %lld answered, %lld within the %s standard (%.1f%% of "
      "violations)\n",
      static_cast<long long>(m.dispatched), static_cast<long long>(m.answered),
      static_cast<long long>(m.answered_in_standard), format_duration(sc.response_standard).c_str(),
      share(m.answered_in_standard, m.violations));
  out += line("time to detect   mean %.2f h, 95th percentile %.2f h\n",
              m.time_to_detect.mean_hours(), m.time_to_detect.quantile_hours(0.95));
  out += line("time to respond  mean %.2f h, 95th percentile %.2f h (%llu responses)\n",
              m.time_to_respond.mean_hours(), m.time_to_respond.quantile_hours(0.95),
              static_cast<unsigned long long>(m.time_to_respond.count()));
  out += line("blocked by caveats %lld, refused by nations %lld, no unit free %lld\n",
              static_cast<long long>(m.blocked_by_caveats), static_cast<long long>(m.refusals),
              static_cast<long long>(m.no_unit_available));
  if (!m.days.empty()) {
    out += line("escalation  %.2f at the end of day %d\n", m.days.back().escalation,
                m.days.back().day);
  }
  if (m.ceasefire_broken) {
    out += "ceasefire   broken at " + format_clock(m.broken_at) + "\n";
  } else if (w.regime == Regime::None) {
    out += "ceasefire   none in force\n";
  } else {
    out += "ceasefire   held\n";
  }
  if (!w.sectors.empty()) {
    std::array<int, kRedStepCount> at{};
    for (const Sector& x : w.sectors) ++at[static_cast<std::size_t>(x.step)];
    out += "red         highest step " + std::string(to_string(m.highest_step)) + "; now";
    for (std::size_t k = 0; k < kRedStepCount; ++k) {
      if (at[k] > 0) {
        out += line(" %d %s", at[k], std::string(to_string(static_cast<RedStep>(k))).c_str());
      }
    }
    out += line("; %lld steps up, %lld down\n", static_cast<long long>(m.red_escalations),
                static_cast<long long>(m.red_deescalations));
    out += line("combat      %lld attacks, %lld broke the defence; ground lost %.0f km2\n",
                static_cast<long long>(m.battles), static_cast<long long>(m.breakthroughs),
                m.ground_lost_km2);
    out += line("losses      Red %lld, Ukraine %lld, coalition %lld; coalition units lost %lld\n",
                static_cast<long long>(m.red_losses), static_cast<long long>(m.ua_losses),
                static_cast<long long>(m.coalition_losses), static_cast<long long>(m.units_lost));
  }
  out += line(
      "air defence %lld drones and aircraft shot down, %lld missed, %lld interceptors; "
      "counter-battery "
      "%lld missions\n",
      static_cast<long long>(m.intercepts), static_cast<long long>(m.misses),
      static_cast<long long>(m.interceptors_spent), static_cast<long long>(m.counter_battery));
  for (std::size_t f = 0; f < w.flanks.size() && f < m.flank.size(); ++f) {
    const FlankMeasures& x = m.flank[f];
    std::int64_t all = 0;
    for (std::int64_t n : x.incidents) all += n;
    out += line("%-11s %lld incidents", run.theatre().region(w.flanks[f].region).id.c_str(),
                static_cast<long long>(all));
    const char* sep = " (";
    for (std::size_t k = 0; k < kFlankIncidentCount; ++k) {
      if (x.incidents[k] > 0) {
        out += line("%s%lld %s", sep, static_cast<long long>(x.incidents[k]),
                    std::string(to_string(static_cast<FlankIncident>(k))).c_str());
        sep = ", ";
      }
    }
    if (all > 0) out += ")";
    out += line(
        "; %lld drones in, %lld shot down, %lld missed, %lld held fire, %lld interceptors (%d "
        "left), %lld debris, %lld scrambles, Article 4 %lld\n",
        static_cast<long long>(x.drones), static_cast<long long>(x.intercepts),
        static_cast<long long>(x.misses), static_cast<long long>(x.held_fire),
        static_cast<long long>(x.interceptors_spent), w.flanks[f].magazine,
        static_cast<long long>(x.debris), static_cast<long long>(x.scrambles),
        static_cast<long long>(x.article4));
  }
  out += line("utilisation %.1f%% of unit time on tasks\n", 100.0 * utilisation(run));
  out += line("events      %llu executed\n", static_cast<unsigned long long>(w.loop.executed()));
  out += "state hash  " + format_hash(run.state_hash()) + "\n";
  return out;
}

}  // namespace rfsim::sim
