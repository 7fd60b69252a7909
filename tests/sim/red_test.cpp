// Red as a side: each mechanism of the ladder, the truce, combat and the US levers, each with a
// test that fails if it breaks (issue 11).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "model_fixture.hpp"
#include "sim/simulation.hpp"

namespace rfsim::sim {
namespace {

using testing::answer;
using testing::parse;

// A scenario on the real theatre: the coalition's units given, plus Red's and Ukraine's
// formations in Pokrovsk (and Red alone elsewhere, so every sector has an army to perceive).
std::string red_scenario(const std::string& regime, const std::string& coalition_units,
                         const std::string& extra_header = "", const std::string& extra = "",
                         int red = 10, int ukraine = 7, const std::string& red_mode = "auto") {
  std::string s = "[scenario]\nname = \"red\"\nseed = 5\nlength = \"60d\"\nregime = \"" + regime +
                  "\"\n" + extra_header +
                  "\n[[nations]]\ncode = \"UK\"\nmax_response = \"engage\"\n"
                  "approval_median = \"15m\"\n"
                  "\n[[nations]]\ncode = \"SE\"\nmax_response = \"interpose\"\n"
                  "\n[[nations]]\ncode = \"UA\"\nside = \"ukraine\"\n"
                  "\n[[nations]]\ncode = \"RU\"\nside = \"russia\"\ndecisions = \"" +
                  red_mode + "\"\n";
  s += coalition_units;
  if (red > 0) {
    s += "\n[[units]]\nid = \"ru\"\nnation = \"RU\"\ntype = \"mech_infantry\"\nstrength = 5000\n"
         "home = \"sector_pokrovsk\"\ncount = " +
         std::to_string(red) + "\n";
  }
  if (ukraine > 0) {
    s += "\n[[units]]\nid = \"ua\"\nnation = \"UA\"\ntype = \"mech_infantry\"\nstrength = 3500\n"
         "home = \"sector_pokrovsk\"\ncount = " +
         std::to_string(ukraine) + "\n";
  }
  return s + extra;
}

std::string unit(const std::string& id, const std::string& nation, const std::string& type,
                 const std::string& home, int strength, const std::string& extra = "") {
  return "\n[[units]]\nid = \"" + id + "\"\nnation = \"" + nation + "\"\ntype = \"" + type +
         "\"\nstrength = " + std::to_string(strength) + "\nhome = \"" + home + "\"\n" + extra;
}

std::uint32_t sector_index(const Simulation& sim, const std::string& id) {
  const map::RegionId r = sim.theatre().require(id);
  for (std::uint32_t i = 0; i < sim.world().sectors.size(); ++i) {
    if (sim.world().sectors[i].region == r) return i;
  }
  ADD_FAILURE() << "no sector " << id;
  return 0;
}

const std::string kBrigadeHere = unit("uk-mech", "UK", "mech_infantry", "sector_pokrovsk", 8000);
const std::string kOnlyMonitors = unit("uk-mon", "UK", "monitoring_team", "sector_pokrovsk", 40);

TEST(RedLadder, ArmedCoalitionThatMayFightLowersTheOddsOfAnAttack) {
  // 70,000 Red against three Ukrainian brigades: strong enough to break a defence alone.
  // Rocket artillery deters (armed, its nation may engage) without adding to the ground fight:
  // the score falls through deterrence alone.
  const std::string guns = unit("uk-gmlrs", "UK", "rocket_artillery", "sector_pokrovsk", 8000);
  Simulation armed(parse(red_scenario("partial", guns, "", "", 14, 3)), testing::theatre());
  Simulation observers(parse(red_scenario("partial", kOnlyMonitors, "", "", 14, 3)),
                       testing::theatre());
  const std::uint32_t i = sector_index(armed, "sector_pokrovsk");
  const RedOutlook a = armed.red_outlook(i);
  const RedOutlook o = observers.red_outlook(i);
  EXPECT_GT(a.deterrent, o.deterrent);
  EXPECT_DOUBLE_EQ(a.ratio, o.ratio);
  EXPECT_LT(a.score, o.score);
  EXPECT_LE(a.up, o.up);
  // The same guns under caveats that do not let them fight deter less.
  const std::string caveated = unit("se-gmlrs", "SE", "rocket_artillery", "sector_pokrovsk", 8000);
  Simulation barred(parse(red_scenario("partial", caveated, "", "", 14, 3)), testing::theatre());
  EXPECT_LT(barred.red_outlook(i).deterrent, a.deterrent);
  EXPECT_GT(barred.red_outlook(i).score, a.score);
}

TEST(RedLadder, ABrigadeThatWouldFightLowersRedsOddsOfWinning) {
  Simulation armed(parse(red_scenario("partial", kBrigadeHere, "", "", 14, 3)), testing::theatre());
  Simulation observers(parse(red_scenario("partial", kOnlyMonitors, "", "", 14, 3)),
                       testing::theatre());
  const std::uint32_t i = sector_index(armed, "sector_pokrovsk");
  EXPECT_LT(armed.red_outlook(i).ratio, observers.red_outlook(i).ratio);
  EXPECT_GT(armed.red_outlook(i).defence_holds, observers.red_outlook(i).defence_holds);
}

TEST(RedLadder, WithdrawingTheUsRaisesTheOdds) {
  const RedOutlook full =
      Simulation(parse(red_scenario("partial", kBrigadeHere, "us_support = \"full\"\n")),
                 testing::theatre())
          .red_outlook(3);
  const RedOutlook intel =
      Simulation(parse(red_scenario("partial", kBrigadeHere, "us_support = \"intel_only\"\n")),
                 testing::theatre())
          .red_outlook(3);
  const RedOutlook gone =
      Simulation(parse(red_scenario("partial", kBrigadeHere, "us_support = \"withdrawn\"\n")),
                 testing::theatre())
          .red_outlook(3);
  EXPECT_LT(full.score, intel.score);
  EXPECT_LT(intel.score, gone.score);
  EXPECT_LE(full.up, gone.up);
}

TEST(RedLadder, ClimbsWhenViolationsGoUnansweredAndDescendsWhenAnswered) {
  // Many seeds, 60 days: with nobody to answer (observers only) Red climbs; with quick
  // reaction forces at hand in every sector it descends. Compared on the mean step at the end.
  std::string answering;
  for (const char* sec :
       {"sector_kupiansk", "sector_lyman", "sector_kostiantynivka", "sector_pokrovsk",
        "sector_velyka_novosilka", "sector_orikhiv", "sector_enerhodar", "sector_kherson"}) {
    answering += unit(std::string("qrf-") + sec, "UK", "quick_reaction", sec, 3000,
                      "notice = \"15m\"\ncount = 3\n");
  }
  double quiet = 0, loud = 0, impunity_q = 0, impunity_l = 0;
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    Scenario a = parse(red_scenario("partial", answering));
    Scenario b = parse(red_scenario("partial", kOnlyMonitors));
    a.seed = b.seed = seed;
    Simulation answered(a, testing::theatre());
    Simulation ignored(b, testing::theatre());
    answered.run_until(answered.end());
    ignored.run_until(ignored.end());
    for (const Sector& s : answered.world().sectors) {
      quiet += static_cast<double>(s.step);
      impunity_q += s.impunity;
    }
    for (const Sector& s : ignored.world().sectors) {
      loud += static_cast<double>(s.step);
      impunity_l += s.impunity;
    }
  }
  EXPECT_LT(impunity_q, impunity_l);
  EXPECT_LT(quiet, loud) << "mean step answered " << quiet / 48 << ", ignored " << loud / 48;
  EXPECT_LT(quiet / 48, 2.0);  // below pressure, where a partial ceasefire starts: it descended
  EXPECT_GT(loud / 48, 2.0);   // above it: it climbed
}

TEST(RedLadder, TheTypeMixFollowsTheStep) {
  // Each regime puts the sectors at its step; the artillery share of a sector's rate rises
  // with the step (harassment is mostly small arms, an offensive half explosions).
  auto artillery_share = [](const std::string& regime) {
    Simulation sim(parse(red_scenario(regime, kBrigadeHere)), testing::theatre());
    const Threat& t = sim.world().threats[sim.theatre().require("sector_pokrovsk")];
    double total = 0;
    for (double x : t.base) total += x;
    return t.base[static_cast<std::size_t>(ViolationType::Artillery)] / total;
  };
  EXPECT_LT(artillery_share("full"), artillery_share("partial"));
  EXPECT_LT(artillery_share("partial"), artillery_share("none"));
}

TEST(RedLadder, ABreakByRedsChoiceChangesRatesAndTheRegime) {
  // A Red player escalates every sector it is asked about: at half the line the ceasefire
  // breaks, without any inject, and the rates rise with it.
  Simulation sim(parse(red_scenario("partial", kBrigadeHere, "", "", 10, 7, "ask")),
                 testing::theatre());
  double before = 0;
  for (const Threat& t : sim.world().threats) {
    for (double x : t.base) before += x;
  }
  int asked = 0;
  while (!sim.world().measures.ceasefire_broken && asked < 40) {
    sim.run_until(sim.end());
    if (!sim.awaiting_decision()) break;
    const Decision d = sim.pending_decisions().front();
    if (d.kind == Decision::Kind::RedStep) {
      ++asked;
      EXPECT_EQ(d.options.size(), 3u);
      EXPECT_NEAR(d.options[0].odds + d.options[1].odds + d.options[2].odds, 1.0, 1e-9);
      sim.command(answer(d.id, 0));  // escalate
    } else {
      sim.command(answer(d.id, d.doctrine));
    }
  }
  ASSERT_TRUE(sim.world().measures.ceasefire_broken);
  EXPECT_EQ(sim.world().regime, Regime::None);
  EXPECT_GE(sim.world().measures.highest_step, RedStep::LimitedOffensive);
  double after = 0;
  for (const Threat& t : sim.world().threats) {
    for (double x : t.base) after += x;
  }
  EXPECT_GT(after, before * 1.2);
}

TEST(Combat, RemovesStrengthOnBothSidesAndTakesGroundOnlyWhenRedOutweighs) {
  // No ceasefire: Red attacks in Pokrovsk. Strong Red takes ground; a Red weaker than the
  // prepared defence is made to attack by a player, and bleeds without taking ground.
  auto fight = [](int red, int ukraine, const std::string& mode) {
    Simulation sim(parse(red_scenario("none", kOnlyMonitors, "", "", red, ukraine, mode)),
                   testing::theatre());
    const std::uint32_t i = sector_index(sim, "sector_pokrovsk");
    for (int k = 0; k < 200 && sim.now() < SimTime::at(Duration::days(20)); ++k) {
      sim.run_until(SimTime::at(Duration::days(20)));
      if (!sim.awaiting_decision()) break;
      const Decision d = sim.pending_decisions().front();
      // The player holds every sector at its step (a limited offensive: attacks go on).
      sim.command(answer(d.id, d.kind == Decision::Kind::RedStep ? 1 : d.doctrine));
    }
    return std::make_pair(sim.world().measures, sim.world().sectors[i]);
  };
  const auto [strong, strong_sector] = fight(12, 5, "auto");
  EXPECT_GT(strong.battles, 0);
  EXPECT_GT(strong.red_losses, 0);
  EXPECT_GT(strong.ua_losses, 0);
  EXPECT_GT(strong_sector.gained_km2, 0);
  // 4 Red formations (20,000) against 7 brigades (24,500, x1.5 prepared): a review never
  // starts an attack, and no ground moves.
  const auto [weak, weak_sector] = fight(4, 7, "auto");
  EXPECT_EQ(weak_sector.gained_km2, 0.0);
}

TEST(Combat, AnUndefendedSectorFallsAtTheFirstRound) {
  // Red alone in Pokrovsk with only monitors there: the attack meets nobody, so the sector
  // gives ground as a broken defence would (it used to stall for 21 days with nothing taken).
  Simulation sim(parse(red_scenario("none", kOnlyMonitors, "", "", 10, 0)), testing::theatre());
  const std::uint32_t i = sector_index(sim, "sector_pokrovsk");
  sim.run_until(SimTime::at(Duration::days(20)));
  ASSERT_GT(sim.world().measures.battles, 0);
  EXPECT_GT(sim.world().measures.breakthroughs, 0);
  EXPECT_GT(sim.world().sectors[i].gained_km2, 0);
  EXPECT_EQ(sim.world().measures.ua_losses, 0);
}

TEST(Combat, ACoalitionUnitCanBeLostAUkrainianFormationIsWornDownButStays) {
  // A small UK battlegroup and one Ukrainian brigade against fourteen Red formations for 60 days:
  // attack after attack breaks them. The UK's unit goes below 30% and is lost; Ukraine's stands
  // for the sector's defence, kept manned by rotation, and stays however weak.
  const std::string uk = unit("uk-mech", "UK", "mech_infantry", "sector_pokrovsk", 1500);
  Simulation sim(parse(red_scenario("none", uk, "", "", 14, 1)), testing::theatre());
  sim.run_until(SimTime::at(Duration::days(60)));
  const auto& units = sim.world().units;
  const Measures& m = sim.world().measures;
  ASSERT_GT(m.breakthroughs, 0);
  EXPECT_EQ(units[0].state, UnitState::Lost);  // uk-mech
  EXPECT_EQ(m.units_lost, 1);
  EXPECT_GT(m.coalition_losses, 1500 * 0.7 - 1);
  const Unit& ua = units.back();
  EXPECT_EQ(sim.scenario().units[ua.spec].nation, 2u);  // UA
  EXPECT_NE(ua.state, UnitState::Lost);
  EXPECT_GT(m.ua_losses, 0);
}

TEST(Combat, CaveatsKeepANationsUnitOutOfTheFight) {
  // Red attacks where a UK brigade (may engage) and a Swedish one (interpose only) stand:
  // the UK's fights and takes losses, Sweden's stays out and takes none.
  const std::string both = unit("uk-mech", "UK", "mech_infantry", "sector_pokrovsk", 3000) +
                           unit("se-mech", "SE", "mech_infantry", "sector_pokrovsk", 3000);
  Scenario s = parse(red_scenario("none", both, "", "", 14, 3));
  Simulation sim(s, testing::theatre());
  sim.run_until(SimTime::at(Duration::days(15)));
  ASSERT_GT(sim.world().measures.battles, 0);
  const auto& units = sim.world().units;
  EXPECT_LT(units[0].strength, 3000);  // uk-mech
  EXPECT_EQ(units[1].strength, 3000);  // se-mech
  EXPECT_GT(sim.world().measures.coalition_losses, 0);
}

TEST(Combat, APlayedCapitalIsAskedWhetherItsUnitFights) {
  const std::string asked = unit("uk-mech", "UK", "mech_infantry", "sector_pokrovsk", 3000);
  std::string text = red_scenario("none", asked, "", "", 14, 3);
  text.replace(text.find("approval_median = \"15m\""), 24,
               "approval_median = \"15m\"\ndecisions = \"ask\"");
  Simulation sim(parse(text), testing::theatre());
  bool seen = false;
  for (int k = 0; k < 100 && !seen; ++k) {
    sim.run_until(SimTime::at(Duration::days(15)));
    if (!sim.awaiting_decision()) break;
    const Decision d = sim.pending_decisions().front();
    if (d.kind == Decision::Kind::Combat) {
      seen = true;
      ASSERT_EQ(d.options.size(), 2u);
      EXPECT_GE(d.options[0].odds, d.options[1].odds);  // with the unit the defence holds better
      sim.command(answer(d.id, 1));                     // stand aside
    } else {
      sim.command(answer(d.id, d.doctrine));
    }
  }
  ASSERT_TRUE(seen);
  sim.run_until(SimTime::at(Duration::days(15)));
  EXPECT_EQ(sim.world().units[0].strength, 3000);  // it stood aside: no losses
}

TEST(Truce, ARecommitmentFadesBackUnlessEnforced) {
  // Set the regime to full at day 1: every sector goes to compliance with a fresh commitment.
  // With nobody answering, the commitment fades and Red climbs back within weeks.
  const std::string inject =
      "\n[[injects]]\nat = \"1d\"\nkind = \"set_regime\"\nregime = \"full\"\n";
  double climbed = 0;
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    Scenario s = parse(red_scenario("partial", kOnlyMonitors, "", inject));
    s.seed = seed;
    Simulation sim(s, testing::theatre());
    sim.run_until(SimTime::at(Duration::days(1)));
    for (const Sector& x : sim.world().sectors) EXPECT_EQ(x.step, RedStep::Compliance);
    EXPECT_GT(sim.red_outlook(0).commitment, 0.9);
    sim.run_until(SimTime::at(Duration::days(60)));
    EXPECT_LT(sim.red_outlook(0).commitment, 0.2);
    for (const Sector& x : sim.world().sectors) climbed += static_cast<double>(x.step);
  }
  EXPECT_GT(climbed / 32, 0.5) << "Red stayed at compliance after its commitment faded";
}

}  // namespace
}  // namespace rfsim::sim
