// The priority queue behind EventLoop: a ladder queue over integer time, whose last stage is
// sorted exactly by (time, sequence), so that the order is total and no input degrades it.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

namespace rfsim::sim::detail {

/// What the queue orders: an event's time and insertion sequence, and where its payload lives.
struct QueueEntry {
  std::int64_t time;   // milliseconds
  std::uint64_t seq;   // insertion sequence: the tie-break, unique
  std::uint32_t slot;  // opaque to the queue
};

/// The one total order of the simulator: time, then insertion sequence.
constexpr bool runs_before(const QueueEntry& a, const QueueEntry& b) {
  return a.time != b.time ? a.time < b.time : a.seq < b.seq;
}

/// A priority queue of QueueEntry in (time, seq) order, for keys that never go below the last
/// one taken (nothing is scheduled before now).
///
/// Why a ladder queue (Tang, Goh and Thng, ACM TOMACS 15(3), 2005) rather than a heap: a heap
/// pays O(log n) dependent, unpredictable comparisons and, once the event set outgrows the
/// cache, O(log n) cache misses for every event. The ladder pays O(1) amortised: scheduling
/// appends to an unsorted bucket, and only the few events of the earliest buckets are ever
/// sorted. On PHOLD it runs about 2x as fast as a bare std::priority_queue with 16 K events
/// pending and about 4x with 1 M, where a 4-ary heap of 16-byte keys in its place managed
/// 1.05x and 2.3x (bench/RESULTS.md).
///
///   top     an unsorted list of the events beyond the ladder (key >= top_start_)
///   rungs   when the ladder runs dry, rung 0 splits the top's time span into about one
///           bucket per event; a bucket with too many events to sort cheaply is split again
///           into a finer rung when its turn comes, and so on
///   bottom  the next few buckets' events as a sorted run, into which events scheduled
///           before the finest rung's current bucket (e.g. for "now") are put in order, and a
///           heap for those of them that would move much of the run
///
/// An event moves a bounded number of times (top, each rung at most once, bottom), and the
/// bottom compares (time, seq) exactly, so however times cluster the order is right and the
/// worst case is a sort or heap of one millisecond's events. Unlike the paper: the bottom is an
/// array, not a sorted linked list, and bucket lists are linked by index through one pool of
/// nodes, so nothing is allocated per event once the vectors have grown; bucket widths are
/// powers of two, so finding a bucket is a subtraction and a shift.
class LadderQueue {
 public:
  /// Adds an entry. Its time must not be before that of the last entry taken by pop().
  void push(const QueueEntry& e) {
    const std::uint64_t k = key(e.time);
    if (k >= top_start_) {
      push_top(e, k);
      return;
    }
    // From the coarsest rung down, the first rung whose current bucket is not after the entry
    // takes it; an entry before every rung's current bucket is among the next: bottom.
    for (std::size_t d = 0; d < depth_; ++d) {
      Rung& r = rungs_[d];
      if (k < r.start) break;
      const std::uint64_t b = (k - r.start) >> r.shift;
      if (b >= r.cur) {
        Bucket& bucket = r.buckets[b];
        bucket.head = new_node(e, bucket.head);
        ++bucket.count;
        return;
      }
    }
    push_bottom(e);
  }

  /// The first entry in (time, seq) order, or nullptr if the queue is empty. Not const: it
  /// may move the next buckets down the ladder.
  const QueueEntry* peek() {
    if (!late_.empty()) {
      if (run_pos_ == run_.size() || runs_before(late_.front(), run_[run_pos_])) {
        return &late_.front();
      }
      return &run_[run_pos_];
    }
    if (run_pos_ == run_.size() && !refill()) return nullptr;
    return &run_[run_pos_];
  }

  /// The first entry if it is at hand without a refill (for prefetching), else nullptr.
  const QueueEntry* peek_if_ready() const {
    return late_.empty() && run_pos_ < run_.size() ? &run_[run_pos_] : nullptr;
  }

