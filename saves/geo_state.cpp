// Building the features of a run's state.
#include "saves/geo_state.hpp"

#include <array>

namespace rfsim::saves {
namespace {

std::string link_modes(std::uint8_t modes) {
  std::string out;
  const std::array<std::pair<std::uint8_t, const char*>, 4> names{
      {{map::kRoad, "road"}, {map::kRail, "rail"}, {map::kSea, "sea"}, {map::kAir, "air"}}};
  for (const auto& [bit, name] : names) {
    if ((modes & bit) != 0) out += (out.empty() ? "" : "+") + std::string(name);
  }
  return out;
}

std::string_view region_kind(map::RegionKind k) {
  switch (k) {
    case map::RegionKind::Oblast:
      return "oblast";
    case map::RegionKind::City:
      return "city";
    case map::RegionKind::ContactSector:
      return "contact_sector";
    case map::RegionKind::SeaZone:
      return "sea_zone";
    case map::RegionKind::Staging:
      return "staging";
    case map::RegionKind::Country:
      return "country";
    case map::RegionKind::Base:
      return "base";
    case map::RegionKind::Flank:
      return "flank_state";
  }
  return "?";
}

GeoValue time_or_null(sim::SimTime t) {
  return t == sim::SimTime::max() ? GeoValue{} : GeoValue{t};
}

GeoFeature unit_feature(const sim::Simulation& run, std::uint32_t u) {
  const sim::Scenario& sc = run.scenario();
  const map::Theatre& t = run.theatre();
  const sim::Unit& unit = run.world().units[u];
  GeoFeature f;
  f.layer = "units";
  f.name = sc.units[u].id;
  f.style = side_of(sc, u) == "russia" ? "hostile" : "friend";
  f.points = {run.unit_position(u)};
  f.time = run.now();
  f.properties = unit_properties(sc, t, u);
  f.properties.push_back({"state", std::string(to_string(unit.state))});
  const bool moving =
      unit.state == sim::UnitState::Moving || unit.state == sim::UnitState::Returning;
  f.properties.push_back({"region", t.region(unit.at).id});
  f.properties.push_back({"destination", moving ? GeoValue{t.region(unit.dest).id} : GeoValue{}});
  f.properties.push_back({"departs", moving ? GeoValue{unit.depart} : GeoValue{}});
  f.properties.push_back({"arrives", moving ? GeoValue{unit.arrive} : GeoValue{}});
  f.properties.push_back({"munitions", std::int64_t{unit.munitions}});
  return f;
}

GeoFeature violation_feature(const sim::Simulation& run, const sim::Violation& v) {
  const sim::Scenario& sc = run.scenario();
  const map::Theatre& t = run.theatre();
  GeoFeature f;
  f.layer = "violations";
  f.name = std::string(sim::to_string(v.type)) + " #" + std::to_string(v.serial);
  f.style = "violation";
  f.points = {t.region(v.region).label};
  f.time = v.at;
  const bool detected = v.detected != sim::SimTime::max();
  std::string refused;
  for (std::size_t n = 0; n < sc.nations.size(); ++n) {
    if ((v.refusals >> n) & 1u) refused += (refused.empty() ? "" : " ") + sc.nations[n].code;
  }
  f.properties = {
      {"id", static_cast<std::int64_t>(v.serial)},
      {"type", std::string(sim::to_string(v.type))},
      {"region", t.region(v.region).id},
      {"detected", detected},
      {"detected_time", time_or_null(v.detected)},
      {"level", detected ? GeoValue{std::string(sim::to_string(v.level))} : GeoValue{}},
      {"responder", v.responder == sim::kNone ? GeoValue{} : GeoValue{sc.units[v.responder].id}},
      {"refused_by", refused},
      {"standard_passed", v.standard_passed},
  };
  return f;
}

GeoFeature region_feature(const sim::Simulation& run, map::RegionId r) {
  const map::Region& reg = run.theatre().region(r);
  const sim::World& w = run.world();
  GeoFeature f;
  f.layer = "regions";
  f.name = reg.name;
  f.style = "region";
  if (!reg.polygons.empty()) {
    f.shape = GeoShape::Polygon;
    f.polygons = reg.polygons;
  } else if (reg.line.size() >= 2) {
    f.shape = GeoShape::LineString;
    f.points = reg.line;
  } else {
    f.points = {reg.label};
  }
  std::int64_t open = 0;
  for (const sim::Violation& v : w.violations) open += v.serial != 0 && v.region == r;
  f.properties = {
      {"id", reg.id},
      {"kind", std::string(region_kind(reg.kind))},
      {"country", reg.country},
      {"occupied_share", reg.occupied_share},
      {"armed_presence", r < w.threats.size() ? w.threats[r].armed_strength : 0.0},
      {"open_violations", open},
  };
  return f;
}

}  // namespace

std::string_view side_of(const sim::Scenario& scenario, std::uint32_t unit) {
  return sim::to_string(scenario.nations.at(scenario.units.at(unit).nation).side);
}

std::string sidc_of(const sim::Scenario& scenario, std::uint32_t unit) {
  const sim::UnitSpec& spec = scenario.units.at(unit);
  const sim::StandardIdentity identity = side_of(scenario, unit) == "russia"
                                             ? sim::StandardIdentity::Hostile
                                             : sim::StandardIdentity::Friend;
  return sim::unit_sidc(spec.type, identity, sim::echelon_for(spec.type, spec.strength));
}

std::vector<GeoProperty> unit_properties(const sim::Scenario& scenario, const map::Theatre& theatre,
                                         std::uint32_t unit) {
  const sim::UnitSpec& spec = scenario.units.at(unit);
  const sim::Nation& nation = scenario.nations.at(spec.nation);
  return {
      {"id", spec.id},
      {"nation", nation.code},
      {"nation_name", nation.name},
      {"side", std::string(side_of(scenario, unit))},
      {"type", std::string(sim::to_string(spec.type))},
      {"sidc", sidc_of(scenario, unit)},
      {"strength", std::int64_t{spec.strength}},
      {"mobility", std::string(sim::to_string(spec.mobility))},
      {"home", theatre.region(spec.home).id},
  };
}

GeoDocument state_document(const sim::Simulation& run) {
  const sim::Scenario& sc = run.scenario();
  const map::Theatre& t = run.theatre();
  const sim::World& w = run.world();
  GeoDocument doc;
  doc.title = sc.name + " at " + sim::format_clock(run.now());
  doc.layers = {"units", "violations", "regions", "line_of_contact", "cut_links"};
  doc.about = {
      {"scenario", sc.name},
      {"seed", static_cast<std::int64_t>(sc.seed)},
      {"time", run.now()},
      {"clock", sim::format_clock(run.now())},
      {"regime", std::string(sim::to_string(w.regime))},
      {"us_support", std::string(sim::to_string(w.us_support))},
  };
  for (std::uint32_t u = 0; u < w.units.size(); ++u) doc.features.push_back(unit_feature(run, u));
  for (const sim::Violation& v : w.violations) {
    if (v.serial != 0) doc.features.push_back(violation_feature(run, v));
  }
  for (map::RegionId r = 0; r < t.region_count(); ++r)
    doc.features.push_back(region_feature(run, r));
  if (t.contact_line().size() >= 2) {
    GeoFeature line;
    line.layer = "line_of_contact";
    line.name = "line of contact";
    line.style = "contact";
    line.shape = GeoShape::LineString;
    std::string through;
    for (const map::ContactPoint& p : t.contact_line()) {
      line.points.push_back(p.where);
      through += (through.empty() ? "" : ", ") + p.name;
    }
    line.properties = {{"through", through}, {"as_of", std::string("2025")}};
    doc.features.push_back(std::move(line));
  }
  for (map::LinkId l = 0; l < t.link_count() && l < w.link_condition.size(); ++l) {
    if (w.link_condition[l] >= 1.0) continue;
    const map::Link& link = t.link(l);
    GeoFeature f;
    f.layer = "cut_links";
    f.name = t.region(link.a).id + " - " + t.region(link.b).id;
    f.style = "cut";
    f.shape = GeoShape::LineString;
    f.points = {t.region(link.a).hub, t.region(link.b).hub};
    f.properties = {{"from", t.region(link.a).id},
                    {"to", t.region(link.b).id},
                    {"modes", link_modes(link.modes)},
                    {"condition", w.link_condition[l]},
                    {"length_km", link.length_km}};
    doc.features.push_back(std::move(f));
  }
  return doc;
}

}  // namespace rfsim::saves
