// The state is defined once: changing any one field of a world changes the state hash, and
// the save's round trip keeps the change (compared value by value). A field listed for one
// and not the other, or saved and not loaded, fails here.
#include <gtest/gtest.h>

#include <map>

#include "fixture.hpp"
#include "mutator.hpp"
#include "saves/serialize.hpp"
#include "sim/state_compare.hpp"
#include "sim/state_hash.hpp"

namespace rfsim::saves {
namespace {

const Snapshot& state() {
  static const Snapshot s = [] {
    Snapshot x = testing::short_game().end.state;  // every list holds something...
    x.world.msel_cancelled = {2};                  // ...and the MSEL edited in play
    sim::Inject line = testing::provocation(3, 4);
    line.at = sim::Duration::days(2);
    line.note = "added in play";
    x.world.msel_added = {line};
    return x;
  }();
  return s;
}

/// The field a leaf belongs to, whatever list positions lead to it: "units[].route[]".
std::string field_of(const std::string& path) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    out += path[i];
    if (path[i] == '[') {
      while (i + 1 < path.size() && path[i + 1] != ']') ++i;
    }
  }
  return out;
}

TEST(StateFields, EveryFieldChangesTheHashAndSurvivesTheRoundTrip) {
  const std::uint64_t base = sim::state_hash(state().world, state().streams);
  const std::vector<sim::Leaf> leaves = sim::leaves_of(state().world);
  ASSERT_GT(leaves.size(), 1000u);
  // Each field, at its first two places in the state (a list's first elements), in turn.
  std::map<std::string, int> tried;
  std::size_t changed = 0;
  for (std::size_t k = 0; k < leaves.size(); ++k) {
    const std::string& path = leaves[k].path;
    if (tried[field_of(path)]++ >= 2) continue;
    sim::World w = state().world;
    testing::Mutator m(k);
    m.change(w);
    ASSERT_TRUE(m.done()) << path;
    if (!m.what.empty()) {  // what cannot change alone: array lengths, events' kinds and ids
      EXPECT_TRUE(m.what == "a fixed length" || m.what.starts_with("an event's"))
          << path << ": " << m.what;
      continue;
    }
    ++changed;
    EXPECT_NE(sim::state_hash(w, state().streams), base) << path << " is not hashed";
    const sim::World back = from_binary<sim::World>(to_binary(w), "mem");
    EXPECT_EQ(sim::first_difference(w, back), "") << path << " does not survive a round trip";
    EXPECT_NE(sim::first_difference(w, state().world), "") << path << " did not change";
  }
  EXPECT_GT(changed, tried.size());  // most fields, twice
}

TEST(StateFields, StreamsAreHashed) {
  std::vector<sim::StreamPosition> streams = state().streams;
  const std::uint64_t base = sim::state_hash(state().world, streams);
  streams.back().draws += 1;
  EXPECT_NE(sim::state_hash(state().world, streams), base);
  streams = state().streams;
  streams.front().name += "x";
  EXPECT_NE(sim::state_hash(state().world, streams), base);
}

}  // namespace
}  // namespace rfsim::saves
