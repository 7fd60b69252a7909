// `rfsim batch` and `rfsim report` as a user meets them: results that do not depend on the
// thread or rank count, variants on common seeds, and reports that carry the run's numbers.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <regex>
#include <set>
#include <vector>

#include "cli_process.hpp"

namespace rfsim {
namespace {

using testing::rfsim;
using testing::scratch;
using testing::slurp;

// A results CSV as rows of fields, header first.
std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& p) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(slurp(p));
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f;
    std::size_t from = 0;
    while (true) {
      const auto at = line.find(',', from);
      f.push_back(line.substr(from, at - from));
      if (at == std::string::npos) break;
      from = at + 1;
    }
    rows.push_back(f);
  }
  return rows;
}

std::size_t column(const std::vector<std::vector<std::string>>& csv, const std::string& name) {
  for (std::size_t i = 0; i < csv.front().size(); ++i) {
    if (csv.front()[i] == name) return i;
  }
  ADD_FAILURE() << "no column " << name;
  return 0;
}

// Short runs keep the suite quick: three days, a dozen replications.
const std::string kShort = "batch --length 3d --runs 12 -q ";

TEST(Batch, SameResultsWhateverTheThreadCount) {
  const auto dir = scratch("batch-threads");
  const auto one = rfsim(kShort + "--threads 1 --out " + (dir / "one.csv").string());
  const auto two = rfsim(kShort + "--threads 2 --out " + (dir / "two.csv").string());
  ASSERT_EQ(one.code, 0) << one.err;
  ASSERT_EQ(two.code, 0) << two.err;
  const std::string a = slurp(dir / "one.csv");
  EXPECT_EQ(a, slurp(dir / "two.csv"));
  EXPECT_EQ(slurp(dir / "one.summary.csv"), slurp(dir / "two.summary.csv"));
  EXPECT_EQ(read_csv(dir / "one.csv").size(), 13u);  // header and 12 runs
  // Replications differ from one another (each has its own seed).
  const auto csv = read_csv(dir / "one.csv");
  const std::size_t hash = column(csv, "state_hash");
  EXPECT_NE(csv[1][hash], csv[2][hash]);
}

TEST(Batch, DailyWritesEachRunsDaysAndTheyAddUpToItsRow) {
  const auto dir = scratch("batch-daily");
  std::filesystem::create_directories(dir / "days");
  const auto r = rfsim("batch --length 2d --runs 3 -q --vary coalition=shipped,observers --daily " +
                       (dir / "days").string() + " --out " + (dir / "r.csv").string() + " " +
                       RFSIM_ASSETS_DIR "/scenarios/no-ceasefire.toml");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto results = read_csv(dir / "r.csv");
  ASSERT_EQ(results.size(), 7u);
  const std::size_t variant = column(results, "variant"), rep = column(results, "replication"),
                    violations = column(results, "violations"),
                    red_losses = column(results, "red_losses");
  for (std::size_t i = 1; i < results.size(); ++i) {
    const auto file = dir / "days" /
                      (results[i][variant] + ".000" + results[i][rep] + ".csv");
    ASSERT_TRUE(std::filesystem::exists(file)) << file;
    const auto days = read_csv(file);
    ASSERT_EQ(days.size(), 3u);  // header and two days
    std::int64_t total = 0, losses = 0;
    for (std::size_t d = 1; d < days.size(); ++d) {
      ASSERT_EQ(days[d].size(), days.front().size());
      total += std::stoll(days[d][column(days, "total")]);
      losses += std::stoll(days[d][column(days, "red_losses")]);
      EXPECT_FALSE(days[d][column(days, "step_sector_pokrovsk")].empty());
    }
    EXPECT_EQ(total, std::stoll(results[i][violations]));
    // A combat round at the last midnight falls after the day's row is closed, into a day the
    // run does not finish: the days hold at most the run's losses.
    EXPECT_GT(losses, 0);
    EXPECT_LE(losses, std::stoll(results[i][red_losses]));
  }
  // A folder that is not there is bad input, named.
  const auto bad = rfsim("batch --length 1d --runs 1 -q --daily " + (dir / "nope").string() +
                         " --out " + (dir / "x.csv").string());
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find((dir / "nope").string()), std::string::npos) << bad.err;
}

