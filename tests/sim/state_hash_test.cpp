// Tests of sim/state_hash.hpp: the digest depends on exactly what was fed, in order.
#include "sim/state_hash.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace rfsim::sim {
namespace {

TEST(StateHasher, EqualInputsGiveEqualDigests) {
  StateHasher a, b;
  for (StateHasher* h : {&a, &b}) {
    h->add(std::int64_t{86'400'000});
    h->add(std::uint32_t{7});
    h->add(std::string_view("unit/uk-1"));
    h->add(0.25);
  }
  EXPECT_EQ(a.digest(), b.digest());
}

TEST(StateHasher, OrderMatters) {
  StateHasher a, b;
  a.add(std::uint64_t{1});
  a.add(std::uint64_t{2});
  b.add(std::uint64_t{2});
  b.add(std::uint64_t{1});
  EXPECT_NE(a.digest(), b.digest());
}

TEST(StateHasher, DifferentValuesGiveDifferentDigests) {
  StateHasher a, b;
  a.add(std::int64_t{1000});
  b.add(std::int64_t{1001});
  EXPECT_NE(a.digest(), b.digest());
}

TEST(StateHasher, StringsAreDelimited) {  // the length prefix: "ab"+"c" is not "a"+"bc"
  StateHasher a, b;
  a.add(std::string_view("ab"));
  a.add(std::string_view("c"));
  b.add(std::string_view("a"));
  b.add(std::string_view("bc"));
  EXPECT_NE(a.digest(), b.digest());
}

TEST(StateHasher, DigestDoesNotConsumeState) {
  StateHasher a, b;
  a.add(std::uint32_t{5});
  const std::uint64_t first = a.digest();
  EXPECT_EQ(a.digest(), first);
  a.add(std::uint32_t{6});
  b.add(std::uint32_t{5});
  b.add(std::uint32_t{6});
  EXPECT_EQ(a.digest(), b.digest());
}

TEST(StateHasher, FreshHashersAgree) {
  EXPECT_EQ(StateHasher().digest(), StateHasher().digest());
}

TEST(FormatHash, PrintsSixteenLowerCaseHexDigits) {
  EXPECT_EQ(format_hash(0), "0000000000000000");
  EXPECT_EQ(format_hash(0xDEADBEEF), "00000000deadbeef");
  EXPECT_EQ(format_hash(0xFFFFFFFFFFFFFFFFull), "ffffffffffffffff");
  EXPECT_EQ(format_hash(0x0123456789ABCDEFull), "0123456789abcdef");
}

}  // namespace
}  // namespace rfsim::sim
