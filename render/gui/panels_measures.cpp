// The measures of effectiveness, as figures and as small plots over the run.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "render/gui/panels.hpp"
#include "sim/summary.hpp"

namespace rfsim::render::gui {

namespace {

void plot(const char* label, const std::vector<float>& v, float lo, float hi, const char* overlay) {
  ImGui::TextDisabled("%s", label);
  const std::string id = std::string("##") + label;
  ImGui::PlotLines(id.c_str(), v.data(), static_cast<int>(v.size()), 0, overlay, lo, hi,
                   ImVec2(ImGui::GetContentRegionAvail().x, ImGui::GetTextLineHeight() * 2.6f));
}

}  // namespace

void panel_measures(const Session& session, const Layout& at, play::Cell cell) {
  ImGui::SetNextWindowPos(ImVec2(at.width - at.right_w, at.height * 0.42f));
  ImGui::SetNextWindowSize(ImVec2(at.right_w, at.height * 0.58f));
  ImGui::Begin("Measures", nullptr, kFixedPanel);
  if (cell != play::Cell::White) {
    // Not yet drawn from a picture: said on screen rather than shown as the cell's own.
    ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
    ImGui::TextWrapped("White's measures (the truth), not this cell's picture.");
    ImGui::PopStyleColor();
  }
  const sim::Simulation& run = session.run();
  const sim::Measures& m = run.world().measures;
  const double n = static_cast<double>(std::max<std::int64_t>(1, m.violations));
  if (ImGui::BeginTable("m", 2, ImGuiTableFlags_SizingStretchProp)) {
    auto row = [](const char* k, const char* fmt, auto... args) {
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", k);
      ImGui::TableNextColumn();
      ImGui::Text(fmt, args...);
    };
    row("violations", "%lld", static_cast<long long>(m.violations));
    row("detected", "%.0f%%   (detect: mean %.1f h, p95 %.1f h)",
        100 * static_cast<double>(m.detected) / n, m.time_to_detect.mean_hours(),
        m.time_to_detect.quantile_hours(0.95));
    row("answered in standard", "%.0f%%   (respond: mean %.1f h, p95 %.1f h)",
        100 * static_cast<double>(m.answered_in_standard) / n, m.time_to_respond.mean_hours(),
        m.time_to_respond.quantile_hours(0.95));
    // "Answered" counts the monitors' report as the whole answer where doctrine only records:
    // the log says how many answers were that, and how many a unit's arrival.
    row("of the answers", "%llu recorded only, %llu by a unit arriving",
        static_cast<unsigned long long>(session.recorded_only()),
        static_cast<unsigned long long>(session.unit_arrivals()));
    row("blocked by caveats", "%lld   refused %lld   no unit %lld",
        static_cast<long long>(m.blocked_by_caveats), static_cast<long long>(m.refusals),
        static_cast<long long>(m.no_unit_available));
    row("force utilisation", "%.0f%%", 100 * sim::utilisation(run));
    if (m.ceasefire_broken) {
      ImGui::TableNextColumn();
      ImGui::TextDisabled("ceasefire");
      ImGui::TableNextColumn();
      ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "BROKEN at %s",
                         sim::format_clock(m.broken_at).c_str());
    } else {
      row("ceasefire", "%s", "holding");
    }
    ImGui::EndTable();
  }
  ImGui::Separator();
  std::vector<float> per_day, escalation;
  for (const sim::DayRow& d : m.days) {
    std::int64_t total = 0;
    for (auto c : d.by_type) total += c;
    per_day.push_back(static_cast<float>(total));
    escalation.push_back(static_cast<float>(d.escalation));
  }
  char overlay[64];
  const float top = per_day.empty() ? 1 : *std::max_element(per_day.begin(), per_day.end());
  std::snprintf(overlay, sizeof overlay, "%s", per_day.empty() ? "after the first day" : "");
  plot("violations per day", per_day, 0, std::max(1.0f, top * 1.1f), overlay);
  std::snprintf(overlay, sizeof overlay, "%s",
                escalation.empty() ? "after the first day" : "2.0 breaks the ceasefire");
  plot("escalation index, daily", escalation, 0, 3, overlay);
  std::vector<float> in_theatre;  // the force's build-up: units arriving on a surge
  for (const sim::DayRow& d : m.days) in_theatre.push_back(static_cast<float>(d.in_theatre));
  const float force = in_theatre.empty()
                          ? 1.0f
                          : std::max(1.0f, *std::max_element(in_theatre.begin(), in_theatre.end()));
  std::snprintf(overlay, sizeof overlay, "%s", in_theatre.empty() ? "after the first day" : "");
  plot("coalition units in the theatre, daily", in_theatre, 0, force * 1.1f, overlay);
  std::vector<float> detected, standard, away, open;
  for (const Sample& s : session.samples()) {
    detected.push_back(s.detected_share);
    standard.push_back(s.in_standard_share);
    away.push_back(s.units_away);
    open.push_back(s.open_violations);
  }
  plot("share detected (hourly)", detected, 0, 1, "");
  plot("answered within standard (hourly)", standard, 0, 1, "");
  const float units = static_cast<float>(std::max<std::size_t>(1, run.world().units.size()));
  plot("units away from home (hourly)", away, 0, units, "");
  const float most = open.empty() ? 1 : std::max(1.0f, *std::max_element(open.begin(), open.end()));
  plot("open violations (hourly)", open, 0, most * 1.1f, "");
  ImGui::End();
}

}  // namespace rfsim::render::gui
