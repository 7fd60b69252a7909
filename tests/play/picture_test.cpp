// Each cell's picture against the rules, over a real scenario played for days with every
// decision asked: Blue never holds an undetected violation nor anything of Red's mind, Red
// holds its own steps and none of Blue's decisions, White holds the truth.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <vector>

#include "play/picture.hpp"
#include "play_fixture.hpp"

namespace rfsim::play {
namespace {

using namespace rfsim::play::testing;

constexpr int kPictureDays = 4;

std::set<std::uint64_t> live_serials(const sim::World& w, bool detected_only, sim::SimTime now) {
  std::set<std::uint64_t> out;
  for (const sim::Violation& v : w.violations) {
    if (v.serial != 0 && (!detected_only || v.detected <= now)) out.insert(v.serial);
  }
  return out;
}

std::size_t pending(const sim::World& w, Cell cell) {
  std::size_t n = 0;
  for (const sim::Decision& d : w.decisions) n += owns(cell, d);
  return n;
}

TEST(Cell, NamesRoundTrip) {
  for (const Cell c : {Cell::White, Cell::Blue, Cell::Red}) {
    EXPECT_EQ(cell_from_string(to_string(c)), c);
  }
  EXPECT_FALSE(cell_from_string("observer"));
  EXPECT_FALSE(cell_from_string("Blue"));
}

TEST(Picture, BlueHoldsEveryDetectedViolationAndNoOther) {
  sim::Simulation run(asking_scenario(), theatre());
  int hidden = 0, shown = 0;
  play_days(run, kPictureDays, [&](const sim::Simulation& r) {
    const Picture blue = picture_of(r, Cell::Blue);
    std::set<std::uint64_t> seen;
    for (const ViolationView& v : blue.violations) {
      EXPECT_LE(v.detected, r.now())
          << "violation " << v.serial << " undetected at " << sim::format_clock(r.now());
      EXPECT_TRUE(v.detection_known);
      seen.insert(v.serial);
    }
    EXPECT_EQ(seen, live_serials(r.world(), true, r.now())) << sim::format_clock(r.now());
    const auto all = live_serials(r.world(), false, r.now());
    hidden += static_cast<int>(all.size() - seen.size());
    shown += static_cast<int>(seen.size());
    EXPECT_EQ(blue.violations_known, r.world().measures.detected);
  });
  // The run must have had both kinds for the rule to have been tried.
  EXPECT_GT(hidden, 0);
  EXPECT_GT(shown, 0);
}

TEST(Picture, BlueHoldsNoFlankIncidentItsAirDefenceDidNotSee) {
  // Drones into Moldova, whose radar misses half of them (low-flying drones, flank.cpp): some
  // raids go unseen. Blue's picture holds the seen ones with their kind and outcome, and no
  // other; White's holds them all.
  sim::Scenario sc = asking_scenario();
  sc.decisions = sim::DecisionMode::Auto;
  for (sim::Nation& n : sc.nations) n.ask = false;
  std::vector<sim::Inject> raids;
  for (int i = 0; i < 40; ++i) {
    sim::Inject in;
    in.at = sim::Duration::minutes(30 + 10 * i);
    in.kind = sim::InjectKind::Provocation;
    in.region = theatre().require("flank_moldova");
    in.count = 1;
    raids.push_back(in);
  }
  sc.injects.insert(sc.injects.begin(), raids.begin(), raids.end());
  sim::Simulation run(std::move(sc), theatre());
  run.run_until(sim::SimTime::at(sim::Duration::hours(7) + sim::Duration::minutes(30)));
  const map::RegionId moldova = theatre().require("flank_moldova");
  int seen = 0, unseen = 0;
  for (const sim::Violation& v : run.world().violations) {
    if (v.serial == 0 || v.region != moldova) continue;
    (v.detected <= run.now() ? seen : unseen) += 1;
  }
  ASSERT_GT(seen, 0);
  ASSERT_GT(unseen, 0) << "with half seen, 40 drones leave some unseen";
  auto flank_in = [&](const Picture& p) {
    int n = 0;
    for (const ViolationView& v : p.violations) {
      if (v.region != moldova) continue;
      EXPECT_GT(v.flank_kind, 0);
      if (p.cell == Cell::Blue) {
        EXPECT_LE(v.detected, run.now()) << "Blue holds an unseen one";
      }
      ++n;
    }
    return n;
  };
  EXPECT_EQ(flank_in(picture_of(run, Cell::Blue, false)), seen);
  EXPECT_EQ(flank_in(picture_of(run, Cell::White, false)), seen + unseen);
}

TEST(Picture, BlueHoldsNothingOfRedsMindAndOnlyItsOwnDecisions) {
  sim::Simulation run(asking_scenario(), theatre());
  std::size_t red_pending = 0, blue_pending = 0;
  play_days(run, kPictureDays, [&](const sim::Simulation& r) {
    const Picture blue = picture_of(r, Cell::Blue);
    EXPECT_FALSE(blue.general_offensive);
    ASSERT_EQ(blue.sectors.size(), r.world().sectors.size());
    for (const SectorView& s : blue.sectors) {
      EXPECT_FALSE(outlook_of(r, Cell::Blue, s.index)) << "sector " << s.index;
      EXPECT_FALSE(s.step) << "sector " << s.index;
      EXPECT_FALSE(s.outlook) << "sector " << s.index;
      EXPECT_FALSE(s.battle_odds) << "sector " << s.index;
      // The line itself is observable.
      EXPECT_EQ(s.gained_km2, r.world().sectors[s.index].gained_km2);
    }
    for (const sim::Decision& d : blue.decisions) {
      EXPECT_NE(d.kind, sim::Decision::Kind::RedStep) << "decision " << d.id;
    }
    EXPECT_EQ(blue.decisions.size(), pending(r.world(), Cell::Blue));
    red_pending += pending(r.world(), Cell::Red);
    blue_pending += blue.decisions.size();
  });
  EXPECT_GT(red_pending, 0u);  // Red's decisions were there to be left out
  EXPECT_GT(blue_pending, 0u);
}

TEST(Picture, BlueSeesItsOwnUnitsExactlyAndRussiasAsAssessed) {
  sim::Simulation run(asking_scenario(), theatre());
  play_days(run, kPictureDays, [](const sim::Simulation&) {});
  const Picture blue = picture_of(run, Cell::Blue);
  const sim::World& w = run.world();
  const sim::Scenario& sc = run.scenario();
  int russian = 0, own = 0;
  for (std::uint32_t u = 0; u < w.units.size(); ++u) {
    const sim::UnitSpec& spec = sc.units[w.units[u].spec];
    const UnitView* v = blue.unit(u);
    if (sc.nations[spec.nation].side != sim::Side::Russia) {
      ASSERT_NE(v, nullptr) << spec.id;
      EXPECT_TRUE(v->own);
      EXPECT_EQ(v->state, w.units[u].state);
      EXPECT_EQ(v->strength, w.units[u].strength);
      ++own;
      continue;
    }
    if (w.units[u].state == sim::UnitState::Lost) {
      EXPECT_EQ(v, nullptr) << spec.id;
      continue;
    }
    ASSERT_NE(v, nullptr) << spec.id;
    ++russian;
    EXPECT_FALSE(v->own);
    EXPECT_FALSE(v->state);
    EXPECT_FALSE(v->strength_exact);
    EXPECT_EQ(v->at, w.units[u].at);  // static at its sector: where it stands is known
    const double tenths = 10.0 * v->strength / spec.strength;
    EXPECT_NEAR(tenths, std::round(tenths), 1e-9) << spec.id;
    EXPECT_LE(std::abs(v->strength - w.units[u].strength), 0.05 * spec.strength + 1e-9);
  }
  EXPECT_GT(russian, 0);
  EXPECT_GT(own, 0);
}

TEST(Picture, RedHoldsItsStepsAndNoBlueDecisions) {
  sim::Simulation run(asking_scenario(), theatre());
  std::size_t blue_pending = 0, red_pending = 0;
  play_days(run, kPictureDays, [&](const sim::Simulation& r) {
    const Picture red = picture_of(r, Cell::Red);
    ASSERT_EQ(red.sectors.size(), r.world().sectors.size());
    for (const SectorView& s : red.sectors) {
      ASSERT_TRUE(s.step) << "sector " << s.index;
      EXPECT_EQ(*s.step, r.world().sectors[s.index].step);
      EXPECT_TRUE(s.outlook);
      EXPECT_TRUE(outlook_of(r, Cell::Red, s.index));
    }
    EXPECT_EQ(red.general_offensive, r.world().red.general_offensive);
    for (const sim::Decision& d : red.decisions) {
      EXPECT_EQ(d.kind, sim::Decision::Kind::RedStep) << "decision " << d.id;
    }
    EXPECT_EQ(red.decisions.size(), pending(r.world(), Cell::Red));
    red_pending += red.decisions.size();
    blue_pending += pending(r.world(), Cell::Blue);
    // Every violation it committed, but not what HQ knows of it.
    EXPECT_EQ(red.violations.size(), live_serials(r.world(), false, r.now()).size());
    for (const ViolationView& v : red.violations) {
      EXPECT_FALSE(v.detection_known);
      EXPECT_EQ(v.detected, sim::SimTime::max());
      EXPECT_EQ(v.responder, sim::kNone);
    }
    // The coalition's units where they stand, with no task and no state.
    for (const UnitView& u : red.units) {
      if (u.side == sim::Side::Russia) {
        EXPECT_TRUE(u.own);
        EXPECT_EQ(u.strength, r.world().units[u.id].strength);
        continue;
      }
      EXPECT_FALSE(u.own);
      EXPECT_FALSE(u.state);
      EXPECT_EQ(u.task, sim::kNone);
      EXPECT_EQ(u.where.lon, r.theatre().region(u.at).label.lon) << u.id;
      EXPECT_EQ(u.where.lat, r.theatre().region(u.at).label.lat) << u.id;
    }
  });
  EXPECT_GT(red_pending, 0u);
  EXPECT_GT(blue_pending, 0u);  // Blue's decisions were there to be left out
}

// The sensor that reported a violation: Blue and White learn it with the report, Red never
// (the coalition's sensors are not Red's to know), and nobody before the report comes.
TEST(Picture, TheSensorThatSawItIsBluesAndWhitesNeverReds) {
  sim::Simulation run(asking_scenario(), theatre());
  std::size_t named = 0, by_unit = 0, red_seen = 0;
  play_days(run, kPictureDays, [&](const sim::Simulation& r) {
    const sim::World& w = r.world();
    const Picture red = picture_of(r, Cell::Red, false);
    for (const ViolationView& v : red.violations) {
      EXPECT_EQ(v.sensor, sim::Sensor::Unknown) << "violation " << v.serial;
      EXPECT_EQ(v.sensor_unit, sim::kNone) << "violation " << v.serial;
      red_seen += w.violations[v.slot].sensor != sim::Sensor::Unknown;
    }
    for (const Cell cell : {Cell::Blue, Cell::White}) {
      for (const ViolationView& v : picture_of(r, cell, false).violations) {
        const sim::Violation& truth = w.violations[v.slot];
        if (truth.detected <= r.now()) {
          EXPECT_EQ(v.sensor, truth.sensor) << to_string(cell) << " " << v.serial;
          EXPECT_EQ(v.sensor_unit, truth.sensor_unit) << to_string(cell) << " " << v.serial;
          EXPECT_NE(v.sensor, sim::Sensor::Unknown) << to_string(cell) << " " << v.serial;
          named += cell == Cell::Blue;
          by_unit += cell == Cell::Blue && v.sensor_unit != sim::kNone;
        } else {
          EXPECT_EQ(v.sensor, sim::Sensor::Unknown) << to_string(cell) << " " << v.serial;
          EXPECT_EQ(v.sensor_unit, sim::kNone) << to_string(cell) << " " << v.serial;
        }
      }
    }
  });
  EXPECT_GT(named, 0u);
  EXPECT_GT(by_unit, 0u);   // some reports came from a unit's sensor...
  EXPECT_GT(red_seen, 0u);  // ...and Red's picture had sensors to leave out
}

TEST(Picture, WhiteHoldsEveryLiveViolationUnitAndDecision) {
  sim::Simulation run(asking_scenario(), theatre());
  play_days(run, kPictureDays, [&](const sim::Simulation& r) {
    const Picture white = picture_of(r, Cell::White);
    const sim::World& w = r.world();
    std::set<std::uint64_t> seen;
    for (const ViolationView& v : white.violations) {
      ASSERT_LT(v.slot, w.violations.size());
      EXPECT_EQ(w.violations[v.slot].serial, v.serial);
      EXPECT_EQ(w.violations[v.slot].detected, v.detected);
      seen.insert(v.serial);
    }
    EXPECT_EQ(seen, live_serials(w, false, r.now()));
    ASSERT_EQ(white.units.size(), w.units.size());
    for (std::uint32_t u = 0; u < w.units.size(); ++u) {
      EXPECT_EQ(white.units[u].id, u);
      EXPECT_EQ(white.units[u].state, w.units[u].state);
      EXPECT_EQ(white.units[u].strength, w.units[u].strength);
    }
    EXPECT_EQ(white.decisions.size(), w.decisions.size());
    for (const SectorView& s : white.sectors) {
      EXPECT_EQ(s.step, w.sectors[s.index].step);
    }
    EXPECT_EQ(white.violations_known, w.measures.violations);
  });
}

TEST(Picture, AnotherSidesUnitOnTheMoveIsAsOldAsItsLastReport) {
  sim::Simulation run(asking_scenario(), theatre());
  int moving_seen = 0;
  play_days(run, 2, [&](const sim::Simulation& r) {
    const Picture red = picture_of(r, Cell::Red, false);
    for (const UnitView& u : red.units) {
      ASSERT_LE(u.seen, red.now);
      const sim::Unit& truth = r.world().units[u.id];
      if (u.own) {
        EXPECT_EQ(u.seen, red.now);
        continue;
      }
      const bool moving =
          truth.state == sim::UnitState::Moving || truth.state == sim::UnitState::Returning;
      if (moving && truth.depart <= r.now()) {
        EXPECT_EQ(u.seen, truth.depart) << "unit " << u.id;
        moving_seen += truth.depart < r.now();
      } else {
        EXPECT_EQ(u.seen, red.now) << "unit " << u.id << " stands where it is seen";
      }
    }
  });
  EXPECT_GT(moving_seen, 0) << "no coalition unit was seen on the move: the test saw nothing";
}

}  // namespace
}  // namespace rfsim::play
