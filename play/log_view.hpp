// A cell's event log: which of the run's trace records the cell may read, judged in the
// order the run wrote them (Blue reads of a violation only once it has been detected).
#pragma once

#include <cstdint>
#include <unordered_set>

#include "play/cell.hpp"
#include "sim/trace.hpp"

namespace rfsim::play {

/// Feed it every record of the log in order, from the first; start again with reset() when
/// the log restarts (a jump re-simulates it).
///   LogView view(Cell::Blue);
///   for (const auto& r : log) if (view.admits(r)) rows.push_back(&r);
class LogView {
 public:
  explicit LogView(Cell cell) : cell_(cell) {}
  Cell cell() const { return cell_; }
  /// Whether the cell reads this record; call once per record, in the log's order.
  bool admits(const sim::TraceRecord& r);
  void reset() { known_.clear(); }

 private:
  Cell cell_;
  std::unordered_set<std::uint64_t> known_;  // Blue: serials of the violations HQ detected
};

}  // namespace rfsim::play
