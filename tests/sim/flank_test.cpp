// Incidents in the coalition's flank states, their air policing and Article 4 (issue 12): each
// mechanism with a test that fails if it breaks.
#include <gtest/gtest.h>

#include <string>

#include "model_fixture.hpp"
#include "sim/derived_measures.hpp"
#include "sim/simulation.hpp"
#include "sim/state_check.hpp"

namespace rfsim::sim {
namespace {

using testing::answer;
using testing::parse;

std::string flank_scenario(const std::string& regime, const std::string& length,
                           const std::string& header = "", const std::string& extra = "",
                           std::uint64_t seed = 3) {
  return "[scenario]\nname = \"flank\"\nseed = " + std::to_string(seed) + "\nlength = \"" + length +
         "\"\nregime = \"" + regime + "\"\n" + header +
         "\n[[nations]]\ncode = \"UK\"\nmax_response = \"engage\"\nrefusal = 0.2\n"
         "\n[[units]]\nid = \"uk-qrf\"\nnation = \"UK\"\ntype = \"quick_reaction\"\n"
         "strength = 600\nhome = \"dnipropetrovsk\"\n" +
         extra;
}

std::string raid(const std::string& at, const std::string& region, int drones) {
  return "\n[[injects]]\nat = \"" + at + "\"\nkind = \"provocation\"\nregion = \"" + region +
         "\"\ncount = " + std::to_string(drones) + "\n";
}

std::uint32_t flank_index(const Simulation& sim, const std::string& id) {
  const map::RegionId r = sim.theatre().require(id);
  for (std::uint32_t f = 0; f < sim.world().flanks.size(); ++f) {
    if (sim.world().flanks[f].region == r) return f;
  }
  ADD_FAILURE() << "no flank state " << id;
  return 0;
}

std::int64_t incidents(const FlankMeasures& x) {
  std::int64_t n = 0;
  for (std::int64_t k : x.incidents) n += k;
  return n;
}

/// Runs to `t`, answering HQ's other questions as doctrine would, until an Article 4 decision
/// is pending; returns it, or nullptr.
const Decision* run_to_article4(Simulation& sim, SimTime t) {
  for (;;) {
    sim.run_until(t);
    if (!sim.awaiting_decision()) return nullptr;
    for (const Decision& d : sim.pending_decisions()) {
      if (d.kind == Decision::Kind::Article4) return &d;
    }
    const Decision& d = sim.pending_decisions().front();
    sim.command(answer(d.id, d.doctrine));
  }
}

TEST(Flank, IncidentsHappenInEachFlankStateAndRiseWithEscalation) {
  // The rate in each state rises with Red's step: a war (limited offensive) above a partial
  // ceasefire (pressure) above a full one (compliance).
  std::array<double, 3> rate{};
  for (const char* regime : {"none", "partial", "full"}) {
    Simulation sim(parse(flank_scenario(regime, "1d")), testing::theatre());
    for (std::uint32_t f = 0; f < 3; ++f) {
      if (std::string(regime) != "none") {
        EXPECT_LT(sim.world().flanks[f].rate, rate[f]) << regime << ", flank state " << f;
      }
      rate[f] = sim.world().flanks[f].rate;
    }
  }
  // And over a year, a few seeds: every state has incidents, more in a war than in a full
  // ceasefire (which Red may fray meanwhile).
  std::array<std::int64_t, 3> war{}, truce{};
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    for (const char* regime : {"none", "full"}) {
      Simulation sim(parse(flank_scenario(regime, "365d", "", "", seed)), testing::theatre());
      sim.run_until(sim.end());
      ASSERT_EQ(sim.world().flanks.size(), 3u);
      for (const char* id : {"flank_poland", "flank_romania", "flank_moldova"}) {
        const std::uint32_t f = flank_index(sim, id);
        auto& into = std::string(regime) == "none" ? war : truce;
        into[f] += incidents(sim.world().measures.flank[f]);
      }
    }
  }
  for (std::size_t f = 0; f < 3; ++f) {
    EXPECT_GT(war[f], 0) << "flank state " << f << " had no incident in a war";
    EXPECT_GT(war[f], truce[f]) << "flank state " << f << ": war " << war[f] << ", truce "
                                << truce[f];
  }
}

TEST(Flank, IncidentsShowAsViolationsInTheirStateAndClose) {
  Simulation sim(parse(flank_scenario("none", "2d", "", raid("1h", "flank_poland", 12))),
                 testing::theatre());
  sim.run_until(SimTime::at(Duration::hours(2)));
  const map::RegionId poland = sim.theatre().require("flank_poland");
  int open = 0;
  for (const Violation& v : sim.world().violations) {
    open += v.serial != 0 && v.region == poland ? 1 : 0;
  }
  EXPECT_EQ(open, 1) << "the raid is open on the map";
  const FlankMeasures& x = sim.world().measures.flank[flank_index(sim, "flank_poland")];
  EXPECT_EQ(x.incidents[static_cast<int>(FlankIncident::DroneRaid)], 1);
  EXPECT_EQ(x.drones, 12);
  sim.run_until(SimTime::at(Duration::hours(9)));
  open = 0;
  for (const Violation& v : sim.world().violations) {
    open += v.serial != 0 && v.region == poland ? 1 : 0;
  }
  EXPECT_EQ(open, 0) << "the raid is over after 7 hours";
  EXPECT_EQ(check_state(sim.world(), sim.scenario(), sim.theatre()), "");
}

TEST(Flank, AnIncidentKeepsItsKindAndHowItsEngagementEnded) {
  // What the map draws: the raid's slot says it is a raid, with its shots' outcomes.
  std::string injects;
  for (int i = 0; i < 6; ++i) injects += raid(std::to_string(1 + i) + "h", "flank_poland", 24);
  Simulation sim(parse(flank_scenario("none", "1d", "", injects)), testing::theatre());
  sim.run_until(SimTime::at(Duration::hours(6) + Duration::minutes(30)));
  const map::RegionId poland = sim.theatre().require("flank_poland");
  int raids = 0, shot_down = 0, missed = 0, held = 0;
  for (const Violation& v : sim.world().violations) {
    if (v.serial == 0 || v.region != poland) continue;
    EXPECT_EQ(v.flank_kind, static_cast<int>(FlankIncident::DroneRaid) + 1);
    ++raids;
    shot_down += v.shot_down;
    missed += v.missed;
    held += v.held_fire;
  }
  EXPECT_EQ(raids, 6);
  const FlankMeasures& x = sim.world().measures.flank[flank_index(sim, "flank_poland")];
  EXPECT_EQ(shot_down, x.intercepts);
  EXPECT_EQ(missed, x.misses);
  EXPECT_EQ(held, x.held_fire);
  EXPECT_GT(shot_down + missed, 0);
  // A violation in Ukraine is no flank incident.
  for (const Violation& v : sim.world().violations) {
    if (v.serial != 0 && v.region != poland) {
      EXPECT_EQ(v.flank_kind, 0);
    }
  }
}

TEST(Flank, EngagementsSpendInterceptorsCanMissAndStopWhenTheMagazineIsDry) {
  // Many large raids into Poland: air policing fires, spends its missiles, misses some, and
  // holds fire once the magazine is dry.
  std::string injects;
  for (int i = 0; i < 12; ++i) injects += raid(std::to_string(1 + i) + "h", "flank_poland", 24);
  Simulation sim(parse(flank_scenario("none", "1d", "", injects)), testing::theatre());
  const std::uint32_t f = flank_index(sim, "flank_poland");
  const std::int32_t before = sim.world().flanks[f].magazine;
  ASSERT_GT(before, 0);
  sim.run_until(SimTime::at(Duration::hours(14)));
  const FlankMeasures& x = sim.world().measures.flank[f];
  EXPECT_GT(x.engaged, 0);
  EXPECT_GT(x.interceptors_spent, 0);
  EXPECT_EQ(before - sim.world().flanks[f].magazine, x.interceptors_spent);
  EXPECT_GT(x.misses, 0) << "no kill probability is 1";
  EXPECT_EQ(x.intercepts + x.misses, x.engaged);
  EXPECT_GT(x.held_fire, 0) << "288 drones against a magazine of " << before;
  EXPECT_LT(sim.world().flanks[f].magazine, 2) << "drawn down to less than a SAM's two";
  EXPECT_GT(x.debris, 0);

  // Moldova has no means to engage: nothing fired, nothing spent.
  Simulation md(parse(flank_scenario("none", "1d", "", raid("1h", "flank_moldova", 20))),
                testing::theatre());
  md.run_until(SimTime::at(Duration::hours(3)));
  const FlankMeasures& y = md.world().measures.flank[flank_index(md, "flank_moldova")];
  EXPECT_EQ(y.drones, 20);
  EXPECT_EQ(y.engaged, 0);
  EXPECT_EQ(y.interceptors_spent, 0);
  EXPECT_EQ(y.major, 1);
  EXPECT_EQ(md.world().alliance.consultations, 0) << "Moldova is no NATO member";
}

TEST(Flank, ArticleFourIsAskedAfterAMajorIncursionAndItsAnswerChangesTheOdds) {
  // The coalition is played (HQ asks): a raid of 19 drones into Poland pauses the run for the
  // coalition's decision, with odds for each answer.
  const std::string text =
      flank_scenario("partial", "30d", "decisions = \"ask\"\n", raid("1h", "flank_poland", 19));
  Simulation sim(parse(text), testing::theatre());
  const Decision* asked = run_to_article4(sim, SimTime::at(Duration::hours(2)));
  ASSERT_NE(asked, nullptr);
  const Decision d = *asked;
  EXPECT_EQ(d.flank, flank_index(sim, "flank_poland"));
  ASSERT_EQ(d.options.size(), 2u);
  EXPECT_EQ(d.doctrine, 0) << "doctrine requests consultations (P ~ 1, R1 section 9)";
  // Requesting lowers the odds of another major incursion and of capitals refusing.
  EXPECT_LT(d.options[0].odds, d.options[1].odds);
  EXPECT_LT(d.options[0].refusal, d.options[1].refusal);
  EXPECT_NEAR(d.options[0].refusal, 0.2 * 0.8, 1e-9);
  EXPECT_NEAR(d.options[1].refusal, 0.2 * 1.2, 1e-9);

  // A raid below the threshold asks nothing.
  Simulation small(parse(flank_scenario("partial", "30d", "decisions = \"ask\"\n",
                                        raid("1h", "flank_poland", 9))),
                   testing::theatre());
  EXPECT_EQ(run_to_article4(small, SimTime::at(Duration::hours(2))), nullptr);

  // Each answer has its consequences: a request brings NATO's reinforcement two days later
  // (fewer incidents, Red deterred); a refusal emboldens Red and frays cohesion.
  Simulation yes(parse(text), testing::theatre());
  Simulation no(parse(text), testing::theatre());
  ASSERT_NE(run_to_article4(yes, SimTime::at(Duration::hours(2))), nullptr);
  ASSERT_NE(run_to_article4(no, SimTime::at(Duration::hours(2))), nullptr);
  yes.command(answer(d.id, 0));
  no.command(answer(d.id, 1));
  EXPECT_EQ(yes.world().alliance.consultations, 1);
  EXPECT_EQ(yes.world().measures.flank[d.flank].article4, 1);
  EXPECT_EQ(no.world().alliance.consultations, 0);
  EXPECT_EQ(no.world().alliance.declined, 1);
  run_to_article4(yes, SimTime::at(Duration::days(3)));
  run_to_article4(no, SimTime::at(Duration::days(3)));
  ASSERT_EQ(yes.now(), SimTime::at(Duration::days(3)));
  ASSERT_EQ(no.now(), SimTime::at(Duration::days(3)));
  const std::uint32_t f = d.flank;
  EXPECT_LT(yes.world().flanks[f].rate, no.world().flanks[f].rate);
  EXPECT_LT(yes.red_outlook(0).score, no.red_outlook(0).score)
      << "NATO's reinforcement deters; a declined consultation emboldens";
  EXPECT_NE(yes.state_hash(), no.state_hash());
}

TEST(Flank, UnplayedCoalitionTakesDoctrinesAnswer) {
  Simulation sim(parse(flank_scenario("partial", "5d", "", raid("1h", "flank_poland", 19))),
                 testing::theatre());
  sim.run_until(SimTime::at(Duration::hours(2)));
  EXPECT_FALSE(sim.awaiting_decision());
  EXPECT_EQ(sim.world().alliance.consultations, 1);
  EXPECT_GT(sim.world().alliance.sentry_from, sim.now());
}

TEST(Flank, MeasuresAreInTheTable) {
  Simulation sim(parse(flank_scenario("none", "1d", "", raid("1h", "flank_romania", 15))),
                 testing::theatre());
  sim.run_until(sim.end());
  const DerivedMeasure* drones = find_measure("romania_drones");
  ASSERT_NE(drones, nullptr);
  EXPECT_EQ(drones->of(sim), 15);
  ASSERT_NE(find_measure("poland_article4"), nullptr);
  ASSERT_NE(find_measure("moldova_incidents"), nullptr);
  ASSERT_NE(find_measure("poland_interceptors"), nullptr);
}

TEST(Flank, SameSeedSameHashAndARestoredRunGoesOnTheSame) {
  const std::string text = flank_scenario("none", "60d", "", raid("2h", "flank_poland", 19));
  Simulation a(parse(text), testing::theatre());
  Simulation b(parse(text), testing::theatre());
  a.run_until(SimTime::at(Duration::days(20)));
  b.run_until(SimTime::at(Duration::days(20)));
  EXPECT_EQ(a.state_hash(), b.state_hash());
  Simulation c(parse(text), testing::theatre());
  c.restore(a.world(), a.streams().positions());
  EXPECT_EQ(c.state_hash(), a.state_hash());
  a.run_until(a.end());
  c.run_until(c.end());
  EXPECT_EQ(a.state_hash(), c.state_hash());
  std::int64_t n = 0;
  for (const FlankMeasures& x : a.world().measures.flank) n += incidents(x);
  EXPECT_GT(n, 1);
}

}  // namespace
}  // namespace rfsim::sim
