// Engagements: what happens when a unit sent to "engage" arrives. Air defence and fighters
// shoot at a drone, or at an aircraft once Red attacks, with a kill probability per interceptor;
// rocket artillery fires counter-battery at the guns that shelled, and Red loses men and guns.
#include <cmath>
#include <cstdio>

#include "sim/detail/rules.hpp"

namespace rfsim::sim {

namespace {

/// Kill probability of one interceptor or missile against a drone (docs/model.md): Ukraine's
/// layered defence downs 80-90% of Shahed-type drones, which two shots at 0.7 come close to (0.91,
/// slightly above).
constexpr double kPkAirDefenceVsDrone = 0.7;
constexpr double kPkFighterVsDrone = 0.5;  // a missile or gun pass from a fighter (assumption)
constexpr int kFighterShots = 2;
/// Against a manned aircraft, which manoeuvres, jams and turns back: 0.3 a missile, from a SAM
/// or a fighter (assumption: far above the SA-2's 5% a missile over North Vietnam in 1965,
/// Aviation Week, 24 January 1966, below the drone figure). A kill costs Red its crew.
constexpr double kPkVsAircraft = 0.3;
constexpr double kAircrewLoss = 2;
/// Counter-battery: the chance a salvo silences the firing position, and what Red loses then
/// (a battery's crews and the guns' protection; assumption).
constexpr double kPkCounterBattery = 0.7;
constexpr double kCounterBatteryLoss = 25;

/// Air policing over a flank state (docs/model.md "Incidents in coalition states"). Against a
/// drone: a ground-based SAM engagement (two interceptors, assumption) kills with Ukraine's
/// interception share of Shahed-type drones (0.80-0.90: 0.85); a fighter's air-to-air missile
/// (one) 0.7 and its gun 0.3 (assumptions: no published kill probability). Against a missile:
/// the SAM at Ukraine's share for cruise and ballistic missiles together (0.45-0.55: 0.5).
constexpr double kPkSamVsDrone = 0.85;
constexpr double kPkAamVsDrone = 0.7;
constexpr double kPkGunVsDrone = 0.3;
constexpr double kPkSamVsMissile = 0.5;
constexpr std::int32_t kSamRounds = 2;
constexpr std::int32_t kAamRounds = 1;

}  // namespace

Simulation::Rules::Shot Simulation::Rules::flank_shot(Simulation& s, std::uint32_t flank,
                                                      bool missile, double sam_share,
                                                      double gun_share) {
  Flank& fl = s.world_.flanks[flank];
  RandomStream& rng = *s.handles_->flank[flank];
  Shot shot;
  double pk = 0;
  if (missile) {
    shot.weapon = "SAM";
    shot.interceptors = kSamRounds;
    pk = kPkSamVsMissile;
  } else {
    const double u = rng.uniform();
    if (u < sam_share) {
      shot.weapon = "SAM";
      shot.interceptors = kSamRounds;
      pk = kPkSamVsDrone;
    } else if (u < sam_share + gun_share) {
      shot.weapon = "gun";
      shot.interceptors = 0;
      pk = kPkGunVsDrone;
    } else {
      shot.weapon = "AAM";
      shot.interceptors = kAamRounds;
      pk = kPkAamVsDrone;
    }
  }
  if (fl.magazine < shot.interceptors) {
    shot.interceptors = 0;  // a drained magazine: no missile left to fire
    return shot;
  }
  fl.magazine -= shot.interceptors;
  shot.fired = true;
  shot.pk = pk;
  shot.draw = rng.uniform();  // as bernoulli(pk) draws it, kept for the inspector's "why"
  shot.killed = shot.draw < pk;
  return shot;
}

void Simulation::Rules::engage(Simulation& s, std::uint32_t u, const Violation& v) {
  if (v.level != ResponseLevel::Engage) return;
  World& w = s.world_;
  const UnitSpec& sp = spec(s, u);
  RandomStream& rng = *s.handles_->engage[u];
  Measures& m = w.measures;
  const std::string where = s.theatre_.region(v.region).id;
  switch (sp.type) {
    case UnitType::AirDefence:
    case UnitType::FighterSquadron: {
      const bool aircraft = v.type == ViolationType::AirspaceViolation;
      if (v.type != ViolationType::DroneIncursion && !aircraft) return;
      const bool ground = sp.type == UnitType::AirDefence;
      const int shots = ground ? 2 : kFighterShots;  // two interceptors a target (Patriot)
      const double pk = aircraft ? kPkVsAircraft
                        : ground ? kPkAirDefenceVsDrone
                                 : kPkFighterVsDrone;
      const double p_kill = 1.0 - std::pow(1.0 - pk, shots);
      const bool kill = rng.bernoulli(p_kill);
      ++(kill ? m.intercepts : m.misses);
      if (kill && aircraft) note_red_losses(s, kAircrewLoss);
      char buf[160];
      std::snprintf(buf, sizeof buf, "%s engages %s over %s: %s (%d shots, %.0f%% to kill)",
                    sp.id.c_str(), aircraft ? "an aircraft" : "a drone", where.c_str(),
                    kill ? "shot down" : "missed", shots, 100 * p_kill);
      trace(s, TraceKind::Engagement, v.serial, v.region, u, buf);
      return;
    }
    case UnitType::RocketArtillery: {
      if (v.type != ViolationType::Artillery) return;
      ++m.counter_battery;
      const bool hit = rng.bernoulli(kPkCounterBattery);
      if (hit) note_red_losses(s, kCounterBatteryLoss);
      trace(s, TraceKind::Engagement, v.serial, v.region, u,
            sp.id + " fires counter-battery in " + where + ": " +
                (hit ? "the firing position is silenced" : "no effect observed"));
      return;
    }
    default:
      return;
  }
}

}  // namespace rfsim::sim
