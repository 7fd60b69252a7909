// Which sensor saw a violation: the model keeps the kind and unit of the sensor whose report
// reached HQ first, for the pictures, the inspector and the log to name.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "model_fixture.hpp"
#include "sim/simulation.hpp"

namespace rfsim::sim {
namespace {

using testing::parse;

// What each detection named, read from the violation as HQ learns of it (the Detected record
// is made while the violation is open).
struct Seen {
  ViolationType type;
  SimTime at, detected, due;
  Sensor sensor;
  std::uint32_t unit;
};

struct Watcher : TraceSink {
  const Simulation* run = nullptr;
  std::vector<Seen> seen;
  void record(const TraceRecord& r) override {
    if (r.kind != TraceKind::Detected) return;
    for (const Violation& v : run->world().violations) {
      if (v.serial == r.violation) {
        seen.push_back({v.type, v.at, v.detected, v.detect_due, v.sensor, v.sensor_unit});
      }
    }
  }
};

// Two days of a partial ceasefire with no cameras: only the sensors the test gives see.
std::vector<Seen> detections(const std::string& us, const std::string& units,
                             const std::string& provocation_at = "1h") {
  const std::string toml =
      "[scenario]\nname = \"t\"\nseed = 5\nlength = \"2d\"\n"
      "regime = \"partial\"\ncameras_per_sector = 0\nus_support = \"" +
      us + "\"\n\n[[nations]]\ncode = \"UK\"\n\n" + units + "[[injects]]\nat = \"" +
      provocation_at +
      "\"\nkind = \"provocation\"\n"
      "region = \"sector_orikhiv\"\ncount = 40\n";
  Simulation sim(parse(toml), testing::theatre());
  Watcher w;
  w.run = &sim;
  sim.set_trace(&w);
  sim.run_until(sim.end());
  return w.seen;
}

std::string unit(const std::string& id, const std::string& type, const std::string& home) {
  return "[[units]]\nid = \"" + id + "\"\nnation = \"UK\"\ntype = \"" + type +
         "\"\nstrength = 60\nhome = \"" + home + "\"\n\n";
}

TEST(DetectionSensor, ADroneNamesItself) {
  // A quick-reaction force (no sensor) first, so that the drone is unit 1, not 0.
  const std::vector<Seen> seen =
      detections("withdrawn", unit("qrf", "quick_reaction", "dnipropetrovsk") +
                                  unit("drone", "isr_drone", "zaporizhzhia"));
  std::size_t by_drone = 0;
  for (const Seen& s : seen) {
    EXPECT_EQ(s.detected, s.due);
    if (s.type == ViolationType::HybridSabotage) continue;  // the host nation's, too
    EXPECT_EQ(s.sensor, Sensor::Drone) << to_string(s.type);
    EXPECT_EQ(s.unit, 1u) << to_string(s.type);
    by_drone += s.sensor == Sensor::Drone;
  }
  EXPECT_GT(by_drone, 5u);
}

TEST(DetectionSensor, TheUsFeedIsNamedWithoutAUnit) {
  const std::vector<Seen> seen =
      detections("full", unit("qrf", "quick_reaction", "dnipropetrovsk"));
  std::size_t by_us = 0;
  for (const Seen& s : seen) {
    if (s.type == ViolationType::HybridSabotage) {
      EXPECT_TRUE(s.sensor == Sensor::UsIntel || s.sensor == Sensor::HostNation);
    } else {
      EXPECT_EQ(s.sensor, Sensor::UsIntel) << to_string(s.type);
    }
    EXPECT_EQ(s.unit, kNone);
    by_us += s.sensor == Sensor::UsIntel;
  }
  EXPECT_GT(by_us, 5u);
}

TEST(DetectionSensor, TheEarlierReportIsKeptNotTheFirstSensorAsked) {
  // A monitoring team (unit 0, asked first) and a drone (unit 1) over the same sector, by day:
  // the patrol reports in about 2 h, the drone in about 15 min. A patrol named for a report
  // that came in minutes would be the first sensor asked, not the first to report.
  const std::vector<Seen> seen = detections(
      "withdrawn",
      unit("omt", "monitoring_team", "sector_orikhiv") + unit("drone", "isr_drone", "zaporizhzhia"),
      "12h");
  std::map<Sensor, std::vector<double>> minutes;
  for (const Seen& s : seen) {
    EXPECT_TRUE(s.sensor == Sensor::Drone || s.sensor == Sensor::Patrol ||
                s.sensor == Sensor::HostNation)
        << to_string(s.sensor);
    if (s.sensor == Sensor::Patrol) {
      EXPECT_EQ(s.unit, 0u);
    }
    if (s.sensor == Sensor::Drone) {
      EXPECT_EQ(s.unit, 1u);
    }
    minutes[s.sensor].push_back(static_cast<double>((s.detected - s.at).count_ms()) / 60000.0);
  }
  ASSERT_GT(minutes[Sensor::Drone].size(), 3u);
  ASSERT_GT(minutes[Sensor::Patrol].size(), 3u);
  for (const double m : minutes[Sensor::Patrol]) EXPECT_GT(m, 20.0) << "a patrol's report";
}

TEST(DetectionSensor, NamesAreStable) {
  EXPECT_EQ(to_string(Sensor::Drone), "drone");
  EXPECT_EQ(to_string(Sensor::UsIntel), "us_intel");
  EXPECT_EQ(to_string(Sensor::Unknown), "unknown");
}

}  // namespace
}  // namespace rfsim::sim
