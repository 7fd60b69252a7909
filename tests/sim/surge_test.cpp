// Readiness, surge and deployments: units at home join on time by each mode, deploy orders go
// beyond the response reach, march rates and cut rail links shape the journey, and all of it is
// commanded, replayed and hashed like every other order.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "map/routing.hpp"
#include "model_fixture.hpp"
#include "sim/deployment_view.hpp"
#include "sim/lift.hpp"
#include "sim/scenario_writer.hpp"
#include "sim/simulation.hpp"
#include "sim/trace.hpp"

namespace rfsim::sim {
namespace {

using testing::answer;
using testing::base_toml;
using testing::parse;
using testing::theatre;
using testing::TraceRecorder;

map::RegionId region(const std::string& id) {
  return *theatre().find(id);
}

std::uint32_t unit_index(const Simulation& run, const std::string& id) {
  const auto& units = run.scenario().units;
  for (std::uint32_t u = 0; u < units.size(); ++u) {
    if (units[u].id == id) return u;
  }
  ADD_FAILURE() << "no unit " << id;
  return 0;
}

/// Four units held at home, one per strategic mode, and a surge on day 1.
std::string surge_toml() {
  return base_toml() + R"(
[[units]]
id = "uk-lead"
nation = "UK"
type = "light_infantry"
strength = 800
home = "brize_norton"
readiness = "vjtf"
deploy_to = "rzeszow"
deploy_by = "airlift"

[[units]]
id = "de-rail"
nation = "DE"
type = "mech_infantry"
strength = 1200
home = "munster"
readiness = "arf"
deploy_to = "rzeszow"
deploy_by = "rail"

[[units]]
id = "de-road"
nation = "DE"
type = "mech_infantry"
strength = 1200
home = "munster"
mobility = "wheeled"
readiness = "arf"
deploy_to = "rzeszow"
deploy_by = "road"

[[units]]
id = "uk-sea"
nation = "UK"
type = "mech_infantry"
strength = 3500
home = "tidworth"
mobility = "tracked"
readiness = "follow_on"
deploy_to = "constanta"
deploy_by = "sealift"

[[injects]]
at = "1d"
kind = "surge"
note = "the capitals decide"
)";
}

std::string with_length(std::string toml, const std::string& length) {
  toml.replace(toml.find("length = \"3d\""), 13, "length = \"" + length + "\"");
  return toml;
}

/// When each unit joined the force: its first arrival that answered no violation.
SimTime joined(const TraceRecorder& trace, std::uint32_t u) {
  for (const TraceRecord& r : trace.records) {
    if (r.unit == u && r.kind == TraceKind::Arrived && r.violation == 0) return r.time;
  }
  return SimTime::max();
}

struct Expected {
  const char* id;
  map::Mobility by;
  Duration notice;
  Duration within;  // the published window from the decision (docs/calibration.md)
  Duration wait{};  // for shared lift after the notice (docs/model.md "Lift capacity")
};

TEST(Surge, BringsUnitsInOnTimeByEachMode) {
  Simulation run(parse(with_length(surge_toml(), "40d")), theatre());
  TraceRecorder trace;
  run.set_trace(&trace);
  const map::Router router(theatre());  // an independent router: the journey as map/ gives it
  const SimTime decision = SimTime::at(Duration::days(1));
  const std::vector<Expected> expected = {
      // 800 light infantry at 27 a load: 30 airlift loads into Rzeszow at 12 a day (one each
      // 2 h) from the end of its notice at 3d 00:00: the last sets off 29 slots later.
      {"uk-lead", map::Mobility::Airlift, Duration::hours(48), Duration::days(5),
       Duration::hours(58)},
      {"de-rail", map::Mobility::Rail, Duration::days(7), Duration::days(10)},
      // By road from Munster the ARF's 10 days are not met: a week's notice and 5.5 days of
      // march (docs/calibration.md, "Surge timeline"); this pins that finding.
      {"de-road", map::Mobility::Wheeled, Duration::days(7), Duration::days(13)},
      {"uk-sea", map::Mobility::Sealift, Duration::days(14), Duration::days(30)},
  };
  for (const Expected& e : expected) {
    const Unit& unit = run.world().units[unit_index(run, e.id)];
    EXPECT_EQ(unit.state, UnitState::AtHome) << e.id;
  }
  run.run_until(decision + Duration::hours(1));
  for (const Expected& e : expected) {
    const std::uint32_t u = unit_index(run, e.id);
    const Unit& unit = run.world().units[u];
    const UnitSpec& sp = run.scenario().units[u];
    ASSERT_EQ(unit.state, UnitState::Deploying) << e.id;
    const auto j = router.journey(sp.home, sp.deploy_to, e.by);
    ASSERT_TRUE(j) << e.id;
    EXPECT_EQ(unit.by, e.by) << e.id;
    EXPECT_EQ(unit.ready, decision + e.notice) << e.id;
    EXPECT_EQ(unit.depart, decision + e.notice + e.wait) << e.id;
    EXPECT_EQ(unit.arrive, decision + e.notice + e.wait + Duration::ms(j->total.count())) << e.id;
  }
  EXPECT_EQ(units_in_theatre(run), 1);  // uk-qrf only
  run.run_until(run.end());
  for (const Expected& e : expected) {
    const std::uint32_t u = unit_index(run, e.id);
    const Unit& unit = run.world().units[u];
    EXPECT_TRUE(unit.state != UnitState::AtHome && unit.state != UnitState::Deploying) << e.id;
    EXPECT_EQ(unit.station, run.scenario().units[u].deploy_to) << e.id;
    const auto j = router.journey(run.scenario().units[u].home, unit.station, e.by);
    ASSERT_TRUE(j);
    const SimTime in = joined(trace, u);
    EXPECT_EQ(in, decision + e.notice + e.wait + Duration::ms(j->total.count())) << e.id;
    EXPECT_LE(in - decision, e.within) << e.id << " took " << format_duration(in - decision);
  }
  EXPECT_EQ(units_in_theatre(run), 5);
  // The build-up, day by day: 1 in the theatre before the first arrival, 5 at the end.
  const auto& days = run.world().measures.days;
  ASSERT_FALSE(days.empty());
  EXPECT_EQ(days.front().in_theatre, 1);
  EXPECT_EQ(days.back().in_theatre, 5);
}

TEST(Surge, ByNationOrTierOnly) {
  std::string toml = with_length(surge_toml(), "20d");
  toml.replace(toml.find("kind = \"surge\""), 14, "kind = \"surge\"\nnation = \"DE\"");
  Simulation run(parse(toml), theatre());
  run.run_until(SimTime::at(Duration::days(1) + Duration::hours(1)));
  EXPECT_EQ(run.world().units[unit_index(run, "uk-lead")].state, UnitState::AtHome);
  EXPECT_EQ(run.world().units[unit_index(run, "uk-sea")].state, UnitState::AtHome);
  EXPECT_EQ(run.world().units[unit_index(run, "de-rail")].state, UnitState::Deploying);
  EXPECT_EQ(run.world().units[unit_index(run, "de-road")].state, UnitState::Deploying);

  std::string tier = with_length(surge_toml(), "20d");
  tier.replace(tier.find("kind = \"surge\""), 14, "kind = \"surge\"\nreadiness = \"vjtf\"");
  Simulation by_tier(parse(tier), theatre());
  by_tier.run_until(SimTime::at(Duration::days(1) + Duration::hours(1)));
  EXPECT_EQ(by_tier.world().units[unit_index(by_tier, "uk-lead")].state, UnitState::Deploying);
  EXPECT_EQ(by_tier.world().units[unit_index(by_tier, "de-rail")].state, UnitState::AtHome);
}

TEST(Surge, AUnitAtHomeIsNeverTaskedBeforeItArrives) {
  // A quick reaction force held at Rzeszow, next to Lviv and Volyn, is the only unit: were it
  // in the force it would answer within a day; violations go unanswered until it has
  // arrived, and it answers some once it is there.
  const std::string toml = R"([scenario]
name = "home"
seed = 11
length = "12d"
regime = "partial"

[[nations]]
code = "PL"

[[units]]
id = "pl-qrf"
nation = "PL"
type = "quick_reaction"
strength = 600
home = "rzeszow"
readiness = "vjtf"
deploy_to = "lviv"
deploy_by = "road"

[[injects]]
at = "2d"
kind = "surge"
)";
  Simulation run(parse(toml), theatre());
  TraceRecorder trace;
  run.set_trace(&trace);
  run.run_until(SimTime::at(Duration::days(2)));
  EXPECT_EQ(run.world().measures.dispatched, 0);
  EXPECT_GT(run.world().measures.no_unit_available, 0);
  run.run_until(run.end());
  ASSERT_NE(run.world().units[0].station, kNone) << "it never arrived";
  SimTime first_task = SimTime::max();
  SimTime joined = SimTime::max();
  for (const TraceRecord& r : trace.records) {
    if (r.unit != 0) continue;
    if (r.kind == TraceKind::Arrived && r.violation == 0) joined = std::min(joined, r.time);
    if (r.kind == TraceKind::Dispatched && r.violation != 0) {
      first_task = std::min(first_task, r.time);
    }
  }
  ASSERT_NE(joined, SimTime::max());
  EXPECT_GT(joined, SimTime::at(Duration::days(4)));  // 2 d notice after the day-2 decision
  EXPECT_LT(joined, SimTime::at(Duration::days(6)));
  EXPECT_GT(run.world().measures.dispatched, 0) << "it answered nothing once there";
  EXPECT_GE(first_task, joined);
}

