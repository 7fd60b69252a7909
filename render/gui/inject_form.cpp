// The one form for an MSEL line (inject_form.hpp), shared by the MSEL panel and the editor.
#include "render/gui/inject_form.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <vector>

namespace rfsim::render::gui {

namespace {

// The kinds an MSEL line may have, in the form's order.
std::vector<sim::InjectKind> line_kinds() {
  std::vector<sim::InjectKind> out;
  for (std::size_t k = 0; k < sim::kInjectKindCount; ++k) {
    if (sim::schedulable(static_cast<sim::InjectKind>(k))) {
      out.push_back(static_cast<sim::InjectKind>(k));
    }
  }
  return out;
}

template <typename NameOf>
void form_combo(const char* label, int& current, int count, NameOf name_of) {
  const std::string preview = current >= 0 && current < count ? name_of(current) : "(choose)";
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo(label, preview.c_str())) {
    for (int i = 0; i < count; ++i) {
      if (ImGui::Selectable(name_of(i).c_str(), i == current)) current = i;
    }
    ImGui::EndCombo();
  }
}

template <std::size_t N>
void copy_text(std::array<char, N>& to, const std::string& from) {
  to.fill('\0');
  from.copy(to.data(), N - 1);
}

}  // namespace

std::string inject_words(const sim::Scenario& sc, const map::Theatre& th, const sim::Inject& in) {
  const auto region = [&](map::RegionId r) {
    return r < th.region_count() ? th.region(r).name : std::string("?");
  };
  switch (in.kind) {
    case sim::InjectKind::SetRegime:
      return "regime becomes " + std::string(sim::to_string(in.regime));
    case sim::InjectKind::SetUsSupport:
      return "US support becomes " + std::string(sim::to_string(in.us));
    case sim::InjectKind::NationWithdraws:
      return (in.nation < sc.nations.size() ? sc.nations[in.nation].name
                                            : std::string("a nation")) +
             " withdraws";
    case sim::InjectKind::Provocation:
      return "provocation: " + std::to_string(in.count) + " violations in " + region(in.region);
    case sim::InjectKind::CutLink:
      return "link cut: " + region(in.region) + " - " + region(in.region_b);
    case sim::InjectKind::RestoreLink:
      return "link restored: " + region(in.region) + " - " + region(in.region_b);
    case sim::InjectKind::Decide:
      return "decision " + std::to_string(in.decision) + ", option " + std::to_string(in.option);
    case sim::InjectKind::CancelMsel:
      return "MSEL line " + std::to_string(in.line) + " cancelled";
    case sim::InjectKind::ScheduleMsel: {
      sim::Inject line = in;
      line.kind = in.line_kind;
      return (in.line == sim::Inject::kNoLine
                  ? "MSEL line added at "
                  : "MSEL line " + std::to_string(in.line) + " moved or edited, now at ") +
             sim::format_clock(sim::SimTime::at(in.at)) + ": " + inject_words(sc, th, line);
    }
    case sim::InjectKind::Surge:
    case sim::InjectKind::Deploy: {
      const auto& units = sc.units;
      std::string who =
          in.unit < units.size() ? units[in.unit].id
          : in.kind == sim::InjectKind::Surge && !in.any_nation && in.nation < sc.nations.size()
              ? sc.nations[in.nation].name + "'s units at home"
              : std::string("every unit at home");
      if (in.kind == sim::InjectKind::Surge && in.tier != sim::Readiness::InTheatre &&
          in.unit >= units.size()) {
        who += " (" + std::string(sim::to_string(in.tier)) + ")";
      }
      return in.kind == sim::InjectKind::Surge ? "surge: " + who
                                               : "deploy " + who + " to " + region(in.region);
    }
  }
  return std::string(sim::to_string(in.kind));
}

sim::Inject msel_command_of_form(const MselForm& f) {
  sim::Inject in = inject_of_form(f);
  in.line_kind = in.kind;
  in.kind = sim::InjectKind::ScheduleMsel;
  in.line = f.line >= 0 ? static_cast<std::uint32_t>(f.line) : sim::Inject::kNoLine;
  return in;
}

sim::Duration parse_msel_time(std::string_view text) {
  if (text.size() >= 2 && (text[0] == 'T' || text[0] == 't') && text[1] == '+') {
    text.remove_prefix(2);
  }
  return sim::parse_duration(text);
}

void fill_inject_form(MselForm& f, const sim::Inject& in) {
  f.kind = static_cast<int>(in.kind);
  copy_text(f.at, sim::format_duration(in.at));
  f.regime = static_cast<int>(in.regime);
  f.us = static_cast<int>(in.us);
  f.nation = static_cast<int>(in.nation);
  f.region = static_cast<int>(in.region);
  f.region_b = static_cast<int>(in.region_b);
  f.count = std::max(1, in.count);
  f.unit = in.unit == sim::Inject::kAnyUnit ? -1 : static_cast<int>(in.unit);
  f.any_nation = in.any_nation;
  f.tier = static_cast<int>(in.tier);
  f.mode = static_cast<int>(in.mode);
  copy_text(f.note, in.note);
}

