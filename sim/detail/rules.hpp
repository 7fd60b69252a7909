// Private to sim/: the model's rules, shared by the files that implement them (threat.cpp,
// red.cpp, combat.cpp, monitoring.cpp, tasking.cpp, movement.cpp, injects.cpp, simulation.cpp).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "sim/simulation.hpp"

namespace rfsim::sim {

/// Lookups the rules make on every event, prepared once: a stream's name is a string, and
/// looking it up per draw cost a fifth of the run; distances need trigonometry.
struct Simulation::Handles {
  std::vector<RandomStream*> threat;         // per region: "threat/<region id>"
  std::vector<RandomStream*> detect;         // per unit: "detect/<unit id>"
  std::vector<RandomStream*> approval;       // per nation: "approval/<code>"
  std::vector<std::uint32_t> sensors;        // units that can detect (teams, drones, air, naval)
  RandomStream* cameras = nullptr;           // "detect/cameras"
  RandomStream* us_intel = nullptr;          // "detect/us_intel"
  RandomStream* host_nation = nullptr;       // "detect/host_nation"
  std::vector<RandomStream*> red;            // per sector: "red/<sector id>"
  std::vector<RandomStream*> combat;         // per sector: "combat/<sector id>"
  std::vector<RandomStream*> engage;         // per unit: "engage/<unit id>"
  RandomStream* red_theatre = nullptr;       // "red/theatre"
  std::vector<RandomStream*> flank;          // per flank state: "flank/<region id>"
  std::vector<map::RegionId> flank_regions;  // per flank state: its region
  std::vector<std::uint32_t> flank_of;       // per region: its index in World::flanks, or kNone
  std::vector<std::vector<map::RegionId>> flank_staging;  // per flank state: its staging areas
  std::vector<std::uint32_t> sector_of;       // per region: its index in World::sectors, or kNone
  std::vector<map::RegionId> sector_regions;  // per sector: its region
  std::vector<double> sector_km;              // per sector: length of its line
  std::vector<std::array<double, kViolationTypeCount>> weights;  // where each type happens
  std::vector<double> km;  // great-circle km between label points, n x n
  std::size_t regions = 0;

  void point_at(RandomStreams& streams, const Scenario& sc, const map::Theatre& t);
  double distance(map::RegionId a, map::RegionId b) const { return km[a * regions + b]; }
};

/// Ground power in a sector, each unit's strength counted once.
/// Where each type of violation happens: a weight per region, summing to 1 per type.
std::vector<std::array<double, kViolationTypeCount>> violation_weights(const map::Theatre& t);

struct Forces {
  double red = 0;        // Red's formations
  double ukraine = 0;    // Ukraine's brigades
  double coalition = 0;  // coalition ground units there whose caveats let them fight
};

struct Simulation::Rules {
  // threat.cpp: the violation processes.
  static void init_threats(Simulation& s);
  static void set_base_rates(Simulation& s);  // after a regime change
  static void schedule_tick(Simulation& s, map::RegionId r);
  static void on_tick(Simulation& s, const ThreatTick& e);
  static void excite(Simulation& s, map::RegionId r);  // an unanswered or late violation
  static void damp(Simulation& s, map::RegionId r);    // a prompt response
  static void bring_up_to_date(Simulation& s, Threat& t);
  static std::uint32_t occur(Simulation& s, map::RegionId r, ViolationType type);
  /// A fresh violation in a free slot (or a new one), with its serial, type, region and time:
  /// Red's violations (occur) and the flank states' incidents (flank.cpp) open theirs here.
  static std::uint32_t open_violation(Simulation& s, map::RegionId r, ViolationType type);
  static double escalation_index(Simulation& s);                    // theatre-wide, 1 = base rates
  static double region_escalation(Simulation& s, map::RegionId r);  // 1 = its base rate
  static void on_day_ends(Simulation& s);

