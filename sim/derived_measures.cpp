// The table of measures: every one computed from the run's state (sim/measures.hpp) here only.
#include "sim/derived_measures.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <string>

#include "sim/deployment_view.hpp"

namespace rfsim::sim {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

double days_run(const Simulation& r) {
  return static_cast<double>(r.now().ms()) / 86'400'000.0;
}

const Measures& m(const Simulation& r) {
  return r.world().measures;
}

template <std::size_t K>
double by_type(const Simulation& r) {
  return static_cast<double>(m(r).by_type[K]);
}

// The flank states' measures, by the region's id in the theatre (NaN where the theatre has no
// such state).
const FlankMeasures* flank_of(const Simulation& r, std::string_view id) {
  const World& w = r.world();
  for (std::size_t f = 0; f < w.flanks.size() && f < m(r).flank.size(); ++f) {
    if (r.theatre().region(w.flanks[f].region).id == id) return &m(r).flank[f];
  }
  return nullptr;
}

constexpr std::array<std::string_view, 3> kFlankIds = {"flank_poland", "flank_romania",
                                                       "flank_moldova"};

template <std::size_t F, class Get>
double flank_measure(const Simulation& r) {
  const FlankMeasures* x = flank_of(r, kFlankIds[F]);
  return x ? static_cast<double>(Get{}(*x)) : kNaN;
}

template <FlankIncident... K>
struct Incidents {
  std::int64_t operator()(const FlankMeasures& x) const {
    return (x.incidents[static_cast<std::size_t>(K)] + ... + 0);
  }
};
struct AllIncidents {
  std::int64_t operator()(const FlankMeasures& x) const {
    std::int64_t n = 0;
    for (std::int64_t k : x.incidents) n += k;
    return n;
  }
};
#define RFSIM_FLANK_FIELD(name)                                              \
  struct Get_##name {                                                        \
    std::int64_t operator()(const FlankMeasures& x) const { return x.name; } \
  };
RFSIM_FLANK_FIELD(drones)
RFSIM_FLANK_FIELD(intercepts)
RFSIM_FLANK_FIELD(misses)
RFSIM_FLANK_FIELD(held_fire)
RFSIM_FLANK_FIELD(debris)
RFSIM_FLANK_FIELD(interceptors_spent)
RFSIM_FLANK_FIELD(article4)
#undef RFSIM_FLANK_FIELD

template <std::size_t F>
void add_flank(std::vector<DerivedMeasure>& t, std::string_view state) {
  using FI = FlankIncident;
  // Names and titles live as long as the table: they are kept in static storage per state.
  struct Names {
    std::vector<std::string> names, titles;
  };
  static Names n;
  const std::array<std::pair<const char*, const char*>, 10> cols = {{
      {"incidents", "incidents"},
      {"drone_incursions", "drone incursions (single drones and raids)"},
      {"drones", "drones in the airspace"},
      {"airspace", "airspace violations by aircraft and missiles"},
      {"sabotage", "sabotage"},
      {"intercepts", "drones and missiles shot down"},
      {"misses", "shots that missed"},
      {"debris", "falls of debris"},
      {"interceptors", "interceptors fired"},
      {"article4", "Article 4 consultations requested"},
  }};
  n.names.reserve(10);
  n.titles.reserve(10);
  const std::array<double (*)(const Simulation&), 10> of = {
      flank_measure<F, AllIncidents>,
      flank_measure<F, Incidents<FI::Drone, FI::DroneRaid>>,
      flank_measure<F, Get_drones>,
      flank_measure<F, Incidents<FI::Aircraft, FI::Missile>>,
      flank_measure<F, Incidents<FI::Sabotage>>,
      flank_measure<F, Get_intercepts>,
      flank_measure<F, Get_misses>,
      flank_measure<F, Get_debris>,
      flank_measure<F, Get_interceptors_spent>,
      flank_measure<F, Get_article4>,
  };
  for (std::size_t i = 0; i < cols.size(); ++i) {
    n.names.push_back(std::string(state) + "_" + cols[i].first);
    n.titles.push_back(std::string(state) + ": " + cols[i].second);
  }
  for (std::size_t i = 0; i < cols.size(); ++i) {
    const std::size_t at = n.names.size() - cols.size() + i;
    t.push_back({n.names[at], n.titles[at], true, of[i]});
  }
}

