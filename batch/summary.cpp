// Descriptive statistics of a batch's runs per variant.
#include "batch/summary.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rfsim::batch {
namespace {

// Student t's 0.975 quantile for `dof` degrees of freedom: Cornish-Fisher expansion around
// the normal one, within 0.2% of the tables from 3 degrees of freedom up; exact below.
double t975(std::size_t dof) {
  static constexpr double kSmall[] = {0, 12.7062, 4.3027, 3.1824};
  if (dof < 4) return kSmall[dof];
  const double z = 1.959963985, n = static_cast<double>(dof);
  const double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
  return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n) +
         (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n);
}

double percentile(const std::vector<double>& sorted, double q) {
  const double pos = q * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

std::string num(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

// A number for JSON: NaN has no spelling there, so an empty summary gets null.
nlohmann::json jnum(double v, std::size_t n) {
  return n == 0 ? nlohmann::json() : nlohmann::json(v);
}

}  // namespace

Stats describe(std::vector<double> values) {
  std::erase_if(values, [](double v) { return std::isnan(v); });
  Stats s;
  s.n = values.size();
  if (values.empty()) return s;
  std::sort(values.begin(), values.end());
  // Summing in sorted order makes the mean independent of the order runs finished in.
  double sum = 0;
  for (double v : values) sum += v;
  s.mean = sum / static_cast<double>(s.n);
  s.ci_low = s.ci_high = s.mean;
  if (s.n > 1) {
    double ss = 0;
    for (double v : values) ss += (v - s.mean) * (v - s.mean);
    const double se = std::sqrt(ss / static_cast<double>(s.n - 1) / static_cast<double>(s.n));
    s.ci_low = s.mean - t975(s.n - 1) * se;
    s.ci_high = s.mean + t975(s.n - 1) * se;
  }
  s.p5 = percentile(values, 0.05);
  s.p50 = percentile(values, 0.50);
  s.p95 = percentile(values, 0.95);
  s.min = values.front();
  s.max = values.back();
  return s;
}

std::vector<VariantSummary> summarise(const std::vector<std::string>& labels,
                                      const std::vector<RunRow>& rows) {
  std::vector<VariantSummary> out;
  for (std::size_t v = 0; v < labels.size(); ++v) {
    VariantSummary s{labels[v], 0, {}};
    std::vector<std::vector<double>> columns(measures().size());
    for (const RunRow& r : rows) {
      if (r.variant != v) continue;
      ++s.runs;
      for (std::size_t i = 0; i < columns.size(); ++i) columns[i].push_back(r.values[i]);
    }
    for (auto& c : columns) s.stats.push_back(describe(std::move(c)));
    out.push_back(std::move(s));
  }
  return out;
}

std::string summary_csv(const std::vector<VariantSummary>& summaries) {
  std::string out = "variant,measure,n,mean,ci95_low,ci95_high,p5,p50,p95,min,max\n";
  for (const VariantSummary& v : summaries) {
    for (std::size_t i = 0; i < measures().size(); ++i) {
      const Stats& s = v.stats[i];
      out += v.label + "," + std::string(measures()[i].name) + "," + std::to_string(s.n);
      for (double x : {s.mean, s.ci_low, s.ci_high, s.p5, s.p50, s.p95, s.min, s.max}) {
        out += ",";
        if (s.n > 0) out += num(x);
      }
      out += "\n";
    }
  }
  return out;
}

std::string summary_json(const BatchInfo& info, const std::vector<VariantSummary>& summaries) {
  nlohmann::json j;
  j["scenario"] = info.scenario;
  j["source"] = info.source;
  j["base_seed"] = info.base_seed;
  j["runs_per_variant"] = info.runs;
  j["seeds"] =
      "replication r runs with splitmix64(base_seed ^ splitmix64(0x5eed0000 + r)) in "
      "every variant (common random numbers)";
  if (!info.from.empty()) j["from"] = info.from;
  nlohmann::json vs = nlohmann::json::array();
  for (const VariantSummary& v : summaries) {
    nlohmann::json m = nlohmann::json::object();
    for (std::size_t i = 0; i < measures().size(); ++i) {
      const Stats& s = v.stats[i];
      m[std::string(measures()[i].name)] = {{"n", s.n},
                                            {"mean", jnum(s.mean, s.n)},
                                            {"ci95", {jnum(s.ci_low, s.n), jnum(s.ci_high, s.n)}},
                                            {"p5", jnum(s.p5, s.n)},
                                            {"p50", jnum(s.p50, s.n)},
                                            {"p95", jnum(s.p95, s.n)},
                                            {"min", jnum(s.min, s.n)},
                                            {"max", jnum(s.max, s.n)}};
    }
    vs.push_back({{"variant", v.label}, {"runs", v.runs}, {"measures", m}});
  }
  j["variants"] = vs;
  return j.dump(2) + "\n";
}

std::string summary_text(const std::vector<VariantSummary>& summaries) {
  static const char* const kKey[] = {"violations",
                                     "share_detected",
                                     "share_answered_in_standard",
                                     "time_to_detect_mean_h",
                                     "time_to_respond_mean_h",
                                     "time_to_respond_p95_h",
                                     "blocked_by_caveats",
                                     "refusals",
                                     "escalation_max",
                                     "ceasefire_held",
                                     "utilisation"};
  std::string out;
  char buf[256];
  for (const VariantSummary& v : summaries) {
    out += "variant " + v.label + " (" + std::to_string(v.runs) + " runs)\n";
    std::snprintf(buf, sizeof buf, "  %-28s %10s %23s %10s %10s %10s\n", "measure", "mean",
                  "95% CI", "p5", "p50", "p95");
    out += buf;
    for (const char* name : kKey) {
      const std::size_t i = measure_index(name);
      const Stats& s = v.stats[i];
      if (s.n == 0) continue;
      std::snprintf(buf, sizeof buf, "  %-28s %10.4g [%10.4g, %10.4g] %10.4g %10.4g %10.4g\n", name,
                    s.mean, s.ci_low, s.ci_high, s.p5, s.p50, s.p95);
      out += buf;
    }
  }
  return out;
}

}  // namespace rfsim::batch