TEST(Batch, VaryMakesTheVariantsOnCommonSeedsAndTheyDiffer) {
  const auto dir = scratch("batch-vary");
  const auto r = rfsim("batch --length 5d --runs 10 --vary us_support=full,withdrawn --out " +
                       (dir / "r.csv").string());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("variant us_support=full (10 runs)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("variant us_support=withdrawn (10 runs)"), std::string::npos) << r.out;
  const auto csv = read_csv(dir / "r.csv");
  ASSERT_EQ(csv.size(), 21u);
  const std::size_t variant = column(csv, "variant"), rep = column(csv, "replication"),
                    seed = column(csv, "seed"), detected = column(csv, "share_detected");
  std::map<std::string, std::string> seed_of_rep;
  double full = 0, withdrawn = 0;
  for (std::size_t i = 1; i < csv.size(); ++i) {
    const auto& row = csv[i];
    if (i <= 10) {
      EXPECT_EQ(row[variant], "us_support=full");
      seed_of_rep[row[rep]] = row[seed];
      full += std::stod(row[detected]);
    } else {
      EXPECT_EQ(row[variant], "us_support=withdrawn");
      EXPECT_EQ(seed_of_rep[row[rep]], row[seed]) << "replication " << row[rep];  // common seeds
      withdrawn += std::stod(row[detected]);
    }
  }
  EXPECT_LT(withdrawn, full) << "without the US intelligence feed the force should detect less";

  // The JSON summary agrees with the rows.
  const auto j = nlohmann::json::parse(slurp(dir / "r.summary.json"));
  ASSERT_EQ(j["variants"].size(), 2u);
  EXPECT_NEAR(j["variants"][0]["measures"]["share_detected"]["mean"].get<double>(), full / 10,
              1e-9);
  EXPECT_NEAR(j["variants"][1]["measures"]["share_detected"]["mean"].get<double>(), withdrawn / 10,
              1e-9);
  const auto& v = j["variants"][0]["measures"]["violations"];
  EXPECT_LE(v["ci95"][0].get<double>(), v["mean"].get<double>());
  EXPECT_LE(v["p5"].get<double>(), v["p50"].get<double>());
  EXPECT_LE(v["p50"].get<double>(), v["p95"].get<double>());
}

TEST(Batch, ProductOfTwoVariesAndWithdrawal) {
  const auto dir = scratch("batch-product");
  const auto r = rfsim(
      "batch --length 2d --runs 2 -q --vary withdraw=none,TR --vary "
      "cameras_per_sector=0,6 --out " +
      (dir / "p.csv").string());
  ASSERT_EQ(r.code, 0) << r.err;
  const auto csv = read_csv(dir / "p.csv");
  ASSERT_EQ(csv.size(), 9u);
  EXPECT_EQ(csv[1][0], "withdraw=none;cameras_per_sector=0");
  EXPECT_EQ(csv[3][0], "withdraw=none;cameras_per_sector=6");
  EXPECT_EQ(csv[5][0], "withdraw=TR;cameras_per_sector=0");
  EXPECT_EQ(csv[7][0], "withdraw=TR;cameras_per_sector=6");
}

TEST(Batch, BadParamsAndValuesAreBadInput) {
  const auto dir = scratch("batch-bad");
  const std::string out = " --out " + (dir / "x.csv").string();
  auto r = rfsim("batch --runs 2 --vary seed=1,2" + out);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("unknown param \"seed\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("us_support, regime, response_standard"), std::string::npos) << r.err;
  r = rfsim("batch --runs 2 --vary us_support=maybe" + out);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--vary us_support: bad value \"maybe\": expected"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("withdrawn"), std::string::npos) << r.err;
  r = rfsim("batch --runs 2 --vary withdraw=XX" + out);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("a nation code: none, UK, FR"), std::string::npos) << r.err;
  r = rfsim("batch --runs 2 --vary cameras_per_sector=-1" + out);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("cameras_per_sector"), std::string::npos) << r.err;
  r = rfsim("batch --runs 2 --vary response_standard=soon" + out);
  EXPECT_EQ(r.code, 2);
  r = rfsim("batch --runs 0" + out);
  EXPECT_EQ(r.code, 2);
  r = rfsim("batch --runs 2 --out /nonexistent/dir/x.csv");
  EXPECT_EQ(r.code, 2);
  EXPECT_FALSE(std::filesystem::exists(dir / "x.csv"));
}