sim::Inject inject_of_form(const MselForm& f) {
  // Only the kind's own parameters: the others keep an Inject's defaults, as a scenario file
  // reads them, so that a line written and read back is the same line.
  sim::Inject in;
  in.kind = static_cast<sim::InjectKind>(f.kind);
  in.at = parse_msel_time(f.at.data());
  in.note = f.note.data();
  const auto unit = [&] {
    return f.unit < 0 ? sim::Inject::kAnyUnit : static_cast<std::uint32_t>(f.unit);
  };
  switch (in.kind) {
    case sim::InjectKind::SetRegime:
      in.regime = static_cast<sim::Regime>(f.regime);
      break;
    case sim::InjectKind::SetUsSupport:
      in.us = static_cast<sim::UsSupport>(f.us);
      break;
    case sim::InjectKind::NationWithdraws:
      in.nation = static_cast<std::uint32_t>(std::max(0, f.nation));
      break;
    case sim::InjectKind::Provocation:
      in.region = static_cast<map::RegionId>(std::max(0, f.region));
      in.count = f.count;
      break;
    case sim::InjectKind::CutLink:
    case sim::InjectKind::RestoreLink:
      in.region = static_cast<map::RegionId>(std::max(0, f.region));
      in.region_b = static_cast<map::RegionId>(std::max(0, f.region_b));
      break;
    case sim::InjectKind::Surge:
      in.any_nation = f.any_nation;
      if (!f.any_nation) in.nation = static_cast<std::uint32_t>(std::max(0, f.nation));
      in.tier = static_cast<sim::Readiness>(std::clamp(f.tier, 0, int(sim::kReadinessCount) - 1));
      in.unit = unit();
      break;
    case sim::InjectKind::Deploy:
      in.unit = unit();
      in.region = static_cast<map::RegionId>(std::max(0, f.region));
      in.mode = static_cast<sim::DeployMode>(std::clamp(f.mode, 0, 4));
      break;
    default:
      break;
  }
  return in;
}

void inject_form_fields(UiState& ui, const std::string& prefix, MselForm& f,
                        const sim::Scenario& sc, const map::Theatre& th) {
  const std::vector<sim::InjectKind> kinds = line_kinds();
  int k = static_cast<int>(
      std::find(kinds.begin(), kinds.end(), static_cast<sim::InjectKind>(f.kind)) - kinds.begin());
  form_combo("##kind", k, static_cast<int>(kinds.size()),
             [&](int i) { return std::string(sim::to_string(kinds[i])); });
  mark_control(ui, prefix + "kind");
  if (k >= 0 && k < static_cast<int>(kinds.size())) f.kind = static_cast<int>(kinds[k]);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("fires at, from the start (3d12h or T+3d12h):");  // a narrow panel wraps it
  ImGui::PopStyleColor();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##at", "3d12h", f.at.data(), f.at.size());
  mark_control(ui, prefix + "at");
  const auto region_name = [&](int i) { return th.region(static_cast<map::RegionId>(i)).name; };
  const int regions = static_cast<int>(th.region_count());
  const int nations = static_cast<int>(sc.nations.size());
  switch (static_cast<sim::InjectKind>(f.kind)) {
    case sim::InjectKind::SetRegime:
      form_combo("##regime", f.regime, static_cast<int>(sim::kRegimeCount),
                 [](int i) { return std::string(sim::to_string(static_cast<sim::Regime>(i))); });
      break;
    case sim::InjectKind::SetUsSupport:
      form_combo("##us", f.us, static_cast<int>(sim::kUsSupportCount),
                 [](int i) { return std::string(sim::to_string(static_cast<sim::UsSupport>(i))); });
      break;
    case sim::InjectKind::NationWithdraws:
      form_combo("##nation", f.nation, nations, [&](int i) { return sc.nations[i].name; });
      break;
    case sim::InjectKind::Provocation:
      form_combo("##region", f.region, regions, region_name);
      ImGui::SetNextItemWidth(-1);
      ImGui::SliderInt("##count", &f.count, 1, 30, "%d violations");
      break;
    case sim::InjectKind::CutLink:
    case sim::InjectKind::RestoreLink:
      form_combo("##region", f.region, regions, region_name);
      form_combo("##region_b", f.region_b, regions, region_name);
      break;
    case sim::InjectKind::Surge:
      ImGui::Checkbox("every nation", &f.any_nation);
      if (!f.any_nation) {
        form_combo("##nation", f.nation, nations, [&](int i) { return sc.nations[i].name; });
      }
      form_combo("##tier", f.tier, static_cast<int>(sim::kReadinessCount), [](int i) {
        return i == 0 ? std::string("every tier")
                      : std::string(sim::to_string(static_cast<sim::Readiness>(i)));
      });
      break;
    case sim::InjectKind::Deploy:
      form_combo("##unit", f.unit, static_cast<int>(sc.units.size()),
                 [&](int i) { return sc.units[i].id; });
      form_combo("##region", f.region, regions, region_name);
      form_combo("##mode", f.mode, 5, [](int i) {
        return "by " + std::string(sim::to_string(static_cast<sim::DeployMode>(i)));
      });
      break;
    default:
      break;
  }
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##note", "note to read out", f.note.data(), f.note.size());
  mark_control(ui, prefix + "note");
}

}  // namespace rfsim::render::gui
