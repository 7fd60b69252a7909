// Fixed-size histograms for the measures.
#include "sim/measures.hpp"

#include <algorithm>
#include <stdexcept>

namespace rfsim::sim {

void MinuteHistogram::add(Duration d) {
  const std::int64_t minutes = std::max<std::int64_t>(0, d.count_ms() / 60'000);
  ++bins_[static_cast<std::size_t>(std::min<std::int64_t>(minutes, kBins - 1))];
  ++count_;
  total_ms_ += d.count_ms();
}

double MinuteHistogram::mean_hours() const {
  return count_ == 0 ? 0.0 : static_cast<double>(total_ms_) / static_cast<double>(count_) / 3.6e6;
}

double MinuteHistogram::quantile_hours(double q) const {
  if (count_ == 0) return 0.0;
  // The smallest minute m with at least q of the values at or below it (nearest rank).
  const auto rank =
      static_cast<std::uint64_t>(std::max(1.0, q * static_cast<double>(count_) + 0.999999));
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < bins_.size(); ++i) {
    seen += bins_[i];
    if (seen >= rank) return static_cast<double>(i + 1) / 60.0;
  }
  return static_cast<double>(kBins) / 60.0;
}

void MinuteHistogram::restore(std::vector<std::uint32_t> bins, std::uint64_t count,
                              std::int64_t total_ms) {
  if (bins.size() != kBins) throw std::invalid_argument("MinuteHistogram: wrong number of bins");
  bins_ = std::move(bins);
  count_ = count;
  total_ms_ = total_ms;
}

}  // namespace rfsim::sim
