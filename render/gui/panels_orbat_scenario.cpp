// The scenario editor beyond the force: the [scenario] header, the threat's rates, every key of
// a unit, and the MSEL. Each field edits the copy of the scenario; `rfsim validate`'s messages
// for it show under it as it changes (OrbatDesk::check).
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "render/gui/inject_form.hpp"
#include "render/gui/orbat_desk.hpp"
#include "sim/scenario_loader.hpp"
#include "sim/scenario_writer.hpp"

namespace rfsim::render::gui {

void orbat_field_problems(const OrbatDesk& d, const std::string& path) {
  for (const sim::ScenarioError& e : d.problems) {
    const std::string& p = e.path();
    const bool under = p == path || (p.size() > path.size() && p.starts_with(path) &&
                                     (p[path.size()] == '.' || p[path.size()] == '['));
    if (!under) continue;
    ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
    ImGui::TextWrapped("%s: %s", e.path().c_str(), e.message().c_str());
    ImGui::PopStyleColor();
  }
}

namespace {

constexpr std::size_t kDecisionModeCount = 3;  // sim::DecisionMode's values
constexpr std::size_t kDeployModeCount = 5;    // sim::DeployMode's values

float field_width() {
  return ImGui::GetFontSize() * 11;
}

std::array<char, 512>& text_of(OrbatDesk& d, const std::string& key, const std::string& value) {
  auto [it, added] = d.texts.try_emplace(key);
  if (added) {
    it->second.fill('\0');
    value.copy(it->second.data(), it->second.size() - 1);
  }
  return it->second;
}

// A string field: the scenario takes each change at once.
void string_field(UiState& ui, OrbatDesk& d, const char* label, const std::string& key,
                  const std::string& path, std::string& value) {
  std::array<char, 512>& buf = text_of(d, key, value);
  ImGui::SetNextItemWidth(field_width());
  if (ImGui::InputText(label, buf.data(), buf.size())) {
    value = buf.data();
    d.checked = false;
  }
  mark_control(ui, "orbat/field/" + key);
  orbat_field_problems(d, path);
}

// A duration field ("30d", "1d12h"): taken when it reads; until then the reader's complaint shows
// under it and the scenario keeps its last good value.
void duration_field(UiState& ui, OrbatDesk& d, const char* label, const std::string& key,
                    const std::string& path, sim::Duration& value) {
  std::array<char, 512>& buf = text_of(d, key, sim::format_duration(value));
  ImGui::SetNextItemWidth(field_width());
  if (ImGui::InputText(label, buf.data(), buf.size())) {
    try {
      value = sim::parse_duration(buf.data());
      d.checked = false;
    } catch (const std::invalid_argument&) {
      // Said below while it does not read.
    }
  }
  mark_control(ui, "orbat/field/" + key);
  try {
    (void)sim::parse_duration(buf.data());
  } catch (const std::invalid_argument& e) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
    ImGui::TextWrapped("%s: %s (expected a duration such as \"30d\" or \"1d12h\")", path.c_str(),
                       e.what());
    ImGui::PopStyleColor();
  }
  orbat_field_problems(d, path);
}

// An integer field, not clamped: a value out of range is written as typed and validate says
// what the range is, under it.
template <class Int>
void int_field(UiState& ui, OrbatDesk& d, const char* label, const std::string& key,
               const std::string& path, Int& value) {
  int v = static_cast<int>(value);
  ImGui::SetNextItemWidth(field_width());
  if (ImGui::InputInt(label, &v, 0, 0)) {
    value = static_cast<Int>(v);
    d.checked = false;
  }
  mark_control(ui, "orbat/field/" + key);
  orbat_field_problems(d, path);
}

void number_field(UiState& ui, OrbatDesk& d, const char* label, const std::string& key,
                  double& value) {
  ImGui::SetNextItemWidth(field_width());
  if (ImGui::InputDouble(label, &value, 0, 0, "%.6g")) d.checked = false;
  mark_control(ui, "orbat/field/" + key);
}

// A combo over an enum's values, named as scenario files name them (the accepted values).
template <class E>
void enum_field(UiState& ui, OrbatDesk& d, const char* label, const std::string& key,
                const std::string& path, E& value, std::size_t count) {
  const std::string preview(sim::to_string(value));
  ImGui::SetNextItemWidth(field_width());
  if (ImGui::BeginCombo(label, preview.c_str())) {
    for (std::size_t i = 0; i < count; ++i) {
      const auto e = static_cast<E>(i);
      const std::string name(sim::to_string(e));
      if (ImGui::Selectable(name.c_str(), e == value)) {
        value = e;
        d.checked = false;
      }
      mark_control(ui, "orbat/field/" + key + "/" + name);
    }
    ImGui::EndCombo();
  }
  mark_control(ui, "orbat/field/" + key);
  orbat_field_problems(d, path);
}

void region_field(UiState& ui, OrbatDesk& d, const map::Theatre& th, const char* label,
                  const std::string& key, const std::string& path, map::RegionId& value) {
  ImGui::SetNextItemWidth(field_width());
  const std::string preview = value < th.region_count() ? th.region(value).id : "?";
  if (ImGui::BeginCombo(label, preview.c_str())) {
    for (map::RegionId r = 0; r < th.region_count(); ++r) {
      if (ImGui::Selectable(th.region(r).id.c_str(), r == value)) {
        value = r;
        d.checked = false;
      }
    }
    ImGui::EndCombo();
  }
  mark_control(ui, "orbat/field/" + key);
  orbat_field_problems(d, path);
}

void rates_section(UiState& ui, OrbatDesk& d) {
  sim::Scenario& s = d.scenario;
  d.rate_step = std::clamp(d.rate_step, 0, static_cast<int>(sim::kRedStepCount) - 1);
  auto step = static_cast<sim::RedStep>(d.rate_step);
  ImGui::SetNextItemWidth(field_width());
  if (ImGui::BeginCombo("step of Red's ladder", std::string(sim::to_string(step)).c_str())) {
    for (std::size_t k = 0; k < sim::kRedStepCount; ++k) {
      const std::string name(sim::to_string(static_cast<sim::RedStep>(k)));
      if (ImGui::Selectable(name.c_str(), static_cast<int>(k) == d.rate_step)) {
        d.rate_step = static_cast<int>(k);
      }
      mark_control(ui, "orbat/rates/step/" + name);
    }
    ImGui::EndCombo();
  }
  mark_control(ui, "orbat/rates/step");
  step = static_cast<sim::RedStep>(d.rate_step);
  const std::string name(sim::to_string(step));
  sim::StepRates& r = s.rates[static_cast<std::size_t>(d.rate_step)];
  const sim::StepRates calibrated = sim::default_rates()[static_cast<std::size_t>(d.rate_step)];
  number_field(ui, d, "violations a day", "rates.per_day", r.per_day);
  double sum = 0;
  for (std::size_t t = 0; t < sim::kViolationTypeCount; ++t) {
    const std::string type(sim::to_string(static_cast<sim::ViolationType>(t)));
    number_field(ui, d, (type + " share").c_str(), "rates.share." + type, r.share[t]);
    sum += r.share[t];
  }
  ImGui::TextDisabled("shares add up to %.6g (they must add up to 1)", sum);
  orbat_field_problems(d, "rates." + name);
  const bool is_calibrated = r.per_day == calibrated.per_day && r.share == calibrated.share;
  ImGui::BeginDisabled(is_calibrated);
  if (named_button(ui, "orbat/rates/reset", "Calibrated rates")) {
    r = calibrated;
    d.checked = false;
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (is_calibrated) {
    ImGui::TextDisabled("(the calibrated rates: not written)");
  } else {
    ImGui::TextDisabled("(changed: written as [rates.%s])", name.c_str());
  }
}

}  // namespace

void orbat_scenario_tab(const Session& session, UiState& ui, OrbatDesk& d) {
  sim::Scenario& s = d.scenario;
  const map::Theatre& th = session.run().theatre();
  if (ImGui::CollapsingHeader("Scenario", ImGuiTreeNodeFlags_DefaultOpen)) {
    string_field(ui, d, "name", "scenario.name", "scenario.name", s.name);
    string_field(ui, d, "description", "scenario.description", "scenario.description",
                 s.description);
    // A TOML integer is signed 64-bit: a seed is 0 to 2^63-1, so typed as one.
    auto seed = static_cast<std::int64_t>(
        std::min<std::uint64_t>(s.seed, std::numeric_limits<std::int64_t>::max()));
    ImGui::SetNextItemWidth(field_width());
    if (ImGui::InputScalar("seed", ImGuiDataType_S64, &seed) && seed >= 0) {
      s.seed = static_cast<std::uint64_t>(seed);
      d.checked = false;
    }
    mark_control(ui, "orbat/field/scenario.seed");
    if (seed < 0) {
      ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
      ImGui::TextWrapped("scenario.seed: expected an integer >= 0; kept %llu",
                         static_cast<unsigned long long>(s.seed));
      ImGui::PopStyleColor();
    }
    orbat_field_problems(d, "scenario.seed");
    duration_field(ui, d, "length", "scenario.length", "scenario.length", s.length);
    enum_field(ui, d, "regime", "scenario.regime", "scenario.regime", s.regime, sim::kRegimeCount);
    enum_field(ui, d, "US support", "scenario.us_support", "scenario.us_support", s.us_support,
               sim::kUsSupportCount);
    duration_field(ui, d, "response standard", "scenario.response_standard",
                   "scenario.response_standard", s.response_standard);
    region_field(ui, d, th, "HQ's forward cell", "scenario.hq", "scenario.hq", s.hq);
    int_field(ui, d, "cameras per sector", "scenario.cameras_per_sector",
              "scenario.cameras_per_sector", s.cameras_per_sector);
    int_field(ui, d, "airlift loads a day", "scenario.airlift_loads_per_day",
              "scenario.airlift_loads_per_day", s.airlift_loads_per_day);
    int_field(ui, d, "train paths a day", "scenario.gauge_trains_per_day",
              "scenario.gauge_trains_per_day", s.gauge_trains_per_day);
    enum_field(ui, d, "HQ's taskings", "scenario.decisions", "scenario.decisions", s.decisions,
               kDecisionModeCount);
    // Each side's other decisions: a capital's approvals, Red's ladder (the nations' setting,
    // also on the Caveats tab).
    for (std::size_t n = 0; n < s.nations.size(); ++n) {
      sim::Nation& nation = s.nations[n];
      if (nation.side == sim::Side::Ukraine) continue;
      const std::string label =
          nation.code +
          (nation.side == sim::Side::Russia ? ": a player takes Red's ladder"
                                            : ": a player plays its capital") +
          "##ask" + std::to_string(n);
      if (ImGui::Checkbox(label.c_str(), &nation.ask)) d.checked = false;
      mark_control(ui, "orbat/field/nations." + nation.code + ".decisions");
    }
  }
  if (ImGui::CollapsingHeader("Threat rates")) rates_section(ui, d);
}

void orbat_unit_fields(const Session& session, UiState& ui, OrbatDesk& d) {
  sim::Scenario& s = d.scenario;
  if (d.unit < 0 || d.unit >= static_cast<int>(s.units.size())) return;
  const map::Theatre& th = session.run().theatre();
  if (d.texts_unit != d.unit) {  // another unit: its own texts
    std::erase_if(d.texts, [](const auto& kv) { return kv.first.starts_with("unit."); });
    d.texts_unit = d.unit;
  }
  ImGui::SetNextItemOpen(true, ImGuiCond_FirstUseEver);
  const bool open = ImGui::CollapsingHeader("Its keys");
  mark_control(ui, "orbat/unit_keys");
  if (!open) return;
  sim::UnitSpec& u = s.units[static_cast<std::size_t>(d.unit)];
  const std::string p = "units[" + std::to_string(d.unit) + "]";
  string_field(ui, d, "id", "unit.id", p + ".id", u.id);
  ImGui::SetNextItemWidth(field_width());
  if (ImGui::BeginCombo("nation",
                        u.nation < s.nations.size() ? s.nations[u.nation].code.c_str() : "?")) {
    for (std::uint32_t n = 0; n < s.nations.size(); ++n) {
      if (ImGui::Selectable(s.nations[n].code.c_str(), n == u.nation)) {
        u.nation = n;
        d.checked = false;
      }
    }
    ImGui::EndCombo();
  }
  orbat_field_problems(d, p + ".nation");
  enum_field(ui, d, "type", "unit.type", p + ".type", u.type, sim::kUnitTypeCount);
  int_field(ui, d, "strength", "unit.strength", p + ".strength", u.strength);
  region_field(ui, d, th, "home", "unit.home", p + ".home", u.home);
  enum_field(ui, d, "mobility", "unit.mobility", p + ".mobility", u.mobility, map::kMobilityCount);
  duration_field(ui, d, "notice to move", "unit.notice", p + ".notice", u.notice);
  int_field(ui, d, "munitions", "unit.munitions", p + ".munitions", u.munitions);
  enum_field(ui, d, "readiness", "unit.readiness", p + ".readiness", u.readiness,
             sim::kReadinessCount);
  if (u.readiness != sim::Readiness::InTheatre) {
    region_field(ui, d, th, "deploys to", "unit.deploy_to", p + ".deploy_to", u.deploy_to);
    enum_field(ui, d, "deploys by", "unit.deploy_by", p + ".deploy_by", u.deploy_by,
               kDeployModeCount);
  } else {
    ImGui::TextDisabled("in the theatre from the start: no deploy_to, deploy_by");
  }
}

void orbat_msel_tab(const Session& session, UiState& ui, OrbatDesk& d) {
  sim::Scenario& s = d.scenario;
  const map::Theatre& th = session.run().theatre();
  MselForm& f = d.msel;
  ImGui::TextDisabled("%zu line%s, in time order; the scenario's, not the game's.",
                      s.injects.size(), s.injects.size() == 1 ? "" : "s");
  if (named_button(ui, "orbat/msel/add", "Add a line")) {
    f = MselForm{};
    f.line = -2;
    sim::Inject in;
    in.at = sim::Duration::ms(s.length.count_ms() / 2);
    fill_inject_form(f, in);
  }
  if (f.line != -1) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
    ImGui::TextWrapped("%s", f.line < 0 ? "Add a line to the MSEL"
                                        : ("Edit or move line " + std::to_string(f.line)).c_str());
    ImGui::PopStyleColor();
    inject_form_fields(ui, "orbat/msel/form/", f, s, th);
    if (!f.error.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
      ImGui::TextWrapped("Refused: %s", f.error.c_str());
      ImGui::PopStyleColor();
    }
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (named_button(ui, "orbat/msel/form/save", f.line < 0 ? "Add line" : "Save line",
                     ImVec2(half, 0))) {
      try {
        const sim::Inject in = inject_of_form(f);
        // Tried on a copy: refused, with validate's messages, when it adds a problem.
        sim::Scenario candidate = s;
        if (f.line >= 0 && f.line < static_cast<int>(candidate.injects.size())) {
          candidate.injects[static_cast<std::size_t>(f.line)] = in;
        } else {
          candidate.injects.push_back(in);
        }
        std::stable_sort(candidate.injects.begin(), candidate.injects.end(),
                         [](const sim::Inject& a, const sim::Inject& b) { return a.at < b.at; });
        const std::vector<sim::ScenarioError> after =
            sim::check_scenario(sim::write_scenario(candidate, th), d.file_name(), th).problems;
        f.error.clear();
        for (const sim::ScenarioError& e : after) {
          const bool old =
              std::any_of(d.problems.begin(), d.problems.end(),
                          [&](const sim::ScenarioError& o) { return o.message() == e.message(); });
          if (!old) f.error += (f.error.empty() ? "" : "; ") + e.path() + ": " + e.message();
        }
        if (f.error.empty()) {
          d.message = (f.line < 0 ? "Added " : "Changed ") + sim::format_duration(in.at) + ": " +
                      inject_words(s, th, in) + ".";
          s = std::move(candidate);
          d.checked = false;
          f.line = -1;
        }
      } catch (const std::invalid_argument& e) {
        f.error = std::string("time: ") + e.what();
      }
    }
    ImGui::SameLine();
    if (named_button(ui, "orbat/msel/form/close", "Close", ImVec2(half, 0))) f.line = -1;
    ImGui::Separator();
  }
  orbat_field_problems(d, "injects");
  // The list: as tall as the window has room for, scrolling beyond.
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float room = d.max_height - ImGui::GetCursorPosY() - ImGui::GetStyle().WindowPadding.y * 2;
  ImGui::BeginChild("##msel", ImVec2(0, std::clamp(room, line * 5, line * 16)), true);
  for (std::size_t i = 0; i < s.injects.size(); ++i) {
    const sim::Inject& in = s.injects[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TextDisabled("%zu  %s (T+%s)", i, sim::format_clock(sim::SimTime::at(in.at)).c_str(),
                        sim::format_duration(in.at).c_str());
    ImGui::TextWrapped("%s", inject_words(s, th, in).c_str());
    if (!in.note.empty()) {
      ImGui::Indent();
      ImGui::TextWrapped("\"%s\"", in.note.c_str());
      ImGui::Unindent();
    }
    const std::string n = std::to_string(i);
    if (named_button(ui, "orbat/msel/edit/" + n, "Edit / move")) {
      f = MselForm{};
      f.line = static_cast<int>(i);
      fill_inject_form(f, in);
    }
    ImGui::SameLine();
    if (named_button(ui, "orbat/msel/delete/" + n, "Delete")) {
      d.message = "Deleted line " + n + ": " + inject_words(s, th, in) + ".";
      s.injects.erase(s.injects.begin() + static_cast<std::ptrdiff_t>(i));
      if (f.line >= 0) f.line = -1;  // the indices moved
      d.checked = false;
      ImGui::PopID();
      break;
    }
    ImGui::PopID();
    ImGui::Separator();
  }
  ImGui::EndChild();
}

}  // namespace rfsim::render::gui
