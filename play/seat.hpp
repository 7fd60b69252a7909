// A seat at a hosted game: connects with its cell's join code, holds the last picture and the
// log lines the host sent (nothing else of the game), and sends the seat's orders back.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "play/protocol.hpp"

namespace rfsim::play {

/// The host could not be reached, refused the seat, or sent what does not decode.
class SeatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The host plays on another theatre than the seat has loaded: the seat could not draw its
/// pictures. The message names both.
class TheatreMismatch : public SeatError {
 public:
  using SeatError::SeatError;
};

struct SeatOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;
  Role role = Role::Observer;
  std::string nation;   // Blue: the nation whose approvals this seat answers ("" HQ)
  std::string code;     // the join code the host printed for the role
  DecodeLimits limits;  // the theatre the seat has loaded, to check regions against
  /// The seat's own theatre (saves::theatre_fingerprint, theatre_name()): a host on another is
  /// refused at its welcome. nullopt: not checked.
  std::optional<std::uint64_t> theatre;
  std::string theatre_name;
};

///   Seat seat({.port = 5555, .role = Role::Blue, .code = "K7P2QX"});
///   seat.connect(std::chrono::seconds(5));
///   while (seat.poll(10ms)) if (seat.picture()) draw(seat.picture()->picture);
class Seat {
 public:
  explicit Seat(SeatOptions options);
  ~Seat();
  Seat(const Seat&) = delete;
  Seat& operator=(const Seat&) = delete;

  /// Connects and says hello; again after the connection was lost, to rejoin (the host sends
  /// the picture and the log again). Throws SeatError when the host cannot be reached.
  void connect(std::chrono::milliseconds timeout);
  /// Reads what the host sent, waiting at most `wait`. False once the connection is gone
  /// (closed by the host after a refusal: refusal() says why). Throws SeatError when the host
  /// sends what does not decode, TheatreMismatch when its welcome names another theatre.
  bool poll(std::chrono::milliseconds wait);
  bool connected() const;
  /// Closes the connection at once, as a cut cable would (connect() rejoins).
  void disconnect();

  const std::optional<Welcome>& welcome() const { return welcome_; }
  const std::optional<PictureMessage>& picture() const { return picture_; }
  const std::vector<LogLine>& log() const { return log_; }
  /// The refusals the host sent, oldest first.
  const std::vector<std::string>& refusals() const { return refusals_; }
  std::uint64_t pictures_received() const { return pictures_; }
  std::uint64_t bytes_received() const { return bytes_; }

  void answer(std::uint64_t decision, std::int32_t option);
  void pause();
  void resume();
  void set_speed(double speed);
  void inject(const sim::Inject& in);  // White's
  /// White's MSEL edits: line `line` will not fire; a line (`line` an inject of any
  /// schedulable kind, at its `at`) added, or replacing line `replaces`.
  void cancel_msel(std::uint32_t line);
  void schedule_msel(const sim::Inject& line, std::uint32_t replaces = sim::Inject::kNoLine);
  void seek(sim::SimTime t);     // White's
  void note(const SeatNote& n);  // White's, and observers' if the host allows
  /// Any message, sent as is: tests use it to send what a well-behaved seat would not.
  void send(const Message& m);
  void send_raw(const std::string& bytes);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::optional<Welcome> welcome_;
  std::optional<PictureMessage> picture_;
  std::vector<LogLine> log_;
  std::vector<std::string> refusals_;
  std::uint64_t pictures_ = 0;
  std::uint64_t bytes_ = 0;
};

}  // namespace rfsim::play
