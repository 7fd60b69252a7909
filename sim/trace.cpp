// Names of trace kinds, as written in trace files.
#include "sim/trace.hpp"

#include <array>

namespace rfsim::sim {

std::string_view to_string(TraceKind k) {
  static constexpr std::array<std::string_view, 17> kNames{
      "violation", "detected", "dispatched", "refused",   "blocked",          "unanswered",
      "arrived",   "returned", "inject",     "day_ended", "ceasefire_broken", "decision",
      "red_step",  "battle",   "combat",     "unit_lost", "engagement"};
  return kNames.at(static_cast<std::size_t>(k));
}

}  // namespace rfsim::sim
