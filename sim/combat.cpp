// Ground combat: a Red attack in a contact sector is resolved as rounds of attrition
// (Lanchester's square law, the defence multiplied by Dupuy's posture factor) until the attack
// culminates, the defence breaks, or it stalls; ground changes hands as it goes, and the line
// of contact moves. Coalition units in the sector fight if their caveats allow it.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim/detail/rules.hpp"

namespace rfsim::sim {

namespace {

/// One round's losses, before noise: each side's casualties grow with the other's power.
struct RoundLosses {
  double attacker = 0;
  double defender = 0;
};
RoundLosses round_losses(double red, double defence_power) {
  const double days = rules::kCombatRound.as_hours() / 24.0;
  return {rules::kAttackerKillRate * defence_power * days, rules::kDefenderKillRate * red * days};
}

/// Ground Red takes in a round, in km of depth: none unless it outweighs the defence.
double advance_km(double red, double defence_power) {
  if (defence_power <= 0) return rules::kBreakthroughKm;
  const double ratio = red / defence_power;
  if (ratio <= 1.0) return 0;
  const double days = rules::kCombatRound.as_hours() / 24.0;
  return rules::kAdvanceKmPerDay * std::min(2.0, ratio - 1.0) * days;
}

enum class Outcome { Holds, Breaks, Culminates };

/// Plays an attack out with the same rules as the run, on a private stream: the odds shown
/// to players. Draws from `rng` only.
Outcome play_out(double red, double defence, RandomStream& rng) {
  const double red0 = red, def0 = defence;
  const auto rounds = rules::kLongestAttack.count_ms() / rules::kCombatRound.count_ms();
  for (std::int64_t k = 0; k < rounds; ++k) {
    const RoundLosses l = round_losses(red, defence * rules::kDefencePosture);
    red -= l.attacker * rng.lognormal(1.0, rules::kAttritionSpread);
    defence -= l.defender * rng.lognormal(1.0, rules::kAttritionSpread);
    if (red < rules::kAttackerBreaks * red0) return Outcome::Culminates;
    if (defence < rules::kDefenderBreaks * def0) return Outcome::Breaks;
  }
  return Outcome::Holds;
}

// Ground changing hands: the sector's line and the measures, in one place.
void take_ground(World& w, Sector& sec, double km2) {
  sec.gained_km2 += km2;
  w.measures.ground_lost_km2 += km2;
  w.measures.today.ground_lost_km2 += km2;
}

// The defence gives way: it falls back to its next line on the attack's front.
void break_through(World& w, Sector& sec) {
  take_ground(w, sec, rules::kBreakthroughKm * rules::kAttackFrontageKm);
  ++w.measures.breakthroughs;
}

std::string thousands(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", x);
  return buf;
}

}  // namespace

Forces Simulation::Rules::forces_in(const Simulation& s, map::RegionId region, bool in_battle) {
  Forces f;
  const World& w = s.world_;
  const Scenario& sc = s.scenario_;
  for (const Unit& u : w.units) {
    if (!in_play(u.state) || u.at != region) continue;
    if (u.state == UnitState::Moving || u.state == UnitState::Returning) continue;
    const UnitSpec& sp = sc.units[u.spec];
    if (!is_ground_combat(sp.type)) continue;
    const Nation& n = sc.nations[sp.nation];
    switch (n.side) {
      case Side::Russia:
        f.red += u.strength;
        break;
      case Side::Ukraine:
        f.ukraine += u.strength;
        break;
      case Side::Coalition:
        // A unit that stood aside, or arrived once the fight had begun, is not in it.
        if (in_battle ? u.fighting : willingness(n, region) >= 1.0) f.coalition += u.strength;
        break;
    }
  }
  return f;
}

double Simulation::Rules::defence_holds(const Simulation& s, std::uint32_t i) {
  const Sector& sec = s.world_.sectors[i];
  const Forces f = forces_in(s, sec.region, sec.battle);
  if (f.red <= 0) return 1.0;
  const double defence = f.ukraine + f.coalition;
  if (defence <= 0) return 0.0;
  // A stream of its own, keyed on the moment: the odds never move the run's draws.
  RandomStream rng(s.scenario_.seed,
                   "odds/" + s.theatre_.region(sec.region).id + "/" + std::to_string(s.now().ms()));
  constexpr int kTrials = 64;
  int holds = 0;
  for (int k = 0; k < kTrials; ++k) holds += play_out(f.red, defence, rng) != Outcome::Breaks;
  return static_cast<double>(holds) / kTrials;
}

void Simulation::Rules::join_fight(Simulation& s, std::uint32_t u, std::uint32_t i) {
  Unit& unit = s.world_.units[u];
  if (!in_play(unit.state) || unit.at != s.world_.sectors[i].region) return;
  unit.fighting = true;
  trace(s, TraceKind::Battle, 0, unit.at, u,
        spec(s, u).id + " joins the defence of " + s.theatre_.region(unit.at).id);
}

void Simulation::Rules::start_battle(Simulation& s, std::uint32_t i) {
  World& w = s.world_;
  Sector& sec = w.sectors[i];
  const Forces f = forces_in(s, sec.region, false);
  if (f.red <= 0) return;  // no Red formation here to attack with
  // Coalition ground units here join if their caveats allow it; a played capital is asked.
  for (std::uint32_t u = 0; u < w.units.size(); ++u) {
    const Unit& unit = w.units[u];
    if (!in_play(unit.state) || unit.at != sec.region || unit.fighting) continue;
    if (unit.state == UnitState::Moving || unit.state == UnitState::Returning) continue;
    const UnitSpec& sp = spec(s, u);
    const Nation& n = s.scenario_.nations[sp.nation];
    if (n.side != Side::Coalition || !is_ground_combat(sp.type)) continue;
    if (willingness(n, sec.region) < 1.0) {
      trace(s, TraceKind::Battle, 0, sec.region, u,
            sp.id + " stays out of the fight: " + n.code + "'s caveats do not allow combat here");
      continue;
    }
    if (!n.ask) {
      join_fight(s, u, i);
      continue;
    }
    Decision d;
    d.id = w.next_decision_id++;
    d.kind = Decision::Kind::Combat;
    d.asked = s.now();
    d.unit = u;
    d.sector = i;
    const double with = defence_holds(s, i);
    DecisionOption fight;
    fight.unit = u;
    fight.level = ResponseLevel::Engage;
    fight.odds = with;
    DecisionOption aside;
    aside.odds = with;  // refined below: without this unit
    Unit& mine = w.units[u];
    const UnitState keep = mine.state;
    mine.state = UnitState::Withdrawn;  // counted out for the odds only, restored at once
    aside.odds = defence_holds(s, i);
    mine.state = keep;
    d.options = {fight, aside};
    d.doctrine = 0;  // doctrine: fight where the caveats allow it
    trace(s, TraceKind::Decision, 0, sec.region, u,
          n.code + " asked whether " + sp.id + " fights in " + s.theatre_.region(sec.region).id +
              ": the defence holds " + percent(with) + " with it, " + percent(aside.odds) +
              " without");
    w.decisions.push_back(std::move(d));
  }
  const Forces joined = forces_in(s, sec.region, true);
  sec.battle = true;
  sec.battle_since = s.now();
  sec.attacker_start = joined.red;
  sec.defender_start = joined.ukraine + joined.coalition;
  sec.odds = defence_holds(s, i);
  ++w.measures.battles;
  trace(s, TraceKind::Battle, 0, sec.region, kNone,
        "Red attacks in " + s.theatre_.region(sec.region).id + ": " + thousands(joined.red) +
            " against " + thousands(sec.defender_start) +
            " in prepared positions; the defence "
            "holds " +
            percent(sec.odds));
  sec.combat = w.loop.schedule_in(rules::kCombatRound, CombatTick{i});
}

void Simulation::Rules::end_battle(Simulation& s, std::uint32_t i, const std::string& why) {
  World& w = s.world_;
  Sector& sec = w.sectors[i];
  if (!sec.battle) return;
  sec.battle = false;
  w.loop.cancel(sec.combat);
  sec.combat = EventId{};
  for (Unit& u : w.units) {
    if (u.at == sec.region) u.fighting = false;
  }
  trace(s, TraceKind::Battle, 0, sec.region, kNone,
        "the attack in " + s.theatre_.region(sec.region).id + " ends: " + why);
}

void Simulation::Rules::lose_strength(Simulation& s, std::uint32_t u, double personnel) {
  World& w = s.world_;
  Unit& unit = w.units[u];
  const UnitSpec& sp = spec(s, u);
  personnel = std::min(personnel, unit.strength);
  if (personnel <= 0) return;
  // Present and armed, it deters with what is left of it.
  const bool present = unit.state == UnitState::Idle || unit.state == UnitState::OnTask;
  if (present) set_presence(s, u, unit.at, -1);
  unit.strength -= personnel;
  if (present) set_presence(s, u, unit.at, +1);
  const auto lost = static_cast<std::int64_t>(std::llround(personnel));
  Measures& m = w.measures;
  switch (s.scenario_.nations[sp.nation].side) {
    case Side::Russia:
      note_red_losses(s, personnel);
      break;
    case Side::Ukraine:
      m.ua_losses += lost;
      m.today.ua_losses += lost;
      break;
    case Side::Coalition:
      m.coalition_losses += lost;
      m.today.coalition_losses += lost;
      break;
  }
  if (unit.strength >= rules::kLostBelow * sp.strength) return;
  // Ukraine holds its line by rotating brigades through it (docs/model.md): a Ukrainian
  // formation stands for the sector's defence, worn down and refilled but never gone; its
  // strength is what the rotations keep there.
  if (s.scenario_.nations[sp.nation].side == Side::Ukraine) return;
  // No longer fit to fight: it leaves the game, its pending move or task with it.
  if (unit.state == UnitState::Idle || unit.state == UnitState::OnTask) {
    set_presence(s, u, unit.at, -1);
  }
  if (unit.state != UnitState::Idle) set_busy(s, u, false);
  w.loop.cancel(unit.next);
  unit.next = EventId{};
  if (Violation* v = live(s, unit.task, unit.task_serial)) v->responder = kNone;
  unit.task = kNone;
  unit.route.clear();
  unit.state = UnitState::Lost;
  unit.fighting = false;
  if (s.scenario_.nations[sp.nation].side != Side::Russia) ++m.units_lost;
  trace(s, TraceKind::UnitLost, 0, unit.at, u,
        sp.id + " lost: " + thousands(unit.strength) + " of " + std::to_string(sp.strength) +
            " left");
}

void Simulation::Rules::on_combat_tick(Simulation& s, const CombatTick& e) {
  World& w = s.world_;
  if (e.sector >= w.sectors.size()) return;
  Sector& sec = w.sectors[e.sector];
  sec.combat = EventId{};
  if (!sec.battle) return;
  const Forces f = forces_in(s, sec.region, true);
  const double defence = f.ukraine + f.coalition;
  if (f.red <= 0) return end_battle(s, e.sector, "no Red formation is left to attack");
  if (defence <= 0) {
    // Nobody holds the sector: Red walks in as far as a broken defence would have fallen back.
    break_through(w, sec);
    return end_battle(
        s, e.sector,
        "nobody defends the sector; Red advances " + thousands(rules::kBreakthroughKm) + " km");
  }
  RandomStream& rng = *s.handles_->combat[e.sector];
  const RoundLosses l = round_losses(f.red, defence * rules::kDefencePosture);
  const double red_loss = l.attacker * rng.lognormal(1.0, rules::kAttritionSpread);
  const double def_loss = l.defender * rng.lognormal(1.0, rules::kAttritionSpread);
  // Each side's losses fall on its units in proportion to their strength.
  std::vector<std::pair<std::uint32_t, double>> hits;
  for (std::uint32_t u = 0; u < w.units.size(); ++u) {
    const Unit& unit = w.units[u];
    if (!in_play(unit.state) || unit.at != sec.region) continue;
    if (unit.state == UnitState::Moving || unit.state == UnitState::Returning) continue;
    const UnitSpec& sp = spec(s, u);
    if (!is_ground_combat(sp.type)) continue;
    const Side side = s.scenario_.nations[sp.nation].side;
    if (side == Side::Russia) {
      hits.emplace_back(u, red_loss * unit.strength / f.red);
    } else if (side == Side::Ukraine || unit.fighting) {
      if (defence > 0) hits.emplace_back(u, def_loss * unit.strength / defence);
    }
  }
  for (const auto& [u, x] : hits) lose_strength(s, u, x);
  const double km = advance_km(f.red, defence * rules::kDefencePosture);
  if (km > 0) {
    take_ground(w, sec, km * rules::kAttackFrontageKm);
  }
  trace(s, TraceKind::Combat, 0, sec.region, kNone,
        s.theatre_.region(sec.region).id + ": Red loses " + thousands(red_loss) + ", the defence " +
            thousands(def_loss) + (km > 0 ? ", Red advances " : "") +
            (km > 0 ? thousands(km * 1000) + " m" : ""));
  const Forces after = forces_in(s, sec.region, true);
  if (after.red < rules::kAttackerBreaks * sec.attacker_start) {
    return end_battle(s, e.sector,
                      "the attack culminates (Red below " + percent(rules::kAttackerBreaks) +
                          " of its strength)");
  }
  if (after.ukraine + after.coalition < rules::kDefenderBreaks * sec.defender_start) {
    break_through(w, sec);
    return end_battle(
        s, e.sector,
        "the defence breaks; it falls back " + thousands(rules::kBreakthroughKm) + " km");
  }
  if (s.now() - sec.battle_since >= rules::kLongestAttack) {
    return end_battle(s, e.sector, "the attack stalls");
  }
  sec.combat = w.loop.schedule_in(rules::kCombatRound, CombatTick{e.sector});
}

void Simulation::Rules::reinforce(Simulation& s) {
  World& w = s.world_;
  for (std::uint32_t u = 0; u < w.units.size(); ++u) {
    Unit& unit = w.units[u];
    if (!in_play(unit.state)) continue;
    const UnitSpec& sp = spec(s, u);
    const Side side = s.scenario_.nations[sp.nation].side;
    // A general offensive draws on Russia's reserves at twice the usual rate.
    const double red = rules::kRedRefillPerDay * (w.red.general_offensive ? 2.0 : 1.0);
    const double rate = side == Side::Russia    ? red
                        : side == Side::Ukraine ? rules::kUkraineRefillPerDay
                                                : 0.0;
    unit.strength = std::min<double>(sp.strength, unit.strength + rate * sp.strength);
  }
}

}  // namespace rfsim::sim
