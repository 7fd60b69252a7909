// The question asked before play could be lost: "Unsaved game: Save / Discard / Cancel", when
// the window is closed, on Ctrl+Q, or on opening another save, while no save holds the game.
#include <imgui.h>
#include <SFML/Window/Keyboard.hpp>

#include <exception>
#include <filesystem>
#include <string>

#include "render/gui/panels.hpp"
#include "sim/time.hpp"

namespace rfsim::render::gui {

namespace {

constexpr const char* kTitle = "Unsaved game";

// What the facilitator was doing when asked, now that the game is saved or let go.
void go_on(Session& session, UiState& ui) {
  if (!ui.leaving) return;
  const Leaving leaving = *ui.leaving;
  ui.leaving.reset();
  if (leaving.kind == Leaving::Kind::Quit) {
    ui.want_quit = true;
  } else if (leaving.kind == Leaving::Kind::NewGame) {
    start_new_game(session, ui, ui.new_game_text, leaving.open_path);
    ui.new_game_text.clear();
  } else {
    open_game(session, ui, leaving.open_path);
  }
}

}  // namespace

void panel_unsaved(const Session& session, UiState& ui) {
  if (ui.leaving && !ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(kTitle, nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove)) {
    return;
  }
  if (!ui.leaving) {  // answered: the action that answered has run
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const saves::Recording& rec = session.recording();
  ImGui::Text("No save holds this game as it is now (recorded to %s, %zu commands).",
              sim::format_clock(rec.end()).c_str(), rec.commands().size());
  if (ui.leaving->kind == Leaving::Kind::Quit) {
    ImGui::TextUnformatted("Save it before the window closes?");
  } else if (ui.leaving->kind == Leaving::Kind::NewGame) {
    ImGui::TextUnformatted("Save it before a new game starts from the edited scenario?");
  } else {
    ImGui::Text("Save it before opening %s?", ui.leaving->open_path.c_str());
  }
  // Where Save writes: the game's own file, else a path typed here, else a last autosave.
  const std::string typed(ui.unsaved_path.data());
  std::string target;
  if (!session.file().empty()) {
    target = session.file();
    ImGui::TextDisabled("Save writes %s.", target.c_str());
  } else {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 26);
    ImGui::InputTextWithHint("##unsaved_path", "a new save, e.g. game.rfsave",
                             ui.unsaved_path.data(), ui.unsaved_path.size());
    target = typed;
    if (target.empty() && session.autosaver() != nullptr) {
      ImGui::TextDisabled("Left empty, Save writes a last autosave.");
    }
  }
  const bool can_save = !target.empty() || session.autosaver() != nullptr;
  // Keys as well as buttons: S, D, Esc, unless a path is being typed.
  const bool keys = !ImGui::GetIO().WantTextInput;
  auto pressed = [&](sf::Keyboard::Key k) { return keys && ImGui::IsKeyPressed(k); };  // bridge
  ImGui::Separator();
  ImGui::BeginDisabled(!can_save);
  if (named_button(ui, "unsaved/save", "Save [S]") || (can_save && pressed(sf::Keyboard::S))) {
    ui.actions.push_back([target](Session& s, UiState& u) {
      try {
        if (!target.empty()) {
          s.save_to(target);
          u.status = "saved " + target;
        } else {
          u.status = "autosaved " + s.autosave_now().string();
        }
      } catch (const std::exception& e) {
        u.status = std::string("failed: ") + e.what();
        if (u.leaving) u.leaving->error = e.what();  // the question stays up, saying why
        return;
      }
      go_on(s, u);
    });
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (named_button(ui, "unsaved/discard", "Discard [D]") || pressed(sf::Keyboard::D)) {
    ui.actions.push_back([](Session& s, UiState& u) { go_on(s, u); });
  }
  ImGui::SameLine();
  if (named_button(ui, "unsaved/cancel", "Cancel [Esc]") || pressed(sf::Keyboard::Escape)) {
    ui.leaving.reset();
  }
  if (!ui.leaving->error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::Text("Not saved: %s", ui.leaving->error.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  ImGui::EndPopup();
}

}  // namespace rfsim::render::gui
