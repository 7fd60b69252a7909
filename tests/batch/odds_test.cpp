// The odds from a moment of a game: the same numbers twice, other numbers from another moment,
// a fan that spreads, a ceasefire break's odds inside their interval, cancellation, and the
// odds file read back and refused when broken.
#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "batch/odds.hpp"
#include "batch/odds_file.hpp"
#include "batch/pool.hpp"
#include "map/theatre.hpp"
#include "saves/snapshot.hpp"
#include "sim/scenario_loader.hpp"
#include "sim/simulation.hpp"

namespace rfsim::batch {
namespace {

const map::Theatre& theatre() {
  static const map::Theatre t = map::Theatre::load(RFSIM_ASSETS_DIR);
  return t;
}

const sim::Scenario& scenario() {
  static const sim::Scenario s = sim::load_scenario(
      std::string(RFSIM_ASSETS_DIR) + "/scenarios/partial-ceasefire.toml", theatre());
  return s;
}

saves::Snapshot moment(std::int64_t hours) {
  sim::Simulation run(scenario(), theatre());
  run.run_until(sim::SimTime::at(sim::Duration::hours(hours)));
  return saves::take_snapshot(run);
}

OddsRequest small(std::uint32_t futures = 12, std::int32_t days = 4) {
  OddsRequest r;
  r.futures = futures;
  r.days = days;
  r.threads = 2;
  return r;
}

TEST(Odds, TheSameMomentGivesTheSameOddsTwice) {
  const saves::Snapshot at = moment(48);
  const Odds a = run_odds(scenario(), theatre(), at, small());
  OddsRequest other_threads = small();
  other_threads.threads = 1;
  const Odds b = run_odds(scenario(), theatre(), at, other_threads);
  EXPECT_EQ(a.digest, b.digest);
  EXPECT_EQ(a.at, sim::SimTime::at(sim::Duration::hours(48)));
  ASSERT_EQ(a.fans.size(), 3u);
  for (std::size_t f = 0; f < a.fans.size(); ++f) {
    ASSERT_EQ(a.fans[f].days.size(), 4u);
    for (std::size_t d = 0; d < 4; ++d) {
      EXPECT_EQ(a.fans[f].days[d].p50, b.fans[f].days[d].p50) << a.fans[f].name << " day " << d;
      EXPECT_EQ(a.fans[f].days[d].p95, b.fans[f].days[d].p95) << a.fans[f].name << " day " << d;
    }
  }
  EXPECT_EQ(a.ceasefire_break.breaks, b.ceasefire_break.breaks);
}

TEST(Odds, FuturesDifferFromEachOtherAndFromAnotherMoment) {
  const Odds a = run_odds(scenario(), theatre(), moment(48), small());
  const Odds b = run_odds(scenario(), theatre(), moment(72), small());
  EXPECT_NE(a.digest, b.digest);
  EXPECT_NE(future_seed(1, a.at, 0), future_seed(1, b.at, 0));
  EXPECT_NE(future_seed(1, a.at, 0), future_seed(1, a.at, 1));
  // The futures spread: some day's violations differ between the 5th and 95th percentiles.
  bool spread = false;
  for (const Band& d : a.fans[0].days) spread |= d.p95 > d.p5;
  EXPECT_TRUE(spread) << "every future drew the same violations: the seeds are not used";
  for (const Fan& f : a.fans) {
    for (const Band& d : f.days) {
      EXPECT_LE(d.p5, d.p25);
      EXPECT_LE(d.p25, d.p50);
      EXPECT_LE(d.p50, d.p75);
      EXPECT_LE(d.p75, d.p95);
    }
  }
}

TEST(Odds, TheFanStartsFromTheMomentNotFromTheStart) {
  // Violations a day after two days of play are a day's worth, not the game's total so far.
  const saves::Snapshot at = moment(24 * 5);
  const Odds o = run_odds(scenario(), theatre(), at, small(8, 2));
  const double before = static_cast<double>(at.world.measures.violations);
  ASSERT_GT(before, 0);
  EXPECT_LT(o.fans[0].days[0].p95, before) << "the fan counts the past";
  EXPECT_LE(std::abs(o.fans[1].days[0].p50), 1e6);
}

TEST(Odds, CeasefireBreakOddsSitInTheirInterval) {
  const Odds o = run_odds(scenario(), theatre(), moment(24), small(20, 10));
  const BreakOdds& b = o.ceasefire_break;
  ASSERT_TRUE(b.applies) << "the partial-ceasefire scenario has a ceasefire in force";
  EXPECT_EQ(b.futures, 20u);
  EXPECT_DOUBLE_EQ(b.p, b.breaks / 20.0);
  EXPECT_LE(b.ci_low, b.p);
  EXPECT_GE(b.ci_high, b.p);
  EXPECT_LT(b.ci_low, b.ci_high);
}

TEST(Odds, WilsonIntervalKnownValues) {
  double lo = 0, hi = 0;
  wilson_interval(0, 200, lo, hi);
  EXPECT_EQ(lo, 0);
  EXPECT_NEAR(hi, 0.0188, 5e-4);
  wilson_interval(50, 100, lo, hi);
  EXPECT_NEAR(lo, 0.4038, 5e-4);
  EXPECT_NEAR(hi, 0.5962, 5e-4);
}

TEST(Odds, BandsInterpolateBetweenOrderStatistics) {
  const Band b = band_of({4, 0, 3, 1, 2});
  EXPECT_DOUBLE_EQ(b.p50, 2);
  EXPECT_DOUBLE_EQ(b.p25, 1);
  EXPECT_DOUBLE_EQ(b.p5, 0.2);
  EXPECT_DOUBLE_EQ(b.p95, 3.8);
}

TEST(Odds, CanBeCancelled) {
  const saves::Snapshot at = moment(24);
  std::stop_source stop;
  std::atomic<std::size_t> seen{0};
  std::jthread canceller([&] {
    while (seen.load() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    stop.request_stop();
  });
  EXPECT_THROW(run_odds(scenario(), theatre(), at, small(100'000, 30), stop.get_token(),
                        [&](std::size_t done) { seen = done + 1; }),
               Cancelled);
}

TEST(Odds, RefusesNoFutures) {
  EXPECT_THROW(run_odds(scenario(), theatre(), moment(1), small(0, 3)), std::invalid_argument);
  EXPECT_THROW(run_odds(scenario(), theatre(), moment(1), small(3, 0)), std::invalid_argument);
}

std::filesystem::path temp_dir() {
  const auto d =
      std::filesystem::temp_directory_path() / ("rfsim-odds-" + std::to_string(::getpid()));
  std::filesystem::create_directories(d);
  return d;
}

TEST(OddsFile, KeptBesideTheSaveAndReadBack) {
  const auto dir = temp_dir();
  const auto save = dir / "game.rfsave";
  const Odds a = run_odds(scenario(), theatre(), moment(48), small(6, 3));
  const Odds b = run_odds(scenario(), theatre(), moment(24), small(6, 3));
  EXPECT_EQ(keep_odds(save, a), dir / "game.odds.json");
  keep_odds(save, b);
  keep_odds(save, a);  // asked again at the same moment: replaces
  const std::vector<Odds> back = read_odds_file(dir / "game.odds.json");
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].at, b.at);  // by moment
  EXPECT_EQ(back[1].digest, a.digest);
  EXPECT_EQ(back[1].fans[2].days[1].p50, a.fans[2].days[1].p50);
  EXPECT_EQ(back[1].ceasefire_break.breaks, a.ceasefire_break.breaks);
  std::filesystem::remove_all(dir);
}

TEST(OddsFile, ABrokenFileIsRefusedByFieldAndNotOverwritten) {
  const auto dir = temp_dir();
  const auto file = dir / "game.odds.json";
  const Odds a = run_odds(scenario(), theatre(), moment(24), small(4, 2));
  std::string text = odds_json({a});
  const std::size_t p50 = text.find("\"p50\"");
  ASSERT_NE(p50, std::string::npos);
  text.replace(p50, 5, "\"p51\"");
  { std::ofstream(file) << text; }
  try {
    read_odds_file(file);
    FAIL() << "read a file with a field missing";
  } catch (const OddsFileError& e) {
    EXPECT_NE(std::string(e.what()).find("odds[0].fans[0].days[0].p50: missing"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW(keep_odds(dir / "game.rfsave", a), OddsFileError);
  std::ifstream in(file);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), text) << "overwritten";
  { std::ofstream(file) << "{\"rfsim_odds\": 1, \"odds\": [ {\"at_ms\": -3"; }
  EXPECT_THROW(read_odds_file(file), OddsFileError);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rfsim::batch