/// The base scenario with a logistics battalion, which HQ never tasks: always idle to order.
std::string with_logistics() {
  return base_toml() + R"(
[[units]]
id = "uk-log"
nation = "UK"
type = "logistics"
strength = 400
home = "dnipropetrovsk"
notice = "1h"
)";
}

TEST(Deploy, AnOrderGoesBeyondTheResponseReach) {
  // The response reach is 4 x the standard (24 h for the default 6 h): a deploy order is not
  // bound by it. Dnipro to Rzeszow by road is days.
  Simulation run(parse(with_length(with_logistics(), "10d")), theatre());
  const std::uint32_t u = unit_index(run, "uk-log");
  Inject order;
  order.kind = InjectKind::Deploy;
  order.unit = u;
  order.region = region("rzeszow");
  order.mode = DeployMode::Road;
  run.run_until(SimTime::at(Duration::hours(3)));
  ASSERT_EQ(run.world().units[u].state, UnitState::Idle);
  ASSERT_EQ(run.check(order), "");
  const SimTime ordered = run.now();
  run.command(order);
  const Unit& unit = run.world().units[u];
  ASSERT_EQ(unit.state, UnitState::Deploying);
  const Duration took = unit.arrive - ordered;
  EXPECT_GT(took, run.scenario().response_standard * 4);
  EXPECT_EQ(unit.depart, ordered + Duration::hours(1));  // its own notice to move
  run.run_until(run.end());
  EXPECT_EQ(run.world().units[u].at, region("rzeszow"));
  EXPECT_EQ(run.world().units[u].station, region("rzeszow"));
  EXPECT_EQ(run.world().units[u].state, UnitState::Idle);
}

