// xxHash3 streaming behind StateHasher, so xxhash.h stays out of the public header.
#include "sim/state_hash.hpp"

#define XXH_STATIC_LINKING_ONLY  // XXH3_state_t is complete only with this
#include <xxhash.h>

#include <cstdio>

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

std::string format_hash(std::uint64_t hash) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash));
  return buf;
}

}  // namespace rfsim::sim
