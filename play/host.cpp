// The host's loop: the listener and the seats' sockets (non-blocking, one selector), each
// seat's frames checked and budgeted, orders checked against the seat's cell and applied
// through the recording, pictures and log lines sent per cell, decisions timed out.
#include "play/host.hpp"

#include <SFML/Network/IpAddress.hpp>
#include <SFML/Network/SocketSelector.hpp>
#include <SFML/Network/TcpListener.hpp>
#include <SFML/Network/TcpSocket.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <map>
#include <ostream>
#include <random>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "play/log_view.hpp"
#include "play/picture.hpp"
#include "play/picture_delta.hpp"
#include "saves/notes.hpp"
#include "saves/snapshot.hpp"
#include "sim/sensors.hpp"

namespace rfsim::play {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kReadChunk = 64 * 1024;
constexpr std::size_t kLogOnJoin = 2000;  // the last lines a joining seat is sent
constexpr std::size_t kEventsKept = 500;  // the host's last lines, for its window

// 6 characters from an alphabet without look-alikes (0/O, 1/I/L), from the operating
// system's entropy: codes are not part of the game, so they need not be reproducible.
std::string make_code(std::random_device& rd) {
  static constexpr std::string_view kAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
  std::string code;
  for (int i = 0; i < 6; ++i) code.push_back(kAlphabet[pick(rd)]);
  return code;
}

// What an MSEL edit does, for the host's console and window.
std::string msel_words(const sim::Inject& in) {
  if (in.kind == sim::InjectKind::CancelMsel) return "cancel MSEL line " + std::to_string(in.line);
  std::string s = "schedule MSEL line " + std::string(sim::to_string(in.line_kind)) + " at " +
                  sim::format_clock(sim::SimTime::at(in.at));
  if (in.line != sim::Inject::kNoLine) s += " replacing line " + std::to_string(in.line);
  return s;
}

std::string log_text(const sim::TraceRecord& r, const sim::Scenario& scenario,
                     const SensorBook& sensors) {
  std::string s(sim::to_string(r.kind));
  if (!r.detail.empty()) s += ": " + r.detail;
  // Only White's and Blue's logs hold reports (play::LogView): the sensor is theirs to know.
  if (r.kind == sim::TraceKind::Detected) {
    if (const SensorBook::Entry* e = sensors.find(r.violation, r.time)) {
      s += "; reported by " + sim::sensor_words(scenario, e->sensor, e->unit);
    }
  }
  return s;
}

}  // namespace

bool may_answer(Role role, std::optional<std::uint32_t> nation, const sim::Decision& d,
                const sim::Simulation& run, const std::vector<bool>& nation_seated) {
  using Kind = sim::Decision::Kind;
  switch (role) {
    case Role::White:
      return true;
    case Role::Red:
      return d.kind == Kind::RedStep;
    case Role::Observer:
      return false;
    case Role::Blue:
      break;
  }
  if (d.kind == Kind::RedStep) return false;
  const bool national = d.kind == Kind::Approval || d.kind == Kind::Combat || d.kind == Kind::Surge;
  std::optional<std::uint32_t> of;  // the nation whose approval it is
  if (national && d.unit < run.scenario().units.size()) of = run.scenario().units[d.unit].nation;
  if (d.kind == Kind::Surge && d.nation < run.scenario().nations.size()) of = d.nation;
  if (nation) return national && of == nation;
  // HQ: its tasking, and the approvals of nations nobody sits for.
  return !national || !of || *of >= nation_seated.size() || !nation_seated[*of];
}

// `rfsim host --headless`: the host's own door into a recording, with its own clock and log.
class RecordingDoor final : public GameDoor, public sim::TraceSink {
 public:
  RecordingDoor(saves::Recording& g, bool paused, double speed)
      : game(g), paused_(paused), speed_(speed) {
    // The log so far (a save opened at its start has none), then every record as it comes.
    for (const saves::TraceEntry& e : game.trace()) {
      if (e.record.time > run().now()) break;
      log_.push_back(e.record);
      sensors_.note(e.record, run().world());
    }
    game.set_trace(this);
  }
  ~RecordingDoor() override { game.set_trace(nullptr); }
  RecordingDoor(const RecordingDoor&) = delete;
  RecordingDoor& operator=(const RecordingDoor&) = delete;