TEST(Deploy, CheckRefusesWhatCannotBeDone) {
  Simulation run(parse(base_toml()), theatre());
  Inject order;
  order.kind = InjectKind::Deploy;
  order.unit = 5;
  order.region = region("rzeszow");
  EXPECT_NE(run.check(order).find("out of range"), std::string::npos);
  order.unit = 0;
  order.region = region("sea_central");  // a wheeled unit cannot drive to sea
  EXPECT_NE(run.check(order).find("cannot reach"), std::string::npos) << run.check(order);
}

TEST(Deploy, RoadMarchRatesPerMobilityMatchTheDocumentedFigures) {
  // docs/theatre.md: a road march drives 10 h at column speed on the first day (wheeled 30,
  // tracked 20 km/h), then 140 km a day wheeled and 93.3 tracked.
  const std::string toml = base_toml() + R"(
[[units]]
id = "de-wheeled"
nation = "DE"
type = "mech_infantry"
strength = 1200
home = "munster"
mobility = "wheeled"
notice = "0h"

[[units]]
id = "de-tracked"
nation = "DE"
type = "mech_infantry"
strength = 1200
home = "munster"
mobility = "tracked"
notice = "0h"
)";
  Simulation run(parse(toml), theatre());
  struct Case {
    const char* id;
    double column_kmh;
    double km_per_day;
  };
  for (const Case c : {Case{"de-wheeled", 30, 140}, Case{"de-tracked", 20, 93.3}}) {
    const std::uint32_t u = unit_index(run, c.id);
    Inject order;
    order.kind = InjectKind::Deploy;
    order.unit = u;
    order.region = region("rzeszow");
    order.mode = DeployMode::Road;
    run.command(order);
    const Unit& unit = run.world().units[u];
    const map::Router router(theatre());
    const auto route =
        router.route(region("munster"), region("rzeszow"), run.scenario().units[u].mobility);
    ASSERT_TRUE(route);
    const double first_day_km = 10 * c.column_kmh;
    const double days = 10.0 / 24 + (route->length_km - first_day_km) / c.km_per_day;
    EXPECT_NEAR((unit.arrive - unit.depart).as_hours() / 24, days, 1e-6) << c.id;
    EXPECT_GT(route->length_km, 900) << "Munster - Rzeszow is about 1,000 km by road";
  }
}

TEST(Deploy, ACutRailLinkForcesARoadRoute) {
  const std::string toml = base_toml() + R"(
[[units]]
id = "de-bde"
nation = "DE"
type = "mech_infantry"
strength = 4000
home = "munster"
mobility = "tracked"
notice = "0h"
)";
  Inject order;
  order.kind = InjectKind::Deploy;
  order.region = region("lviv");
  order.mode = DeployMode::Rail;
  {
    Simulation run(parse(toml), theatre());
    order.unit = unit_index(run, "de-bde");
    run.command(order);
    EXPECT_EQ(run.world().units[order.unit].by, map::Mobility::Rail);
  }
  Simulation run(parse(toml), theatre());
  // Both rail crossings into western Ukraine: Przemysl - Lviv and Lublin - Volyn.
  for (const auto& [a, b] : {std::pair{"przemysl", "lviv"}, std::pair{"lublin", "volyn"}}) {
    Inject cut;
    cut.kind = InjectKind::CutLink;
    cut.region = region(a);
    cut.region_b = region(b);
    ASSERT_EQ(run.check(cut), "");
    run.command(cut);
  }
  run.command(order);
  const Unit& unit = run.world().units[order.unit];
  EXPECT_EQ(unit.by, map::Mobility::Tracked) << "the rail is cut: it marches by road";
  ASSERT_GE(unit.route.size(), 2u);
  EXPECT_EQ(unit.route.back(), region("lviv"));
}

