// The seats' wire protocol: the messages between `rfsim host` and `rfsim join`, as sf::Packet
// payloads in length-prefixed frames. Every decoded value is checked; docs/facilitator-guide.md
// ("A multi-seat exercise on a LAN") says what travels and that none of it is encrypted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "play/cell.hpp"
#include "play/picture.hpp"
#include "play/picture_delta.hpp"
#include "sim/scenario.hpp"
#include "sim/time.hpp"
#include "sim/trace.hpp"

namespace rfsim::play {

inline constexpr std::uint32_t kProtocolMagic = 0x52465350;  // "RFSP"
// 2: the welcome names the host's theatre and the nations' codes, and says whether the seat
// may take notes; a seat may send a note.
// 3: an inject travels whole (surges, deployments, and White's MSEL edits: cancel a line,
// schedule or move one), and pictures are sent as changes between whole ones (PictureChange).
// 4: a violation's view names the sensor that reported it (ViolationView::sensor, sensor_unit);
// White's picture holds the MSEL (Picture::msel), for a White seat's MSEL panel.
// A seat of another version is refused in its own version's words.
inline constexpr std::uint16_t kProtocolVersion = 4;
/// The largest frame a host takes from a seat: hellos and commands are a few dozen bytes.
inline constexpr std::size_t kMaxSeatMessage = 1 << 20;
/// The largest frame a seat takes from the host: a picture of kMaxUnits units fits in 2 MiB.
inline constexpr std::size_t kMaxHostMessage = 16 << 20;

/// Who sits at a seat. An observer is shown the picture the host allows (White's by default).
enum class Role : std::uint8_t { White, Blue, Red, Observer };
inline constexpr std::size_t kRoleCount = 4;
std::string_view to_string(Role r);
std::optional<Role> role_from_string(std::string_view name);

/// A seat's first message: its join code, the seat it asks for, and (Blue) the nation whose
/// approvals it answers ("" for HQ).
struct Hello {
  std::string code;
  Role role = Role::Observer;
  std::string nation;
};

/// The host's answer to a good hello.
struct Welcome {
  Role role = Role::Observer;
  Cell sees = Cell::White;  // whose picture the seat is sent
  std::string nation;
  std::string scenario;
  std::uint64_t theatre = 0;         // saves::theatre_fingerprint of the host's theatre
  std::string theatre_name;          // theatre_name() of it, for a refusal's message
  std::vector<std::string> nations;  // the scenario's nations' codes, in its order (labels)
  bool may_note = false;             // the seat may send notes (White; observers if allowed)
};

/// A theatre for people: "425 regions, 1210 links"; with its fingerprint, what a seat's
/// refusal names when the host's map is not the seat's.
std::string theatre_name(std::size_t regions, std::size_t links);

/// The picture a seat's cell may know, and the host's clock.
struct PictureMessage {
  Picture picture;
  bool paused = false;
  double speed = 0;  // simulated seconds per wall second
};

/// What changed in the seat's picture since the last one it was sent (protocol 3): the host
/// sends a whole picture on joining and every few seconds, and these between.
struct PictureChange {
  PictureDelta delta;
  bool paused = false;
  double speed = 0;
};

/// Event-log lines the seat's cell may read (play::LogView), in the log's order.
struct LogLine {
  sim::SimTime at;
  sim::TraceKind kind = sim::TraceKind::Violation;
  std::string text;
};
struct LogLines {
  bool restart = false;  // the log was rebuilt (a seek): drop the lines held so far
  std::vector<LogLine> lines;
};

/// What a seat asks of the host. Inject (MSEL edits included: sim::InjectKind::CancelMsel and
/// ScheduleMsel) and Seek are White's; an observer may give none.
enum class Order : std::uint8_t { Answer, Pause, Resume, Speed, Inject, Seek };
inline constexpr std::size_t kOrderCount = 6;
struct SeatCommand {
  Order order = Order::Pause;
  std::uint64_t decision = 0;  // Answer: the pending decision's id
  std::int32_t option = 0;     // Answer: the option chosen
  double speed = 0;            // Speed: simulated seconds per wall second, 1..10000
  sim::Inject inject;          // Inject: any kind but Decide
  sim::SimTime seek_to;        // Seek
};

/// The refusal a host sends every seat as it leaves: the game is over, nothing was wrong.
inline constexpr std::string_view kHostClosed = "the host has closed the game";

/// The host refuses something the seat sent, or the seat itself.
struct Refusal {
  std::string reason;
};

/// A note or bookmark a seat marks at the host's current time (saves::Note, without `at` and
/// `author`, which the host sets). Only seats that may (Welcome::may_note) send them.
struct SeatNote {
  std::string title;
  std::string text;
  std::uint8_t place = 0;  // saves::NotePlace: 0 none, 1 point (lon, lat), 2 region
  double lon = 0, lat = 0;
  std::uint32_t region = 0;
};

using Message = std::variant<Hello, Welcome, PictureMessage, LogLines, SeatCommand, Refusal,
                             SeatNote, PictureChange>;

/// A packet that does not decode: `field` is the path of the value ("picture.units[3].type"),
/// `expected` what was expected there.
class ProtocolError : public std::runtime_error {
 public:
  ProtocolError(std::string field, std::string expected)
      : std::runtime_error(field + ": expected " + expected),
        field_(std::move(field)),
        expected_(std::move(expected)) {}
  const std::string& field() const { return field_; }
  const std::string& expected() const { return expected_; }

 private:
  std::string field_;
  std::string expected_;
};

/// A frame of another protocol version: `version` is the peer's, so that the refusal can be
/// written in a version it reads (refusal_frame()).
class VersionMismatch : public ProtocolError {
 public:
  explicit VersionMismatch(std::uint16_t version)
      : ProtocolError("version", "protocol version " + std::to_string(kProtocolVersion) + ", got " +
                                     std::to_string(version) +
                                     " (every machine must run the same rfsim)"),
        version_(version) {}
  std::uint16_t version() const { return version_; }

 private:
  std::uint16_t version_;
};

/// A refusal framed in protocol version `version`: its envelope and body (a type index and a
/// text) are the same in every version from 1 on, so an older or newer seat can read why.
std::string refusal_frame(const std::string& reason, std::uint16_t version);

/// What the decoder may check a picture against: the theatre the seat has loaded.
struct DecodeLimits {
  std::size_t regions = 0xffffffffu;
  std::size_t links = 0xffffffffu;
};

/// One message as a frame: a 4-byte big-endian length, then the sf::Packet payload (magic,
/// version, type, body).
std::string encode_frame(const Message& m);
/// A frame's payload (without its length) back into a message. Throws ProtocolError.
Message decode_payload(const void* data, std::size_t size, const DecodeLimits& limits = {});

/// Splits a byte stream into frame payloads, refusing a declared length over `max_bytes`
/// before reading it, so that a peer cannot make us hold more than that.
class FrameReader {
 public:
  explicit FrameReader(std::size_t max_bytes) : max_(max_bytes) {}
  void feed(const char* data, std::size_t size) { buffer_.append(data, size); }
  /// The next whole payload, or nullopt until more bytes come. Throws ProtocolError
  /// ("length") for an oversized or empty frame.
  std::optional<std::string> next();
  std::size_t buffered() const { return buffer_.size() - start_; }

 private:
  std::size_t max_;
  std::string buffer_;
  std::size_t start_ = 0;
};

}  // namespace rfsim::play
