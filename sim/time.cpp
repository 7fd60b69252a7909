// Parsing and printing of simulated time.
#include "sim/time.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace rfsim::sim {
namespace {

struct DurationUnit {
  std::string_view suffix;
  std::int64_t ms;
};
// "ms" before "m" so that the longest suffix wins.
constexpr std::array<DurationUnit, 5> kUnits{
    {{"ms", 1}, {"s", 1000}, {"m", 60'000}, {"h", 3'600'000}, {"d", 86'400'000}}};

[[noreturn]] void fail(std::string_view text, std::string_view why) {
  throw std::invalid_argument("bad duration \"" + std::string(text) + "\": " + std::string(why) +
                              " (expected e.g. 90s, 90m, 72h, 30d or 1d12h)");
}

}  // namespace

Duration Duration::of_hours(double hours) {
  constexpr double kMaxMs = 100.0 * 365.25 * 86'400'000.0;
  const double ms = std::ceil(hours * 3.6e6);
  if (!(ms >= 0 && ms <= kMaxMs)) {  // also NaN
    throw std::range_error("a duration of " + std::to_string(hours) +
                           " hours is out of range (0 to 100 years)");
  }
  return Duration(static_cast<std::int64_t>(ms));
}

Duration Duration::of_minutes(double minutes) {
  return of_hours(minutes / 60.0);
}

Duration parse_duration(std::string_view text) {
  if (text.empty()) fail(text, "it is empty");
  if (text.front() == '-') fail(text, "it is negative");
  if (text == "0") return Duration();
  std::int64_t total = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] < '0' || text[i] > '9') fail(text, "a number must come before each unit");
    std::int64_t n = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      n = n * 10 + (text[i] - '0');
      if (n > 1'000'000'000) fail(text, "the number is too large");
      ++i;
    }
    const DurationUnit* unit = nullptr;
    for (const DurationUnit& u : kUnits) {
      if (text.substr(i, u.suffix.size()) == u.suffix) {
        unit = &u;
        break;
      }
    }
    if (unit == nullptr) fail(text, "a unit (ms, s, m, h or d) must follow each number");
    i += unit->suffix.size();
    total += n * unit->ms;
    if (total > std::int64_t{1000} * 365 * 86'400'000) fail(text, "it is longer than 1000 years");
  }
  return Duration::ms(total);
}

std::string format_duration(Duration d) {
  // The magnitude in unsigned arithmetic: -INT64_MIN does not fit an int64 (a crafted save's
  // fork time reached here).
  const std::int64_t signed_ms = d.count_ms();
  std::uint64_t ms = static_cast<std::uint64_t>(signed_ms);
  std::string out;
  if (signed_ms < 0) {
    out = "-";
    ms = 0 - ms;
  }
  if (ms == 0) return "0s";
  for (auto it = kUnits.rbegin(); it != kUnits.rend(); ++it) {
    const auto unit = static_cast<std::uint64_t>(it->ms);
    if (ms >= unit) {
      out += std::to_string(ms / unit);
      out += it->suffix;
      ms %= unit;
    }
  }
  return out;
}

std::string format_clock(SimTime t) {
  const std::int64_t ms = t.ms();
  const std::int64_t day = ms / 86'400'000;
  const std::int64_t s = (ms % 86'400'000) / 1000;
  char buf[48];
  std::snprintf(buf, sizeof buf, "D+%lld %02lld:%02lld:%02lld", static_cast<long long>(day),
                static_cast<long long>(s / 3600), static_cast<long long>(s / 60 % 60),
                static_cast<long long>(s % 60));
  return buf;
}

}  // namespace rfsim::sim
