// Every field of a run's state, listed once. `fields(v, x)` calls v(name, member, tags...) for
// each member of x, in a fixed order; a visitor gives the list its meaning: the state hash
// (state_hash.cpp), saving and loading (saves/detail/codec.hpp), checking a loaded state
// against its scenario (state_check.cpp), flattening for comparison (state_compare.hpp). So a
// field cannot be saved without being hashed, or hashed without being checked on load.
//
// Adding a field: list it at the end of its type with Since{the new kStateVersion}, bump
// kStateVersion, and update the size check under the type's list (it fails to compile until
// you do: that is its purpose). Saves of an older layout still load: the field keeps its
// default and Simulation::restore() completes what the older layout did not hold.
#pragma once

#include <array>
#include <concepts>
#include <cstdint>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "sim/commands.hpp"
#include "sim/measures.hpp"
#include "sim/random.hpp"
#include "sim/scenario.hpp"
#include "sim/state_hash.hpp"
#include "sim/state_tags.hpp"
#include "sim/trace.hpp"
#include "sim/world.hpp"

namespace rfsim::sim {

/// The last value of each enum in the state, for range checks on load.
template <class E>
inline constexpr E kLast = E{};
template <>
inline constexpr Regime kLast<Regime> = Regime::Full;
template <>
inline constexpr UsSupport kLast<UsSupport> = UsSupport::Withdrawn;
template <>
inline constexpr UnitState kLast<UnitState> = UnitState::Deploying;
template <>
inline constexpr ViolationType kLast<ViolationType> = ViolationType::HybridSabotage;
template <>
inline constexpr ResponseLevel kLast<ResponseLevel> = ResponseLevel::Engage;
template <>
inline constexpr Decision::Kind kLast<Decision::Kind> = Decision::Kind::Surge;
template <>
inline constexpr FlankIncident kLast<FlankIncident> = FlankIncident::Sabotage;
template <>
inline constexpr RedStep kLast<RedStep> = RedStep::GeneralOffensive;
template <>
inline constexpr InjectKind kLast<InjectKind> = InjectKind::ScheduleMsel;
template <>
inline constexpr map::Mobility kLast<map::Mobility> = map::Mobility::Sealift;
template <>
inline constexpr Readiness kLast<Readiness> = Readiness::FollowOn;
template <>
inline constexpr DeployMode kLast<DeployMode> = DeployMode::Sealift;
template <>
inline constexpr TraceKind kLast<TraceKind> = TraceKind::Engagement;
template <>
inline constexpr Sensor kLast<Sensor> = Sensor::Unknown;

namespace fields_detail {
using tag::Index;
using tag::NonNegative;
using tag::OnePer;
using tag::Ref;
using tag::Since;
inline constexpr Index kRegion{Ref::Region};
inline constexpr Index kUnit{Ref::Unit};
inline constexpr Index kUnitOrNone{Ref::Unit, true};
inline constexpr Index kSlot{Ref::Violation};
inline constexpr Index kSlotOrNone{Ref::Violation, true};
}  // namespace fields_detail

// ---- Events ----
template <class V, Of<EventId> T>
void fields(V& v, T& x) {
  v("seq", x.seq);
  v("slot", x.slot);
}
template <class V, Of<ThreatTick> T>
void fields(V& v, T& x) {
  v("region", x.region, fields_detail::kRegion);
}
template <class V, Of<Detected> T>
void fields(V& v, T& x) {
  v("violation", x.violation, fields_detail::kSlot);
  v("serial", x.serial);
}
template <class V, Of<StandardDue> T>
void fields(V& v, T& x) {
  v("violation", x.violation, fields_detail::kSlot);
  v("serial", x.serial);
  v("what", x.what, tag::Since{2});
}
template <class V, Of<ApprovalDue> T>
void fields(V& v, T& x) {
  v("violation", x.violation, fields_detail::kSlot);
  v("serial", x.serial);
  v("unit", x.unit, fields_detail::kUnit);
}
template <class V, Of<Arrived> T>
void fields(V& v, T& x) {
  v("unit", x.unit, fields_detail::kUnit);
}
template <class V, Of<TaskDone> T>
void fields(V& v, T& x) {
  v("unit", x.unit, fields_detail::kUnit);
}
template <class V, Of<InjectDue> T>
void fields(V& v, T& x) {
  v("index", x.index, tag::Index{tag::Ref::Inject});
}
template <class V, Of<ProvocationDue> T>
void fields(V& v, T& x) {
  v("region", x.region, fields_detail::kRegion);
  v("remaining", x.remaining);
}
template <class V, Of<DayEnds> T>
void fields(V&, T&) {}
template <class V, Of<RedReview> T>
void fields(V& v, T& x) {
  v("sector", x.sector, tag::Index{tag::Ref::Sector});
}
template <class V, Of<TheatreReview> T>
void fields(V&, T&) {}
template <class V, Of<CombatTick> T>
void fields(V& v, T& x) {
  v("sector", x.sector, tag::Index{tag::Ref::Sector});
}
template <class V, Of<FlankDue> T>
void fields(V& v, T& x) {
  v("flank", x.flank, tag::Index{tag::Ref::Flank});
  v("violation", x.violation, fields_detail::kSlotOrNone);
  v("serial", x.serial);
  v("what", x.what);
}

// ---- The world ----
template <class V, Of<Unit> T>
void fields(V& v, T& u) {
  using namespace fields_detail;
  v("spec", u.spec, Index{Ref::UnitSpec});
  v("state", u.state);
  v("at", u.at, kRegion);
  v("dest", u.dest, kRegion);
  v("depart", u.depart);
  v("arrive", u.arrive);
  v("route", u.route, kRegion);
  v("task", u.task, kSlotOrNone);
  v("task_serial", u.task_serial);
  v("munitions", u.munitions, NonNegative{});
  v("busy_ms", u.busy_ms, NonNegative{});
  v("busy_since", u.busy_since);
  v("next", u.next);
  v("strength", u.strength, NonNegative{}, Since{2});
  v("fighting", u.fighting, Since{2});
  v("station", u.station, Index{Ref::Region, true}, Since{3});
  v("by", u.by, Since{3});
  v("ordered", u.ordered, Since{3});
  v("mode", u.mode, Since{5});
  v("ready", u.ready, Since{5});
}
static_assert(sizeof(Unit) == 152, "Unit changed: list the new field above, then update this");

template <class V, Of<Violation> T>
void fields(V& v, T& x) {
  using namespace fields_detail;
  v("serial", x.serial);
  v("type", x.type);
  v("region", x.region, kRegion);
  v("at", x.at);
  v("detect_due", x.detect_due);
  v("detected", x.detected);
  v("answered", x.answered);
  v("level", x.level);
  v("responder", x.responder, kUnitOrNone);
  v("refusals", x.refusals);
  v("standard_passed", x.standard_passed);
  v("answerable", x.answerable, tag::Since{2});
  v("judged", x.judged, tag::Since{2});
  v("flank_kind", x.flank_kind, tag::Since{4});
  v("shot_down", x.shot_down, tag::Since{4});
  v("missed", x.missed, tag::Since{4});
  v("held_fire", x.held_fire, tag::Since{4});
  v("sensor", x.sensor, tag::Since{6});
  v("sensor_unit", x.sensor_unit, kUnitOrNone, tag::Since{6});
}
static_assert(sizeof(Violation) == 72, "Violation changed: list the new field, then update this");

template <class V, Of<Threat> T>
void fields(V& v, T& t) {
  using fields_detail::NonNegative;
  v("base", t.base, NonNegative{});
  v("excitation", t.excitation, NonNegative{});
  v("excitation_at", t.excitation_at);
  v("armed_strength", t.armed_strength, NonNegative{});
  v("bound", t.bound, NonNegative{});
  v("tick", t.tick);
}
static_assert(sizeof(Threat) == 104, "Threat changed: list the new field, then update this");

// MinuteHistogram lists its fields itself (sim/measures.hpp): they are private.
static_assert(sizeof(MinuteHistogram) == 40, "MinuteHistogram changed: list the new field");

template <class V, Of<DayRow> T>
void fields(V& v, T& d) {
  using namespace fields_detail;
  v("day", d.day, NonNegative{});
  v("by_type", d.by_type, NonNegative{});
  v("detected", d.detected, NonNegative{});
  v("answered_in_standard", d.answered_in_standard, NonNegative{});
  v("escalation", d.escalation, NonNegative{});
  v("regime", d.regime);
  v("steps", d.steps, Since{2});  // empty in days saved before layout 2
  v("ground_lost_km2", d.ground_lost_km2, Since{2});
  v("red_losses", d.red_losses, NonNegative{}, Since{2});
  v("ua_losses", d.ua_losses, NonNegative{}, Since{2});
  v("coalition_losses", d.coalition_losses, NonNegative{}, Since{2});
  v("flank", d.flank, NonNegative{}, Since{3});
  v("in_theatre", d.in_theatre, NonNegative{}, Since{3});
}
static_assert(sizeof(DayRow) == 184, "DayRow changed: list the new field, then update this");

template <class V, Of<Measures> T>
void fields(V& v, T& m) {
  using namespace fields_detail;
  v("by_type", m.by_type, NonNegative{});
  v("by_region", m.by_region, NonNegative{}, OnePer{Ref::Region});
  v("violations", m.violations, NonNegative{});
  v("detected", m.detected, NonNegative{});
  v("dispatched", m.dispatched, NonNegative{});
  v("answered", m.answered, NonNegative{});
  v("answered_in_standard", m.answered_in_standard, NonNegative{});
  v("blocked_by_caveats", m.blocked_by_caveats, NonNegative{});
  v("refusals", m.refusals, NonNegative{});
  v("no_unit_available", m.no_unit_available, NonNegative{});
  v("time_to_detect", m.time_to_detect);
  v("time_to_respond", m.time_to_respond);
  v("days", m.days);
  v("today", m.today);
  v("days_above_threshold", m.days_above_threshold, NonNegative{});
  v("ceasefire_broken", m.ceasefire_broken);
  v("broken_at", m.broken_at);
  v("unit_busy_ms", m.unit_busy_ms, NonNegative{});
  v("declined_by_hq", m.declined_by_hq, NonNegative{}, Since{2});
  v("highest_step", m.highest_step, Since{2});
  v("red_escalations", m.red_escalations, NonNegative{}, Since{2});
  v("red_deescalations", m.red_deescalations, NonNegative{}, Since{2});
  v("battles", m.battles, NonNegative{}, Since{2});
  v("breakthroughs", m.breakthroughs, NonNegative{}, Since{2});
  v("ground_lost_km2", m.ground_lost_km2, Since{2});
  v("red_losses", m.red_losses, NonNegative{}, Since{2});
  v("ua_losses", m.ua_losses, NonNegative{}, Since{2});
  v("coalition_losses", m.coalition_losses, NonNegative{}, Since{2});
  v("units_lost", m.units_lost, NonNegative{}, Since{2});
  v("counter_battery", m.counter_battery, NonNegative{}, Since{2});
  v("intercepts", m.intercepts, NonNegative{}, Since{2});
  v("misses", m.misses, NonNegative{}, Since{2});
  v("interceptors_spent", m.interceptors_spent, NonNegative{}, Since{2});
  v("flank", m.flank, OnePer{Ref::Flank}, Since{3});
}
static_assert(sizeof(Measures) == 600, "Measures changed: list the new field, then update this");

template <class V, Of<DecisionOption> T>
void fields(V& v, T& o) {
  using namespace fields_detail;
  v("unit", o.unit, kUnitOrNone);
  v("level", o.level);
  v("eta", o.eta, NonNegative{});
  v("p_in_standard", o.p_in_standard, tag::Fraction{});
  v("step", o.step, tag::Since{2});
  v("odds", o.odds, tag::Fraction{}, tag::Since{2});
  v("refusal", o.refusal, tag::Fraction{}, tag::Since{3});
}
static_assert(sizeof(DecisionOption) == 48, "DecisionOption changed: list the new field");

template <class V, Of<Decision> T>
void fields(V& v, T& d) {
  using namespace fields_detail;
  v("id", d.id);
  v("kind", d.kind);
  v("asked", d.asked);
  v("violation", d.violation, kSlot);
  v("serial", d.serial);
  v("unit", d.unit, kUnitOrNone);
  v("options", d.options);
  v("doctrine", d.doctrine, NonNegative{}, Since{2});
  v("sector", d.sector, Index{Ref::Sector, true}, Since{2});
  v("flank", d.flank, Index{Ref::Flank, true}, Since{3});
  v("nation", d.nation, Index{Ref::Nation, true}, Since{4});
}
static_assert(sizeof(Decision) == 88, "Decision changed: list the new field, then update this");

template <class V, Of<FlankMeasures> T>
void fields(V& v, T& x) {
  using namespace fields_detail;
  v("incidents", x.incidents, NonNegative{});
  v("drones", x.drones, NonNegative{});
  v("detected", x.detected, NonNegative{});
  v("scrambles", x.scrambles, NonNegative{});
  v("engaged", x.engaged, NonNegative{});
  v("intercepts", x.intercepts, NonNegative{});
  v("misses", x.misses, NonNegative{});
  v("held_fire", x.held_fire, NonNegative{});
  v("debris", x.debris, NonNegative{});
  v("interceptors_spent", x.interceptors_spent, NonNegative{});
  v("major", x.major, NonNegative{});
  v("article4", x.article4, NonNegative{});
}
static_assert(sizeof(FlankMeasures) == 136, "FlankMeasures changed: list the new field");

template <class V, Of<Flank> T>
void fields(V& v, T& x) {
  using namespace fields_detail;
  v("region", x.region, kRegion);
  v("magazine", x.magazine, NonNegative{});
  v("rate", x.rate, NonNegative{});
  v("tick", x.tick);
}
static_assert(sizeof(Flank) == 32, "Flank changed: list the new field, then update this");

template <class V, Of<Alliance> T>
void fields(V& v, T& x) {
  using namespace fields_detail;
  v("consultations", x.consultations, NonNegative{});
  v("declined", x.declined, NonNegative{});
  v("sentry_from", x.sentry_from);
  v("sentry_until", x.sentry_until);
  v("emboldened_until", x.emboldened_until);
  v("cohesion_until", x.cohesion_until);
  v("refusal_factor", x.refusal_factor, NonNegative{});
}
static_assert(sizeof(Alliance) == 48, "Alliance changed: list the new field, then update this");

template <class V, Of<Sector> T>
void fields(V& v, T& x) {
  using namespace fields_detail;
  v("region", x.region, kRegion);
  v("step", x.step);
  v("step_since", x.step_since);
  v("impunity", x.impunity, tag::Fraction{});
  v("gained_km2", x.gained_km2);
  v("battle", x.battle);
  v("battle_since", x.battle_since);
  v("attacker_start", x.attacker_start, NonNegative{});
  v("defender_start", x.defender_start, NonNegative{});
  v("odds", x.odds, tag::Fraction{});
  v("review", x.review);
  v("combat", x.combat);
}
static_assert(sizeof(Sector) == 104, "Sector changed: list the new field, then update this");

template <class V, Of<RedMind> T>
void fields(V& v, T& x) {
  using namespace fields_detail;
  v("general_offensive", x.general_offensive);
  v("commitment", x.commitment, tag::Fraction{});
  v("commitment_at", x.commitment_at);
  v("truce_since", x.truce_since);
  v("impunity", x.impunity, tag::Fraction{});
  v("refusal_rate", x.refusal_rate, tag::Fraction{});
  v("losses", x.losses, NonNegative{});
  v("losses_at", x.losses_at);
  v("review", x.review);
}
static_assert(sizeof(RedMind) == 80, "RedMind changed: list the new field, then update this");

template <class V, Of<LiftBooking> T>
void fields(V& v, T& x) {
  using namespace fields_detail;
  v("unit", x.unit, kUnit);
  v("airfield", x.airfield, Index{Ref::Region, true});
  v("crossing", x.crossing, Index{Ref::Link, true});
  v("count", x.count, NonNegative{});
  v("first", x.first, NonNegative{});
}
static_assert(sizeof(LiftBooking) == 24, "LiftBooking changed: list the new field, then update");

template <class V, Of<World> T>
void fields(V& v, T& w) {
  using namespace fields_detail;
  v("regime", w.regime);
  v("us_support", w.us_support);
  v("loop", w.loop);
  v("units", w.units, OnePer{Ref::UnitSpec});
  v("violations", w.violations);
  v("free_violation_slots", w.free_violation_slots, kSlot);
  v("next_violation_serial", w.next_violation_serial);
  v("threats", w.threats, OnePer{Ref::Region});
  v("nation_withdrawn", w.nation_withdrawn, OnePer{Ref::Nation});
  v("link_condition", w.link_condition, tag::Fraction{}, OnePer{Ref::Link});
  v("decisions", w.decisions);
  v("next_decision_id", w.next_decision_id);
  v("measures", w.measures);
  v("sectors", w.sectors, OnePer{Ref::Sector}, Since{2});
  v("red", w.red, Since{2});
  v("flanks", w.flanks, OnePer{Ref::Flank}, Since{3});
  v("alliance", w.alliance, Since{3});
  v("msel_cancelled", w.msel_cancelled, Index{Ref::Inject}, Since{4});
  v("msel_added", w.msel_added, Since{4});
  v("lift_bookings", w.lift_bookings, Since{5});
}

template <class V, Of<StreamPosition> T>
void fields(V& v, T& s) {
  v("name", s.name);
  v("draws", s.draws);
}

template <class V, Of<StatePart> T>
void fields(V& v, T& p) {
  v("name", p.name);
  v("hash", p.hash);
}

// ---- Commands and the trace (saved beside the state) ----
template <class V, Of<Inject> T>
void fields(V& v, T& in) {
  using namespace fields_detail;
  v("at", in.at, NonNegative{});
  v("kind", in.kind);
  v("regime", in.regime);
  v("us", in.us);
  v("nation", in.nation, Index{Ref::Nation});
  v("region", in.region, kRegion);
  v("region_b", in.region_b, kRegion);
  v("count", in.count);
  v("decision", in.decision);
  v("option", in.option);
  v("note", in.note);
  v("unit", in.unit, Index{Ref::UnitSpec, true}, Since{3});
  v("tier", in.tier, Since{3});
  v("mode", in.mode, Since{3});
  v("any_nation", in.any_nation, Since{3});
  v("line", in.line, Index{Ref::Inject, true}, Since{4});
  v("line_kind", in.line_kind, Since{4});
}

template <class V, Of<Command> T>
void fields(V& v, T& c) {
  v("at", c.at);
  v("inject", c.inject);
}

template <class V, Of<TraceRecord> T>
void fields(V& v, T& r) {
  v("time", r.time);
  v("kind", r.kind);
  v("violation", r.violation);
  v("region", r.region);
  v("unit", r.unit);
  v("detail", r.detail);
}

}  // namespace rfsim::sim
