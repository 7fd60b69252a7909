// Fixed-size histograms for the measures.
#include "sim/measures.hpp"

#include <algorithm>

namespace rfsim::sim {

std::size_t MinuteHistogram::bin_of_minute(std::int64_t minute) {
  if (minute < static_cast<std::int64_t>(kMinuteBins)) {
    return static_cast<std::size_t>(std::max<std::int64_t>(0, minute));
  }
  const std::int64_t hour = minute / 60;  // 24 or more
  return std::min(kBins - 1, kMinuteBins + static_cast<std::size_t>(hour - 24));
}

std::int64_t MinuteHistogram::first_minute(std::size_t bin) {
  if (bin < kMinuteBins) return static_cast<std::int64_t>(bin);
  return static_cast<std::int64_t>((24 + (bin - kMinuteBins)) * 60);
}

std::int64_t MinuteHistogram::end_minute(std::size_t bin) {
  return bin + 1 < kBins ? first_minute(bin + 1) : 7 * 24 * 60;
}

std::size_t MinuteHistogram::saved_bin(std::uint32_t layout, std::uint64_t index) {
  if (layout >= 2) return index < kBins ? static_cast<std::size_t>(index) : kBins;
  constexpr std::uint64_t kLayout1Bins = 7 * 24 * 60 + 1;  // a minute each, then overflow
  if (index >= kLayout1Bins) return kBins;
  return index + 1 == kLayout1Bins ? kBins - 1 : bin_of_minute(static_cast<std::int64_t>(index));
}

void MinuteHistogram::add(Duration d) {
  ++bins_[bin_of_minute(std::max<std::int64_t>(0, d.count_ms() / 60'000))];
  ++count_;
  total_ms_ += d.count_ms();
}

double MinuteHistogram::mean_hours() const {
  return count_ == 0 ? 0.0 : static_cast<double>(total_ms_) / static_cast<double>(count_) / 3.6e6;
}

double MinuteHistogram::quantile_hours(double q) const {
  if (count_ == 0) return 0.0;
  // The smallest bin with at least q of the values at or below it (nearest rank).
  const auto rank =
      static_cast<std::uint64_t>(std::max(1.0, q * static_cast<double>(count_) + 0.999999));
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < bins_.size(); ++i) {
    seen += bins_[i];
    if (seen >= rank) return static_cast<double>(end_minute(i)) / 60.0;
  }
  return static_cast<double>(end_minute(kBins - 1)) / 60.0;
}

}  // namespace rfsim::sim