TEST(Batch, MpiRanksGiveTheSingleProcessFile) {
  if (std::system("command -v mpirun >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "mpirun is not installed";
  const auto dir = scratch("batch-mpi");
  const std::string args =
      "batch --length 3d --runs 7 -q --threads 1 --vary regime=partial,full --out ";
  const auto single = rfsim(args + (dir / "single.csv").string());
  ASSERT_EQ(single.code, 0) << single.err;
  // Open MPI refuses root without --allow-run-as-root, and more ranks than cores without
  // --oversubscribe; both are harmless for a test on one machine.
  for (int ranks : {2, 3}) {
    const auto file = dir / ("mpi" + std::to_string(ranks) + ".csv");
    const std::string cmd = "mpirun --allow-run-as-root --oversubscribe -np " +
                            std::to_string(ranks) + " " + RFSIM_BINARY + " " + args +
                            file.string() + " >" + (dir / "mpi.out").string() + " 2>&1 </dev/null";
    const int status = std::system(cmd.c_str());
    ASSERT_EQ(status, 0) << slurp(dir / "mpi.out");
    EXPECT_EQ(slurp(file), slurp(dir / "single.csv")) << ranks << " ranks";
    auto summary = file;
    summary.replace_filename("mpi" + std::to_string(ranks) + ".summary.csv");
    EXPECT_EQ(slurp(summary), slurp(dir / "single.summary.csv")) << ranks << " ranks";
  }
}

// "Play on from here": every replication shares the save's first day and draws its own future.
TEST(Batch, FromASaveSharesThePastAndVariesTheFuture) {
  const auto dir = scratch("batch-from");
  const auto save = (dir / "game.rfsave").string();
  const auto made = rfsim("run --until 2d -q --save " + save);
  ASSERT_EQ(made.code, 0) << made.err;
  const std::string from = "batch --from " + save + " --at 1d --length 3d --runs 6 -q ";
  const auto one = rfsim(from + "--threads 1 --out " + (dir / "one.csv").string());
  const auto two = rfsim(from + "--threads 2 --out " + (dir / "two.csv").string());
  ASSERT_EQ(one.code, 0) << one.err;
  ASSERT_EQ(two.code, 0) << two.err;
  EXPECT_EQ(slurp(dir / "one.csv"), slurp(dir / "two.csv"));
  const auto csv = read_csv(dir / "one.csv");
  ASSERT_EQ(csv.size(), 7u);
  const std::size_t hash = column(csv, "state_hash"), seed = column(csv, "seed"),
                    before = column(csv, "violations_before_start"),
                    violations = column(csv, "violations");
  std::set<std::string> hashes, seeds;
  for (std::size_t i = 1; i < csv.size(); ++i) {
    hashes.insert(csv[i][hash]);
    seeds.insert(csv[i][seed]);
    // The first day is the save's, the same in every row.
    EXPECT_EQ(csv[i][before], csv[1][before]);
    EXPECT_GE(std::stoll(csv[i][violations]), std::stoll(csv[i][before]));
  }
  EXPECT_EQ(hashes.size(), 6u);
  EXPECT_EQ(seeds.size(), 6u);
  // ...and it is the save's own count at 1d.
  const auto at = rfsim("replay " + save + " --to 1d");
  ASSERT_EQ(at.code, 0) << at.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(at.out, m, std::regex("violations +([0-9]+)"))) << at.out;
  EXPECT_EQ(csv[1][before], m[1].str());
  EXPECT_GT(std::stoll(m[1].str()), 0);

  // Variants that only exist at t = 0 are refused; so is a moment after the save's end.
  const auto cams = rfsim(from + "--vary cameras_per_sector=0,4 --out " + (dir / "x.csv").string());
  EXPECT_EQ(cams.code, 2);
  EXPECT_NE(cams.err.find("cameras_per_sector"), std::string::npos) << cams.err;
  const auto late =
      rfsim("batch --from " + save + " --at 5d --runs 2 -q --out " + (dir / "y.csv").string());
  EXPECT_EQ(late.code, 2);
  EXPECT_NE(late.err.find("after the save's end"), std::string::npos) << late.err;
  // A variant applied at T: the same seeds, different outcomes.
  const auto us =
      rfsim(from + "--vary us_support=full,withdrawn --out " + (dir / "us.csv").string());
  ASSERT_EQ(us.code, 0) << us.err;
  EXPECT_EQ(read_csv(dir / "us.csv").size(), 13u);
}

// The number a key figure of the report shows: <div ... data-measure="NAME"><b>VALUE</b>.
std::string figure(const std::string& html, const std::string& name) {
  const std::regex re("data-measure=\"" + name + "\"><b>([^<]*)</b>");
  std::smatch m;
  return std::regex_search(html, m, re) ? m[1].str() : "(missing)";
}

// The SVG element with this id, whole.
std::string svg(const std::string& html, const std::string& id) {
  const auto at = html.find("<svg class=\"chart\" id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  return html.substr(at, html.find("</svg>", at) + 6 - at);
}

TEST(Report, ScenarioReportCarriesTheRunsChartsAndNumbers) {
  const auto dir = scratch("report-run");
  const auto metrics = rfsim("run --until 4d -q --metrics " + (dir / "m.json").string());
  ASSERT_EQ(metrics.code, 0) << metrics.err;
  const auto r = rfsim("report " RFSIM_ASSETS_DIR
                       "/scenarios/partial-ceasefire.toml --until 4d --maps 1d,4d --out " +
                       (dir / "aar").string());
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string html = slurp(dir / "aar" / "report.html");
  const auto j = nlohmann::json::parse(slurp(dir / "m.json"));
  for (const char* name : {"violations", "detected", "answered_in_standard", "dispatched",
                           "blocked_by_caveats", "refusals", "no_unit_available"}) {
    EXPECT_EQ(figure(html, name), std::to_string(j[name].get<std::int64_t>())) << name;
  }
  // Red and the ground war: the same figures as --metrics' table of measures.
  for (const char* name : {"battles", "red_losses", "ua_losses", "coalition_losses", "intercepts",
                           "counter_battery"}) {
    EXPECT_EQ(figure(html, name),
              std::to_string(static_cast<std::int64_t>(j["measures"][name].get<double>())))
        << name;
  }
  EXPECT_FALSE(svg(html, "red-steps").empty());
  char ttr[32];
  std::snprintf(ttr, sizeof ttr, "%.2f h", j["time_to_respond_h"]["mean"].get<double>());
  EXPECT_EQ(figure(html, "time_to_respond_mean_h"), ttr);

  // Violations per day by type: the stacked segments add up to the run's violations.
  const std::string bars = svg(html, "violations-per-day");
  ASSERT_FALSE(bars.empty());
  std::int64_t sum = 0;
  std::set<std::string> types;
  const std::regex seg("data-series=\"([a-z_]+)\" data-value=\"([0-9]+)\"");
  for (auto it = std::sregex_iterator(bars.begin(), bars.end(), seg); it != std::sregex_iterator();
       ++it) {
    types.insert((*it)[1].str());
    sum += std::stoll((*it)[2].str());
  }
  EXPECT_EQ(sum, j["violations"].get<std::int64_t>());
  EXPECT_GE(types.size(), 2u);
  // Escalation: one point a completed day.
  const std::string esc = svg(html, "escalation-index");
  ASSERT_FALSE(esc.empty());
  EXPECT_NE(esc.find("<polyline"), std::string::npos);
  std::size_t points = 0;
  for (auto at = esc.find("<circle"); at != std::string::npos; at = esc.find("<circle", at + 1))
    ++points;
  EXPECT_EQ(points, j["escalation_by_day"].size());
  // Time to respond: a histogram whose bars count the responses.
  const std::string hist = svg(html, "time-to-respond");
  ASSERT_FALSE(hist.empty());
  std::int64_t responses = 0;
  const std::regex bar("class=\"bar\" data-value=\"([0-9]+)\"");
  for (auto it = std::sregex_iterator(hist.begin(), hist.end(), bar); it != std::sregex_iterator();
       ++it) {
    responses += std::stoll((*it)[1].str());
  }
  EXPECT_LE(responses, j["time_to_respond_h"]["count"].get<std::int64_t>());
  EXPECT_GT(responses, 0);
  EXPECT_NE(html.find("id=\"caveats\""), std::string::npos);
  EXPECT_NE(html.find("id=\"timeline\""), std::string::npos);
  // Self-contained: nothing fetched at view time.
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  // Maps beside it, when there is a display to render them (the suite runs under xvfb-run).
  if (std::getenv("DISPLAY") != nullptr) {
    EXPECT_TRUE(std::filesystem::exists(dir / "aar" / "map-1.png"));
    EXPECT_TRUE(std::filesystem::exists(dir / "aar" / "map-2.png"));
    EXPECT_NE(html.find("<img src=\"map-1.png\""), std::string::npos);
  }
}

TEST(Report, SaveReportCarriesTheSavedGamesNumbers) {
  const auto dir = scratch("report-save");
  const auto save = (dir / "game.rfsave").string();
  const auto made =
      rfsim("run --until 2d -q --save " + save + " --metrics " + (dir / "m.json").string());
  ASSERT_EQ(made.code, 0) << made.err;
  const auto r = rfsim("report " + save + " --maps 1d,2d --out " + (dir / "aar").string());
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string html = slurp(dir / "aar" / "report.html");
  const auto j = nlohmann::json::parse(slurp(dir / "m.json"));
  for (const char* name : {"violations", "detected", "answered_in_standard", "dispatched",
                           "blocked_by_caveats", "refusals", "no_unit_available"}) {
    EXPECT_EQ(figure(html, name), std::to_string(j[name].get<std::int64_t>())) << name;
  }
  // Red and the ground war: the same figures as --metrics' table of measures.
  for (const char* name : {"battles", "red_losses", "ua_losses", "coalition_losses", "intercepts",
                           "counter_battery"}) {
    EXPECT_EQ(figure(html, name),
              std::to_string(static_cast<std::int64_t>(j["measures"][name].get<double>())))
        << name;
  }
  EXPECT_FALSE(svg(html, "red-steps").empty());
  char ttr[32];
  std::snprintf(ttr, sizeof ttr, "%.2f h", j["time_to_respond_h"]["mean"].get<double>());
  EXPECT_EQ(figure(html, "time_to_respond_mean_h"), ttr);
  // The same figure `rfsim replay` shows at the save's end.
  const auto end = rfsim("replay " + save);
  ASSERT_EQ(end.code, 0) << end.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(end.out, m, std::regex("violations +([0-9]+)"))) << end.out;
  EXPECT_EQ(figure(html, "violations"), m[1].str());
  const std::string bars = svg(html, "violations-per-day");
  ASSERT_FALSE(bars.empty());
  std::int64_t sum = 0;
  const std::regex seg("data-series=\"[a-z_]+\" data-value=\"([0-9]+)\"");
  for (auto it = std::sregex_iterator(bars.begin(), bars.end(), seg); it != std::sregex_iterator();
       ++it) {
    sum += std::stoll((*it)[1].str());
  }
  EXPECT_EQ(sum, j["violations"].get<std::int64_t>());
  EXPECT_NE(html.find("id=\"timeline\""), std::string::npos);
  EXPECT_NE(html.find("game.rfsave"), std::string::npos);
  if (std::getenv("DISPLAY") != nullptr) {
    EXPECT_TRUE(std::filesystem::exists(dir / "aar" / "map-1.png"));
    EXPECT_TRUE(std::filesystem::exists(dir / "aar" / "map-2.png"));
  }
}

TEST(Report, BatchReportShowsEachVariantSideBySide) {
  const auto dir = scratch("report-batch");
  const auto b =
      rfsim("batch --length 2d --runs 6 -q --vary us_support=full,intel_only,withdrawn --out " +
            (dir / "r.csv").string());
  ASSERT_EQ(b.code, 0) << b.err;
  const auto r = rfsim("report " + (dir / "r.csv").string() + " --out " + (dir / "aar").string());
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string html = slurp(dir / "aar" / "report.html");
  const auto j = nlohmann::json::parse(slurp(dir / "r.summary.json"));
  for (const char* id : {"box-violations", "box-share_detected", "box-time_to_respond_mean_h"}) {
    const std::string chart = svg(html, id);
    ASSERT_FALSE(chart.empty()) << id;
    for (const auto& v : j["variants"]) {
      EXPECT_NE(chart.find("data-variant=\"" + v["variant"].get<std::string>() + "\""),
                std::string::npos)
          << id << " " << v["variant"];
    }
  }
  EXPECT_NE(html.find("ceasefire-held"), std::string::npos);
  const auto bad =
      rfsim("report " + (dir / "r.summary.csv").string() + " --out " + (dir / "x").string());
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("not a results file"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace rfsim