  void record(const sim::TraceRecord& r) override {
    sensors_.note(r, run().world());  // while seeking too: the log rebuilt will not have it
    if (!quiet_) log_.push_back(r);
  }
  const sim::Simulation& run() const override { return game.run(); }
  const saves::Recording& recording() const override { return game; }
  std::string command(const sim::Inject& in) override {
    game.run_until(run().now());  // after every event at this instant, as a replay would
    if (std::string why = run().check(in); !why.empty()) return why;
    game.command(in);
    sensors_.forget_after(run().now());  // the game after now is another one
    return {};
  }
  void seek(sim::SimTime t) override {
    quiet_ = true;
    game.seek(t);
    quiet_ = false;
    // The log from the recording's trace, up to the cursor: a keyframe skips records.
    const std::uint64_t executed = run().world().loop.executed();
    log_.clear();
    for (const saves::TraceEntry& e : game.trace()) {
      if (e.executed > executed || e.record.time > run().now()) break;
      log_.push_back(e.record);
      sensors_.note(e.record, run().world());  // a violation still open at the cursor
    }
    ++generation_;
    carry_ms = 0;
  }
  void add_note(saves::Note n) override { game.add_note(std::move(n)); }
  const std::vector<sim::TraceRecord>& log() const override { return log_; }
  std::uint64_t log_generation() const override { return generation_; }
  const SensorBook& sensors() const override { return sensors_; }
  bool paused() const override { return paused_; }
  void set_paused(bool p) override { paused_ = p; }
  double speed() const override { return speed_; }
  void set_speed(double s) override { speed_ = s; }

  saves::Recording& game;
  double carry_ms = 0;

 private:
  std::vector<sim::TraceRecord> log_;
  SensorBook sensors_;
  std::uint64_t generation_ = 0;
  bool quiet_ = false;
  bool paused_ = false;
  double speed_ = 3600;
};

struct Host::Impl {
  struct Peer {
    std::unique_ptr<sf::TcpSocket> socket;
    std::string name;  // ip:port, for every message about it
    FrameReader in{kMaxSeatMessage};
    std::string out;  // bytes queued, from out_at on
    std::size_t out_at = 0;
    Clock::time_point connected;
    std::chrono::system_clock::time_point joined_at, last_heard;  // for the host's window
    bool joined = false;
    bool closing = false;  // drop once the queue (a refusal) is sent, or at once if it cannot be
    Clock::time_point closing_since;
    Role role = Role::Observer;
    std::optional<std::uint32_t> nation;
    std::string nation_code;
    Cell sees = Cell::White;
    double tokens = 0;
    Clock::time_point refilled;
    Clock::time_point last_picture{};
    std::uint64_t picture_version = 0;  // the host's version_ when last sent a picture
    std::optional<Picture> sent;        // the picture the seat holds, for the next change
    Clock::time_point whole_at{};       // when it was last sent a whole picture
    std::string last_picture_frame;     // to send nothing when nothing a cell sees changed
    std::optional<LogView> view;
    std::size_t log_at = 0;  // records of the host's log judged for this seat
    bool log_restart = false;

    std::string label() const {
      std::string s(to_string(role));
      if (!nation_code.empty()) s += " (" + nation_code + ")";
      return s + " seat " + name;
    }
  };

  Impl(std::unique_ptr<RecordingDoor> own_door, GameDoor& d, HostOptions o, std::ostream& c)
      : own(std::move(own_door)), door(d), options(o), console(c) {}

  std::unique_ptr<RecordingDoor> own;  // headless: the host's own door into its recording
  GameDoor& door;
  HostOptions options;
  std::ostream& console;
  sf::TcpListener listener;
  sf::SocketSelector selector;
  std::vector<std::unique_ptr<Peer>> peers;
  std::array<std::string, kRoleCount> codes;
  std::uint64_t version = 1;  // bumps when anything a picture shows may have changed
  // What the game showed at the last pass: a change (the window playing, stepping back,
  // giving a command) bumps `version`, whoever moved it.
  struct Seen {
    std::int64_t now = -1;
    std::uint64_t executed = 0;
    std::size_t log = 0;
    std::uint64_t generation = 0;
    std::size_t commands = 0;
    std::size_t pending = 0;
    bool paused = false;
    double speed = 0;
    bool operator==(const Seen&) const = default;
  };
  Seen seen;
  std::unordered_map<std::uint64_t, Clock::time_point> asked;  // decision id: first seen
  HostCounters counters;
  std::deque<HostEvent> events;