  /// Removes the entry peek() returned. Precondition: peek() was the last call and returned
  /// an entry.
  void pop() {
    if (late_.empty()) {
      ++run_pos_;
    } else if (run_pos_ == run_.size() || runs_before(late_.front(), run_[run_pos_])) {
      pop_late();
    } else {
      ++run_pos_;
    }
  }

  /// Calls f(entry) for every entry held, in no particular order.
  template <class F>
  void for_each(F&& f) const {
    for (std::uint32_t n = top_head_; n != kNil; n = nodes_[n].next) f(nodes_[n].entry());
    for (std::size_t d = 0; d < depth_; ++d) {
      const Rung& r = rungs_[d];
      for (std::size_t b = r.cur; b < r.buckets.size(); ++b) {
        for (std::uint32_t n = r.buckets[b].head; n != kNil; n = nodes_[n].next) {
          f(nodes_[n].entry());
        }
      }
    }
    for (std::size_t i = run_pos_; i < run_.size(); ++i) f(run_[i]);
    for (const QueueEntry& e : late_) f(e);
  }

  void clear() {
    top_start_ = 0;
    reset_top();
    depth_ = 0;
    run_.clear();
    run_pos_ = 0;
    late_.clear();
    nodes_.clear();
    free_node_ = kNil;
  }

 private:
  static constexpr std::uint32_t kNil = std::numeric_limits<std::uint32_t>::max();
  // A bucket with more entries than this is split into a finer rung rather than sorted, so
  // that sorting stays cheap. The paper's threshold is 50.
  static constexpr std::uint32_t kSplitAbove = 64;
  // A refill also takes up to this many following buckets, until the run has this many
  // entries: their nodes then load in parallel, and the caller can prefetch payloads a few
  // events ahead. Bounded in buckets too, so that a sparse rung is not drained far ahead (an
  // event scheduled before the run's end goes to the late heap).
  static constexpr std::size_t kRunBatch = 8;
  // The longest move of run entries that push_bottom makes rather than use the heap.
  static constexpr std::ptrdiff_t kShortMove = 32;

  struct Node {  // one entry in a bucket's list (newest first) or the top's; 24 bytes
    std::int64_t time;
    std::uint64_t seq;
    std::uint32_t slot;
    std::uint32_t next;
    QueueEntry entry() const { return QueueEntry{time, seq, slot}; }
  };
  struct Bucket {
    std::uint32_t head = kNil;
    std::uint32_t count = 0;
  };
  struct Rung {  // buckets of width 2^shift from `start`; those before `cur` are spent
    std::uint64_t start = 0;
    unsigned shift = 0;
    std::uint64_t cur = 0;
    std::vector<Bucket> buckets;  // capacity kept from one use of the rung to the next
  };
  struct Later {  // std heaps are max-heaps: "less" means "runs later"
    bool operator()(const QueueEntry& a, const QueueEntry& b) const { return runs_before(b, a); }
  };

  // Signed time mapped onto unsigned keys in the same order, so bucket arithmetic is unsigned.
  static std::uint64_t key(std::int64_t time) {
    return static_cast<std::uint64_t>(time) ^ (std::uint64_t{1} << 63);
  }
  static std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
    return b > std::numeric_limits<std::uint64_t>::max() - a
               ? std::numeric_limits<std::uint64_t>::max()
               : a + b;
  }
  // The smallest bucket width 2^shift that spreads `span` over at most `buckets` buckets.
  static unsigned shift_for(std::uint64_t span, std::uint64_t buckets) {
    return span < buckets ? 0u : static_cast<unsigned>(std::bit_width(span / buckets));
  }

  std::uint32_t new_node(const QueueEntry& e, std::uint32_t next) {
    if (free_node_ == kNil) grow_nodes();
    const std::uint32_t n = free_node_;
    free_node_ = nodes_[n].next;
    nodes_[n] = Node{e.time, e.seq, e.slot, next};
    return n;
  }
  [[gnu::noinline]] void grow_nodes() {
    if (nodes_.size() >= kNil) throw std::length_error("LadderQueue: too many queued events");
    nodes_.push_back(Node{0, 0, 0, kNil});
    free_node_ = static_cast<std::uint32_t>(nodes_.size() - 1);
  }

