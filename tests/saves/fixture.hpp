// Shared by the saves tests: the real theatre (loaded once), the default scenarios, and a
// recording of a short game.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "map/theatre.hpp"
#include "saves/recording.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::saves::testing {

inline const map::Theatre& theatre() {
  static const map::Theatre t = map::Theatre::load(RFSIM_ASSETS_DIR);
  return t;
}

/// Every scenario in assets/scenarios/, sorted, so new ones are covered as they appear.
inline std::vector<std::filesystem::path> scenario_files() {
  std::vector<std::filesystem::path> out;
  for (const auto& e :
       std::filesystem::directory_iterator(std::string(RFSIM_ASSETS_DIR) + "/scenarios")) {
    if (e.path().extension() == ".toml") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline sim::Scenario scenario(std::uint64_t seed = 0, const std::filesystem::path& file =
                                                          std::string(RFSIM_ASSETS_DIR) +
                                                          "/scenarios/partial-ceasefire.toml") {
  sim::Scenario s = sim::load_scenario(file, theatre());
  if (seed != 0) s.seed = seed;
  return s;
}

/// The default scenario's text with `line` inserted after the first occurrence of `after`, as
/// its own text (a save carries the text, and replays read it).
inline sim::Scenario scenario_with(std::uint64_t seed, const std::string& after,
                                   const std::string& line) {
  const std::string file = std::string(RFSIM_ASSETS_DIR) + "/scenarios/partial-ceasefire.toml";
  std::ifstream in(file);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  text.insert(text.find(after) + after.size(), line);
  sim::Scenario s = sim::parse_scenario(text, "partial-ceasefire-changed.toml", theatre());
  s.seed = seed;
  return s;
}

/// The default scenario with HQ's taskings asked of a player.
inline sim::Scenario ask_scenario(std::uint64_t seed) {
  return scenario_with(seed, "[scenario]\n", "decisions = \"ask\"\n");
}

inline sim::SimTime hours(std::int64_t h) {
  return sim::SimTime::at(sim::Duration::hours(h));
}

/// A live inject of each kind the tests use.
inline sim::Inject regime_inject(sim::Regime r) {
  sim::Inject in;
  in.kind = sim::InjectKind::SetRegime;
  in.regime = r;
  in.note = "test";
  return in;
}
inline sim::Inject provocation(map::RegionId region, std::int32_t count) {
  sim::Inject in;
  in.kind = sim::InjectKind::Provocation;
  in.region = region;
  in.count = count;
  return in;
}

/// A game with commands: 3 days, a provocation at 20h, a regime change at 40h.
inline Save short_game(std::uint64_t seed = 7) {
  Recording rec(scenario(seed), theatre(), RecordingOptions{sim::Duration::hours(6), true, "test"});
  rec.run_until(hours(20));
  rec.command(provocation(theatre().require("sector_pokrovsk"), 5));
  rec.run_until(hours(40));
  rec.command(regime_inject(sim::Regime::None));
  rec.run_until(hours(72));
  return rec.save();
}

/// short_game() made once per test executable and kept: a world well into a game, so every
/// list holds something.
inline const Save& kept_short_game() {
  static const Save s = short_game();
  return s;
}

}  // namespace rfsim::saves::testing
