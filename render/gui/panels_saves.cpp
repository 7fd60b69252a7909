// The Saves panel: save, open and branch the game shown, and the autosave's state.
#include <imgui.h>

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

void panel_saves(Session& session, UiState& ui, const Layout& at) {
  if (const auto written = session.tick_autosave()) {
    ui.status = "autosaved " + written->string();
  }
  // Below the map's title bar (its clock and regime), at the map's left edge.
  ImGui::SetNextWindowPos(ImVec2(at.left_w + 8, ImGui::GetTextLineHeightWithSpacing() * 2.2f),
                          ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(440 * ui.ui_scale, 0), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Saves")) {
    ImGui::End();
    return;
  }
  const saves::Recording& rec = session.recording();
  ImGui::Text("file: %s", session.file().empty() ? "(unsaved)" : session.file().c_str());
  ImGui::Text("at %s of %s recorded, %zu commands, %zu keyframes",
              sim::format_clock(session.now()).c_str(), sim::format_clock(rec.end()).c_str(),
              rec.commands().size(), rec.keyframes().size());
  if (session.now() < rec.end()) {
    ImGui::TextDisabled("behind the end: a command forks the game here");
  }
  if (ImGui::Button("Step back")) {
    ui.playing = false;
    session.hold();
    session.step_back();
  }
  ImGui::SameLine();
  ImGui::TextDisabled("(Backspace)");

  ImGui::Separator();
  ImGui::InputText("##save", ui.save_path.data(), ui.save_path.size());
  ImGui::SameLine();
  if (ImGui::Button("Save") && ui.save_path[0] != 0) {
    const std::string p = path_of(ui.save_path);
    attempt(ui, "saved " + p, [&] { session.save_to(p); });
  }
  ImGui::InputText("##open", ui.open_path.data(), ui.open_path.size());
  ImGui::SameLine();
  if (ImGui::Button("Open") && ui.open_path[0] != 0) {
    const std::string p = path_of(ui.open_path);
    attempt(ui, "opened " + p, [&] {
      ui.playing = false;
      session.open(p);
      ui.selected = Pick{};
    });
  }
  ImGui::InputText("##branch", ui.branch_path.data(), ui.branch_path.size());
  ImGui::SameLine();
  if (ImGui::Button("Branch here") && ui.branch_path[0] != 0) {
    const std::string p = path_of(ui.branch_path);
    attempt(ui, "branched at " + sim::format_clock(session.now()) + " into " + p, [&] {
      ui.playing = false;
      session.hold();
      session.branch_to(p);
    });
  }

  ImGui::Separator();
  if (const saves::Autosaver* a = session.autosaver()) {
    const auto files = a->files();
    ImGui::Text("autosave every 5 min: %zu on disk", files.size());
    if (!files.empty()) ImGui::TextDisabled("newest: %s", files.front().string().c_str());
  } else {
    ImGui::TextDisabled("autosave off (rfsim gui --autosave-dir DIR)");
  }
  ImGui::End();
}

}  // namespace rfsim::render::gui