  // red.cpp: Red's ladder, its perception and doctrine, the truce over time.
  static void init_sectors(Simulation& s);
  static void complete(Simulation& s);  // after a restore: what an older layout did not hold
  static void on_red_review(Simulation& s, const RedReview& e);
  static void on_theatre_review(Simulation& s);
  static void set_step(Simulation& s, std::uint32_t sector, RedStep step, const std::string& why);
  static void red_decide(Simulation& s, const Decision& d, const DecisionOption& choice);
  static void reckon(Simulation& s, Violation& v, bool prompt);  // Red sees whether it was answered
  static void note_refusal(Simulation& s, bool refused);
  static void note_red_losses(Simulation& s, double personnel);
  static void recommit(Simulation& s, Regime regime);  // a regime set by inject
  static double mean_step(const Simulation& s);
  static RedOutlook perceive(const Simulation& s, const Sector& sec, const RedMind& mind);

  // combat.cpp: Red attacks, attrition, the moving line.
  // In a battle the coalition's side is the units that joined it; before one, those whose
  // caveats would let them join.
  static Forces forces_in(const Simulation& s, map::RegionId region, bool in_battle);
  static void start_battle(Simulation& s, std::uint32_t sector);
  static void end_battle(Simulation& s, std::uint32_t sector, const std::string& why);
  static void on_combat_tick(Simulation& s, const CombatTick& e);
  static double defence_holds(const Simulation& s, std::uint32_t sector);  // odds, no draws
  static void reinforce(Simulation& s);                                    // daily
  static void lose_strength(Simulation& s, std::uint32_t u, double personnel);
  static void join_fight(Simulation& s, std::uint32_t u, std::uint32_t sector);

  // monitoring.cpp: who sees a violation, and when.
  static void detect(Simulation& s, std::uint32_t v);

  // tasking.cpp: HQ, doctrine, dispatch, national approval.
  static void on_detected(Simulation& s, const Detected& e);
  static void on_standard_due(Simulation& s, const StandardDue& e);
  static void on_approval(Simulation& s, const ApprovalDue& e);
  static void dispatch(Simulation& s, std::uint32_t v);
  static void request_approval(Simulation& s, std::uint32_t v, std::uint32_t unit);
  static void approve(Simulation& s, std::uint32_t v, std::uint32_t unit);
  static void refuse(Simulation& s, std::uint32_t v, std::uint32_t unit);
  static void decide(Simulation& s, const Inject& in);  // a player's answer
  static double chance_in_standard(const Simulation& s, const Violation& v, const Nation& n,
                                   Duration move);
  static void close(Simulation& s, std::uint32_t v);
  static Duration notice(const Simulation& s, std::uint32_t u);  // as HQ holds it
  static ResponseLevel doctrine_level(Simulation& s, const Violation& v, double region_escalation);
  static void judge(Simulation& s, Violation& v, bool in_time);  // Red's verdict, once
  static Violation* live(Simulation& s, std::uint32_t v, std::uint64_t serial);

  // movement.cpp: routes, arrival, tasks and return.
  static void start_move(Simulation& s, std::uint32_t u, map::RegionId to, Duration notice,
                         UnitState state);
  static void on_arrived(Simulation& s, const Arrived& e);
  static void on_task_done(Simulation& s, const TaskDone& e);
  static std::optional<Duration> travel(const Simulation& s, std::uint32_t u, map::RegionId from,
                                        map::RegionId to);
  static void set_presence(Simulation& s, std::uint32_t u, map::RegionId r, int sign);
  static void set_busy(Simulation& s, std::uint32_t u, bool busy);

