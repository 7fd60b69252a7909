// Turning a run's state into the renderer's plain-data scene.
#include "render/scene_of_run.hpp"

namespace rfsim::render {
namespace {

render::Glyph glyph_of(sim::UnitType t) {
  using G = render::Glyph;
  using U = sim::UnitType;
  switch (t) {
    case U::MechInfantry:
      return G::MechInfantry;
    case U::LightInfantry:
      return G::LightInfantry;
    case U::QuickReaction:
      return G::QuickReaction;
    case U::MonitoringTeam:
      return G::MonitoringTeam;
    case U::IsrDrone:
      return G::IsrDrone;
    case U::FighterSquadron:
      return G::FighterSquadron;
    case U::Awacs:
      return G::Awacs;
    case U::AirDefence:
      return G::AirDefence;
    case U::RocketArtillery:
      return G::RocketArtillery;
    case U::NavalTaskGroup:
      return G::NavalTaskGroup;
    case U::MaritimeDrones:
      return G::MaritimeDrones;
    case U::Logistics:
      return G::Logistics;
  }
  return G::LightInfantry;
}

bool kinetic(sim::ViolationType t) {
  return t == sim::ViolationType::Artillery || t == sim::ViolationType::SmallArms ||
         t == sim::ViolationType::GroundProbe;
}

std::string regime_title(sim::Regime r) {
  switch (r) {
    case sim::Regime::None:
      return "No ceasefire";
    case sim::Regime::Partial:
      return "Partial ceasefire";
    case sim::Regime::Full:
      return "Full ceasefire";
  }
  return "";
}

}  // namespace

render::Scene scene_of_run(const sim::Simulation& run) {
  const sim::World& w = run.world();
  const sim::Scenario& sc = run.scenario();
  render::Scene scene;
  scene.title = sim::format_clock(run.now()) + "   " + regime_title(w.regime) +
                "   US support: " + std::string(sim::to_string(w.us_support)) +
                "   violations: " + std::to_string(w.measures.violations) + "   " + sc.name;
  for (std::uint32_t u = 0; u < w.units.size(); ++u) {
    const sim::Unit& unit = w.units[u];
    if (unit.state == sim::UnitState::Withdrawn) continue;
    const sim::UnitSpec& spec = sc.units[unit.spec];
    render::UnitMarker m;
    m.where = run.unit_position(u);
    m.glyph = glyph_of(spec.type);
    m.label = sc.nations[spec.nation].code;
    m.id = u;
    scene.units.push_back(std::move(m));
    if (unit.state == sim::UnitState::Moving && unit.task != sim::kNone) {
      const sim::Violation& v = w.violations[unit.task];
      if (v.serial == unit.task_serial) {
        scene.responses.push_back({m.where, run.theatre().region(v.region).label});
      }
    }
  }
  for (const sim::Violation& v : w.violations) {
    if (v.serial == 0) continue;
    render::ViolationMarker m;
    m.where = run.theatre().region(v.region).label;
    m.kinetic = kinetic(v.type);
    m.detected = v.detected != sim::SimTime::max();
    scene.violations.push_back(m);
  }
  scene.link_condition.assign(w.link_condition.begin(), w.link_condition.end());
  return scene;
}

}  // namespace rfsim::render
