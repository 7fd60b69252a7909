// Monitoring: which sensors cover a violation, whether each detects it, and after what delay.
// HQ learns of a violation from the first sensor that reports it, and keeps which one it was.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "sim/detail/rules.hpp"
#include "sim/sensors.hpp"

namespace rfsim::sim {
namespace {

/// Detection probability and median delay (minutes) of one sensor for one violation type.
struct Detection {
  double p = 0;
  double median_min = 0;
};

// Rows: sensors; columns: artillery, small arms, drone, airspace, naval, ground probe, hybrid.
// Figures are assumptions anchored on the SMM's practice (docs/model.md, "Monitoring").
constexpr Detection kTable[kSensorCount][kViolationTypeCount] = {
    // Camera: one of the fixed cameras on a contact sector (25 on ~500 km in 2019-21).
    {{0.20, 30}, {0.10, 30}, {0.05, 30}, {0, 0}, {0, 0}, {0.15, 30}, {0, 0}},
    // Patrol: a monitoring team in the region or next to it, by day only.
    {{0.60, 120}, {0.45, 120}, {0.30, 120}, {0.20, 180}, {0, 0}, {0.60, 120}, {0.50, 240}},
    // Drone: an ISR drone within 150 km, when on station and not jammed.
    {{0.70, 15}, {0.40, 15}, {0.50, 10}, {0, 0}, {0.50, 20}, {0.70, 15}, {0.10, 60}},
    // Air: fighters and AWACS within their radius.
    {{0, 0}, {0, 0}, {0.70, 5}, {0.95, 3}, {0.30, 10}, {0, 0}, {0, 0}},
    // Naval: a task group or maritime drones within 250 km.
    {{0, 0}, {0, 0}, {0.30, 10}, {0.20, 10}, {0.85, 20}, {0, 0}, {0, 0}},
    // The US intelligence feed (satellites, signals, drones), theatre-wide.
    {{0.50, 60}, {0.10, 90}, {0.60, 15}, {0.90, 5}, {0.80, 30}, {0.40, 60}, {0.20, 360}},
    // Host-nation security services: sabotage in Ukraine and in coalition states.
    {{0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0.70, 360}},
};

constexpr double kDroneOnStation = 0.6;     // endurance and rotation: share of time on station
constexpr double kDroneJammed = 0.25;       // sorties lost to jamming (SMM: frequent jamming)
constexpr double kCameraNightFactor = 0.6;  // cameras see less at night
constexpr double kDelaySigma = 0.6;         // log-normal spread of every reporting delay

bool on_duty(UnitState s) {
  return s == UnitState::Idle || s == UnitState::OnTask;
}

}  // namespace

std::string_view to_string(Sensor s) {
  static constexpr std::array<std::string_view, kSensorCount + 1> kNames = {
      "camera", "patrol", "drone", "air", "naval", "us_intel", "host_nation", "unknown"};
  return kNames.at(static_cast<std::size_t>(s));
}

std::string sensor_words(Sensor sensor, const std::string& unit_name) {
  switch (sensor) {
    case Sensor::Camera:
      return "a contact-line camera";
    case Sensor::UsIntel:
      return "the US intelligence feed";
    case Sensor::HostNation:
      return "the host nation's services";
    case Sensor::Unknown:
      return "a sensor not recorded";
    case Sensor::Patrol:
      return "the patrol of " + unit_name;
    default:
      return unit_name;
  }
}

std::string sensor_words(const Scenario& scenario, Sensor sensor, std::uint32_t unit) {
  if (unit >= scenario.units.size()) return sensor_words(sensor, std::string(to_string(sensor)));
  const UnitSpec& u = scenario.units[unit];
  std::string kind;
  switch (u.type) {
    case UnitType::MonitoringTeam:
      kind = "monitoring team";
      break;
    case UnitType::IsrDrone:
      kind = "ISR drone";
      break;
    case UnitType::FighterSquadron:
      kind = "fighter squadron";
      break;
    case UnitType::Awacs:
      kind = "AWACS";
      break;
    case UnitType::NavalTaskGroup:
      kind = "naval task group";
      break;
    case UnitType::MaritimeDrones:
      kind = "maritime drones";
      break;
    default:
      kind = std::string(to_string(u.type));
      break;
  }
  const std::string nation =
      u.nation < scenario.nations.size() ? scenario.nations[u.nation].code + " " : "";
  return sensor_words(sensor, nation + kind + " " + u.id);
}

void Simulation::Rules::detect(Simulation& s, std::uint32_t slot) {
  World& w = s.world_;
  const Violation& v = w.violations[slot];
  const std::size_t type = static_cast<std::size_t>(v.type);
  const map::Region& where = s.theatre_.region(v.region);
  SimTime first = SimTime::max();
  Sensor first_sensor = Sensor::Unknown;
  std::uint32_t first_unit = kNone;

  // Every sensor is drawn, in this order, whatever an earlier one gave: the streams' draws do
  // not depend on who reports first. A tie goes to the sensor drawn first.
  auto try_sensor = [&](Sensor sensor, double p_factor, RandomStream& rng,
                        std::uint32_t unit = kNone) {
    const Detection& d = kTable[static_cast<int>(sensor)][type];
    if (d.p <= 0) return;
    if (!rng.bernoulli(d.p * p_factor)) return;
    const double minutes = rng.lognormal(d.median_min, kDelaySigma);
    const SimTime t = s.now() + Duration::of_minutes(minutes);
    if (t < first) {
      first = t;
      first_sensor = sensor;
      first_unit = unit;
    }
  };

  if (where.kind == map::RegionKind::ContactSector && s.scenario_.cameras_per_sector > 0) {
    const double night = is_night(s.now()) ? kCameraNightFactor : 1.0;
    const double p1 = kTable[static_cast<int>(Sensor::Camera)][type].p * night;
    // Any of K cameras: 1 - (1 - p)^K, drawn once.
    const double any = 1.0 - std::pow(1.0 - p1, s.scenario_.cameras_per_sector);
    RandomStream& rng = *s.handles_->cameras;
    if (p1 > 0) try_sensor(Sensor::Camera, any / kTable[0][type].p, rng);
  }

  for (const std::uint32_t u : s.handles_->sensors) {  // in unit order, as before
    const Unit& unit = w.units[u];
    if (!on_duty(unit.state)) continue;
    const UnitSpec& sp = spec(s, u);
    switch (sp.type) {
      case UnitType::MonitoringTeam: {
        if (is_night(s.now())) break;  // SMM practice: no patrols at night
        const bool here = unit.at == v.region || s.theatre_.link_between(unit.at, v.region);
        if (here) try_sensor(Sensor::Patrol, 1.0, *s.handles_->detect[u], u);
        break;
      }
      case UnitType::IsrDrone:
        if (s.handles_->distance(unit.at, v.region) <= sensor_range_km(sp.type)) {
          try_sensor(Sensor::Drone, kDroneOnStation * (1 - kDroneJammed), *s.handles_->detect[u],
                     u);
        }
        break;
      case UnitType::FighterSquadron:
      case UnitType::Awacs:
        if (s.handles_->distance(unit.at, v.region) <= sensor_range_km(sp.type)) {
          try_sensor(Sensor::Air, 1.0, *s.handles_->detect[u], u);
        }
        break;
      case UnitType::NavalTaskGroup:
      case UnitType::MaritimeDrones:
        if (s.handles_->distance(unit.at, v.region) <= sensor_range_km(sp.type)) {
          try_sensor(Sensor::Naval, sp.type == UnitType::MaritimeDrones ? 0.6 : 1.0,
                     *s.handles_->detect[u], u);
        }
        break;
      default:
        break;
    }
  }

  if (w.us_support != UsSupport::Withdrawn) {
    try_sensor(Sensor::UsIntel, 1.0, *s.handles_->us_intel);
  }
  try_sensor(Sensor::HostNation, 1.0, *s.handles_->host_nation);

  if (first != SimTime::max()) {
    Violation& seen = w.violations[slot];
    seen.detect_due = first;
    seen.sensor = first_sensor;
    seen.sensor_unit = first_unit;
    w.loop.schedule_at(first, Detected{slot, v.serial});
  }
}

}  // namespace rfsim::sim
