// The state hash as a visitor of the field lists: every listed field, in list order, fed to
// xxHash3. Lists are hashed with their length, the event variant with its index, so two
// states hash alike only if every field is alike.
#pragma once

#include <string_view>

#include "sim/state_hash.hpp"
#include "sim/state_visit.hpp"

namespace rfsim::sim {

class HashVisitor {
 public:
  explicit HashVisitor(StateHasher& h) : h_(h) {}

  template <class T, class... Tags>
  void operator()(const char*, const T& x, const Tags&...) {
    add(x);
  }

  template <class T>
  void add(const T& x) {
    if constexpr (visit::Scalar<T>) {
      h_.add(x);
    } else if constexpr (visit::Time<T>) {
      h_.add(visit::ms_of(x));
    } else if constexpr (std::is_same_v<T, std::string>) {
      h_.add(std::string_view(x));
    } else if constexpr (visit::is_vector<T>) {
      h_.add(static_cast<std::uint64_t>(x.size()));
      for (const auto& e : x) add(static_cast<const typename T::value_type&>(e));
    } else if constexpr (visit::is_array<T>) {
      for (const auto& e : x) add(e);
    } else if constexpr (visit::is_variant<T>) {
      h_.add(static_cast<std::uint64_t>(x.index()));
      std::visit([&](const auto& alt) { add(alt); }, x);
    } else if constexpr (std::is_same_v<T, visit::Loop>) {
      h_.add(x.now().ms());
      h_.add(x.executed());
      h_.add(x.next_seq());
      for (const auto& p : x.pending_in_order()) {
        h_.add(p.time.ms());
        add(p.id);
        add(p.event);
      }
    } else {
      fields(*this, x);
    }
  }

 private:
  StateHasher& h_;
};

}  // namespace rfsim::sim
