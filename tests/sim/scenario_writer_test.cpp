// The scenario writer: every shipped scenario, loaded, written and loaded again, is the same
// scenario field by field; and what it writes is a file `rfsim validate` accepts.
#include "sim/scenario_writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "model_fixture.hpp"

namespace rfsim::sim {
namespace {

// The paths of the fields in which two scenarios differ ("units[3].home"); empty when equal.
// The source name and text are where a scenario came from, not what it is.
std::vector<std::string> differences(const Scenario& a, const Scenario& b) {
  std::vector<std::string> out;
  auto check = [&](bool same, const std::string& path) {
    if (!same) out.push_back(path);
  };
  check(a.name == b.name, "scenario.name");
  check(a.description == b.description, "scenario.description");
  check(a.seed == b.seed, "scenario.seed");
  check(a.length == b.length, "scenario.length");
  check(a.regime == b.regime, "scenario.regime");
  check(a.us_support == b.us_support, "scenario.us_support");
  check(a.response_standard == b.response_standard, "scenario.response_standard");
  check(a.hq == b.hq, "scenario.hq");
  check(a.cameras_per_sector == b.cameras_per_sector, "scenario.cameras_per_sector");
  check(a.decisions == b.decisions, "scenario.decisions");
  check(a.airlift_loads_per_day == b.airlift_loads_per_day, "scenario.airlift_loads_per_day");
  check(a.gauge_trains_per_day == b.gauge_trains_per_day, "scenario.gauge_trains_per_day");
  for (std::size_t k = 0; k < kRedStepCount; ++k) {
    const std::string p = "rates." + std::string(to_string(static_cast<RedStep>(k)));
    check(a.rates[k].per_day == b.rates[k].per_day, p + ".per_day");
    check(a.rates[k].share == b.rates[k].share, p + ".shares");
  }
  check(a.nations.size() == b.nations.size(), "nations (count)");
  for (std::size_t i = 0; i < std::min(a.nations.size(), b.nations.size()); ++i) {
    const Nation &x = a.nations[i], &y = b.nations[i];
    const std::string p = "nations[" + std::to_string(i) + "].";
    check(x.code == y.code, p + "code");
    check(x.name == y.name, p + "name");
    check(x.side == y.side, p + "side");
    check(x.max_level == y.max_level, p + "max_response");
    check(x.allowed == y.allowed, p + "allowed_regions");
    check(x.approval_median == y.approval_median, p + "approval_median");
    check(x.approval_sigma == y.approval_sigma, p + "approval_spread");
    check(x.refusal == y.refusal, p + "refusal");
    check(x.ask == y.ask, p + "decisions");
  }
  check(a.units.size() == b.units.size(), "units (count)");
  for (std::size_t i = 0; i < std::min(a.units.size(), b.units.size()); ++i) {
    const UnitSpec &x = a.units[i], &y = b.units[i];
    const std::string p = "units[" + std::to_string(i) + "].";
    check(x.id == y.id, p + "id");
    check(x.nation == y.nation, p + "nation");
    check(x.type == y.type, p + "type");
    check(x.strength == y.strength, p + "strength");
    check(x.home == y.home, p + "home");
    check(x.mobility == y.mobility, p + "mobility");
    check(x.notice == y.notice, p + "notice");
    check(x.munitions == y.munitions, p + "munitions");
    check(x.readiness == y.readiness, p + "readiness");
    check(x.deploy_to == y.deploy_to, p + "deploy_to");
    check(x.deploy_by == y.deploy_by, p + "deploy_by");
  }
  check(a.injects.size() == b.injects.size(), "injects (count)");
  for (std::size_t i = 0; i < std::min(a.injects.size(), b.injects.size()); ++i) {
    const Inject &x = a.injects[i], &y = b.injects[i];
    const std::string p = "injects[" + std::to_string(i) + "].";
    check(x.at == y.at, p + "at");
    check(x.kind == y.kind, p + "kind");
    check(x.regime == y.regime, p + "regime");
    check(x.us == y.us, p + "us_support");
    check(x.nation == y.nation && x.any_nation == y.any_nation, p + "nation");
    check(x.region == y.region, p + "region");
    check(x.region_b == y.region_b, p + "to");
    check(x.count == y.count, p + "count");
    check(x.note == y.note, p + "note");
    check(x.unit == y.unit, p + "unit");
    check(x.tier == y.tier, p + "readiness");
    check(x.mode == y.mode, p + "mode");
  }
  return out;
}

Scenario round_trip(const Scenario& s) {
  const std::string text = write_scenario(s, testing::theatre());
  const ScenarioCheck c = check_scenario(text, "written.toml", testing::theatre());
  for (const ScenarioError& e : c.problems) ADD_FAILURE() << e.what() << "\n" << text;
  return c.scenario ? *c.scenario : Scenario{};
}

TEST(ScenarioWriter, EveryShippedScenarioRoundTrips) {
  int n = 0;
  for (const auto& f : std::filesystem::directory_iterator(RFSIM_ASSETS_DIR "/scenarios")) {
    if (f.path().extension() != ".toml") continue;
    SCOPED_TRACE(f.path().string());
    const Scenario loaded = load_scenario(f.path(), testing::theatre());
    const Scenario again = round_trip(loaded);
    EXPECT_EQ(differences(loaded, again), std::vector<std::string>());
    // Written twice, the same text: nothing of the first file's layout is left to differ.
    EXPECT_EQ(write_scenario(again, testing::theatre()),
              write_scenario(loaded, testing::theatre()));
    ++n;
  }
  EXPECT_GE(n, 4);
}

// What the shipped files do not hold: rates of their own, an escaped note, a nation that asks,
// allowed regions, a unit held at home, numbers that are not round.
TEST(ScenarioWriter, FieldsTheShippedFilesDoNotUseRoundTrip) {
  const std::string text = testing::base_toml() + R"(
[rates.harassment]
per_day = 123.456
shares = { small_arms = 0.7, drone_incursion = 0.1, hybrid_sabotage = 0.2 }

[[nations]]
code = "PL"
name = "Poland \"PL\""
side = "coalition"
decisions = "ask"
approval_spread = 0.1
refusal = 0.0333
allowed_regions = ["lviv", "volyn"]
max_response = "interpose"

[[units]]
id = "pl-home"
nation = "PL"
type = "air_defence"
strength = 250
home = "rzeszow"
readiness = "arf"
deploy_to = "lviv"
deploy_by = "rail"
munitions = 7

[[injects]]
at = "1d2h3m"
kind = "surge"
nation = "PL"
note = "Line one\nline two, \"quoted\", Київ"
)";
  const Scenario s = testing::parse(text);
  EXPECT_EQ(differences(s, round_trip(s)), std::vector<std::string>());
}

// Every field the window's editor changes, each away from its default and from the shipped
// file's value, round-trips: the header, the rates of every step, every key of a unit, and an
// MSEL line of every kind with its own parameters (a surge's tier, a deploy's mode).
TEST(ScenarioWriter, EveryFieldTheEditorChangesRoundTrips) {
  const map::Theatre& th = testing::theatre();
  Scenario s = load_scenario(RFSIM_ASSETS_DIR "/scenarios/partial-ceasefire.toml", th);
  s.name = "Edited \"in the window\"";
  s.description = "Two lines\nand a tab\t";
  s.seed = 9'223'372'036'854'775'807ULL;  // the largest a TOML integer holds
  s.length = Duration::days(17) + Duration::hours(5);
  s.regime = Regime::None;
  s.us_support = UsSupport::IntelOnly;
  s.response_standard = Duration::minutes(90);
  s.hq = th.require("lviv");
  s.cameras_per_sector = 7;
  s.decisions = DecisionMode::AskMajor;
  for (std::size_t k = 0; k < kRedStepCount; ++k) {
    s.rates[k].per_day = 10.5 * static_cast<double>(k + 1);
    s.rates[k].share.fill(0);
    s.rates[k].share[k % kViolationTypeCount] = 0.25;
    s.rates[k].share[(k + 3) % kViolationTypeCount] = 0.75;
  }
  UnitSpec& u = s.units.front();
  u.mobility = map::Mobility::Airlift;
  u.notice = Duration::hours(3) + Duration::minutes(20);
  u.munitions = 9;
  u.strength = 777;
  u.readiness = Readiness::FollowOn;
  u.home = th.require("rzeszow");
  u.deploy_to = th.require("odesa");
  u.deploy_by = DeployMode::Sealift;
  s.injects.clear();
  for (std::size_t k = 0; k < kInjectKindCount; ++k) {
    const auto kind = static_cast<InjectKind>(k);
    if (!schedulable(kind)) continue;
    // Each line holds its kind's parameters only, as the editor's form gives it.
    Inject in;
    in.kind = kind;
    in.at = Duration::hours(static_cast<std::int64_t>(k) + 1);
    in.note = "line " + std::to_string(k);
    const map::Link& link = th.link(0);
    switch (kind) {
      case InjectKind::SetRegime:
        in.regime = Regime::None;
        break;
      case InjectKind::SetUsSupport:
        in.us = UsSupport::Withdrawn;
        break;
      case InjectKind::NationWithdraws:
        in.nation = 1;
        break;
      case InjectKind::Provocation:
        in.region = th.require("kharkiv");
        in.count = 17;
        break;
      case InjectKind::CutLink:
      case InjectKind::RestoreLink:
        in.region = link.a;
        in.region_b = link.b;
        break;
      case InjectKind::Surge:
        in.any_nation = false;
        in.nation = 2;
        in.tier = Readiness::Arf;
        break;
      case InjectKind::Deploy:
        in.unit = 2;
        in.region = th.require("odesa");
        in.mode = DeployMode::Rail;
        break;
      default:
        break;
    }
    s.injects.push_back(in);
  }
  EXPECT_EQ(differences(s, round_trip(s)), std::vector<std::string>());
}

// The comparison itself sees a change (so the round trip above could fail).
TEST(ScenarioWriter, DifferencesNamesTheFieldThatChanged) {
  const Scenario s = testing::parse(testing::base_toml());
  Scenario t = s;
  t.units[0].home = testing::theatre().require("lviv");
  t.nations[1].refusal = 0.5;
  EXPECT_EQ(differences(s, t), (std::vector<std::string>{"nations[1].refusal", "units[0].home"}));
}

}  // namespace
}  // namespace rfsim::sim
