// The violations Red commits: a self-exciting point process per region whose base rate and type
// mix follow Red's ladder step there (red.cpp), with a time-of-day profile, deterrence by armed
// presence, and self-excitation when violations go unanswered.
#include <algorithm>
#include <cmath>

#include "sim/deployment_view.hpp"
#include "sim/detail/rules.hpp"

namespace rfsim::sim {
namespace {

using map::RegionKind;

bool is_land_border_oblast(const map::Region& r) {
  return r.id == "sumy" || r.id == "chernihiv" || r.id == "kharkiv";
}

// Naval incursions come into the waters the force watches: the zones off friendly ports.
bool off_friendly_port(const map::Theatre& t, map::RegionId zone) {
  for (map::LinkId l : t.links_of(zone)) {
    const map::Link& link = t.link(l);
    const map::Region& other = t.region(link.a == zone ? link.b : link.a);
    const bool port = other.kind == RegionKind::Oblast || other.kind == RegionKind::City ||
                      other.kind == RegionKind::Staging;
    if ((link.modes & map::kSea) && port && other.occupied_share < 0.5) return true;
  }
  return false;
}

double line_length_km(const map::Region& r) {
  double km = 0;
  for (std::size_t i = 1; i < r.line.size(); ++i) km += map::distance_km(r.line[i - 1], r.line[i]);
  return km;
}

}  // namespace

// Where each type of violation happens: a weight per region, summing to 1 per type.
std::vector<std::array<double, kViolationTypeCount>> violation_weights(const map::Theatre& t) {
  const std::size_t n = t.region_count();
  std::vector<double> sector(n, 0), border(n, 0), sea(n, 0), rear(n, 0);
  for (map::RegionId r = 0; r < n; ++r) {
    const map::Region& g = t.region(r);
    if (g.kind == RegionKind::ContactSector) sector[r] = std::max(1.0, line_length_km(g));
    if (is_land_border_oblast(g)) border[r] = 1;
    if (g.kind == RegionKind::SeaZone && off_friendly_port(t, r)) sea[r] = 1;
    if ((g.kind == RegionKind::Oblast || g.kind == RegionKind::City) && g.occupied_share < 0.5) {
      rear[r] = 1;
    }
  }
  auto normalise = [](std::vector<double> v) {
    double sum = 0;
    for (double x : v) sum += x;
    if (sum > 0) {
      for (double& x : v) x /= sum;
    }
    return v;
  };
  sector = normalise(sector);
  border = normalise(border);
  sea = normalise(sea);
  rear = normalise(rear);
  std::vector<std::array<double, kViolationTypeCount>> w(n);
  for (std::size_t r = 0; r < n; ++r) {
    auto& x = w[r];
    x[static_cast<int>(ViolationType::Artillery)] = sector[r];
    x[static_cast<int>(ViolationType::SmallArms)] = sector[r];
    x[static_cast<int>(ViolationType::GroundProbe)] = sector[r];
    x[static_cast<int>(ViolationType::DroneIncursion)] = 0.7 * sector[r] + 0.3 * border[r];
    x[static_cast<int>(ViolationType::AirspaceViolation)] = 0.5 * sector[r] + 0.5 * border[r];
    x[static_cast<int>(ViolationType::NavalIncursion)] = sea[r];
    // Sabotage in the coalition's staging areas comes at the published European rate with the
    // flank states' incidents (flank.cpp), not as a share of Ukraine's.
    x[static_cast<int>(ViolationType::HybridSabotage)] = rear[r];
  }
  return w;
}

namespace {

double total(const std::array<double, kViolationTypeCount>& a) {
  double s = 0;
  for (double x : a) s += x;
  return s;
}

double deterrence(const Threat& t) {
  return 1.0 - rules::kDeterrenceMax * std::min(1.0, t.armed_strength / rules::kDeterrenceFull);
}

constexpr double kNeverHours = 24.0 * 365 * 50;

double time_of_day(SimTime t) {
  return is_night(t) ? rules::kNightFactor : rules::kDayFactor;
}

}  // namespace

void Simulation::Rules::init_threats(Simulation& s) {
  s.world_.threats.assign(s.theatre_.region_count(), Threat{});
  init_flanks(s);
  set_base_rates(s);
}

namespace {

/// The rate of each type at a step, interpolated between whole steps (the rear follows the
/// sectors' mean step), per day over the whole theatre.
std::array<double, kViolationTypeCount> rates_at(const Scenario& sc, double step) {
  const double top = static_cast<double>(kRedStepCount - 1);
  step = std::clamp(step, 0.0, top);
  const auto lo = static_cast<std::size_t>(std::floor(step));
  const std::size_t hi = std::min(lo + 1, kRedStepCount - 1);
  const double f = step - static_cast<double>(lo);
  std::array<double, kViolationTypeCount> out{};
  for (std::size_t k = 0; k < kViolationTypeCount; ++k) {
    out[k] = (1 - f) * sc.rates[lo].per_day * sc.rates[lo].share[k] +
             f * sc.rates[hi].per_day * sc.rates[hi].share[k];
  }
  return out;
}

}  // namespace

void Simulation::Rules::set_base_rates(Simulation& s) {
  const auto& weights = s.handles_->weights;
  const double rear = mean_step(s);
  for (map::RegionId r = 0; r < s.world_.threats.size(); ++r) {
    const std::uint32_t sector = s.handles_->sector_of[r];
    const double step = sector != kNone && sector < s.world_.sectors.size()
                            ? static_cast<double>(s.world_.sectors[sector].step)
                            : rear;
    const auto per_day = rates_at(s.scenario_, step);
    Threat& t = s.world_.threats[r];
    bring_up_to_date(s, t);
    for (std::size_t k = 0; k < kViolationTypeCount; ++k) {
      t.base[k] = per_day[k] * weights[r][k] / 24.0;
    }
    schedule_tick(s, r);
  }
  reschedule_flanks(s);  // the flank states' incidents follow Red's step too
}

void Simulation::Rules::bring_up_to_date(Simulation& s, Threat& t) {
  const double hours = (s.now() - t.excitation_at).as_hours();
  if (hours > 0) t.excitation *= std::exp(-rules::kDecayPerHour * hours);
  if (t.excitation < 1e-9) t.excitation = 0;
  t.excitation_at = s.now();
}

// Thinning (Lewis-Shedler): candidates come at the highest rate the region can have before
// its next change, and each is kept with probability rate(now) / bound. Whenever the bound
// could rise (escalation, a deterrent leaving, a regime change) the candidate is redrawn,
// which the Poisson process's lack of memory allows.
void Simulation::Rules::schedule_tick(Simulation& s, map::RegionId r) {
  Threat& t = s.world_.threats[r];
  s.world_.loop.cancel(t.tick);
  t.tick = EventId{};
  const double bound = rules::kNightFactor * deterrence(t) * (total(t.base) + t.excitation);
  t.bound = bound;
  if (bound <= 0) return;
  RandomStream& rng = *s.handles_->threat[r];
  const double hours = rng.exponential(1.0 / bound);
  // A region left with only the tail of its excitation (a staging area has no base rate) can
  // draw a candidate centuries away: none comes in any run, and a rise redraws it.
  if (hours > kNeverHours) return;
  t.tick = s.world_.loop.schedule_in(std::max(Duration::of_hours(hours), Duration::ms(1)),
                                     ThreatTick{r});
}

void Simulation::Rules::on_tick(Simulation& s, const ThreatTick& e) {
  Threat& t = s.world_.threats[e.region];
  t.tick = EventId{};
  bring_up_to_date(s, t);
  const double base = total(t.base);
  const double bound = t.bound;  // the rate this candidate was drawn at; rate(now) <= bound
  const double rate = time_of_day(s.now()) * deterrence(t) * (base + t.excitation);
  RandomStream& rng = *s.handles_->threat[e.region];
  if (bound > 0 && rng.uniform() * bound < rate) {
    // The type follows the base shares; excitation adds violations of the same mix.
    double pick = rng.uniform() * base;
    std::size_t type = 0;
    for (; type + 1 < kViolationTypeCount; ++type) {
      if (pick < t.base[type]) break;
      pick -= t.base[type];
    }
    occur(s, e.region, static_cast<ViolationType>(type));
  }
  schedule_tick(s, e.region);
}

std::uint32_t Simulation::Rules::open_violation(Simulation& s, map::RegionId r,
                                                ViolationType type) {
  World& w = s.world_;
  std::uint32_t slot;
  if (!w.free_violation_slots.empty()) {
    slot = w.free_violation_slots.back();
    w.free_violation_slots.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(w.violations.size());
    w.violations.emplace_back();
  }
  Violation& v = w.violations[slot];
  v = Violation{};
  v.serial = w.next_violation_serial++;
  v.type = type;
  v.region = r;
  v.at = s.now();
  return slot;
}

std::uint32_t Simulation::Rules::occur(Simulation& s, map::RegionId r, ViolationType type) {
  World& w = s.world_;
  const std::uint32_t slot = open_violation(s, r, type);
  Violation& v = w.violations[slot];
  // Red watches for an answer to what the force's doctrine says it answers with a unit.
  v.answerable = doctrine_level(s, v, region_escalation(s, r)) > ResponseLevel::Record;
  Measures& m = w.measures;
  ++m.violations;
  ++m.by_type[static_cast<std::size_t>(type)];
  ++m.by_region[r];
  ++m.today.by_type[static_cast<std::size_t>(type)];
  trace(s, TraceKind::Violation, v.serial, r, kNone, std::string(to_string(type)));
  // The force's standard and Red's yardstick: one event when they fall together (the default),
  // two when they do not.
  const Duration standard = s.scenario_.response_standard;
  const Duration yardstick = rules::kRedYardstick;
  std::uint8_t first = 0;
  if (standard <= yardstick) first |= StandardDue::kStandard;
  if (yardstick <= standard) first |= StandardDue::kYardstick;
  w.loop.schedule_in(std::min(standard, yardstick), StandardDue{slot, v.serial, first});
  if (standard != yardstick) {
    const std::uint8_t second =
        static_cast<std::uint8_t>((StandardDue::kStandard | StandardDue::kYardstick) & ~first);
    w.loop.schedule_in(std::max(standard, yardstick), StandardDue{slot, v.serial, second});
  }
  detect(s, slot);
  return slot;
}

void Simulation::Rules::excite(Simulation& s, map::RegionId r) {
  Threat& t = s.world_.threats[r];
  bring_up_to_date(s, t);
  // Jump alpha = n * beta: each unanswered violation brings n more on average (n < 1 keeps
  // the process stable: its long-run rate is base / (1 - n * share unanswered)).
  t.excitation += rules::kBranching * rules::kDecayPerHour;
  schedule_tick(s, r);
}

void Simulation::Rules::damp(Simulation& s, map::RegionId r) {
  Threat& t = s.world_.threats[r];
  bring_up_to_date(s, t);
  t.excitation *= rules::kPromptDamping;
  // The rate can only have fallen, so the pending candidate's bound still holds.
}

double Simulation::Rules::escalation_index(Simulation& s) {
  // Today's rate over the rate the scenario started at: Red's ladder and self-excitation.
  const auto start = rates_at(s.scenario_, static_cast<double>(start_step(s.scenario_.regime)));
  double base = 0, now = 0;
  for (map::RegionId r = 0; r < s.world_.threats.size(); ++r) {
    Threat& t = s.world_.threats[r];
    bring_up_to_date(s, t);
    for (std::size_t k = 0; k < kViolationTypeCount; ++k) {
      base += start[k] * s.handles_->weights[r][k] / 24.0;
    }
    now += total(t.base) + t.excitation;
  }
  return base > 0 ? now / base : 1.0;
}

double Simulation::Rules::region_escalation(Simulation& s, map::RegionId r) {
  Threat& t = s.world_.threats[r];
  bring_up_to_date(s, t);
  const double b = total(t.base);
  return b > 0 ? (b + t.excitation) / b : 1.0;
}

void Simulation::Rules::on_day_ends(Simulation& s) {
  World& w = s.world_;
  Measures& m = w.measures;
  m.today.escalation = escalation_index(s);
  m.today.regime = w.regime;
  m.today.steps.clear();
  for (const Sector& sec : w.sectors) m.today.steps.push_back(sec.step);
  m.today.in_theatre = units_in_theatre(s);
  m.days.push_back(m.today);
  trace(s, TraceKind::DayEnded, 0, kNone, kNone,
        "day " + std::to_string(m.today.day) + " escalation " + std::to_string(m.today.escalation));
  // Days in a row at twice the starting rate or more: a measure of how hot the line runs (a
  // ceasefire breaks when Red attacks, red.cpp, not on this count).
  m.days_above_threshold = m.today.escalation >= 2.0 ? m.days_above_threshold + 1 : 0;
  reinforce(s);
  // Munitions: European production refills a little; the US backstop refills more.
  const std::int32_t refill = w.us_support == UsSupport::Full ? 4 : 1;
  for (std::uint32_t u = 0; u < w.units.size(); ++u) {
    const UnitSpec& sp = spec(s, u);
    if (sp.munitions > 0)
      w.units[u].munitions = std::min(sp.munitions, w.units[u].munitions + refill);
  }
  flank_day_ends(s);
  m.today = DayRow{};
  m.today.day = m.days.back().day + 1;
  m.today.flank.assign(w.flanks.size(), 0);
  w.loop.schedule_in(Duration::days(1), DayEnds{});
}

}  // namespace rfsim::sim
