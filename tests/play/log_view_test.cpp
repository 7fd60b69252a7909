// Each cell's event log against the rules over a real run: Blue reads of a violation only
// once HQ has detected it and never of Red's ladder; Red reads what it did and nothing of
// HQ's reports and tasks; White reads everything.
#include <gtest/gtest.h>

#include <set>

#include "play/log_view.hpp"
#include "play_fixture.hpp"

namespace rfsim::play {
namespace {

using namespace rfsim::play::testing;
using K = sim::TraceKind;

constexpr int kLogDays = 4;

Log played() {
  Log log;
  sim::Simulation run(asking_scenario(), theatre());
  run.set_trace(&log);
  play_days(run, kLogDays, [](const sim::Simulation&) {});
  run.set_trace(nullptr);
  return log;
}

TEST(LogView, BlueReadsOfAViolationOnlyOnceDetectedAndNothingOfRedsLadder) {
  const Log log = played();
  LogView blue(Cell::Blue);
  std::set<std::uint64_t> detected;
  int read = 0, about_violations = 0, red_decisions_left_out = 0;
  for (const sim::TraceRecord& r : log.records) {
    if (r.kind == K::Detected) detected.insert(r.violation);
    const bool red_decision = r.kind == K::Decision && r.violation == 0 && r.unit == 0xffffffff;
    red_decisions_left_out += red_decision;
    if (!blue.admits(r)) continue;
    ++read;
    EXPECT_NE(r.kind, K::Violation) << r.detail;
    EXPECT_NE(r.kind, K::RedStep) << r.detail;
    EXPECT_NE(r.kind, K::Inject) << r.detail;
    EXPECT_FALSE(red_decision) << r.detail;
    if (r.violation != 0 && r.kind != K::Engagement) {
      EXPECT_TRUE(detected.count(r.violation)) << sim::to_string(r.kind) << " " << r.detail;
      ++about_violations;
    }
  }
  // Every detection is read.
  int detections = 0;
  LogView again(Cell::Blue);
  for (const sim::TraceRecord& r : log.records)
    detections += r.kind == K::Detected && again.admits(r);
  EXPECT_EQ(detections, static_cast<int>(detected.size()));
  EXPECT_GT(read, 0);
  EXPECT_GT(about_violations, 0);
  EXPECT_GT(red_decisions_left_out, 0);
  EXPECT_LT(read, static_cast<int>(log.records.size()));
}

TEST(LogView, RedReadsWhatItDidAndNothingOfHqs) {
  const Log log = played();
  LogView red(Cell::Red);
  int violations = 0, steps = 0;
  for (const sim::TraceRecord& r : log.records) {
    if (!red.admits(r)) continue;
    EXPECT_NE(r.kind, K::Detected) << r.detail;
    EXPECT_NE(r.kind, K::Dispatched) << r.detail;
    EXPECT_NE(r.kind, K::Refused) << r.detail;
    EXPECT_NE(r.kind, K::Inject) << r.detail;
    if (r.kind == K::Decision) {
      EXPECT_EQ(r.violation, 0u) << r.detail;
      EXPECT_EQ(r.unit, 0xffffffffu) << r.detail;
    }
    violations += r.kind == K::Violation;
    steps += r.kind == K::RedStep || r.kind == K::Decision;
  }
  int committed = 0;
  for (const sim::TraceRecord& r : log.records) committed += r.kind == K::Violation;
  EXPECT_EQ(violations, committed);
  EXPECT_GT(steps, 0);
}

TEST(LogView, WhiteReadsEverything) {
  const Log log = played();
  LogView white(Cell::White);
  for (const sim::TraceRecord& r : log.records) EXPECT_TRUE(white.admits(r)) << r.detail;
  EXPECT_FALSE(log.records.empty());
}

}  // namespace
}  // namespace rfsim::play