TEST(Deploy, CommandedRunsReplayToTheSameHash) {
  std::string toml = with_length(surge_toml(), "20d");
  toml.insert(toml.find("[[injects]]"), with_logistics().substr(base_toml().size()) + "\n");
  std::vector<Command> log;
  std::uint64_t live_hash = 0;
  {
    Simulation run(parse(toml), theatre());
    run.run_until(SimTime::at(Duration::hours(30)));
    Inject order;
    order.kind = InjectKind::Deploy;
    order.unit = unit_index(run, "uk-log");
    order.region = region("rzeszow");
    order.mode = DeployMode::Best;
    ASSERT_EQ(run.check(order), "");
    run.command(order);
    log.push_back(Command{run.now(), order});
    Inject surge;
    surge.kind = InjectKind::Surge;
    surge.unit = unit_index(run, "uk-sea");
    run.run_until(SimTime::at(Duration::hours(40)));
    run.command(surge);
    log.push_back(Command{run.now(), surge});
    run.run_until(run.end());
    live_hash = run.state_hash();
  }
  Simulation replay(parse(toml), theatre());
  CommandList commands(log);
  replay.advance(replay.end(), commands);
  EXPECT_EQ(replay.state_hash(), live_hash);
  Simulation without(parse(toml), theatre());
  without.run_until(without.end());
  EXPECT_NE(without.state_hash(), live_hash);
}

TEST(Deploy, TheSummaryListsUnitsAtHomeAndInTransit) {
  Simulation run(parse(with_length(surge_toml(), "20d")), theatre());
  run.run_until(SimTime::at(Duration::days(2)));
  const std::string line = deployment_line(run, unit_index(run, "uk-sea"));
  EXPECT_NE(line.find("deploying to constanta"), std::string::npos) << line;
  EXPECT_NE(line.find("by sealift"), std::string::npos) << line;
  EXPECT_NE(line.find("notice to move until"), std::string::npos) << line;
  EXPECT_NE(line.find("arrives"), std::string::npos) << line;
}

// ---- Surge as a nation's decision ----

/// surge_toml() without its surge inject: a raid of 19 drones into Poland at 1 h (a major
/// incident: the coalition requests Article 4 by doctrine, or is asked if `header` says so),
/// with Germany's decisions asked of a player when `de_asks`.
std::string raid_toml(bool de_asks, const std::string& regime = "partial",
                      const std::string& header = "") {
  std::string t = with_length(surge_toml(), "20d");
  t.erase(t.find("[[injects]]"));
  if (de_asks) t.replace(t.find("code = \"DE\"\n"), 12, "code = \"DE\"\ndecisions = \"ask\"\n");
  t.replace(t.find("regime = \"partial\""), 18, "regime = \"" + regime + "\"\n" + header);
  return t +
         "[[injects]]\nat = \"1h\"\nkind = \"provocation\"\nregion = \"flank_poland\"\n"
         "count = 19\n";
}

const Decision* surge_question(const Simulation& run, const std::string& nation) {
  for (const Decision& d : run.pending_decisions()) {
    if (d.kind == Decision::Kind::Surge && run.scenario().nations[d.nation].code == nation)
      return &d;
  }
  return nullptr;
}

TEST(SurgeDecision, APlayedNationIsAskedAfterAMajorIncidentWithOddsAndItsAnswerActs) {
  Simulation run(parse(raid_toml(true)), theatre());
  run.run_until(SimTime::at(Duration::hours(2)));
  const Decision* d = surge_question(run, "DE");
  ASSERT_NE(d, nullptr) << "Germany's units at home: Germany is asked";
  EXPECT_EQ(surge_question(run, "UK"), nullptr) << "the UK is not played: doctrine answered";
  ASSERT_EQ(d->options.size(), 2u);
  EXPECT_GT(d->options[0].odds, 0.0);
  EXPECT_LT(d->options[0].odds, 1.0);
  EXPECT_NEAR(d->options[0].odds + d->options[1].odds, 1.0, 1e-12);
  EXPECT_EQ(d->doctrine, d->options[0].odds >= 0.5 ? 0 : 1);
  // The first arrival if it surges now: the ARF's week of notice, then rail or road.
  EXPECT_GT(d->options[0].eta, Duration::days(7));
  EXPECT_LT(d->options[0].eta, Duration::days(14));
  const std::uint64_t id = d->id;

  Simulation hold(parse(raid_toml(true)), theatre());
  hold.run_until(SimTime::at(Duration::hours(2)));
  run.command(answer(id, 0));
  hold.command(answer(id, 1));
  for (const char* unit : {"de-rail", "de-road"}) {
    EXPECT_EQ(run.world().units[unit_index(run, unit)].state, UnitState::Deploying) << unit;
    EXPECT_EQ(hold.world().units[unit_index(hold, unit)].state, UnitState::AtHome) << unit;
  }
  EXPECT_FALSE(run.awaiting_decision());
  EXPECT_NE(run.state_hash(), hold.state_hash());
}

