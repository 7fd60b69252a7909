// The free slots of the event loop's slab: a set of indices that hands out its lowest one.
#pragma once

#include <bit>
#include <cstdint>
#include <vector>

namespace rfsim::sim::detail {

/// A set of slot indices with take_lowest(), as a two-level bitmap: a bit per slot, and a
/// summary bit per 64 slots saying that some of them are free.
///
/// Why not a min-heap: every event takes a slot and gives one back, and a heap paid O(log n)
/// unpredictable comparisons each way (5% of a model run's time); here both are a few word
/// operations. The lowest index is kept because EventLoop's slot ids must depend on the
/// pending events alone (see event_loop.hpp).
class LowestFree {
 public:
  bool empty() const { return count_ == 0; }
  std::size_t size() const { return count_; }

  /// Adds `slot`, which must not be in the set.
  void insert(std::uint32_t slot) {
    const std::size_t w = slot / 64;
    if (w >= words_.size()) {
      words_.resize(w + 1, 0);
      summary_.resize(words_.size() / 64 + 1, 0);
    }
    words_[w] |= std::uint64_t{1} << (slot % 64);
    summary_[w / 64] |= std::uint64_t{1} << (w % 64);
    if (w / 64 < first_) first_ = w / 64;
    ++count_;
  }

  /// Removes and returns the lowest slot. Precondition: !empty().
  std::uint32_t take_lowest() {
    // Summary words before first_ are empty; skipping the empty ones from there moves first_
    // only forward until an insert below it, so a take is a few word operations amortised.
    while (summary_[first_] == 0) ++first_;
    const std::size_t w =
        first_ * 64 + static_cast<std::size_t>(std::countr_zero(summary_[first_]));
    const unsigned bit = static_cast<unsigned>(std::countr_zero(words_[w]));
    words_[w] &= words_[w] - 1;  // clears the lowest set bit
    if (words_[w] == 0) summary_[first_] &= summary_[first_] - 1;
    --count_;
    return static_cast<std::uint32_t>(w * 64 + bit);
  }

  void clear() {
    words_.clear();
    summary_.clear();
    first_ = 0;
    count_ = 0;
  }

 private:
  std::vector<std::uint64_t> words_;    // bit s % 64 of words_[s / 64]: slot s is free
  std::vector<std::uint64_t> summary_;  // bit w % 64 of summary_[w / 64]: words_[w] != 0
  std::size_t first_ = 0;               // no summary word before it has a bit set
  std::size_t count_ = 0;
};

}  // namespace rfsim::sim::detail
