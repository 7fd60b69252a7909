// Tests of sim/msel_csv.hpp: the MSEL read from CSV with relative times and written back, every
// bad row reported with its line:column and what was expected.
#include "sim/msel_csv.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "model_fixture.hpp"

namespace rfsim::sim {
namespace {

using testing::base_toml;
using ::testing::HasSubstr;
using testing::parse;
using testing::theatre;

const Scenario& scenario() {
  static const Scenario s = parse(base_toml());  // nations UK, DE; 3 days
  return s;
}

MselRead read(const std::string& csv) {
  return msel_from_csv(csv, scenario(), theatre());
}

// Every problem as "file:line:col: column: message", one a line.
std::string problems(const MselRead& r) {
  std::string out;
  for (const MselProblem& p : r.problems) out += p.describe("m.csv") + "\n";
  return out;
}

TEST(MselCsv, ReadsEveryKindInTimeOrder) {
  const MselRead r = read(
      "time,kind,regime,us_support,nation,region,to,count,note\n"
      "T+2d6h,provocation,,,,sector_pokrovsk,,25,\"Probe, with artillery\"\n"
      "T+1d,set_regime,full,,,,,,\n"
      "T+0,set_us_support,,intel_only,,,,,\n"
      "T+36h,nation_withdraws,,,DE,,,,Berlin recalls its contingent\n"
      "T+2d,cut_link,,,,kyiv_oblast,zhytomyr,,\"Bridge \"\"A\"\" down\"\n"
      "T+90m,restore_link,,,,kyiv_oblast,zhytomyr,,\n");
  ASSERT_TRUE(r.ok()) << problems(r);
  ASSERT_EQ(r.injects.size(), 6u);
  EXPECT_EQ(r.injects[0].kind, InjectKind::SetUsSupport);
  EXPECT_EQ(r.injects[0].us, UsSupport::IntelOnly);
  EXPECT_EQ(r.injects[0].at, Duration());
  EXPECT_EQ(r.injects[1].kind, InjectKind::RestoreLink);
  EXPECT_EQ(r.injects[1].at, Duration::minutes(90));
  EXPECT_EQ(r.injects[2].kind, InjectKind::SetRegime);
  EXPECT_EQ(r.injects[2].regime, Regime::Full);
  EXPECT_EQ(r.injects[3].kind, InjectKind::NationWithdraws);
  EXPECT_EQ(r.injects[3].nation, 1u);
  EXPECT_EQ(r.injects[3].note, "Berlin recalls its contingent");
  EXPECT_EQ(r.injects[4].kind, InjectKind::CutLink);
  EXPECT_EQ(r.injects[4].region, theatre().require("kyiv_oblast"));
  EXPECT_EQ(r.injects[4].region_b, theatre().require("zhytomyr"));
  EXPECT_EQ(r.injects[4].note, "Bridge \"A\" down");
  EXPECT_EQ(r.injects[5].kind, InjectKind::Provocation);
  EXPECT_EQ(r.injects[5].at, Duration::hours(54));
  EXPECT_EQ(r.injects[5].count, 25);
  EXPECT_EQ(r.injects[5].note, "Probe, with artillery");
}

TEST(MselCsv, ColumnsInAnyOrderSpreadsheetQuirksAccepted) {
  // A byte order mark, CRLF line ends, columns reordered and some left out, spaces around
  // values, a line break inside a quoted note, trailing empty rows of commas.
  const MselRead r = read(
      "\xEF\xBB\xBFnote,Kind,time,region,count\r\n"
      "\"two\r\nlines\", provocation , T+1h ,kharkiv,\r\n"
      ",,,,\r\n");
  ASSERT_TRUE(r.ok()) << problems(r);
  ASSERT_EQ(r.injects.size(), 1u);
  EXPECT_EQ(r.injects[0].note, "two\r\nlines");
  EXPECT_EQ(r.injects[0].count, 10);  // the scenario loader's default
  EXPECT_EQ(r.injects[0].region, theatre().require("kharkiv"));
}

TEST(MselCsv, EveryBadRowIsListedWithLineColumnAndExpectation) {
  const MselRead r = read(
      "time,kind,regime,us_support,nation,region,to,count,note\n"
      "2d,provocation,,,,kharkiv,,5,\n"           // line 2: no T+
      "T+1d,set_regime,sideways,,,,,,\n"          // line 3: bad regime
      "T+1d,provocation,,,,kharkov,,5,\n"         // line 4: unknown region, near one
      "T+1d,cut_link,,,,kharkiv,lviv,,\n"         // line 5: no such link
      "T+9d,nation_withdraws,,,FR,,,,\n"          // line 6: late, unknown nation
      "T+1d,provocation,,,,kharkiv,,0,\n"         // line 7: count out of range
      "T+1d,set_regime,full,,,kharkiv,,,\n"       // line 8: a field the kind does not use
      "T+1d,decide,,,,,,,\n"                      // line 9: decide cannot be scheduled
      "T+1d,launch,,,,,,,\n"                      // line 10: unknown kind
      "T+1d,set_regime,full,,,,,,note,extra\n");  // line 11: too many fields
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.injects.empty());
  const std::string all = problems(r);
  EXPECT_THAT(all,
              HasSubstr("m.csv:2:1: time: \"2d\": expected a time from the start like T+2d6h"));
  EXPECT_THAT(
      all,
      HasSubstr("m.csv:3:17: regime: unknown value \"sideways\" (expected none, partial or full)"));
  EXPECT_THAT(
      all, HasSubstr("m.csv:4:21: region: unknown region \"kharkov\" (did you mean \"kharkiv\"?)"));
  EXPECT_THAT(all, HasSubstr("m.csv:5:26: to: no link between \"kharkiv\" and \"lviv\""));
  EXPECT_THAT(all,
              HasSubstr("m.csv:6:1: time: the inject fires at 9d, after the scenario ends (3d)"));
  EXPECT_THAT(all, HasSubstr("m.csv:6:25: nation: unknown nation \"FR\" (expected one of UK, DE)"));
  EXPECT_THAT(all, HasSubstr("m.csv:7:30: count: expected an integer from 1 to 10000, got \"0\""));
  EXPECT_THAT(all, HasSubstr("m.csv:8:24: region: not used by set_regime (expected it empty)"));
  EXPECT_THAT(all, HasSubstr("m.csv:9:6: kind: \"decide\" answers a decision during play"));
  EXPECT_THAT(all,
              HasSubstr("m.csv:10:6: kind: unknown kind \"launch\" (expected set_regime, "
                        "set_us_support, nation_withdraws, provocation, cut_link, restore_link, "
                        "surge or deploy)"));
  EXPECT_THAT(all, HasSubstr("m.csv:11:32: this row has 10 fields, the header names 9 columns"));
  EXPECT_EQ(r.problems.size(), 11u) << all;
}

TEST(MselCsv, BrokenHeaderOrSyntaxIsNamed) {
  EXPECT_THAT(problems(read("when,kind\nT+1h,set_regime\n")),
              HasSubstr("m.csv:1:1: unknown column \"when\" in the header"));
  EXPECT_THAT(problems(read("kind,note\n")),
              HasSubstr("m.csv:1: the header has no column \"time\""));
  EXPECT_THAT(problems(read("time,kind,kind\n")),
              HasSubstr("m.csv:1:11: column \"kind\" named twice"));
  EXPECT_THAT(problems(read("")), HasSubstr("no header row"));
  EXPECT_THAT(problems(read("time,kind,regime\nT+1h,set_regime,\"full\n")),
              HasSubstr("m.csv:2:17: this quoted field is never closed"));
  EXPECT_THAT(
      problems(read("time,kind,regime\nT+1h,set_regime,\"full\"x\n")),
      HasSubstr("m.csv:2:23: expected a comma or the end of the line after the closing quote"));
  EXPECT_THAT(problems(read("time,kind,note\nT+1h,set_regime,caf\xE9\n")),
              HasSubstr("m.csv:2:20: not UTF-8"));
}

TEST(MselCsv, WrittenThenReadGivesTheSameInjects) {
  for (const auto& entry : std::filesystem::directory_iterator(RFSIM_ASSETS_DIR "/scenarios")) {
    const Scenario s = load_scenario(entry.path(), theatre());
    const std::string csv = msel_to_csv(s.injects, s, theatre());
    const MselRead back = msel_from_csv(csv, s, theatre());
    ASSERT_TRUE(back.ok()) << entry.path() << "\n" << csv;
    ASSERT_EQ(back.injects.size(), s.injects.size()) << entry.path();
    for (std::size_t i = 0; i < s.injects.size(); ++i) {
      const Inject& a = s.injects[i];
      const Inject& b = back.injects[i];
      EXPECT_EQ(a.at, b.at);
      EXPECT_EQ(a.kind, b.kind);
      EXPECT_EQ(a.regime, b.regime);
      EXPECT_EQ(a.us, b.us);
      EXPECT_EQ(a.nation, b.nation);
      EXPECT_EQ(a.region, b.region);
      EXPECT_EQ(a.region_b, b.region_b);
      EXPECT_EQ(a.count, b.count);
      EXPECT_EQ(a.note, b.note);
      EXPECT_EQ(a.unit, b.unit);
      EXPECT_EQ(a.tier, b.tier);
      EXPECT_EQ(a.mode, b.mode);
      EXPECT_EQ(a.any_nation, b.any_nation);
    }
  }
}

TEST(MselCsv, WritesRelativeTimesAndQuotesOnlyWhatNeedsIt) {
  Inject a;
  a.at = Duration::hours(54);
  a.kind = InjectKind::Provocation;
  a.region = theatre().require("kharkiv");
  a.count = 3;
  a.note = "Probe, \"heavy\"";
  Inject b;
  b.at = Duration::minutes(90);
  b.kind = InjectKind::NationWithdraws;
  b.nation = 1;
  Inject c;
  c.at = Duration::hours(2);
  c.kind = InjectKind::Deploy;
  c.unit = 0;
  c.region = theatre().require("rzeszow");
  c.mode = DeployMode::Rail;
  Inject d;
  d.at = Duration::hours(3);
  d.kind = InjectKind::Surge;
  d.nation = 1;
  d.any_nation = false;
  d.tier = Readiness::Arf;
  EXPECT_EQ(msel_to_csv({a, b, c, d}, scenario(), theatre()),
            "time,kind,regime,us_support,nation,region,to,count,note,unit,readiness,mode\n"
            "T+2d6h,provocation,,,,kharkiv,,3,\"Probe, \"\"heavy\"\"\",,,\n"
            "T+1h30m,nation_withdraws,,,DE,,,,,,,\n"
            "T+2h,deploy,,,,,rzeszow,,,uk-qrf,,rail\n"
            "T+3h,surge,,,DE,,,,,,arf,\n");
}

TEST(MselCsv, ReadsSurgeAndDeployWithTheirOptionalFields) {
  const MselRead r = read(
      "time,kind,nation,to,unit,readiness,mode\n"
      "T+1h,surge,,,,,\n"
      "T+2h,surge,DE,,,follow_on,\n"
      "T+3h,deploy,,rzeszow,uk-qrf,,airlift\n"
      "T+4h,deploy,,lviv,uk-qrf,,\n");
  ASSERT_TRUE(r.ok()) << problems(r);
  ASSERT_EQ(r.injects.size(), 4u);
  EXPECT_TRUE(r.injects[0].any_nation);
  EXPECT_EQ(r.injects[0].tier, Readiness::InTheatre);
  EXPECT_EQ(r.injects[0].unit, Inject::kAnyUnit);
  EXPECT_FALSE(r.injects[1].any_nation);
  EXPECT_EQ(r.injects[1].nation, 1u);
  EXPECT_EQ(r.injects[1].tier, Readiness::FollowOn);
  EXPECT_EQ(r.injects[2].unit, 0u);
  EXPECT_EQ(r.injects[2].region, theatre().require("rzeszow"));
  EXPECT_EQ(r.injects[2].mode, DeployMode::Airlift);
  EXPECT_EQ(r.injects[3].mode, DeployMode::Best);
  const std::string bad =
      problems(read("time,kind,to,unit,mode\n"
                    "T+1h,deploy,rzeszow,uk-qfr,\n"
                    "T+2h,deploy,rzeszow,uk-qrf,teleport\n"
                    "T+3h,set_regime,,uk-qrf,\n"));
  EXPECT_THAT(bad,
              HasSubstr("m.csv:2:21: unit: unknown unit \"uk-qfr\" (did you mean \"uk-qrf\"?)"));
  EXPECT_THAT(bad, HasSubstr("m.csv:3:28: mode: unknown value \"teleport\" (expected best, road, "
                             "rail, airlift or sealift)"));
  EXPECT_THAT(bad, HasSubstr("m.csv:4:"));
  EXPECT_THAT(bad, HasSubstr("unit: not used by set_regime"));
}

}  // namespace
}  // namespace rfsim::sim
