// The bottom strip: the timeline with the run's events on it, and the event log with filters
// by type, region and nation.
#include <imgui.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <string_view>

#include "render/gui/panels.hpp"
#include "sim/sensors.hpp"

namespace rfsim::render::gui {

namespace {

ImU32 kind_colour(sim::TraceKind k) {
  using K = sim::TraceKind;
  switch (k) {
    case K::Violation:
      return IM_COL32(240, 90, 80, 255);
    case K::Detected:
      return IM_COL32(240, 170, 80, 255);
    case K::Dispatched:
    case K::Arrived:
      return IM_COL32(120, 180, 255, 255);
    case K::Refused:
    case K::Blocked:
    case K::Unanswered:
      return IM_COL32(255, 210, 60, 255);
    case K::Inject:
      return IM_COL32(120, 230, 150, 255);
    case K::CeasefireBroken:
      return IM_COL32(255, 80, 200, 255);
    default:
      return IM_COL32(180, 180, 180, 255);
  }
}

void timeline(const Session& session, UiState& ui) {
  const sim::Simulation& run = session.run();
  const float h = ImGui::GetFrameHeight() * 1.9f;
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float w = std::max(50.0f, ImGui::GetContentRegionAvail().x);
  ImGui::InvisibleButton("timeline", ImVec2(w, h));
  const bool hovered = ImGui::IsItemHovered();
  const double end_ms = static_cast<double>(std::max<std::int64_t>(1, run.end().ms()));
  auto x_of = [&](sim::SimTime t) { return p0.x + static_cast<float>(t.ms() / end_ms) * w; };
  auto t_of = [&](float x) {
    return sim::SimTime::from_ms(
        static_cast<std::int64_t>(std::clamp((x - p0.x) / w, 0.0f, 1.0f) * end_ms));
  };
  if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) {
    ui.playing = false;
    ui.actions.push_back([to = t_of(ImGui::GetIO().MousePos.x)](Session& s, UiState& u) {
      s.jump_to(to);
      u.status = "Jumped to " + sim::format_clock(s.now());
    });
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p1(p0.x + w, p0.y + h);
  dl->AddRectFilled(p0, p1, IM_COL32(24, 30, 40, 255), 3);
  dl->AddRectFilled(p0, ImVec2(x_of(run.now()), p1.y), IM_COL32(40, 58, 80, 255), 3);
  // Violations as a histogram, one bar per pixel column: Blue's when HQ learned of them.
  std::vector<int> bins(static_cast<std::size_t>(w) + 1, 0);
  int most = 1;
  const sim::TraceKind news =
      ui.cell == play::Cell::Blue ? sim::TraceKind::Detected : sim::TraceKind::Violation;
  for (const sim::TraceRecord& r : session.log()) {
    if (r.kind != news) continue;
    const auto b = static_cast<std::size_t>(std::clamp(x_of(r.time) - p0.x, 0.0f, w));
    most = std::max(most, ++bins[b]);
  }
  for (std::size_t b = 0; b < bins.size(); ++b) {
    if (bins[b] == 0) continue;
    const float bh = (h - 14) * std::min(1.0f, 0.25f + 0.75f * static_cast<float>(bins[b]) /
                                                           static_cast<float>(most));
    dl->AddLine(ImVec2(p0.x + static_cast<float>(b), p1.y - 2),
                ImVec2(p0.x + static_cast<float>(b), p1.y - 2 - bh), IM_COL32(230, 80, 70, 200));
  }
  // Days, then injects (the MSEL's and the facilitator's) as triangles on top.
  const auto days = run.end().ms() / sim::Duration::days(1).count_ms();
  for (std::int64_t d = 0; d <= days; ++d) {
    const float x = x_of(sim::SimTime::at(sim::Duration::days(d)));
    dl->AddLine(ImVec2(x, p0.y), ImVec2(x, p0.y + 5), IM_COL32(150, 160, 175, 255));
    if (days <= 40 && d % (w / static_cast<float>(days + 1) > 40 ? 1 : 5) == 0 && d < days) {
      char buf[24];
      std::snprintf(buf, sizeof buf, "D%lld", static_cast<long long>(d + 1));
      dl->AddText(ImVec2(x + 2, p0.y + 1), IM_COL32(150, 160, 175, 255), buf);
    }
  }
  auto inject_mark = [&](sim::SimTime t, ImU32 col) {
    const float x = x_of(t);
    dl->AddTriangleFilled(ImVec2(x - 5, p0.y), ImVec2(x + 5, p0.y), ImVec2(x, p0.y + 9), col);
  };
  for (const sim::Inject& in : run.scenario().injects)
    inject_mark(sim::SimTime::at(in.at), IM_COL32(120, 230, 150, 255));
  for (const LiveInject& li : session.live_injects())
    inject_mark(li.at, IM_COL32(255, 255, 255, 255));
  timeline_note_marks(session, ui, p0, p1);
  const float cx = x_of(run.now());
  dl->AddLine(ImVec2(cx, p0.y - 2), ImVec2(cx, p1.y + 2), IM_COL32(255, 220, 90, 255), 2.5f);
  if (hovered) {
    const sim::SimTime t = t_of(ImGui::GetIO().MousePos.x);
    ImGui::SetTooltip(
        "%s\nclick to jump here\n(red: violations; green: MSEL injects; white: live injects)",
        sim::format_clock(t).c_str());
  }
}

bool passes(const sim::Simulation& run, const UiState& ui, const sim::TraceRecord& r) {
  const auto k = static_cast<std::size_t>(r.kind);
  if (k < kTraceKindCount && !ui.show_kind[k]) return false;
  if (ui.region_filter >= 0 && r.region != static_cast<std::uint32_t>(ui.region_filter))
    return false;
  if (ui.nation_filter >= 0) {
    if (r.unit >= run.world().units.size()) return false;
    const auto spec = run.world().units[r.unit].spec;
    if (run.scenario().units[spec].nation != static_cast<std::uint32_t>(ui.nation_filter))
      return false;
  }
  return true;
}

void filters(const sim::Simulation& run, UiState& ui) {
  // The kinds in a list that folds away, on one line with the other filters: thirteen
  // checkboxes in a row were cut off at the strip's right edge at 1920x1080 and UI scale 1.25,
  // and wrapped they took the log's own lines at 1280x720.
  std::size_t shown = 0;
  std::string first_shown;
  for (std::size_t k = 0; k < kTraceKindCount; ++k) {
    if (!ui.show_kind[k]) continue;
    if (shown++ == 0) first_shown = sim::to_string(static_cast<sim::TraceKind>(k));
  }
  const std::string kinds =
      shown == kTraceKindCount ? "every kind"
      : shown == 0             ? "no kind"
      : shown == 1             ? first_shown
                   : std::to_string(shown) + " of " + std::to_string(kTraceKindCount) + " kinds";
  ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 9, ImGui::GetContentRegionAvail().x));
  const bool kinds_open =
      ImGui::BeginCombo("##kinds", kinds.c_str(), ImGuiComboFlags_HeightLargest);
  mark_control(ui, "filter/kinds");
  if (kinds_open) {
    for (std::size_t k = 0; k < kTraceKindCount; ++k) {
      const auto kind = static_cast<sim::TraceKind>(k);
      const std::string name(sim::to_string(kind));
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kind_colour(kind)));
      if (ImGui::Checkbox(name.c_str(), &ui.show_kind[k])) ui.log_dirty = true;
      ImGui::PopStyleColor();
      mark_control(ui, "filter/kind/" + name);
    }
    ImGui::EndCombo();
  }
  const float region_w = std::min(ImGui::GetFontSize() * 12, ImGui::GetContentRegionAvail().x);
  same_line_if_fits(region_w);
  const map::Theatre& th = run.theatre();
  ImGui::SetNextItemWidth(region_w);
  const std::string region = ui.region_filter < 0
                                 ? "all regions"
                                 : th.region(static_cast<map::RegionId>(ui.region_filter)).name;
  const bool region_open = ImGui::BeginCombo("##region", region.c_str());
  mark_control(ui, "filter/region");
  if (region_open) {
    if (ImGui::Selectable("all regions", ui.region_filter < 0))
      ui.region_filter = -1, ui.log_dirty = true;
    for (map::RegionId r = 0; r < th.region_count(); ++r) {
      if (ImGui::Selectable(th.region(r).name.c_str(), ui.region_filter == static_cast<int>(r))) {
        ui.region_filter = static_cast<int>(r);
        ui.log_dirty = true;
      }
    }
    ImGui::EndCombo();
  }
  const float nation_w = std::min(ImGui::GetFontSize() * 10, ImGui::GetContentRegionAvail().x);
  same_line_if_fits(nation_w);
  const auto& nations = run.scenario().nations;
  ImGui::SetNextItemWidth(nation_w);
  const std::string nation = ui.nation_filter < 0
                                 ? "all nations"
                                 : nations[static_cast<std::size_t>(ui.nation_filter)].name;
  const bool nation_open = ImGui::BeginCombo("##nation", nation.c_str());
  mark_control(ui, "filter/nation");
  if (nation_open) {
    if (ImGui::Selectable("all nations", ui.nation_filter < 0))
      ui.nation_filter = -1, ui.log_dirty = true;
    for (std::size_t n = 0; n < nations.size(); ++n) {
      if (ImGui::Selectable(nations[n].name.c_str(), ui.nation_filter == static_cast<int>(n))) {
        ui.nation_filter = static_cast<int>(n);
        ui.log_dirty = true;
      }
    }
    ImGui::EndCombo();
  }
  same_line_if_fits(button_width("selected region"));
  if (ImGui::SmallButton("selected region")) {
    if (ui.selected.region) ui.region_filter = static_cast<int>(*ui.selected.region);
    ui.log_dirty = true;
  }
  mark_control(ui, "filter/selected_region");
  same_line_if_fits(button_width("clear filters"));
  const bool clear = ImGui::SmallButton("clear filters");
  mark_control(ui, "filter/clear");
  if (clear) {
    ui.show_kind.fill(true);
    ui.region_filter = ui.nation_filter = -1;
    ui.log_dirty = true;
  }
}

