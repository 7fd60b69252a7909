// The inspector: what the cell's picture holds about the selected unit or region (White's:
// everything the model holds).
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>
#include <vector>

#include "play/picture.hpp"
#include "render/front_line.hpp"
#include "render/gui/panels.hpp"
#include "render/scene_of_run.hpp"
#include "sim/air_defence.hpp"
#include "sim/deployment_view.hpp"
#include "sim/sensors.hpp"

namespace rfsim::render::gui {

namespace {

// An inspector's heading: the name in its colour and what it is, greyed, beside it when the
// panel has room, else under it; both wrap rather than run past the panel's edge.
void inspector_heading(const ImVec4& colour, const std::string& name, const std::string& what) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextWrapped("%s", name.c_str());
  ImGui::PopStyleColor();
  same_line_if_fits(ImGui::CalcTextSize(what.c_str()).x);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", what.c_str());
  ImGui::PopStyleColor();
}

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
    case sim::UnitState::AtHome:
      return "at home (not in the force until surged)";
    case sim::UnitState::Deploying:
      return "deploying";
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

// The rows drawn this frame, as "key: value", into UiState::inspected while panel_inspector
// runs (the window draws on one thread): what the tests read of the inspector.
std::vector<std::string>* drawn_rows = nullptr;

void row(const char* key, const std::string& value) {
  if (drawn_rows != nullptr) drawn_rows->push_back(std::string(key) + ": " + value);
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

// Red's posture in a contact sector and the fight there, as far as the cell's picture has
// them: the rows a sector's inspector adds.
void sector_rows(const sim::Simulation& run, const play::Picture& pic, std::uint32_t i) {
  const play::SectorView& sec = pic.sectors[i];
  char buf[200];
  if (sec.step) {
    ImGui::TableNextColumn();
    ImGui::TextDisabled("Red's step");
    ImGui::TableNextColumn();
    ImGui::TextColored(colour_of(red_step_colour(*sec.step)), "%s", step_name(*sec.step).c_str());
    ImGui::SameLine();
    ImGui::TextWrapped("since %s", sim::format_clock(sec.step_since).c_str());
    if (drawn_rows != nullptr) drawn_rows->push_back("Red's step: " + step_name(*sec.step));
  } else {
    row("Red's step", "not known to " + play::cell_title(pic.cell));
  }
  if (const std::optional<sim::RedOutlook> o = play::outlook_of(run, pic.cell, i)) {
    std::snprintf(buf, sizeof buf, "up %s, down %s (hold %s)", pct(o->up).c_str(),
                  pct(o->down).c_str(), pct(std::max(0.0, 1 - o->up - o->down)).c_str());
    row("next review", buf);
    row("defence holds", pct(o->defence_holds) + " if Red attacks here now");
    std::snprintf(buf, sizeof buf,
                  "deterrent %.2f, impunity %.2f, US %.1f, cohesion %.2f, truce %.2f, "
                  "commitment %.2f, losses %.2f, force ratio %.2f (score %.2f)",
                  o->deterrent, o->impunity, o->us, o->cohesion, o->truce, o->commitment, o->losses,
                  o->ratio, o->score);
    row("Red perceives", buf);
  }
  const std::vector<map::LonLat>& line = run.theatre().region(sec.region).line;
  const double depth = advance_depth_km(sec.gained_km2, line_length_km(line));
  if (sec.gained_km2 == 0) {
    row("ground", "no change since the start");
  } else {
    std::snprintf(buf, sizeof buf, "%+.1f km2 to Red: the line %.2f km %s", sec.gained_km2,
                  std::abs(depth), depth > 0 ? "toward Ukraine's side" : "back toward Red's");
    row("ground", buf);
  }
  if (!sec.battle) {
    row("battle", "none");
  } else if (sec.battle_odds && pic.cell == play::Cell::White) {
    const sim::Sector& truth = run.world().sectors[i];
    std::snprintf(buf, sizeof buf,
                  "under way since %s: %.0f attacking %.0f at the start; judged to hold %s",
                  sim::format_clock(sec.battle_since).c_str(), truth.attacker_start,
                  truth.defender_start, pct(*sec.battle_odds).c_str());
    row("battle", buf);
  } else if (sec.battle_odds) {
    std::snprintf(buf, sizeof buf, "under way since %s; judged to hold %s",
                  sim::format_clock(sec.battle_since).c_str(), pct(*sec.battle_odds).c_str());
    row("battle", buf);
  } else {
    row("battle", "under way since " + sim::format_clock(sec.battle_since));
  }
}

// Another side's unit as the cell's picture has it: where it was last seen, its strength as
// assessed, nothing of what it is doing.
void seen_unit_inspector(const sim::Simulation& run, const play::UnitView& v, UiState& ui) {
  const sim::UnitSpec& spec = run.scenario().units[run.world().units[v.id].spec];
  const sim::Nation& nation = run.scenario().nations[v.nation];
  inspector_heading(ImVec4(0.55f, 0.78f, 1, 1), spec.id,
                    nation.name + ", " + std::string(sim::to_string(v.type)));
  if (begin_rows()) {
    row("side", side_name(v.side));
    row("state", "not known to " + play::cell_title(ui.cell));
    char buf[96];
    std::snprintf(buf, sizeof buf, "about %.0f of %d at the start (%.0f%%, assessed)", v.strength,
                  v.strength_start,
                  v.strength_start > 0 ? 100 * v.strength / v.strength_start : 100.0);
    row("strength", buf);
    row("last seen at", run.theatre().region(v.at).name);
    ImGui::EndTable();
  }
  if (ImGui::Button("Centre map on unit")) ui.centre_on = v.where;
}

void unit_inspector(const sim::Simulation& run, std::uint32_t u, UiState& ui) {
  const sim::World& w = run.world();
  const sim::Unit& unit = w.units[u];
  const sim::UnitSpec& spec = run.scenario().units[unit.spec];
  const sim::Nation& nation = run.scenario().nations[spec.nation];
  const map::Theatre& th = run.theatre();
  inspector_heading(ImVec4(0.55f, 0.78f, 1, 1), spec.id,
                    nation.name + ", " + std::string(sim::to_string(spec.type)));
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
    if (const std::string why = sim::deployment_line(run, u); !why.empty()) row("deployment", why);
    if (const std::string when = sim::arrival_line(run, u); !when.empty()) row("arrival", when);
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
  if (named_button(ui, "inspect/centre", "Centre map on unit")) ui.centre_on = run.unit_position(u);
  same_line_if_fits(button_width("Its log"));
  if (named_button(ui, "inspect/its_log", "Its log")) {
    ui.nation_filter = static_cast<int>(spec.nation);
    ui.log_dirty = true;
  }
}

void region_inspector(const Session& session, const play::Picture& pic, map::RegionId r,
                      UiState& ui) {
  const sim::Simulation& run = session.run();
  const bool white = pic.cell == play::Cell::White;
  const sim::World& w = run.world();
  const map::Theatre& th = run.theatre();
  const map::Region& reg = th.region(r);
  inspector_heading(ImVec4(0.55f, 0.78f, 1, 1), reg.name,
                    std::string(kind_name(reg.kind)) + ", " + reg.country);
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
    for (std::uint32_t i = 0; i < pic.sectors.size(); ++i) {
      if (pic.sectors[i].region == r) sector_rows(run, pic, i);
    }
    // The whole run's count and the threat's rate are the truth's (Red knows what it did).
    if (pic.cell != play::Cell::Blue && r < w.measures.by_region.size())
      row("violations, whole run", std::to_string(w.measures.by_region[r]));
    int recent = 0;
    for (auto it = session.flares().rbegin();
         it != session.flares().rend() && it->at > run.now() - sim::Duration::hours(24); ++it) {
      recent += it->region == r && cell_sees(pic.cell, *it);
    }
    row(pic.cell == play::Cell::Blue ? "violations detected, last 24 h" : "violations, last 24 h",
        std::to_string(recent));
    if (white && r < w.threats.size()) {
      const auto& base = w.threats[r].base;
      const double per_day = 24 * std::accumulate(base.begin(), base.end(), 0.0);
      if (per_day > 0) {
        std::snprintf(buf, sizeof buf, "%.2f a day (regime's base rate)", per_day);
        row("threat", buf);
      }
    }
    int open = 0;
    for (const play::ViolationView& v : pic.violations) open += v.region == r;
    row("open violations", std::to_string(open));
    std::string here;
    int n = 0;
    for (const play::UnitView& unit : pic.units) {
      // Another side's unit stands where it was last seen (its state is not known).
      const bool still = !unit.state || *unit.state == sim::UnitState::Idle ||
                         *unit.state == sim::UnitState::OnTask ||
                         *unit.state == sim::UnitState::AwaitingApproval;
      if (still && unit.at == r) {
        if (n++ < 8) here += (here.empty() ? "" : ", ") + unit_name(run, unit.id);
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
  if (named_button(ui, "inspect/centre", "Centre map")) ui.centre_on = reg.label;
  same_line_if_fits(button_width("Filter log here"));
  if (named_button(ui, "inspect/filter_log", "Filter log here")) {
    ui.region_filter = static_cast<int>(r);
    ui.log_dirty = true;
  }
}

// The log's records about one violation, in time order.
std::vector<const sim::TraceRecord*> records_of(const Session& session, std::uint64_t serial) {
  std::vector<const sim::TraceRecord*> out;
  for (const sim::TraceRecord& r : session.log()) {
    if (r.violation == serial) out.push_back(&r);
  }
  return out;
}

// Who told HQ of a violation and how long after it happened: "UK ISR drone uk-isr, 23 min
// after it happened".
std::string reported_by(const Session& session, std::uint64_t serial, sim::Duration after) {
  const play::SensorBook::Entry* seen = session.sensors().find(serial, session.now());
  if (seen == nullptr) {
    return "not known here: this window did not see the report made (a save keeps a "
           "violation's sensor only while the violation is open)";
  }
  return sim::sensor_words(session.run().scenario(), seen->sensor, seen->unit) + ", " +
         minutes_text(after) + " after it happened";
}

// How the violation ended, in words: answered by a unit, recorded only, blocked, refused.
std::string outcome_of(const sim::Simulation& run,
                       const std::vector<const sim::TraceRecord*>& recs) {
  std::string out = "open";
  for (const sim::TraceRecord* r : recs) {
    switch (r->kind) {
      case sim::TraceKind::Detected:
        out = r->detail == "record" ? "recorded only: the monitors' report is the answer"
                                    : "detected; HQ seeks a unit for " + r->detail;
        break;
      case sim::TraceKind::Dispatched:
        out = "sent: " + r->detail;
        break;
      case sim::TraceKind::Arrived:
        out = "answered by a unit: " + unit_name(run, r->unit) + " arrived " +
              sim::format_clock(r->time);
        break;
      case sim::TraceKind::Blocked:
        out = "blocked: " + r->detail;
        break;
      case sim::TraceKind::Unanswered:
        if (out.starts_with("answered")) break;
        out = "unanswered: " + r->detail;
        break;
      case sim::TraceKind::Decision:
        if (r->detail == "HQ: record only") out = "HQ chose to record only";
        break;
      default:
        break;
    }
  }
  return out;
}

std::string lognormal_text(const sim::WhyRecord& w) {
  // The middle 90% of a log-normal: median x e^(+-1.645 sigma).
  char buf[200];
  std::snprintf(
      buf, sizeof buf, "%s drawn; log-normal, median %s, 90%% between %s and %s",
      minutes_text(sim::Duration::of_minutes(w.value)).c_str(),
      minutes_text(sim::Duration::of_minutes(w.median)).c_str(),
      minutes_text(sim::Duration::of_minutes(w.median * std::exp(-1.645 * w.sigma))).c_str(),
      minutes_text(sim::Duration::of_minutes(w.median * std::exp(1.645 * w.sigma))).c_str());
  return buf;
}

// HQ's candidates for one tasking: unit, ETA, what became of it. `first` is the unit asked
// for when HQ chose alone (auto), marked as such.
void candidate_table(const sim::Simulation& run, const sim::WhyRecord& w, int n) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("HQ looked for a unit for %s at %s:", w.level.c_str(),
                     sim::format_clock(w.time).c_str());
  ImGui::PopStyleColor();
  if (w.candidates.empty()) {
    ImGui::TextWrapped("no capable unit in the force");
    if (drawn_rows != nullptr) drawn_rows->push_back("candidates: none capable");
    return;
  }
  ImGui::PushID(n);
  if (ImGui::BeginTable("cands", 3,
                        ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH)) {
    // Every cell wraps: a narrow inspector at a large scale cuts nothing off.
    ImGui::TableSetupColumn("unit", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("ETA", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn("why (not)", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();
    bool first_eligible = true;
    for (const sim::WhyCandidate& c : w.candidates) {
      const std::string name = unit_name(run, c.unit);
      const std::string eta = c.has_eta ? minutes_text(c.eta) : "-";
      std::string why = c.reason;
      if (why.empty()) {
        why = first_eligible ? "eligible, nearest" : "eligible";
        first_eligible = false;
      }
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", name.c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", eta.c_str());
      ImGui::TableNextColumn();
      if (c.reason.empty()) {
        ImGui::TextColored(ImVec4(0.55f, 0.9f, 0.55f, 1), "%s", why.c_str());
      } else {
        ImGui::TextWrapped("%s", why.c_str());
      }
      if (drawn_rows != nullptr)
        drawn_rows->push_back("candidate: " + name + " | " + eta + " | " + why);
    }
    ImGui::EndTable();
  }
  ImGui::PopID();
  if (w.not_listed > 0) ImGui::TextDisabled("and %u more not listed", w.not_listed);
}

// A decision asked about the violation: its options, doctrine's choice, and the answer.
void decision_rows(const Session& session, const sim::Decision& d) {
  const sim::Simulation& run = session.run();
  std::string answer = "not answered yet";
  const std::optional<std::size_t> given = answer_command(session, d.id);
  if (given) {
    const sim::Command& c = session.recording().commands()[*given];
    answer =
        "option " + std::to_string(c.inject.option) + ", by a player at " + sim::format_clock(c.at);
  }
  const char* who = d.kind == sim::Decision::Kind::Approval ? "the capital" : "HQ";
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("Decision %llu asked of %s at %s:", static_cast<unsigned long long>(d.id), who,
                     sim::format_clock(d.asked).c_str());
  ImGui::PopStyleColor();
  for (std::size_t i = 0; i < d.options.size(); ++i) {
    const sim::DecisionOption& o = d.options[i];
    std::string text =
        std::to_string(i) + ". " +
        (o.unit == sim::kNone
             ? std::string(d.kind == sim::Decision::Kind::Approval ? "refuse" : "record only")
             : unit_name(run, o.unit) + ": ETA " + minutes_text(o.eta) + ", " +
                   pct(o.p_in_standard) + " in standard");
    if (static_cast<std::int32_t>(i) == d.doctrine) text += "  (doctrine)";
    ImGui::BulletText("%s", text.c_str());
    if (drawn_rows != nullptr) drawn_rows->push_back("option: " + text);
  }
  if (begin_rows()) {
    row("answered", answer);
    ImGui::EndTable();
  }
}

// An incident in a flank state: what it was, who saw it, how air policing answered it and what
// followed, from the event log's records about it (the state keeps its slot only while it is
// open, so a closed one is answered the same way).
void flank_inspector(const Session& session, const std::vector<const sim::TraceRecord*>& recs,
                     const FlankRecord& f, UiState& ui) {
  const sim::Simulation& run = session.run();
  const sim::TraceRecord& first = *recs.front();
  const map::Region& region = run.theatre().region(first.region);
  inspector_heading(ImVec4(0.75f, 0.45f, 0.95f, 1), first.detail,
                    "#" + std::to_string(first.violation) + " at " + sim::format_clock(first.time));
  if (drawn_rows != nullptr) drawn_rows->push_back("flank incident: " + first.detail);
  const sim::TraceRecord* engagement = nullptr;
  std::vector<const sim::TraceRecord*> followed;
  for (const sim::TraceRecord* r : recs) {
    if (r->kind == sim::TraceKind::Engagement) engagement = r;
    if (r->kind == sim::TraceKind::Decision) followed.push_back(r);
  }
  if (!begin_rows()) return;
  std::string kind(sim::to_string(f.kind));
  if (const std::size_t of = first.detail.find(" of "); of != std::string::npos) {
    kind += ", salvo" + first.detail.substr(of, first.detail.find(" in ", of) - of);
  }
  row("kind", kind);
  row("where", region.name);
  const sim::SimTime closes = first.time + sim::flank_open_for(f.kind);
  row("state", run.now() < closes
                   ? "open until " + sim::format_clock(closes)
                   : "closed at " + sim::format_clock(closes) + "; on the map, faded, until " +
                         sim::format_clock(closes + kFlankKept));
  std::string seen;
  if (f.kind == sim::FlankIncident::Sabotage || f.kind == sim::FlankIncident::Debris) {
    seen = "found on the ground by the host nation";
  } else if (!f.seen) {
    seen = "nobody: no radar picked it up";
  } else {
    seen =
        "the host nation's air picture: national air defence radars, NATO air policing and "
        "AWACS";
    std::string sites;
    for (const sim::AirDefenceSite& site : sim::air_defence_sites()) {
      if (map::distance_km(region.label, site.at) > site.range_km) continue;
      sites +=
          (sites.empty() ? "" : ", ") + std::string(site.system) + " at " + std::string(site.place);
    }
    seen += sites.empty() ? "; outside every air-defence ring" : "; within reach of " + sites;
  }
  row("seen by", seen);
  if (engagement == nullptr) {
    row("answer", "no scramble, no shot, no debris");
  } else {
    const std::string& a = engagement->detail;
    const std::size_t shots = a.find("; shots: ");
    row("answer", a.substr(0, shots));
    if (shots != std::string::npos) row("shots (weapon, Pk, draw)", a.substr(shots + 9));
  }
  if (followed.empty()) {
    row("consequence", "none: not a major incursion (no Article 4, no surge question)");
  }
  for (const sim::TraceRecord* r : followed) {
    row("consequence", sim::format_clock(r->time) + " " + r->detail);
  }
  ImGui::EndTable();
  if (ImGui::Button("Centre map")) ui.centre_on = region.label;
}

void violation_inspector(const Session& session, std::uint64_t serial, UiState& ui) {
  const sim::Simulation& run = session.run();
  const std::vector<const sim::TraceRecord*> recs = records_of(session, serial);
  if (recs.empty() || recs.front()->kind != sim::TraceKind::Violation) {
    ImGui::TextWrapped("Violation %llu is not in the event log up to now.",
                       static_cast<unsigned long long>(serial));
    return;
  }
  const sim::TraceRecord& first = *recs.front();
  {
    const sim::TraceRecord* engagement = nullptr;
    for (const sim::TraceRecord* r : recs) {
      if (r->kind == sim::TraceKind::Engagement) engagement = r;
    }
    if (const std::optional<FlankRecord> f = flank_record(first, engagement)) {
      return flank_inspector(session, recs, *f, ui);
    }
  }
  const bool detected = std::any_of(recs.begin(), recs.end(), [](const sim::TraceRecord* r) {
    return r->kind == sim::TraceKind::Detected;
  });
  if (ui.cell == play::Cell::Blue && !detected) {
    ImGui::TextWrapped("HQ has not learned of this violation.");
    return;
  }
  const std::string where = run.theatre().region(first.region).name;
  inspector_heading(ImVec4(1, 0.45f, 0.4f, 1), first.detail + " in " + where,
                    "#" + std::to_string(serial) + " at " + sim::format_clock(first.time));
  if (drawn_rows != nullptr) drawn_rows->push_back("violation: " + first.detail + " in " + where);
  // The decisions a player answered about it, each with the fork that answers it otherwise: at
  // the top, where the facilitator meets them (the options are further down).
  for (const auto& [id, d] : session.decisions_asked()) {
    if (ui.cell == play::Cell::Red || d.serial != serial ||
        (d.kind != sim::Decision::Kind::Tasking && d.kind != sim::Decision::Kind::Approval)) {
      continue;
    }
    if (const std::optional<std::size_t> c = answer_command(session, id)) {
      const std::string label = "Answer decision " + std::to_string(id) + " differently...";
      if (named_button(ui, "inspect/redecide/" + std::to_string(id), label.c_str())) {
        ask_redecide(ui, *c, RedecideAt::Inspector);
      }
    }
  }
  if (ui.cell == play::Cell::Red) {
    // HQ's reasons are the coalition's: Red sees what happened on the ground.
    if (begin_rows()) {
      row("outcome", "HQ's reasons are not known to Red");
      ImGui::EndTable();
    }
    return;
  }
  if (begin_rows()) {
    row("outcome", outcome_of(run, recs));
    for (const sim::TraceRecord* r : recs) {
      if (r->kind == sim::TraceKind::Detected) {
        row("detected", sim::format_clock(r->time) + ", after " +
                            minutes_text(r->time - first.time) +
                            "; doctrine's level: " + r->detail);
        row("reported by", reported_by(session, serial, r->time - first.time));
      }
    }
    ImGui::EndTable();
  }
  int n = 0;
  for (const sim::WhyRecord* w : session.whys_of(serial)) {
    const std::string unit = unit_name(run, w->unit);
    const sim::Nation* nation =
        w->unit < run.world().units.size()
            ? &run.scenario().nations[run.scenario().units[run.world().units[w->unit].spec].nation]
            : nullptr;
    const std::string code = nation != nullptr ? nation->code : "?";
    switch (w->kind) {
      case sim::WhyRecord::Kind::Considered:
        candidate_table(run, *w, n++);
        break;
      case sim::WhyRecord::Kind::ApprovalDrawn:
        if (begin_rows()) {
          row("approval delay", unit + " (" + code + "): " + lognormal_text(*w));
          ImGui::EndTable();
        }
        break;
      case sim::WhyRecord::Kind::RefusalDrawn: {
        char buf[160];
        std::snprintf(buf, sizeof buf, "%s %s: draw %.3f %s refusal odds %.2f", code.c_str(),
                      w->refused ? "refused" : "approved", w->value,
                      w->refused ? "<" : ">=", w->odds);
        if (begin_rows()) {
          row("capital's answer", unit + ": " + buf);
          ImGui::EndTable();
        }
        break;
      }
    }
  }
  if (n == 0) {
    ImGui::TextWrapped(
        "HQ's reasons for this one were not kept: they are made as the window runs the game "
        "(step back before it and play on to see them).");
    if (drawn_rows != nullptr) drawn_rows->push_back("candidates: not kept");
  }
  for (const auto& [id, d] : session.decisions_asked()) {
    if (d.serial == serial &&
        (d.kind == sim::Decision::Kind::Tasking || d.kind == sim::Decision::Kind::Approval))
      decision_rows(session, d);
  }
  ImGui::Separator();
  ImGui::TextDisabled("What the log holds:");
  for (const sim::TraceRecord* r : recs) {
    const std::string u = unit_name(run, r->unit);
    ImGui::TextWrapped("%s  %s%s%s  %s", sim::format_clock(r->time).c_str(),
                       std::string(sim::to_string(r->kind)).c_str(), u.empty() ? "" : " ",
                       u.c_str(), r->detail.c_str());
  }
  if (ImGui::Button("Centre map")) ui.centre_on = run.theatre().region(first.region).label;
}
}  // namespace

std::string minutes_text(sim::Duration d) {
  const std::int64_t total = (d.count_ms() + 30'000) / 60'000;
  if (total < 0) return "-" + minutes_text(sim::Duration::ms(-d.count_ms()));
  char buf[48];
  const std::int64_t days = total / (24 * 60), hours = total / 60 % 24, mins = total % 60;
  if (days > 0) {
    std::snprintf(buf, sizeof buf, "%lld d %lld h", static_cast<long long>(days),
                  static_cast<long long>(hours));
  } else if (hours > 0) {
    std::snprintf(buf, sizeof buf, "%lld h %02lld min", static_cast<long long>(hours),
                  static_cast<long long>(mins));
  } else {
    std::snprintf(buf, sizeof buf, "%lld min", static_cast<long long>(mins));
  }
  return buf;
}

std::vector<std::string> violation_summary(const Session& session, std::uint64_t serial) {
  const std::vector<const sim::TraceRecord*> recs = records_of(session, serial);
  if (recs.empty()) return {};
  const sim::TraceRecord& first = *recs.front();
  std::vector<std::string> out{first.detail + " in " +
                                   session.run().theatre().region(first.region).name + " at " +
                                   sim::format_clock(first.time),
                               outcome_of(session.run(), recs), "click: why?"};
  return out;
}

void panel_inspector(const Session& session, UiState& ui, const Layout& at) {
  ImGui::SetNextWindowPos(ImVec2(at.width - at.right_w, 0));
  ImGui::SetNextWindowSize(ImVec2(at.right_w, at.height * 0.42f));
  ImGui::Begin("Inspector", nullptr, kFixedPanel);
  const sim::Simulation& run = session.run();
  ui.inspected.clear();
  drawn_rows = &ui.inspected;
  // What the cell's picture holds of the selection, and no more (Red's outlook only for the
  // one sector shown: play::outlook_of).
  std::optional<play::Picture> pic;
  if (ui.selected.unit || ui.selected.region) pic = play::picture_of(run, ui.cell, false);
  redecide_form(session, ui, RedecideAt::Inspector);  // opened here or from the event log
  if (ui.selected.violation) {
    violation_inspector(session, *ui.selected.violation, ui);
  } else if (ui.selected.unit && *ui.selected.unit < run.world().units.size()) {
    const play::UnitView* v = pic->unit(*ui.selected.unit);
    if (v == nullptr) {
      ImGui::TextWrapped("This unit is not in %s's picture.", play::cell_title(ui.cell).c_str());
    } else if (v->own) {
      unit_inspector(run, *ui.selected.unit, ui);
    } else {
      seen_unit_inspector(run, *v, ui);
    }
  } else if (ui.selected.region && *ui.selected.region < run.theatre().region_count()) {
    region_inspector(session, *pic, *ui.selected.region, ui);
  } else {
    ImGui::TextWrapped(
        "Click a unit or a region on the map (or a line of the event log) to "
        "see what the model holds about it.");
  }
  drawn_rows = nullptr;
  ImGui::End();
}

}  // namespace rfsim::render::gui
