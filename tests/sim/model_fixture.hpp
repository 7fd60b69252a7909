// Shared by the model's tests: the real theatre, and small scenarios written in TOML.
#pragma once

#include <string>

#include "map/theatre.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::sim::testing {

inline const map::Theatre& theatre() {
  static const map::Theatre t = map::Theatre::load(RFSIM_ASSETS_DIR);
  return t;
}

/// A small valid scenario; tests append or replace lines to break it or to shape it.
inline std::string base_toml(const std::string& regime = "partial") {
  return R"([scenario]
name = "test"
seed = 7
length = "3d"
regime = ")" +
         regime + R"("

[[nations]]
code = "UK"
max_response = "engage"
approval_median = "20m"

[[nations]]
code = "DE"
allowed_regions = ["rzeszow"]

[[units]]
id = "uk-qrf"
nation = "UK"
type = "quick_reaction"
strength = 600
home = "dnipropetrovsk"
notice = "1h"
)";
}

inline Scenario parse(const std::string& text) {
  return parse_scenario(text, "test.toml", theatre());
}

}  // namespace rfsim::sim::testing
