// The measures of a run as one row of numbers, and the results CSV.
#include "app/batch/results.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>

#include "app/errors.hpp"
#include "sim/state_hash.hpp"
#include "sim/summary.hpp"

namespace rfsim::app::batch {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<Measure> make_measures() {
  std::vector<Measure> m{{"violations", true, "violations"}};
  for (std::size_t k = 0; k < sim::kViolationTypeCount; ++k) {
    m.push_back({sim::to_string(static_cast<sim::ViolationType>(k)), true,
                 sim::to_string(static_cast<sim::ViolationType>(k))});
  }
  const std::vector<Measure> rest{
      {"detected", true, "detected"},
      {"share_detected", false, "share detected"},
      {"dispatched", true, "units dispatched"},
      {"answered", true, "answered"},
      {"answered_in_standard", true, "answered within the standard"},
      {"share_answered_in_standard", false, "share answered within the standard"},
      {"blocked_by_caveats", true, "blocked by caveats"},
      {"refusals", true, "refused by nations"},
      {"no_unit_available", true, "no unit free"},
      {"time_to_detect_mean_h", false, "time to detect, mean (h)"},
      {"time_to_detect_p95_h", false, "time to detect, 95th percentile (h)"},
      {"time_to_respond_mean_h", false, "time to respond, mean (h)"},
      {"time_to_respond_p95_h", false, "time to respond, 95th percentile (h)"},
      {"responses", true, "responses arrived"},
      {"escalation_end", false, "escalation index at the end"},
      {"escalation_max", false, "escalation index, daily maximum"},
      {"ceasefire_held", true, "ceasefire held (1) or broke (0)"},
      {"ceasefire_broken_at_h", false, "ceasefire broke at (h)"},
      {"utilisation", false, "force utilisation"},
      {"events", true, "events handled"},
      {"violations_before_start", true, "violations before the run's start (--from: before --at)"},
  };
  m.insert(m.end(), rest.begin(), rest.end());
  return m;
}

double ratio(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

void append_number(std::string& out, double v, bool integer) {
  if (std::isnan(v)) return;  // an empty field: the measure does not apply
  char buf[40];
  if (integer) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(std::llround(v)));
  } else {
    std::snprintf(buf, sizeof buf, "%.10g", v);
  }
  out += buf;
}

}  // namespace

const std::vector<Measure>& measures() {
  static const std::vector<Measure> m = make_measures();
  return m;
}

std::size_t measure_index(std::string_view name) {
  const auto& m = measures();
  for (std::size_t i = 0; i < m.size(); ++i) {
    if (m[i].name == name) return i;
  }
  return m.size();
}

std::vector<double> measure_run(const sim::Simulation& run, std::int64_t violations_before_start) {
  const sim::Measures& m = run.world().measures;
  std::vector<double> v;
  v.reserve(measures().size());
  auto num = [&](auto x) { v.push_back(static_cast<double>(x)); };
  num(m.violations);
  for (std::int64_t n : m.by_type) num(n);
  num(m.detected);
  num(ratio(m.detected, m.violations));
  num(m.dispatched);
  num(m.answered);
  num(m.answered_in_standard);
  num(ratio(m.answered_in_standard, m.violations));
  num(m.blocked_by_caveats);
  num(m.refusals);
  num(m.no_unit_available);
  num(m.time_to_detect.mean_hours());
  num(m.time_to_detect.quantile_hours(0.95));
  num(m.time_to_respond.mean_hours());
  num(m.time_to_respond.quantile_hours(0.95));
  num(m.time_to_respond.count());
  double esc_max = m.days.empty() ? 1.0 : m.days.front().escalation;
  for (const sim::DayRow& d : m.days) esc_max = std::max(esc_max, d.escalation);
  num(m.days.empty() ? 1.0 : m.days.back().escalation);
  num(esc_max);
  num(m.ceasefire_broken ? 0 : 1);
  v.push_back(m.ceasefire_broken ? static_cast<double>(m.broken_at.ms()) / 3.6e6 : kNaN);
  num(sim::utilisation(run));
  num(run.world().loop.executed());
  num(violations_before_start);
  return v;
}

std::uint64_t replication_seed(std::uint64_t scenario_seed, std::uint32_t r) {
  return splitmix64(scenario_seed ^ splitmix64(0x5eed0000ULL + r));
}

std::string csv_header() {
  std::string out = "variant,replication,seed";
  for (const Measure& m : measures()) {
    out += ',';
    out += m.name;
  }
  return out + ",state_hash\n";
}

std::string csv_line(const RunRow& row, std::string_view variant_label) {
  std::string out(variant_label);
  out += ',' + std::to_string(row.replication) + ',' + std::to_string(row.seed);
  for (std::size_t i = 0; i < measures().size(); ++i) {
    out += ',';
    append_number(out, row.values[i], measures()[i].integer);
  }
  return out + ',' + sim::format_hash(row.state_hash) + '\n';
}

ResultsTable read_results_csv(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw InputError(file.string() + ": cannot be read");
  std::string line;
  std::getline(in, line);
  if (line + '\n' != csv_header()) {
    throw InputError(file.string() + ":1: not a results file of this rfsim: expected the header " +
                     csv_header().substr(0, 40) + "...");
  }
  ResultsTable t;
  const std::size_t want = 3 + measures().size() + 1;
  for (std::size_t n = 2; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    std::vector<std::string> f;
    std::size_t from = 0;
    while (true) {
      const std::size_t at = line.find(',', from);
      f.push_back(line.substr(from, at - from));
      if (at == std::string::npos) break;
      from = at + 1;
    }
    const std::string where = file.string() + ":" + std::to_string(n);
    if (f.size() != want) {
      throw InputError(where + ": expected " + std::to_string(want) + " fields, found " +
                       std::to_string(f.size()));
    }
    RunRow row;
    std::size_t v = 0;
    while (v < t.variants.size() && t.variants[v] != f[0]) ++v;
    if (v == t.variants.size()) t.variants.push_back(f[0]);
    row.variant = v;
    try {
      row.replication = static_cast<std::uint32_t>(std::stoul(f[1]));
      row.seed = std::stoull(f[2]);
      for (std::size_t i = 0; i < measures().size(); ++i) {
        row.values.push_back(f[3 + i].empty() ? kNaN : std::stod(f[3 + i]));
      }
      row.state_hash = std::stoull(f.back(), nullptr, 16);
    } catch (const std::exception&) {
      throw InputError(where + ": a field is not a number");
    }
    t.rows.push_back(std::move(row));
  }
  if (t.rows.empty()) throw InputError(file.string() + ": no runs in it");
  return t;
}

}  // namespace rfsim::app::batch
