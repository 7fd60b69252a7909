// Computing a cell's picture from the run's state: the rules of what each cell may know.
#include "play/picture.hpp"

#include <algorithm>
#include <cmath>

#include "sim/summary.hpp"

namespace rfsim::play {
namespace {

bool in_play(sim::UnitState s) {
  return s != sim::UnitState::Withdrawn && s != sim::UnitState::Lost;
}

// An assessment of another side's strength: to the nearest 10% of what it started with, so a
// screen shows the trend, not each casualty.
double assessed(double strength, std::int32_t start) {
  if (start <= 0) return std::max(0.0, strength);
  const double tenths = std::round(10.0 * std::max(0.0, strength) / start);
  return tenths * start / 10.0;
}

UnitView own_view(const sim::Simulation& run, std::uint32_t u) {
  const sim::World& w = run.world();
  const sim::Unit& unit = w.units[u];
  const sim::UnitSpec& spec = run.scenario().units[unit.spec];
  UnitView v;
  v.id = u;
  v.nation = spec.nation;
  v.side = run.scenario().nations[spec.nation].side;
  v.type = spec.type;
  v.own = true;
  v.state = unit.state;
  v.at = unit.at;
  v.where = run.unit_position(u);
  v.strength = unit.strength;
  v.strength_start = spec.strength;
  v.seen = run.now();
  if (unit.task != sim::kNone && unit.task < w.violations.size() &&
      w.violations[unit.task].serial == unit.task_serial) {
    v.task = unit.task;
    v.task_serial = unit.task_serial;
    v.task_region = w.violations[unit.task].region;
  }
  if (unit.state == sim::UnitState::Deploying) {
    v.route = unit.route;
    v.by = unit.by;
    v.depart = unit.depart;
    v.arrive = unit.arrive;
  }
  return v;
}

// Another side's unit as the cell's intelligence has it: where it last stood, strength to
// the nearest 10%, nothing of what it is doing. Units no longer in the field are left out.
std::optional<UnitView> seen_view(const sim::Simulation& run, std::uint32_t u) {
  const sim::Unit& unit = run.world().units[u];
  if (!in_play(unit.state)) return std::nullopt;
  UnitView v = own_view(run, u);
  v.own = false;
  v.state.reset();
  v.task = sim::kNone;
  v.task_serial = 0;
  v.task_region = 0;
  v.route.clear();
  v.depart = v.arrive = sim::SimTime{};
  // Standing, where it is (its region's label, as unit_position() has it too); on the move,
  // where it set off from, until it stands again.
  v.where = run.theatre().region(unit.at).label;
  // Seen standing until it set off; on the move, the report is as old as the move.
  const bool moving =
      unit.state == sim::UnitState::Moving || unit.state == sim::UnitState::Returning;
  if (moving && unit.depart <= run.now()) v.seen = unit.depart;
  v.strength = assessed(unit.strength, v.strength_start);
  v.strength_exact = false;
  return v;
}

ViolationView violation_view(const sim::Violation& v, std::uint32_t slot) {
  ViolationView out;
  out.slot = slot;
  out.serial = v.serial;
  out.type = v.type;
  out.region = v.region;
  out.at = v.at;
  out.detected = v.detected;
  out.level = v.level;
  out.responder = v.responder;
  out.answered = v.answered;
  out.flank_kind = v.flank_kind;
  out.shot_down = v.shot_down;
  out.missed = v.missed;
  out.held_fire = v.held_fire;
  out.sensor = v.sensor;
  out.sensor_unit = v.sensor_unit;
  return out;
}

}  // namespace

bool own_side(Cell cell, sim::Side side) {
  switch (cell) {
    case Cell::White:
      return true;
    case Cell::Blue:
      return side != sim::Side::Russia;
    case Cell::Red:
      return side == sim::Side::Russia;
  }
  return false;
}

bool owns(Cell cell, const sim::Decision& d) {
  switch (cell) {
    case Cell::White:
      return true;
    case Cell::Blue:
      return d.kind != sim::Decision::Kind::RedStep;
    case Cell::Red:
      return d.kind == sim::Decision::Kind::RedStep;
  }
  return false;
}

std::optional<sim::RedOutlook> outlook_of(const sim::Simulation& run, Cell cell,
                                          std::uint32_t sector) {
  if (cell == Cell::Blue || sector >= run.world().sectors.size()) return std::nullopt;
  return run.red_outlook(sector);
}

PictureMeasures measures_of(const sim::Simulation& run, Cell cell) {
  const sim::Measures& m = run.world().measures;
  PictureMeasures out;
  out.violations = cell == Cell::Blue ? m.detected : m.violations;
  out.battles = m.battles;
  out.ground_lost_km2 = m.ground_lost_km2;
  if (cell == Cell::White) out.detected = m.detected;
  if (cell != Cell::Red) {
    out.answered_in_standard = m.answered_in_standard;
    out.detect_mean_h = m.time_to_detect.mean_hours();
    out.detect_p95_h = m.time_to_detect.quantile_hours(0.95);
    out.respond_mean_h = m.time_to_respond.mean_hours();
    out.respond_p95_h = m.time_to_respond.quantile_hours(0.95);
    out.blocked_by_caveats = m.blocked_by_caveats;
    out.refusals = m.refusals;
    out.no_unit_available = m.no_unit_available;
    out.utilisation = sim::utilisation(run);
    out.coalition_losses = m.coalition_losses;
  }
  if (cell != Cell::Blue) {
    // The rule counts every violation: Red knows them all, Blue only those reported.
    out.ceasefire_broken = m.ceasefire_broken;
    if (m.ceasefire_broken) out.broken_at = m.broken_at;
    out.red_losses = m.red_losses;
  }
  return out;
}

const UnitView* Picture::unit(std::uint32_t id) const {
  const auto it = std::lower_bound(units.begin(), units.end(), id,
                                   [](const UnitView& v, std::uint32_t i) { return v.id < i; });
  return it != units.end() && it->id == id ? &*it : nullptr;
}

Picture picture_of(const sim::Simulation& run, Cell cell, bool outlooks) {
  const sim::World& w = run.world();
  const sim::Scenario& sc = run.scenario();
  const sim::SimTime now = run.now();
  Picture p;
  p.cell = cell;
  p.now = now;
  p.end = run.end();
  p.scenario = sc.name;
  p.regime = w.regime;
  p.us_support = w.us_support;
  p.violations_known = cell == Cell::Blue ? w.measures.detected : w.measures.violations;
  if (cell != Cell::Blue) p.general_offensive = w.red.general_offensive;
  p.link_condition.assign(w.link_condition.begin(), w.link_condition.end());
  p.measures = measures_of(run, cell);

  for (std::uint32_t u = 0; u < w.units.size(); ++u) {
    const sim::Side side = sc.nations[sc.units[w.units[u].spec].nation].side;
    if (own_side(cell, side)) {
      p.units.push_back(own_view(run, u));
    } else if (std::optional<UnitView> v = seen_view(run, u)) {
      p.units.push_back(std::move(*v));
    }
  }

  for (std::uint32_t slot = 0; slot < w.violations.size(); ++slot) {
    const sim::Violation& v = w.violations[slot];
    if (v.serial == 0) continue;
    // Blue learns of a violation when a sensor's report reaches HQ, not before.
    if (cell == Cell::Blue && !(v.detected <= now)) continue;
    ViolationView view = violation_view(v, slot);
    if (!(v.detected <= now)) {
      // Which sensor will report it is drawn at once; nobody knows it until the report comes.
      view.sensor = sim::Sensor::Unknown;
      view.sensor_unit = sim::kNone;
    }
    if (cell == Cell::Red) {
      // Red knows what it did, not what the coalition's HQ knows of it or plans.
      view.detection_known = false;
      view.detected = sim::SimTime::max();
      view.level = sim::ResponseLevel::Record;
      view.responder = sim::kNone;
      view.answered = sim::SimTime::max();
      view.sensor = sim::Sensor::Unknown;
      view.sensor_unit = sim::kNone;
    }
    p.violations.push_back(view);
  }

  for (std::uint32_t i = 0; i < w.sectors.size(); ++i) {
    const sim::Sector& sec = w.sectors[i];
    SectorView s;
    s.index = i;
    s.region = sec.region;
    s.gained_km2 = sec.gained_km2;
    s.battle = sec.battle;
    if (sec.battle) s.battle_since = sec.battle_since;
    if (cell != Cell::Blue) {
      s.step = sec.step;
      s.step_since = sec.step_since;
      if (outlooks) s.outlook = run.red_outlook(i);
      if (sec.battle) s.battle_odds = sec.odds;
    }
    p.sectors.push_back(std::move(s));
  }

  for (const sim::Decision& d : w.decisions) {
    if (owns(cell, d)) p.decisions.push_back(d);
  }
  if (cell == Cell::White) {
    // The MSEL is control's script: Blue and Red learn of a line when it fires.
    const std::uint32_t lines = run.msel_lines();
    p.msel.reserve(lines);
    for (std::uint32_t i = 0; i < lines; ++i) {
      p.msel.push_back({i, run.msel_line(i), run.msel_cancelled(i), i >= sc.injects.size()});
    }
  }
  return p;
}

}  // namespace rfsim::play