TEST(SurgeDecision, AnArticle4RequestAndEscalationRaiseTheOdds) {
  // The coalition is played too: the raid asks Germany first, then the coalition about
  // Article 4; requesting it moves Germany's pending question's odds up.
  Simulation run(parse(raid_toml(true, "partial", "decisions = \"ask\"\n")), theatre());
  for (int i = 0; i < 50 && !surge_question(run, "DE"); ++i) {
    run.run_until(SimTime::at(Duration::hours(2)));
    if (run.awaiting_decision() && !surge_question(run, "DE")) {
      run.command(doctrine_answer(run.pending_decisions().front()));
    }
  }
  const Decision* d = surge_question(run, "DE");
  ASSERT_NE(d, nullptr);
  const double before = d->options[0].odds;
  const std::uint64_t id = d->id;
  const auto a4 =
      std::find_if(run.pending_decisions().begin(), run.pending_decisions().end(),
                   [](const Decision& x) { return x.kind == Decision::Kind::Article4; });
  ASSERT_NE(a4, run.pending_decisions().end());
  run.command(answer(a4->id, 0));
  d = surge_question(run, "DE");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->id, id) << "the same question, its odds moved";
  EXPECT_GT(d->options[0].odds, before);

  // With no ceasefire Red stands higher on its ladder: the same question has higher odds.
  Simulation war(parse(raid_toml(true, "none")), theatre());
  Simulation truce(parse(raid_toml(true, "full")), theatre());
  war.run_until(SimTime::at(Duration::hours(2)));
  truce.run_until(SimTime::at(Duration::hours(2)));
  ASSERT_NE(surge_question(war, "DE"), nullptr);
  ASSERT_NE(surge_question(truce, "DE"), nullptr);
  EXPECT_GT(surge_question(war, "DE")->options[0].odds,
            surge_question(truce, "DE")->options[0].odds);
}

TEST(SurgeDecision, AnUnplayedNationTakesDoctrinesAnswer) {
  for (const char* regime : {"full", "none"}) {
    Simulation run(parse(raid_toml(false, regime)), theatre());
    TraceRecorder trace;
    run.set_trace(&trace);
    run.run_until(SimTime::at(Duration::hours(2)));
    EXPECT_FALSE(run.awaiting_decision()) << regime;
    // Doctrine's answer is in the log with its odds, and the units follow it. (The raid asks,
    // then the Article 4 request doctrine makes asks again if the answer was to hold.)
    std::string asked;
    bool surged = false;
    int answers = 0;
    for (const TraceRecord& r : trace.records) {
      if (r.detail.rfind("DE: surge 2 units", 0) == 0) asked = r.detail;
      if (r.detail == "DE: surges its units held at home") surged = true, ++answers;
      if (r.detail == "DE: holds its units at home") surged = false, ++answers;
    }
    ASSERT_FALSE(asked.empty()) << regime;
    EXPECT_NE(asked.find("odds "), std::string::npos) << asked;
    EXPECT_GE(answers, 1) << regime;
    const UnitState de = run.world().units[unit_index(run, "de-rail")].state;
    EXPECT_EQ(de, surged ? UnitState::Deploying : UnitState::AtHome) << regime << ": " << asked;
    EXPECT_NE(asked.find(surged ? "doctrine: surge" : "doctrine: hold"), std::string::npos);
  }
}

TEST(SurgeDecision, APlayersAnswerIsReplayedToTheSameHash) {
  std::vector<Command> log;
  std::uint64_t live = 0;
  {
    Simulation run(parse(raid_toml(true)), theatre());
    run.run_until(SimTime::at(Duration::hours(2)));
    const Decision* d = surge_question(run, "DE");
    ASSERT_NE(d, nullptr);
    const Inject in = answer(d->id, 0);
    log.push_back(Command{run.now(), in});
    run.command(in);
    run.run_until(run.end());
    live = run.state_hash();
  }
  Simulation replay(parse(raid_toml(true)), theatre());
  CommandList commands(log);
  replay.advance(replay.end(), commands);
  EXPECT_EQ(replay.state_hash(), live);
  EXPECT_EQ(replay.world().units[unit_index(replay, "de-rail")].station, region("rzeszow"));
}

