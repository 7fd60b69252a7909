// The Saves panel: save, open and branch the game shown, and the autosave's state.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>
#include <string>

#include "render/gui/panels.hpp"
#include "sim/time.hpp"

namespace rfsim::render::gui {

namespace {

std::string path_of(const std::array<char, 512>& field) {
  return std::string(field.data());
}

// Errors the facilitator can cause (a bad path, a broken save) go to the status line.
template <typename F>
void attempt(UiState& ui, const std::string& what, F&& f) {
  try {
    f();
    ui.status = what;
  } catch (const std::exception& e) {
    ui.status = std::string("failed: ") + e.what();
  }
}

}  // namespace

void open_game(Session& session, UiState& ui, const std::string& path) {
  attempt(ui, "opened " + path, [&] {
    ui.playing = false;
    session.open(path);
    ui.selected = Pick{};
  });
}

void panel_saves(const Session& session, UiState& ui, const Layout& at) {
  // Below the map's title bar (its clock and regime), at the map's left edge.
  ImGui::SetNextWindowPos(ImVec2(at.left_w + 8, map_bar_top(0)), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(
      ImVec2(std::min(440 * ui.ui_scale, at.width - at.left_w - at.right_w - 16), 0),
      ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Saves")) {
    ImGui::End();
    return;
  }
  const saves::Recording& rec = session.recording();
  ImGui::Text("file: %s", session.file().empty() ? "(unsaved)" : session.file().c_str());
  if (session.unsaved()) {
    ImGui::SameLine();
    ImGui::TextColored(kWarning, "(changed since saved)");
  }
  ImGui::Text("at %s of %s recorded, %zu commands, %zu keyframes",
              sim::format_clock(session.now()).c_str(), sim::format_clock(rec.end()).c_str(),
              rec.commands().size(), rec.keyframes().size());
  if (session.now() < rec.end()) {
    ImGui::TextDisabled("behind the end: a command forks the game here");
  }
  if (ImGui::Button("Step back")) {
    ui.playing = false;
    ui.actions.push_back([](Session& s, UiState&) {
      s.hold();
      s.step_back();
    });
  }
  ImGui::SameLine();
  ImGui::TextDisabled("(Backspace)");

  ImGui::Separator();
  ImGui::InputText("##save", ui.save_path.data(), ui.save_path.size());
  ImGui::SameLine();
  if (named_button(ui, "saves/save", "Save") && ui.save_path[0] != 0) {
    ui.actions.push_back([p = path_of(ui.save_path)](Session& s, UiState& u) {
      attempt(u, "saved " + p, [&] { s.save_to(p); });
    });
  }
  ImGui::InputText("##open", ui.open_path.data(), ui.open_path.size());
  ImGui::SameLine();
  // Hosting: the seats play this game; another would leave them on one that is gone.
  if (ui.host != nullptr) ImGui::BeginDisabled();
  const bool open = named_button(ui, "saves/open", "Open") && ui.host == nullptr;
  if (ui.host != nullptr) {
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
      ImGui::SetTooltip("Off while hosting: close the window (it saves) and host the save");
    }
  }
  if (open && ui.open_path[0] != 0) {
    const std::string p = path_of(ui.open_path);
    if (session.unsaved()) {
      ui.leaving = Leaving{Leaving::Kind::Open, p, {}};  // asks first (panels_unsaved.cpp)
    } else {
      ui.actions.push_back([p](Session& s, UiState& u) { open_game(s, u, p); });
    }
  }
  ImGui::InputText("##branch", ui.branch_path.data(), ui.branch_path.size());
  ImGui::SameLine();
  if (ImGui::Button("Branch here") && ui.branch_path[0] != 0) {
    ui.playing = false;
    ui.actions.push_back([p = path_of(ui.branch_path)](Session& s, UiState& u) {
      attempt(u, "branched at " + sim::format_clock(s.now()) + " into " + p, [&] {
        s.hold();
        s.branch_to(p);
      });
    });
  }

  ImGui::Separator();
  if (const saves::Autosaver* a = session.autosaver()) {
    const auto files = a->files();
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(a->every()).count();
    ImGui::Text("autosave every %lld min: %zu on disk", static_cast<long long>(minutes),
                files.size());
    if (!files.empty()) ImGui::TextDisabled("newest: %s", files.front().string().c_str());
    if (const auto& f = a->failure()) {
      ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
      ImGui::TextWrapped(
          "The last autosave failed (%d in a row): %s. It is tried again every %lld min.",
          f->attempts, f->reason.c_str(), static_cast<long long>(minutes));
      ImGui::PopStyleColor();
    }
  } else {
    ImGui::TextDisabled("autosave off (rfsim gui --autosave-dir DIR)");
  }
  ImGui::End();
}

}  // namespace rfsim::render::gui
