// The model's mechanisms, each checked by a test that fails if the mechanism breaks:
// caveats, approval delays, nearest-unit choice, US support, escalation, injects, deterrence.
#include <gtest/gtest.h>

#include <map>

#include "model_fixture.hpp"
#include "sim/simulation.hpp"

namespace rfsim::sim {
namespace {

using testing::answer;
using testing::parse;
using testing::TraceRecorder;

// A full-ceasefire scenario where ground probes and artillery call for interposition.
std::string header(const std::string& regime, const std::string& length = "3d",
                   const std::string& extra = "") {
  return "[scenario]\nname = \"t\"\nseed = 11\nlength = \"" + length + "\"\nregime = \"" + regime +
         "\"\n" + extra + "\n";
}

std::string nation(const std::string& code, const std::string& extra = "") {
  return "[[nations]]\ncode = \"" + code + "\"\n" + extra + "\n";
}

std::string unit(const std::string& id, const std::string& nation, const std::string& type,
                 const std::string& home, const std::string& extra = "") {
  return "[[units]]\nid = \"" + id + "\"\nnation = \"" + nation + "\"\ntype = \"" + type +
         "\"\nstrength = 600\nhome = \"" + home + "\"\n" + extra + "\n";
}

std::string provocation(const std::string& at, const std::string& region, int count) {
  return "[[injects]]\nat = \"" + at + "\"\nkind = \"provocation\"\nregion = \"" + region +
         "\"\ncount = " + std::to_string(count) + "\n";
}

Measures run(const std::string& toml, TraceRecorder* rec = nullptr, std::uint64_t seed = 0) {
  Scenario s = parse(toml);
  if (seed != 0) s.seed = seed;
  Simulation sim(std::move(s), testing::theatre());
  sim.set_trace(rec);
  sim.run_until(sim.end());
  return sim.world().measures;
}

TEST(Caveats, MaxResponseLevelBlocksTheUnit) {
  const std::string body =
      unit("qrf", "UK", "quick_reaction", "zaporizhzhia") + provocation("1h", "sector_orikhiv", 20);
  const Measures barred = run(header("full") + nation("UK", "max_response = \"record\"") + body);
  EXPECT_GT(barred.blocked_by_caveats, 0);
  EXPECT_EQ(barred.dispatched, 0);
  const Measures free = run(header("full") + nation("UK", "max_response = \"engage\"") + body);
  EXPECT_EQ(free.blocked_by_caveats, 0);
  EXPECT_GT(free.dispatched, 0);
}

TEST(Caveats, AllowedRegionsBlockTheUnit) {
  const std::string body =
      unit("qrf", "DE", "quick_reaction", "zaporizhzhia") + provocation("1h", "sector_orikhiv", 20);
  const Measures barred =
      run(header("full") + nation("DE", "allowed_regions = [\"rzeszow\"]") + body);
  EXPECT_GT(barred.blocked_by_caveats, 0);
  EXPECT_EQ(barred.dispatched, 0);
  const Measures allowed =
      run(header("full") + nation("DE", "allowed_regions = [\"sector_orikhiv\"]") + body);
  EXPECT_GT(allowed.dispatched, 0);
}

TEST(Approval, DelayIsRespected) {
  // Spread 0: every approval takes exactly the median, 10 hours.
  TraceRecorder rec;
  run(header("full") + nation("UK", "approval_median = \"10h\"\napproval_spread = 0") +
          unit("qrf", "UK", "quick_reaction", "zaporizhzhia") +
          provocation("1h", "sector_orikhiv", 10),
      &rec);
  std::map<std::uint64_t, SimTime> detected;
  for (const auto& r : rec.of(TraceKind::Detected)) detected[r.violation] = r.time;
  const auto dispatched = rec.of(TraceKind::Dispatched);
  ASSERT_FALSE(dispatched.empty());
  for (const auto& d : dispatched) {
    ASSERT_TRUE(detected.count(d.violation));
    // The first request is asked at detection; a later one when the unit came free.
    EXPECT_GE(d.time - detected[d.violation], Duration::hours(10));
  }
  EXPECT_EQ(dispatched.front().time - detected[dispatched.front().violation], Duration::hours(10));
}

TEST(Approval, RefusalIsCountedAndTheNextUnitAsked) {
  TraceRecorder rec;
  const Measures m = run(header("full") + nation("UK", "refusal = 1.0") + nation("FR") +
                             unit("uk-qrf", "UK", "quick_reaction", "zaporizhzhia") +
                             unit("fr-qrf", "FR", "quick_reaction", "dnipropetrovsk") +
                             provocation("1h", "sector_orikhiv", 5),
                         &rec);
  EXPECT_GT(m.refusals, 0);
  for (const auto& d : rec.of(TraceKind::Dispatched)) EXPECT_EQ(d.unit, 1u);  // only the French
}

TEST(Command, NearestUnitByTravelTimeIsChosen) {
  TraceRecorder rec;
  run(header("full") + nation("UK") + unit("far", "UK", "quick_reaction", "lviv") +
          unit("near", "UK", "quick_reaction", "zaporizhzhia") +
          provocation("1h", "sector_orikhiv", 1),
      &rec);
  const auto dispatched = rec.of(TraceKind::Dispatched);
  ASSERT_FALSE(dispatched.empty());
  EXPECT_EQ(dispatched.front().unit, 1u);  // "near", though "far" comes first in the file
}

TEST(Monitoring, UsWithdrawalLowersDetection) {
  const std::string body = nation("UK") + unit("qrf", "UK", "quick_reaction", "kharkiv");
  const Measures full = run(header("partial", "2d", "us_support = \"full\"") + body);
  const Measures gone = run(header("partial", "2d", "us_support = \"withdrawn\"") + body);
  const double share_full = double(full.detected) / double(full.violations);
  const double share_gone = double(gone.detected) / double(gone.violations);
  EXPECT_GT(share_full, share_gone + 0.05) << share_full << " vs " << share_gone;
}

TEST(Escalation, RisesWhenResponsesAreWithheld) {
  // The same threat, answered by nobody vs. by nearby quick-reaction forces.
  const std::string withheld = header("full", "10d") + nation("UK") +
                               unit("obs", "UK", "monitoring_team", "sector_pokrovsk");
  std::string answered = withheld;
  for (const char* home : {"zaporizhzhia", "dnipropetrovsk", "donetsk", "kharkiv", "kherson",
                           "mykolaiv", "sector_pokrovsk", "sector_orikhiv"}) {
    answered += unit(std::string("qrf-") + home, "UK", "quick_reaction", home, "count = 2");
  }
  double sum_withheld = 0, sum_answered = 0;
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const Measures w = run(withheld, nullptr, seed);
    const Measures a = run(answered, nullptr, seed);
    sum_withheld += w.days.back().escalation;
    sum_answered += a.days.back().escalation;
  }
  EXPECT_GT(sum_withheld, sum_answered * 1.05) << sum_withheld << " vs " << sum_answered;
}

TEST(UsSupport, CounterBatteryNeedsUsTargeting) {
  // A heavy provocation escalates the sector; with US targeting (full backstop or the
  // intelligence feed alone) HQ answers later shelling with rocket artillery, without it only
  // with ground forces.
  auto counter_battery = [](const std::string& us) {
    TraceRecorder rec;
    run(header("full", "2d", "us_support = \"" + us + "\"") + nation("UK") +
            unit("qrf", "UK", "quick_reaction", "zaporizhzhia") +
            unit("mlrs", "UK", "rocket_artillery", "zaporizhzhia", "munitions = 24") +
            provocation("1h", "sector_orikhiv", 60),
        &rec);
    int n = 0;
    for (const auto& d : rec.of(TraceKind::Dispatched)) n += d.unit == 1u ? 1 : 0;
    return n;
  };
  EXPECT_GT(counter_battery("full"), 0);
  EXPECT_GT(counter_battery("intel_only"), 0);
  EXPECT_EQ(counter_battery("withdrawn"), 0);
}

std::string ask_scenario(const std::string& hq_mode, const std::string& uk_mode = "auto") {
  // No background violations: only the provocation's, near both units.
  return header("full", "2d", "decisions = \"" + hq_mode + "\"") + "[rates.full]\nper_day = 0\n\n" +
         nation("UK", "decisions = \"" + uk_mode + "\"\napproval_median = \"30m\"") +
         unit("near", "UK", "quick_reaction", "zaporizhzhia") +
         unit("far", "UK", "quick_reaction", "dnipropetrovsk") +
         provocation("1h", "sector_orikhiv", 3);
}

TEST(Decisions, AskModePausesWithOptionsNearestFirst) {
  Simulation sim(parse(ask_scenario("ask")), testing::theatre());
  sim.run_until(sim.end());
  ASSERT_TRUE(sim.awaiting_decision());
  EXPECT_LT(sim.now(), sim.end());  // paused at the decision
  const Decision& d = sim.pending_decisions().front();
  EXPECT_EQ(d.kind, Decision::Kind::Tasking);
  ASSERT_EQ(d.options.size(), 3u);  // two units and "record only"
  EXPECT_EQ(d.options[0].unit, 0u);
  EXPECT_EQ(d.options[1].unit, 1u);
  EXPECT_LT(d.options[0].eta, d.options[1].eta);
  EXPECT_GE(d.options[0].p_in_standard, d.options[1].p_in_standard);
  EXPECT_GT(d.options[0].p_in_standard, 0.5);
  EXPECT_EQ(d.options[2].unit, kNone);
  const SimTime paused = sim.now();
  sim.run_until(sim.end());  // still waiting: nothing moves
  EXPECT_EQ(sim.now(), paused);
}

TEST(Decisions, ThePlayersChoiceIsTheUnitSent) {
  TraceRecorder rec;
  Simulation sim(parse(ask_scenario("ask")), testing::theatre());
  sim.set_trace(&rec);
  sim.run_until(sim.end());
  ASSERT_TRUE(sim.awaiting_decision());
  sim.command(answer(sim.pending_decisions().front().id, 1));  // the farther unit
  // Later taskings of the burst: record only, so the first answer is the only unit sent.
  for (int i = 0; i < 50 && (sim.run_until(sim.end()), sim.awaiting_decision()); ++i) {
    const Decision& d = sim.pending_decisions().front();
    sim.command(answer(d.id, static_cast<int>(d.options.size()) - 1));
  }
  const auto dispatched = rec.of(TraceKind::Dispatched);
  ASSERT_FALSE(dispatched.empty());
  EXPECT_EQ(dispatched.front().unit, 1u);
}

TEST(Decisions, RecordOnlyIsCountedAndNobodyMoves) {
  Simulation sim(parse(ask_scenario("ask")), testing::theatre());
  for (int i = 0; i < 50 && (sim.run_until(sim.end()), sim.awaiting_decision()); ++i) {
    const Decision& d = sim.pending_decisions().front();
    sim.command(answer(d.id, static_cast<int>(d.options.size()) - 1));
  }
  EXPECT_FALSE(sim.awaiting_decision());
  EXPECT_EQ(sim.now(), sim.end());
  EXPECT_GT(sim.world().measures.declined_by_hq, 0);
  EXPECT_EQ(sim.world().measures.dispatched, 0);
}

TEST(Decisions, NationAskedForApprovalCanRefuse) {
  Simulation sim(parse(ask_scenario("auto", "ask")), testing::theatre());
  sim.run_until(sim.end());
  ASSERT_TRUE(sim.awaiting_decision());
  const Decision& d = sim.pending_decisions().front();
  EXPECT_EQ(d.kind, Decision::Kind::Approval);
  EXPECT_EQ(d.unit, 0u);
  ASSERT_EQ(d.options.size(), 2u);
  sim.command(answer(d.id, 1));  // refuse
  EXPECT_EQ(sim.world().measures.refusals, 1);
  EXPECT_EQ(sim.world().units[0].state, UnitState::Idle);
}

TEST(Decisions, UnknownDecisionOrOptionIsRefused) {
  Simulation sim(parse(ask_scenario("ask")), testing::theatre());
  sim.run_until(sim.end());
  ASSERT_TRUE(sim.awaiting_decision());
  EXPECT_THROW(sim.command(answer(999, 0)), std::invalid_argument);
  EXPECT_THROW(sim.command(answer(sim.pending_decisions().front().id, 7)), std::invalid_argument);
  EXPECT_TRUE(sim.awaiting_decision());
}

TEST(Decisions, DoctrineAnswersForAnAbsentPlayer) {
  Simulation sim(parse(ask_scenario("ask", "ask")), testing::theatre());
  CommandQueue nobody(/*doctrine=*/true);
  sim.advance(sim.end(), nobody);
  EXPECT_FALSE(sim.awaiting_decision());
  EXPECT_EQ(sim.now(), sim.end());
  EXPECT_GT(nobody.answered(), 1);                // HQ's taskings and the UK's approvals
  EXPECT_GT(sim.world().measures.dispatched, 0);  // doctrine sends the nearest unit
  // Without doctrine the same source waits for a person at the first decision.
  Simulation waits(parse(ask_scenario("ask", "ask")), testing::theatre());
  CommandQueue person;
  waits.advance(waits.end(), person);
  EXPECT_TRUE(waits.awaiting_decision());
  EXPECT_LT(waits.now(), waits.end());
}

TEST(Decisions, ACommandGivenWhileWaitingAppliesAtOnce) {
  Simulation sim(parse(ask_scenario("ask")), testing::theatre());
  sim.run_until(sim.end());
  ASSERT_TRUE(sim.awaiting_decision());
  const SimTime paused = sim.now();
  const std::uint64_t first = sim.pending_decisions().front().id;
  const std::uint64_t executed = sim.world().loop.executed();
  CommandQueue given;  // given while the run waited: before any event due at that moment
  given.push({paused, answer(first, 0)});
  sim.advance(paused, given, executed);  // no event may run
  EXPECT_EQ(sim.world().loop.executed(), executed);
  EXPECT_EQ(sim.world().units[0].state, UnitState::AwaitingApproval);
  for (const Decision& d : sim.pending_decisions()) EXPECT_NE(d.id, first);
}

TEST(Decisions, SameAnswersSameHash) {
  auto play = [] {
    Simulation sim(parse(ask_scenario("ask")), testing::theatre());
    for (int i = 0; i < 50 && (sim.run_until(sim.end()), sim.awaiting_decision()); ++i) {
      sim.command(answer(sim.pending_decisions().front().id, i % 2));
    }
    return sim.state_hash();
  };
  EXPECT_EQ(play(), play());
}

TEST(Injects, RegimeChangeChangesRatesFromThatMoment) {
  const Measures m =
      run(header("partial") + nation("UK") + unit("qrf", "UK", "quick_reaction", "kharkiv") +
          "[[injects]]\nat = \"1d\"\nkind = \"set_regime\"\nregime = \"full\"\n");
  ASSERT_EQ(m.days.size(), 3u);
  auto total = [](const DayRow& d) {
    std::int64_t n = 0;
    for (auto x : d.by_type) n += x;
    return n;
  };
  EXPECT_GT(total(m.days[0]), 400);  // partial: ~750 a day
  // full: ~25 a day, and what the partial day excited decaying over a day or two (with one
  // unit, almost nothing is answered)
  EXPECT_LT(total(m.days[2]), total(m.days[0]) / 6);
  EXPECT_EQ(m.days[0].regime, Regime::Partial);
  EXPECT_EQ(m.days[2].regime, Regime::Full);
}

TEST(Injects, NationWithdrawalTakesItsUnitsOut) {
  const Measures m =
      run(header("full") + nation("UK") + unit("qrf", "UK", "quick_reaction", "zaporizhzhia") +
          "[[injects]]\nat = \"1m\"\nkind = \"nation_withdraws\"\nnation = \"UK\"\n" +
          provocation("1h", "sector_orikhiv", 10));
  EXPECT_EQ(m.dispatched, 0);
  EXPECT_GT(m.no_unit_available, 0);
}

TEST(Threat, MostViolationsComeAtNight) {
  TraceRecorder rec;
  run(header("partial", "2d") + nation("UK") + unit("qrf", "UK", "quick_reaction", "kharkiv"),
      &rec);
  int night = 0, all = 0;
  for (const auto& r : rec.of(TraceKind::Violation)) {
    const std::int64_t hour = (r.time.ms() / 3'600'000) % 24;
    night += (hour >= 20 || hour < 6) ? 1 : 0;
    ++all;
  }
  ASSERT_GT(all, 500);
  EXPECT_NEAR(double(night) / all, 0.70, 0.05);
}

TEST(Threat, ArmedForceDetersObserversDoNot) {
  // 10,000 armed troops on every sector vs. observers only: kinetic violations fall ~70%.
  // With no ceasefire the force records what happens on the line, so the brigades stay put.
  const std::string sectors[] = {
      "sector_kupiansk",         "sector_lyman",   "sector_kostiantynivka", "sector_pokrovsk",
      "sector_velyka_novosilka", "sector_orikhiv", "sector_enerhodar",      "sector_kherson"};
  std::string observers = header("none", "2d") + nation("UK");
  std::string armed = observers;
  for (const auto& s : sectors) {
    observers += unit("obs-" + s, "UK", "monitoring_team", s);
    armed += "[[units]]\nid = \"bde-" + s +
             "\"\nnation = \"UK\"\ntype = \"mech_infantry\"\n"
             "strength = 10000\nhome = \"" +
             s + "\"\n\n";
  }
  const Measures o = run(observers);
  const Measures a = run(armed);
  const auto kinetic = [](const Measures& m) {
    return m.by_type[static_cast<int>(ViolationType::Artillery)] +
           m.by_type[static_cast<int>(ViolationType::SmallArms)];
  };
  EXPECT_NEAR(double(kinetic(a)) / double(kinetic(o)), 0.30, 0.06);
}

TEST(Logistics, EngagementsSpendMunitions) {
  // Drone incursions only, which doctrine answers by engaging: each engagement costs the
  // air-defence unit two interceptors (rounds_needed), and it is not sent with fewer left.
  // Stocks are refilled only when a day ends, so within the first day they can only fall.
  const std::string drones = "[rates.full]\nper_day = 400\nshares = { drone_incursion = 1.0 }\n";
  Scenario s = parse(header("full", "3d") + drones + nation("UK") +
                     unit("sam", "UK", "air_defence", "kharkiv", "munitions = 5"));
  Simulation sim(std::move(s), testing::theatre());
  TraceRecorder rec;
  sim.set_trace(&rec);
  sim.run_until(SimTime::at(Duration::hours(20)));
  int engaged = 0;
  for (const TraceRecord& r : rec.of(TraceKind::Dispatched)) {
    ASSERT_EQ(r.unit, 0u);
    EXPECT_EQ(r.detail, "sam engage");
    ++engaged;
  }
  ASSERT_GE(engaged, 1) << "no engagement to spend munitions on";
  EXPECT_EQ(sim.world().units[0].munitions, 5 - 2 * engaged);
  EXPECT_GE(sim.world().units[0].munitions, 0);
}

TEST(Engagements, AircraftAreFiredAtOnlyOnceRedAttacks) {
  // Airspace violations only. Under a full ceasefire (Red complies) HQ escorts them with a
  // fighter; with none (Red at a limited offensive everywhere) air defence fires at them, kills
  // some with 1 - 0.7^2 and Red loses the crews.
  auto engaged = [](const std::string& regime, Measures* out) {
    const std::string rates =
        "[rates." + regime + "]\nper_day = 60\nshares = { airspace_violation = 1.0 }\n";
    TraceRecorder rec;
    *out = run(header(regime, "3d") + rates + nation("UK", "max_response = \"engage\"") +
                   unit("sam", "UK", "air_defence", "kharkiv", "munitions = 400") +
                   unit("jets", "UK", "fighter_squadron", "kharkiv"),
               &rec);
    int n = 0;
    for (const TraceRecord& r : rec.of(TraceKind::Engagement)) {
      n += r.detail.find("engages an aircraft") != std::string::npos;
    }
    return n;
  };
  Measures none, full;
  const int fired = engaged("none", &none);
  EXPECT_GT(fired, 5);
  EXPECT_EQ(none.intercepts + none.misses, fired);
  EXPECT_GT(none.intercepts, 0);
  EXPECT_GT(none.misses, 0);
  EXPECT_GT(none.red_losses, 0);
  EXPECT_EQ(engaged("full", &full), 0);
  EXPECT_EQ(full.intercepts + full.misses, 0);
  EXPECT_GT(full.dispatched, 0) << "the escort is still flown";
}

TEST(Logistics, AirDefenceDoesNotAnswerArtilleryOrProbes) {
  Scenario s = parse(header("full", "3d") + nation("UK") +
                     unit("sam", "UK", "air_defence", "kharkiv", "munitions = 4"));
  Simulation sim(std::move(s), testing::theatre());
  // Provocations are artillery and ground probes, inside the range of the unit.
  for (int i = 0; i < 3; ++i) {
    Inject in;
    in.kind = InjectKind::Provocation;
    in.region = testing::theatre().require("sector_kupiansk");
    in.count = 1;
    sim.command(in);
  }
  sim.run_until(SimTime::at(Duration::hours(20)));
  EXPECT_GE(sim.world().measures.violations, 3);
  EXPECT_EQ(sim.world().units[0].munitions, 4);
  EXPECT_EQ(sim.world().measures.dispatched, 0);
}

}  // namespace
}  // namespace rfsim::sim
