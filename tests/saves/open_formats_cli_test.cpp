// `rfsim export`, `rfsim msel` and `rfsim branches` run as processes; the exported files read
// back by readers other than ours: GDAL's ogrinfo (GeoJSON, libkml and KML drivers) and xmllint.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "cli_process.hpp"

namespace rfsim::saves {
namespace {

using testing_cli::read_all;
using testing_cli::Result;
using testing_cli::rfsim;
using testing_cli::shell;

using ::testing::HasSubstr;
using ::testing::Not;

// ogrinfo's feature count of each layer ("" for a file with one layer), failing the test when
// GDAL cannot open the file. `config` picks a driver: "--config GDAL_SKIP LIBKML" reads KML
// with the expat-based KML driver instead of libkml.
std::map<std::string, long> ogr_counts(const std::filesystem::path& file,
                                       const std::string& config = "",
                                       const std::string& where = "") {
  const Result r = shell("ogrinfo " + config + " -ro -so -al " +
                         (where.empty() ? "" : "-where \"" + where + "\" ") + file.string());
  EXPECT_EQ(r.code, 0) << "ogrinfo rejected " << file << ":\n" << r.out.substr(0, 2000);
  std::map<std::string, long> counts;
  std::string layer;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("Layer name: ", 0) == 0) layer = line.substr(12);
    if (line.rfind("Feature Count: ", 0) == 0) counts[layer] = std::stol(line.substr(15));
  }
  return counts;
}

// The number before `what` in rfsim's summary line ("45 units, 54 open violations").
long said(const std::string& out, const std::string& what) {
  std::smatch m;
  EXPECT_TRUE(std::regex_search(out, m, std::regex("([0-9]+) " + what))) << what << " in " << out;
  return m.empty() ? -1 : std::stol(m[1]);
}

class OpenFormatsCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::filesystem::temp_directory_path() / ("rfsim-formats-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    const Result r = rfsim("run --until 2d -q --save " + path("game.rfsave").string());
    ASSERT_EQ(r.code, 0) << r.out;
    const Result tools = shell("command -v ogrinfo && command -v xmllint");
    ASSERT_EQ(tools.code, 0) << "ogrinfo (gdal-bin) and xmllint (libxml2-utils) are needed: "
                                "scripts/install-deps.sh installs them";
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }
  static std::filesystem::path path(const std::string& name) { return dir_ / name; }
  static inline std::filesystem::path dir_;
};

TEST_F(OpenFormatsCli, StateAsGeoJsonIsReadByGdal) {
  const Result r = rfsim("export " + path("game.rfsave").string() +
                         " --format geojson --at 30h --out " + path("state.geojson").string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("the state at D+1 06:00:00"));
  const long units = said(r.out, "units"), open = said(r.out, "open violations");
  const long regions = said(r.out, "regions"), cut = said(r.out, "cut links");
  EXPECT_GT(units, 10);
  const auto all = ogr_counts(path("state.geojson"));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all.begin()->second, units + open + regions + 1 + cut);
  EXPECT_EQ(ogr_counts(path("state.geojson"), "", "layer='units'").begin()->second, units);
  EXPECT_EQ(ogr_counts(path("state.geojson"), "", "layer='regions'").begin()->second, regions);
  // GDAL reads the timestamps as dates and the SIDC as text.
  const Result f =
      shell("ogrinfo -ro -al -q " + path("state.geojson").string() + " -where \"name='uk-qrf'\"");
  EXPECT_THAT(f.out, HasSubstr("time (DateTime) = 2026/01/02 06:00:00"));
  EXPECT_THAT(f.out, HasSubstr("sidc (String) = 10031004161211000000"));
}

TEST_F(OpenFormatsCli, StateAsKmlIsReadByLibkmlAndKmlDriversAndWellFormed) {
  const Result r = rfsim("export " + path("game.rfsave").string() + " --at 30h --out " +
                         path("state.kml").string());  // the format from the extension
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("(KML,"));
  const auto libkml = ogr_counts(path("state.kml"));
  EXPECT_EQ(libkml.at("units"), said(r.out, "units"));
  EXPECT_EQ(libkml.at("violations"), said(r.out, "open violations"));
  EXPECT_EQ(libkml.at("regions"), said(r.out, "regions"));
  EXPECT_EQ(libkml.at("line_of_contact"), 1);
  const auto expat = ogr_counts(path("state.kml"), "--config GDAL_SKIP LIBKML");
  EXPECT_EQ(expat.at("units"), said(r.out, "units"));
  EXPECT_EQ(expat.at("regions"), said(r.out, "regions"));
  const Result lint = shell("xmllint --noout " + path("state.kml").string());
  EXPECT_EQ(lint.code, 0) << lint.out;
}

