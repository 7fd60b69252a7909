// The event loop: a future event set in a total, deterministic order, and the loop that
// executes it. It knows nothing of the model: the model supplies the event type (a small
// value type) and a handler, and the loop calls handler(now, event) for each event in turn.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/detail/ladder_queue.hpp"
#include "sim/detail/lowest_free.hpp"
#include "sim/time.hpp"

namespace rfsim::sim {

/// Names one scheduled event; stays valid across pending_in_order() and restore(), so the
/// model can keep it in saved state and cancel the event after a load.
struct EventId {
  std::uint64_t seq = 0;   // insertion sequence, unique for the run; 0 is "none"
  std::uint32_t slot = 0;  // where the event's payload lives
  constexpr bool valid() const { return seq != 0; }
  constexpr bool operator==(const EventId&) const = default;
};

/// Future event set plus clock.
///   EventLoop<MyEvent> loop;  loop.schedule_in(Duration::hours(1), MyEvent{...});
///   loop.run_until(SimTime::at(Duration::days(30)), model);   // model(now, event)
/// Order is (time, insertion sequence): the queue is not stable by itself, so the sequence
/// number is what makes equal-time events run in the order they were scheduled, on every run.
///
/// Layout, and why: payloads sit still in a slab of slots while the queue (a ladder queue,
/// see detail/ladder_queue.hpp) moves only 24-byte keys, so a large Event costs nothing to
/// order. A new event takes the lowest free slot, which makes the slot in every EventId a
/// function of the set of pending events alone: a run resumed from pending_in_order() and
/// restore() hands out the very ids the uninterrupted run would have. Cancelling frees the
/// slot at once and leaves the key in the queue, to be skipped when it surfaces (its sequence
/// no longer matches the slot's); when skipped keys outnumber the slots, the queue is rebuilt
/// from the slab, so heavy cancelling cannot grow memory without bound.
template <class Event>
class EventLoop {
 public:
  /// One pending event, as saves and hashes see it.
  struct Pending {
    SimTime time;
    EventId id;
    Event event;
  };

  SimTime now() const { return now_; }
  std::uint64_t executed() const { return executed_; }  // events handled so far
  std::size_t pending_count() const { return live_; }   // events scheduled, not yet run
  std::uint64_t next_seq() const { return next_seq_; }

  /// Schedules `event` at `at`. Scheduling in the past is a programming error and throws.
  EventId schedule_at(SimTime at, const Event& event) {
    if (at < now_) throw_in_the_past(at);
    const std::uint32_t slot = take_slot();
    const EventId id{next_seq_++, slot};
    slots_[slot] = Slot{id.seq, event};
    queue_.push(detail::QueueEntry{at.ms(), id.seq, slot});
    ++live_;
    return id;
  }
  EventId schedule_in(Duration delay, const Event& event) {
    return schedule_at(now_ + delay, event);
  }

  /// Cancels a pending event. Returns false if it already ran or was cancelled.
  bool cancel(EventId id) {
    if (!is_pending(id)) return false;
    release_slot(id.slot);  // its key stays queued, stale, until it surfaces or a rebuild
    --live_;
    ++stale_;
    if (stale_ > kMinStaleForRebuild && stale_ > slots_.size()) rebuild_queue();
    return true;
  }
  bool is_pending(EventId id) const {
    return id.valid() && id.slot < slots_.size() && slots_[id.slot].seq == id.seq;
  }

  /// Time of the next live event, if any. Const: dropping cancelled keys from the queue's
  /// front changes nothing anyone can observe.
  std::optional<SimTime> next_time() const {
    const detail::QueueEntry* next = settle();
    if (next == nullptr) return std::nullopt;
    return SimTime::from_ms(next->time);
  }

  /// Executes the next event, if any: advances the clock and calls handler(now, event).
  template <class Handler>
  bool step(Handler& handler) {
    const detail::QueueEntry* next = settle();
    if (next == nullptr) return false;
    const detail::QueueEntry top = *next;
    queue_.pop();
    // The payload after this one is likely a cache miss: start loading it now.
    if (const detail::QueueEntry* after = queue_.peek_if_ready()) {
      __builtin_prefetch(&slots_[after->slot]);
    }
    const Event event = slots_[top.slot].event;  // copied: the handler may reuse the slot
    release_slot(top.slot);
    --live_;
    now_ = SimTime::from_ms(top.time);
    ++executed_;
    handler(now_, event);
    return true;
  }

  /// Executes every event at or before `end`, then sets the clock to `end`.
  template <class Handler>
  void run_until(SimTime end, Handler& handler) {
    for (;;) {
      const std::optional<SimTime> next = next_time();
      if (!next || *next > end) break;
      step(handler);
    }
    if (end > now_) now_ = end;
  }

