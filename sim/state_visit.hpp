// What a visitor of the state's field lists (sim/state_fields.hpp) must tell apart: plain
// values, lists, fixed arrays, the event variant, the event loop, and types with fields. Each
// visitor (hash, save, load, check, compare) handles these kinds, and nothing else.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "sim/event_loop.hpp"
#include "sim/random.hpp"
#include "sim/state_fields.hpp"
#include "sim/time.hpp"
#include "sim/world.hpp"

namespace rfsim::sim::visit {

template <class T>
inline constexpr bool is_vector = false;
template <class T, class A>
inline constexpr bool is_vector<std::vector<T, A>> = true;

template <class T>
inline constexpr bool is_array = false;
template <class T, std::size_t N>
inline constexpr bool is_array<std::array<T, N>> = true;

template <class T>
inline constexpr bool is_variant = false;
template <class... T>
inline constexpr bool is_variant<std::variant<T...>> = true;

/// Numbers, enums and bools: written, read and hashed as themselves.
template <class T>
concept Scalar = std::is_arithmetic_v<T> || std::is_enum_v<T>;

/// Times: whole milliseconds.
template <class T>
concept Time = Of<T, SimTime> || Of<T, Duration>;

template <class T>
std::int64_t ms_of(const T& t) {
  if constexpr (Of<T, SimTime>) {
    return t.ms();
  } else {
    return t.count_ms();
  }
}
template <class T>
T time_from_ms(std::int64_t ms) {
  if constexpr (std::is_same_v<T, SimTime>) {
    return SimTime::from_ms(ms);
  } else {
    return Duration::ms(ms);
  }
}

using Loop = EventLoop<Event>;

/// The tag of type Tag among a field's tags, or nullptr.
template <class Tag>
constexpr const Tag* find_tag() {
  return nullptr;
}
template <class Tag, class First, class... Rest>
constexpr const Tag* find_tag(const First& first, const Rest&... rest) {
  if constexpr (std::is_same_v<First, Tag>) {
    return &first;
  } else {
    return find_tag<Tag>(rest...);
  }
}
template <class Tag, class... Tags>
constexpr bool has_tag = (std::is_same_v<Tags, Tag> || ...);

/// The layout a field first appeared in (1 when it has no Since tag).
template <class... Tags>
constexpr std::uint32_t since(const Tags&... tags) {
  const tag::Since* s = find_tag<tag::Since>(tags...);
  return s != nullptr ? s->version : 1;
}

}  // namespace rfsim::sim::visit
