// Named, counter-based random streams. Each process of the model draws from its own stream,
// keyed on (scenario seed, stream name), so a decision that changes one process leaves every
// other stream's draws as they were (common random numbers across variants).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rfsim::sim {

/// One stream of random numbers: Philox-2x64-10 over a counter, keyed on the seed and the
/// stream's name. Its whole state is the number of 64-bit words drawn so far.
///   RandomStream s(42, "violations/donetsk");  double u = s.uniform();
class RandomStream {
 public:
  RandomStream(std::uint64_t seed, std::string_view name);

  std::uint64_t next_u64();
  double uniform();                                            // [0, 1)
  double uniform(double lo, double hi);                        // [lo, hi)
  std::int64_t uniform_int(std::int64_t lo, std::int64_t hi);  // [lo, hi], unbiased
  bool bernoulli(double p);
  double exponential(double mean);
  double normal(double mean, double sd);
  double lognormal(double median, double sigma);  // median e^mu, log-sd sigma
  std::int64_t poisson(double mean);

  std::uint64_t key() const { return key_; }       // derived from seed and name
  std::uint64_t draws() const { return draws_; }   // 64-bit words drawn so far
  void set_draws(std::uint64_t n) { draws_ = n; }  // restores a saved position

 private:
  std::uint64_t key_;
  std::uint64_t draws_ = 0;
};

/// A stream's position, as saved: its name and the 64-bit words drawn so far.
struct StreamPosition {
  std::string name;
  std::uint64_t draws = 0;
};

/// The registry of a run's streams, created on first use and kept in name order so that
/// hashing and saving visit them deterministically.
class RandomStreams {
 public:
  explicit RandomStreams(std::uint64_t seed) : seed_(seed) {}

  RandomStream& get(std::string_view name);  // stable reference for the run's life
  std::uint64_t seed() const { return seed_; }
  const std::map<std::string, RandomStream, std::less<>>& all() const { return streams_; }
  std::vector<StreamPosition> positions() const;  // in name order
  /// A registry holding exactly these streams at these positions (created on first use, a
  /// stream exists only once drawn from: the state hash covers their names).
  static RandomStreams at(std::uint64_t seed, const std::vector<StreamPosition>& positions);

 private:
  std::uint64_t seed_;
  std::map<std::string, RandomStream, std::less<>> streams_;
};

}  // namespace rfsim::sim
