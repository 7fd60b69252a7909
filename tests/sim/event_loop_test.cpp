// Tests of sim/event_loop.hpp: the (time, sequence) order against a reference sort, cancelling,
// the clock, and saving and restoring the pending events with their ids.
#include "sim/event_loop.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace rfsim::sim {
namespace {

SimTime at_ms(std::int64_t ms) {
  return SimTime::from_ms(ms);
}

// Records what ran: (time, payload).
struct Recorder {
  std::vector<std::pair<std::int64_t, int>> ran;
  void operator()(SimTime now, int event) { ran.emplace_back(now.ms(), event); }
};

TEST(EventLoop, EmptyLoopHasNothingToDo) {
  EventLoop<int> loop;
  Recorder r;
  EXPECT_FALSE(loop.step(r));
  EXPECT_EQ(loop.next_time(), std::nullopt);
  EXPECT_EQ(loop.pending_count(), 0u);
  EXPECT_TRUE(loop.pending_in_order().empty());
  EXPECT_EQ(loop.now(), SimTime::start());
}

TEST(EventLoop, StepsFalseOnceDrained) {
  EventLoop<int> loop;
  loop.schedule_at(at_ms(5), 1);
  Recorder r;
  EXPECT_TRUE(loop.step(r));
  EXPECT_FALSE(loop.step(r));
  EXPECT_EQ(loop.executed(), 1u);
}

TEST(EventLoop, RunsInTimeOrder) {
  EventLoop<int> loop;
  for (int t : {50, 10, 40, 20, 30}) loop.schedule_at(at_ms(t), t);
  Recorder r;
  while (loop.step(r)) {
  }
  EXPECT_EQ(r.ran, (std::vector<std::pair<std::int64_t, int>>{
                       {10, 10}, {20, 20}, {30, 30}, {40, 40}, {50, 50}}));
}

TEST(EventLoop, EqualTimeEventsRunInInsertionOrder) {
  EventLoop<int> loop;
  for (int i = 0; i < 1000; ++i) loop.schedule_at(at_ms(i % 3 == 0 ? 7 : 9), i);
  Recorder r;
  while (loop.step(r)) {
  }
  ASSERT_EQ(r.ran.size(), 1000u);
  std::vector<int> expected;
  for (int i = 0; i < 1000; i += 3) expected.push_back(i);
  for (int i = 0; i < 1000; ++i) {
    if (i % 3 != 0) expected.push_back(i);
  }
  for (std::size_t i = 0; i < r.ran.size(); ++i) EXPECT_EQ(r.ran[i].second, expected[i]);
}

TEST(EventLoop, EventsScheduledForNowRunAfterThoseAlreadyDue) {
  EventLoop<int> loop;
  for (int i = 0; i < 3; ++i) loop.schedule_at(at_ms(100), i);
  std::vector<int> ran;
  auto handler = [&](SimTime now, int e) {
    ran.push_back(e);
    if (e == 0) {
      loop.schedule_at(now, 10);  // same time: after 1 and 2, which were scheduled first
      loop.schedule_in(Duration::ms(0), 11);
    }
  };
  while (loop.step(handler)) {
  }
  EXPECT_EQ(ran, (std::vector<int>{0, 1, 2, 10, 11}));
}

TEST(EventLoop, ScheduleInThePastThrows) {
  EventLoop<int> loop;
  loop.schedule_at(at_ms(1000), 1);
  Recorder r;
  loop.step(r);
  try {
    loop.schedule_at(at_ms(999), 2);
    FAIL() << "no exception";
  } catch (const std::logic_error& e) {
    EXPECT_EQ(std::string(e.what()), "EventLoop: event scheduled at 999 ms, before now (1000 ms)");
  }
  EXPECT_THROW(loop.schedule_in(Duration::ms(-1), 3), std::logic_error);
  EXPECT_EQ(loop.pending_count(), 0u);
  EXPECT_NO_THROW(loop.schedule_at(at_ms(1000), 4));  // now itself is fine
}

TEST(EventLoop, CancelStopsAnEvent) {
  EventLoop<int> loop;
  loop.schedule_at(at_ms(1), 1);
  const EventId two = loop.schedule_at(at_ms(2), 2);
  loop.schedule_at(at_ms(3), 3);
  EXPECT_TRUE(loop.is_pending(two));
  EXPECT_TRUE(loop.cancel(two));
  EXPECT_FALSE(loop.is_pending(two));
  EXPECT_EQ(loop.pending_count(), 2u);
  Recorder r;
  while (loop.step(r)) {
  }
  EXPECT_EQ(r.ran, (std::vector<std::pair<std::int64_t, int>>{{1, 1}, {3, 3}}));
}

TEST(EventLoop, CancelReturnsFalseForCancelledEvents) {
  EventLoop<int> loop;
  const EventId id = loop.schedule_at(at_ms(5), 1);
  EXPECT_TRUE(loop.cancel(id));
  EXPECT_FALSE(loop.cancel(id));
  loop.schedule_at(at_ms(5), 2);  // may reuse the slot: the old id must still not match
  EXPECT_FALSE(loop.cancel(id));
  EXPECT_EQ(loop.pending_count(), 1u);
}

TEST(EventLoop, CancelReturnsFalseForExecutedEvents) {
  EventLoop<int> loop;
  const EventId id = loop.schedule_at(at_ms(5), 1);
  Recorder r;
  loop.step(r);
  EXPECT_FALSE(loop.is_pending(id));
  EXPECT_FALSE(loop.cancel(id));
  const EventId next = loop.schedule_at(at_ms(6), 2);  // reuses the slot
  EXPECT_EQ(next.slot, id.slot);
  EXPECT_FALSE(loop.cancel(id));
  EXPECT_TRUE(loop.is_pending(next));
}

TEST(EventLoop, CancelReturnsFalseForNoEvent) {
  EventLoop<int> loop;
  EXPECT_FALSE(loop.cancel(EventId{}));
  EXPECT_FALSE(loop.cancel(EventId{12345, 99}));
}

TEST(EventLoop, TheRunningEventIsNoLongerPending) {
  EventLoop<int> loop;
  EventId self;
  bool cancelled_self = true;
  auto handler = [&](SimTime, int) { cancelled_self = loop.cancel(self); };
  self = loop.schedule_at(at_ms(1), 1);
  loop.step(handler);
  EXPECT_FALSE(cancelled_self);
}

TEST(EventLoop, HandlersCanCancelOtherEvents) {
  EventLoop<int> loop;
  Recorder r;
  const EventId later = loop.schedule_at(at_ms(20), 2);
  auto handler = [&](SimTime now, int e) {
    r(now, e);
    if (e == 1) {
      EXPECT_TRUE(loop.cancel(later));
    }
  };
  loop.schedule_at(at_ms(10), 1);
  loop.schedule_at(at_ms(30), 3);
  while (loop.step(handler)) {
  }
  EXPECT_EQ(r.ran, (std::vector<std::pair<std::int64_t, int>>{{10, 1}, {30, 3}}));
}

TEST(EventLoop, RunUntilStopsAtTheEndAndSetsTheClock) {
  EventLoop<int> loop;
  for (int t : {10, 20, 30, 40}) loop.schedule_at(at_ms(t), t);
  Recorder r;
  loop.run_until(at_ms(30), r);  // 30 itself is included
  EXPECT_EQ(r.ran.size(), 3u);
  EXPECT_EQ(loop.now(), at_ms(30));
  loop.run_until(at_ms(35), r);
  EXPECT_EQ(r.ran.size(), 3u);
  EXPECT_EQ(loop.now(), at_ms(35));
  EXPECT_EQ(loop.next_time(), at_ms(40));
  EXPECT_THROW(loop.schedule_at(at_ms(34), 0), std::logic_error);
}

TEST(EventLoop, RunUntilOnAnEmptyLoopAdvancesTheClock) {
  EventLoop<int> loop;
  Recorder r;
  loop.run_until(SimTime::at(Duration::days(30)), r);
  EXPECT_EQ(loop.now(), SimTime::at(Duration::days(30)));
  loop.run_until(SimTime::at(Duration::days(1)), r);  // never backwards
  EXPECT_EQ(loop.now(), SimTime::at(Duration::days(30)));
}

TEST(EventLoop, CountsSequenceAndExecuted) {
  EventLoop<int> loop;
  EXPECT_EQ(loop.next_seq(), 1u);
  const EventId a = loop.schedule_at(at_ms(1), 1);
  const EventId b = loop.schedule_at(at_ms(1), 2);
  EXPECT_EQ(a.seq, 1u);
  EXPECT_EQ(b.seq, 2u);
  EXPECT_EQ(loop.next_seq(), 3u);
  Recorder r;
  loop.step(r);
  EXPECT_EQ(loop.executed(), 1u);
  EXPECT_EQ(loop.pending_count(), 1u);
}

TEST(EventLoop, CarriesVariantEvents) {
  struct Arrived {
    int unit;
  };
  struct Detected {
    int violation;
    double delay;
  };
  using Event = std::variant<Arrived, Detected>;
  EventLoop<Event> loop;
  loop.schedule_at(at_ms(2), Detected{7, 1.5});
  loop.schedule_at(at_ms(1), Arrived{3});
  std::vector<std::size_t> kinds;
  auto handler = [&](SimTime, const Event& e) { kinds.push_back(e.index()); };
  while (loop.step(handler)) {
  }
  EXPECT_EQ(kinds, (std::vector<std::size_t>{0, 1}));
}

TEST(EventLoop, PendingInOrderListsLiveEventsInExecutionOrder) {
  EventLoop<int> loop;
  const EventId a = loop.schedule_at(at_ms(30), 1);
  const EventId b = loop.schedule_at(at_ms(10), 2);
  const EventId c = loop.schedule_at(at_ms(30), 3);
  const EventId d = loop.schedule_at(at_ms(20), 4);
  loop.cancel(d);
  const auto pending = loop.pending_in_order();
  ASSERT_EQ(pending.size(), 3u);
  EXPECT_EQ(pending[0].id, b);
  EXPECT_EQ(pending[1].id, a);
  EXPECT_EQ(pending[2].id, c);
  EXPECT_EQ(pending[1].time, at_ms(30));
  EXPECT_EQ(pending[2].event, 3);
}

// The property test: many random schedules, cancels and steps, each compared with a reference
// that sorts by (time, seq). Time patterns cover one millisecond, narrow, wide and enormous
// spreads, and bursts at "now", to reach every path of the queue (rungs, splits, the top, the
// bottom's sorted run and its heap).
struct Reference {
  std::set<std::pair<std::int64_t, std::uint64_t>> order;  // (time, seq) of live events
  std::map<std::uint64_t, std::pair<std::int64_t, int>> by_seq;
};

void check_random_run(std::uint64_t seed, std::int64_t spread, int ops) {
  std::mt19937_64 rng(seed);
  EventLoop<int> loop;
  Reference ref;
  std::vector<EventId> ids;
  std::uint64_t mismatches = 0;
  auto handler = [&](SimTime now, int e) {
    ASSERT_FALSE(ref.order.empty());
    const auto first = *ref.order.begin();
    EXPECT_EQ(first.first, now.ms());
    EXPECT_EQ(ref.by_seq[first.second].second, e);
    mismatches += first.first != now.ms() || ref.by_seq[first.second].second != e;
    ref.order.erase(ref.order.begin());
  };
  const int schedule_share = 35 + static_cast<int>(rng() % 30);
  for (int i = 0; i < ops && mismatches == 0; ++i) {
    const int dice = static_cast<int>(rng() % 100);
    if (dice < schedule_share) {
      std::int64_t t = loop.now().ms() + static_cast<std::int64_t>(rng() % spread);
      if (rng() % 8 == 0) t = loop.now().ms();
      if (rng() % 64 == 0) t = loop.now().ms() + static_cast<std::int64_t>(rng() >> 16);
      const int payload = static_cast<int>(rng() % 1'000'000);
      const EventId id = loop.schedule_at(at_ms(t), payload);
      ref.order.emplace(t, id.seq);
      ref.by_seq[id.seq] = {t, payload};
      ids.push_back(id);
    } else if (dice < schedule_share + 15 && !ids.empty()) {
      const EventId id = ids[rng() % ids.size()];
      const bool live = ref.order.erase({ref.by_seq[id.seq].first, id.seq}) > 0;
      EXPECT_EQ(loop.cancel(id), live);
    } else {
      const bool any = !ref.order.empty();
      EXPECT_EQ(loop.step(handler), any) << ref.order.size() << " events left";
    }
    ASSERT_EQ(loop.pending_count(), ref.order.size());
  }
  // pending_in_order agrees with the reference before draining.
  const auto pending = loop.pending_in_order();
  ASSERT_EQ(pending.size(), ref.order.size());
  auto it = ref.order.begin();
  for (const auto& p : pending) {
    EXPECT_EQ(p.time.ms(), it->first);
    EXPECT_EQ(p.id.seq, it->second);
    EXPECT_EQ(p.event, ref.by_seq[it->second].second);
    ++it;
  }
  while (!ref.order.empty() && mismatches == 0) ASSERT_TRUE(loop.step(handler));
  Recorder none;
  EXPECT_FALSE(loop.step(none));
}

TEST(EventLoop, MatchesReferenceSortOnOneMillisecond) {
  for (std::uint64_t seed = 1; seed <= 8; ++seed) check_random_run(seed, 1, 20'000);
}

TEST(EventLoop, MatchesReferenceSortOnNarrowSpreads) {
  for (std::uint64_t seed = 1; seed <= 8; ++seed) check_random_run(seed, 10, 20'000);
}

TEST(EventLoop, MatchesReferenceSortOnWideSpreads) {
  for (std::uint64_t seed = 1; seed <= 8; ++seed) check_random_run(seed, 100'000, 30'000);
}

TEST(EventLoop, MatchesReferenceSortOnEnormousSpreads) {
  for (std::uint64_t seed = 1; seed <= 8; ++seed)
    check_random_run(seed, std::int64_t{1} << 45, 30'000);
}

// The model's pattern: a few hundred events pending, a handful of them days or weeks ahead (the
// MSEL, the day's end, reviews), and a stream of events scheduled minutes or hours from now,
// far closer than the ladder's buckets are wide. The bottom overflows and becomes a finer rung
// (and then a finer one), so this runs every path of that spawning, against the reference.
void check_near_and_far_run(std::uint64_t seed, int events) {
  std::mt19937_64 rng(seed);
  EventLoop<int> loop;
  std::set<std::pair<std::int64_t, int>> ref;  // (time, payload); payloads rise with seq
  int next_payload = 0;
  auto schedule = [&](std::int64_t t) {
    loop.schedule_at(at_ms(t), next_payload);
    ref.emplace(t, next_payload++);
  };
  constexpr std::int64_t kDay = 86'400'000;
  for (int i = 0; i < 40; ++i) schedule(static_cast<std::int64_t>(rng() % (30 * kDay)));
  for (int i = 0; i < 250; ++i) schedule(static_cast<std::int64_t>(rng() % (kDay / 4)));
  int ran = 0, wrong = 0;
  auto handler = [&](SimTime now, int e) {
    ASSERT_FALSE(ref.empty());
    wrong += ref.begin()->first != now.ms() || ref.begin()->second != e;
    ref.erase(ref.begin());
    ++ran;
    if (ran >= events) return;
    // Each event begets one: mostly minutes to hours away, now and then at this very
    // millisecond, now and then days away.
    const std::uint64_t dice = rng() % 100;
    std::int64_t t = now.ms() + 1 + static_cast<std::int64_t>(rng() % (6 * 3'600'000));
    if (dice < 10) t = now.ms();
    if (dice >= 97) t = now.ms() + static_cast<std::int64_t>(rng() % (10 * kDay));
    schedule(t);
  };
  while (wrong == 0 && loop.step(handler)) {
  }
  EXPECT_EQ(wrong, 0);
  EXPECT_TRUE(ref.empty());
  EXPECT_GE(ran, events);
}

TEST(EventLoop, MatchesReferenceSortWhenEventsComeMuchCloserThanTheRungs) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) check_near_and_far_run(seed, 60'000);
}

TEST(EventLoop, KeepsOrderWhenOneMillisecondIsCrowded) {
  EventLoop<int> loop;
  // Far more events at one time than a bucket holds, around a few others.
  loop.schedule_at(at_ms(999), -1);
  for (int i = 0; i < 20'000; ++i) loop.schedule_at(at_ms(1000), i);
  loop.schedule_at(at_ms(1001), -2);
  loop.schedule_at(at_ms(500), -3);
  std::vector<int> ran;
  auto handler = [&](SimTime now, int e) {
    ran.push_back(e);
    if (e == 5) loop.schedule_at(now, 100'000);  // joins the end of the crowd
  };
  while (loop.step(handler)) {
  }
  ASSERT_EQ(ran.size(), 20'004u);
  EXPECT_EQ(ran[0], -3);
  EXPECT_EQ(ran[1], -1);
  for (int i = 0; i < 20'000; ++i) EXPECT_EQ(ran[2 + i], i);
  EXPECT_EQ(ran[20'002], 100'000);
  EXPECT_EQ(ran[20'003], -2);
}

TEST(EventLoop, HandlesTheExtremesOfTime) {
  EventLoop<int> loop;
  constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
  for (int i = 0; i < 200; ++i) loop.schedule_at(SimTime::max(), i);
  for (int i = 0; i < 200; ++i) loop.schedule_at(at_ms(max - 1 - i), 1000 + i);
  loop.schedule_at(at_ms(0), -1);
  std::vector<std::pair<std::int64_t, int>> ran;
  auto handler = [&](SimTime now, int e) {
    ran.emplace_back(now.ms(), e);
    if (e == 0) loop.schedule_at(SimTime::max(), 5000);
  };
  while (loop.step(handler)) {
  }
  ASSERT_EQ(ran.size(), 402u);
  EXPECT_EQ(ran[0].second, -1);
  for (int i = 0; i < 200; ++i) EXPECT_EQ(ran[1 + i].second, 1199 - i);
  for (int i = 0; i < 200; ++i) EXPECT_EQ(ran[201 + i], std::make_pair(max, i));
  EXPECT_EQ(ran[401], std::make_pair(max, 5000));
}

TEST(EventLoop, HeavyCancellingKeepsOrderAndCount) {
  EventLoop<int> loop;
  std::mt19937_64 rng(99);
  std::vector<std::pair<EventId, std::int64_t>> ids;
  std::set<std::pair<std::int64_t, std::uint64_t>> live;
  for (int round = 0; round < 5; ++round) {
    for (int i = 0; i < 20'000; ++i) {
      const std::int64_t t = loop.now().ms() + static_cast<std::int64_t>(rng() % 1'000'000);
      const EventId id = loop.schedule_at(at_ms(t), i);
      ids.emplace_back(id, t);
      live.emplace(t, id.seq);
    }
    for (auto& [id, t] : ids) {  // cancel nine in ten: far more stale keys than live events
      if (rng() % 10 != 0 && loop.cancel(id)) live.erase({t, id.seq});
    }
    ids.clear();
    ASSERT_EQ(loop.pending_count(), live.size());
    auto handler = [&](SimTime now, int) {
      ASSERT_EQ(now.ms(), live.begin()->first);
      live.erase(live.begin());
    };
    for (int i = 0; i < 1000 && loop.step(handler); ++i) {
    }
  }
  auto handler = [&](SimTime now, int) {
    ASSERT_EQ(now.ms(), live.begin()->first);
    live.erase(live.begin());
  };
  while (loop.step(handler)) {
  }
  EXPECT_TRUE(live.empty());
}

// A small deterministic model for the save/restore tests: each event schedules followers and
// sometimes cancels a remembered event by id, as the model's units do.
struct ToyModel {
  explicit ToyModel(EventLoop<int>* l) : loop(l) {}
  EventLoop<int>* loop;
  std::mt19937_64 rng{7};
  std::vector<EventId> remembered;                            // ids the model keeps
  std::vector<std::tuple<std::int64_t, int, EventId>> trace;  // what ran, and ids handed out

  void operator()(SimTime now, int e) {
    trace.emplace_back(now.ms(), e, EventId{});
    const int followers = static_cast<int>(rng() % 3);
    for (int i = 0; i < followers; ++i) {
      const EventId id = loop->schedule_in(Duration::ms(static_cast<std::int64_t>(rng() % 5000)),
                                           (e % 100'000) * 3 + i);
      trace.emplace_back(now.ms(), -1, id);
      if (rng() % 4 == 0) remembered.push_back(id);
    }
    if (!remembered.empty() && rng() % 5 == 0) {
      const std::size_t k = rng() % remembered.size();
      trace.emplace_back(now.ms(), loop->cancel(remembered[k]) ? -2 : -3, remembered[k]);
      remembered.erase(remembered.begin() + static_cast<std::ptrdiff_t>(k));
    }
  }
};

void seed_toy(EventLoop<int>& loop, ToyModel& model) {
  for (int i = 0; i < 3000; ++i) {
    const EventId id = loop.schedule_at(at_ms(static_cast<std::int64_t>(model.rng() % 20'000)), i);
    if (i % 7 == 0) model.remembered.push_back(id);
    if (i % 11 == 0) loop.cancel(id);
  }
}

TEST(EventLoop, RestoreGivesTheSameRemainingRun) {
  EventLoop<int> original;
  ToyModel model(&original);
  seed_toy(original, model);
  original.run_until(at_ms(10'000), model);

  // Save: the pending events, the counters, and the model's own state (its ids and rng).
  const auto saved = original.pending_in_order();
  EventLoop<int> restored;
  restored.restore(original.now(), original.next_seq(), original.executed(), saved);
  ToyModel copy = model;
  copy.loop = &restored;
  copy.trace.clear();
  model.trace.clear();

  EXPECT_EQ(restored.pending_in_order().size(), saved.size());
  EXPECT_EQ(restored.pending_count(), original.pending_count());
  EXPECT_EQ(restored.now(), original.now());
  EXPECT_EQ(restored.next_seq(), original.next_seq());
  EXPECT_EQ(restored.executed(), original.executed());

  original.run_until(at_ms(200'000), model);
  restored.run_until(at_ms(200'000), copy);
  ASSERT_GT(model.trace.size(), 1000u);
  // Same events in the same order, and the same ids (seq and slot) handed out after the load.
  EXPECT_EQ(copy.trace, model.trace);
  EXPECT_EQ(restored.executed(), original.executed());
}

TEST(EventLoop, RestoredIdsStillCancel) {
  EventLoop<int> original;
  const EventId a = original.schedule_at(at_ms(10), 1);
  const EventId b = original.schedule_at(at_ms(20), 2);
  const EventId c = original.schedule_at(at_ms(30), 3);
  const EventId gone = original.schedule_at(at_ms(40), 4);
  original.cancel(gone);
  Recorder r;
  original.step(r);  // a runs

  EventLoop<int> restored;
  restored.restore(original.now(), original.next_seq(), original.executed(),
                   original.pending_in_order());
  EXPECT_FALSE(restored.cancel(a));     // already ran
  EXPECT_FALSE(restored.cancel(gone));  // cancelled before the save
  EXPECT_TRUE(restored.is_pending(c));
  EXPECT_TRUE(restored.cancel(b));
  EXPECT_FALSE(restored.cancel(b));
  Recorder after;
  while (restored.step(after)) {
  }
  EXPECT_EQ(after.ran, (std::vector<std::pair<std::int64_t, int>>{{30, 3}}));
}

TEST(EventLoop, RestoreReplacesEverything) {
  EventLoop<int> loop;
  loop.schedule_at(at_ms(5), 1);
  loop.restore(at_ms(100), 50, 7, {{at_ms(150), EventId{40, 3}, 9}});
  EXPECT_EQ(loop.now(), at_ms(100));
  EXPECT_EQ(loop.next_seq(), 50u);
  EXPECT_EQ(loop.executed(), 7u);
  EXPECT_EQ(loop.pending_count(), 1u);
  const EventId fresh = loop.schedule_at(at_ms(120), 2);
  EXPECT_EQ(fresh.seq, 50u);
  EXPECT_EQ(fresh.slot, 0u);  // the lowest free slot
  Recorder r;
  while (loop.step(r)) {
  }
  EXPECT_EQ(r.ran, (std::vector<std::pair<std::int64_t, int>>{{120, 2}, {150, 9}}));
}

TEST(EventLoop, RestoreRefusesInconsistentEventsAndKeepsItsState) {
  EventLoop<int> loop;
  loop.schedule_at(at_ms(5), 1);
  using P = EventLoop<int>::Pending;
  const std::vector<std::vector<P>> bad{
      {{at_ms(150), EventId{0, 0}, 1}},                                    // no id
      {{at_ms(150), EventId{60, 0}, 1}},                                   // seq not yet issued
      {{at_ms(50), EventId{10, 0}, 1}},                                    // before now
      {{at_ms(150), EventId{10, 2}, 1}, {at_ms(160), EventId{11, 2}, 2}},  // one slot twice
  };
  for (const auto& events : bad) {
    EXPECT_THROW(loop.restore(at_ms(100), 50, 0, events), std::invalid_argument);
  }
  EXPECT_EQ(loop.now(), SimTime::start());
  EXPECT_EQ(loop.pending_count(), 1u);
  Recorder r;
  EXPECT_TRUE(loop.step(r));
  EXPECT_EQ(r.ran, (std::vector<std::pair<std::int64_t, int>>{{5, 1}}));
}

TEST(EventLoop, SlotsDependOnlyOnThePendingEvents) {
  // The same pending events reached by different histories (cancels in another order): new
  // events get equal ids, as they must in a run resumed from a save, which has no history.
  EventLoop<int> a, b;
  std::vector<EventId> in_a, in_b;
  for (int i = 0; i < 10; ++i) in_a.push_back(a.schedule_at(at_ms(100 + i), i));
  for (int i = 0; i < 10; ++i) in_b.push_back(b.schedule_at(at_ms(100 + i), i));
  for (int i : {7, 2, 5}) a.cancel(in_a[static_cast<std::size_t>(i)]);
  for (int i : {5, 7, 2}) b.cancel(in_b[static_cast<std::size_t>(i)]);
  for (int i = 0; i < 4; ++i) {
    const EventId x = a.schedule_at(at_ms(500), 0);
    const EventId y = b.schedule_at(at_ms(500), 0);
    EXPECT_EQ(x, y);
  }
}

}  // namespace
}  // namespace rfsim::sim
