// Text summary of a run's measures: every figure the table of measures defines is read from it
// (sim/derived_measures.cpp), so the summary, the CSV and the reports cannot disagree.
#include "sim/summary.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "sim/deployment_view.hpp"
#include "sim/derived_measures.hpp"
#include "sim/state_hash.hpp"

namespace rfsim::sim {
namespace {

std::string line(const char* fmt, auto... args) {
  char buf[256];
  std::snprintf(buf, sizeof buf, fmt, args...);
  return buf;
}

// The table's value of the measure `name`.
double measure(const Simulation& run, std::string_view name) {
  const DerivedMeasure* d = find_measure(name);
  if (d == nullptr) throw std::logic_error("no measure named " + std::string(name));
  return d->of(run);
}

long long count(const Simulation& run, std::string_view name) {
  return std::llround(measure(run, name));
}

}  // namespace

std::string format_summary(const Simulation& run) {
  const Scenario& sc = run.scenario();
  const World& w = run.world();
  const Measures& m = w.measures;
  const auto at = [&](std::string_view name) { return measure(run, name); };
  const auto n = [&](std::string_view name) { return count(run, name); };
  std::string out;
  out += "scenario    " + sc.name + " (" + sc.source_name + ")\n";
  out += line("seed        %llu\n", static_cast<unsigned long long>(sc.seed));
  out += "time        " + format_clock(run.now()) + " (" +
         format_duration(run.now().since_start()) + ")\n";
  out += "regime      " + std::string(to_string(w.regime)) + ", US support " +
         std::string(to_string(w.us_support)) + "\n";
  out += line("force       %zu units from %zu nations, %lld coalition units in the theatre\n",
              w.units.size(), sc.nations.size(), n("units_in_theatre"));
  if (const std::string d = format_deployments(run); !d.empty()) out += "deployments\n" + d;
  const long long violations = n("violations");
  out += line("violations  %lld (%.1f a day)\n", violations, at("violations_per_day"));
  for (std::size_t k = 0; k < kViolationTypeCount; ++k) {
    const std::string type(to_string(static_cast<ViolationType>(k)));
    const long long of_type = n(type);
    if (of_type == 0) continue;
    out +=
        line("  %-20s %8lld  %5.1f%%\n", type.c_str(), of_type,
             violations > 0 ? 100.0 * static_cast<double>(of_type) / static_cast<double>(violations)
                            : 0.0);
  }
  out += line("detected    %lld (%.1f%%)\n", n("detected"), 100.0 * at("share_detected"));
  out += line(
      "responded   %lld units dispatched, %lld answered, %lld within the %s standard (%.1f%% of "
      "violations)\n",
      n("dispatched"), n("answered"), n("answered_in_standard"),
      format_duration(sc.response_standard).c_str(), 100.0 * at("share_answered_in_standard"));
  out += line("time to detect   mean %.2f h, 95th percentile %.2f h\n", at("time_to_detect_mean_h"),
              at("time_to_detect_p95_h"));
  out += line("time to respond  mean %.2f h, 95th percentile %.2f h (%lld responses)\n",
              at("time_to_respond_mean_h"), at("time_to_respond_p95_h"), n("responses"));
  out += line("blocked by caveats %lld, refused by nations %lld, no unit free %lld\n",
              n("blocked_by_caveats"), n("refusals"), n("no_unit_available"));
  if (!m.days.empty()) {
    out += line("escalation  %.2f at the end of day %d\n", at("escalation_end"), m.days.back().day);
  }
  if (const double broke_h = at("ceasefire_broken_at_h"); !std::isnan(broke_h)) {
    out += "ceasefire   broken at " +
           format_clock(SimTime::from_ms(std::llround(broke_h * 3.6e6))) + "\n";
  } else if (w.regime == Regime::None) {
    out += "ceasefire   none in force\n";
  } else {
    out += "ceasefire   held\n";
  }
  if (!w.sectors.empty()) {
    std::array<int, kRedStepCount> now{};
    for (const Sector& x : w.sectors) ++now[static_cast<std::size_t>(x.step)];
    out += "red         highest step " +
           std::string(to_string(static_cast<RedStep>(n("highest_step")))) + "; now";
    for (std::size_t k = 0; k < kRedStepCount; ++k) {
      if (now[k] > 0) {
        out += line(" %d %s", now[k], std::string(to_string(static_cast<RedStep>(k))).c_str());
      }
    }
    out += line("; %lld steps up, %lld down\n", n("red_escalations"), n("red_deescalations"));
    out += line("combat      %lld attacks, %lld broke the defence; ground lost %.0f km2\n",
                n("battles"), n("breakthroughs"), at("ground_lost_km2"));
    out += line("losses      Red %lld, Ukraine %lld, coalition %lld; coalition units lost %lld\n",
                n("red_losses"), n("ua_losses"), n("coalition_losses"), n("units_lost"));
  }
  out += line(
      "air defence %lld drones and aircraft shot down, %lld missed, %lld interceptors; "
      "counter-battery "
      "%lld missions\n",
      n("intercepts"), n("misses"), n("interceptors_spent"), n("counter_battery"));
  // Each flank state's line is the world's own record: the table has columns for the three
  // states of the default theatre only, and not the incidents by kind, held fire or scrambles.
  for (std::size_t f = 0; f < w.flanks.size() && f < m.flank.size(); ++f) {
    const FlankMeasures& x = m.flank[f];
    std::int64_t all = 0;
    for (std::int64_t k : x.incidents) all += k;
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
  out += line("utilisation %.1f%% of unit time on tasks\n", 100.0 * at("utilisation"));
  out += line("events      %lld executed\n", n("events"));
  out += "state hash  " + format_hash(run.state_hash()) + "\n";
  return out;
}

}  // namespace rfsim::sim
