// Who reported each violation, kept as the reports come: the state holds a violation's sensor
// only while it is open, and a violation HQ answers by recording it closes at its report.
#pragma once

#include <cstdint>
#include <map>

#include "sim/trace.hpp"
#include "sim/world.hpp"

namespace rfsim::play {

/// Fed every trace record as the run makes it (note()), it answers which sensor reported a
/// violation (by serial) for the event log's report lines and the inspector.
///   book.note(record, run.world());  ...  if (auto* e = book.find(serial, now)) name(e->sensor);
class SensorBook {
 public:
  struct Entry {
    sim::SimTime at;  // when the report reached HQ
    sim::Sensor sensor = sim::Sensor::Unknown;
    std::uint32_t unit = sim::kNone;  // Scenario::units index, or kNone
  };

  /// Keeps the sensor of a report (a Detected record) from the violation, open as it is made.
  void note(const sim::TraceRecord& r, const sim::World& w) {
    if (r.kind != sim::TraceKind::Detected) return;
    for (const sim::Violation& v : w.violations) {
      if (v.serial == r.violation && v.sensor != sim::Sensor::Unknown) {
        entries_.insert_or_assign(r.violation, Entry{r.time, v.sensor, v.sensor_unit});
        return;
      }
    }
  }
  /// The report on violation `serial` known at `now`; nullptr when none was seen made.
  const Entry* find(std::uint64_t serial, sim::SimTime now) const {
    const auto it = entries_.find(serial);
    return it != entries_.end() && it->second.at <= now ? &it->second : nullptr;
  }
  /// A command forked the game at `t`: the reports after it are of another game.
  void forget_after(sim::SimTime t) {
    std::erase_if(entries_, [&](const auto& kv) { return kv.second.at > t; });
  }
  void clear() { entries_.clear(); }

 private:
  std::map<std::uint64_t, Entry> entries_;  // by violation serial
};

}  // namespace rfsim::play