  const sim::Simulation& run() const { return door.run(); }
  const std::vector<sim::TraceRecord>& log() const { return door.log(); }

  void say(const std::string& line, bool refusal = false) {
    console << line << std::endl;
    events.push_back({std::chrono::system_clock::now(), refusal, line});
    if (events.size() > kEventsKept) events.pop_front();
    ++counters.events;
  }

  // Notices what changed in the game since the last pass; a rebuilt log (a seek, a step back,
  // a fork in the window) is sent again to every seat.
  void look() {
    const sim::Simulation& r = run();
    Seen now{r.now().ms(),
             r.world().loop.executed(),
             log().size(),
             door.log_generation(),
             door.recording().commands().size(),
             r.pending_decisions().size(),
             door.paused(),
             door.speed()};
    if (now == seen) return;
    if (now.generation != seen.generation) {
      for (auto& q : peers) {
        if (!q->joined) continue;
        q->view->reset();
        q->log_at = 0;
        q->log_restart = true;
      }
    }
    seen = now;
    ++version;
  }

  // Whether `bytes` more fit the seat's send queue; if not, the seat is a slow reader and is
  // dropped (it can rejoin and be sent its picture again).
  bool fits(Peer& p, std::size_t bytes) {
    if (p.out.size() - p.out_at + bytes <= options.send_queue_limit) return true;
    ++counters.dropped;
    say("dropped " + p.label() + ": a slow reader (" + std::to_string(p.out.size() - p.out_at) +
        " bytes not yet taken); it can rejoin");
    close(p);
    p.out.clear();
    p.out_at = 0;
    return false;
  }

  void close(Peer& p) {
    if (!p.closing) p.closing_since = Clock::now();
    p.closing = true;
  }

  void queue(Peer& p, const Message& m) {
    if (p.closing) return;
    const std::string frame = encode_frame(m);
    if (fits(p, frame.size())) p.out += frame;
  }

  // Refused and logged; `drop` closes the connection once the refusal has gone out.
  void refuse(Peer& p, const std::string& why, bool drop) {
    ++counters.refused;
    say("refused " + (p.joined ? p.label() : p.name) + ": " + why, true);
    queue(p, Refusal{why});
    if (drop) {
      ++counters.dropped;
      close(p);
    }
  }

  void accept() {
    for (;;) {
      auto socket = std::make_unique<sf::TcpSocket>();
      if (listener.accept(*socket) != sf::Socket::Done) return;
      auto p = std::make_unique<Peer>();
      p->name =
          socket->getRemoteAddress().toString() + ":" + std::to_string(socket->getRemotePort());
      socket->setBlocking(false);
      p->socket = std::move(socket);
      p->connected = Clock::now();
      p->tokens = options.message_burst;
      p->refilled = p->connected;
      if (peers.size() >= options.max_peers) {
        ++counters.refused;
        say("refused " + p->name + ": " + std::to_string(options.max_peers) +
                " connections already",
            true);
        continue;  // closed as it goes out of scope
      }
      selector.add(*p->socket);
      peers.push_back(std::move(p));
    }
  }

