// The run's text summary quotes the table of measures (sim/derived_measures.hpp): the figures
// `rfsim run` prints are the ones the CSV and the reports print.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "model_fixture.hpp"
#include "sim/derived_measures.hpp"
#include "sim/summary.hpp"

namespace rfsim::sim {
namespace {

double value(const Simulation& run, std::string_view name) {
  const DerivedMeasure* d = find_measure(name);
  EXPECT_NE(d, nullptr) << name;
  return d ? d->of(run) : std::nan("");
}

std::string fmt(const char* f, double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, x);
  return buf;
}

std::string fmt(const char* f, long long x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, x);
  return buf;
}

long long count(const Simulation& run, std::string_view name) {
  return std::llround(value(run, name));
}

TEST(Summary, QuotesTheTableOfMeasures) {
  for (const char* file : {"partial-ceasefire.toml", "no-ceasefire.toml"}) {
    SCOPED_TRACE(file);
    Simulation run(
        load_scenario(std::string(RFSIM_ASSETS_DIR) + "/scenarios/" + file, testing::theatre()),
        testing::theatre());
    run.run_until(SimTime::at(Duration::days(10)));
    const std::string s = format_summary(run);
    ASSERT_GT(count(run, "violations"), 0);
    const std::string expected[] = {
        fmt("violations  %lld (", count(run, "violations")) +
            fmt("%.1f a day)\n", value(run, "violations_per_day")),
        fmt("detected    %lld (", count(run, "detected")) +
            fmt("%.1f%%)\n", 100.0 * value(run, "share_detected")),
        fmt("responded   %lld units dispatched, ", count(run, "dispatched")) +
            fmt("%lld answered, ", count(run, "answered")) +
            fmt("%lld within the ", count(run, "answered_in_standard")),
        fmt("(%.1f%% of violations)\n", 100.0 * value(run, "share_answered_in_standard")),
        fmt("time to detect   mean %.2f h, ", value(run, "time_to_detect_mean_h")) +
            fmt("95th percentile %.2f h\n", value(run, "time_to_detect_p95_h")),
        fmt("time to respond  mean %.2f h, ", value(run, "time_to_respond_mean_h")) +
            fmt("95th percentile %.2f h ", value(run, "time_to_respond_p95_h")) +
            fmt("(%lld responses)\n", count(run, "responses")),
        fmt("blocked by caveats %lld, ", count(run, "blocked_by_caveats")) +
            fmt("refused by nations %lld, ", count(run, "refusals")) +
            fmt("no unit free %lld\n", count(run, "no_unit_available")),
        fmt("escalation  %.2f at the end", value(run, "escalation_end")),
        fmt("combat      %lld attacks, ", count(run, "battles")) +
            fmt("%lld broke the defence; ", count(run, "breakthroughs")) +
            fmt("ground lost %.0f km2\n", value(run, "ground_lost_km2")),
        fmt("losses      Red %lld, ", count(run, "red_losses")) +
            fmt("Ukraine %lld, ", count(run, "ua_losses")) +
            fmt("coalition %lld; ", count(run, "coalition_losses")) +
            fmt("coalition units lost %lld\n", count(run, "units_lost")),
        fmt("air defence %lld drones and aircraft shot down, ", count(run, "intercepts")) +
            fmt("%lld missed, ", count(run, "misses")) +
            fmt("%lld interceptors; ", count(run, "interceptors_spent")) +
            fmt("counter-battery %lld missions\n", count(run, "counter_battery")),
        fmt(", %lld coalition units in the theatre\n", count(run, "units_in_theatre")),
        fmt("utilisation %.1f%% of unit time", 100.0 * value(run, "utilisation")),
        fmt("events      %lld executed\n", count(run, "events")),
    };
    for (const std::string& e : expected) {
      EXPECT_NE(s.find(e), std::string::npos) << "missing \"" << e << "\" in\n" << s;
    }
    for (std::size_t k = 0; k < kViolationTypeCount; ++k) {
      const std::string type(to_string(static_cast<ViolationType>(k)));
      const long long n = count(run, type);
      if (n == 0) continue;
      char row[64];
      std::snprintf(row, sizeof row, "  %-20s %8lld  ", type.c_str(), n);
      EXPECT_NE(s.find(row), std::string::npos) << type << " in\n" << s;
    }
  }
}

// The default no-ceasefire scenario's injects set a ceasefire that breaks on day 21.
TEST(Summary, SaysWhenTheCeasefireBroke) {
  Simulation run(load_scenario(std::string(RFSIM_ASSETS_DIR) + "/scenarios/no-ceasefire.toml",
                               testing::theatre()),
                 testing::theatre());
  run.run_until(SimTime::at(Duration::days(30)));
  const double broke_h = value(run, "ceasefire_broken_at_h");
  ASSERT_FALSE(std::isnan(broke_h));
  const SimTime at = SimTime::from_ms(std::llround(broke_h * 3.6e6));
  EXPECT_EQ(at, run.world().measures.broken_at);
  EXPECT_NE(format_summary(run).find("ceasefire   broken at " + format_clock(at) + "\n"),
            std::string::npos)
      << format_summary(run);
}

}  // namespace
}  // namespace rfsim::sim
