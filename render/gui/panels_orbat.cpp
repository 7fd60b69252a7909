// The ORBAT and scenario editor (key E): the force by nation and unit type, search, add, remove
// and place units (a click on the map), nations' caveats, live validation with `rfsim validate`'s
// messages, "Save scenario as..." and "Start a new game from this scenario". It edits a copy of
// the scenario, never the running game. The header, rates, unit keys and MSEL tabs are in
// panels_orbat_scenario.cpp.
#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "io/atomic_file.hpp"
#include "render/gui/orbat_desk.hpp"
#include "render/gui/panels.hpp"
#include "sim/scenario_writer.hpp"

namespace rfsim::render::gui {

std::string OrbatDesk::file_name() const {
  return save_path[0] != '\0' ? std::string(save_path.data()) : std::string("scenario.toml");
}

void OrbatDesk::check(const map::Theatre& theatre) {
  if (checked) return;
  text = sim::write_scenario(scenario, theatre);
  problems = sim::check_scenario(text, file_name(), theatre).problems;
  checked = true;
}

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A combo over the values 0..count-1 of an enum, named as scenario files name them.
template <class E>
bool enum_combo(const char* label, int& value, std::size_t count) {
  bool changed = false;
  const std::string preview(sim::to_string(static_cast<E>(value)));
  if (ImGui::BeginCombo(label, preview.c_str())) {
    for (std::size_t i = 0; i < count; ++i) {
      const std::string name(sim::to_string(static_cast<E>(i)));
      if (ImGui::Selectable(name.c_str(), static_cast<int>(i) == value)) {
        value = static_cast<int>(i);
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

// A combo over the theatre's regions; -1 shows `none`.
bool region_combo(const char* label, int& value, const map::Theatre& th, const char* none) {
  bool changed = false;
  const std::string preview =
      value >= 0 ? th.region(static_cast<map::RegionId>(value)).id : std::string(none);
  if (ImGui::BeginCombo(label, preview.c_str())) {
    for (map::RegionId r = 0; r < th.region_count(); ++r) {
      if (ImGui::Selectable(th.region(r).id.c_str(), static_cast<int>(r) == value)) {
        value = static_cast<int>(r);
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

void validation(OrbatDesk& d) {
  if (d.problems.empty()) {
    ImGui::TextColored(ImVec4(0.45f, 0.85f, 0.45f, 1), "Valid: rfsim validate accepts it.");
    return;
  }
  ImGui::TextColored(kWarning, "%zu problem%s (as rfsim validate lists them):", d.problems.size(),
                     d.problems.size() == 1 ? "" : "s");
  const float h = ImGui::GetTextLineHeightWithSpacing() *
                  std::min(5.5f, static_cast<float>(d.problems.size()) + 0.5f);
  ImGui::BeginChild("##problems", ImVec2(0, h), true);
  for (const sim::ScenarioError& e : d.problems) ImGui::TextWrapped("%s", e.what());
  ImGui::EndChild();
}

void selected_unit(const Session& session, UiState& ui, OrbatDesk& d) {
  sim::Scenario& s = d.scenario;
  if (d.unit < 0 || d.unit >= static_cast<int>(s.units.size())) return;
  const map::Theatre& th = session.run().theatre();
  sim::UnitSpec& u = s.units[static_cast<std::size_t>(d.unit)];
  ImGui::Text("%s: %s %s, %d, at %s", u.id.c_str(), s.nations[u.nation].code.c_str(),
              std::string(sim::to_string(u.type)).c_str(), u.strength,
              th.region(u.home).name.c_str());
  if (u.readiness != sim::Readiness::InTheatre) {
    ImGui::TextDisabled("held at home (%s), deploys to %s",
                        std::string(sim::to_string(u.readiness)).c_str(),
                        th.region(u.deploy_to).id.c_str());
  }
  if (named_button(ui, "orbat/place",
                   d.placing ? "click a region on the map..." : "Place on map")) {
    d.placing = !d.placing;
  }
  ImGui::SameLine();
  if (named_button(ui, "orbat/remove", "Remove")) {
    // An inject that names the unit would name another once the indices shift: the MSEL is
    // edited in its own panel, so the unit stays until no inject names it.
    const auto index = static_cast<std::uint32_t>(d.unit);
    const auto named = std::find_if(s.injects.begin(), s.injects.end(), [&](const sim::Inject& in) {
      return (in.kind == sim::InjectKind::Deploy || in.kind == sim::InjectKind::Surge) &&
             in.unit == index;
    });
    if (named != s.injects.end()) {
      d.message = "Not removed: the MSEL's " + std::string(sim::to_string(named->kind)) +
                  " inject at " + sim::format_duration(named->at) + " names " + u.id + ".";
    } else {
      d.message = "Removed " + u.id + ".";
      s.units.erase(s.units.begin() + d.unit);
      for (sim::Inject& in : s.injects) {
        if (in.unit != sim::Inject::kAnyUnit && in.unit > index) --in.unit;
      }
      d.unit = -1;
      d.texts_unit = -1;  // another unit takes its index: its texts are not that unit's
      d.placing = false;
      d.checked = false;
      return;
    }
  }
  orbat_unit_fields(session, ui, d);
}

void unit_tree(const Session& session, UiState& ui, OrbatDesk& d) {
  const sim::Scenario& s = d.scenario;
  const map::Theatre& th = session.run().theatre();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##search", "search units by id", d.search.data(), d.search.size());
  mark_control(ui, "orbat/search");
  const std::string needle = lower(d.search.data());
  // nation -> type -> units, in the scenario's order.
  std::vector<std::map<int, std::vector<std::uint32_t>>> tree(s.nations.size());
  std::size_t shown = 0;
  for (std::uint32_t i = 0; i < s.units.size(); ++i) {
    const sim::UnitSpec& u = s.units[i];
    if (!needle.empty() && lower(u.id).find(needle) == std::string::npos) continue;
    if (u.nation < tree.size()) tree[u.nation][static_cast<int>(u.type)].push_back(i);
    ++shown;
  }
  ImGui::TextDisabled("%zu of %zu units", shown, s.units.size());
  selected_unit(session, ui, d);  // above the tree, which may be long
  // As tall as the window has room for (10 lines at most, 4 at least): the editor fits the map's
  // height at 1280x720 without its window scrolling.
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float room = d.max_height - ImGui::GetCursorPosY() - ImGui::GetStyle().WindowPadding.y * 2;
  const float h = std::clamp(room, line * 4, line * 10);
  ImGui::BeginChild("##tree", ImVec2(0, h), true);
  for (std::size_t n = 0; n < s.nations.size(); ++n) {
    if (tree[n].empty() && !needle.empty()) continue;
    std::size_t count = 0;
    for (const auto& [type, units] : tree[n]) count += units.size();
    const sim::Nation& nation = s.nations[n];
    if (!needle.empty()) ImGui::SetNextItemOpen(true, ImGuiCond_Always);
    const std::string label = nation.code + "  " + nation.name + " (" +
                              std::string(sim::to_string(nation.side)) + ", " +
                              std::to_string(count) + ")##n" + std::to_string(n);
    const bool open = ImGui::TreeNode(label.c_str());
    mark_control(ui, "orbat/nation/" + nation.code);
    if (!open) continue;
    for (const auto& [type, units] : tree[n]) {
      if (!needle.empty()) ImGui::SetNextItemOpen(true, ImGuiCond_Always);
      const std::string type_name(sim::to_string(static_cast<sim::UnitType>(type)));
      const std::string tl = type_name + " (" + std::to_string(units.size()) + ")##t" +
                             std::to_string(n) + "_" + std::to_string(type);
      const bool type_open = ImGui::TreeNode(tl.c_str());
      mark_control(ui, "orbat/type/" + nation.code + "/" + type_name);
      if (!type_open) continue;
      for (const std::uint32_t i : units) {
        const sim::UnitSpec& u = s.units[i];
        const std::string ul = u.id + "  " + std::to_string(u.strength) + "  " +
                               th.region(u.home).id + "##u" + std::to_string(i);
        if (ImGui::Selectable(ul.c_str(), d.unit == static_cast<int>(i))) {
          d.unit = static_cast<int>(i);
          d.placing = false;
        }
        mark_control(ui, "orbat/unit/" + u.id);
      }
      ImGui::TreePop();
    }
    ImGui::TreePop();
  }
  ImGui::EndChild();
}

void add_unit(const Session& session, UiState& ui, OrbatDesk& d) {
  sim::Scenario& s = d.scenario;
  const map::Theatre& th = session.run().theatre();
  const float w = ImGui::GetFontSize() * 11;
  ImGui::SetNextItemWidth(w);
  ImGui::InputTextWithHint("id##new", "e.g. uk-qrf-3", d.new_id.data(), d.new_id.size());
  mark_control(ui, "orbat/new_id");
  ImGui::SetNextItemWidth(w);
  enum_combo<sim::UnitType>("type##new", d.new_type, sim::kUnitTypeCount);
  ImGui::SetNextItemWidth(w);
  d.new_nation = std::clamp(d.new_nation, 0, static_cast<int>(s.nations.size()) - 1);
  if (ImGui::BeginCombo("nation##new",
                        s.nations[static_cast<std::size_t>(d.new_nation)].code.c_str())) {
    for (std::size_t n = 0; n < s.nations.size(); ++n) {
      if (ImGui::Selectable(s.nations[n].code.c_str(), static_cast<int>(n) == d.new_nation)) {
        d.new_nation = static_cast<int>(n);
      }
    }
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(w);
  ImGui::InputInt("strength##new", &d.new_strength, 50, 500);
  d.new_strength = std::clamp(d.new_strength, 1, 100'000);
  // Home: the region picked in the combo, or the one selected on the map.
  if (ui.selected.region && d.new_home < 0)
    ImGui::TextDisabled("home: %s (selected on the map)",
                        th.region(*ui.selected.region).id.c_str());
  ImGui::SetNextItemWidth(w);
  region_combo("home##new", d.new_home, th, "the region selected on the map");
  ImGui::SetNextItemWidth(w);
  enum_combo<sim::Readiness>("readiness##new", d.new_readiness, sim::kReadinessCount);
  if (d.new_readiness != 0) {
    ImGui::SetNextItemWidth(w);
    region_combo("deploys to##new", d.new_deploy_to, th, "choose");
  }
  if (named_button(ui, "orbat/add", "Add unit")) {
    const std::string id = d.new_id.data();
    const std::optional<map::RegionId> home =
        d.new_home >= 0 ? std::optional<map::RegionId>(static_cast<map::RegionId>(d.new_home))
                        : ui.selected.region;
    const bool taken = std::any_of(s.units.begin(), s.units.end(),
                                   [&](const sim::UnitSpec& u) { return u.id == id; });
    if (id.empty()) {
      d.message = "Give the new unit an id.";
    } else if (taken) {
      d.message = "A unit \"" + id + "\" exists already.";
    } else if (!home) {
      d.message = "Choose its home, or select a region on the map.";
    } else if (d.new_readiness != 0 && d.new_deploy_to < 0) {
      d.message = "Choose where a surge sends it.";
    } else if (s.units.size() >= sim::kMaxUnits) {
      d.message = "A scenario holds at most " + std::to_string(sim::kMaxUnits) + " units.";
    } else {
      sim::UnitSpec u;
      u.id = id;
      u.nation = static_cast<std::uint32_t>(d.new_nation);
      u.type = static_cast<sim::UnitType>(d.new_type);
      u.strength = d.new_strength;
      u.home = *home;
      u.mobility = sim::default_mobility(u.type);
      u.munitions = sim::default_munitions(u.type);
      u.readiness = static_cast<sim::Readiness>(d.new_readiness);
      if (u.readiness != sim::Readiness::InTheatre) {
        u.deploy_to = static_cast<map::RegionId>(d.new_deploy_to);
      }
      s.units.push_back(u);
      d.unit = static_cast<int>(s.units.size() - 1);
      d.texts_unit = -1;
      d.message = "Added " + id + " at " + th.region(u.home).id + ".";
      d.new_id[0] = '\0';
      d.checked = false;
    }
  }
}

void caveats(const Session& session, UiState& ui, OrbatDesk& d) {
  sim::Scenario& s = d.scenario;
  const map::Theatre& th = session.run().theatre();
  d.nation = std::clamp(d.nation, 0, static_cast<int>(s.nations.size()) - 1);
  sim::Nation& n = s.nations[static_cast<std::size_t>(d.nation)];
  const float w = ImGui::GetFontSize() * 11;
  ImGui::SetNextItemWidth(w);
  if (ImGui::BeginCombo("nation", (n.code + "  " + n.name).c_str())) {
    for (std::size_t i = 0; i < s.nations.size(); ++i) {
      const std::string label = s.nations[i].code + "  " + s.nations[i].name;
      if (ImGui::Selectable(label.c_str(), static_cast<int>(i) == d.nation)) {
        d.nation = static_cast<int>(i);
        d.approval[0] = '\0';
      }
      mark_control(ui, "orbat/caveats/" + s.nations[i].code);
    }
    ImGui::EndCombo();
  }
  mark_control(ui, "orbat/caveats");
  sim::Nation& m = s.nations[static_cast<std::size_t>(d.nation)];
  if (m.side != sim::Side::Coalition) {
    ImGui::TextDisabled("%s: only its decisions setting has an effect (docs/scenario-format.md)",
                        std::string(sim::to_string(m.side)).c_str());
  }
  if (ImGui::Checkbox("a player decides (decisions = \"ask\")", &m.ask)) d.checked = false;
  mark_control(ui, "orbat/ask");
  ImGui::Text("Allowed regions: %s", m.allowed.empty() ? "all" : "");
  for (std::size_t i = 0; i < m.allowed.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (named_button(ui, "orbat/disallow/" + th.region(m.allowed[i]).id, "x")) {
      m.allowed.erase(m.allowed.begin() + static_cast<std::ptrdiff_t>(i));
      d.checked = false;
      ImGui::PopID();
      break;
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(th.region(m.allowed[i]).id.c_str());
    ImGui::PopID();
  }
  if (ui.selected.region) {
    const map::RegionId r = *ui.selected.region;
    const bool in = std::find(m.allowed.begin(), m.allowed.end(), r) != m.allowed.end();
    if (!in && named_button(ui, "orbat/allow", ("Allow " + th.region(r).id).c_str())) {
      m.allowed.push_back(r);
      d.checked = false;
    }
  } else {
    ImGui::TextDisabled("Select a region on the map to allow it.");
  }
  int level = static_cast<int>(m.max_level);
  ImGui::SetNextItemWidth(w);
  if (enum_combo<sim::ResponseLevel>("strongest response", level, sim::kResponseLevelCount)) {
    m.max_level = static_cast<sim::ResponseLevel>(level);
    d.checked = false;
  }
  if (d.approval[0] == '\0') copy_into(d.approval, sim::format_duration(m.approval_median));
  ImGui::SetNextItemWidth(w);
  if (ImGui::InputText("approval median", d.approval.data(), d.approval.size())) {
    try {
      m.approval_median = sim::parse_duration(d.approval.data());
      d.checked = false;
    } catch (const std::invalid_argument&) {
      // Shown below until it reads; the scenario keeps its last good value.
    }
  }
  try {
    (void)sim::parse_duration(d.approval.data());
  } catch (const std::invalid_argument& e) {
    ImGui::TextColored(kWarning, "%s", e.what());
  }
  float spread = static_cast<float>(m.approval_sigma);
  ImGui::SetNextItemWidth(w);
  if (ImGui::SliderFloat("approval spread", &spread, 0, 3, "%.2f")) {
    m.approval_sigma = spread;
    d.checked = false;
  }
  float refusal = static_cast<float>(m.refusal);
  ImGui::SetNextItemWidth(w);
  if (ImGui::SliderFloat("refusal", &refusal, 0, 1, "%.2f")) {
    m.refusal = refusal;
    d.checked = false;
  }
}

void write(OrbatDesk& d, UiState& ui) {
  const std::string path = d.save_path.data();
  try {
    io::write_atomically(path, d.text);
    d.message = "Saved " + path + ". Start a new game from it below, or: rfsim gui " + path;
    ui.status = "Scenario saved: " + path;
  } catch (const io::WriteError& e) {
    d.message = e.what();
  }
  d.confirm_overwrite = false;
}

void save(const Session& session, UiState& ui, OrbatDesk& d) {
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 11);
  if (ImGui::InputTextWithHint("##path", "file, e.g. my-exercise.toml", d.save_path.data(),
                               d.save_path.size())) {
    d.confirm_overwrite = false;
  }
  mark_control(ui, "orbat/path");
  ImGui::SameLine();
  if (named_button(ui, "orbat/save", "Save scenario as...")) {
    const std::string path = d.save_path.data();
    std::error_code ec;
    if (path.empty()) {
      d.message = "Type a file name first.";
    } else if (!d.problems.empty()) {
      d.message = "Not saved: " + std::to_string(d.problems.size()) +
                  " problem(s) above would make rfsim validate refuse it.";
    } else if (std::filesystem::exists(path, ec)) {
      d.confirm_overwrite = true;  // never overwritten without asking
    } else {
      write(d, ui);
    }
  }
  // Hosting: the seats play this game; a new one would leave them on one that is gone.
  if (ui.host != nullptr) ImGui::BeginDisabled();
  const bool new_game = named_button(ui, "orbat/new_game", "Start a new game from this scenario") &&
                        ui.host == nullptr;
  if (ui.host != nullptr) {
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
      ImGui::SetTooltip("Off while hosting: save the scenario, then host it");
    }
  }
  if (new_game) {
    if (!d.problems.empty()) {
      d.message = "No new game: " + std::to_string(d.problems.size()) +
                  " problem(s) above would make rfsim validate refuse the scenario.";
    } else if (session.unsaved()) {
      // The play no save holds is asked about first (panels_unsaved.cpp).
      ui.new_game_text = d.text;
      ui.leaving = Leaving{Leaving::Kind::NewGame, d.file_name(), {}};
    } else {
      ui.actions.push_back([text = d.text, name = d.file_name()](Session& s, UiState& u) {
        start_new_game(s, u, text, name);
      });
    }
  }
  if (d.confirm_overwrite) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
    ImGui::TextWrapped("%s exists. Overwrite it?", d.save_path.data());
    ImGui::PopStyleColor();
    if (named_button(ui, "orbat/overwrite", "Overwrite")) write(d, ui);
    ImGui::SameLine();
    if (named_button(ui, "orbat/cancel", "Cancel")) d.confirm_overwrite = false;
  }
}

}  // namespace

void start_new_game(Session& session, UiState& ui, const std::string& text,
                    const std::string& name) {
  try {
    session.new_game(sim::parse_scenario(text, name, session.run().theatre()));
  } catch (const std::exception& e) {
    ui.status = std::string("No new game: ") + e.what();
    return;
  }
  // What the panels held of the last game names its commands, lines and decisions.
  ui.playing = false;
  ui.selected = Pick{};
  ui.confirm.reset();
  ui.msel = MselForm{};
  ui.msel_cancel = ui.take_back = ui.redecide = ui.redecide_option = -1;
  ui.asked_at.clear();
  ui.last_asked = 0;
  ui.log_dirty = true;
  ui.status = "A new game of " + session.run().scenario().name + " (" + name +
              ", as edited): not saved yet";
}

bool orbat_pick(const Session& session, UiState& ui, const Pick& p) {
  OrbatDesk* d = ui.orbat.get();
  if (d == nullptr || !ui.show_orbat || !d->placing) return false;
  std::optional<map::RegionId> region = p.region;
  if (!region && p.unit) region = session.run().world().units.at(*p.unit).at;
  if (!region) return true;  // a violation's marker: no region; keep waiting for one
  if (d->unit >= 0 && d->unit < static_cast<int>(d->scenario.units.size())) {
    sim::UnitSpec& u = d->scenario.units[static_cast<std::size_t>(d->unit)];
    u.home = *region;
    d->message = u.id + " placed at " + session.run().theatre().region(*region).id + ".";
    d->checked = false;
  }
  d->placing = false;
  return true;
}

void panel_orbat(const Session& session, UiState& ui, const Layout& at) {
  if (!ui.show_orbat) return;
  if (!ui.orbat) {
    ui.orbat = std::make_shared<OrbatDesk>();
    ui.orbat->scenario = session.run().scenario();
  }
  OrbatDesk& d = *ui.orbat;
  d.check(session.run().theatre());
  // Over the inspector's column and the map's east: the map's west and centre stay clear for
  // the clicks that place units (the inspector matters little while preparing).
  const float w = ImGui::GetFontSize() * 27;
  ImGui::SetNextWindowPos(ImVec2(at.width - w - 4, map_bar_top(0)), ImGuiCond_FirstUseEver);
  // Down to the map's bottom where that leaves the force's tree its ten lines. A short window
  // (1280x720 at UI scale 1.25) left it three, fewer with a unit's keys open above it: there
  // the editor goes on over the timeline and log, which matter little while preparing.
  const float map_h = at.height - at.bottom_h - map_bar_top(0);
  d.max_height =
      std::max(map_h, std::min(ImGui::GetFontSize() * 34, at.height - map_bar_top(0) - 4));
  ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, d.max_height));
  if (!ImGui::Begin("ORBAT and scenario editor (E)", &ui.show_orbat,
                    ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%zu nations, %zu units. A copy: save it, or start a new game from it.",
                     d.scenario.nations.size(), d.scenario.units.size());
  ImGui::PopStyleColor();
  validation(d);
  if (!d.message.empty()) ImGui::TextWrapped("%s", d.message.c_str());
  save(session, ui, d);
  if (ImGui::BeginTabBar("##orbat")) {
    const bool force = ImGui::BeginTabItem("Force");
    mark_control(ui, "orbat/tab/force");
    if (force) {
      unit_tree(session, ui, d);
      ImGui::EndTabItem();
    }
    const bool add = ImGui::BeginTabItem("Add unit");
    mark_control(ui, "orbat/tab/add");
    if (add) {
      add_unit(session, ui, d);
      ImGui::EndTabItem();
    }
    const bool nations = ImGui::BeginTabItem("Caveats");
    mark_control(ui, "orbat/tab/caveats");
    if (nations) {
      caveats(session, ui, d);
      ImGui::EndTabItem();
    }
    const bool header = ImGui::BeginTabItem("Scenario");
    mark_control(ui, "orbat/tab/scenario");
    if (header) {
      orbat_scenario_tab(session, ui, d);
      ImGui::EndTabItem();
    }
    const bool msel = ImGui::BeginTabItem("MSEL");
    mark_control(ui, "orbat/tab/msel");
    if (msel) {
      orbat_msel_tab(session, ui, d);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
}

}  // namespace rfsim::render::gui