  void read(Peer& p) {
    char buffer[kReadChunk];
    for (int round = 0; round < 16 && !p.closing; ++round) {
      std::size_t got = 0;
      const sf::Socket::Status s = p.socket->receive(buffer, sizeof buffer, got);
      if (s == sf::Socket::Disconnected || s == sf::Socket::Error) {
        say((p.joined ? p.label() : p.name) + " left");
        close(p);
        p.out.clear();
        p.out_at = 0;
        return;
      }
      if (s != sf::Socket::Done && s != sf::Socket::Partial) break;
      p.last_heard = std::chrono::system_clock::now();
      p.in.feed(buffer, got);
      try {
        while (std::optional<std::string> payload = p.in.next()) {
          if (!spend(p)) return;
          handle(p, decode_payload(payload->data(), payload->size()));
          if (p.closing) return;
        }
      } catch (const VersionMismatch& e) {
        // Said in the seat's own version, which it can read (an old seat, or a newer one).
        const std::string why = std::string("this host speaks ") + e.what();
        ++counters.refused;
        ++counters.dropped;
        say("refused " + p.name + ": " + why, true);
        p.out += refusal_frame(why, e.version());
        close(p);
        return;
      } catch (const ProtocolError& e) {
        refuse(p, "malformed packet from " + p.name + ": " + e.what(), true);
        return;
      }
    }
  }

  // The per-seat message budget: a token bucket, so that a burst is fine and a flood is not.
  bool spend(Peer& p) {
    const Clock::time_point now = Clock::now();
    const double seconds = std::chrono::duration<double>(now - p.refilled).count();
    p.refilled = now;
    p.tokens = std::min(options.message_burst, p.tokens + seconds * options.messages_per_second);
    if (p.tokens < 1) {
      refuse(p,
             "flood from " + p.name + ": more than " +
                 std::to_string(static_cast<int>(options.message_burst)) + " messages at once or " +
                 std::to_string(static_cast<int>(options.messages_per_second)) + " a second",
             true);
      return false;
    }
    p.tokens -= 1;
    return true;
  }

  void handle(Peer& p, const Message& m) {
    if (const auto* hello = std::get_if<Hello>(&m)) return join(p, *hello);
    if (!p.joined) return refuse(p, "a hello with a join code first", true);
    if (const auto* c = std::get_if<SeatCommand>(&m)) return order(p, *c);
    if (const auto* n = std::get_if<SeatNote>(&m)) return note(p, *n);
    refuse(p, "a seat sends hellos, commands and notes only", false);
  }

  bool may_note(const Peer& p) const {
    return p.role == Role::White || (p.role == Role::Observer && options.observer_notes);
  }

  // A seat's note at the game's time now, checked like a note from the window.
  void note(Peer& p, const SeatNote& m) {
    if (!may_note(p)) {
      return refuse(p,
                    p.role == Role::Observer ? "this host takes no notes from observers"
                                             : "only White and observers take notes",
                    false);
    }
    saves::Note n;
    n.at = run().now();
    n.title = m.title;
    n.text = m.text;
    n.place = static_cast<saves::NotePlace>(m.place);
    n.lon = m.lon;
    n.lat = m.lat;
    n.region = m.region;
    n.author = p.role == Role::White ? saves::NoteAuthor::White : saves::NoteAuthor::Observer;
    try {
      door.add_note(n);
    } catch (const std::invalid_argument& e) {
      return refuse(p, std::string("note: ") + e.what(), false);
    }
    ++counters.notes;
    say(p.label() + ": note \"" + n.title + "\" at " + sim::format_clock(n.at));
  }

  std::vector<bool> nations_seated() const {
    std::vector<bool> seated(run().scenario().nations.size(), false);
    for (const auto& q : peers) {
      if (q->joined && !q->closing && q->nation && *q->nation < seated.size()) {
        seated[*q->nation] = true;
      }
    }
    return seated;
  }

