// The measures of a run as one row of numbers, and the results CSV.
#include "app/batch/results.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>

#include "app/errors.hpp"
#include "sim/derived_measures.hpp"
#include "sim/state_hash.hpp"

namespace rfsim::app::batch {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

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
  std::vector<double> v;
  v.reserve(measures().size());
  for (const sim::DerivedMeasure& d : sim::derived_measures()) v.push_back(d.of(run));
  v.push_back(static_cast<double>(violations_before_start));
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