  // The top's list is kept oldest first (appended at its tail, which the last push_top has
  // just touched): relinking it into rung 0 then leaves every bucket newest first, like the
  // buckets that push() prepends to, so a one-millisecond bucket comes out of append_to_run
  // already sorted.
  void push_top(const QueueEntry& e, std::uint64_t k) {
    const std::uint32_t n = new_node(e, kNil);
    if (top_head_ == kNil) {
      top_head_ = n;
    } else {
      nodes_[top_tail_].next = n;
    }
    top_tail_ = n;
    ++top_count_;
    top_min_ = std::min(top_min_, k);
    top_max_ = std::max(top_max_, k);
  }
  void reset_top() {
    top_head_ = kNil;
    top_tail_ = kNil;
    top_count_ = 0;
    top_min_ = std::numeric_limits<std::uint64_t>::max();
    top_max_ = 0;
  }

  // An entry before every rung's current bucket. Most come before most of the run (in the
  // model, a third of all entries: a detection minutes away, an answer due now, while the run
  // holds the next hour's events), so they go into the run in order, for a binary search and
  // a short move: the consumed front of the run has room, so the entries before it step back
  // one. A heap would cost O(log n) unpredictable comparisons to push and again to pop, and
  // every peek and pop would compare the run with it. The heap takes an entry only when the
  // move would be long (a crowd at one millisecond), so that no input makes pushes quadratic.
  void push_bottom(const QueueEntry& e) {
    const auto first = run_.begin() + static_cast<std::ptrdiff_t>(run_pos_);
    const auto at = std::upper_bound(first, run_.end(), e, runs_before);
    if (run_pos_ > 0 && at - first <= kShortMove) {
      std::move(first, at, first - 1);
      *(at - 1) = e;
      --run_pos_;
    } else if (run_.end() - at <= kShortMove) {
      run_.insert(at, e);
    } else {
      push_late(e);
    }
  }
  [[gnu::noinline]] void push_late(const QueueEntry& e) {
    late_.push_back(e);
    std::push_heap(late_.begin(), late_.end(), Later{});
  }
  [[gnu::noinline]] void pop_late() {
    std::pop_heap(late_.begin(), late_.end(), Later{});
    late_.pop_back();
  }

  // Appends a bucket's list of `count` entries to run_ oldest first (bucket lists are newest
  // first, so the entries of a one-millisecond bucket come out already in order), and returns
  // the nodes to the pool.
  void append_to_run(std::uint32_t head, std::uint32_t count) {
    const std::size_t base = run_.size();
    run_.resize(base + count);
    std::size_t i = base + count;
    for (std::uint32_t n = head; n != kNil;) {
      Node& node = nodes_[n];
      const std::uint32_t next = node.next;
      run_[--i] = node.entry();
      node.next = free_node_;
      free_node_ = n;
      n = next;
    }
  }
  // The same for the top's list, which is oldest first.
  void append_top_to_run(std::uint32_t head) {
    for (std::uint32_t n = head; n != kNil;) {
      Node& node = nodes_[n];
      const std::uint32_t next = node.next;
      run_.push_back(node.entry());
      node.next = free_node_;
      free_node_ = n;
      n = next;
    }
  }
  void start_run() {
    run_.clear();
    run_pos_ = 0;
  }
  void sort_run() {
    // Small runs: std::sort is an insertion sort, linear on the nearly sorted runs that
    // buckets taken in time order give. Large runs are often one millisecond, already sorted.
    if (run_.size() > 16 && std::is_sorted(run_.begin(), run_.end(), runs_before)) return;
    std::sort(run_.begin(), run_.end(), runs_before);
  }

  // Relinks a list's nodes into the buckets of rung `r`.
  void list_to_rung(std::uint32_t head, Rung& r) {
    for (std::uint32_t n = head; n != kNil;) {
      Node& node = nodes_[n];
      const std::uint32_t next = node.next;
      Bucket& b = r.buckets[(key(node.time) - r.start) >> r.shift];
      node.next = b.head;
      b.head = n;
      ++b.count;
      n = next;
    }
  }

