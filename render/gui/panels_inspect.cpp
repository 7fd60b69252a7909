// The inspector: everything the model holds about the selected unit or region.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <numeric>

#include "render/gui/panels.hpp"
#include "render/scene_of_run.hpp"

namespace rfsim::render::gui {

namespace {

std::string_view state_name(sim::UnitState s) {
  switch (s) {
    case sim::UnitState::Idle:
      return "idle (available)";
    case sim::UnitState::AwaitingApproval:
      return "awaiting national approval";
    case sim::UnitState::Moving:
      return "moving to a task";
    case sim::UnitState::OnTask:
      return "on task";
    case sim::UnitState::Returning:
      return "returning home";
    case sim::UnitState::Withdrawn:
      return "withdrawn";
    case sim::UnitState::Lost:
      return "LOST (destroyed or no longer fit to fight)";
  }
  return "";
}

std::string_view kind_name(map::RegionKind k) {
  switch (k) {
    case map::RegionKind::Oblast:
      return "oblast";
    case map::RegionKind::City:
      return "city";
    case map::RegionKind::ContactSector:
      return "contact-line sector";
    case map::RegionKind::SeaZone:
      return "sea zone";
    case map::RegionKind::Staging:
      return "staging area";
    case map::RegionKind::Country:
      return "neighbouring state";
    case map::RegionKind::Base:
      return "base";
    case map::RegionKind::Flank:
      return "flank state";
  }
  return "";
}

void row(const char* key, const std::string& value) {
  ImGui::TableNextColumn();
  ImGui::TextDisabled("%s", key);
  ImGui::TableNextColumn();
  ImGui::TextWrapped("%s", value.c_str());
}

bool begin_rows() {
  return ImGui::BeginTable("rows", 2, ImGuiTableFlags_SizingStretchProp);
}

std::string side_name(sim::Side s) {
  switch (s) {
    case sim::Side::Coalition:
      return "coalition (Reassurance Force)";
    case sim::Side::Ukraine:
      return "Ukraine (defends the line)";
    case sim::Side::Russia:
      return "Russia (Red: hostile)";
  }
  return "";
}

std::string step_name(sim::RedStep s) {
  std::string out(sim::to_string(s));
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string pct(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", 100 * x);
  return buf;
}

ImVec4 colour_of(Rgba c) {
  return ImVec4(static_cast<float>((c >> 24) & 0xff) / 255,
                static_cast<float>((c >> 16) & 0xff) / 255,
                static_cast<float>((c >> 8) & 0xff) / 255, 1);
}

// Red's posture in a contact sector and the fight there: the rows a sector's inspector adds.
void sector_rows(const sim::Simulation& run, std::uint32_t i) {
  const sim::Sector& sec = run.world().sectors[i];
  const sim::RedOutlook o = run.red_outlook(i);
  char buf[200];
  ImGui::TableNextColumn();
  ImGui::TextDisabled("Red's step");
  ImGui::TableNextColumn();
  ImGui::TextColored(colour_of(red_step_colour(sec.step)), "%s", step_name(sec.step).c_str());
  ImGui::SameLine();
  ImGui::TextWrapped("since %s", sim::format_clock(sec.step_since).c_str());
  std::snprintf(buf, sizeof buf, "up %s, down %s (hold %s)", pct(o.up).c_str(), pct(o.down).c_str(),
                pct(std::max(0.0, 1 - o.up - o.down)).c_str());
  row("next review", buf);
  row("defence holds", pct(o.defence_holds) + " if Red attacks here now");
  std::snprintf(buf, sizeof buf,
                "deterrent %.2f, impunity %.2f, US %.1f, cohesion %.2f, truce %.2f, "
                "commitment %.2f, losses %.2f, force ratio %.2f (score %.2f)",
                o.deterrent, o.impunity, o.us, o.cohesion, o.truce, o.commitment, o.losses, o.ratio,
                o.score);
  row("Red perceives", buf);
  const double depth = sector_depth_km(run, i);
  if (sec.gained_km2 == 0) {
    row("ground", "no change since the start");
  } else {
    std::snprintf(buf, sizeof buf, "%+.1f km2 to Red: the line %.2f km %s", sec.gained_km2,
                  std::abs(depth), depth > 0 ? "toward Ukraine's side" : "back toward Red's");
    row("ground", buf);
  }
  if (sec.battle) {
    std::snprintf(buf, sizeof buf,
                  "under way since %s: %.0f attacking %.0f at the start; judged to hold %s",
                  sim::format_clock(sec.battle_since).c_str(), sec.attacker_start,
                  sec.defender_start, pct(sec.odds).c_str());
    row("battle", buf);
  } else {
    row("battle", "none");
  }
}

void unit_inspector(const sim::Simulation& run, std::uint32_t u, UiState& ui) {
  const sim::World& w = run.world();
  const sim::Unit& unit = w.units[u];
  const sim::UnitSpec& spec = run.scenario().units[unit.spec];
  const sim::Nation& nation = run.scenario().nations[spec.nation];
  const map::Theatre& th = run.theatre();
  ImGui::TextColored(ImVec4(0.55f, 0.78f, 1, 1), "%s", spec.id.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("%s, %s", nation.name.c_str(),
                      std::string(sim::to_string(spec.type)).c_str());
  if (begin_rows()) {
    row("side", side_name(nation.side));
    row("state", std::string(state_name(unit.state)) + (unit.fighting ? ", fighting" : ""));
    {
      char buf[96];
      std::snprintf(buf, sizeof buf, "%.0f of %d at the start (%.0f%%)", unit.strength,
                    spec.strength, spec.strength > 0 ? 100 * unit.strength / spec.strength : 100.0);
      row("strength", buf);
    }
    if (unit.state == sim::UnitState::Moving || unit.state == sim::UnitState::Returning) {
      row("from", th.region(unit.at).name);
      row("to", th.region(unit.dest).name);
      row("arrives", sim::format_clock(unit.arrive));
    } else {
      row("at", th.region(unit.at).name);
    }
    row("home", th.region(spec.home).name);
    if (unit.task != sim::kNone && w.violations[unit.task].serial == unit.task_serial) {
      const sim::Violation& v = w.violations[unit.task];
      row("task", std::string(sim::to_string(v.type)) + " in " + th.region(v.region).name + ", " +
                      std::string(sim::to_string(v.level)) + " (since " + sim::format_clock(v.at) +
                      ")");
    }
    row("mobility", std::string(sim::to_string(spec.mobility)));
    row("notice to move", sim::format_duration(spec.notice));
    if (spec.munitions > 0)
      row("munitions", std::to_string(unit.munitions) + " of " + std::to_string(spec.munitions));
    const double busy = static_cast<double>(unit.busy_ms) /
                        std::max<double>(1.0, static_cast<double>(run.now().ms()));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f%% of the run so far", 100 * busy);
    row("time busy", buf);
    row("caveats",
        "up to " + std::string(sim::to_string(nation.max_level)) + "; approval ~" +
            sim::format_duration(nation.approval_median) +
            (nation.allowed.empty() ? "; anywhere"
                                    : "; " + std::to_string(nation.allowed.size()) + " regions") +
            (nation.refusal > 0
                 ? "; refuses " + std::to_string(static_cast<int>(nation.refusal * 100)) + "%"
                 : ""));
    ImGui::EndTable();
  }
  if (ImGui::Button("Centre map on unit")) ui.centre_on = run.unit_position(u);
  ImGui::SameLine();
  if (ImGui::Button("Its log")) {
    ui.nation_filter = static_cast<int>(spec.nation);
    ui.log_dirty = true;
  }
}

void region_inspector(const Session& session, map::RegionId r, UiState& ui) {
  const sim::Simulation& run = session.run();
  const sim::World& w = run.world();
  const map::Theatre& th = run.theatre();
  const map::Region& reg = th.region(r);
  ImGui::TextColored(ImVec4(0.55f, 0.78f, 1, 1), "%s", reg.name.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("%s, %s", std::string(kind_name(reg.kind)).c_str(), reg.country.c_str());
  if (begin_rows()) {
    char buf[64];
    if (reg.area_km2 > 0) {
      std::snprintf(buf, sizeof buf, "%.0f km2", reg.area_km2);
      row("area", buf);
    }
    if (reg.occupied_share > 0) {
      std::snprintf(buf, sizeof buf, "%.0f%% (2025)", 100 * reg.occupied_share);
      row("occupied", buf);
    }
    for (std::uint32_t i = 0; i < w.sectors.size(); ++i) {
      if (w.sectors[i].region == r) sector_rows(run, i);
    }
    if (r < w.measures.by_region.size())
      row("violations, whole run", std::to_string(w.measures.by_region[r]));
    int recent = 0;
    for (auto it = session.flares().rbegin();
         it != session.flares().rend() && it->at > run.now() - sim::Duration::hours(24); ++it) {
      recent += it->region == r;
    }
    row("violations, last 24 h", std::to_string(recent));
    if (r < w.threats.size()) {
      const auto& base = w.threats[r].base;
      const double per_day = 24 * std::accumulate(base.begin(), base.end(), 0.0);
      if (per_day > 0) {
        std::snprintf(buf, sizeof buf, "%.2f a day (regime's base rate)", per_day);
        row("threat", buf);
      }
    }
    int open = 0;
    for (const sim::Violation& v : w.violations) open += v.serial != 0 && v.region == r;
    row("open violations", std::to_string(open));
    std::string here;
    int n = 0;
    for (std::uint32_t u = 0; u < w.units.size(); ++u) {
      const sim::Unit& unit = w.units[u];
      const bool still = unit.state == sim::UnitState::Idle ||
                         unit.state == sim::UnitState::OnTask ||
                         unit.state == sim::UnitState::AwaitingApproval;
      if (still && unit.at == r) {
        if (n++ < 8) here += (here.empty() ? "" : ", ") + unit_name(run, u);
      }
    }
    if (n > 8) here += ", and " + std::to_string(n - 8) + " more";
    row("units here", n == 0 ? "none" : here);
    std::string links;
    for (map::LinkId l : th.links_of(r)) {
      const map::Link& link = th.link(l);
      const map::RegionId other = link.a == r ? link.b : link.a;
      if (!links.empty()) links += ", ";
      links += th.region(other).name;
      if (w.link_condition[l] < 1) links += " (cut)";
    }
    if (!links.empty()) row("links to", links);
    ImGui::EndTable();
  }
  if (ImGui::Button("Centre map")) ui.centre_on = reg.label;
  ImGui::SameLine();
  if (ImGui::Button("Filter log here")) {
    ui.region_filter = static_cast<int>(r);
    ui.log_dirty = true;
  }
}

}  // namespace

void panel_inspector(const Session& session, UiState& ui, const Layout& at) {
  ImGui::SetNextWindowPos(ImVec2(at.width - at.right_w, 0));
  ImGui::SetNextWindowSize(ImVec2(at.right_w, at.height * 0.42f));
  ImGui::Begin("Inspector", nullptr, kFixedPanel);
  const sim::Simulation& run = session.run();
  if (ui.selected.unit && *ui.selected.unit < run.world().units.size()) {
    unit_inspector(run, *ui.selected.unit, ui);
  } else if (ui.selected.region && *ui.selected.region < run.theatre().region_count()) {
    region_inspector(session, *ui.selected.region, ui);
  } else {
    ImGui::TextWrapped(
        "Click a unit or a region on the map (or a line of the event log) to "
        "see what the model holds about it.");
  }
  ImGui::End();
}

}  // namespace rfsim::render::gui
