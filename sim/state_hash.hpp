// The canonical state hash (xxHash3, 64 bits): parts of the state opt in by feeding their
// fields in a fixed order, so two runs that diverge anywhere get different hashes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace rfsim::sim {

/// Accumulates a 64-bit hash of values fed to it in order.
///   StateHasher h; h.add(now_ms); h.add(unit.region); std::uint64_t x = h.digest();
class StateHasher {
 public:
  StateHasher();
  ~StateHasher();
  StateHasher(const StateHasher&) = delete;
  StateHasher& operator=(const StateHasher&) = delete;

  void add_bytes(const void* data, std::size_t size);
  void add(std::string_view s) {
    add(static_cast<std::uint64_t>(s.size()));
    add_bytes(s.data(), s.size());
  }
  template <class T>
  requires std::is_arithmetic_v<T> || std::is_enum_v<T>
  void add(T value) { add_bytes(&value, sizeof value); }
  std::uint64_t digest() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// 16 lower-case hex digits, the form printed in summaries and saves.
std::string format_hash(std::uint64_t hash);

struct World;
struct StreamPosition;

/// The canonical hash of a run's whole state: every field of sim/state_fields.hpp's lists and
/// every stream's position. Equal hashes, equal futures.
std::uint64_t state_hash(const World& world, const std::vector<StreamPosition>& streams);

/// The hash of each top-level part of the state ("regime", "loop", "units", ..., "streams"),
/// to say which part differs when two states do.
struct StatePart {
  std::string name;
  std::uint64_t hash = 0;
};
std::vector<StatePart> state_parts(const World& world, const std::vector<StreamPosition>& streams);

}  // namespace rfsim::sim
