// libFuzzer harness: the scenario loader (sim::parse_scenario) on any text, against the real
// theatre. A ScenarioError is the loader's answer to bad input; anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "map/theatre.hpp"
#include "sim/scenario.hpp"
#include "sim/scenario_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const rfsim::map::Theatre theatre = rfsim::map::Theatre::load(RFSIM_ASSETS_DIR);
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const rfsim::sim::Scenario s = rfsim::sim::parse_scenario(text, "fuzz.toml", theatre);
    if (s.units.size() > rfsim::sim::kMaxUnits) __builtin_trap();  // the cap must hold
  } catch (const rfsim::sim::ScenarioError&) {
  }
  return 0;
}
