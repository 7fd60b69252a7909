// Shared by the model's tests: the real theatre, small scenarios written in TOML, answers to
// decisions and a trace recorder.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "map/theatre.hpp"
#include "sim/scenario.hpp"
#include "sim/scenario_loader.hpp"
#include "sim/trace.hpp"

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

/// The command that answers decision `decision` with its option `option`.
inline Inject answer(std::uint64_t decision, int option) {
  Inject in;
  in.kind = InjectKind::Decide;
  in.decision = decision;
  in.option = option;
  return in;
}

/// Collects a run's trace, for what happened to whom and when.
struct TraceRecorder : TraceSink {
  std::vector<TraceRecord> records;
  void record(const TraceRecord& r) override { records.push_back(r); }
  std::vector<TraceRecord> of(TraceKind k) const {
    std::vector<TraceRecord> out;
    for (const auto& r : records) {
      if (r.kind == k) out.push_back(r);
    }
    return out;
  }
};

}  // namespace rfsim::sim::testing
