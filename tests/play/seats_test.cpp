// A host and its seats on localhost in one process (a poll loop, no threads): a scripted
// exercise answered by different seats, each seat's picture against picture_of() for its
// cell, the host's game against a single-seat run of the same answers, and bad peers refused.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <sstream>
#include <vector>

#include "play/host.hpp"
#include "play/picture.hpp"
#include "play/picture_delta.hpp"
#include "play/protocol.hpp"
#include "play/seat.hpp"
#include "play_fixture.hpp"
#include "saves/recording.hpp"
#include "saves/snapshot.hpp"

namespace rfsim::play {
namespace {

using namespace std::chrono_literals;
using testing::asking_scenario;
using testing::theatre;

// What every test starts from: a host on an ephemeral port with pictures unthrottled, so
// that a seat is sent every change.
struct Game {
  explicit Game(HostOptions o = fast())
      : rec(asking_scenario(), theatre()), host(rec, o, console) {}
  static HostOptions fast() {
    HostOptions o;
    o.picture_every = 0ms;
    o.paused = true;
    return o;
  }
  std::unique_ptr<Seat> seat(Role role, const std::string& code, const std::string& nation = "") {
    SeatOptions so;
    so.port = host.port();
    so.role = role;
    so.code = code;
    so.nation = nation;
    so.limits = {theatre().region_count(), theatre().link_count()};
    auto s = std::make_unique<Seat>(so);
    s->connect(5s);
    return s;
  }
  std::unique_ptr<Seat> seat(Role role) { return seat(role, host.code(role)); }
  // Polls host and seats until `done` (true) or about 5 s of polling (false).
  bool pump(const std::vector<Seat*>& seats, const std::function<bool()>& done) {
    for (int i = 0; i < 5000; ++i) {
      host.poll(0ms);
      for (Seat* s : seats) s->poll(1ms);
      if (done()) return true;
    }
    return false;
  }
  std::ostringstream console;
  saves::Recording rec;
  Host host;
};

std::string frame_of(const Picture& p) {
  return encode_frame(PictureMessage{p, false, 0});
}

// The seat holds exactly its cell's picture of the host's run now.
bool in_sync(const Seat& s, const sim::Simulation& run, Cell cell) {
  return s.picture() && frame_of(s.picture()->picture) == frame_of(picture_of(run, cell));
}

// The option the script picks: not always doctrine's, so that a lost or misrouted answer shows.
std::int32_t scripted_option(const sim::Decision& d) {
  return d.options.empty() ? 0 : static_cast<std::int32_t>(d.id % d.options.size());
}

// Blue's rules, on what the seat holds: no undetected violation, no Red position but the last
// reported one, nothing of Red's mind.
void expect_blue_rules(const Picture& p, const sim::Simulation& run) {
  const sim::World& w = run.world();
  for (const ViolationView& v : p.violations) {
    ASSERT_LT(v.slot, w.violations.size());
    EXPECT_LE(w.violations[v.slot].detected, p.now) << "violation " << v.serial;
  }
  for (const UnitView& u : p.units) {
    if (u.side != sim::Side::Russia) continue;
    EXPECT_FALSE(u.own);
    EXPECT_FALSE(u.state);
    EXPECT_FALSE(u.strength_exact);
    const map::LonLat label = run.theatre().region(u.at).label;
    EXPECT_EQ(u.where.lon, label.lon);
    EXPECT_EQ(u.where.lat, label.lat);
  }
  for (const SectorView& s : p.sectors) {
    EXPECT_FALSE(s.step);
    EXPECT_FALSE(s.outlook);
  }
  EXPECT_FALSE(p.general_offensive);
  for (const sim::Decision& d : p.decisions) EXPECT_NE(d.kind, sim::Decision::Kind::RedStep);
}

TEST(Seats, ThreeSeatsPlayAndMatchASingleSeatRun) {
  Game g;
  auto blue = g.seat(Role::Blue);
  auto red = g.seat(Role::Red);
  auto observer = g.seat(Role::Observer);
  const std::vector<Seat*> all{blue.get(), red.get(), observer.get()};
  const sim::Simulation& run = g.rec.run();
  ASSERT_TRUE(g.pump(all, [&] { return g.host.seats() == 3; })) << g.console.str();

  auto sync_and_check = [&] {
    ASSERT_TRUE(g.pump(all,
                       [&] {
                         return in_sync(*blue, run, Cell::Blue) && in_sync(*red, run, Cell::Red) &&
                                in_sync(*observer, run, Cell::White);
                       }))
        << "seats' pictures never matched picture_of() at " << sim::format_clock(run.now());
    expect_blue_rules(blue->picture()->picture, run);
  };

  int by_blue = 0;
  int by_red = 0;
  bool tried_wrong_seat = false;
  const int hours = 36;
  for (int h = 1; h <= hours; ++h) {
    g.host.advance_to(sim::SimTime::at(sim::Duration::hours(h)));
    while (run.awaiting_decision()) {
      sync_and_check();
      const sim::Decision d = run.pending_decisions().front();
      const bool reds = d.kind == sim::Decision::Kind::RedStep;
      Seat& owner = reds ? *red : *blue;
      Seat& other = reds ? *blue : *red;
      if (!tried_wrong_seat) {
        // Neither the other side's seat nor an observer may answer it.
        const std::size_t refused = other.refusals().size() + observer->refusals().size();
        other.answer(d.id, scripted_option(d));
        observer->answer(d.id, scripted_option(d));
        ASSERT_TRUE(g.pump(all, [&] {
          return other.refusals().size() + observer->refusals().size() == refused + 2;
        }));
        ASSERT_EQ(run.pending_decisions().front().id, d.id);
        tried_wrong_seat = true;
      }
      owner.answer(d.id, scripted_option(d));
      ASSERT_TRUE(g.pump(all,
                         [&] {
                           return run.pending_decisions().empty() ||
                                  run.pending_decisions().front().id != d.id;
                         }))
          << "decision " << d.id << " was not applied; host said:\n"
          << g.console.str();
      (reds ? by_red : by_blue) += 1;
      g.host.advance_to(sim::SimTime::at(sim::Duration::hours(h)));
    }
    if (h % 6 == 0) sync_and_check();
  }
  EXPECT_GT(by_blue, 0);
  EXPECT_GT(by_red, 0);
  EXPECT_TRUE(tried_wrong_seat);
  EXPECT_EQ(g.host.counters().commands, static_cast<std::uint64_t>(by_blue + by_red));
  EXPECT_FALSE(blue->log().empty());
  EXPECT_EQ(g.host.counters().dropped, 0u);

  // The same answers given at the same moments, in one process with no network.
  sim::Simulation single(asking_scenario(), theatre());
  sim::CommandQueue queue;
  for (int h = 1; h <= hours; ++h) {
    const sim::SimTime target = sim::SimTime::at(sim::Duration::hours(h));
    single.advance(target, queue);
    while (single.awaiting_decision()) {
      const sim::Decision& d = single.pending_decisions().front();
      sim::Inject in;
      in.kind = sim::InjectKind::Decide;
      in.decision = d.id;
      in.option = scripted_option(d);
      queue.push({single.now(), in});
      single.advance(target, queue);
    }
  }
  EXPECT_EQ(single.now(), run.now());
  EXPECT_EQ(single.state_hash(), run.state_hash());
  // And the host's recording replays to the same state.
  saves::Recording replay(g.rec.save(), theatre(), "host");
  replay.seek(run.now());
  EXPECT_EQ(replay.run().state_hash(), run.state_hash());
}

TEST(Seats, WrongCodeIsRefusedAndTheHostGoesOn) {
  Game g;
  auto bad = g.seat(Role::Blue, "WRONG1");
  ASSERT_TRUE(g.pump({bad.get()}, [&] { return !bad->connected(); }));
  ASSERT_EQ(bad->refusals().size(), 1u);
  EXPECT_NE(bad->refusals()[0].find("wrong join code"), std::string::npos);
  EXPECT_EQ(g.host.seats(), 0u);
  auto good = g.seat(Role::Blue);
  EXPECT_TRUE(g.pump({good.get()}, [&] { return good->picture().has_value(); }));
  EXPECT_NE(g.console.str().find("refused"), std::string::npos);
}

TEST(Seats, BlueCodeCannotOpenARedSeat) {
  Game g;
  auto s = g.seat(Role::Red, g.host.code(Role::Blue));
  ASSERT_TRUE(g.pump({s.get()}, [&] { return !s->connected(); }));
  EXPECT_FALSE(s->picture());
  EXPECT_FALSE(s->welcome());
  ASSERT_EQ(s->refusals().size(), 1u);
  EXPECT_NE(s->refusals()[0].find("red seat"), std::string::npos);
}

TEST(Seats, MalformedPacketIsRefusedNamingPeerAndField) {
  Game g;
  auto blue = g.seat(Role::Blue);
  ASSERT_TRUE(g.pump({blue.get()}, [&] { return blue->picture().has_value(); }));
  // A command whose order is out of range.
  std::string frame = encode_frame(SeatCommand{});
  frame[4 + 4 + 2 + 1] = 77;  // after length, magic, version, type: the order
  blue->send_raw(frame);
  ASSERT_TRUE(g.pump({blue.get()}, [&] { return !blue->connected(); }));
  ASSERT_FALSE(blue->refusals().empty());
  const std::string& why = blue->refusals().back();
  EXPECT_NE(why.find("127.0.0.1:"), std::string::npos) << why;
  EXPECT_NE(why.find("command.order"), std::string::npos) << why;
  // The host goes on: another seat joins and is served.
  auto red = g.seat(Role::Red);
  EXPECT_TRUE(g.pump({red.get()}, [&] { return red->picture().has_value(); }));
}

TEST(Seats, OversizedLengthIsRefused) {
  Game g;
  auto blue = g.seat(Role::Blue);
  ASSERT_TRUE(g.pump({blue.get()}, [&] { return blue->picture().has_value(); }));
  blue->send_raw(std::string("\x7f\xff\xff\xff", 4));  // a 2 GiB frame announced
  ASSERT_TRUE(g.pump({blue.get()}, [&] { return !blue->connected(); }));
  ASSERT_FALSE(blue->refusals().empty());
  EXPECT_NE(blue->refusals().back().find("length"), std::string::npos);
  auto again = g.seat(Role::Blue);
  EXPECT_TRUE(g.pump({again.get()}, [&] { return again->picture().has_value(); }));
}

TEST(Seats, FloodIsRefused) {
  HostOptions o = Game::fast();
  o.message_burst = 20;
  o.messages_per_second = 5;
  Game g(o);
  auto red = g.seat(Role::Red);
  ASSERT_TRUE(g.pump({red.get()}, [&] { return red->picture().has_value(); }));
  std::string burst;
  SeatCommand pause;
  pause.order = Order::Pause;
  for (int i = 0; i < 200; ++i) burst += encode_frame(pause);
  red->send_raw(burst);
  ASSERT_TRUE(g.pump({red.get()}, [&] { return !red->connected(); }));
  ASSERT_FALSE(red->refusals().empty());
  EXPECT_NE(red->refusals().back().find("flood"), std::string::npos);
  EXPECT_EQ(g.host.seats(), 0u);
}

TEST(Seats, DroppedSeatRejoinsAndGetsItsPicture) {
  Game g;
  auto blue = g.seat(Role::Blue);
  ASSERT_TRUE(g.pump({blue.get()}, [&] { return g.host.seats() == 1 && blue->picture(); }));
  blue.reset();  // the seat's machine goes away
  ASSERT_TRUE(g.pump({}, [&] { return g.host.seats() == 0; }));
  // The game goes on without it.
  g.host.advance_to(sim::SimTime::at(sim::Duration::hours(3)));
  while (g.rec.run().awaiting_decision()) {
    g.rec.command(sim::doctrine_answer(g.rec.run().pending_decisions().front()));
    g.host.advance_to(sim::SimTime::at(sim::Duration::hours(3)));
  }
  auto again = g.seat(Role::Blue);
  ASSERT_TRUE(g.pump({again.get()}, [&] { return in_sync(*again, g.rec.run(), Cell::Blue); }));
  EXPECT_EQ(again->picture()->picture.now, g.rec.run().now());
  EXPECT_FALSE(again->log().empty());  // the log so far, as Blue may read it
}

TEST(Seats, InjectAndSeekAreWhites) {
  Game g;
  auto blue = g.seat(Role::Blue);
  auto white = g.seat(Role::White);
  const std::vector<Seat*> both{blue.get(), white.get()};
  ASSERT_TRUE(g.pump(both, [&] { return g.host.seats() == 2; }));
  sim::Inject in;
  in.kind = sim::InjectKind::SetUsSupport;
  in.us = sim::UsSupport::Withdrawn;
  blue->inject(in);
  blue->seek(sim::SimTime::start());
  ASSERT_TRUE(g.pump(both, [&] { return blue->refusals().size() == 2; }));
  EXPECT_EQ(g.rec.run().world().us_support, sim::UsSupport::Full);
  white->inject(in);
  ASSERT_TRUE(
      g.pump(both, [&] { return g.rec.run().world().us_support == sim::UsSupport::Withdrawn; }));
  EXPECT_EQ(g.rec.commands().size(), 1u);
  EXPECT_TRUE(white->refusals().empty());
}

// White's seat edits the MSEL (protocol 3): a cancel and a new line, checked, recorded and
// logged like any command, and the new line fires; a Blue seat's edit is refused and logged.
TEST(Seats, WhiteEditsTheMselAndBluesEditIsRefused) {
  Game g;
  auto blue = g.seat(Role::Blue);
  auto white = g.seat(Role::White);
  const std::vector<Seat*> both{blue.get(), white.get()};
  ASSERT_TRUE(g.pump(both, [&] { return g.host.seats() == 2; }));
  ASSERT_FALSE(g.rec.run().scenario().injects.empty());

  blue->cancel_msel(0);
  ASSERT_TRUE(g.pump(both, [&] { return blue->refusals().size() == 1; }));
  EXPECT_EQ(blue->refusals()[0], "editing the MSEL is White's");
  EXPECT_NE(g.console.str().find("refused blue seat 127.0.0.1:"), std::string::npos)
      << g.console.str();
  EXPECT_TRUE(g.rec.commands().empty());
  EXPECT_TRUE(g.rec.run().world().msel_cancelled.empty());

  white->cancel_msel(0);
  sim::Inject line;
  line.kind = sim::InjectKind::SetUsSupport;
  line.us = sim::UsSupport::Withdrawn;
  line.at = sim::Duration::hours(2);
  line.note = "Washington pulls out";
  white->schedule_msel(line);
  ASSERT_TRUE(g.pump(both, [&] { return g.rec.commands().size() == 2; })) << g.console.str();
  EXPECT_TRUE(white->refusals().empty());
  const sim::World& w = g.rec.run().world();
  ASSERT_EQ(w.msel_cancelled, std::vector<std::uint32_t>{0});
  ASSERT_EQ(w.msel_added.size(), 1u);
  EXPECT_EQ(w.msel_added[0].kind, sim::InjectKind::SetUsSupport);
  EXPECT_EQ(w.msel_added[0].us, sim::UsSupport::Withdrawn);
  EXPECT_EQ(g.rec.commands()[1].inject.line_kind, sim::InjectKind::SetUsSupport);
  EXPECT_NE(g.console.str().find("white seat 127.0.0.1:"), std::string::npos);
  EXPECT_NE(g.console.str().find(": cancel MSEL line 0"), std::string::npos) << g.console.str();
  EXPECT_NE(g.console.str().find(": schedule MSEL line set_us_support at D+0 02:00:00"),
            std::string::npos)
      << g.console.str();

  // The line added fires at its time.
  const sim::SimTime later = sim::SimTime::at(sim::Duration::hours(3));
  g.host.advance_to(later);
  while (g.rec.run().awaiting_decision()) {
    g.rec.command(sim::doctrine_answer(g.rec.run().pending_decisions().front()));
    g.host.advance_to(later);
  }
  EXPECT_EQ(g.rec.run().world().us_support, sim::UsSupport::Withdrawn);
}

// A seat of another protocol version is refused, in a frame of its own version that it can
// read, saying which version the host speaks; the host goes on.
TEST(Seats, ASeatOfAnotherProtocolVersionIsRefusedInItsOwnVersion) {
  Game g;
  auto blue = g.seat(Role::Blue);
  ASSERT_TRUE(g.pump({blue.get()}, [&] { return blue->picture().has_value(); }));
  std::string old = encode_frame(SeatCommand{});
  old[4 + 4] = 0;  // after length and magic: the version, big-endian
  old[4 + 5] = 2;
  blue->send_raw(old);
  ASSERT_TRUE(g.pump({}, [&] { return g.host.counters().refused == 1; }));
  EXPECT_NE(g.console.str().find("this host speaks version: expected protocol version " +
                                 std::to_string(kProtocolVersion) + ", got 2"),
            std::string::npos)
      << g.console.str();

  // What the old seat is sent: a version-2 refusal, which decodes once read as its own.
  std::string frame = refusal_frame("why", 2);
  ASSERT_EQ(frame[4 + 5], 2);
  frame[4 + 5] = static_cast<char>(kProtocolVersion);
  const Message m = decode_payload(frame.data() + 4, frame.size() - 4);
  ASSERT_TRUE(std::holds_alternative<Refusal>(m));
  EXPECT_EQ(std::get<Refusal>(m).reason, "why");
  auto red = g.seat(Role::Red);
  EXPECT_TRUE(g.pump({red.get()}, [&] { return red->picture().has_value(); }));
}

// Every kind of inject crosses the wire whole: a surge, a deployment and both MSEL edits.
TEST(Seats, InjectsOfEveryKindRoundTrip) {
  for (std::size_t k = 0; k < sim::kInjectKindCount; ++k) {
    SeatCommand c;
    c.order = Order::Inject;
    c.inject.kind = static_cast<sim::InjectKind>(k);
    if (c.inject.kind == sim::InjectKind::Decide) continue;
    c.inject.at = sim::Duration::hours(5);
    c.inject.unit = 7;
    c.inject.tier = sim::Readiness::FollowOn;
    c.inject.mode = sim::DeployMode::Airlift;
    c.inject.any_nation = false;
    c.inject.nation = 3;
    c.inject.line = 4;
    c.inject.line_kind = sim::InjectKind::Deploy;
    c.inject.note = "n";
    const std::string f = encode_frame(c);
    const Message m = decode_payload(f.data() + 4, f.size() - 4);
    const sim::Inject& in = std::get<SeatCommand>(m).inject;
    EXPECT_EQ(in.kind, c.inject.kind);
    EXPECT_EQ(in.at, c.inject.at);
    EXPECT_EQ(in.unit, 7u);
    EXPECT_EQ(in.tier, sim::Readiness::FollowOn);
    EXPECT_EQ(in.mode, sim::DeployMode::Airlift);
    EXPECT_FALSE(in.any_nation);
    EXPECT_EQ(in.line, 4u);
    EXPECT_EQ(in.line_kind, sim::InjectKind::Deploy);
  }
}

// Between whole pictures (on joining, then every whole_every) a seat is sent what changed;
// what it then holds is still exactly its cell's picture, for fewer bytes.
TEST(Seats, ChangesBetweenWholePicturesKeepASeatInSyncForLess) {
  Game g;
  auto blue = g.seat(Role::Blue);
  const sim::Simulation& run = g.rec.run();
  ASSERT_TRUE(g.pump({blue.get()}, [&] { return in_sync(*blue, run, Cell::Blue); }));
  const std::uint64_t first = g.host.counters().picture_bytes;
  for (int h = 1; h <= 8; ++h) {
    const sim::SimTime t = sim::SimTime::at(sim::Duration::hours(h));
    g.host.advance_to(t);
    while (run.awaiting_decision()) {
      g.rec.command(sim::doctrine_answer(run.pending_decisions().front()));
      g.host.advance_to(t);
    }
    ASSERT_TRUE(g.pump({blue.get()}, [&] { return in_sync(*blue, run, Cell::Blue); }))
        << "hour " << h;
  }
  const HostCounters& c = g.host.counters();
  EXPECT_EQ(c.pictures - c.changes, 1u);  // the first only was whole
  ASSERT_GE(c.changes, 8u);
  const double per_change =
      static_cast<double>(c.picture_bytes - first) / static_cast<double>(c.changes);
  EXPECT_LT(per_change, 0.5 * static_cast<double>(frame_of(picture_of(run, Cell::Blue)).size()));
}

// Applying the change between two pictures of a run gives the later one, byte for byte, after
// crossing the wire: units moved, violations opened and closed, sectors, links.
TEST(Seats, APictureChangeAppliedGivesThePictureAfter) {
  sim::Simulation run(asking_scenario(), theatre());
  auto run_to = [&](sim::SimTime t) {
    run.run_until(t);
    while (run.awaiting_decision()) {
      run.command(sim::doctrine_answer(run.pending_decisions().front()));
      run.run_until(t);
    }
  };
  run_to(sim::SimTime::at(sim::Duration::hours(6)));
  const Picture before = picture_of(run, Cell::White);
  run_to(sim::SimTime::at(sim::Duration::hours(30)));
  const Picture after = picture_of(run, Cell::White);
  const std::optional<PictureDelta> d = delta_between(before, after);
  ASSERT_TRUE(d);
  EXPECT_FALSE(d->units.empty());
  EXPECT_FALSE(d->violations.empty() && d->violations_gone.empty());
  const std::string f = encode_frame(PictureChange{*d, false, 1});
  const Message m = decode_payload(f.data() + 4, f.size() - 4,
                                   {theatre().region_count(), theatre().link_count()});
  Picture held = before;
  apply_delta(held, std::get<PictureChange>(m).delta);
  EXPECT_EQ(frame_of(held), frame_of(after));
  EXPECT_LT(f.size(), frame_of(after).size());
}

TEST(Seats, ProtocolRoundTripsAPicture) {
  sim::Simulation run(asking_scenario(), theatre());
  run.run_until(sim::SimTime::at(sim::Duration::hours(12)));
  for (Cell c : {Cell::White, Cell::Blue, Cell::Red}) {
    const Picture p = picture_of(run, c);
    const std::string frame = frame_of(p);
    const Message m = decode_payload(frame.data() + 4, frame.size() - 4,
                                     {theatre().region_count(), theatre().link_count()});
    const Picture& back = std::get<PictureMessage>(m).picture;
    EXPECT_EQ(back.units.size(), p.units.size());
    EXPECT_EQ(back.violations.size(), p.violations.size());
    EXPECT_EQ(back.now, p.now);
    EXPECT_EQ(frame_of(back), frame);
  }
}

TEST(Seats, DecoderNamesTheFieldOfABadRegion) {
  sim::Simulation run(asking_scenario(), theatre());
  run.run_until(sim::SimTime::at(sim::Duration::hours(12)));
  Picture p = picture_of(run, Cell::Blue);
  ASSERT_GT(p.units.size(), 3u);
  p.units[3].at = static_cast<map::RegionId>(theatre().region_count());
  const std::string frame = frame_of(p);
  try {
    decode_payload(frame.data() + 4, frame.size() - 4,
                   {theatre().region_count(), theatre().link_count()});
    FAIL() << "a region outside the theatre was taken";
  } catch (const ProtocolError& e) {
    EXPECT_EQ(e.field(), "picture.units[3].at");
  }
}

TEST(Seats, DecisionTimesOutToDoctrine) {
  HostOptions o = Game::fast();
  o.decision_limit = 0ms;
  Game g(o);
  g.host.advance_to(sim::SimTime::at(sim::Duration::hours(12)));
  ASSERT_TRUE(g.rec.run().awaiting_decision());
  const std::uint64_t id = g.rec.run().pending_decisions().front().id;
  // First seen at one pass, past its (zero) limit at the next.
  ASSERT_TRUE(g.pump({}, [&] { return g.host.counters().timed_out > 0; }));
  ASSERT_FALSE(g.rec.commands().empty());
  EXPECT_EQ(g.rec.commands().front().inject.decision, id);
  EXPECT_EQ(g.rec.commands().front().inject.note, "timed out: doctrine's answer");
  EXPECT_NE(g.console.str().find("timed out: doctrine's answer"), std::string::npos);
}

}  // namespace
}  // namespace rfsim::play