TEST(Deploy, TheInspectorSaysWhenAUnitArrivesAndWhyThen) {
  Simulation run(parse(with_length(surge_toml(), "20d")), theatre());
  EXPECT_EQ(arrival_line(run, unit_index(run, "de-rail")), "") << "at home: no arrival yet";
  run.run_until(SimTime::at(Duration::days(2)));
  const std::uint32_t u = unit_index(run, "de-rail");
  const Unit& unit = run.world().units[u];
  ASSERT_EQ(unit.state, UnitState::Deploying);
  const std::string line = arrival_line(run, u);
  EXPECT_NE(line.find("arrives " + format_clock(unit.arrive)), std::string::npos) << line;
  EXPECT_NE(line.find("notice to move 7d (arf)"), std::string::npos) << line;
  EXPECT_NE(line.find("by rail"), std::string::npos) << line;
  // Munster to Rzeszow by rail: its length and the parts of the journey.
  const auto j =
      map::Router(theatre()).journey(region("munster"), region("rzeszow"), map::Mobility::Rail);
  ASSERT_TRUE(j);
  EXPECT_NE(line.find(std::to_string(static_cast<long long>(j->route.length_km + 0.5)) + " km"),
            std::string::npos)
      << line;
  EXPECT_NE(line.find("moving "), std::string::npos) << line;
  EXPECT_NE(line.find("terminals "), std::string::npos) << line;
  // The sealift brigade's line names its own means; the road march its halts.
  const std::string sea = arrival_line(run, unit_index(run, "uk-sea"));
  EXPECT_NE(sea.find("by sealift"), std::string::npos) << sea;
  const std::string road = arrival_line(run, unit_index(run, "de-road"));
  EXPECT_NE(road.find("halts "), std::string::npos) << road;
}

// ---- Lift capacity: airlift loads and train paths are shared, in order of the orders ----

/// Two light battalions at Brize Norton and one mechanised brigade at Munster, idle (in the
/// theatre's force: their own notice), for deploy orders.
std::string lift_toml(const std::string& extra = "") {
  std::string toml = base_toml() + R"(
[[units]]
id = "uk-a"
nation = "UK"
type = "light_infantry"
strength = 540
home = "brize_norton"
notice = "0h"

[[units]]
id = "uk-b"
nation = "UK"
type = "light_infantry"
strength = 270
home = "brize_norton"
notice = "0h"

[[units]]
id = "de-bde"
nation = "DE"
type = "mech_infantry"
strength = 4000
home = "munster"
mobility = "tracked"
notice = "2d"
)";
  toml.replace(toml.find("length = \"3d\""), 13, "length = \"30d\"" + extra);
  return toml;
}

Inject deploy_order(const Simulation& run, const std::string& unit, const std::string& to,
                    DeployMode mode) {
  Inject order;
  order.kind = InjectKind::Deploy;
  order.unit = unit_index(run, unit);
  order.region = region(to);
  order.mode = mode;
  return order;
}

Inject cut(const std::string& a, const std::string& b) {
  Inject in;
  in.kind = InjectKind::CutLink;
  in.region = region(a);
  in.region_b = region(b);
  return in;
}

