// A scenario as plain data: the theatre's force, the regime, the threat and the MSEL.
// Loaded from TOML by scenario_loader.hpp; the model only reads it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "map/routing.hpp"
#include "map/theatre.hpp"
#include "sim/time.hpp"

namespace rfsim::sim {

/// The three ceasefire regimes of the paper: (a) none, (b) partial, (c) full.
enum class Regime : std::uint8_t { None, Partial, Full };
inline constexpr std::size_t kRegimeCount = 3;

/// Red's escalation ladder, in a contact sector (and, at the top, for the theatre): what Red
/// does there decides the violation rate, its type mix, and whether there is ground combat.
enum class RedStep : std::uint8_t {
  Compliance,        // the truce kept: stray fire (the SMM's full-ceasefire weeks)
  Harassment,        // mostly small arms, probing the force's answers
  Pressure,          // shelling and drones (a partial ceasefire's level)
  LimitedOffensive,  // local attacks: ground combat in the sector
  GeneralOffensive,  // attacks all along the line (decided for the theatre)
};
inline constexpr std::size_t kRedStepCount = 5;

/// The step each sector starts at under a regime, and where a regime change puts them.
constexpr RedStep start_step(Regime r) {
  return r == Regime::Full      ? RedStep::Compliance
         : r == Regime::Partial ? RedStep::Pressure
                                : RedStep::LimitedOffensive;
}

/// Which side a nation's units fight for.
enum class Side : std::uint8_t {
  Coalition,  // the Reassurance Force: tasked by its HQ, under its nations' caveats
  Ukraine,    // the defenders of the line: fight when Red attacks
  Russia,     // Red: its formations attack when its ladder says so
};
inline constexpr std::size_t kSideCount = 3;

/// What the US "backstop" still provides.
enum class UsSupport : std::uint8_t {
  Full,       // ISR and monitoring feed, long-range strike means, Patriot/HIMARS munitions
  IntelOnly,  // the intelligence feed and counter-battery targeting; no munitions surge
  Withdrawn,  // nothing
};
inline constexpr std::size_t kUsSupportCount = 3;

enum class UnitType : std::uint8_t {
  MechInfantry,
  LightInfantry,
  QuickReaction,
  MonitoringTeam,
  IsrDrone,
  FighterSquadron,
  Awacs,
  AirDefence,
  RocketArtillery,
  NavalTaskGroup,
  MaritimeDrones,
  Logistics,
};
inline constexpr std::size_t kUnitTypeCount = 12;

/// Response levels, in rising order of force.
enum class ResponseLevel : std::uint8_t { Record, ShowOfForce, Interpose, Engage };
inline constexpr std::size_t kResponseLevelCount = 4;

enum class ViolationType : std::uint8_t {
  Artillery,          // explosions: artillery, mortars, rockets
  SmallArms,          // bursts and shots
  DroneIncursion,     // a drone over the line or over Ukraine's rear
  AirspaceViolation,  // a manned aircraft or missile across the line
  NavalIncursion,     // Black Sea Fleet units into the monitored zones
  GroundProbe,        // a ground patrol across the line
  HybridSabotage,     // sabotage in Ukraine's rear or in a coalition state
};
inline constexpr std::size_t kViolationTypeCount = 7;

/// At most this many nations: a violation remembers which nations refused it in 32 bits.
inline constexpr std::size_t kMaxNations = 32;

/// At most this many units, copies included: twice stress-5000.toml. A scenario travels inside
/// every save, so its size must not be able to take the memory ([[units]] count multiplies).
inline constexpr std::size_t kMaxUnits = 10'000;

/// A nation's caveats, from its national law and its bilateral agreement with Ukraine.
struct Nation {
  std::string code;                                  // "UK", "FR"...
  std::string name;                                  // "United Kingdom"
  ResponseLevel max_level = ResponseLevel::Engage;   // the strongest response it allows
  std::vector<map::RegionId> allowed;                // empty: anywhere its units can reach
  Duration approval_median = Duration::minutes(30);  // national approval delay (median)
  double approval_sigma = 0.5;                       // log-normal spread of that delay
  double refusal = 0.0;                              // chance a request is refused outright
  bool ask = false;  // its approvals (Russia: its ladder decisions) are asked of a player
  Side side = Side::Coalition;
};

/// Readiness of a unit held at home: how long after a political decision to surge it sets off
/// (surge_notice(); sources in docs/model.md "Readiness and surge").
enum class Readiness : std::uint8_t {
  InTheatre,  // in the theatre from the start: part of the force at t = 0
  Vjtf,       // NATO's spearhead: lead elements "capable of deploying within 48 hours"
  Arf,        // Allied Reaction Force: "forces, fires and effects within 10 days"
  FollowOn,   // the Force Model's second tier: "between ten and thirty days"
};
inline constexpr std::size_t kReadinessCount = 4;

/// How a deployment or repositioning travels: by a carrier, by the unit's own road march, or
/// the fastest of those that reach.
enum class DeployMode : std::uint8_t { Best, Road, Rail, Airlift, Sealift };

struct UnitSpec {
  std::string id;            // unique: "uk-qrf-1"
  std::uint32_t nation = 0;  // index into Scenario::nations
  UnitType type = UnitType::LightInfantry;
  std::int32_t strength = 0;  // personnel (or airframes/ships for air and sea)
  map::RegionId home = 0;
  map::Mobility mobility = map::Mobility::Wheeled;
  Duration notice = Duration::hours(2);        // notice to move (readiness)
  std::int32_t munitions = 0;                  // air defence and rocket artillery: rounds held
  Readiness readiness = Readiness::InTheatre;  // other tiers start at `home`, out of the force
  map::RegionId deploy_to = 0;                 // where a surge sends it (readiness tiers only)
  DeployMode deploy_by = DeployMode::Best;     // how a surge moves it
};

/// Violation rates at one step of Red's ladder: violations a day over the whole theatre (were
/// every sector at that step), and type shares.
struct StepRates {
  double per_day = 0;                               // expected violations a day (all types)
  std::array<double, kViolationTypeCount> share{};  // sums to 1
};

enum class InjectKind : std::uint8_t {
  SetRegime,
  SetUsSupport,
  NationWithdraws,
  Provocation,
  CutLink,
  RestoreLink,
  Decide,  // a player's answer to a pending decision (live only, never in a scenario file)
  Surge,   // a political decision to surge: units at home start their notice to move
  Deploy,  // a unit deploys or repositions to a region over any distance
  // The MSEL edited in play (live only, never in a scenario file): lines are numbered as
  // InjectDue numbers them, the scenario's first, then those added in play (World::msel_added).
  CancelMsel,    // line `line` will not fire
  ScheduleMsel,  // a line of kind `line_kind` at `at`, with this inject's parameters and note;
                 // `line` != kNoLine: it replaces that line (a move or an edit)
};
inline constexpr std::size_t kInjectKindCount =
    static_cast<std::size_t>(InjectKind::ScheduleMsel) + 1;

/// Whether an MSEL line may have this kind: every kind but the commands that only a player
/// gives in play (answering a decision, editing the MSEL).
constexpr bool schedulable(InjectKind k) {
  return k != InjectKind::Decide && k != InjectKind::CancelMsel && k != InjectKind::ScheduleMsel;
}

/// Who takes the force HQ's tasking decisions.
enum class DecisionMode : std::uint8_t {
  Auto,      // doctrine decides (the nearest eligible unit)
  Ask,       // every tasking is asked of the facilitator: the run pauses
  AskMajor,  // only interpose and engage are asked; doctrine takes the rest
};

/// One line of the MSEL (or a live inject from the facilitator).
struct Inject {
  Duration at;  // when it fires, from the scenario start
  InjectKind kind = InjectKind::SetRegime;
  Regime regime = Regime::Full;    // SetRegime
  UsSupport us = UsSupport::Full;  // SetUsSupport
  std::uint32_t nation = 0;        // NationWithdraws
  map::RegionId region = 0;        // Provocation (where), CutLink/RestoreLink (one end)
  map::RegionId region_b = 0;      // CutLink/RestoreLink (other end)
  std::int32_t count = 0;          // Provocation: violations in the burst
  std::uint64_t decision = 0;      // Decide: the pending decision's id
  std::int32_t option = 0;         // Decide: the option chosen (index into its options)
  std::string note;                // what the facilitator reads out
  std::uint32_t unit = kAnyUnit;   // Surge (one unit, or any), Deploy: index into Scenario::units
  Readiness tier = Readiness::InTheatre;         // Surge: this tier only (InTheatre: every tier)
  DeployMode mode = DeployMode::Best;            // Deploy: how it travels
  bool any_nation = true;                        // Surge: every nation's units, or `nation`'s only
  std::uint32_t line = kNoLine;                  // CancelMsel, ScheduleMsel: an MSEL line's number
  InjectKind line_kind = InjectKind::SetRegime;  // ScheduleMsel: the kind of the line added
  static constexpr std::uint32_t kAnyUnit = 0xFFFF'FFFF;
  static constexpr std::uint32_t kNoLine = 0xFFFF'FFFF;
};

struct Scenario {
  std::string name;
  std::string description;
  std::string source_name;  // the file it came from, for messages
  std::string source_text;  // the file's text: saves carry the scenario itself
  std::uint64_t seed = 1;
  Duration length = Duration::days(30);
  Regime regime = Regime::Partial;
  UsSupport us_support = UsSupport::Full;
  Duration response_standard = Duration::hours(6);  // "answered within the standard"
  map::RegionId hq = 0;                             // where the force HQ's forward cell sits
  std::int32_t cameras_per_sector = 3;              // fixed cameras on each contact sector
  DecisionMode decisions = DecisionMode::Auto;      // who takes HQ's tasking decisions
  // Strategic lift shared by every deployment (docs/model.md "Lift capacity"): airlift loads a
  // day into each airfield, train paths a day across each gauge change.
  std::int32_t airlift_loads_per_day = 12;
  std::int32_t gauge_trains_per_day = 4;
  std::array<StepRates, kRedStepCount> rates{};  // per step of Red's ladder
  std::vector<Nation> nations;
  std::vector<UnitSpec> units;
  std::vector<Inject> injects;  // in time order
};

// Names as written in scenario files and printed in reports.
std::string_view to_string(Regime r);
std::string_view to_string(UsSupport u);
std::string_view to_string(UnitType t);
std::string_view to_string(ResponseLevel l);
std::string_view to_string(ViolationType v);
std::string_view to_string(InjectKind k);
std::string_view to_string(map::Mobility m);
std::string_view to_string(DecisionMode d);
std::string_view to_string(RedStep s);
std::string_view to_string(Side s);
std::string_view to_string(Readiness r);
std::string_view to_string(DeployMode m);
std::optional<Regime> regime_from(std::string_view s);
std::optional<UsSupport> us_support_from(std::string_view s);
std::optional<UnitType> unit_type_from(std::string_view s);
std::optional<ResponseLevel> response_level_from(std::string_view s);
std::optional<ViolationType> violation_type_from(std::string_view s);
std::optional<InjectKind> inject_kind_from(std::string_view s);
std::optional<map::Mobility> mobility_from(std::string_view s);
std::optional<DecisionMode> decision_mode_from(std::string_view s);
std::optional<RedStep> red_step_from(std::string_view s);
std::optional<Side> side_from(std::string_view s);
std::optional<Readiness> readiness_from(std::string_view s);
std::optional<DeployMode> deploy_mode_from(std::string_view s);

/// "a, b or c": the accepted names of an enum, for error messages.
std::string names_of_regimes();
std::string names_of_us_support();
std::string names_of_unit_types();
std::string names_of_response_levels();
std::string names_of_violation_types();
std::string names_of_inject_kinds();
std::string names_of_mobilities();
std::string names_of_decision_modes();
std::string names_of_red_steps();
std::string names_of_sides();
std::string names_of_readiness();
std::string names_of_deploy_modes();

/// A tier's notice to move from the decision to surge (docs/model.md "Readiness and surge").
Duration surge_notice(Readiness r);

/// Calibrated default rates per step (docs/model.md gives the source of each figure).
std::array<StepRates, kRedStepCount> default_rates();

}  // namespace rfsim::sim
