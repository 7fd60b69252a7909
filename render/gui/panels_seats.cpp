// The Seats window of a hosting facilitator (`rfsim host`): the join codes to give each cell,
// the seats joined (cell, nation, address, since when, last heard), and what the host said,
// refusals first to the eye.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <string>

#include "play/host.hpp"
#include "render/gui/panels.hpp"

namespace rfsim::render::gui {

namespace {

std::string clock_text(std::chrono::system_clock::time_point t) {
  if (t == std::chrono::system_clock::time_point{}) return "-";
  const std::time_t tt = std::chrono::system_clock::to_time_t(t);
  char buf[16];
  std::strftime(buf, sizeof buf, "%H:%M:%S", std::localtime(&tt));
  return buf;
}

}  // namespace

void panel_seats(const play::Host& host, UiState& ui, const Layout& at) {
  ui.seat_rows.clear();
  const auto seats = host.seat_list();
  for (const play::SeatInfo& s : seats) {
    ui.seat_rows.push_back(std::string(play::to_string(s.role)) +
                           (s.nation.empty() ? "" : " (" + s.nation + ")") + " " + s.address +
                           " since " + clock_text(s.since) + ", last heard " +
                           clock_text(s.last_heard));
  }
  if (!ui.show_seats) return;
  const float map_w = at.width - at.left_w - at.right_w;
  const float w = std::min(460.0f * ui.ui_scale, map_w - 16);
  const float h = std::min(300.0f * ui.ui_scale, at.height - at.bottom_h - 16);
  ImGui::SetNextWindowPos(ImVec2(at.width - at.right_w - 8 - w, at.height - at.bottom_h - 8 - h),
                          ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_FirstUseEver);
  const std::string title = "Seats (" + std::to_string(seats.size()) + ") - port " +
                            std::to_string(host.port()) + "###seats";
  ImGui::Begin(title.c_str(), &ui.show_seats, ImGuiWindowFlags_NoSavedSettings);
  // Wrapped: at the window's first size the line ran past its right edge.
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("join codes: rfsim join THIS-MACHINE:%u --cell CELL --code CODE",
                     static_cast<unsigned>(host.port()));
  ImGui::PopStyleColor();
  for (play::Role r :
       {play::Role::Blue, play::Role::Red, play::Role::Observer, play::Role::White}) {
    ImGui::Text("%-8s %s", std::string(play::to_string(r)).c_str(), host.code(r).c_str());
    if (r == play::Role::Blue || r == play::Role::Observer) ImGui::SameLine(0, 24);
  }
  ImGui::Separator();
  if (seats.empty()) ImGui::TextDisabled("no seat has joined yet");
  if (!seats.empty() &&
      ImGui::BeginTable("seats", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
    for (const char* head : {"cell", "nation", "address", "since", "last heard"}) {
      ImGui::TableSetupColumn(head);
    }
    ImGui::TableHeadersRow();
    for (const play::SeatInfo& s : seats) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(std::string(play::to_string(s.role)).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(s.nation.empty() ? "-" : s.nation.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(s.address.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(clock_text(s.since).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(clock_text(s.last_heard).c_str());
    }
    ImGui::EndTable();
  }
  ImGui::Separator();
  const play::HostCounters& c = host.counters();
  ImGui::TextDisabled(
      "%llu joined, %llu refused, %llu dropped, %llu orders, %llu pictures sent",
      static_cast<unsigned long long>(c.joined), static_cast<unsigned long long>(c.refused),
      static_cast<unsigned long long>(c.dropped), static_cast<unsigned long long>(c.commands),
      static_cast<unsigned long long>(c.pictures));
  ImGui::BeginChild("host-lines");
  const auto& events = host.events();
  for (auto it = events.rbegin(); it != events.rend(); ++it) {  // the newest first
    const std::string line = clock_text(it->at) + "  " + it->text;
    if (it->refusal) {
      ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
      ImGui::TextWrapped("%s", line.c_str());
      ImGui::PopStyleColor();
    } else {
      ImGui::TextWrapped("%s", line.c_str());
    }
  }
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace rfsim::render::gui