  void join(Peer& p, const Hello& h) {
    if (p.joined) return refuse(p, "this seat has joined already", false);
    // The same answer whether the code is another role's or nobody's: a code names its role.
    if (h.code != codes[static_cast<std::size_t>(h.role)]) {
      return refuse(p, "wrong join code for a " + std::string(to_string(h.role)) + " seat", true);
    }
    if (!h.nation.empty()) {
      if (h.role != Role::Blue) return refuse(p, "only a blue seat answers for a nation", true);
      const auto& nations = run().scenario().nations;
      const auto it = std::find_if(nations.begin(), nations.end(),
                                   [&](const sim::Nation& n) { return n.code == h.nation; });
      if (it == nations.end() || it->side == sim::Side::Russia) {
        return refuse(p, "no coalition nation " + h.nation + " in this scenario", true);
      }
      p.nation = static_cast<std::uint32_t>(it - nations.begin());
      p.nation_code = h.nation;
    }
    p.joined = true;
    p.joined_at = std::chrono::system_clock::now();
    p.role = h.role;
    p.sees = h.role == Role::Blue    ? Cell::Blue
             : h.role == Role::Red   ? Cell::Red
             : h.role == Role::White ? Cell::White
                                     : options.observers_see;
    p.view.emplace(p.sees);
    p.log_at = 0;
    p.log_restart = true;
    p.picture_version = 0;
    p.last_picture_frame.clear();
    p.last_picture = {};
    p.sent.reset();  // a (re)joining seat is sent its picture whole
    ++counters.joined;
    say(p.label() + " joined (sees " + std::string(to_string(p.sees)) + "'s picture)");
    Welcome w;
    w.role = p.role;
    w.sees = p.sees;
    w.nation = p.nation_code;
    w.scenario = run().scenario().name;
    const map::Theatre& th = run().theatre();
    w.theatre = saves::theatre_fingerprint(th);
    w.theatre_name = theatre_name(th.region_count(), th.link_count());
    for (const sim::Nation& n : run().scenario().nations) w.nations.push_back(n.code);
    w.may_note = may_note(p);
    queue(p, w);
  }

  void apply(Peer& p, sim::Inject in, const std::string& what) {
    if (in.note.empty()) in.note = p.label().substr(0, p.label().find(" seat")) + " seat";
    if (const std::string why = door.command(in); !why.empty()) {
      return refuse(p, what + ": " + why, false);
    }
    ++counters.commands;
    ++version;
    say(p.label() + ": " + what);
  }

  void order(Peer& p, const SeatCommand& c) {
    if (p.role == Role::Observer) return refuse(p, "an observer gives no orders", false);
    switch (c.order) {
      case Order::Answer: {
        const auto& pending = run().pending_decisions();
        const auto it = std::find_if(pending.begin(), pending.end(),
                                     [&](const sim::Decision& d) { return d.id == c.decision; });
        if (it == pending.end()) {
          return refuse(p, "decision " + std::to_string(c.decision) + " is not pending", false);
        }
        if (!may_answer(p.role, p.nation, *it, run(), nations_seated())) {
          return refuse(p, "decision " + std::to_string(c.decision) + " is not this seat's", false);
        }
        sim::Inject in;
        in.kind = sim::InjectKind::Decide;
        in.decision = c.decision;
        in.option = c.option;
        const sim::Decision asked = *it;
        const std::uint64_t before = counters.commands;
        apply(p, in,
              "answered decision " + std::to_string(c.decision) + " with option " +
                  std::to_string(c.option));
        if (counters.commands != before) {
          tell_decided(
              asked, "answered by the " + p.label() + " (option " + std::to_string(c.option) + ")",
              &p);
        }
        return;
      }
      case Order::Pause:
        door.set_paused(true);
        ++version;
        return say(p.label() + ": pause");
      case Order::Resume:
        door.set_paused(false);
        ++version;
        return say(p.label() + ": resume");
      case Order::Speed:
        door.set_speed(c.speed);
        ++version;
        return say(p.label() + ": speed " + std::to_string(static_cast<long long>(c.speed)));
      case Order::Inject: {
        const bool msel = c.inject.kind == sim::InjectKind::CancelMsel ||
                          c.inject.kind == sim::InjectKind::ScheduleMsel;
        if (p.role != Role::White) {
          return refuse(p, msel ? "editing the MSEL is White's" : "injects are White's", false);
        }
        return apply(
            p, c.inject,
            msel ? msel_words(c.inject) : "inject " + std::string(sim::to_string(c.inject.kind)));
      }
      case Order::Seek:
        if (p.role != Role::White) return refuse(p, "seeking is White's", false);
        if (c.seek_to > door.recording().end()) {
          return refuse(
              p, "seek: the game reaches " + sim::format_clock(door.recording().end()) + " only",
              false);
        }
        door.seek(c.seek_to);
        look();
        return say(p.label() + ": seek to " + sim::format_clock(c.seek_to));
    }
  }

