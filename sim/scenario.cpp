// Names of the scenario's enums, and the calibrated default violation rates.
#include "sim/scenario.hpp"

namespace rfsim::sim {
namespace {

template <std::size_t N>
using Names = std::array<std::string_view, N>;

constexpr Names<3> kRegimes{"none", "partial", "full"};
constexpr Names<3> kUsSupport{"full", "intel_only", "withdrawn"};
constexpr Names<kUnitTypeCount> kUnitTypes{
    "mech_infantry",    "light_infantry",   "quick_reaction",  "monitoring_team",
    "isr_drone",        "fighter_squadron", "awacs",           "air_defence",
    "rocket_artillery", "naval_task_group", "maritime_drones", "logistics"};
constexpr Names<4> kLevels{"record", "show_of_force", "interpose", "engage"};
constexpr Names<kViolationTypeCount> kViolationTypes{
    "artillery",       "small_arms",   "drone_incursion", "airspace_violation",
    "naval_incursion", "ground_probe", "hybrid_sabotage"};
constexpr Names<7> kInjectKinds{"set_regime",  "set_us_support", "nation_withdraws",
                                "provocation", "cut_link",       "restore_link",
                                "decide"};
constexpr Names<3> kDecisionModes{"auto", "ask", "ask_major"};
constexpr Names<5> kMobilities{"wheeled", "tracked", "rail", "air", "sea"};

template <class E, std::size_t N>
std::optional<E> lookup(const Names<N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == s) return static_cast<E>(i);
  }
  return std::nullopt;
}

template <std::size_t N>
std::string join(const Names<N>& names) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) out += (i + 1 == N) ? " or " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace

std::string_view to_string(Regime r) {
  return kRegimes.at(static_cast<std::size_t>(r));
}
std::string_view to_string(UsSupport u) {
  return kUsSupport.at(static_cast<std::size_t>(u));
}
std::string_view to_string(UnitType t) {
  return kUnitTypes.at(static_cast<std::size_t>(t));
}
std::string_view to_string(ResponseLevel l) {
  return kLevels.at(static_cast<std::size_t>(l));
}
std::string_view to_string(ViolationType v) {
  return kViolationTypes.at(static_cast<std::size_t>(v));
}
std::string_view to_string(InjectKind k) {
  return kInjectKinds.at(static_cast<std::size_t>(k));
}
std::string_view to_string(map::Mobility m) {
  return kMobilities.at(static_cast<std::size_t>(m));
}
std::string_view to_string(DecisionMode d) {
  return kDecisionModes.at(static_cast<std::size_t>(d));
}

std::optional<Regime> regime_from(std::string_view s) {
  return lookup<Regime>(kRegimes, s);
}
std::optional<UsSupport> us_support_from(std::string_view s) {
  return lookup<UsSupport>(kUsSupport, s);
}
std::optional<UnitType> unit_type_from(std::string_view s) {
  return lookup<UnitType>(kUnitTypes, s);
}
std::optional<ResponseLevel> response_level_from(std::string_view s) {
  return lookup<ResponseLevel>(kLevels, s);
}
std::optional<ViolationType> violation_type_from(std::string_view s) {
  return lookup<ViolationType>(kViolationTypes, s);
}
std::optional<InjectKind> inject_kind_from(std::string_view s) {
  return lookup<InjectKind>(kInjectKinds, s);
}
std::optional<map::Mobility> mobility_from(std::string_view s) {
  return lookup<map::Mobility>(kMobilities, s);
}

std::optional<DecisionMode> decision_mode_from(std::string_view s) {
  return lookup<DecisionMode>(kDecisionModes, s);
}
std::string names_of_decision_modes() {
  return join(kDecisionModes);
}

std::string names_of_regimes() {
  return join(kRegimes);
}
std::string names_of_us_support() {
  return join(kUsSupport);
}
std::string names_of_unit_types() {
  return join(kUnitTypes);
}
std::string names_of_response_levels() {
  return join(kLevels);
}
std::string names_of_violation_types() {
  return join(kViolationTypes);
}
std::string names_of_inject_kinds() {
  return join(kInjectKinds);
}
std::string names_of_mobilities() {
  return join(kMobilities);
}

std::array<RegimeRates, kRegimeCount> default_rates() {
  // Order of shares: artillery, small arms, drone, airspace, naval, ground probe, hybrid.
  // Targets are the OSCE SMM figures of CALIBRATION.md (observers only, Donbas line); the
  // types the SMM did not count are our assumption (docs/model.md). `per_day` is the base
  // rate before escalation: unanswered violations excite more (Hawkes), which lifts the
  // long-run rate by ~11-18% with the default force, so each base is the target divided by
  // that lift as measured by bench_calibration (docs/calibration.md).
  std::array<RegimeRates, kRegimeCount> r{};
  // (a) none: ~1,100 a day (SMM 2017). Explosion share not published: assumed 35%.
  r[static_cast<int>(Regime::None)] = {990.0, {0.35, 0.60, 0.025, 0.005, 0.005, 0.01, 0.005}};
  // (b) partial: ~750 a day, ~19% explosions (SMM, May 2020).
  r[static_cast<int>(Regime::Partial)] = {645.0, {0.19, 0.775, 0.015, 0.004, 0.004, 0.008, 0.004}};
  // (c) full: 20-30 a day in the first weeks, 18% explosions, 81% shots (SMM, Jul-Sep 2020).
  r[static_cast<int>(Regime::Full)] = {21.0, {0.175, 0.80, 0.01, 0.003, 0.003, 0.006, 0.003}};
  return r;
}

}  // namespace rfsim::sim
