// The measures of effectiveness, as figures and as small plots over the run.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

#include "play/picture.hpp"
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

void measures_table(const play::PictureMeasures& m, play::Cell cell,
                    const std::function<void()>& extra_rows) {
  const double n = static_cast<double>(std::max<std::int64_t>(1, m.violations));
  auto share = [&](std::int64_t part) { return 100 * static_cast<double>(part) / n; };
  // Both columns wrap at the panel's width: "(respond: mean 6.9 h, p95 ...)" ran past the
  // right edge at 1280x720 and at 1920x1080 with UI scale 1.25.
  if (!ImGui::BeginTable("m", 2, ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn("measure", ImGuiTableColumnFlags_WidthStretch, 0.38f);
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 0.62f);
  auto row = [](const char* k, const char* fmt, auto... args) {
    ImGui::TableNextColumn();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", k);
    ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    ImGui::TextWrapped(fmt, args...);
  };
  row(cell == play::Cell::Blue ? "violations reported" : "violations", "%lld",
      static_cast<long long>(m.violations));
  if (m.detected) {
    row("detected", "%.0f%%   (detect: mean %.1f h, p95 %.1f h)", share(*m.detected),
        m.detect_mean_h.value_or(0), m.detect_p95_h.value_or(0));
  } else if (m.detect_mean_h) {
    // Blue: every violation it counts was detected; how long the reports took is its own.
    row("time to report", "mean %.1f h, p95 %.1f h", *m.detect_mean_h, m.detect_p95_h.value_or(0));
  }
  if (m.answered_in_standard) {
    row("answered in standard", "%.0f%%   (respond: mean %.1f h, p95 %.1f h)",
        share(*m.answered_in_standard), m.respond_mean_h.value_or(0), m.respond_p95_h.value_or(0));
  }
  if (extra_rows) extra_rows();
  if (m.blocked_by_caveats) {
    row("blocked by caveats", "%lld   refused %lld   no unit %lld",
        static_cast<long long>(*m.blocked_by_caveats),
        static_cast<long long>(m.refusals.value_or(0)),
        static_cast<long long>(m.no_unit_available.value_or(0)));
  }
  if (m.utilisation) row("force utilisation", "%.0f%%", 100 * *m.utilisation);
  row("battles", "%lld   ground lost %.0f km2", static_cast<long long>(m.battles),
      m.ground_lost_km2);
  if (m.red_losses) row("Red's losses", "%lld", static_cast<long long>(*m.red_losses));
  if (m.coalition_losses) {
    row("coalition losses", "%lld", static_cast<long long>(*m.coalition_losses));
  }
  if (m.ceasefire_broken && *m.ceasefire_broken) {
    ImGui::TableNextColumn();
    ImGui::TextDisabled("ceasefire");
    ImGui::TableNextColumn();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.45f, 0.4f, 1));
    ImGui::TextWrapped("BROKEN at %s", sim::format_clock(m.broken_at).c_str());
    ImGui::PopStyleColor();
  } else if (m.ceasefire_broken) {
    row("ceasefire", "%s", "holding");
  }
  ImGui::EndTable();
}

void panel_measures(const Session& session, const Layout& at, play::Cell cell) {
  ImGui::SetNextWindowPos(ImVec2(at.width - at.right_w, at.height * 0.42f));
  ImGui::SetNextWindowSize(ImVec2(at.right_w, at.height * 0.58f));
  ImGui::Begin("Measures", nullptr, kFixedPanel);
  const sim::Simulation& run = session.run();
  const sim::Measures& m = run.world().measures;
  // The figures are the cell's picture's (play::measures_of); the plots below are the truth's
  // hour by hour, so only White's screen draws them.
  measures_table(play::measures_of(run, cell), cell, [&] {
    if (cell != play::Cell::White) return;
    // "Answered" counts the monitors' report as the whole answer where doctrine only records:
    // the log says how many answers were that, and how many a unit's arrival.
    ImGui::TableNextColumn();
    ImGui::TextDisabled("of the answers");
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%llu recorded only, %llu by a unit arriving",
                       static_cast<unsigned long long>(session.recorded_only()),
                       static_cast<unsigned long long>(session.unit_arrivals()));
  });
  if (cell != play::Cell::White) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("From %s's picture; the plots are on White's screen.",
                       cell == play::Cell::Blue ? "Blue" : "Red");
    ImGui::PopStyleColor();
    ImGui::End();
    return;
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
