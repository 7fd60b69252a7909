// A Picture on the wire, field by field: what a seat is sent is exactly what picture_of() gave
// its cell, and a value out of range (an enum, a count, a region) is refused with its path.
#include <string>
#include <type_traits>

#include "play/detail/wire.hpp"
#include "sim/scenario.hpp"
#include "sim/state_fields.hpp"
#include "sim/world.hpp"

namespace rfsim::play::detail {

namespace {

// Enum ranges come from sim, where the enums are: a new state or kind is then accepted here
// too (a count copied here once refused every unit at home after the surge model came).
using sim::kSideCount;
using sim::kUnitStateCount;
using sim::kUsSupportCount;
constexpr std::size_t kLevelCount = sim::kResponseLevelCount;
constexpr std::size_t kDecisionKindCount = sim::Decision::kKindCount;
constexpr std::uint32_t kMaxViolations = 1'000'000;
constexpr std::uint32_t kMaxSectors = 10'000;
constexpr std::uint32_t kMaxDecisions = 100'000;
constexpr std::uint32_t kMaxLinks = 1'000'000;
constexpr std::uint32_t kMaxOptions = sim::kMaxUnits + 1;
constexpr std::uint32_t kMaxNationIndex = sim::kMaxNations;

std::string at(const std::string& field, std::size_t i) {
  return field + "[" + std::to_string(i) + "]";
}

map::RegionId region(Reader& r, const std::string& field, const DecodeLimits& limits) {
  const std::uint32_t v = r.u32(field);
  if (v >= limits.regions) {
    throw ProtocolError(field, "a region of the theatre (0 to " +
                                   std::to_string(limits.regions - 1) + "), got " +
                                   std::to_string(v));
  }
  return v;
}

// kNone (no unit, no violation) or an index below `max`.
std::uint32_t index_or_none(Reader& r, const std::string& field, std::uint32_t max) {
  const std::uint32_t v = r.u32(field);
  if (v != sim::kNone && v >= max) {
    throw ProtocolError(
        field, "an index below " + std::to_string(max) + " or none, got " + std::to_string(v));
  }
  return v;
}

void write_option(Writer& w, const sim::DecisionOption& o) {
  w.u32(o.unit);
  w.enumeration(o.level);
  w.i64(o.eta.count_ms());
  w.f64(o.p_in_standard);
  w.enumeration(o.step);
  w.f64(o.odds);
  w.f64(o.refusal);
}

sim::DecisionOption read_option(Reader& r, const std::string& f) {
  sim::DecisionOption o;
  o.unit = index_or_none(r, f + ".unit", sim::kMaxUnits);
  o.level = r.enumeration<sim::ResponseLevel>(f + ".level", kLevelCount);
  o.eta = sim::Duration::ms(r.i64(f + ".eta"));
  o.p_in_standard = r.f64_in(f + ".p_in_standard", 0, 1);
  o.step = r.enumeration<sim::RedStep>(f + ".step", sim::kRedStepCount);
  o.odds = r.f64_in(f + ".odds", 0, 1);
  o.refusal = r.f64_in(f + ".refusal", 0, 1);
  return o;
}

void write_outlook(Writer& w, const sim::RedOutlook& o) {
  for (double v : {o.deterrent, o.impunity, o.us, o.cohesion, o.commitment, o.truce, o.losses,
                   o.ratio, o.score, o.up, o.down, o.defence_holds}) {
    w.f64(v);
  }
}

sim::RedOutlook read_outlook(Reader& r, const std::string& f) {
  sim::RedOutlook o;
  o.deterrent = r.f64(f + ".deterrent");
  o.impunity = r.f64(f + ".impunity");
  o.us = r.f64(f + ".us");
  o.cohesion = r.f64(f + ".cohesion");
  o.commitment = r.f64(f + ".commitment");
  o.truce = r.f64(f + ".truce");
  o.losses = r.f64(f + ".losses");
  o.ratio = r.f64(f + ".ratio");
  o.score = r.f64(f + ".score");
  o.up = r.f64_in(f + ".up", 0, 1);
  o.down = r.f64_in(f + ".down", 0, 1);
  o.defence_holds = r.f64_in(f + ".defence_holds", 0, 1);
  return o;
}

// An optional figure: a byte saying whether it is there, then the value.
template <class T>
void opt(Writer& w, const std::optional<T>& v) {
  w.boolean(v.has_value());
  if (!v) return;
  if constexpr (std::is_same_v<T, bool>) {
    w.boolean(*v);
  } else if constexpr (std::is_same_v<T, double>) {
    w.f64(*v);
  } else {
    w.i64(*v);
  }
}

void write_measures(Writer& w, const PictureMeasures& m) {
  w.i64(m.violations);
  opt(w, m.detected);
  opt(w, m.answered_in_standard);
  opt(w, m.detect_mean_h);
  opt(w, m.detect_p95_h);
  opt(w, m.respond_mean_h);
  opt(w, m.respond_p95_h);
  opt(w, m.blocked_by_caveats);
  opt(w, m.refusals);
  opt(w, m.no_unit_available);
  opt(w, m.utilisation);
  opt(w, m.ceasefire_broken);
  w.time(m.broken_at);
  w.i64(m.battles);
  w.f64(m.ground_lost_km2);
  opt(w, m.red_losses);
  opt(w, m.coalition_losses);
}

// Counts are 0 or more, hours and shares within their range, as picture_of() gives them.
std::optional<std::int64_t> count_opt(Reader& r, const std::string& f) {
  if (!r.boolean(f)) return std::nullopt;
  const std::int64_t v = r.i64(f);
  if (v < 0) throw ProtocolError(f, "a count from 0, got " + std::to_string(v));
  return v;
}
std::optional<double> real_opt(Reader& r, const std::string& f, double lo, double hi) {
  if (!r.boolean(f)) return std::nullopt;
  return r.f64_in(f, lo, hi);
}

PictureMeasures read_measures(Reader& r, const std::string& f) {
  PictureMeasures m;
  m.violations = r.i64(f + ".violations");
  if (m.violations < 0) throw ProtocolError(f + ".violations", "a count from 0");
  m.detected = count_opt(r, f + ".detected");
  m.answered_in_standard = count_opt(r, f + ".answered_in_standard");
  constexpr double kHours = 1e7;
  m.detect_mean_h = real_opt(r, f + ".detect_mean_h", 0, kHours);
  m.detect_p95_h = real_opt(r, f + ".detect_p95_h", 0, kHours);
  m.respond_mean_h = real_opt(r, f + ".respond_mean_h", 0, kHours);
  m.respond_p95_h = real_opt(r, f + ".respond_p95_h", 0, kHours);
  m.blocked_by_caveats = count_opt(r, f + ".blocked_by_caveats");
  m.refusals = count_opt(r, f + ".refusals");
  m.no_unit_available = count_opt(r, f + ".no_unit_available");
  m.utilisation = real_opt(r, f + ".utilisation", 0, 1);
  if (r.boolean(f + ".ceasefire_broken")) m.ceasefire_broken = r.boolean(f + ".ceasefire_broken");
  m.broken_at = r.time(f + ".broken_at");
  m.battles = r.i64(f + ".battles");
  if (m.battles < 0) throw ProtocolError(f + ".battles", "a count from 0");
  m.ground_lost_km2 = r.f64_in(f + ".ground_lost_km2", -1e7, 1e7);
  m.red_losses = count_opt(r, f + ".red_losses");
  m.coalition_losses = count_opt(r, f + ".coalition_losses");
  return m;
}

}  // namespace

void write_picture(Writer& w, const Picture& p) {
  w.enumeration(p.cell);
  w.time(p.now);
  w.time(p.end);
  w.text(p.scenario);
  w.enumeration(p.regime);
  w.enumeration(p.us_support);
  w.u64(p.violations_known);
  w.u8(p.general_offensive ? (*p.general_offensive ? 2 : 1) : 0);

  w.u32(static_cast<std::uint32_t>(p.units.size()));
  for (const UnitView& u : p.units) {
    w.u32(u.id);
    w.u32(u.nation);
    w.enumeration(u.side);
    w.enumeration(u.type);
    w.boolean(u.own);
    w.u8(u.state ? static_cast<std::uint8_t>(*u.state) + 1 : 0);
    w.u32(u.at);
    w.f64(u.where.lon);
    w.f64(u.where.lat);
    w.time(u.seen);
    w.f64(u.strength);
    w.i32(u.strength_start);
    w.boolean(u.strength_exact);
    w.u32(u.task);
    w.u64(u.task_serial);
    w.u32(u.task_region);
    w.u32(static_cast<std::uint32_t>(u.route.size()));
    for (map::RegionId r : u.route) w.u32(r);
    w.enumeration(u.by);
    w.time(u.depart);
    w.time(u.arrive);
  }

  w.u32(static_cast<std::uint32_t>(p.violations.size()));
  for (const ViolationView& v : p.violations) {
    w.u32(v.slot);
    w.u64(v.serial);
    w.enumeration(v.type);
    w.u32(v.region);
    w.time(v.at);
    w.boolean(v.detection_known);
    w.time(v.detected);
    w.enumeration(v.level);
    w.u32(v.responder);
    w.time(v.answered);
    w.u8(v.flank_kind);
    w.u8(v.shot_down);
    w.u8(v.missed);
    w.u8(v.held_fire);
  }

  w.u32(static_cast<std::uint32_t>(p.sectors.size()));
  for (const SectorView& s : p.sectors) {
    w.u32(s.index);
    w.u32(s.region);
    w.f64(s.gained_km2);
    w.boolean(s.battle);
    w.time(s.battle_since);
    w.u8(s.step ? static_cast<std::uint8_t>(*s.step) + 1 : 0);
    w.time(s.step_since);
    w.boolean(s.outlook.has_value());
    if (s.outlook) write_outlook(w, *s.outlook);
    w.boolean(s.battle_odds.has_value());
    if (s.battle_odds) w.f64(*s.battle_odds);
  }

  w.u32(static_cast<std::uint32_t>(p.decisions.size()));
  for (const sim::Decision& d : p.decisions) {
    w.u64(d.id);
    w.enumeration(d.kind);
    w.time(d.asked);
    w.u32(d.violation);
    w.u64(d.serial);
    w.u32(d.unit);
    w.u32(static_cast<std::uint32_t>(d.options.size()));
    for (const sim::DecisionOption& o : d.options) write_option(w, o);
    w.i32(d.doctrine);
    w.u32(d.sector);
    w.u32(d.flank);
    w.u32(d.nation);
  }

  w.u32(static_cast<std::uint32_t>(p.link_condition.size()));
  for (double c : p.link_condition) w.f64(c);
  write_measures(w, p.measures);
}

Picture read_picture(Reader& r, const std::string& f, const DecodeLimits& limits) {
  Picture p;
  p.cell = r.enumeration<Cell>(f + ".cell", 3);
  p.now = r.time(f + ".now");
  p.end = r.time(f + ".end");
  if (p.now.ms() < 0 || p.end < p.now) {
    throw ProtocolError(f + ".now", "0 <= now <= end");
  }
  p.scenario = r.text(f + ".scenario");
  p.regime = r.enumeration<sim::Regime>(f + ".regime", sim::kRegimeCount);
  p.us_support = r.enumeration<sim::UsSupport>(f + ".us_support", kUsSupportCount);
  p.violations_known = r.u64(f + ".violations_known");
  const std::uint8_t general = r.u8(f + ".general_offensive");
  if (general > 2) throw ProtocolError(f + ".general_offensive", "0 (unknown), 1 or 2");
  if (general > 0) p.general_offensive = general == 2;

  const std::string uf = f + ".units";
  const std::uint32_t units = r.count(uf, sim::kMaxUnits, 60);
  p.units.reserve(units);
  for (std::uint32_t i = 0; i < units; ++i) {
    const std::string e = at(uf, i);
    UnitView u;
    u.id = r.u32(e + ".id");
    if (u.id >= sim::kMaxUnits || (!p.units.empty() && u.id <= p.units.back().id)) {
      throw ProtocolError(e + ".id", "unit ids rising, below " + std::to_string(sim::kMaxUnits));
    }
    u.nation = r.u32(e + ".nation");
    if (u.nation >= kMaxNationIndex) {
      throw ProtocolError(e + ".nation", "below " + std::to_string(kMaxNationIndex));
    }
    u.side = r.enumeration<sim::Side>(e + ".side", kSideCount);
    u.type = r.enumeration<sim::UnitType>(e + ".type", sim::kUnitTypeCount);
    u.own = r.boolean(e + ".own");
    const std::uint8_t state = r.u8(e + ".state");
    if (state > kUnitStateCount) {
      throw ProtocolError(e + ".state", "0 (unknown) to " + std::to_string(kUnitStateCount));
    }
    if (state > 0) u.state = static_cast<sim::UnitState>(state - 1);
    u.at = region(r, e + ".at", limits);
    u.where.lon = r.f64_in(e + ".where.lon", -180, 180);
    u.where.lat = r.f64_in(e + ".where.lat", -90, 90);
    u.seen = r.time(e + ".seen");
    if (u.seen > p.now || u.seen.ms() < 0) {
      throw ProtocolError(e + ".seen", "a time from the start to the picture's now");
    }
    u.strength = r.f64(e + ".strength");
    u.strength_start = r.i32(e + ".strength_start");
    u.strength_exact = r.boolean(e + ".strength_exact");
    u.task = index_or_none(r, e + ".task", kMaxViolations);
    u.task_serial = r.u64(e + ".task_serial");
    u.task_region = region(r, e + ".task_region", limits);
    const std::string rf = e + ".route";
    const std::uint32_t hops = r.count(rf, limits.regions, 4);
    u.route.reserve(hops);
    for (std::uint32_t k = 0; k < hops; ++k) u.route.push_back(region(r, at(rf, k), limits));
    u.by = r.enumeration<map::Mobility>(e + ".by", map::kMobilityCount);
    u.depart = r.time(e + ".depart");
    u.arrive = r.time(e + ".arrive");
    p.units.push_back(std::move(u));
  }

  const std::string vf = f + ".violations";
  const std::uint32_t violations = r.count(vf, kMaxViolations, 40);
  p.violations.reserve(violations);
  for (std::uint32_t i = 0; i < violations; ++i) {
    const std::string e = at(vf, i);
    ViolationView v;
    v.slot = r.u32(e + ".slot");
    if (v.slot >= kMaxViolations) {
      throw ProtocolError(e + ".slot", "below " + std::to_string(kMaxViolations));
    }
    v.serial = r.u64(e + ".serial");
    v.type = r.enumeration<sim::ViolationType>(e + ".type", sim::kViolationTypeCount);
    v.region = region(r, e + ".region", limits);
    v.at = r.time(e + ".at");
    v.detection_known = r.boolean(e + ".detection_known");
    v.detected = r.time(e + ".detected");
    v.level = r.enumeration<sim::ResponseLevel>(e + ".level", kLevelCount);
    v.responder = index_or_none(r, e + ".responder", sim::kMaxUnits);
    v.answered = r.time(e + ".answered");
    v.flank_kind = r.u8(e + ".flank_kind");
    if (v.flank_kind > sim::kFlankIncidentCount) {
      throw ProtocolError(e + ".flank_kind",
                          "0 (none) to " + std::to_string(sim::kFlankIncidentCount));
    }
    v.shot_down = r.u8(e + ".shot_down");
    v.missed = r.u8(e + ".missed");
    v.held_fire = r.u8(e + ".held_fire");
    p.violations.push_back(v);
  }

  const std::string sf_ = f + ".sectors";
  const std::uint32_t sectors = r.count(sf_, kMaxSectors, 30);
  p.sectors.reserve(sectors);
  for (std::uint32_t i = 0; i < sectors; ++i) {
    const std::string e = at(sf_, i);
    SectorView s;
    s.index = r.u32(e + ".index");
    if (s.index >= kMaxSectors) {
      throw ProtocolError(e + ".index", "below " + std::to_string(kMaxSectors));
    }
    s.region = region(r, e + ".region", limits);
    s.gained_km2 = r.f64(e + ".gained_km2");
    s.battle = r.boolean(e + ".battle");
    s.battle_since = r.time(e + ".battle_since");
    const std::uint8_t step = r.u8(e + ".step");
    if (step > sim::kRedStepCount) {
      throw ProtocolError(e + ".step", "0 (unknown) to " + std::to_string(sim::kRedStepCount));
    }
    if (step > 0) s.step = static_cast<sim::RedStep>(step - 1);
    s.step_since = r.time(e + ".step_since");
    if (r.boolean(e + ".outlook")) s.outlook = read_outlook(r, e + ".outlook");
    if (r.boolean(e + ".battle_odds")) s.battle_odds = r.f64_in(e + ".battle_odds", 0, 1);
    p.sectors.push_back(s);
  }

  const std::string df = f + ".decisions";
  const std::uint32_t decisions = r.count(df, kMaxDecisions, 40);
  p.decisions.reserve(decisions);
  for (std::uint32_t i = 0; i < decisions; ++i) {
    const std::string e = at(df, i);
    sim::Decision d;
    d.id = r.u64(e + ".id");
    d.kind = r.enumeration<sim::Decision::Kind>(e + ".kind", kDecisionKindCount);
    d.asked = r.time(e + ".asked");
    d.violation = index_or_none(r, e + ".violation", kMaxViolations);
    d.serial = r.u64(e + ".serial");
    d.unit = index_or_none(r, e + ".unit", sim::kMaxUnits);
    const std::string of = e + ".options";
    const std::uint32_t options = r.count(of, kMaxOptions, 30);
    d.options.reserve(options);
    for (std::uint32_t k = 0; k < options; ++k) d.options.push_back(read_option(r, at(of, k)));
    d.doctrine = r.i32(e + ".doctrine");
    if (d.doctrine < 0 || (options > 0 && d.doctrine >= static_cast<std::int32_t>(options))) {
      throw ProtocolError(e + ".doctrine", "one of the decision's options");
    }
    d.sector = index_or_none(r, e + ".sector", kMaxSectors);
    d.flank = index_or_none(r, e + ".flank", kMaxSectors);
    d.nation = index_or_none(r, e + ".nation", kMaxNationIndex);
    p.decisions.push_back(std::move(d));
  }

  const std::string lf = f + ".link_condition";
  const std::uint32_t links = r.count(lf, kMaxLinks, 8);
  if (limits.links != 0xffffffffu && links != limits.links) {
    throw ProtocolError(lf + ".count", "the theatre's " + std::to_string(limits.links) +
                                           " links, got " + std::to_string(links));
  }
  p.link_condition.reserve(links);
  for (std::uint32_t i = 0; i < links; ++i) p.link_condition.push_back(r.f64_in(at(lf, i), 0, 1));
  p.measures = read_measures(r, f + ".measures");
  return p;
}

void write_inject(Writer& w, const sim::Inject& in) {
  w.i64(in.at.count_ms());
  w.enumeration(in.kind);
  w.enumeration(in.regime);
  w.enumeration(in.us);
  w.u32(in.nation);
  w.u32(in.region);
  w.u32(in.region_b);
  w.i32(in.count);
  w.u64(in.decision);
  w.i32(in.option);
  w.text(in.note);
  w.u32(in.unit);
  w.enumeration(in.tier);
  w.enumeration(in.mode);
  w.boolean(in.any_nation);
  w.u32(in.line);
  w.enumeration(in.line_kind);
}

sim::Inject read_inject(Reader& r, const std::string& f) {
  sim::Inject in;
  in.at = sim::Duration::ms(r.i64(f + ".at"));
  in.kind = r.enumeration<sim::InjectKind>(f + ".kind", sim::kInjectKindCount);
  in.regime = r.enumeration<sim::Regime>(f + ".regime", sim::kRegimeCount);
  in.us = r.enumeration<sim::UsSupport>(f + ".us", kUsSupportCount);
  in.nation = r.u32(f + ".nation");
  if (in.nation >= kMaxNationIndex) {
    throw ProtocolError(f + ".nation", "below " + std::to_string(kMaxNationIndex));
  }
  in.region = r.u32(f + ".region");
  in.region_b = r.u32(f + ".region_b");
  in.count = r.i32(f + ".count");
  if (in.count < 0 || in.count > 1000) throw ProtocolError(f + ".count", "0 to 1000");
  in.decision = r.u64(f + ".decision");
  in.option = r.i32(f + ".option");
  in.note = r.text(f + ".note");
  // 3: surges, deployments and MSEL edits travel whole (version 2 carried none of them).
  in.unit = r.u32(f + ".unit");
  if (in.unit != sim::Inject::kAnyUnit && in.unit >= sim::kMaxUnits) {
    throw ProtocolError(f + ".unit", "a unit below " + std::to_string(sim::kMaxUnits) + " or any");
  }
  in.tier = r.enumeration<sim::Readiness>(f + ".tier", sim::kReadinessCount);
  in.mode = r.enumeration<sim::DeployMode>(
      f + ".mode", static_cast<std::size_t>(sim::kLast<sim::DeployMode>) + 1);
  in.any_nation = r.boolean(f + ".any_nation");
  in.line = r.u32(f + ".line");
  in.line_kind = r.enumeration<sim::InjectKind>(f + ".line_kind", sim::kInjectKindCount);
  if (in.kind == sim::InjectKind::ScheduleMsel && !sim::schedulable(in.line_kind)) {
    throw ProtocolError(f + ".line_kind", "a kind an MSEL line may have (not decide or an edit)");
  }
  return in;
}

}  // namespace rfsim::play::detail
