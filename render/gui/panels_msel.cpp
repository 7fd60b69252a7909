// The MSEL in play: the scenario's injects in time order, those to come with when they fire
// and the note the facilitator reads out, those fired greyed; a jump to just before one.
#include <imgui.h>

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "render/gui/panels.hpp"

namespace rfsim::render::gui {

std::string inject_words(const sim::Simulation& run, const sim::Inject& in) {
  const map::Theatre& th = run.theatre();
  const auto region = [&](map::RegionId r) {
    return r < th.region_count() ? th.region(r).name : std::string("?");
  };
  switch (in.kind) {
    case sim::InjectKind::SetRegime:
      return "regime becomes " + std::string(sim::to_string(in.regime));
    case sim::InjectKind::SetUsSupport:
      return "US support becomes " + std::string(sim::to_string(in.us));
    case sim::InjectKind::NationWithdraws:
      return (in.nation < run.scenario().nations.size() ? run.scenario().nations[in.nation].name
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
    case sim::InjectKind::Surge:
    case sim::InjectKind::Deploy: {
      const auto& units = run.scenario().units;
      const std::string who = in.unit < units.size() ? units[in.unit].id
                              : in.kind == sim::InjectKind::Surge && !in.any_nation &&
                                      in.nation < run.scenario().nations.size()
                                  ? run.scenario().nations[in.nation].name + "'s units at home"
                                  : std::string("every unit at home");
      return in.kind == sim::InjectKind::Surge ? "surge: " + who
                                               : "deploy " + who + " to " + region(in.region);
    }
  }
  return std::string(sim::to_string(in.kind));
}

void msel_section(const Session& session, UiState& ui) {
  const sim::Simulation& run = session.run();
  const std::vector<sim::Inject>& msel = run.scenario().injects;
  if (msel.empty()) {
    ImGui::TextDisabled("The scenario has no MSEL.");
    return;
  }
  std::vector<std::size_t> order(msel.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return msel[a].at < msel[b].at; });
  const sim::SimTime now = session.now();
  int to_come = 0;
  for (std::size_t i : order) to_come += sim::SimTime::at(msel[i].at) > now;
  ImGui::TextDisabled("%d to come of %zu", to_come, msel.size());
  for (std::size_t i : order) {
    const sim::Inject& in = msel[i];
    const sim::SimTime at = sim::SimTime::at(in.at);
    const bool fired = at <= now;
    ImGui::PushID(static_cast<int>(i));
    if (fired)
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    const std::string when =
        sim::format_clock(at) + (fired ? "  (fired)" : "  in " + minutes_text(at - now));
    ImGui::TextUnformatted(when.c_str());
    ImGui::TextWrapped("%s", inject_words(run, in).c_str());
    if (!in.note.empty()) {
      ImGui::Indent();
      ImGui::TextWrapped("\"%s\"", in.note.c_str());  // what the facilitator reads out
      ImGui::Unindent();
    }
    if (fired) ImGui::PopStyleColor();
    if (!fired && named_button(ui, "msel/jump/" + std::to_string(i), "Jump to a minute before")) {
      ui.playing = false;
      ui.actions.push_back([t = at - sim::Duration::minutes(1)](Session& s, UiState& u) {
        s.jump_to(t);
        u.status = "Jumped to " + sim::format_clock(s.now()) + ", a minute before an inject";
      });
    }
    ImGui::PopID();
    ImGui::Separator();
  }
}

}  // namespace rfsim::render::gui
