// Turning a cell's picture of a run into the renderer's plain-data scene.
#include "render/scene_of_run.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "play/cell.hpp"
#include "render/front_line.hpp"
#include "sim/air_defence.hpp"

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

constexpr Rgba rgba(int r, int g, int b, int a = 255) {
  return static_cast<Rgba>((r << 24) | (g << 16) | (b << 8) | a);
}

// "compliance" .. "general offensive", for the legend.
std::string step_words(sim::RedStep s) {
  std::string out(sim::to_string(s));
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  return out;
}

// "UA", or "RU 60%" for a unit at 90% of its starting strength or less (to the nearest 5%,
// so the label atlas holds a few dozen labels, not one per casualty).
std::string unit_label(const std::string& code, double strength, std::int32_t start) {
  if (start <= 0) return code;
  const int pct = static_cast<int>(std::lround(20.0 * std::max(0.0, strength) / start)) * 5;
  if (pct >= 95) return code;  // "UA 95%" would say more than a few casualties mean
  return code + " " + std::to_string(pct) + "%";
}

// "+59 km2", "-12 km2"; empty under half a km2.
std::string gain_text(double km2) {
  if (std::abs(km2) < 0.5) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.0f km2", km2);
  return buf;
}

}  // namespace

Rgba red_step_colour(sim::RedStep step) {
  static constexpr std::array<Rgba, sim::kRedStepCount> kStep{
      rgba(46, 150, 80),   // compliance: the truce kept
      rgba(226, 192, 30),  // harassment
      rgba(240, 128, 30),  // pressure
      rgba(176, 36, 140),  // limited offensive: magenta, apart from the line's red
      rgba(80, 16, 80)};   // general offensive
  return kStep[std::min<std::size_t>(static_cast<std::size_t>(step), kStep.size() - 1)];
}

double sector_depth_km(const sim::Simulation& run, std::uint32_t sector) {
  const sim::Sector& sec = run.world().sectors.at(sector);
  return advance_depth_km(sec.gained_km2, line_length_km(run.theatre().region(sec.region).line));
}

render::Scene scene_of_picture(const play::Picture& pic, const map::Theatre& th,
                               const sim::Scenario& sc) {
  std::vector<std::string> codes;
  for (const sim::Nation& n : sc.nations) codes.push_back(n.code);
  return scene_of_picture(pic, th, codes);
}

