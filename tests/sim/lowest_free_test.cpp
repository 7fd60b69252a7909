// Tests of sim/detail/lowest_free.hpp: the set of the event loop's free slots hands out its
// lowest index, whatever the order of inserts and takes, against a std::set.
#include "sim/detail/lowest_free.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <set>

namespace rfsim::sim::detail {
namespace {

TEST(LowestFree, StartsEmpty) {
  LowestFree f;
  EXPECT_TRUE(f.empty());
  EXPECT_EQ(f.size(), 0u);
}

TEST(LowestFree, TakesInAscendingOrderWhateverTheInsertOrder) {
  LowestFree f;
  for (std::uint32_t s : {700u, 3u, 64u, 63u, 4095u, 4096u, 0u, 65u}) f.insert(s);
  EXPECT_EQ(f.size(), 8u);
  for (std::uint32_t s : {0u, 3u, 63u, 64u, 65u, 700u, 4095u, 4096u}) EXPECT_EQ(f.take_lowest(), s);
  EXPECT_TRUE(f.empty());
}

TEST(LowestFree, ClearEmptiesIt) {
  LowestFree f;
  f.insert(9);
  f.insert(200'000);
  f.clear();
  EXPECT_TRUE(f.empty());
  f.insert(5);
  EXPECT_EQ(f.take_lowest(), 5u);
}

TEST(LowestFree, ALowSlotFreedAfterTheHighOnesRanOutIsFound) {
  LowestFree f;
  for (std::uint32_t s = 0; s < 10'000; ++s) f.insert(s);
  for (std::uint32_t s = 0; s < 9'990; ++s) ASSERT_EQ(f.take_lowest(), s);
  f.insert(5);
  f.insert(4'100);
  EXPECT_EQ(f.take_lowest(), 5u);
  EXPECT_EQ(f.take_lowest(), 4'100u);
  EXPECT_EQ(f.take_lowest(), 9'990u);
}

// Random inserts and takes over a slab that grows and shrinks, some far past one summary word
// (64 x 64 slots), against std::set's first element.
TEST(LowestFree, MatchesAnOrderedSet) {
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    std::mt19937_64 rng(seed);
    LowestFree f;
    std::set<std::uint32_t> ref;
    const std::uint32_t range = seed % 2 == 0 ? 300 : 20'000;
    for (int i = 0; i < 100'000; ++i) {
      if (rng() % 100 < 55 || ref.empty()) {
        const auto s = static_cast<std::uint32_t>(rng() % range);
        if (ref.insert(s).second) f.insert(s);
      } else {
        ASSERT_FALSE(f.empty());
        const std::uint32_t lowest = *ref.begin();
        ref.erase(ref.begin());
        ASSERT_EQ(f.take_lowest(), lowest) << "op " << i << ", seed " << seed;
      }
      ASSERT_EQ(f.size(), ref.size());
    }
  }
}

}  // namespace
}  // namespace rfsim::sim::detail