TEST_F(OpenFormatsCli, WholeGameTracksInBothFormats) {
  Result r = rfsim("export " + path("game.rfsave").string() + " --out " +
                   path("game.geojson").string() + " --epoch 2030-06-01T06:00:00Z");
  ASSERT_EQ(r.code, 0) << r.out;
  const long tracks = said(r.out, "unit tracks"), positions = said(r.out, "positions");
  const long violations = said(r.out, "violations");
  EXPECT_GT(positions, tracks);
  EXPECT_GT(violations, 100);
  EXPECT_EQ(ogr_counts(path("game.geojson")).begin()->second, tracks + positions + violations);
  EXPECT_EQ(ogr_counts(path("game.geojson"), "", "layer='tracks'").begin()->second, tracks);
  // The epoch moves every time: the first positions are at 06:00 on 1 June 2030.
  const Result first = shell("ogrinfo -ro -al -q " + path("game.geojson").string() +
                             " -where \"layer='positions' AND name='uk-qrf'\"");
  EXPECT_THAT(first.out, HasSubstr("time (DateTime) = 2030/06/01 06:00:00"));

  r = rfsim("export " + path("game.rfsave").string() + " --format kml --out " +
            path("game.kml").string());
  ASSERT_EQ(r.code, 0) << r.out;
  const auto kml = ogr_counts(path("game.kml"));
  EXPECT_EQ(kml.at("tracks"), tracks);  // gx:Track, read by libkml
  EXPECT_EQ(kml.at("positions"), positions);
  EXPECT_EQ(kml.at("violations"), violations);
  EXPECT_EQ(shell("xmllint --noout " + path("game.kml").string()).code, 0);
}

TEST_F(OpenFormatsCli, BadInputExitsTwoAndWritesNothing) {
  { std::ofstream(path("keep.geojson")) << "precious"; }
  const std::string keep = " --out " + path("keep.geojson").string();
  const std::string game = path("game.rfsave").string();
  struct Case {
    std::string args;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"export " + path("missing.rfsave").string() + keep, "missing.rfsave"},
      {"export " + game + " --at -5h" + keep, "--at: bad duration \"-5h\": it is negative"},
      {"export " + game + " --at 5x" + keep, "--at: bad duration \"5x\""},
      {"export " + game + " --at 9d" + keep, "--at 9d: after the end of"},
      {"export " + game + " --epoch 2026-02-30" + keep, "--epoch: bad date and time"},
      {"export " + game + " --format shapefile" + keep,
       "--format shapefile: expected geojson or kml"},
      {"export " + game + " --at 1d --out /no/such/folder/x.geojson", "does not exist"},
      {"export " + game + " --format kml --out " + dir_.string(), "is a folder"},
  };
  for (const Case& c : cases) {
    const Result r = rfsim(c.args);
    EXPECT_EQ(r.code, 2) << c.args << "\n" << r.out;
    EXPECT_THAT(r.out, HasSubstr(c.says)) << c.args;
  }
  EXPECT_EQ(read_all(path("keep.geojson")), "precious");
  for (const auto& e : std::filesystem::directory_iterator(dir_)) {
    EXPECT_THAT(e.path().filename().string(), Not(HasSubstr(".tmp-"))) << "left behind";
  }
}