void update_rows(const Session& session, UiState& ui) {
  const auto& log = session.log();
  if (ui.log_dirty || ui.log_generation != session.log_generation() ||
      ui.log_scanned > log.size() || ui.log_view.cell() != ui.cell) {
    ui.log_rows.clear();
    ui.log_scanned = 0;
    ui.log_generation = session.log_generation();
    ui.log_dirty = false;
    ui.log_view = play::LogView(ui.cell);  // it reads the log again from the first record
  }
  for (; ui.log_scanned < log.size(); ++ui.log_scanned) {
    // The cell's view first: it must see every record, in order, whatever the filters.
    if (ui.log_view.admits(log[ui.log_scanned]) && passes(session.run(), ui, log[ui.log_scanned])) {
      ui.log_rows.push_back(static_cast<std::uint32_t>(ui.log_scanned));
    }
  }
}

// The answer logged for the decision a log line is about: HQ's tasking asked about a violation
// (the decision asked then for that violation), or the answer itself ("decide 12 option 1").
std::optional<std::size_t> decision_command(const Session& session, const sim::TraceRecord& r) {
  if (r.kind == sim::TraceKind::Decision && r.violation != 0) {
    for (const auto& [id, d] : session.decisions_asked()) {
      if (d.serial == r.violation && d.asked == r.time) return answer_command(session, id);
    }
    return std::nullopt;
  }
  constexpr std::string_view kDecide = "decide ";
  if (r.kind != sim::TraceKind::Inject || !r.detail.starts_with(kDecide)) return std::nullopt;
  std::uint64_t id = 0;
  const char* first = r.detail.data() + kDecide.size();
  const auto [end, ec] = std::from_chars(first, r.detail.data() + r.detail.size(), id);
  if (ec != std::errc() || end == first) return std::nullopt;
  const std::optional<std::size_t> c = answer_command(session, id);
  if (c && session.recording().commands()[*c].at != r.time) return std::nullopt;
  return c;
}

}  // namespace