  // surge.cpp: readiness, surge, deployments over any distance.
  static void surge(Simulation& s, const Inject& in);  // AtHome units start their notice
  /// Sends an idle or at-home unit to `to` after `notice`; false (and traced) when it cannot
  /// get there.
  static bool deploy(Simulation& s, std::uint32_t u, map::RegionId to, DeployMode mode,
                     Duration notice);
  static std::optional<map::Journey> deploy_journey(const Simulation& s, std::uint32_t u,
                                                    map::RegionId from, map::RegionId to,
                                                    DeployMode mode);
  static void on_deployed(Simulation& s, std::uint32_t u);             // a deployment's arrival
  static map::RegionId station(const Simulation& s, std::uint32_t u);  // where it returns
  static bool joined(const Simulation& s, std::uint32_t u);  // in the force (not still at home)
  // A deployment's carried move books shared lift (airlift loads, train paths at a gauge
  // change): the first free slots from when its notice ends; it sets off with its last load.
  struct LiftPlan {
    SimTime depart;
    std::vector<LiftBooking> bookings;
    std::string why;  // "" or "waits 1d 6h for 30 airlift loads at rzeszow (12 a day)"
  };
  static LiftPlan plan_lift(const Simulation& s, std::uint32_t u, const map::Journey& j,
                            SimTime ready);
  static void book_lift(Simulation& s, LiftPlan& plan);
  static void release_lift(Simulation& s, std::uint32_t u);
  // A link was cut: every deployment whose remaining route crosses it plans again from where it
  // is (its start while in its notice), or stops there when it can no longer get through.
  static void reroute(Simulation& s, map::LinkId cut);
  // Each nation with units at home is asked whether to surge them (after a major incident in
  // a flank state or an Article 4 request): asked of a player when its decisions are "ask",
  // else doctrine answers from the odds.
  static void ask_surge(Simulation& s, const std::string& why, std::uint64_t incident = 0);
  static void surge_decide(Simulation& s, const Decision& d, bool surge);

  // engagements.cpp: shooting at drones, counter-battery fire.
  static void engage(Simulation& s, std::uint32_t u, const Violation& v);
  // Air policing over a flank state: one target fired at (or not, for want of interceptors).
  struct Shot {
    bool fired = false;
    bool killed = false;
    std::int32_t interceptors = 0;
    const char* weapon = "";
    double pk = 0;    // the kill probability of this weapon against this target
    double draw = 0;  // the uniform draw: a kill when below pk
  };
  static Shot flank_shot(Simulation& s, std::uint32_t flank, bool missile, double sam_share,
                         double gun_share);

  // flank.cpp: incidents in the flank states, air policing, Article 4.
  static void init_flanks(Simulation& s);
  static void reschedule_flanks(Simulation& s);  // Red's step or the alliance's posture changed
  static void on_flank(Simulation& s, const FlankDue& e);
  static void flank_incident(Simulation& s, std::uint32_t flank, FlankIncident kind,
                             std::int32_t drones);
  static void flank_day_ends(Simulation& s);  // interceptors resupplied
  static void article4_decide(Simulation& s, const Decision& d, bool request);
  static double refusal_odds(const Simulation& s, const Nation& n);  // after Article 4's effect
  static double alliance_signal(const Simulation& s);  // -1 reinforced .. +1 Red emboldened

  // injects.cpp: the MSEL and live injects.
  static void apply(Simulation& s, const Inject& in);
  static void on_inject_due(Simulation& s, const InjectDue& e);  // an MSEL line, unless cancelled
  static void on_provocation(Simulation& s, const ProvocationDue& e);

