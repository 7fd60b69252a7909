// Simulation time: whole milliseconds since the scenario start. Never floating point, so
// that event order cannot depend on rounding.
#pragma once

#include <compare>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace rfsim::sim {

/// A span of simulated time in whole milliseconds.
///   Duration d = Duration::hours(72);  parse_duration("1d12h") == Duration::hours(36)
class Duration {
 public:
  constexpr Duration() = default;
  static constexpr Duration ms(std::int64_t n) { return Duration(n); }
  static constexpr Duration seconds(std::int64_t n) { return Duration(n * 1000); }
  static constexpr Duration minutes(std::int64_t n) { return Duration(n * 60'000); }
  static constexpr Duration hours(std::int64_t n) { return Duration(n * 3'600'000); }
  static constexpr Duration days(std::int64_t n) { return Duration(n * 86'400'000); }
  /// The one conversion from a measured or sampled amount of time (a delay drawn from a
  /// distribution, a rate's waiting time) to a Duration: rounded up to the next whole
  /// millisecond, so that nothing happens before its time. Throws std::range_error for NaN, a
  /// negative amount or one beyond 100 years, rather than overflowing.
  static Duration of_hours(double hours);
  static Duration of_minutes(double minutes);

  constexpr std::int64_t count_ms() const { return ms_; }
  constexpr double as_hours() const {
    return static_cast<double>(ms_) / 3.6e6;
  }  // for reports only

  constexpr auto operator<=>(const Duration&) const = default;
  constexpr Duration operator+(Duration o) const { return Duration(ms_ + o.ms_); }
  constexpr Duration operator-(Duration o) const { return Duration(ms_ - o.ms_); }
  constexpr Duration operator*(std::int64_t k) const { return Duration(ms_ * k); }
  constexpr Duration& operator+=(Duration o) {
    ms_ += o.ms_;
    return *this;
  }

 private:
  constexpr explicit Duration(std::int64_t ms) : ms_(ms) {}
  std::int64_t ms_ = 0;  // milliseconds
};

/// A moment of simulated time: milliseconds since the scenario start (t = 0).
class SimTime {
 public:
  constexpr SimTime() = default;
  static constexpr SimTime start() { return SimTime(); }
  static constexpr SimTime from_ms(std::int64_t ms) { return SimTime(ms); }
  static constexpr SimTime max() { return SimTime(std::numeric_limits<std::int64_t>::max()); }
  static constexpr SimTime at(Duration since_start) { return SimTime(since_start.count_ms()); }

  constexpr std::int64_t ms() const { return ms_; }
  constexpr Duration since_start() const { return Duration::ms(ms_); }

  constexpr auto operator<=>(const SimTime&) const = default;
  constexpr SimTime operator+(Duration d) const { return SimTime(ms_ + d.count_ms()); }
  constexpr SimTime operator-(Duration d) const { return SimTime(ms_ - d.count_ms()); }
  constexpr Duration operator-(SimTime o) const { return Duration::ms(ms_ - o.ms_); }

 private:
  constexpr explicit SimTime(std::int64_t ms) : ms_(ms) {}
  std::int64_t ms_ = 0;  // milliseconds since the scenario start
};

/// Parses a non-negative duration: one or more `<integer><unit>` terms with units
/// `ms`, `s`, `m`, `h`, `d` ("90s", "90m", "72h", "30d", "1d12h"). A bare "0" is allowed.
/// Throws std::invalid_argument with a message that says what was expected.
Duration parse_duration(std::string_view text);

/// Prints a duration the way parse_duration reads it, largest units first ("1d12h", "90s",
/// "0s"). Negative durations get a leading '-'.
std::string format_duration(Duration d);

/// A clock reading for logs: "D+1 14:05:09" (day since start, time of day).
std::string format_clock(SimTime t);

}  // namespace rfsim::sim
