// Shared by the map tests: the theatre of the real assets, loaded once per test executable.
#pragma once

#include <chrono>

#include "map/theatre.hpp"

namespace rfsim::map::testing {

inline const Theatre& real_theatre() {
  static const Theatre theatre = Theatre::load(RFSIM_ASSETS_DIR);
  return theatre;
}

inline double hours(std::chrono::milliseconds ms) {
  return static_cast<double>(ms.count()) / 3'600'000.0;
}

}  // namespace rfsim::map::testing
