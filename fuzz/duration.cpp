// libFuzzer harness: durations. Any text either parses or is refused with
// std::invalid_argument; what parses prints back to text that parses to the same duration;
// and any 64-bit count of milliseconds prints (format_duration, format_clock) without overflow.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "sim/time.hpp"

namespace {

std::optional<rfsim::sim::Duration> parsed(std::string_view text) {
  try {
    return rfsim::sim::parse_duration(text);
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using rfsim::sim::Duration;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const std::optional<Duration> d = parsed(text)) {
    if (d->count_ms() < 0) __builtin_trap();  // parse_duration reads non-negative spans only
    const std::optional<Duration> again = parsed(rfsim::sim::format_duration(*d));
    if (!again || *again != *d) __builtin_trap();  // the round trip must hold
  }
  if (size >= sizeof(std::int64_t)) {
    std::int64_t ms;
    std::memcpy(&ms, data, sizeof ms);
    const std::string printed = rfsim::sim::format_duration(Duration::ms(ms));
    if (printed.empty()) __builtin_trap();
    (void)rfsim::sim::format_clock(rfsim::sim::SimTime::from_ms(ms));
  }
  return 0;
}
