// The host of a multi-seat game: owns the recorded run (the truth), lets seats join over TCP
// with their cell's join code, sends each seat only its cell's picture and log, and applies
// the seats' orders through the recording, so that they are saved like any command.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <iosfwd>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "play/cell.hpp"
#include "play/game_door.hpp"
#include "play/protocol.hpp"
#include "saves/recording.hpp"

namespace rfsim::play {

struct HostOptions {
  std::uint16_t port = 0;  // 0: any free port (port() says which)
  double speed = 3600;     // simulated seconds per wall second
  bool paused = false;
  Cell observers_see = Cell::White;  // the picture observers are sent
  bool observer_notes = true;        // observers' seats may take notes (White's always may)
  std::chrono::milliseconds picture_every{250};  // at most this often to a seat
  std::chrono::seconds whole_every{10};          // a whole picture this often; changes in between
  std::optional<std::chrono::milliseconds> decision_limit;  // wall time, then doctrine answers
  std::size_t send_queue_limit = 32 << 20;  // bytes queued to a seat before it is dropped
  double messages_per_second = 20;          // a seat's sustained message budget...
  double message_burst = 100;               // ...and the burst it may spend at once
  std::size_t max_peers = 64;               // connections at once, joined or not
  std::chrono::seconds hello_within{10};    // a connection that says nothing is closed
};

/// What the host has done, for its console, tests and the benchmark.
struct HostCounters {
  std::uint64_t joined = 0;
  std::uint64_t refused = 0;        // messages or connections refused
  std::uint64_t dropped = 0;        // seats closed by the host (bad input, flood, slow reader)
  std::uint64_t commands = 0;       // seat orders applied
  std::uint64_t notes = 0;          // notes taken from seats
  std::uint64_t timed_out = 0;      // decisions doctrine answered at the time limit
  std::uint64_t pictures = 0;       // pictures sent, whole or as changes
  std::uint64_t changes = 0;        // of those, sent as changes (PictureChange)
  std::uint64_t picture_bytes = 0;  // of bytes_sent, queued as pictures and changes
  std::uint64_t bytes_sent = 0;
  std::uint64_t events = 0;  // lines said (HostEvent), ever
};

/// A seat joined now, as the host's window lists it.
struct SeatInfo {
  Role role = Role::Observer;
  std::string nation;  // Blue: the nation it answers for; "" for HQ
  Cell sees = Cell::White;
  std::string address;  // ip:port
  std::chrono::system_clock::time_point since, last_heard;
};

/// A line the host said (to its console): a seat joined or left, an order, a refusal.
struct HostEvent {
  std::chrono::system_clock::time_point at;
  bool refusal = false;
  std::string text;
};

/// One pass of the host's loop does the network (poll) and the game (play); no thread: the
/// run is only ever touched from the loop, and a socket never blocks it.
///   saves::Recording game(scenario, theatre);
///   Host host(game, {.port = 5555}, std::cout);  // prints the join codes
///   for (;;) { host.poll(10ms); host.play(elapsed, 8ms); }
class Host {
 public:
  /// Headless (`rfsim host --headless`): the host plays `game` itself (play(), advance_to()),
  /// at options.speed, paused or not as options.paused says.
  Host(saves::Recording& game, HostOptions options, std::ostream& console);
  /// In a window: the window plays the game and gives its own commands through `door`, the
  /// same door the seats' orders go through; options.paused and options.speed are the door's.
  Host(GameDoor& door, HostOptions options, std::ostream& console);
  ~Host();
  Host(const Host&) = delete;
  Host& operator=(const Host&) = delete;

  std::uint16_t port() const;
  /// The join code of a role's seats: 6 characters, random for each host.
  const std::string& code(Role role) const;

  /// Accepts, reads and applies what seats sent, answers timed-out decisions, and sends each
  /// seat its picture and log lines when they changed. Waits at most `wait` for the network.
  void poll(std::chrono::milliseconds wait);
  /// Moves the game on by `wall_seconds` at the host's speed unless paused or a decision waits,
  /// running the model for at most `budget` of wall time. Headless only (std::logic_error).
  void play(double wall_seconds, std::chrono::microseconds budget);
  /// Runs the game to `t` (or to the next decision asked): tests and the benchmark drive the
  /// host by simulated time, so that what happens does not depend on the machine's speed.
  void advance_to(sim::SimTime t);

  /// Before the host leaves: every seat is sent its picture now and told the game is closed
  /// ("the host has closed the game"), and the queues are flushed for at most `within`.
  void farewell(std::chrono::milliseconds within);

  bool paused() const;
  double speed() const;
  std::size_t seats() const;  // seats joined now
  const HostCounters& counters() const;
  const saves::Recording& game() const;
  std::vector<SeatInfo> seat_list() const;
  const std::deque<HostEvent>& events() const;  // the last few hundred

 private:
  void start();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The host could not listen on its port.
class ListenError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What a host's console says first: the game, the port, a join code per cell and how to join.
std::string join_banner(const Host& host);

/// Whether a seat may answer decision `d`: White any; Red Red's steps; Blue the rest, a
/// nation's seat (`nation` its index) only its nation's approvals and combat, and HQ's seat
/// (no nation) the tasking and the approvals of nations without a seat of their own
/// (`nation_seated`).
bool may_answer(Role role, std::optional<std::uint32_t> nation, const sim::Decision& d,
                const sim::Simulation& run, const std::vector<bool>& nation_seated);

}  // namespace rfsim::play
