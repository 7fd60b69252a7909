// Round trips of every saved type through cereal portable binary (compared value by value,
// field by field), and JSON export.
#include <gtest/gtest.h>

#include "fixture.hpp"
#include "saves/save_error.hpp"
#include "saves/serialize.hpp"
#include "saves/snapshot.hpp"
#include "sim/state_compare.hpp"

namespace rfsim::saves {
namespace {

using testing::hours;

const sim::World& world() {
  return testing::kept_short_game().end.state.world;
}

template <class T>
void expect_round_trip(const T& value) {
  const T back = from_binary<T>(to_binary(value), "mem");
  EXPECT_EQ(sim::first_difference(value, back), "");
  EXPECT_FALSE(to_json(value).empty());
}

TEST(Serialize, WorldHasContent) {
  ASSERT_FALSE(world().units.empty());
  ASSERT_FALSE(world().violations.empty());
  ASSERT_GT(world().loop.pending_count(), 0u);
  ASSERT_GT(world().measures.time_to_detect.count(), 0u);
}

TEST(Serialize, EventRoundTripsEveryAlternative) {
  const std::vector<sim::Event> events = {
      sim::ThreatTick{3},         sim::Detected{1, 9},       sim::StandardDue{2, 10},
      sim::ApprovalDue{4, 11, 5}, sim::Arrived{6},           sim::TaskDone{7},
      sim::InjectDue{8},          sim::ProvocationDue{9, 3}, sim::DayEnds{}};
  for (const sim::Event& e : events) {
    const sim::Event back = from_binary<sim::Event>(to_binary(e), "mem");
    EXPECT_EQ(back.index(), e.index());
    EXPECT_EQ(sim::first_difference(back, e), "");
  }
  const auto back = from_binary<sim::Event>(to_binary(events[3]), "mem");
  EXPECT_EQ(std::get<sim::ApprovalDue>(back).unit, 5u);
}

TEST(Serialize, UnitRoundTrips) {
  sim::Unit u = world().units.front();
  u.route = {1, 2, 3};
  u.depart = hours(3);
  u.next = sim::EventId{42, 7};
  const sim::Unit back = from_binary<sim::Unit>(to_binary(u), "mem");
  EXPECT_EQ(back.route, u.route);
  EXPECT_EQ(back.depart, u.depart);
  EXPECT_EQ(back.next, u.next);
  for (const sim::Unit& x : world().units) expect_round_trip(x);
}

TEST(Serialize, ViolationThreatDayRowRoundTrip) {
  for (const sim::Violation& v : world().violations) expect_round_trip(v);
  for (const sim::Threat& t : world().threats) expect_round_trip(t);
  for (const sim::DayRow& d : world().measures.days) expect_round_trip(d);
  const sim::Violation v = world().violations.front();
  const sim::Violation back = from_binary<sim::Violation>(to_binary(v), "mem");
  EXPECT_EQ(back.serial, v.serial);
  EXPECT_EQ(back.detected, v.detected);
  EXPECT_EQ(back.standard_passed, v.standard_passed);
}

TEST(Serialize, HistogramRoundTripsSparse) {
  sim::MinuteHistogram h;
  h.add(sim::Duration::minutes(5));
  h.add(sim::Duration::minutes(5));
  h.add(sim::Duration::hours(30));  // an hour bin
  h.add(sim::Duration::days(30));   // the overflow bin
  const auto back = from_binary<sim::MinuteHistogram>(to_binary(h), "mem");
  EXPECT_EQ(back.bins(), h.bins());
  EXPECT_EQ(back.count(), 4u);
  EXPECT_EQ(back.total_ms(), h.total_ms());
  EXPECT_LT(to_binary(h).size(), 200u);  // three entries, not 1,585 bins
}

TEST(Serialize, Layout1MinuteBinsAreBinnedAsToday) {
  // Layout 1 kept a bin a minute to a week: its minute 1,530 (25.5 h) is today's hour bin
  // 25, its last bin (10,080) the overflow. Payload: count, total_ms, two (index, count).
  sim::MinuteHistogram want;
  want.add(sim::Duration::minutes(1530));
  want.add(sim::Duration::days(9));
  std::string bytes(1, '\x01');  // cereal's flag: little-endian
  auto put = [&](auto v) { bytes.append(reinterpret_cast<const char*>(&v), sizeof v); };
  put(std::uint32_t{1});  // layout 1's class version word
  put(std::uint64_t{2});
  put(want.total_ms());
  put(std::uint64_t{2});  // two sparse entries
  put(std::uint32_t{1530});
  put(std::uint32_t{1});
  put(std::uint32_t{10080});
  put(std::uint32_t{1});
  const auto back = from_binary<sim::MinuteHistogram>(bytes, "v1", 1);
  EXPECT_EQ(back.bins(), want.bins());
  EXPECT_DOUBLE_EQ(back.quantile_hours(0.5), 26.0);
}

TEST(Serialize, MeasuresWorldSnapshotKeyframeRoundTrip) {
  expect_round_trip(world().measures);
  expect_round_trip(world());
  expect_round_trip(testing::kept_short_game().end.state);
  expect_round_trip(testing::kept_short_game().end);
  // The restored loop hands out the same order: the part hashes read it in order.
  const Snapshot back =
      from_binary<Snapshot>(to_binary(testing::kept_short_game().end.state), "mem");
  const auto parts = part_hashes(back);
  ASSERT_EQ(parts.size(), testing::kept_short_game().end.parts.size());
  for (std::size_t i = 0; i < parts.size(); ++i) {
    EXPECT_EQ(parts[i].name, testing::kept_short_game().end.parts[i].name);
    EXPECT_EQ(parts[i].hash, testing::kept_short_game().end.parts[i].hash);
  }
}

TEST(Serialize, LogTypesRoundTrip) {
  ASSERT_EQ(testing::kept_short_game().commands.size(), 2u);
  for (const Command& c : testing::kept_short_game().commands) expect_round_trip(c);
  const Command back =
      from_binary<Command>(to_binary(testing::kept_short_game().commands[0]), "mem");
  EXPECT_EQ(back.at, hours(20));
  EXPECT_EQ(back.inject.kind, sim::InjectKind::Provocation);
  EXPECT_EQ(back.inject.count, 5);
  expect_round_trip(testing::kept_short_game().commands[1].inject);
  ASSERT_FALSE(testing::kept_short_game().trace.empty());
  expect_round_trip(testing::kept_short_game().trace.front());
  expect_round_trip(testing::kept_short_game().trace.front().record);
  expect_round_trip(testing::kept_short_game().meta);
  expect_round_trip(testing::kept_short_game());
}

TEST(Serialize, JsonNamesTheFields) {
  const std::string json = to_json(testing::kept_short_game().commands[0]);
  EXPECT_NE(json.find("\"at\""), std::string::npos);
  EXPECT_NE(json.find("\"inject\""), std::string::npos);
  const std::string w = to_json(world());
  EXPECT_NE(w.find("\"pending\""), std::string::npos);
  EXPECT_NE(w.find("\"units\""), std::string::npos);
}

TEST(Serialize, PartHashesSeeEachPart) {
  Snapshot s = testing::kept_short_game().end.state;
  auto hash_of = [](const std::vector<sim::StatePart>& parts, const std::string& name) {
    for (const sim::StatePart& p : parts) {
      if (p.name == name) return p.hash;
    }
    ADD_FAILURE() << "no part " << name;
    return std::uint64_t{0};
  };
  const auto before = part_hashes(s);
  s.world.units[0].munitions += 1;
  auto after = part_hashes(s);
  EXPECT_NE(hash_of(after, "units"), hash_of(before, "units"));
  EXPECT_EQ(hash_of(after, "loop"), hash_of(before, "loop"));
  EXPECT_EQ(hash_of(after, "measures"), hash_of(before, "measures"));
  s.streams[0].draws += 1;
  after = part_hashes(s);
  EXPECT_NE(hash_of(after, "streams"), hash_of(before, "streams"));
}

TEST(Serialize, TruncatedPayloadNamesItsOffset) {
  const std::string bytes = to_binary(world());
  try {
    from_binary<sim::World>(std::string_view(bytes).substr(0, bytes.size() / 2), "w.bin");
    FAIL() << "a half payload parsed";
  } catch (const SaveError& e) {
    EXPECT_EQ(e.file(), "w.bin");
    EXPECT_NE(e.offset(), SaveError::kNoOffset);
    EXPECT_LE(e.offset(), bytes.size() / 2);
  }
}

}  // namespace
}  // namespace rfsim::saves