  // The seats whose cell was offered a decision learn who took it from them, so that their
  // window can say why it went (a Blue seat reads no injects in its log).
  void tell_decided(const sim::Decision& d, const std::string& how, const Peer* by) {
    LogLines lines;
    lines.lines.push_back(
        {run().now(), sim::TraceKind::Decision, "decision " + std::to_string(d.id) + " " + how});
    for (auto& q : peers) {
      if (q.get() == by || !q->joined || q->closing || q->role == Role::Observer) continue;
      if (owns(q->sees, d)) queue(*q, lines);
    }
  }

  void time_out_decisions() {
    if (!options.decision_limit) return;
    const Clock::time_point now = Clock::now();
    std::vector<sim::Inject> due;
    std::vector<sim::Decision> due_asked;
    for (const sim::Decision& d : run().pending_decisions()) {
      const auto [it, fresh] = asked.try_emplace(d.id, now);
      if (!fresh && now - it->second >= *options.decision_limit) {
        sim::Inject in = sim::doctrine_answer(d);
        in.note = "timed out: doctrine's answer";
        due.push_back(in);
        due_asked.push_back(d);
      }
    }
    // Forget decisions answered since (by a seat or White), so that the map stays small.
    std::erase_if(asked, [&](const auto& entry) {
      const auto& pending = run().pending_decisions();
      return std::none_of(pending.begin(), pending.end(),
                          [&](const sim::Decision& d) { return d.id == entry.first; });
    });
    for (std::size_t i = 0; i < due.size(); ++i) {
      const sim::Inject& in = due[i];
      if (!door.command(in).empty()) continue;
      asked.erase(in.decision);
      tell_decided(due_asked[i],
                   "timed out: doctrine's answer (option " + std::to_string(in.option) + ")",
                   nullptr);
      ++counters.timed_out;
      ++version;
      say("decision " + std::to_string(in.decision) + " timed out: doctrine's answer (option " +
          std::to_string(in.option) + ")");
    }
  }

  void send_updates() {
    const Clock::time_point now = Clock::now();
    // This pass's picture per cell, and its whole frame.
    std::array<std::optional<std::pair<Picture, std::string>>, 3> cells;
    for (auto& q : peers) {
      Peer& p = *q;
      if (!p.joined || p.closing) continue;
      if (p.picture_version == version || now - p.last_picture < options.picture_every) continue;
      auto& cell = cells[static_cast<std::size_t>(p.sees)];
      if (!cell) {
        Picture pic = picture_of(run(), p.sees);
        std::string whole = encode_frame(PictureMessage{pic, door.paused(), door.speed()});
        cell.emplace(std::move(pic), std::move(whole));
      }
      const auto& [picture, whole] = *cell;
      p.picture_version = version;
      p.last_picture = now;
      if (whole != p.last_picture_frame) {
        // A change to what the seat holds, unless a whole picture is due (every whole_every,
        // and after joining) or will do better.
        std::string frame;
        if (p.sent && now - p.whole_at < options.whole_every) {
          if (std::optional<PictureDelta> d = delta_between(*p.sent, picture)) {
            frame = encode_frame(PictureChange{std::move(*d), door.paused(), door.speed()});
          }
        }
        const bool change = !frame.empty() && frame.size() < whole.size();
        if (!change) frame = whole;
        if (!fits(p, frame.size())) continue;
        p.out += frame;
        counters.picture_bytes += frame.size();
        p.last_picture_frame = whole;
        p.sent = picture;
        if (change) {
          ++counters.changes;
        } else {
          p.whole_at = now;
        }
        ++counters.pictures;
      }
      send_log(p);
      flush(p);  // now, not after the other cells' pictures (Red's and White's cost ms each)
    }
  }