  /// The pending events in execution order (for saves, hashes and inspection).
  std::vector<Pending> pending_in_order() const {
    std::vector<Pending> out;
    out.reserve(live_);
    queue_.for_each([&](const detail::QueueEntry& e) {
      const Slot& slot = slots_[e.slot];
      if (slot.seq == e.seq) {
        out.push_back(Pending{SimTime::from_ms(e.time), EventId{e.seq, e.slot}, slot.event});
      }
    });
    std::sort(out.begin(), out.end(), [](const Pending& a, const Pending& b) {
      return a.time != b.time ? a.time < b.time : a.id.seq < b.id.seq;
    });
    return out;
  }

  /// Replaces the whole state with a saved one; ids in `events` keep their meaning. Throws
  /// std::invalid_argument, leaving the loop as it was, if the events contradict each other.
  void restore(SimTime now, std::uint64_t next_seq, std::uint64_t executed,
               const std::vector<Pending>& events) {
    std::size_t slot_count = 0;
    for (const Pending& p : events) {
      slot_count = std::max<std::size_t>(slot_count, std::size_t{p.id.slot} + 1);
    }
    if (slot_count > kMaxRestoredSlots) {
      throw std::invalid_argument("EventLoop::restore: event slot " +
                                  std::to_string(slot_count - 1) + " beyond the limit of " +
                                  std::to_string(kMaxRestoredSlots - 1));
    }
    std::vector<Slot> slots(slot_count);
    for (const Pending& p : events) {
      if (!p.id.valid() || p.id.seq >= next_seq || p.time < now || slots[p.id.slot].seq != 0) {
        throw std::invalid_argument("EventLoop::restore: inconsistent pending event");
      }
      slots[p.id.slot] = Slot{p.id.seq, p.event};
    }
    now_ = now;
    next_seq_ = next_seq;
    executed_ = executed;
    slots_ = std::move(slots);
    free_slots_.clear();
    for (std::uint32_t s = 0; s < slots_.size(); ++s) {
      if (slots_[s].seq == 0) free_slots_.insert(s);
    }
    live_ = events.size();
    stale_ = 0;
    queue_.clear();
    for (const Pending& p : events) {
      queue_.push(detail::QueueEntry{p.time.ms(), p.id.seq, p.id.slot});
    }
  }

 private:
  struct Slot {             // the time is not kept here: the queue has it
    std::uint64_t seq = 0;  // 0 while the slot is free
    Event event{};
  };
  static constexpr std::size_t kMaxSlots = 0xFFFFFFFF;  // slot indices are 32-bit

 public:
  /// A restored state may use slots below this (4 M slots: about 128 MB of slab). A run
  /// reaches slot n only with n + 1 events pending at once, far beyond any scenario; a save
  /// claiming more is refused rather than sized from.
  static constexpr std::size_t kMaxRestoredSlots = std::size_t{1} << 22;

 private:
  [[noreturn, gnu::noinline]] void throw_in_the_past(SimTime at) const {
    throw std::logic_error("EventLoop: event scheduled at " + std::to_string(at.ms()) +
                           " ms, before now (" + std::to_string(now_.ms()) + " ms)");
  }

  // Below this many skipped keys a rebuild is not worth its pass over the slab.
  static constexpr std::size_t kMinStaleForRebuild = 4096;

  // The lowest free slot, else a new one at the end: the lowest
  // index not in use either way, whatever order slots were freed in.
  std::uint32_t take_slot() {
    if (free_slots_.empty()) {
      if (slots_.size() >= kMaxSlots) {
        throw std::length_error("EventLoop: too many pending events");
      }
      slots_.emplace_back();
      return static_cast<std::uint32_t>(slots_.size() - 1);
    }
    return free_slots_.take_lowest();
  }
  void release_slot(std::uint32_t slot) {
    slots_[slot].seq = 0;
    free_slots_.insert(slot);
  }

  // Drops stale keys from the front of the queue and returns the first live one, if any.
  const detail::QueueEntry* settle() const {
    for (;;) {
      const detail::QueueEntry* next = queue_.peek();
      if (next == nullptr || slots_[next->slot].seq == next->seq) return next;
      queue_.pop();
      --stale_;
    }
  }

  // Rebuilds the queue without its stale keys. Pop order does not change: it is the order.
  void rebuild_queue() {
    std::vector<detail::QueueEntry> live;
    live.reserve(live_);
    queue_.for_each([&](const detail::QueueEntry& e) {
      if (slots_[e.slot].seq == e.seq) live.push_back(e);
    });
    queue_.clear();
    for (const detail::QueueEntry& e : live) queue_.push(e);
    stale_ = 0;
  }

  SimTime now_;
  std::uint64_t next_seq_ = 1;
  std::uint64_t executed_ = 0;
  std::size_t live_ = 0;  // pending events
  // settle() drops stale keys from the front while peeking, which no caller can observe: the
  // queue and its stale count are mutable so that peeking is const.
  mutable std::size_t stale_ = 0;  // cancelled events whose keys are still queued
  mutable detail::LadderQueue queue_;
  std::vector<Slot> slots_;
  detail::LowestFree free_slots_;
};

}  // namespace rfsim::sim
