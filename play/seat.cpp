// A seat's connection: a blocking TCP socket read only when the selector says it has bytes,
// so that poll() never waits longer than asked; frames decoded and checked like the host's.
#include "play/seat.hpp"

#include <SFML/Network/IpAddress.hpp>
#include <SFML/Network/SocketSelector.hpp>
#include <SFML/Network/TcpSocket.hpp>

#include <cstdio>

namespace rfsim::play {

namespace {
std::string hex(std::uint64_t v) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}
}  // namespace

struct Seat::Impl {
  SeatOptions options;
  sf::TcpSocket socket;
  sf::SocketSelector selector;
  FrameReader in{kMaxHostMessage};
  bool connected = false;
};

Seat::Seat(SeatOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
}

Seat::~Seat() {
  if (impl_->connected) impl_->socket.disconnect();
}

void Seat::connect(std::chrono::milliseconds timeout) {
  Impl& s = *impl_;
  const std::string where = s.options.host + ":" + std::to_string(s.options.port);
  if (s.connected) return;
  const sf::IpAddress address(s.options.host);
  if (address == sf::IpAddress::None) throw SeatError(where + ": not a known host or address");
  if (s.socket.connect(address, s.options.port,
                       sf::milliseconds(static_cast<sf::Int32>(timeout.count()))) !=
      sf::Socket::Done) {
    throw SeatError(where + ": cannot connect (is `rfsim host` running there, and the port open?)");
  }
  s.connected = true;
  s.in = FrameReader(kMaxHostMessage);  // a frame cut by a lost connection is not continued
  s.selector.add(s.socket);
  send(Hello{s.options.code, s.options.role, s.options.nation});
}

void Seat::disconnect() {
  Impl& s = *impl_;
  if (!s.connected) return;
  s.selector.remove(s.socket);
  s.socket.disconnect();
  s.connected = false;
}

bool Seat::connected() const {
  return impl_->connected;
}

bool Seat::poll(std::chrono::milliseconds wait) {
  Impl& s = *impl_;
  if (!s.connected) return false;
  // sf::Time::Zero would wait forever: no wait is a microsecond's.
  const sf::Time timeout = wait.count() > 0 ? sf::milliseconds(static_cast<sf::Int32>(wait.count()))
                                            : sf::microseconds(1);
  if (!s.selector.wait(timeout)) return true;
  char buffer[64 * 1024];
  std::size_t got = 0;
  const sf::Socket::Status status = s.socket.receive(buffer, sizeof buffer, got);
  if (status == sf::Socket::Disconnected || status == sf::Socket::Error) {
    s.selector.remove(s.socket);
    s.socket.disconnect();
    s.connected = false;
    return false;
  }
  bytes_ += got;
  s.in.feed(buffer, got);
  try {
    while (std::optional<std::string> payload = s.in.next()) {
      Message m = decode_payload(payload->data(), payload->size(), s.options.limits);
      if (auto* w = std::get_if<Welcome>(&m)) {
        if (s.options.theatre && w->theatre != *s.options.theatre) {
          s.selector.remove(s.socket);
          s.socket.disconnect();
          s.connected = false;
          throw TheatreMismatch(
              "the host " + s.options.host + ":" + std::to_string(s.options.port) +
              " plays on another theatre (" + w->theatre_name + ", fingerprint " + hex(w->theatre) +
              ") than this seat's assets hold (" + s.options.theatre_name + ", fingerprint " +
              hex(*s.options.theatre) + "): join with the host's assets (--assets)");
        }
        welcome_ = std::move(*w);
      } else if (auto* p = std::get_if<PictureMessage>(&m)) {
        picture_ = std::move(*p);
        ++pictures_;
      } else if (auto* c = std::get_if<PictureChange>(&m)) {
        if (!picture_) throw SeatError("the host sent a change before a picture");
        try {
          apply_delta(picture_->picture, c->delta);
        } catch (const std::invalid_argument& e) {
          throw SeatError(std::string("the host sent a change that does not fit: ") + e.what());
        }
        picture_->paused = c->paused;
        picture_->speed = c->speed;
        ++pictures_;
      } else if (auto* l = std::get_if<LogLines>(&m)) {
        if (l->restart) log_.clear();
        for (LogLine& line : l->lines) log_.push_back(std::move(line));
      } else if (auto* r = std::get_if<Refusal>(&m)) {
        refusals_.push_back(r->reason);
      } else {
        throw ProtocolError("type", "a welcome, picture, log or refusal from the host");
      }
    }
  } catch (const ProtocolError& e) {
    throw SeatError("the host " + s.options.host + ":" + std::to_string(s.options.port) +
                    " sent a malformed packet: " + e.what());
  }
  return true;
}

void Seat::note(const SeatNote& n) {
  send(n);
}

void Seat::send(const Message& m) {
  send_raw(encode_frame(m));
}

void Seat::send_raw(const std::string& bytes) {
  Impl& s = *impl_;
  if (!s.connected) throw SeatError("not connected");
  if (s.socket.send(bytes.data(), bytes.size()) != sf::Socket::Done) {
    // The host closed it (after a refusal, say): poll() will find out and say so.
    return;
  }
}

void Seat::answer(std::uint64_t decision, std::int32_t option) {
  SeatCommand c;
  c.order = Order::Answer;
  c.decision = decision;
  c.option = option;
  send(c);
}
namespace {
SeatCommand order(Order o) {
  SeatCommand c;
  c.order = o;
  return c;
}
}  // namespace

void Seat::pause() {
  send(order(Order::Pause));
}
void Seat::resume() {
  send(order(Order::Resume));
}
void Seat::set_speed(double speed) {
  SeatCommand c = order(Order::Speed);
  c.speed = speed;
  send(c);
}
void Seat::inject(const sim::Inject& in) {
  SeatCommand c = order(Order::Inject);
  c.inject = in;
  send(c);
}
void Seat::cancel_msel(std::uint32_t line) {
  sim::Inject in;
  in.kind = sim::InjectKind::CancelMsel;
  in.line = line;
  inject(in);
}
void Seat::schedule_msel(const sim::Inject& line, std::uint32_t replaces) {
  sim::Inject in = line;
  in.line_kind = line.kind;
  in.kind = sim::InjectKind::ScheduleMsel;
  in.line = replaces;
  inject(in);
}
void Seat::seek(sim::SimTime t) {
  SeatCommand c = order(Order::Seek);
  c.seek_to = t;
  send(c);
}

}  // namespace rfsim::play