  void send_log(Peer& p) {
    LogLines lines;
    lines.restart = p.log_restart;
    std::vector<const sim::TraceRecord*> admitted;
    const std::vector<sim::TraceRecord>& all = log();
    for (; p.log_at < all.size(); ++p.log_at) {
      if (p.view->admits(all[p.log_at])) admitted.push_back(&all[p.log_at]);
    }
    // A seat (re)joining a long game is sent the last lines only.
    const std::size_t first =
        p.log_restart && admitted.size() > kLogOnJoin ? admitted.size() - kLogOnJoin : 0;
    for (std::size_t i = first; i < admitted.size(); ++i) {
      lines.lines.push_back({admitted[i]->time, admitted[i]->kind,
                             log_text(*admitted[i], run().scenario(), door.sensors())});
    }
    if (lines.lines.empty() && !lines.restart) return;
    p.log_restart = false;
    queue(p, lines);
  }

  void flush(Peer& p) {
    while (p.out_at < p.out.size()) {
      std::size_t sent = 0;
      const sf::Socket::Status s =
          p.socket->send(p.out.data() + p.out_at, p.out.size() - p.out_at, sent);
      p.out_at += sent;
      counters.bytes_sent += sent;
      if (s == sf::Socket::Disconnected || s == sf::Socket::Error) {
        if (!p.closing) say((p.joined ? p.label() : p.name) + " left");
        close(p);
        p.out.clear();
        p.out_at = 0;
        return;
      }
      if (s != sf::Socket::Done) break;  // NotReady or Partial: the rest at the next pass
    }
    if (p.out_at == p.out.size()) {
      p.out.clear();
      p.out_at = 0;
    } else if (p.out_at > (1 << 20)) {
      p.out.erase(0, p.out_at);
      p.out_at = 0;
    }
  }

  void sweep() {
    const Clock::time_point now = Clock::now();
    for (auto& q : peers) {
      if (!q->joined && !q->closing && now - q->connected > options.hello_within) {
        refuse(*q, "no hello within " + std::to_string(options.hello_within.count()) + " s", true);
      }
    }
    std::erase_if(peers, [&](const std::unique_ptr<Peer>& q) {
      // A closing seat goes once its refusal is out (or at once when it cannot take it).
      if (!q->closing) return false;
      if (q->out_at < q->out.size() && now - q->closing_since < std::chrono::seconds(2)) {
        return false;
      }
      selector.remove(*q->socket);
      q->socket->disconnect();
      return true;
    });
  }
};

Host::Host(saves::Recording& game, HostOptions options, std::ostream& console) {
  auto own = std::make_unique<RecordingDoor>(game, options.paused, options.speed);
  GameDoor& door = *own;
  impl_ = std::make_unique<Impl>(std::move(own), door, options, console);
  start();
}

Host::Host(GameDoor& door, HostOptions options, std::ostream& console)
    : impl_(std::make_unique<Impl>(nullptr, door, options, console)) {
  start();
}

void Host::start() {
  Impl& h = *impl_;
  if (h.listener.listen(h.options.port) != sf::Socket::Done) {
    throw ListenError("cannot listen on port " + std::to_string(h.options.port) +
                      " (in use, or below 1024 without privileges)");
  }
  h.listener.setBlocking(false);
  h.selector.add(h.listener);
  std::random_device rd;
  for (std::string& c : h.codes) {
    do {
      c = make_code(rd);
    } while (std::count(h.codes.begin(), h.codes.end(), c) > 1);
  }
  h.look();
}

Host::~Host() {
  for (auto& p : impl_->peers) p->socket->disconnect();
}

std::uint16_t Host::port() const {
  return impl_->listener.getLocalPort();
}
const std::string& Host::code(Role role) const {
  return impl_->codes.at(static_cast<std::size_t>(role));
}

void Host::poll(std::chrono::milliseconds wait) {
  Impl& h = *impl_;
  // Wait only when nothing is queued to go out: a queue is flushed at every pass.
  const bool pending_out = std::any_of(h.peers.begin(), h.peers.end(),
                                       [](const auto& p) { return p->out_at < p->out.size(); });
  // sf::Time::Zero would wait forever: no wait is a microsecond's.
  const auto ms = pending_out ? 0 : wait.count();
  h.selector.wait(ms > 0 ? sf::milliseconds(static_cast<sf::Int32>(ms)) : sf::microseconds(1));
  h.accept();
  for (std::size_t i = 0; i < h.peers.size(); ++i) {
    if (!h.peers[i]->closing) h.read(*h.peers[i]);
  }
  h.time_out_decisions();
  h.look();
  h.send_updates();
  for (auto& p : h.peers) {
    if (p->out_at < p->out.size()) h.flush(*p);
  }
  h.sweep();
}

