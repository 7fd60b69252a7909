// Private to sim/: the model's rules, shared by the files that implement them (threat.cpp,
// monitoring.cpp, tasking.cpp, movement.cpp, injects.cpp, simulation.cpp).
#pragma once

#include <cmath>

#include "sim/simulation.hpp"

namespace rfsim::sim {

/// Lookups the rules make on every event, prepared once: a stream's name is a string, and
/// looking it up per draw cost a fifth of the run; distances need trigonometry.
struct Simulation::Handles {
  std::vector<RandomStream*> threat;    // per region: "threat/<region id>"
  std::vector<RandomStream*> detect;    // per unit: "detect/<unit id>"
  std::vector<RandomStream*> approval;  // per nation: "approval/<code>"
  std::vector<std::uint32_t> sensors;   // units that can detect (teams, drones, air, naval)
  RandomStream* cameras = nullptr;      // "detect/cameras"
  RandomStream* us_intel = nullptr;     // "detect/us_intel"
  RandomStream* host_nation = nullptr;  // "detect/host_nation"
  std::vector<double> km;               // great-circle km between label points, n x n
  std::size_t regions = 0;

  void point_at(RandomStreams& streams, const Scenario& sc, const map::Theatre& t);
  double distance(map::RegionId a, map::RegionId b) const { return km[a * regions + b]; }
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
  static double escalation_index(Simulation& s);                    // theatre-wide, 1 = base rates
  static double region_escalation(Simulation& s, map::RegionId r);  // 1 = its base rate
  static void on_day_ends(Simulation& s);

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

  // injects.cpp: the MSEL and live injects.
  static void apply(Simulation& s, const Inject& in);
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
inline constexpr double kBrokenIndex = 2.0;          // escalation index that breaks a ceasefire...
inline constexpr int kBrokenDays = 3;                // ...when it holds for three days
inline constexpr double kSurgeDriveHours = 10;       // ground moves: a first surge of 10 h...
inline constexpr double kSustainedKmPerDay = 140;    // ...then the sustained march (Dragoon Ride)
inline constexpr double kColumnKmh = 30;             // column speed (US Army ST 100-3)
}  // namespace rules

}  // namespace rfsim::sim
