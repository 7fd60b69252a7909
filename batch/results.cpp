// The measures of a run as one row of numbers, and the results CSV.
#include "batch/results.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

#include "sim/derived_measures.hpp"
#include "sim/state_hash.hpp"

namespace rfsim::batch {
namespace {

std::vector<Measure> make_measures() {
  // sim's table of measures, and what a batch adds: the violations counted before a resumed
  // run's start.
  std::vector<Measure> m;
  for (const sim::DerivedMeasure& d : sim::derived_measures()) {
    m.push_back({d.name, d.integer, d.title});
  }
  m.push_back(
      {"violations_before_start", true, "violations before the run's start (--from: before --at)"});
  return m;
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
  std::vector<double> v;
  v.reserve(measures().size());
  for (const sim::DerivedMeasure& d : sim::derived_measures()) v.push_back(d.of(run));
  v.push_back(static_cast<double>(violations_before_start));
  return v;
}

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
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

}  // namespace rfsim::batch
