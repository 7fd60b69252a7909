// Reading and writing the protocol's values on an sf::Packet: every read checked, with the
// field's path in the error, so that protocol.cpp and picture_codec.cpp say what was wrong where.
#pragma once

#include <SFML/Network/Packet.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <string>
#include <type_traits>

#include "play/picture.hpp"
#include "play/picture_delta.hpp"
#include "play/protocol.hpp"

namespace rfsim::play::detail {

inline constexpr std::uint32_t kMaxText = 4096;  // a name, a code, a log line, a note

class Writer {
 public:
  explicit Writer(sf::Packet& p) : p_(p) {}
  void u8(std::uint8_t v) { p_ << static_cast<sf::Uint8>(v); }
  void u16(std::uint16_t v) { p_ << static_cast<sf::Uint16>(v); }
  void u32(std::uint32_t v) { p_ << static_cast<sf::Uint32>(v); }
  void i32(std::int32_t v) { p_ << static_cast<sf::Int32>(v); }
  void u64(std::uint64_t v) { p_ << static_cast<sf::Uint64>(v); }
  void i64(std::int64_t v) { p_ << static_cast<sf::Int64>(v); }
  // Doubles travel as their IEEE bits in network order (sf::Packet writes them raw).
  void f64(double v) { u64(std::bit_cast<std::uint64_t>(v)); }
  void boolean(bool v) { u8(v ? 1 : 0); }
  void text(const std::string& s) { p_ << s; }
  template <class E>
  void enumeration(E e) {
    u8(static_cast<std::uint8_t>(e));
  }
  void time(sim::SimTime t) { i64(t.ms()); }

 private:
  sf::Packet& p_;
};

class Reader {
 public:
  explicit Reader(sf::Packet& p) : p_(p) {}
  std::uint8_t u8(const std::string& field) { return get<sf::Uint8>(field); }
  std::uint16_t u16(const std::string& field) { return get<sf::Uint16>(field); }
  std::uint32_t u32(const std::string& field) { return get<sf::Uint32>(field); }
  std::int32_t i32(const std::string& field) { return get<sf::Int32>(field); }
  std::uint64_t u64(const std::string& field) { return get<sf::Uint64>(field); }
  std::int64_t i64(const std::string& field) { return get<sf::Int64>(field); }
  /// A finite number (NaN and infinities are refused: nothing we send is either).
  double f64(const std::string& field) {
    const double v = std::bit_cast<double>(u64(field));
    if (!std::isfinite(v)) throw ProtocolError(field, "a finite number");
    return v;
  }
  double f64_in(const std::string& field, double lo, double hi) {
    const double v = f64(field);
    if (v < lo || v > hi) {
      throw ProtocolError(field, "a number from " + num(lo) + " to " + num(hi) + ", got " + num(v));
    }
    return v;
  }
  bool boolean(const std::string& field) {
    const std::uint8_t v = u8(field);
    if (v > 1) throw ProtocolError(field, "0 or 1, got " + std::to_string(v));
    return v == 1;
  }
  std::string text(const std::string& field, std::uint32_t max = kMaxText) {
    const std::uint32_t n = u32(field + ".length");
    if (n > max) {
      throw ProtocolError(field + ".length",
                          "at most " + std::to_string(max) + " bytes, got " + std::to_string(n));
    }
    std::string s;
    s.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) s.push_back(static_cast<char>(get<sf::Int8>(field)));
    return s;
  }
  /// An enumeration with `count` values.
  template <class E>
  E enumeration(const std::string& field, std::size_t count) {
    const std::uint8_t v = u8(field);
    if (v >= count) {
      throw ProtocolError(field, "0 to " + std::to_string(count - 1) + ", got " +
                                     std::to_string(static_cast<unsigned>(v)));
    }
    return static_cast<E>(v);
  }
  /// A count of items each at least `min_item_bytes` long: at most `max`, and no more than
  /// the bytes left could hold, so that a forged count cannot make us reserve gigabytes.
  std::uint32_t count(const std::string& field, std::uint32_t max, std::size_t min_item_bytes) {
    const std::uint32_t n = u32(field + ".count");
    if (n > max) {
      throw ProtocolError(field + ".count",
                          "at most " + std::to_string(max) + ", got " + std::to_string(n));
    }
    if (static_cast<std::size_t>(n) * min_item_bytes > left()) {
      throw ProtocolError(field + ".count", std::to_string(n) + " items in the " +
                                                std::to_string(left()) + " bytes left");
    }
    return n;
  }
  sim::SimTime time(const std::string& field) { return sim::SimTime::from_ms(i64(field)); }
  std::size_t left() const { return p_.getDataSize() - read_; }
  bool done() const { return p_.endOfPacket(); }

 private:
  template <class T>
  T get(const std::string& field) {
    T v{};
    if (!(p_ >> v)) throw ProtocolError(field, "a value, but the packet ended");
    read_ += sizeof(T);
    return v;
  }
  static std::string num(double v) {
    std::string s = std::to_string(v);
    return s;
  }
  sf::Packet& p_;
  std::size_t read_ = 0;
};

void write_picture(Writer& w, const Picture& p);
void write_delta(Writer& w, const PictureDelta& d);
PictureDelta read_delta(Reader& r, const std::string& field, const DecodeLimits& limits);
/// An item's bytes on the wire: two items a seat would draw alike have the same.
std::string wire_bytes(const UnitView& x);
std::string wire_bytes(const ViolationView& x);
std::string wire_bytes(const SectorView& x);
Picture read_picture(Reader& r, const std::string& field, const DecodeLimits& limits);
void write_inject(Writer& w, const sim::Inject& in);
sim::Inject read_inject(Reader& r, const std::string& field);

}  // namespace rfsim::play::detail
