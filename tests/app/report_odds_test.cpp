// `rfsim report GAME.rfsave` with the odds asked in the window kept beside it (GAME.odds.json):
// a section with each moment's numbers, and a broken odds file refused by field, exit code 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "batch/odds_file.hpp"
#include "cli_process.hpp"
#include "saves/save_file.hpp"

namespace rfsim {
namespace {

using testing::rfsim;
using testing::scratch;
using testing::slurp;

batch::Odds made_up(std::uint64_t seed) {
  // Numbers of our own making: the test checks that the report shows what the file holds.
  batch::Odds o;
  o.at = sim::SimTime::at(sim::Duration::hours(30));
  o.game_seed = seed;
  o.futures = 40;
  o.days = 3;
  o.ceasefire_break = {true, 10, 40, 0.25, 0.142, 0.401};
  for (const char* name : {"violations_per_day", "ground_changed_km2", "escalation"}) {
    batch::Fan f{name, std::string("title of ") + name, {}};
    for (int d = 0; d < 3; ++d) f.days.push_back({1.0 + d, 2.0 + d, 3.0 + d, 4.0 + d, 5.0 + d});
    o.fans.push_back(f);
  }
  return o;
}

TEST(ReportOdds, ASavesReportShowsTheOddsKeptBesideIt) {
  const auto dir = scratch("report-odds");
  const auto save = dir / "game.rfsave";
  ASSERT_EQ(rfsim("run --until 2d -q --save " + save.string()).code, 0);
  const std::uint64_t seed = saves::read_save(save).seed;
  batch::keep_odds(save, made_up(seed));
  const auto r = rfsim("report " + save.string() + " --no-maps --out " + (dir / "aar").string());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("with the odds asked at 1 moment"), std::string::npos) << r.out;
  const std::string html = slurp(dir / "aar" / "report.html");
  EXPECT_NE(html.find("<section id=\"odds\">"), std::string::npos);
  EXPECT_NE(html.find("From D+1 06:00:00"), std::string::npos) << "the moment asked at";
  EXPECT_NE(html.find("Ceasefire break within 3 days: <b>25%</b> (95% interval 14% to 40%; 10 "
                      "of 40 futures)"),
            std::string::npos);
  for (const char* name : {"violations_per_day", "ground_changed_km2", "escalation"}) {
    EXPECT_NE(html.find("id=\"odds-0-" + std::string(name) + "\""), std::string::npos) << name;
  }
  EXPECT_EQ(html.find("not this game's"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(ReportOdds, ABrokenOddsFileIsBadInputAndNothingIsWritten) {
  const auto dir = scratch("report-odds-bad");
  const auto save = dir / "game.rfsave";
  ASSERT_EQ(rfsim("run --until 1d -q --save " + save.string()).code, 0);
  std::string text = batch::odds_json({made_up(1)});
  text.replace(text.find("\"days\": 3,"), 10, "\"days\": -3,");
  {
    std::ofstream out(dir / "game.odds.json");
    out << text;
  }
  const auto r = rfsim("report " + save.string() + " --no-maps --out " + (dir / "aar").string());
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("game.odds.json: odds[0].days: expected a whole number"), std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "aar" / "report.html"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rfsim
