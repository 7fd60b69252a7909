// Philox-based random streams (Random123, from Debian's librandom123-dev).
#include "sim/random.hpp"

#include <Random123/philox.h>
#include <xxhash.h>

#include <cassert>
#include <cmath>
#include <numbers>

namespace rfsim::sim {

RandomStream::RandomStream(std::uint64_t seed, std::string_view name)
    : key_(XXH64(name.data(), name.size(), seed)) {}

std::uint64_t RandomStream::next_u64() {
  // One Philox block per word keeps the state a single counter; speed is ample for the model.
  r123::Philox2x64 philox;
  const r123::Philox2x64::ctr_type ctr{{draws_, 0}};
  const r123::Philox2x64::key_type key{{key_}};
  ++draws_;
  return philox(ctr, key)[0];
}

double RandomStream::uniform() {
  return static_cast<double>(next_u64() >> 11) * 0x1.0p-53;
}

double RandomStream::uniform(double lo, double hi) {
  return lo + (hi - lo) * uniform();
}

std::int64_t RandomStream::uniform_int(std::int64_t lo, std::int64_t hi) {
  assert(lo <= hi && "uniform_int: empty range");
  // Unsigned arithmetic throughout: hi - lo overflows std::int64_t for wide ranges.
  const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo) + 1;
  if (span == 0) return static_cast<std::int64_t>(next_u64());  // the whole 64-bit range
  // Rejection keeps the draw unbiased: discard the top partial copy of the range.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % span;
  std::uint64_t x;
  do {
    x = next_u64();
  } while (x >= limit);
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + x % span);
}

bool RandomStream::bernoulli(double p) {
  return uniform() < p;
}

double RandomStream::exponential(double mean) {
  return -mean * std::log1p(-uniform());
}

double RandomStream::normal(double mean, double sd) {
  // Box-Muller, one of the pair: keeps the state a plain counter with no cached spare.
  const double u1 = 1.0 - uniform();  // (0, 1]
  const double u2 = uniform();
  return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double RandomStream::lognormal(double median, double sigma) {
  return median * std::exp(normal(0.0, sigma));
}

std::int64_t RandomStream::poisson(double mean) {
  if (mean <= 0.0) return 0;
  if (mean < 30.0) {  // Knuth's product of uniforms: exact, cost grows with the mean
    const double limit = std::exp(-mean);
    std::int64_t k = 0;
    double p = uniform();
    while (p > limit) {
      ++k;
      p *= uniform();
    }
    return k;
  }
  // Large means: normal approximation with continuity correction (error < 1% of sd).
  const double x = std::floor(normal(mean, std::sqrt(mean)) + 0.5);
  return x < 0.0 ? 0 : static_cast<std::int64_t>(x);
}

RandomStream& RandomStreams::get(std::string_view name) {
  auto it = streams_.find(name);
  if (it == streams_.end())
    it = streams_.emplace(std::string(name), RandomStream(seed_, name)).first;
  return it->second;
}

std::vector<StreamPosition> RandomStreams::positions() const {
  std::vector<StreamPosition> out;
  out.reserve(streams_.size());
  for (const auto& [name, stream] : streams_) out.push_back({name, stream.draws()});
  return out;
}

RandomStreams RandomStreams::at(std::uint64_t seed, const std::vector<StreamPosition>& positions) {
  RandomStreams s(seed);
  for (const StreamPosition& p : positions) s.get(p.name).set_draws(p.draws);
  return s;
}

}  // namespace rfsim::sim
