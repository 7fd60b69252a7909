// xxHash3 streaming behind StateHasher, so xxhash.h stays out of the public header.
#include "sim/state_hash.hpp"

#define XXH_STATIC_LINKING_ONLY  // XXH3_state_t is complete only with this
#include <xxhash.h>

#include <cstdio>

#include "sim/state_hash_visitor.hpp"

namespace rfsim::sim {

struct StateHasher::State {
  XXH3_state_t xxh;
};

StateHasher::StateHasher() : state_(std::make_unique<State>()) {
  XXH3_64bits_reset(&state_->xxh);
}
StateHasher::~StateHasher() = default;

void StateHasher::add_bytes(const void* data, std::size_t size) {
  XXH3_64bits_update(&state_->xxh, data, size);
}

std::uint64_t StateHasher::digest() const {
  return XXH3_64bits_digest(&state_->xxh);
}

std::uint64_t state_hash(const World& world, const std::vector<StreamPosition>& streams) {
  StateHasher h;
  HashVisitor v(h);
  v.add(world);
  v.add(streams);
  return h.digest();
}

namespace {

/// Hashes each top-level field of the world on its own.
class PartHasher {
 public:
  explicit PartHasher(std::vector<StatePart>& out) : out_(out) {}
  template <class T, class... Tags>
  void operator()(const char* name, const T& x, const Tags&...) {
    StateHasher h;
    HashVisitor(h).add(x);
    out_.push_back({name, h.digest()});
  }

 private:
  std::vector<StatePart>& out_;
};

}  // namespace

std::vector<StatePart> state_parts(const World& world, const std::vector<StreamPosition>& streams) {
  std::vector<StatePart> parts;
  PartHasher v(parts);
  fields(v, world);
  v("streams", streams);
  return parts;
}

std::string format_hash(std::uint64_t hash) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash));
  return buf;
}

}  // namespace rfsim::sim
