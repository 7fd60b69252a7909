// The seats' messages as frames: the envelope (magic, version, type), each message's body,
// and the frame reader that refuses an oversized length before holding its bytes.
#include "play/protocol.hpp"

#include <SFML/Network/Packet.hpp>

#include <algorithm>
#include <array>
#include <type_traits>

#include "play/detail/wire.hpp"
#include "saves/notes.hpp"

namespace rfsim::play {

namespace {

using detail::Reader;
using detail::Writer;

constexpr std::array<std::string_view, kRoleCount> kRoleNames{"white", "blue", "red", "observer"};
constexpr std::uint32_t kMaxLogLines = 100'000;

// A message's type on the wire: its index in the Message variant.
template <class T, std::size_t I = 0>
constexpr std::uint8_t type_of() {
  if constexpr (std::is_same_v<T, std::variant_alternative_t<I, Message>>) {
    return static_cast<std::uint8_t>(I);
  } else {
    return type_of<T, I + 1>();
  }
}

void write_body(Writer& w, const Hello& m) {
  w.text(m.code);
  w.enumeration(m.role);
  w.text(m.nation);
}
void write_body(Writer& w, const Welcome& m) {
  w.enumeration(m.role);
  w.enumeration(m.sees);
  w.text(m.nation);
  w.text(m.scenario);
  w.u64(m.theatre);
  w.text(m.theatre_name);
  w.u32(static_cast<std::uint32_t>(m.nations.size()));
  for (const std::string& n : m.nations) w.text(n);
  w.boolean(m.may_note);
}
void write_body(Writer& w, const PictureMessage& m) {
  w.boolean(m.paused);
  w.f64(m.speed);
  detail::write_picture(w, m.picture);
}
void write_body(Writer& w, const LogLines& m) {
  w.boolean(m.restart);
  w.u32(static_cast<std::uint32_t>(m.lines.size()));
  for (const LogLine& l : m.lines) {
    w.time(l.at);
    w.enumeration(l.kind);
    w.text(l.text);
  }
}
void write_body(Writer& w, const SeatCommand& m) {
  w.enumeration(m.order);
  w.u64(m.decision);
  w.i32(m.option);
  w.f64(m.speed);
  detail::write_inject(w, m.inject);
  w.time(m.seek_to);
}
void write_body(Writer& w, const PictureChange& m) {
  w.boolean(m.paused);
  w.f64(m.speed);
  detail::write_delta(w, m.delta);
}
void write_body(Writer& w, const Refusal& m) {
  w.text(m.reason);
}
void write_body(Writer& w, const SeatNote& m) {
  w.text(m.title);
  w.text(m.text);
  w.u8(m.place);
  w.f64(m.lon);
  w.f64(m.lat);
  w.u32(m.region);
}

Hello read_hello(Reader& r) {
  Hello m;
  m.code = r.text("hello.code", 64);
  m.role = r.enumeration<Role>("hello.role", kRoleCount);
  m.nation = r.text("hello.nation", 16);
  return m;
}
Welcome read_welcome(Reader& r) {
  Welcome m;
  m.role = r.enumeration<Role>("welcome.role", kRoleCount);
  m.sees = r.enumeration<Cell>("welcome.sees", 3);
  m.nation = r.text("welcome.nation", 16);
  m.scenario = r.text("welcome.scenario");
  m.theatre = r.u64("welcome.theatre");
  m.theatre_name = r.text("welcome.theatre_name", 200);
  const std::uint32_t n = r.count("welcome.nations", sim::kMaxNations, 4);
  for (std::uint32_t i = 0; i < n; ++i) {
    m.nations.push_back(r.text("welcome.nations[" + std::to_string(i) + "]", 16));
  }
  m.may_note = r.boolean("welcome.may_note");
  return m;
}
PictureMessage read_picture_message(Reader& r, const DecodeLimits& limits) {
  PictureMessage m;
  m.paused = r.boolean("picture.paused");
  m.speed = r.f64_in("picture.speed", 0, 1e6);
  m.picture = detail::read_picture(r, "picture", limits);
  return m;
}
LogLines read_log(Reader& r) {
  LogLines m;
  m.restart = r.boolean("log.restart");
  const std::uint32_t n = r.count("log.lines", kMaxLogLines, 13);
  m.lines.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::string f = "log.lines[" + std::to_string(i) + "]";
    LogLine l;
    l.at = r.time(f + ".at");
    l.kind = r.enumeration<sim::TraceKind>(
        f + ".kind", static_cast<std::size_t>(sim::TraceKind::Engagement) + 1);
    l.text = r.text(f + ".text");
    m.lines.push_back(std::move(l));
  }
  return m;
}
SeatCommand read_command(Reader& r) {
  SeatCommand m;
  m.order = r.enumeration<Order>("command.order", kOrderCount);
  m.decision = r.u64("command.decision");
  m.option = r.i32("command.option");
  m.speed = r.f64("command.speed");
  if (m.order == Order::Speed && (m.speed < 1 || m.speed > 10000)) {
    throw ProtocolError("command.speed", "1 to 10000 simulated seconds a second");
  }
  m.inject = detail::read_inject(r, "command.inject");
  if (m.order == Order::Inject && m.inject.kind == sim::InjectKind::Decide) {
    throw ProtocolError("command.inject.kind", "an inject (decisions are answered with answer)");
  }
  m.seek_to = r.time("command.seek_to");
  if (m.seek_to.ms() < 0) throw ProtocolError("command.seek_to", "a time from the start on");
  return m;
}
PictureChange read_change(Reader& r, const DecodeLimits& limits) {
  PictureChange m;
  m.paused = r.boolean("change.paused");
  m.speed = r.f64_in("change.speed", 0, 1e6);
  m.delta = detail::read_delta(r, "change", limits);
  return m;
}
Refusal read_refusal(Reader& r) {
  return Refusal{r.text("refusal.reason")};
}
SeatNote read_note(Reader& r) {
  SeatNote m;
  m.title = r.text("note.title", saves::kMaxNoteTitle);
  m.text = r.text("note.text", saves::kMaxNoteText);
  m.place = r.u8("note.place");
  if (m.place > static_cast<std::uint8_t>(saves::NotePlace::Region)) {
    throw ProtocolError("note.place",
                        "0 (none), 1 (a point) or 2 (a region), got " + std::to_string(m.place));
  }
  m.lon = r.f64_in("note.lon", -180, 180);
  m.lat = r.f64_in("note.lat", -90, 90);
  m.region = r.u32("note.region");
  return m;
}

}  // namespace

