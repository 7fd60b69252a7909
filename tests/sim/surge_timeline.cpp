// Prints the surge timeline of docs/calibration.md: for each readiness tier and mode, a unit at
// every home base that mode can leave from is surged at t = 0, and the run's own arrivals give
// the first and the last, beside the published window for the tier. The units share the lift
// (airlift loads at the airfield, train paths at the gauge change): the longest wait for it is
// printed too.
//   build/default/tests/sim/surge_timeline [assets dir]
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "map/theatre.hpp"
#include "sim/scenario_loader.hpp"
#include "sim/simulation.hpp"
#include "sim/trace.hpp"

namespace {

using namespace rfsim;

struct Leg {
  const char* mode;      // deploy_by
  const char* mobility;  // the unit's own means (the fallback and the road march)
  const char* to;
  std::vector<const char*> from;
};

struct Tier {
  const char* name;
  const char* window;  // published, from the decision
  double window_days;
};

struct Arrivals : sim::TraceSink {
  const sim::Simulation* run = nullptr;
  std::map<std::uint32_t, sim::SimTime> at;
  double wait_days = 0;  // the longest wait for lift, read as each unit joins
  void record(const sim::TraceRecord& r) override {
    if (r.kind == sim::TraceKind::Arrived && r.violation == 0 && !at.contains(r.unit)) {
      at[r.unit] = r.time;
      const sim::Unit& u = run->world().units[r.unit];
      wait_days = std::max(wait_days, (u.depart - u.ready).as_hours() / 24);
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  const std::string assets = argc > 1 ? argv[1] : RFSIM_ASSETS_DIR;
  const map::Theatre theatre = map::Theatre::load(assets);
  const std::vector<Tier> tiers = {{"vjtf", "48 h to deploy; about 5 days to respond", 5},
                                   {"arf", "within 10 days", 10},
                                   {"follow_on", "10 to 30 days", 30}};
  const std::vector<Leg> legs = {
      {"airlift",
       "wheeled",
       "rzeszow",
       {"brize_norton", "orleans_bricy", "wunstorf", "eindhoven", "satenas"}},
      {"rail",
       "tracked",
       "rzeszow",
       {"tidworth", "mourmelon", "munster", "eindhoven", "holstebro"}},
      {"rail", "tracked", "lviv", {"tidworth", "mourmelon", "munster", "eindhoven", "holstebro"}},
      {"road",
       "wheeled",
       "rzeszow",
       {"tidworth", "mourmelon", "munster", "eindhoven", "holstebro", "satenas"}},
      {"road",
       "tracked",
       "rzeszow",
       {"tidworth", "mourmelon", "munster", "eindhoven", "holstebro", "satenas"}},
      {"sealift", "tracked", "constanta", {"tidworth"}},
  };
  std::printf(
      "| tier | mode | to | from | units | first arrival (d) | longest wait for lift (d) | last "
      "arrival (d) | published | within |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|\n");
  for (const Tier& tier : tiers) {
    for (const Leg& leg : legs) {
      std::string toml = R"([scenario]
name = "surge timeline"
seed = 1
length = "60d"
regime = "full"

[[nations]]
code = "XX"
)";
      // What each mode carries in practice: light battalions fly (a VJTF's lead), mechanised
      // ones go by rail, road and sea.
      const bool light = std::string(leg.mode) == "airlift";
      const char* type = light ? "light_infantry 800" : "mech_infantry 1000";
      for (const char* base : leg.from) {
        toml += std::string("\n[[units]]\nid = \"") + base + "\"\nnation = \"XX\"\n" +
                (light ? "type = \"light_infantry\"\nstrength = 800"
                       : "type = \"mech_infantry\"\nstrength = 1000") +
                "\nhome = \"" + base + "\"\nmobility = \"" + leg.mobility + "\"\nreadiness = \"" +
                tier.name + "\"\ndeploy_to = \"" + leg.to + "\"\ndeploy_by = \"" + leg.mode +
                "\"\n";
      }
      toml += "\n[[injects]]\nat = \"0h\"\nkind = \"surge\"\n";
      sim::Simulation run(sim::parse_scenario(toml, "surge-timeline.toml", theatre), theatre);
      Arrivals arrivals;
      arrivals.run = &run;
      run.set_trace(&arrivals);
      run.run_until(run.end());
      double first = 1e9, last = 0;
      std::string fell_back;
      for (std::uint32_t u = 0; u < leg.from.size(); ++u) {
        const auto it = arrivals.at.find(u);
        if (it == arrivals.at.end()) {
          std::fprintf(stderr, "%s from %s never arrived\n", tier.name, leg.from[u]);
          return 1;
        }
        const double d = it->second.since_start().as_hours() / 24;
        first = std::min(first, d);
        last = std::max(last, d);
        const std::string by(sim::to_string(run.world().units[u].by));
        if (by != leg.mode && std::string(leg.mode) != "road") {
          fell_back += (fell_back.empty() ? " (" : ", ") + std::string(leg.from[u]) + " by " + by;
        }
      }
      if (!fell_back.empty()) fell_back += ")";
      std::string from;
      for (const char* b : leg.from) from += (from.empty() ? "" : ", ") + std::string(b);
      const std::string mode =
          std::string(leg.mode) +
          (std::string(leg.mode) == "road" ? std::string(" ") + leg.mobility : std::string());
      const double wait = arrivals.wait_days;
      std::printf("| %s | %s | %s | %s%s | %s | %.1f | %.1f | %.1f | %s | %s |\n", tier.name,
                  mode.c_str(), leg.to, from.c_str(), fell_back.c_str(), type, first, wait, last,
                  tier.window, last <= tier.window_days ? "yes" : "no");
    }
  }
  return 0;
}
