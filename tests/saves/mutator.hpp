// For the field-by-field tests: changes the k-th leaf of a state's field list (in the order
// sim::leaves_of lists them), keeping the value one that a save may hold.
#pragma once

#include <cstdint>
#include <string>

#include "sim/state_visit.hpp"

namespace rfsim::saves::testing {

class Mutator {
 public:
  explicit Mutator(std::size_t target) : target_(target) {}

  template <class T, class... Tags>
  void operator()(const char*, T& x, const Tags&... tags) {
    change(x, tags...);
  }
  template <class Old, class... Tags>
  void removed(const char*, const Tags&...) {}

  bool done() const { return done_; }
  std::size_t leaves() const { return seen_; }  // leaves walked (all of them when not done)
  std::string what;                             // why a leaf could not change, if it could not

  template <class T, class... Tags>
  void change(T& x, const Tags&...) {
    using namespace sim::visit;
    if constexpr (Scalar<T>) {
      if (hit()) x = changed(x);
    } else if constexpr (Time<T>) {
      if (hit()) x = time_from_ms<T>(ms_of(x) == 0 ? 1 : ms_of(x) - 1);
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (hit()) x += "x";
    } else if constexpr (is_vector<T> || is_array<T>) {
      if constexpr (is_vector<T> && !has_tag<sim::tag::Sparse, Tags...>) {
        if (hit()) {  // the length: one more element
          x.resize(x.size() + 1);
          return;
        }
      } else if (hit()) {  // arrays (and sparse lists) have a length that cannot change
        what = "a fixed length";
        return;
      }
      for (std::size_t i = 0; i < x.size() && !done_; ++i) {
        if constexpr (std::is_same_v<typename T::value_type, bool>) {
          if (hit()) x[i] = !x[i];
        } else {
          change(x[i]);
        }
      }
    } else if constexpr (is_variant<T>) {
      if (hit()) {
        what = "an event's kind";  // another kind would need all its fields
      }
      std::visit([this](auto& alt) { change(alt); }, x);
    } else if constexpr (std::is_same_v<T, Loop>) {
      const bool before = done_;  // the change was made before the loop: leave it alone
      auto pending = x.pending_in_order();
      sim::SimTime now = x.now();
      std::uint64_t executed = x.executed(), next_seq = x.next_seq();
      if (hit()) now = sim::SimTime::from_ms(now.ms() > 0 ? now.ms() - 1 : 0);
      if (hit()) ++executed;
      if (hit()) ++next_seq;
      for (auto& p : pending) {
        if (done_) break;
        if (hit()) p.time = p.time + sim::Duration::ms(1);
        if (hit()) what = "an event's sequence number";
        if (hit()) what = "an event's slot";
        if (hit()) what = "an event's kind";
        if (!done_) std::visit([&](auto& alt) { change(alt); }, p.event);
      }
      if (done_ && what.empty() && !before) x.restore(now, next_seq, executed, pending);
    } else {
      fields(*this, x);
    }
  }

 private:
  bool hit() {
    if (done_) return false;
    if (seen_++ != target_) return false;
    done_ = true;
    return true;
  }
  template <class T>
  static T changed(T x) {
    if constexpr (std::is_same_v<T, bool>) {
      return !x;
    } else if constexpr (std::is_enum_v<T>) {
      return static_cast<T>(x == T{} ? 1 : 0);
    } else if constexpr (std::is_floating_point_v<T>) {
      return x + 0.25;
    } else {
      return static_cast<T>(x ^ 1);
    }
  }

  std::size_t target_;
  std::size_t seen_ = 0;
  bool done_ = false;
};

}  // namespace rfsim::saves::testing