namespace rfsim::play {
namespace {

std::unique_ptr<Seat> seat_on(Game& g, Role role, std::optional<std::uint64_t> theatre_print) {
  SeatOptions so;
  so.port = g.host.port();
  so.role = role;
  so.code = g.host.code(role);
  so.limits = {theatre().region_count(), theatre().link_count()};
  so.theatre = theatre_print;
  so.theatre_name = "a seat's test theatre";
  auto s = std::make_unique<Seat>(so);
  s->connect(5s);
  return s;
}

TEST(Seats, TheWelcomeNamesTheTheatreAndASeatOnAnotherRefuses) {
  Game g;
  const std::uint64_t ours = saves::theatre_fingerprint(theatre());
  auto same = seat_on(g, Role::Blue, ours);
  ASSERT_TRUE(g.pump({same.get()}, [&] { return same->picture().has_value(); }));
  EXPECT_EQ(same->welcome()->theatre, ours);
  EXPECT_EQ(same->welcome()->theatre_name,
            theatre_name(theatre().region_count(), theatre().link_count()));
  EXPECT_EQ(same->welcome()->nations.size(), g.rec.run().scenario().nations.size());
  EXPECT_FALSE(same->welcome()->may_note);  // Blue takes no notes

  auto other = seat_on(g, Role::Red, ours ^ 1);
  try {
    g.pump({other.get()}, [&] { return false; });
    FAIL() << "a seat on another theatre took the host's welcome";
  } catch (const TheatreMismatch& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(theatre_name(theatre().region_count(), theatre().link_count())),
              std::string::npos)
        << what;
    EXPECT_NE(what.find("a seat's test theatre"), std::string::npos) << what;
  }
  EXPECT_FALSE(other->connected());
  EXPECT_FALSE(other->picture().has_value()) << "the seat kept a picture it cannot draw";
}

TEST(Seats, NotesFromObserversAreTakenWhenTheHostAllowsThem) {
  Game g;
  auto observer = g.seat(Role::Observer);
  auto blue = g.seat(Role::Blue);
  const std::vector<Seat*> both{observer.get(), blue.get()};
  ASSERT_TRUE(g.pump(both, [&] { return observer->picture() && blue->picture(); }));
  EXPECT_TRUE(observer->welcome()->may_note);
  SeatNote n;
  n.title = "Patrol gap";
  n.text = "No sensor over Kharkiv";
  n.place = static_cast<std::uint8_t>(saves::NotePlace::Region);
  n.region = theatre().require("kharkiv");
  observer->note(n);
  blue->note(n);  // Blue may not: its note would be read past the fog of war
  ASSERT_TRUE(g.pump(both, [&] { return !blue->refusals().empty() && g.rec.notes().size() == 1; }))
      << g.console.str();
  const saves::Note& kept = g.rec.notes().front();
  EXPECT_EQ(kept.title, "Patrol gap");
  EXPECT_EQ(kept.author, saves::NoteAuthor::Observer);
  EXPECT_EQ(kept.region, theatre().require("kharkiv"));
  EXPECT_NE(blue->refusals().back().find("notes"), std::string::npos);
  // A note that does not fit the game is refused, and the seat stays.
  n.place = static_cast<std::uint8_t>(saves::NotePlace::Region);
  n.region = 1'000'000;
  observer->note(n);
  ASSERT_TRUE(g.pump(both, [&] { return !observer->refusals().empty(); }));
  EXPECT_EQ(g.rec.notes().size(), 1u);
  EXPECT_TRUE(observer->connected());
  EXPECT_EQ(g.host.counters().notes, 1u);
}

TEST(Seats, AHostMayRefuseObserversNotes) {
  HostOptions o = Game::fast();
  o.observer_notes = false;
  Game g(o);
  auto observer = g.seat(Role::Observer);
  ASSERT_TRUE(g.pump({observer.get()}, [&] { return observer->picture().has_value(); }));
  EXPECT_FALSE(observer->welcome()->may_note);
  SeatNote n;
  n.title = "not taken";
  observer->note(n);
  ASSERT_TRUE(g.pump({observer.get()}, [&] { return !observer->refusals().empty(); }));
  EXPECT_TRUE(g.rec.notes().empty());
}

TEST(Seats, ADecisionTakenByWhiteIsToldToTheCellThatWasOfferedIt) {
  Game g;
  auto blue = g.seat(Role::Blue);
  auto white = g.seat(Role::White);
  const std::vector<Seat*> both{blue.get(), white.get()};
  const sim::Simulation& run = g.rec.run();
  for (int h = 1; h < 72 && !(run.awaiting_decision() &&
                              run.pending_decisions().front().kind != sim::Decision::Kind::RedStep);
       ++h) {
    while (run.awaiting_decision() &&
           run.pending_decisions().front().kind == sim::Decision::Kind::RedStep) {
      const sim::Decision& d = run.pending_decisions().front();
      white->answer(d.id, d.doctrine);
      const std::uint64_t id = d.id;
      ASSERT_TRUE(g.pump(both, [&] {
        return run.pending_decisions().empty() || run.pending_decisions().front().id != id;
      }));
    }
    if (run.awaiting_decision()) break;
    g.host.advance_to(sim::SimTime::at(sim::Duration::hours(h)));
  }
  ASSERT_TRUE(run.awaiting_decision());
  const sim::Decision d = run.pending_decisions().front();
  ASSERT_TRUE(g.pump(both, [&] { return in_sync(*blue, run, Cell::Blue); }));
  white->answer(d.id, d.doctrine);
  const std::string word = "decision " + std::to_string(d.id) + " answered by the white seat";
  auto told = [&] {
    return std::any_of(blue->log().begin(), blue->log().end(), [&](const LogLine& l) {
      return l.kind == sim::TraceKind::Decision && l.text.rfind(word, 0) == 0;
    });
  };
  ASSERT_TRUE(g.pump(both, told)) << g.console.str();
  // White answered it itself: it is not told.
  EXPECT_TRUE(std::none_of(white->log().begin(), white->log().end(),
                           [&](const LogLine& l) { return l.text.rfind(word, 0) == 0; }));
}

TEST(Seats, ADroppedSeatRejoinsAndIsSentItsPictureAgain) {
  Game g;
  auto blue = g.seat(Role::Blue);
  ASSERT_TRUE(g.pump({blue.get()}, [&] { return blue->picture().has_value(); }));
  g.host.advance_to(sim::SimTime::at(sim::Duration::hours(2)));
  // A packet that does not decode: the host drops the seat, and the game goes on.
  blue->send_raw(std::string("\0\0\0\x04junk", 8));
  ASSERT_TRUE(g.pump({blue.get()}, [&] { return !blue->connected(); })) << g.console.str();
  EXPECT_EQ(g.host.seats(), 0u);
  const std::uint64_t at_drop = blue->pictures_received();
  g.host.advance_to(sim::SimTime::at(sim::Duration::hours(3)));
  blue->connect(5s);  // the same seat again: what a window does after a cut
  ASSERT_TRUE(g.pump({blue.get()}, [&] {
    return blue->pictures_received() > at_drop && in_sync(*blue, g.rec.run(), Cell::Blue);
  })) << g.console.str();
  EXPECT_TRUE(blue->connected());
  EXPECT_EQ(g.host.seats(), 1u);
}

}  // namespace
}  // namespace rfsim::play