void Host::play(double wall_seconds, std::chrono::microseconds budget) {
  Impl& h = *impl_;
  if (!h.own) throw std::logic_error("Host::play: the window hosting this game plays it");
  RecordingDoor& d = *h.own;
  if (d.paused() || d.run().awaiting_decision()) {
    d.carry_ms = 0;
    return;
  }
  const auto deadline = Clock::now() + budget;
  d.carry_ms += std::max(0.0, wall_seconds * d.speed() * 1000.0);
  const double whole = std::floor(d.carry_ms);
  d.carry_ms -= whole;
  const sim::SimTime target =
      std::min(d.run().now() + sim::Duration::ms(static_cast<std::int64_t>(whole)), d.run().end());
  for (int n = 1; !d.run().awaiting_decision(); ++n) {
    const std::optional<sim::SimTime> next = d.run().next_event_time();
    if (!next || *next > target) {
      d.game.run_until(target);
      break;
    }
    if (!d.game.step()) break;
    // A model slower than the speed asked lags behind rather than hold up the network.
    if (n % 16 == 0 && Clock::now() >= deadline) break;
  }
  h.look();
}

void Host::advance_to(sim::SimTime t) {
  Impl& h = *impl_;
  if (!h.own) throw std::logic_error("Host::advance_to: the window hosting this game plays it");
  RecordingDoor& d = *h.own;
  t = std::min(t, d.run().end());
  while (d.run().now() < t && !d.run().awaiting_decision()) {
    const std::optional<sim::SimTime> next = d.run().next_event_time();
    if (!next || *next > t) {
      d.game.run_until(t);
      break;
    }
    if (!d.game.step()) break;
  }
  h.look();
  ++h.version;
}

void Host::farewell(std::chrono::milliseconds within) {
  Impl& h = *impl_;
  h.options.picture_every = std::chrono::milliseconds(0);
  ++h.version;
  h.send_updates();
  for (auto& p : h.peers) {
    if (p->joined) h.queue(*p, Refusal{std::string(kHostClosed)});
  }
  const auto end = Clock::now() + within;
  while (Clock::now() < end) {
    bool left = false;
    for (auto& p : h.peers) {
      if (p->out_at < p->out.size()) h.flush(*p);
      left = left || p->out_at < p->out.size();
    }
    if (!left) break;
    h.selector.wait(sf::milliseconds(5));
  }
}

bool Host::paused() const {
  return impl_->door.paused();
}
double Host::speed() const {
  return impl_->door.speed();
}
std::size_t Host::seats() const {
  return static_cast<std::size_t>(
      std::count_if(impl_->peers.begin(), impl_->peers.end(),
                    [](const auto& p) { return p->joined && !p->closing; }));
}
const HostCounters& Host::counters() const {
  return impl_->counters;
}
const saves::Recording& Host::game() const {
  return impl_->door.recording();
}

std::vector<SeatInfo> Host::seat_list() const {
  std::vector<SeatInfo> out;
  for (const auto& p : impl_->peers) {
    if (!p->joined || p->closing) continue;
    out.push_back({p->role, p->nation_code, p->sees, p->name, p->joined_at, p->last_heard});
  }
  return out;
}

std::string join_banner(const Host& host) {
  std::string s = "rfsim host: " + host.game().run().scenario().name + " at " +
                  sim::format_clock(host.game().run().now()) + ", listening on port " +
                  std::to_string(host.port()) + (host.paused() ? " (paused)" : "") +
                  "\njoin codes (give each cell its own):\n";
  for (Role r : {Role::Blue, Role::Red, Role::Observer, Role::White}) {
    s += "  " + std::string(to_string(r)) + ": " + host.code(r) + "\n";
  }
  s += "a seat joins with: rfsim join THIS-MACHINE:" + std::to_string(host.port()) +
       " --cell blue --code CODE\n";
  return s;
}

const std::deque<HostEvent>& Host::events() const {
  return impl_->events;
}

}  // namespace rfsim::play