  Rung& open_rung(std::uint64_t start, unsigned shift, std::uint64_t buckets) {
    if (depth_ == rungs_.size()) rungs_.emplace_back();
    Rung& r = rungs_[depth_++];
    r.start = start;
    r.shift = shift;
    r.cur = 0;
    r.buckets.assign(buckets, Bucket{});
    return r;
  }

  // Makes the next entries the run, with late_ empty. Returns false if the queue is empty.
  [[gnu::noinline]] bool refill() {
    start_run();
    for (;;) {
      if (depth_ == 0) {
        if (top_count_ == 0) return false;
        if (top_count_ <= kSplitAbove) {  // too few to be worth a rung
          top_start_ = saturating_add(top_max_, 1);
          const std::uint32_t head = top_head_;
          reset_top();
          append_top_to_run(head);
          sort_run();
          return true;
        }
        // Rung 0 spans the top's entries with about one bucket per entry.
        const std::uint64_t span = top_max_ - top_min_;
        const unsigned shift = shift_for(span, top_count_);
        const std::uint64_t buckets = (span >> shift) + 1;
        top_start_ = saturating_add(top_min_ + ((buckets - 1) << shift), std::uint64_t{1} << shift);
        const std::uint32_t head = top_head_;
        Rung& r = open_rung(top_min_, shift, buckets);
        reset_top();
        list_to_rung(head, r);
        continue;
      }
      Rung& r = rungs_[depth_ - 1];
      while (r.cur < r.buckets.size() && r.buckets[r.cur].count == 0) ++r.cur;
      if (r.cur == r.buckets.size()) {  // spent: its parent's next bucket comes next
        --depth_;
        continue;
      }
      const Bucket b = r.buckets[r.cur];
      r.buckets[r.cur] = Bucket{};
      const std::uint64_t start = r.start + (r.cur << r.shift);
      const unsigned shift = r.shift;
      ++r.cur;
      if (b.count > kSplitAbove && shift > 0) {
        // A child rung over this bucket, about one bucket per entry. Each split narrows the
        // width at least 64-fold, so the ladder is at most 11 rungs deep.
        const unsigned drop = std::min(shift, static_cast<unsigned>(std::bit_width(b.count) - 1));
        Rung& child = open_rung(start, shift - drop, std::uint64_t{1} << drop);  // r may dangle
        list_to_rung(b.head, child);
        continue;
      }
      append_to_run(b.head, b.count);
      const std::uint64_t batch_end = std::min<std::uint64_t>(r.cur + kRunBatch, r.buckets.size());
      while (run_.size() < kRunBatch && r.cur < batch_end) {
        Bucket& next = r.buckets[r.cur];
        if (next.count > kSplitAbove && shift > 0) break;
        append_to_run(next.head, next.count);
        next = Bucket{};
        ++r.cur;
      }
      sort_run();
      return true;
    }
  }

  // Top: every entry with key >= top_start_. Below it, entries belong to the rungs, or to the
  // bottom when no rung covers them.
  std::uint64_t top_start_ = 0;
  std::uint32_t top_head_ = kNil;  // oldest
  std::uint32_t top_tail_ = kNil;  // newest
  std::uint32_t top_count_ = 0;
  std::uint64_t top_min_ = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t top_max_ = 0;

  std::vector<Rung> rungs_;  // rungs_[0] is the coarsest; only the first depth_ are in use
  std::size_t depth_ = 0;

  // Bottom: the run, sorted, consumed from run_pos_; and the entries pushed below the ladder
  // since the run was made, as a heap. Together they precede everything in the rungs.
  std::vector<QueueEntry> run_;
  std::size_t run_pos_ = 0;
  std::vector<QueueEntry> late_;  // a heap under Later

  std::vector<Node> nodes_;  // pool for the top's and the buckets' lists
  std::uint32_t free_node_ = kNil;
};

}  // namespace rfsim::sim::detail