std::vector<DerivedMeasure> make() {
  std::vector<DerivedMeasure> t{
      {"violations", "violations", true,
       [](const Simulation& r) { return static_cast<double>(m(r).violations); }},
      {"violations_per_day", "violations a day", false,
       [](const Simulation& r) {
         const double d = days_run(r);
         return d > 0 ? static_cast<double>(m(r).violations) / d : 0.0;
       }},
      {"artillery", "artillery", true, by_type<0>},
      {"small_arms", "small_arms", true, by_type<1>},
      {"drone_incursion", "drone_incursion", true, by_type<2>},
      {"airspace_violation", "airspace_violation", true, by_type<3>},
      {"naval_incursion", "naval_incursion", true, by_type<4>},
      {"ground_probe", "ground_probe", true, by_type<5>},
      {"hybrid_sabotage", "hybrid_sabotage", true, by_type<6>},
      {"detected", "detected", true,
       [](const Simulation& r) { return static_cast<double>(m(r).detected); }},
      {"share_detected", "share detected", false,
       [](const Simulation& r) { return ratio(m(r).detected, m(r).violations); }},
      {"dispatched", "units dispatched", true,
       [](const Simulation& r) { return static_cast<double>(m(r).dispatched); }},
      {"answered", "answered (recorded or a unit arrived)", true,
       [](const Simulation& r) { return static_cast<double>(m(r).answered); }},
      {"recorded_only", "answered by recording only", true,
       [](const Simulation& r) {
         return static_cast<double>(m(r).answered) -
                static_cast<double>(m(r).time_to_respond.count());
       }},
      {"answered_in_standard", "answered within the standard", true,
       [](const Simulation& r) { return static_cast<double>(m(r).answered_in_standard); }},
      {"share_answered_in_standard", "share answered within the standard", false,
       [](const Simulation& r) { return ratio(m(r).answered_in_standard, m(r).violations); }},
      {"blocked_by_caveats", "blocked by caveats", true,
       [](const Simulation& r) { return static_cast<double>(m(r).blocked_by_caveats); }},
      {"refusals", "refused by nations", true,
       [](const Simulation& r) { return static_cast<double>(m(r).refusals); }},
      {"no_unit_available", "no unit free", true,
       [](const Simulation& r) { return static_cast<double>(m(r).no_unit_available); }},
      {"time_to_detect_mean_h", "time to detect, mean (h)", false,
       [](const Simulation& r) { return m(r).time_to_detect.mean_hours(); }},
      {"time_to_detect_p95_h", "time to detect, 95th percentile (h)", false,
       [](const Simulation& r) { return m(r).time_to_detect.quantile_hours(0.95); }},
      {"time_to_respond_mean_h", "time to respond, mean (h)", false,
       [](const Simulation& r) { return m(r).time_to_respond.mean_hours(); }},
      {"time_to_respond_p95_h", "time to respond, 95th percentile (h)", false,
       [](const Simulation& r) { return m(r).time_to_respond.quantile_hours(0.95); }},
      {"responses", "responses arrived", true,
       [](const Simulation& r) { return static_cast<double>(m(r).time_to_respond.count()); }},
      {"escalation_end", "escalation index at the end", false,
       [](const Simulation& r) { return m(r).days.empty() ? 1.0 : m(r).days.back().escalation; }},
      {"escalation_max", "escalation index, daily maximum", false,
       [](const Simulation& r) {
         double x = m(r).days.empty() ? 1.0 : m(r).days.front().escalation;
         for (const DayRow& d : m(r).days) x = std::max(x, d.escalation);
         return x;
       }},
      {"ceasefire_held", "ceasefire held (1) or broke (0); empty when none was in force", true,
       [](const Simulation& r) {
         if (r.scenario().regime == Regime::None) return kNaN;
         return m(r).ceasefire_broken ? 0.0 : 1.0;
       }},
      {"ceasefire_broken_at_h", "ceasefire broke at (h)", false,
       [](const Simulation& r) {
         return m(r).ceasefire_broken ? static_cast<double>(m(r).broken_at.ms()) / 3.6e6 : kNaN;
       }},
      {"highest_step", "Red's highest ladder step (0 compliance .. 4 general offensive)", true,
       [](const Simulation& r) { return static_cast<double>(m(r).highest_step); }},
      {"mean_step_end", "Red's mean step over the sectors at the end", false,
       [](const Simulation& r) {
         const auto& s = r.world().sectors;
         if (s.empty()) return 0.0;
         double sum = 0;
         for (const Sector& x : s) sum += static_cast<double>(x.step);
         return sum / static_cast<double>(s.size());
       }},
      {"red_escalations", "Red's steps up", true,
       [](const Simulation& r) { return static_cast<double>(m(r).red_escalations); }},
      {"red_deescalations", "Red's steps down", true,
       [](const Simulation& r) { return static_cast<double>(m(r).red_deescalations); }},
      {"battles", "Red attacks", true,
       [](const Simulation& r) { return static_cast<double>(m(r).battles); }},
      {"breakthroughs", "attacks that broke the defence", true,
       [](const Simulation& r) { return static_cast<double>(m(r).breakthroughs); }},
      {"ground_lost_km2", "ground Ukraine lost (km2)", false,
       [](const Simulation& r) { return m(r).ground_lost_km2; }},
      {"red_losses", "Red's losses (personnel)", true,
       [](const Simulation& r) { return static_cast<double>(m(r).red_losses); }},
      {"ua_losses", "Ukraine's losses (personnel)", true,
       [](const Simulation& r) { return static_cast<double>(m(r).ua_losses); }},
      {"coalition_losses", "the coalition's losses (personnel)", true,
       [](const Simulation& r) { return static_cast<double>(m(r).coalition_losses); }},
      {"units_lost", "coalition units lost", true,
       [](const Simulation& r) { return static_cast<double>(m(r).units_lost); }},
      {"units_in_theatre", "coalition units in the theatre at the end (the surge's build-up)", true,
       [](const Simulation& r) { return static_cast<double>(units_in_theatre(r)); }},
      {"counter_battery", "counter-battery missions", true,
       [](const Simulation& r) { return static_cast<double>(m(r).counter_battery); }},
      {"intercepts", "drones and aircraft shot down", true,
       [](const Simulation& r) { return static_cast<double>(m(r).intercepts); }},
      {"misses", "engagements that missed", true,
       [](const Simulation& r) { return static_cast<double>(m(r).misses); }},
      {"interceptors_spent", "interceptors fired", true,
       [](const Simulation& r) { return static_cast<double>(m(r).interceptors_spent); }},
      {"flank_held_fire", "flank states: targets not fired at for want of interceptors", true,
       [](const Simulation& r) {
         std::int64_t n = 0;
         for (const FlankMeasures& x : m(r).flank) n += x.held_fire;
         return static_cast<double>(n);
       }},
      {"utilisation", "force utilisation", false, utilisation},
      {"events", "events handled", true,
       [](const Simulation& r) { return static_cast<double>(r.world().loop.executed()); }},
  };
  // Per flank state (issue 12), before the force's utilisation and the event count.
  std::vector<DerivedMeasure> flank;
  add_flank<0>(flank, "poland");
  add_flank<1>(flank, "romania");
  add_flank<2>(flank, "moldova");
  t.insert(t.end() - 2, flank.begin(), flank.end());
  return t;
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

const std::vector<DerivedMeasure>& derived_measures() {
  static const std::vector<DerivedMeasure> t = make();
  return t;
}

const DerivedMeasure* find_measure(std::string_view name) {
  for (const DerivedMeasure& d : derived_measures()) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

}  // namespace rfsim::sim
