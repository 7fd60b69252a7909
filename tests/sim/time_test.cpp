// Tests of sim/time.hpp: parsing and printing durations, clock readings, time arithmetic.
#include "sim/time.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace rfsim::sim {
namespace {

using ::testing::HasSubstr;

// The message of the std::invalid_argument that parse_duration(text) throws, or "" if none.
std::string parse_error(const std::string& text) {
  try {
    parse_duration(text);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(ParseDuration, ReadsEachUnit) {
  EXPECT_EQ(parse_duration("250ms"), Duration::ms(250));
  EXPECT_EQ(parse_duration("90s"), Duration::seconds(90));
  EXPECT_EQ(parse_duration("90m"), Duration::minutes(90));
  EXPECT_EQ(parse_duration("72h"), Duration::hours(72));
  EXPECT_EQ(parse_duration("30d"), Duration::days(30));
}

TEST(ParseDuration, AddsUpCompoundTerms) {
  EXPECT_EQ(parse_duration("1d12h"), Duration::hours(36));
  EXPECT_EQ(parse_duration("1h30m15s"), Duration::seconds(5415));
  EXPECT_EQ(parse_duration("2m500ms"), Duration::ms(120'500));
}

TEST(ParseDuration, ReadsZero) {
  EXPECT_EQ(parse_duration("0"), Duration());
  EXPECT_EQ(parse_duration("0s"), Duration());
}

TEST(ParseDuration, RefusesEmptyText) {
  EXPECT_THAT(parse_error(""), HasSubstr("it is empty"));
}

TEST(ParseDuration, RefusesNegativeDurations) {
  EXPECT_THAT(parse_error("-5h"), HasSubstr("\"-5h\": it is negative"));
}

TEST(ParseDuration, RefusesANumberWithoutUnit) {
  EXPECT_THAT(parse_error("5"), HasSubstr("\"5\": a unit (ms, s, m, h or d) must follow"));
}

TEST(ParseDuration, RefusesAUnitWithoutNumber) {
  EXPECT_THAT(parse_error("h"), HasSubstr("\"h\": a number must come before each unit"));
}

TEST(ParseDuration, RefusesUnknownUnits) {
  EXPECT_THAT(parse_error("5x"), HasSubstr("\"5x\": a unit (ms, s, m, h or d) must follow"));
}

TEST(ParseDuration, RefusesFractions) {
  EXPECT_THAT(parse_error("1.5h"), HasSubstr("\"1.5h\": a unit (ms, s, m, h or d) must follow"));
}

TEST(ParseDuration, ErrorsSayWhatIsExpected) {
  EXPECT_THAT(parse_error("5x"), HasSubstr("expected e.g. 90s, 90m, 72h, 30d or 1d12h"));
}

TEST(ParseDuration, RefusesAbsurdlyLongDurations) {
  EXPECT_THAT(parse_error("99999999999d"), HasSubstr("too large"));
  EXPECT_THAT(parse_error("400000d"), HasSubstr("longer than 1000 years"));
}

TEST(FormatDuration, PrintsLargestUnitsFirst) {
  EXPECT_EQ(format_duration(Duration::hours(36)), "1d12h");
  EXPECT_EQ(format_duration(Duration::seconds(90)), "1m30s");
  EXPECT_EQ(format_duration(Duration::ms(90'500)), "1m30s500ms");
  EXPECT_EQ(format_duration(Duration::days(30)), "30d");
}

TEST(FormatDuration, PrintsZeroAsZeroSeconds) {
  EXPECT_EQ(format_duration(Duration()), "0s");
}

TEST(FormatDuration, PrintsNegativeWithMinus) {
  EXPECT_EQ(format_duration(Duration::hours(-1)), "-1h");
}

// A crafted save's fork time of INT64_MIN reached the printer, whose -ms overflowed (UBSan).
TEST(FormatDuration, PrintsTheExtremesOfItsRange) {
  const auto min = std::numeric_limits<std::int64_t>::min();
  const auto max = std::numeric_limits<std::int64_t>::max();
  EXPECT_EQ(format_duration(Duration::ms(min)), "-106751991167d7h12m55s808ms");
  EXPECT_EQ(format_duration(Duration::ms(max)), "106751991167d7h12m55s807ms");
}

TEST(FormatDuration, RoundTripsThroughParse) {
  // Printing is canonical (largest units first), so canonical text comes back unchanged...
  for (const char* text : {"1m30s", "1h30m", "3d", "1d12h", "1d1h1m1s1ms", "999ms", "0s"}) {
    EXPECT_EQ(format_duration(parse_duration(text)), text);
  }
  // ...and any accepted text means what its canonical form means.
  for (const char* text : {"90s", "90m", "72h", "30d", "36h", "0", "61s1000ms"}) {
    EXPECT_EQ(parse_duration(format_duration(parse_duration(text))), parse_duration(text)) << text;
  }
  // Every scale from a millisecond to centuries, including awkward remainders.
  for (std::int64_t ms = 1; ms < std::int64_t{1} << 44; ms = ms * 3 + 7) {
    const Duration d = Duration::ms(ms);
    EXPECT_EQ(parse_duration(format_duration(d)), d) << format_duration(d);
  }
}

TEST(FormatClock, PrintsDayAndTimeOfDay) {
  EXPECT_EQ(format_clock(SimTime::start()), "D+0 00:00:00");
  const SimTime t = SimTime::at(Duration::days(1) + Duration::hours(14) + Duration::minutes(5) +
                                Duration::seconds(9) + Duration::ms(999));
  EXPECT_EQ(format_clock(t), "D+1 14:05:09");
}

TEST(SimTime, AddsAndSubtractsDurations) {
  const SimTime t = SimTime::at(Duration::hours(2));
  EXPECT_EQ((t + Duration::minutes(30)).ms(), 9'000'000);
  EXPECT_EQ(t - SimTime::start(), Duration::hours(2));
  EXPECT_LT(SimTime::start(), t);
  EXPECT_EQ(SimTime::from_ms(t.ms()), t);
}

}  // namespace
}  // namespace rfsim::sim

namespace rfsim::sim {
namespace {

TEST(SampledDuration, RoundsUpToTheNextMillisecond) {
  EXPECT_EQ(Duration::of_hours(1.0), Duration::hours(1));
  EXPECT_EQ(Duration::of_minutes(0.5), Duration::seconds(30));
  EXPECT_EQ(Duration::of_minutes(1e-9), Duration::ms(1));  // never earlier than its time
  EXPECT_EQ(Duration::of_hours(0.0), Duration());
}

TEST(SampledDuration, RefusesWhatWouldOverflow) {
  EXPECT_THROW((void)Duration::of_hours(std::nan("")), std::range_error);
  EXPECT_THROW((void)Duration::of_hours(-1.0), std::range_error);
  EXPECT_THROW((void)Duration::of_hours(1e300), std::range_error);
  EXPECT_THROW((void)Duration::of_minutes(std::numeric_limits<double>::infinity()),
               std::range_error);
  EXPECT_NO_THROW((void)Duration::of_hours(100 * 365 * 24.0));
}

}  // namespace
}  // namespace rfsim::sim