  static void trace(Simulation& s, TraceKind kind, std::uint64_t violation, std::uint32_t region,
                    std::uint32_t unit, std::string detail) {
    if (s.trace_ != nullptr) {
      s.trace_->record(TraceRecord{s.now(), kind, violation, region, unit, std::move(detail)});
    }
  }
  static const UnitSpec& spec(const Simulation& s, std::uint32_t u) {
    return s.scenario_.units[s.world_.units[u].spec];
  }
};

/// Armed units deter; observers, drones and logistics do not (Hultman et al., docs/model.md).
inline bool is_armed(UnitType t) {
  return t == UnitType::MechInfantry || t == UnitType::LightInfantry ||
         t == UnitType::QuickReaction || t == UnitType::AirDefence ||
         t == UnitType::RocketArtillery;
}

/// Ground units that hold or take a sector in combat.
inline bool is_ground_combat(UnitType t) {
  return t == UnitType::MechInfantry || t == UnitType::LightInfantry ||
         t == UnitType::QuickReaction;
}

/// A unit that can act in the theatre: not withdrawn, not lost, not at home or deploying.
inline bool in_play(UnitState s) {
  return s != UnitState::Withdrawn && s != UnitState::Lost && s != UnitState::AtHome &&
         s != UnitState::Deploying;
}

/// How far a nation's caveats let its units fight in a region: 1 engage, 0.5 interpose, 0.2
/// show of force, 0 record only or not allowed there (what deters Red, and who fights).
inline double willingness(const Nation& n, map::RegionId r) {
  const bool allowed =
      n.allowed.empty() || std::find(n.allowed.begin(), n.allowed.end(), r) != n.allowed.end();
  if (!allowed) return 0;
  switch (n.max_level) {
    case ResponseLevel::Engage:
      return 1.0;
    case ResponseLevel::Interpose:
      return 0.5;
    case ResponseLevel::ShowOfForce:
      return 0.2;
    case ResponseLevel::Record:
      return 0;
  }
  return 0;
}

inline bool is_night(SimTime t) {
  const std::int64_t hour = (t.ms() / 3'600'000) % 24;
  return hour >= 20 || hour < 6;
}

// Model constants. Each is explained, with its source or as an assumption, in docs/model.md.
namespace rules {
inline constexpr double kNightFactor = 1.68;       // 10 night hours carry 70% of violations
inline constexpr double kDayFactor = 0.514;        // 14 day hours carry 30%
inline constexpr double kDeterrenceMax = 0.70;     // armed force: -70% (Hultman, Kathman & Shannon)
inline constexpr double kDeterrenceFull = 10'000;  // ...reached at ~10,000 armed troops
inline constexpr double kBranching = 0.3;          // offspring per unanswered violation (Hawkes)
inline constexpr double kDecayPerHour = 1.0 / 24.0;  // excitation decays over about a day
inline constexpr double kPromptDamping = 0.5;        // a prompt response halves the excitation

// Red's perception and doctrine (red.cpp). The score weighs what Red can see; each step of the
// ladder is a band of the score. All assumptions, set so that the shipped scenarios hold their
// regime (docs/model.md "Red").
inline constexpr Duration kRedReviewEvery = Duration::days(3);  // a sector's posture review
inline constexpr Duration kTheatreReviewEvery = Duration::days(7);
inline constexpr Duration kRedYardstick = Duration::hours(6);  // Red judges answers by then
inline constexpr double kImpunityWeight = 0.05;        // each answerable violation moves it 5%
inline constexpr double kCommitmentDays = 21;          // a recommitment's hold fades over ~3 weeks
inline constexpr double kConsolidationDays = 180;      // a truce kept this long is at full strength
inline constexpr double kLossesDays = 30;              // Red's memory of its losses
inline constexpr double kTransitionSlope = 4.0;        // how sharply odds rise past a band's edge
inline constexpr double kMaxMoveOdds = 0.5;            // at most this chance of a step per review
inline constexpr double kTheatreDeterrentAt = 30'000;  // armed troops that deter the theatre
inline constexpr double kLocalDeterrentAt = 10'000;    // ...and one sector (Hultman et al.)

// Ground combat (combat.cpp): Lanchester square law with Dupuy's posture factor.
inline constexpr Duration kCombatRound = Duration::hours(6);
inline constexpr double kDefencePosture = 1.5;      // prepared defence (Dupuy, QJM)
inline constexpr double kAttackerKillRate = 0.008;  // casualties a day per effective enemy soldier
inline constexpr double kDefenderKillRate = 0.004;
inline constexpr double kAttritionSpread = 0.3;  // log-normal noise on each round's losses
inline constexpr double kAttackFrontageKm = 15;  // width of the attack's main effort
inline constexpr double kAdvanceKmPerDay = 0.5;  // advance at twice the needed force ratio
inline constexpr double kAttackerBreaks = 0.75;  // the attack culminates below 75% strength
inline constexpr double kDefenderBreaks = 0.65;  // the defence breaks below 65% strength
inline constexpr double kBreakthroughKm = 8;     // how far a broken defence falls back
inline constexpr Duration kLongestAttack = Duration::days(21);
inline constexpr double kLostBelow = 0.3;          // a unit below 30% of its strength is lost
inline constexpr double kRedRefillPerDay = 0.005;  // reserves refill Red's formations
inline constexpr double kUkraineRefillPerDay = 0.0055;
}  // namespace rules

/// A share as the trace and the odds print it: 0.416 -> "42%".
inline std::string percent(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", 100 * x);
  return buf;
}

}  // namespace rfsim::sim