render::Scene scene_of_picture(const play::Picture& pic, const map::Theatre& th,
                               const std::vector<std::string>& nation_codes) {
  render::Scene scene;
  // White's title is the truth's; another cell's says whose picture it is and counts the
  // violations that cell knows of.
  const bool white = pic.cell == play::Cell::White;
  scene.title = sim::format_clock(pic.now) + "   " + regime_title(pic.regime) +
                "   US support: " + std::string(sim::to_string(pic.us_support)) +
                (pic.cell == play::Cell::Blue ? "   violations detected: " : "   violations: ") +
                std::to_string(pic.violations_known) + "   " + pic.scenario;
  if (!white) scene.title += "   (" + play::cell_title(pic.cell) + "'s picture)";
  // The line where it stands: each sector's stretch moved by the ground it has changed hands.
  std::vector<FrontStretch> stretches;
  for (const play::SectorView& sec : pic.sectors) {
    const std::vector<map::LonLat>& line = th.region(sec.region).line;
    stretches.push_back({line, advance_depth_km(sec.gained_km2, line_length_km(line))});
  }
  const std::vector<std::vector<map::LonLat>> moved = moved_front(stretches);
  std::vector<std::uint32_t> sector_at(th.region_count(), sim::kNone);  // per region
  bool steps_known = false;
  for (std::uint32_t i = 0; i < pic.sectors.size(); ++i) {
    const play::SectorView& sec = pic.sectors[i];
    render::SectorMarker m;
    m.line = moved[i];
    m.original = stretches[i].line;
    m.colour = sec.step ? red_step_colour(*sec.step) : kStepUnknownColour;
    steps_known = steps_known || sec.step.has_value();
    m.battle = sec.battle;
    m.gain = gain_text(sec.gained_km2);
    scene.sectors.push_back(std::move(m));
    if (sec.region < sector_at.size()) sector_at[sec.region] = i;
  }
  if (steps_known) {
    for (std::size_t k = 0; k < sim::kRedStepCount; ++k) {
      const auto step = static_cast<sim::RedStep>(k);
      scene.legend.push_back({red_step_colour(step), "Red: " + step_words(step)});
    }
  } else if (!pic.sectors.empty()) {
    scene.legend.push_back({kStepUnknownColour, "Red's step: not known"});
  }
  for (const play::UnitView& unit : pic.units) {
    // Withdrawn units have gone home; lost ones are no longer a force on the ground (the
    // inspector and the log still have them). Another side's are in a picture only if in
    // the field.
    if (unit.state &&
        (*unit.state == sim::UnitState::Withdrawn || *unit.state == sim::UnitState::Lost)) {
      continue;
    }
    // A seat's codes come from the host's welcome: a unit of a nation it did not name is
    // labelled by its index rather than read past the list.
    const std::string code = unit.nation < nation_codes.size() ? nation_codes[unit.nation]
                                                               : "#" + std::to_string(unit.nation);
    render::UnitMarker m;
    m.where = unit.where;
    m.glyph = glyph_of(unit.type);
    m.side = unit.side == sim::Side::Russia ? Affiliation::Hostile : Affiliation::Friendly;
    m.label = unit_label(code, unit.strength, unit.strength_start);
    // Another side's unit last reported over an hour ago says how old the report is, to the
    // hour (so the label atlas stays small): "UA 3h".
    const std::int64_t age_h = (pic.now - unit.seen).count_ms() / 3'600'000;
    if (!unit.own && age_h >= 1) m.label += " " + std::to_string(age_h) + "h";
    m.id = unit.id;
    // A Russian formation facing a sector stands across the line from the sector's label
    // (which is on the side Ukraine holds), so the room sees the two sides face each other.
    const bool moving = unit.state && (*unit.state == sim::UnitState::Moving ||
                                       *unit.state == sim::UnitState::Returning);
    if (m.side == Affiliation::Hostile && !moving && unit.at < sector_at.size() &&
        sector_at[unit.at] != sim::kNone) {
      m.where = across_line(scene.sectors[sector_at[unit.at]].line, th.region(unit.at).label);
    }
    scene.units.push_back(std::move(m));
    if (unit.state == sim::UnitState::Moving && unit.task != sim::kNone) {
      scene.responses.push_back({m.where, th.region(unit.task_region).label});
    }
  }
  for (const play::UnitView& unit : pic.units) {
    // A deployment from home or station: its route and means, the unit on it (own units only:
    // another side's journey is not in the picture).
    if (!unit.own || unit.state != sim::UnitState::Deploying || unit.route.size() < 2) continue;
    render::TransitLine line;
    for (map::RegionId r : unit.route) line.route.push_back(th.region(r).label);
    // To the minute, rounded up: the map is read from across a room ("D+22 03:44").
    const std::int64_t minute = 60'000;
    const std::int64_t at = std::min(unit.arrive.ms(), sim::SimTime::max().ms() - minute);
    const std::int64_t up = (at + minute - 1) / minute * minute;
    std::string when = sim::format_clock(sim::SimTime::at(sim::Duration::ms(up)));
    if (when.size() > 3 && when[when.size() - 3] == ':') when.resize(when.size() - 3);
    line.mode = "by " + std::string(sim::to_string(unit.by)) + ", arrives " + when;
    scene.transits.push_back(std::move(line));
  }
  // The flank states' air defence is the coalition's to know, as its sensors' coverage is.
  if (pic.cell != play::Cell::Red) {
    for (const sim::AirDefenceSite& site : sim::air_defence_sites()) {
      scene.air_defence.push_back({site.at, site.range_km, std::string(site.system)});
    }
  }
  for (const play::ViolationView& v : pic.violations) {
    if (v.flank_kind > 0 && v.flank_kind <= sim::kFlankIncidentCount) {
      // An incident in a flank state: its own marker, fading over the time it stays open.
      const auto kind = static_cast<sim::FlankIncident>(v.flank_kind - 1);
      render::FlankMarker m;
      m.where = th.region(v.region).label;
      m.kind = static_cast<render::FlankKind>(v.flank_kind - 1);
      m.outcome = v.held_fire > 0   ? render::Engagement::HeldFire
                  : v.missed > 0    ? render::Engagement::Missed
                  : v.shot_down > 0 ? render::Engagement::Killed
                                    : render::Engagement::None;
      const double age = static_cast<double>((pic.now - v.at).count_ms());
      const double open = static_cast<double>(sim::flank_open_for(kind).count_ms());
      m.fade = static_cast<float>(std::clamp(1.0 - 0.7 * age / std::max(1.0, open), 0.3, 1.0));
      m.serial = v.serial;
      scene.flank.push_back(m);
      continue;
    }
    render::ViolationMarker m;
    m.where = th.region(v.region).label;
    m.kinetic = kinetic(v.type);
    // Hollow only where the cell knows HQ has not detected it: White's view.
    m.detected = !v.detection_known || v.detected <= pic.now;
    scene.violations.push_back(m);
  }
  scene.link_condition.assign(pic.link_condition.begin(), pic.link_condition.end());
  return scene;
}

render::Scene scene_of_run(const sim::Simulation& run) {
  return scene_of_picture(play::picture_of(run, play::Cell::White, false), run.theatre(),
                          run.scenario());
}

}  // namespace rfsim::render