TEST(Lift, AirliftLoadsAreQueuedInOrderOfTheOrders) {
  Simulation run(parse(lift_toml()), theatre());
  const Inject a = deploy_order(run, "uk-a", "rzeszow", DeployMode::Airlift);
  const Inject b = deploy_order(run, "uk-b", "rzeszow", DeployMode::Airlift);
  run.run_until(SimTime::at(Duration::hours(1)));  // slot 0 (00:00) is over: the next is 02:00
  run.command(a);
  run.command(b);
  const Unit& ua = run.world().units[a.unit];
  const Unit& ub = run.world().units[b.unit];
  ASSERT_EQ(ua.by, map::Mobility::Airlift);
  ASSERT_EQ(ub.by, map::Mobility::Airlift);
  // 540 / 27 = 20 loads in slots 1..20 (12 a day, one each 2 h): the last sets off at 40 h.
  EXPECT_EQ(ua.ready, SimTime::at(Duration::hours(1)));
  EXPECT_EQ(ua.depart, SimTime::at(Duration::hours(40)));
  // 270 / 27 = 10 loads after them, slots 21..30: the last at 60 h.
  EXPECT_EQ(ub.depart, SimTime::at(Duration::hours(60)));
  const auto j = run.journey(region("brize_norton"), region("rzeszow"), map::Mobility::Airlift);
  ASSERT_TRUE(j);
  EXPECT_EQ(ub.arrive, ub.depart + Duration::ms(j->total.count()));
  // The bookings are state: two, one per unit, for the airfield of Rzeszow.
  ASSERT_EQ(run.world().lift_bookings.size(), 2u);
  EXPECT_EQ(run.world().lift_bookings[1].airfield, region("rzeszow"));
  EXPECT_EQ(run.world().lift_bookings[1].first, 21);
  EXPECT_EQ(run.world().lift_bookings[1].count, 10);
  // The inspector says why it arrives then.
  const std::string line = arrival_line(run, b.unit);
  EXPECT_NE(line.find("waits 2d11h for airlift loads at rzeszow"), std::string::npos) << line;

  // With the airfield's capacity raised in the scenario, neither waits.
  Simulation wide(parse(lift_toml("\nairlift_loads_per_day = 1000")), theatre());
  wide.command(a);
  wide.command(b);
  // Its 10 loads follow uk-a's 20, at 1000 a day: slots 20..29 of 86.4 s.
  EXPECT_EQ(wide.world().units[b.unit].depart - wide.world().units[b.unit].ready,
            Duration::ms(29 * 86'400));
}

TEST(Lift, TrainsWaitForPathsAtTheGaugeChange) {
  Simulation run(parse(lift_toml()), theatre());
  TraceRecorder trace;
  run.set_trace(&trace);
  run.command(deploy_order(run, "de-bde", "lviv", DeployMode::Rail));
  const Unit& unit = run.world().units[unit_index(run, "de-bde")];
  ASSERT_EQ(unit.by, map::Mobility::Rail);
  // 4000 / 300: 14 trains at 4 a day from the end of its notice (2d): the last at 2d + 13 x 6h.
  EXPECT_EQ(unit.ready, SimTime::at(Duration::days(2)));
  EXPECT_EQ(unit.depart, SimTime::at(Duration::days(2) + Duration::hours(78)));
  ASSERT_EQ(run.world().lift_bookings.size(), 1u);
  EXPECT_NE(run.world().lift_bookings[0].crossing, LiftSlots::kNoSlot);
  bool said = false;
  for (const TraceRecord& r : trace.records) {
    said |= r.kind == TraceKind::Dispatched &&
            r.detail.find("waits 3d6h for train paths at the gauge change") != std::string::npos;
  }
  EXPECT_TRUE(said) << "the order's trace gives the wait";
}

TEST(Lift, CapacitiesAreValidatedAndWritten) {
  try {
    parse(lift_toml("\nairlift_loads_per_day = 0"));
    ADD_FAILURE() << "a capacity of 0 was accepted";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("scenario.airlift_loads_per_day"), std::string::npos)
        << e.what();
  }
  const Scenario sc = parse(lift_toml("\ngauge_trains_per_day = 9"));
  EXPECT_EQ(sc.gauge_trains_per_day, 9);
  EXPECT_EQ(sc.airlift_loads_per_day, 12);
  // Written back only when not the default, and read back the same.
  const std::string text = write_scenario(sc, theatre());
  EXPECT_NE(text.find("gauge_trains_per_day = 9"), std::string::npos) << text;
  EXPECT_EQ(text.find("airlift_loads_per_day"), std::string::npos) << text;
  EXPECT_EQ(parse(text).gauge_trains_per_day, 9);
}

// ---- Re-routing: a link cut ahead of a deployment re-plans it ----

TEST(Deploy, ARailLinkCutDuringTheNoticeForcesARoadRouteLater) {
  Simulation run(parse(lift_toml()), theatre());
  TraceRecorder trace;
  run.set_trace(&trace);
  const Inject order = deploy_order(run, "de-bde", "lviv", DeployMode::Rail);
  run.command(order);
  const Unit& unit = run.world().units[order.unit];
  ASSERT_EQ(unit.by, map::Mobility::Rail);
  const SimTime planned = unit.arrive;
  run.run_until(SimTime::at(Duration::days(1)));  // in its notice (2 d)
  // Both rail crossings into western Ukraine (as in ACutRailLinkForcesARoadRoute, but now).
  for (const Inject& c : {cut("przemysl", "lviv"), cut("lublin", "volyn")}) {
    ASSERT_EQ(run.check(c), "");
    run.command(c);
  }
  EXPECT_EQ(unit.state, UnitState::Deploying);
  EXPECT_EQ(unit.by, map::Mobility::Tracked) << "no rail reaches Lviv: it marches";
  EXPECT_EQ(unit.at, region("munster")) << "re-planned from its start";
  EXPECT_EQ(unit.ready, SimTime::at(Duration::days(2))) << "its notice stands";
  EXPECT_EQ(unit.depart, unit.ready) << "a road march books no lift";
  EXPECT_TRUE(run.world().lift_bookings.empty()) << "its train paths were given back";
  EXPECT_GT(unit.arrive, planned);
  const auto road = run.journey(region("munster"), region("lviv"), map::Mobility::Tracked);
  ASSERT_TRUE(road);
  EXPECT_EQ(unit.arrive, unit.ready + Duration::ms(road->total.count()));
  bool said = false;
  for (const TraceRecord& r : trace.records) {
    said |= r.kind == TraceKind::Dispatched && r.unit == order.unit &&
            r.detail.find("re-routed: lublin-volyn is cut") != std::string::npos &&
            r.detail.find("by tracked") != std::string::npos &&
            r.detail.find("later than planned") != std::string::npos;
  }
  EXPECT_TRUE(said) << "the trace says why it arrives later";
  run.run_until(run.end());
  EXPECT_EQ(unit.state, UnitState::Idle);
  EXPECT_EQ(unit.at, region("lviv"));
}

TEST(Deploy, ACutWhileAUnitWaitsForTrainPathsSendsItOnFromNow) {
  Simulation run(parse(lift_toml()), theatre());
  const Inject order = deploy_order(run, "de-bde", "lviv", DeployMode::Rail);
  run.command(order);
  const Unit& unit = run.world().units[order.unit];
  ASSERT_EQ(unit.ready, SimTime::at(Duration::days(2)));
  ASSERT_GT(unit.depart, SimTime::at(Duration::days(3)));  // waits 3d6h for train paths
  run.run_until(SimTime::at(Duration::days(3)));           // its notice over, still waiting
  for (const Inject& c : {cut("przemysl", "lviv"), cut("lublin", "volyn")}) run.command(c);
  EXPECT_EQ(unit.by, map::Mobility::Tracked);
  EXPECT_EQ(unit.ready, SimTime::at(Duration::days(2))) << "its notice ended when it did";
  EXPECT_EQ(unit.depart, run.now()) << "it marches from now, not from the past";
  const auto road = run.journey(region("munster"), region("lviv"), map::Mobility::Tracked);
  ASSERT_TRUE(road);
  EXPECT_EQ(unit.arrive, run.now() + Duration::ms(road->total.count()));
}

TEST(Deploy, ARoadCutAheadOfAMarchingUnitReroutesItFromWhereItIs) {
  std::string toml = lift_toml();
  toml.replace(toml.find("notice = \"2d\""), 13, "notice = \"0h\"");
  Simulation run(parse(toml), theatre());
  TraceRecorder trace;
  run.set_trace(&trace);
  const Inject order = deploy_order(run, "de-bde", "lviv", DeployMode::Road);
  run.command(order);
  const Unit& unit = run.world().units[order.unit];
  ASSERT_EQ(unit.by, map::Mobility::Tracked);
  const std::vector<map::RegionId> before = unit.route;
  ASSERT_GE(before.size(), 3u);
  const SimTime planned = unit.arrive;
  // Munster - Rzeszow (1016 km) - Lviv (169 km): past Rzeszow, the link on to Lviv is cut.
  ASSERT_EQ(before,
            (std::vector<map::RegionId>{region("munster"), region("rzeszow"), region("lviv")}));
  run.run_until(unit.depart + Duration::ms((unit.arrive - unit.depart).count_ms() * 19 / 20));
  const map::RegionId last = before[before.size() - 2];
  run.command(cut(theatre().region(last).id, "lviv"));
  ASSERT_EQ(unit.state, UnitState::Deploying);
  EXPECT_EQ(unit.at, region("rzeszow")) << "it re-planned from where it had come to";
  EXPECT_EQ(unit.depart, run.now());
  for (std::size_t i = 0; i + 1 < unit.route.size(); ++i) {
    EXPECT_FALSE(unit.route[i] == last && unit.route[i + 1] == region("lviv")) << "the cut link";
  }
  EXPECT_GT(unit.arrive, planned);
  bool said = false;
  for (const TraceRecord& r : trace.records) {
    said |= r.kind == TraceKind::Dispatched && r.unit == order.unit &&
            r.detail.find("re-routed: ") != std::string::npos &&
            r.detail.find("from " + theatre().region(unit.at).id) != std::string::npos;
  }
  EXPECT_TRUE(said);
  run.run_until(run.end());
  EXPECT_EQ(unit.at, region("lviv"));
  EXPECT_EQ(unit.state, UnitState::Idle);
}

TEST(Deploy, AUnitThatCanNoLongerGetThroughStopsAndSaysSo) {
  std::string toml = base_toml() + R"(
[[units]]
id = "de-air"
nation = "DE"
type = "light_infantry"
strength = 600
home = "munster"
readiness = "arf"
deploy_to = "lask"
deploy_by = "road"
)";
  Simulation run(parse(toml), theatre());
  TraceRecorder trace;
  run.set_trace(&trace);
  Inject surge;
  surge.kind = InjectKind::Surge;
  run.command(surge);
  const std::uint32_t u = unit_index(run, "de-air");
  ASSERT_EQ(run.world().units[u].state, UnitState::Deploying);
  run.run_until(SimTime::at(Duration::days(1)));
  run.command(cut("lask", "minsk_mazowiecki"));  // Lask's only link
  const Unit& unit = run.world().units[u];
  EXPECT_EQ(unit.state, UnitState::AtHome) << "stopped in its notice: it stays at home";
  EXPECT_EQ(unit.at, region("munster"));
  bool said = false;
  for (const TraceRecord& r : trace.records) {
    said |= r.kind == TraceKind::Blocked && r.unit == u &&
            r.detail.find("stops at munster: lask-minsk_mazowiecki is cut") != std::string::npos;
  }
  EXPECT_TRUE(said);
}

}  // namespace
}  // namespace rfsim::sim
