// The odds from a moment of a game: N futures played on from its state on worker threads, and
// what they show day by day (a fan of each headline measure) and the odds of a ceasefire break.
#pragma once

#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

#include "map/theatre.hpp"
#include "saves/save.hpp"
#include "sim/scenario.hpp"
#include "sim/time.hpp"

namespace rfsim::batch {

struct OddsRequest {
  std::uint32_t futures = 200;
  std::int32_t days = 30;  // the horizon
  unsigned threads = 0;    // 0: every core
};

/// A day's spread over the futures: the median, the 50% band (p25..p75) and the 90% band
/// (p5..p95), linear interpolation between order statistics.
struct Band {
  double p5 = 0, p25 = 0, p50 = 0, p75 = 0, p95 = 0;
};

/// One headline measure over the horizon: days[0] is the first day after the moment.
struct Fan {
  std::string name;   // "violations_per_day"
  std::string title;  // "violations a day"
  std::vector<Band> days;
};

/// A ceasefire break's odds over the horizon, with a 95% Wilson score interval. Applies only
/// when a ceasefire was in force and unbroken at the moment.
struct BreakOdds {
  bool applies = false;
  std::uint32_t breaks = 0;  // futures in which it broke
  std::uint32_t futures = 0;
  double p = 0, ci_low = 0, ci_high = 0;
};

/// What the futures from one moment showed, kept with that moment.
struct Odds {
  sim::SimTime at;              // the moment asked at
  std::uint64_t game_seed = 0;  // the game's scenario seed, which with `at` keys the futures
  std::uint32_t futures = 0;
  std::int32_t days = 0;
  std::vector<Fan> fans;  // violations_per_day, ground_changed_km2, escalation, in that order
  BreakOdds ceasefire_break;
  std::uint64_t digest = 0;  // of every future's end state hash, in order: same odds, same digest
};

/// The seed of future `r` from the moment `at` of a game seeded `game_seed`: asked twice at the
/// same moment, the odds are the same; asked at another moment, the futures differ.
std::uint64_t future_seed(std::uint64_t game_seed, sim::SimTime at, std::uint32_t r);

/// Plays `request.futures` futures of `request.days` days on from `from` (a state of a run of
/// `scenario` on `theatre`), doctrine answering every decision. `progress(done)` is called on
/// the calling thread. Throws Cancelled (batch/pool.hpp) once `stop` is requested, and
/// std::invalid_argument for a request of no futures or no days.
Odds run_odds(const sim::Scenario& scenario, const map::Theatre& theatre,
              const saves::Snapshot& from, const OddsRequest& request, std::stop_token stop = {},
              const std::function<void(std::size_t)>& progress = {});

/// The spread of `values` (not empty).
Band band_of(std::vector<double> values);

/// The 95% Wilson score interval of k successes in n trials.
void wilson_interval(std::uint32_t k, std::uint32_t n, double& low, double& high);

}  // namespace rfsim::batch
