// `rfsim` as a user meets it: exit codes 0/1/2, plain messages that name the file and place,
// outputs written whole or not at all.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_process.hpp"

namespace rfsim {
namespace {

using testing::rfsim;
using testing::scratch;
using testing::slurp;

std::string hash_line(const std::string& out) {
  const auto at = out.find("state hash");
  return at == std::string::npos ? "" : out.substr(at, out.find('\n', at) - at);
}

TEST(Cli, RunDefaultScenarioPrintsSummaryAndHash) {
  const auto r = rfsim("run --until 2d");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("violations"), std::string::npos);
  EXPECT_NE(r.out.find("time to respond  mean"), std::string::npos);
  EXPECT_NE(r.out.find("95th percentile"), std::string::npos);
  EXPECT_EQ(hash_line(r.out).size(), std::string("state hash  ").size() + 16) << r.out;
}

TEST(Cli, SameSeedSameHashOtherSeedOther) {
  const auto a = rfsim("run --until 2d --seed 5");
  const auto b = rfsim("run --until 2d --seed 5");
  const auto c = rfsim("run --until 2d --seed 6");
  ASSERT_EQ(a.code, 0);
  EXPECT_EQ(hash_line(a.out), hash_line(b.out));
  EXPECT_NE(hash_line(a.out), hash_line(c.out));
}

TEST(Cli, ValidateGoodAndBadScenario) {
  const auto dir = scratch("validate");
  const auto good = rfsim("validate " RFSIM_ASSETS_DIR "/scenarios/partial-ceasefire.toml");
  EXPECT_EQ(good.code, 0) << good.err;
  EXPECT_NE(good.out.find("valid"), std::string::npos);

  std::string text = slurp(RFSIM_ASSETS_DIR "/scenarios/partial-ceasefire.toml");
  text.replace(text.find("home = \"kharkiv\""), 16, "home = \"narnia\"");
  std::ofstream(dir / "bad.toml") << text;
  const auto bad = rfsim("validate " + (dir / "bad.toml").string());
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find((dir / "bad.toml").string() + ":"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find(".home: unknown region \"narnia\""), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("rfsim: 1 problem in " + (dir / "bad.toml").string()), std::string::npos)
      << bad.err;

  // Every problem is listed, each on its line, then how many.
  text.replace(text.find("strength = "), 11, "strenght = ");
  std::ofstream(dir / "worse.toml") << text;
  const auto worse = rfsim("validate " + (dir / "worse.toml").string());
  EXPECT_EQ(worse.code, 2);
  EXPECT_NE(worse.err.find("unknown field \"strenght\" (did you mean \"strength\"?)"),
            std::string::npos)
      << worse.err;
  EXPECT_NE(worse.err.find(".home: unknown region \"narnia\""), std::string::npos) << worse.err;
  EXPECT_NE(worse.err.find("rfsim: 2 problems in " + (dir / "worse.toml").string()),
            std::string::npos)
      << worse.err;
}

TEST(Cli, NegativeAndMalformedDurationsAreBadInput) {
  auto r = rfsim("run --until -5h");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--until: bad duration \"-5h\": it is negative"), std::string::npos)
      << r.err;
  r = rfsim("run --until 5");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("a unit (ms, s, m, h or d)"), std::string::npos) << r.err;
}

TEST(Cli, MissingScenarioFileIsBadInput) {
  const auto r = rfsim("run /no/such/scenario.toml");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("/no/such/scenario.toml: cannot open the file"), std::string::npos) << r.err;
}

TEST(Cli, UnknownCommandOrOptionIsUsageError) {
  EXPECT_EQ(rfsim("frobnicate").code, 2);
  EXPECT_EQ(rfsim("run --frobnicate").code, 2);
  EXPECT_EQ(rfsim("").code, 2);
}

