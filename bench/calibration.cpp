// Calibration report: runs the default scenarios over many seeds and prints, as Markdown,
// daily violation counts and type shares per regime against the OSCE SMM figures, and the
// deterrence effect of an armed force against observers alone. docs/calibration.md is its
// output: bench_calibration > docs/calibration.md
#include <cstdio>
#include <string>

#include "map/theatre.hpp"
#include "sim/calibration.hpp"
#include "sim/scenario_loader.hpp"

using namespace rfsim;

namespace {

struct Target {
  const char* file;
  const char* regime;
  double per_day;     // published daily violations
  double explosions;  // published share of explosions, < 0 if none published
  const char* source;
};

constexpr Target kTargets[] = {
    {"no-ceasefire.toml", "none", 1100, -1, "SMM 2017: ~400,000 a year"},
    {"partial-ceasefire.toml", "partial", 750, 0.19,
     "SMM May 2020: ~10,500 in two weeks, ~19% explosions"},
    {"full-ceasefire.toml", "full", 25, 0.18,
     "SMM Jul-Sep 2020: 20-30 a day, 18% explosions, 81% shots"},
};

double pct(double x) {
  return 100.0 * x;
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::stoi(argv[1]) : 40;
  const int days = 30;
  const map::Theatre theatre = map::Theatre::load(RFSIM_ASSETS_DIR);
  std::printf("# Calibration\n\n");
  std::printf(
      "Produced by `build/default/bench/bench_calibration %d > docs/calibration.md` (%d seeds x %d "
      "days "
      "per scenario, MSEL removed, first 2 days of each run skipped while escalation builds up).\n"
      "Targets and their sources: `CALIBRATION.md` of the shared data, summarised in "
      "docs/model.md. "
      "Tolerance: +-25%%.\n\n",
      runs, runs, days);
  std::printf("## Daily violations and type shares per regime\n\n");
  std::printf(
      "| regime | scenario | target a day | model a day (sd) | within 25%% | explosions target | "
      "explosions model | small arms model | detected |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|\n");
  for (const Target& t : kTargets) {
    const sim::Scenario s =
        sim::load_scenario(std::string(RFSIM_ASSETS_DIR) + "/scenarios/" + t.file, theatre);
    const sim::RegimeStats r = sim::calibration_runs(s, theatre, runs, days);
    const double ratio = r.mean_per_day / t.per_day;
    const double expl = r.share[static_cast<int>(sim::ViolationType::Artillery)];
    const double arms = r.share[static_cast<int>(sim::ViolationType::SmallArms)];
    char target_expl[32] = "not published";
    if (t.explosions >= 0)
      std::snprintf(target_expl, sizeof target_expl, "%.0f%%", pct(t.explosions));
    std::printf("| %s | %s | %.0f | %.1f (%.1f) | %s (%.2fx) | %s | %.1f%% | %.1f%% | %.1f%% |\n",
                t.regime, t.file, t.per_day, r.mean_per_day, r.sd_per_day,
                (ratio > 0.75 && ratio < 1.25) ? "yes" : "**no**", ratio, target_expl, pct(expl),
                pct(arms), pct(r.detected_share));
  }
  std::printf("\nSources: ");
  for (const Target& t : kTargets) std::printf("%s: %s. ", t.regime, t.source);
  std::printf("\n\n## Deterrence: an armed force against observers alone\n\n");
  // The same line with an observer team per sector, or a 10,000-strong brigade per sector.
  const char* sectors[] = {
      "sector_kupiansk",         "sector_lyman",   "sector_kostiantynivka", "sector_pokrovsk",
      "sector_velyka_novosilka", "sector_orikhiv", "sector_enerhodar",      "sector_kherson"};
  std::string observers =
      "[scenario]\nname = \"observers\"\nlength = \"30d\"\nregime = \"none\"\n"
      "[[nations]]\ncode = \"XX\"\n";
  std::string armed = observers;
  for (const char* s : sectors) {
    observers += std::string("[[units]]\nid = \"obs-") + s +
                 "\"\nnation = \"XX\"\ntype = \"monitoring_team\"\n"
                 "strength = 40\nhome = \"" +
                 s + "\"\n";
    armed += std::string("[[units]]\nid = \"bde-") + s +
             "\"\nnation = \"XX\"\ntype = \"mech_infantry\"\n"
             "strength = 10000\nhome = \"" +
             s + "\"\n";
  }
  const sim::RegimeStats o = sim::calibration_runs(
      sim::parse_scenario(observers, "observers", theatre), theatre, runs / 2, days);
  const sim::RegimeStats a =
      sim::calibration_runs(sim::parse_scenario(armed, "armed", theatre), theatre, runs / 2, days);
  std::printf(
      "| force on each of the 8 sectors | kinetic violations a day | against observers "
      "|\n|---|---|---|\n");
  std::printf("| observer team (40, unarmed) | %.1f | 1.00 |\n", o.kinetic_per_day);
  std::printf(
      "| armed brigade (10,000) | %.1f | %.2f (target ~0.30: -70%%, Hultman, Kathman & Shannon) "
      "|\n",
      a.kinetic_per_day, a.kinetic_per_day / o.kinetic_per_day);
  return 0;
}
