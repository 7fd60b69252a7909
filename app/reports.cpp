// Trace CSV, measures JSON and daily CSV.
#include "app/reports.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

#include "sim/derived_measures.hpp"
#include "sim/state_hash.hpp"
#include "sim/summary.hpp"

namespace rfsim::app {
namespace {

// CSV fields with commas or quotes are quoted, quotes doubled (RFC 4180).
void append_field(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\n") == std::string_view::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

CsvTrace::CsvTrace(OutputFile& out, const map::Theatre& theatre, const sim::Scenario& scenario)
    : out_(out), theatre_(theatre), scenario_(scenario) {
  out_.write("time_ms,clock,kind,violation,region,unit,detail\n");
}

void CsvTrace::record(const sim::TraceRecord& r) {
  line_.clear();
  line_ += std::to_string(r.time.ms());
  line_ += ',';
  line_ += sim::format_clock(r.time);
  line_ += ',';
  line_ += sim::to_string(r.kind);
  line_ += ',';
  if (r.violation != 0) line_ += std::to_string(r.violation);
  line_ += ',';
  if (r.region < theatre_.region_count()) line_ += theatre_.region(r.region).id;
  line_ += ',';
  if (r.unit < scenario_.units.size()) line_ += scenario_.units[r.unit].id;
  line_ += ',';
  append_field(line_, r.detail);
  line_ += '\n';
  out_.write(line_);
}

std::string metrics_json(const sim::Simulation& run) {
  using nlohmann::json;
  const sim::Measures& m = run.world().measures;
  json j;
  j["scenario"] = run.scenario().name;
  j["seed"] = run.scenario().seed;
  j["time_ms"] = run.now().ms();
  j["regime"] = sim::to_string(run.world().regime);
  j["us_support"] = sim::to_string(run.world().us_support);
  j["violations"] = m.violations;
  json by_type = json::object();
  for (std::size_t k = 0; k < sim::kViolationTypeCount; ++k) {
    by_type[std::string(sim::to_string(static_cast<sim::ViolationType>(k)))] = m.by_type[k];
  }
  j["violations_by_type"] = by_type;
  json by_region = json::object();
  for (std::size_t r = 0; r < m.by_region.size(); ++r) {
    if (m.by_region[r] > 0)
      by_region[run.theatre().region(static_cast<map::RegionId>(r)).id] = m.by_region[r];
  }
  j["violations_by_region"] = by_region;
  j["detected"] = m.detected;
  j["share_detected"] =
      m.violations > 0 ? static_cast<double>(m.detected) / static_cast<double>(m.violations) : 0.0;
  j["dispatched"] = m.dispatched;
  j["answered"] = m.answered;
  j["answered_in_standard"] = m.answered_in_standard;
  j["response_standard_ms"] = run.scenario().response_standard.count_ms();
  j["blocked_by_caveats"] = m.blocked_by_caveats;
  j["refusals"] = m.refusals;
  j["no_unit_available"] = m.no_unit_available;
  j["time_to_detect_h"] = {{"mean", m.time_to_detect.mean_hours()},
                           {"p95", m.time_to_detect.quantile_hours(0.95)},
                           {"count", m.time_to_detect.count()}};
  j["time_to_respond_h"] = {{"mean", m.time_to_respond.mean_hours()},
                            {"p95", m.time_to_respond.quantile_hours(0.95)},
                            {"count", m.time_to_respond.count()}};
  json esc = json::array();
  for (const sim::DayRow& d : m.days) esc.push_back({{"day", d.day}, {"escalation", d.escalation}});
  j["escalation_by_day"] = esc;
  j["ceasefire_broken"] = m.ceasefire_broken;
  if (m.ceasefire_broken) j["ceasefire_broken_at_ms"] = m.broken_at.ms();
  j["utilisation"] = sim::utilisation(run);
  // Every measure of the one table batch and reports read (sim/derived_measures.hpp); null
  // where it does not apply.
  json derived = json::object();
  for (const sim::DerivedMeasure& d : sim::derived_measures()) {
    const double x = d.of(run);
    derived[std::string(d.name)] = std::isfinite(x) ? json(x) : json(nullptr);
  }
  j["measures"] = derived;
  json sectors = json::array();
  for (const sim::Sector& s : run.world().sectors) {
    sectors.push_back({{"sector", run.theatre().region(s.region).id},
                       {"step", sim::to_string(s.step)},
                       {"step_since_ms", s.step_since.ms()},
                       {"gained_km2", s.gained_km2},
                       {"battle", s.battle}});
  }
  j["sectors"] = sectors;
  j["events"] = run.world().loop.executed();
  j["state_hash"] = sim::format_hash(run.state_hash());
  return j.dump(2) + "\n";
}

std::string daily_csv(const sim::Simulation& run) {
  std::string out = "day,regime";
  for (std::size_t k = 0; k < sim::kViolationTypeCount; ++k) {
    out += ',';
    out += sim::to_string(static_cast<sim::ViolationType>(k));
  }
  out +=
      ",total,detected,answered_in_standard,escalation,ground_lost_km2,red_losses,ua_losses,"
      "coalition_losses,in_theatre,mean_step";
  // Red's step in each sector at the day's end, one column a sector: step_<sector id>.
  for (const sim::Sector& s : run.world().sectors)
    out += ",step_" + run.theatre().region(s.region).id;
  out += '\n';
  for (const sim::DayRow& d : run.world().measures.days) {
    std::int64_t total = 0;
    out += std::to_string(d.day) + "," + std::string(sim::to_string(d.regime));
    for (std::int64_t n : d.by_type) {
      out += "," + std::to_string(n);
      total += n;
    }
    char esc[32];
    std::snprintf(esc, sizeof esc, "%.4f", d.escalation);
    out += "," + std::to_string(total) + "," + std::to_string(d.detected) + "," +
           std::to_string(d.answered_in_standard) + "," + esc;
    char rest[160];
    double mean_step = 0;
    for (sim::RedStep st : d.steps) mean_step += static_cast<double>(st);
    if (!d.steps.empty()) mean_step /= static_cast<double>(d.steps.size());
    std::snprintf(rest, sizeof rest, ",%.2f,%lld,%lld,%lld,%d,%.3f", d.ground_lost_km2,
                  static_cast<long long>(d.red_losses), static_cast<long long>(d.ua_losses),
                  static_cast<long long>(d.coalition_losses), static_cast<int>(d.in_theatre),
                  mean_step);
    out += rest;
    for (std::size_t k = 0; k < run.world().sectors.size(); ++k) {
      out += ',';
      if (k < d.steps.size()) out += sim::to_string(d.steps[k]);
    }
    out += '\n';
  }
  return out;
}

}  // namespace rfsim::app
