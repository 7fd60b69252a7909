// The event loop: a future event set in a total, deterministic order, and the loop that
// executes it. It knows nothing of the model: the model supplies the event type (a small
// value type) and a handler, and the loop calls handler(now, event) for each event in turn.
#pragma once

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

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
/// Order is (time, insertion sequence): a heap is not stable, so the sequence number is
/// what makes equal-time events run in the order they were scheduled, on every run.
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
  std::uint64_t executed() const { return executed_; }     // events handled so far
  std::size_t pending_count() const { return live_; }      // events scheduled, not yet run
  std::uint64_t next_seq() const { return next_seq_; }

  /// Schedules `event` at `at`. Scheduling in the past is a programming error and throws.
  EventId schedule_at(SimTime at, const Event& event) {
    if (at < now_) {
      throw std::logic_error("EventLoop: event scheduled at " + std::to_string(at.ms()) +
                             " ms, before now (" + std::to_string(now_.ms()) + " ms)");
    }
    std::uint32_t slot;
    if (!free_slots_.empty()) {
      slot = free_slots_.back();
      free_slots_.pop_back();
    } else {
      slot = static_cast<std::uint32_t>(slots_.size());
      slots_.emplace_back();
    }
    const EventId id{next_seq_++, slot};
    slots_[slot] = Slot{id.seq, event};
    heap_.push_back(Entry{at.ms(), id.seq, slot});
    std::push_heap(heap_.begin(), heap_.end(), Later{});
    ++live_;
    return id;
  }
  EventId schedule_in(Duration delay, const Event& event) { return schedule_at(now_ + delay, event); }

  /// Cancels a pending event. Returns false if it already ran or was cancelled.
  bool cancel(EventId id) {
    if (!is_pending(id)) return false;
    slots_[id.slot].seq = 0;  // the heap entry goes stale and is skipped when it surfaces
    free_slots_.push_back(id.slot);
    --live_;
    return true;
  }
  bool is_pending(EventId id) const {
    return id.valid() && id.slot < slots_.size() && slots_[id.slot].seq == id.seq;
  }

  /// Time of the next live event, if any.
  std::optional<SimTime> next_time() {
    drop_stale();
    if (heap_.empty()) return std::nullopt;
    return SimTime::from_ms(heap_.front().time);
  }

  /// Executes the next event, if any: advances the clock and calls handler(now, event).
  template <class Handler>
  bool step(Handler& handler) {
    drop_stale();
    if (heap_.empty()) return false;
    std::pop_heap(heap_.begin(), heap_.end(), Later{});
    const Entry top = heap_.back();
    heap_.pop_back();
    Slot& slot = slots_[top.slot];
    const Event event = slot.event;  // copied: the handler may reuse the slot
    slot.seq = 0;
    free_slots_.push_back(top.slot);
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
    for (const Entry& e : heap_) {
      if (slots_[e.slot].seq == e.seq) {
        out.push_back(Pending{SimTime::from_ms(e.time), EventId{e.seq, e.slot}, slots_[e.slot].event});
      }
    }
    std::sort(out.begin(), out.end(), [](const Pending& a, const Pending& b) {
      return a.time != b.time ? a.time < b.time : a.id.seq < b.id.seq;
    });
    return out;
  }

  /// Replaces the whole state with a saved one; ids in `events` keep their meaning.
  void restore(SimTime now, std::uint64_t next_seq, std::uint64_t executed,
               const std::vector<Pending>& events) {
    now_ = now;
    next_seq_ = next_seq;
    executed_ = executed;
    heap_.clear();
    slots_.clear();
    free_slots_.clear();
    std::uint32_t max_slot = 0;
    for (const Pending& p : events) max_slot = std::max(max_slot, p.id.slot + 1);
    slots_.resize(max_slot);
    for (const Pending& p : events) {
      if (!p.id.valid() || p.id.seq >= next_seq || p.time < now || slots_[p.id.slot].seq != 0) {
        throw std::invalid_argument("EventLoop::restore: inconsistent pending event");
      }
      slots_[p.id.slot] = Slot{p.id.seq, p.event};
      heap_.push_back(Entry{p.time.ms(), p.id.seq, p.id.slot});
    }
    for (std::uint32_t s = max_slot; s-- > 0;) {
      if (slots_[s].seq == 0) free_slots_.push_back(s);
    }
    std::make_heap(heap_.begin(), heap_.end(), Later{});
    live_ = events.size();
  }

 private:
  struct Entry {
    std::int64_t time;
    std::uint64_t seq;
    std::uint32_t slot;
  };
  struct Later {  // std heaps are max-heaps: "less" means "runs later"
    bool operator()(const Entry& a, const Entry& b) const {
      return a.time != b.time ? a.time > b.time : a.seq > b.seq;
    }
  };
  struct Slot {
    std::uint64_t seq = 0;  // 0 while the slot is free
    Event event{};
  };

  void drop_stale() {
    while (!heap_.empty() && slots_[heap_.front().slot].seq != heap_.front().seq) {
      std::pop_heap(heap_.begin(), heap_.end(), Later{});
      heap_.pop_back();
    }
  }

  SimTime now_;
  std::uint64_t next_seq_ = 1;
  std::uint64_t executed_ = 0;
  std::size_t live_ = 0;
  std::vector<Entry> heap_;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
};

}  // namespace rfsim::sim