std::string_view to_string(Role r) {
  return kRoleNames.at(static_cast<std::size_t>(r));
}

std::optional<Role> role_from_string(std::string_view name) {
  for (std::size_t i = 0; i < kRoleCount; ++i) {
    if (kRoleNames[i] == name) return static_cast<Role>(i);
  }
  return std::nullopt;
}

std::string theatre_name(std::size_t regions, std::size_t links) {
  return std::to_string(regions) + " regions, " + std::to_string(links) + " links";
}

namespace {

std::string frame_of(const Message& m, std::uint16_t version) {
  sf::Packet p;
  Writer w(p);
  w.u32(kProtocolMagic);
  w.u16(version);
  w.u8(static_cast<std::uint8_t>(m.index()));
  std::visit([&](const auto& body) { write_body(w, body); }, m);
  const auto size = static_cast<std::uint32_t>(p.getDataSize());
  std::string frame(4 + size, '\0');
  frame[0] = static_cast<char>(size >> 24);
  frame[1] = static_cast<char>(size >> 16);
  frame[2] = static_cast<char>(size >> 8);
  frame[3] = static_cast<char>(size);
  if (size > 0) std::copy_n(static_cast<const char*>(p.getData()), size, frame.begin() + 4);
  return frame;
}

}  // namespace

std::string encode_frame(const Message& m) {
  return frame_of(m, kProtocolVersion);
}

std::string refusal_frame(const std::string& reason, std::uint16_t version) {
  static_assert(type_of<Refusal>() == 5, "a refusal's type must stay what older seats read");
  return frame_of(Refusal{reason}, version);
}

Message decode_payload(const void* data, std::size_t size, const DecodeLimits& limits) {
  sf::Packet p;
  p.append(data, size);
  Reader r(p);
  const std::uint32_t magic = r.u32("magic");
  if (magic != kProtocolMagic) throw ProtocolError("magic", "RFSP (an rfsim seat or host)");
  const std::uint16_t version = r.u16("version");
  if (version != kProtocolVersion) throw VersionMismatch(version);
  const std::uint8_t type = r.u8("type");
  Message m;
  switch (type) {
    case type_of<Hello>():
      m = read_hello(r);
      break;
    case type_of<Welcome>():
      m = read_welcome(r);
      break;
    case type_of<PictureMessage>():
      m = read_picture_message(r, limits);
      break;
    case type_of<LogLines>():
      m = read_log(r);
      break;
    case type_of<SeatCommand>():
      m = read_command(r);
      break;
    case type_of<Refusal>():
      m = read_refusal(r);
      break;
    case type_of<SeatNote>():
      m = read_note(r);
      break;
    case type_of<PictureChange>():
      m = read_change(r, limits);
      break;
    default:
      throw ProtocolError("type", "a message type 0 to " +
                                      std::to_string(std::variant_size_v<Message> - 1) + ", got " +
                                      std::to_string(type));
  }
  if (!r.done()) {
    throw ProtocolError(
        "end", "the end of the message, but " + std::to_string(r.left()) + " bytes are left");
  }
  return m;
}

std::optional<std::string> FrameReader::next() {
  if (buffered() < 4) return std::nullopt;
  const auto* b = reinterpret_cast<const unsigned char*>(buffer_.data() + start_);
  const std::size_t size = (std::size_t{b[0]} << 24) | (std::size_t{b[1]} << 16) |
                           (std::size_t{b[2]} << 8) | std::size_t{b[3]};
  if (size == 0 || size > max_) {
    throw ProtocolError("length", "a frame of 1 to " + std::to_string(max_) + " bytes, got " +
                                      std::to_string(size));
  }
  if (buffered() < 4 + size) return std::nullopt;
  std::string payload = buffer_.substr(start_ + 4, size);
  start_ += 4 + size;
  // Drop what has been read once it is most of the buffer, so that it cannot grow forever.
  if (start_ > buffer_.size() / 2) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
  return payload;
}

}  // namespace rfsim::play