TEST_F(OpenFormatsCli, MselExportedAndImportedGivesTheScenarioBack) {
  const std::string scenario = std::string(RFSIM_ASSETS_DIR) + "/scenarios/partial-ceasefire.toml";
  Result r = rfsim("msel export " + scenario + " --out " + path("msel.csv").string());
  ASSERT_EQ(r.code, 0) << r.out;
  const std::string csv = read_all(path("msel.csv"));
  EXPECT_THAT(csv, HasSubstr("time,kind,regime,us_support,nation,region,to,count,note,unit,"
                             "readiness,mode\n"
                             "T+5d,provocation,,,,sector_pokrovsk,,25,"));
  r = rfsim("msel import " + scenario + " " + path("msel.csv").string() + " --out " +
            path("same.toml").string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(read_all(path("same.toml")), read_all(scenario));

  // One more inject from the spreadsheet: the new scenario validates and has it.
  {
    std::ofstream(path("msel.csv"), std::ios::app)
        << "T+20d,set_regime,full,,,,,,\"Talks, at last\"\n";
  }
  r = rfsim("msel import " + scenario + " " + path("msel.csv").string() + " --out " +
            path("more.toml").string());
  ASSERT_EQ(r.code, 0) << r.out;
  r = rfsim("validate " + path("more.toml").string());
  EXPECT_EQ(r.code, 0) << r.out;
  // the shipped five, and the new one
  EXPECT_THAT(r.out, HasSubstr("6 injects"));
  EXPECT_THAT(read_all(path("more.toml")), HasSubstr("note = \"Talks, at last\""));
}

TEST_F(OpenFormatsCli, MselWithBadRowsListsThemAllAndWritesNothing) {
  const std::string scenario = std::string(RFSIM_ASSETS_DIR) + "/scenarios/partial-ceasefire.toml";
  {
    std::ofstream(path("bad.csv")) << "time,kind,region,count\n"
                                      "T+1d,provocation,atlantis,3\n"
                                      "1d,provocation,kharkiv,3\n"
                                      "T+2d,provocation,kharkiv,many\n";
  }
  { std::ofstream(path("keep.toml")) << "precious"; }
  const Result r = rfsim("msel import " + scenario + " " + path("bad.csv").string() + " --out " +
                         path("keep.toml").string());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_THAT(r.out, HasSubstr("bad.csv: 3 problems, nothing written:"));
  EXPECT_THAT(r.out, HasSubstr("bad.csv:2:18: region: unknown region \"atlantis\""));
  EXPECT_THAT(r.out, HasSubstr("bad.csv:3:1: time: \"1d\": expected a time from the start"));
  EXPECT_THAT(r.out, HasSubstr("bad.csv:4:26: count: expected an integer from 1 to 10000"));
  EXPECT_EQ(read_all(path("keep.toml")), "precious");
  EXPECT_EQ(rfsim("msel import " + scenario + " " + path("none.csv").string() + " --out " +
                  path("keep.toml").string())
                .code,
            2);
}

TEST_F(OpenFormatsCli, BranchesPrintsTheTreeWithForkTimes) {
  const std::filesystem::path tree = path("tree");
  std::filesystem::create_directories(tree);
  std::filesystem::copy_file(path("game.rfsave"), tree / "game.rfsave");
  auto branch = [&](const std::string& parent, const std::string& at, const std::string& out,
                    const std::string& until) {
    const Result r = rfsim("branch " + (tree / parent).string() + " --at " + at + " --out " +
                           (tree / out).string() + " --inject regime=full" + until);
    ASSERT_EQ(r.code, 0) << r.out;
  };
  branch("game.rfsave", "1d", "talks.rfsave", " --until 2d");
  branch("talks.rfsave", "1d6h", "talks-later.rfsave", " --until 2d");
  branch("game.rfsave", "12h", "early.rfsave", "");
  const Result r = rfsim("branches " + tree.string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_THAT(r.out,
              ::testing::MatchesRegex(
                  "game\\.rfsave: \"[^\"]+\", 0s to 2d, [0-9]+ commands\n"
                  "    early\\.rfsave: forked at 12h \\(D\\+0 12:00:00\\), to 12h, 1 commands\n"
                  "    talks\\.rfsave: forked at 1d \\(D\\+1 00:00:00\\), to 2d, 1 commands\n"
                  "        talks-later\\.rfsave: forked at 1d6h \\(D\\+1 06:00:00\\), to 2d, 2 "
                  "commands\n"));
  // A branch whose parent is not given stands as a root, and says so.
  const Result alone = rfsim("branches " + (tree / "talks-later.rfsave").string());
  EXPECT_THAT(alone.out, HasSubstr("talks-later.rfsave: forked at 1d6h (D+1 06:00:00) from "
                                   "talks.rfsave (not among these saves)"));
  EXPECT_EQ(rfsim("branches " + path("nothing-here").string()).code, 2);
}

}  // namespace
}  // namespace rfsim::saves
