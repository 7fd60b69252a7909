// ISO 8601 dates and times in UTC, by the civil-calendar algorithms of H. Hinnant
// ("chrono-Compatible Low-Level Date Algorithms"): no time zone database is needed.
#include "saves/calendar.hpp"

#include <cstdio>
#include <stdexcept>

namespace rfsim::saves {
namespace {

constexpr std::int64_t kMsPerDay = 86'400'000;

// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
  std::int64_t y;
  unsigned m, d;
};

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

unsigned days_in_month(std::int64_t y, unsigned m) {
  constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

[[noreturn]] void fail(std::string_view text, const std::string& why) {
  throw std::invalid_argument("bad date and time \"" + std::string(text) + "\": " + why +
                              " (expected e.g. 2026-01-01T00:00:00Z or 2026-03-15)");
}

// Reads exactly `n` digits at text[i]; advances i.
unsigned digits(std::string_view text, std::size_t& i, std::size_t n, const char* what) {
  unsigned v = 0;
  for (std::size_t k = 0; k < n; ++k, ++i) {
    if (i >= text.size() || text[i] < '0' || text[i] > '9') {
      fail(text, std::string("expected ") + std::to_string(n) + " digits for the " + what +
                     " at character " + std::to_string(i + 1));
    }
    v = v * 10 + static_cast<unsigned>(text[i] - '0');
  }
  return v;
}

void expect(std::string_view text, std::size_t& i, char c) {
  if (i >= text.size() || text[i] != c) {
    fail(text, std::string("expected '") + c + "' at character " + std::to_string(i + 1));
  }
  ++i;
}

}  // namespace

UnixMs parse_iso8601(std::string_view text) {
  std::size_t i = 0;
  const unsigned year = digits(text, i, 4, "year");
  expect(text, i, '-');
  const unsigned month = digits(text, i, 2, "month");
  expect(text, i, '-');
  const unsigned day = digits(text, i, 2, "day");
  if (year < 1900) fail(text, "the year is before 1900");
  if (month < 1 || month > 12) fail(text, "the month is not 01 to 12");
  if (day < 1 || day > days_in_month(year, month)) fail(text, "no such day in that month");
  unsigned hour = 0, minute = 0, second = 0;
  if (i < text.size() && (text[i] == 'T' || text[i] == 't' || text[i] == ' ')) {
    ++i;
    hour = digits(text, i, 2, "hour");
    expect(text, i, ':');
    minute = digits(text, i, 2, "minute");
    if (i < text.size() && text[i] == ':') {
      ++i;
      second = digits(text, i, 2, "second");
    }
    if (hour > 23 || minute > 59 || second > 59) fail(text, "the time of day is out of range");
  }
  std::int64_t offset_min = 0;
  if (i < text.size()) {
    if (text[i] == 'Z' || text[i] == 'z') {
      ++i;
    } else if (text[i] == '+' || text[i] == '-') {
      const int sign = text[i] == '-' ? -1 : 1;
      ++i;
      const unsigned oh = digits(text, i, 2, "offset's hours");
      expect(text, i, ':');
      const unsigned om = digits(text, i, 2, "offset's minutes");
      if (oh > 23 || om > 59) fail(text, "the offset is out of range");
      offset_min = sign * static_cast<std::int64_t>(oh * 60 + om);
    }
  }
  if (i != text.size()) {
    fail(text, "unexpected \"" + std::string(text.substr(i)) + "\" at character " +
                   std::to_string(i + 1));
  }
  const std::int64_t days = days_from_civil(year, month, day);
  return days * kMsPerDay + (static_cast<std::int64_t>(hour) * 3600 + minute * 60 + second) * 1000 -
         offset_min * 60'000;
}

std::string format_iso8601(UnixMs t) {
  std::int64_t days = t / kMsPerDay;
  std::int64_t ms = t % kMsPerDay;
  if (ms < 0) {
    ms += kMsPerDay;
    --days;
  }
  const Civil c = civil_from_days(days);
  const std::int64_t s = ms / 1000;
  char buf[48];
  if (ms % 1000 == 0) {
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
                  static_cast<long long>(c.y), c.m, c.d, static_cast<long long>(s / 3600),
                  static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
  } else {
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
                  static_cast<long long>(c.y), c.m, c.d, static_cast<long long>(s / 3600),
                  static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60),
                  static_cast<long long>(ms % 1000));
  }
  return buf;
}

}  // namespace rfsim::saves
