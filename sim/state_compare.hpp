// Comparing two states field by field: each is flattened, through its field list, into its
// leaves (the path to a value, and the value's bytes), and the first leaf that differs names
// the field. Replays use it to say where they left the recording; tests to compare values.
#pragma once

#include <cstring>
#include <string>
#include <vector>

#include "sim/state_visit.hpp"

namespace rfsim::sim {

/// One value of a state, with the path of field names and list positions that leads to it.
struct Leaf {
  std::string path;   // "units[3].at", "loop.pending[0].event.region"
  std::string value;  // its bytes (numbers) or text; equal values, equal bytes
};

/// Flattens anything with a field list into its leaves, in list order.
class Flattener {
 public:
  explicit Flattener(std::vector<Leaf>& out) : out_(out) {}

  template <class T, class... Tags>
  void operator()(const char* name, const T& x, const Tags&...) {
    const std::size_t mark = path_.size();
    if (!path_.empty()) path_ += '.';
    path_ += name;
    add(x);
    path_.resize(mark);
  }
  template <class Old, class... Tags>
  void removed(const char*, const Tags&...) {}

  template <class T>
  void add(const T& x) {
    using namespace visit;
    if constexpr (Scalar<T>) {
      std::string bytes(sizeof x, '\0');
      std::memcpy(bytes.data(), &x, sizeof x);
      out_.push_back({path_, std::move(bytes)});
    } else if constexpr (Time<T>) {
      add(ms_of(x));
    } else if constexpr (std::is_same_v<T, std::string>) {
      out_.push_back({path_, x});
    } else if constexpr (is_vector<T> || is_array<T>) {
      add(static_cast<std::uint64_t>(x.size()));  // the length is a leaf of its own
      for (std::size_t i = 0; i < x.size(); ++i) {
        element(i, static_cast<const typename T::value_type&>(x[i]));
      }
    } else if constexpr (is_variant<T>) {
      add(static_cast<std::uint64_t>(x.index()));
      std::visit([&](const auto& alt) { add(alt); }, x);
    } else if constexpr (std::is_same_v<T, Loop>) {
      (*this)("now", x.now());
      (*this)("executed", x.executed());
      (*this)("next_seq", x.next_seq());
      const auto pending = x.pending_in_order();
      std::size_t i = 0;
      for (const auto& p : pending) {
        const std::size_t mark = path_.size();
        path_ += ".pending[" + std::to_string(i++) + "]";
        (*this)("time", p.time);
        (*this)("id", p.id);
        (*this)("event", p.event);
        path_.resize(mark);
      }
    } else {
      fields(*this, x);
    }
  }

 private:
  template <class T>
  void element(std::size_t i, const T& x) {
    const std::size_t mark = path_.size();
    path_ += "[" + std::to_string(i) + "]";
    add(x);
    path_.resize(mark);
  }

  std::vector<Leaf>& out_;
  std::string path_;
};

template <class T>
std::vector<Leaf> leaves_of(const T& x) {
  std::vector<Leaf> out;
  Flattener(out).add(x);
  return out;
}

/// The path of the first field where a and b differ, or "" when every field is equal.
template <class T>
std::string first_difference(const T& a, const T& b) {
  const std::vector<Leaf> x = leaves_of(a), y = leaves_of(b);
  for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
    if (x[i].path != y[i].path || x[i].value != y[i].value) {
      return x[i].path.empty() ? "(the value itself)" : x[i].path;
    }
  }
  if (x.size() != y.size()) return "(one holds more fields than the other)";
  return "";
}

}  // namespace rfsim::sim