std::string unit_name(const sim::Simulation& run, std::uint32_t unit) {
  if (unit >= run.world().units.size()) return "";
  const sim::UnitSpec& spec = run.scenario().units[run.world().units[unit].spec];
  return spec.id;
}

void panel_log(const Session& session, UiState& ui, const Layout& at) {
  ImGui::SetNextWindowPos(ImVec2(at.left_w, at.height - at.bottom_h));
  ImGui::SetNextWindowSize(ImVec2(at.width - at.left_w - at.right_w, at.bottom_h));
  ImGui::Begin("Timeline and event log", nullptr, kFixedPanel);
  const sim::Simulation& run = session.run();
  timeline(session, ui);
  filters(run, ui);
  update_rows(session, ui);
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("log", 5, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("time");
    ImGui::TableSetupColumn("event");
    ImGui::TableSetupColumn("region");
    ImGui::TableSetupColumn("unit");
    ImGui::TableSetupColumn("detail", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    const bool at_bottom = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 2;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(ui.log_rows.size()));
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const sim::TraceRecord& r = session.log()[ui.log_rows[static_cast<std::size_t>(i)]];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(i);
        const bool has_region = r.region < run.theatre().region_count();
        const bool has_unit = r.unit < run.world().units.size();
        const bool was =
            ui.selected.violation && r.violation != 0 && *ui.selected.violation == r.violation;
        const bool clicked = ImGui::Selectable(
            sim::format_clock(r.time).c_str(), was,
            ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap);
        // Named by the record's place in the log: tests click a line as the mouse would.
        mark_control(ui, "log/" + std::to_string(ui.log_rows[static_cast<std::size_t>(i)]));
        if (clicked) {
          ui.selected = {};
          if (r.violation != 0) {
            ui.selected.violation = r.violation;  // the inspector answers "why?" about it
          } else if (has_unit) {
            ui.selected.unit = r.unit;
          } else if (has_region) {
            ui.selected.region = r.region;
          }
          if (has_region) ui.centre_on = run.theatre().region(r.region).label;
        }
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kind_colour(r.kind)));
        ImGui::TextUnformatted(std::string(sim::to_string(r.kind)).c_str());
        ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(has_region ? run.theatre().region(r.region).name.c_str() : "");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(has_unit ? unit_name(run, r.unit).c_str() : "");
        ImGui::TableNextColumn();
        // A decision's line (asked, or the answer logged): the fork that answers it otherwise,
        // opened in the inspector.
        if (const std::optional<std::size_t> c = decision_command(session, r)) {
          const std::string row = std::to_string(ui.log_rows[static_cast<std::size_t>(i)]);
          // Small: the line keeps the text's height, as the clipper expects of every line.
          const bool pressed = ImGui::SmallButton(("answer differently##" + row).c_str());
          mark_control(ui, "log/redecide/" + row);
          if (pressed) {
            ask_redecide(ui, *c, RedecideAt::Inspector);
            if (r.violation != 0) ui.selected = Pick{{}, {}, r.violation};
          }
          ImGui::SameLine();
        }
        if (r.kind == sim::TraceKind::Detected && ui.cell != play::Cell::Red) {
          // The report's sensor is the coalition's to know: White's and Blue's lines name it.
          const play::SensorBook::Entry* seen = session.sensors().find(r.violation, r.time);
          const std::string by =
              seen == nullptr ? r.detail
                              : r.detail + "; reported by " +
                                    sim::sensor_words(run.scenario(), seen->sensor, seen->unit);
          ImGui::TextUnformatted(by.c_str());
        } else {
          ImGui::TextUnformatted(r.detail.c_str());
        }
      }
    }
    if (at_bottom) ImGui::SetScrollHereY(1.0f);  // follow the newest while at the bottom
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace rfsim::render::gui
