// The theatre of the real assets, loaded once per test executable.
#pragma once

#include "map/theatre.hpp"

namespace rfsim::map::testing {

inline const Theatre& real_theatre() {
  static const Theatre theatre = Theatre::load(RFSIM_ASSETS_DIR);
  return theatre;
}

}  // namespace rfsim::map::testing