TEST(Cli, OutputIntoMissingFolderWritesNothing) {
  const auto r = rfsim("run --until 1d --trace /no/such/folder/t.csv");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("the folder /no/such/folder does not exist"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(Cli, FailedRunLeavesExistingFilesAlone) {
  const auto dir = scratch("keep");
  std::ofstream(dir / "metrics.json") << "precious";
  const auto r = rfsim("run /no/such.toml --metrics " + (dir / "metrics.json").string());
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(slurp(dir / "metrics.json"), "precious");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& f : std::filesystem::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 1u);  // no temporary left behind
}

TEST(Cli, TraceMetricsAndDailyFiles) {
  const auto dir = scratch("files");
  const auto r =
      rfsim("run --until 3d --quiet --trace " + (dir / "t.csv").string() + " --metrics " +
            (dir / "m.json").string() + " --daily " + (dir / "d.csv").string());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  const auto metrics = nlohmann::json::parse(slurp(dir / "m.json"));
  EXPECT_GT(metrics["violations"].get<int>(), 100);
  EXPECT_EQ(metrics["escalation_by_day"].size(), 3u);
  EXPECT_EQ(metrics["state_hash"].get<std::string>().size(), 16u);
  const std::string trace = slurp(dir / "t.csv");
  EXPECT_EQ(trace.rfind("time_ms,clock,kind,violation,region,unit,detail\n", 0), 0u);
  std::size_t violations = 0;
  // Records of kind "violation" (the header's column of that name ends in ",region").
  for (std::size_t at = trace.find(",violation,"); at != std::string::npos;
       at = trace.find(",violation,", at + 1)) {
    if (trace.compare(at, 17, ",violation,region") == 0) continue;
    ++violations;
  }
  // Incidents in the flank states are traced as violations too, and counted apart (issue 12).
  std::size_t flank = 0;
  for (const char* state : {"poland", "romania", "moldova"}) {
    flank += metrics["measures"][std::string(state) + "_incidents"].get<std::size_t>();
  }
  EXPECT_EQ(violations, metrics["violations"].get<std::size_t>() + flank);
  const std::string daily = slurp(dir / "d.csv");
  EXPECT_EQ(std::count(daily.begin(), daily.end(), '\n'), 4);  // header + 3 days
  // Red in both: every measure of the table, each sector's step, and a step column a sector.
  EXPECT_EQ(metrics["measures"]["violations"].get<double>(), metrics["violations"].get<double>());
  EXPECT_TRUE(metrics["measures"].contains("highest_step"));
  ASSERT_EQ(metrics["sectors"].size(), 8u);
  EXPECT_EQ(metrics["sectors"][0]["sector"].get<std::string>(), "sector_kupiansk");
  EXPECT_NE(daily.find(",mean_step,step_sector_kupiansk,"), std::string::npos);
  const std::string last = daily.substr(daily.rfind('\n', daily.size() - 2) + 1);
  EXPECT_EQ(std::count(last.begin(), last.end(), ','),
            std::count(daily.begin(), daily.begin() + static_cast<long>(daily.find('\n')), ','));
}

TEST(Cli, HeadlessRunAnswersDecisionsByDoctrine) {
  const auto dir = scratch("ask");
  std::ofstream(dir / "ask.toml") << R"([scenario]
name = "ask"
seed = 3
length = "2d"
regime = "full"
decisions = "ask"
[[nations]]
code = "UK"
[[units]]
id = "qrf"
nation = "UK"
type = "quick_reaction"
strength = 600
home = "zaporizhzhia"
[[injects]]
at = "1h"
kind = "provocation"
region = "sector_orikhiv"
count = 5
)";
  const auto r = rfsim("run " + (dir / "ask.toml").string());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("time        D+2 00:00:00"), std::string::npos) << r.out;  // ran to the end
  EXPECT_NE(r.out.find("answered by doctrine"), std::string::npos) << r.out;
}

TEST(Cli, SnapshotWritesPngOfRequestedSize) {
  const auto dir = scratch("snap");
  const auto png = dir / "map.png";
  const auto r = rfsim("snapshot --at 6h --size 800x500 --out " + png.string());
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string bytes = slurp(png);
  ASSERT_GT(bytes.size(), 24u);
  EXPECT_EQ(bytes.substr(1, 3), "PNG");
  auto be32 = [&](std::size_t at) {
    return (unsigned(static_cast<unsigned char>(bytes[at])) << 24) |
           (unsigned(static_cast<unsigned char>(bytes[at + 1])) << 16) |
           (unsigned(static_cast<unsigned char>(bytes[at + 2])) << 8) |
           unsigned(static_cast<unsigned char>(bytes[at + 3]));
  };
  EXPECT_EQ(be32(16), 800u);
  EXPECT_EQ(be32(20), 500u);
}

TEST(Cli, SnapshotBadSizeOrTimeIsBadInput) {
  EXPECT_EQ(rfsim("snapshot --size big --out /tmp/x.png").code, 2);
  const auto r = rfsim("snapshot --at 90d --out /tmp/x.png");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("after the scenario's end"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace rfsim
