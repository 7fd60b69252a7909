// One Dear ImGui context for a window (render/gui/imgui_context.hpp).
#include "render/gui/imgui_context.hpp"

#include <imgui.h>
#include <imgui_impl_opengl2.h>

namespace rfsim::render::gui {

ImGuiWindowContext::ImGuiWindowContext() : context_(ImGui::CreateContext()) {
  ImGui::SetCurrentContext(context_);
  input_.emplace(ImGui::GetIO());
  // A blinking caret would need frames while nothing else changes; a steady one does not.
  ImGui::GetIO().ConfigInputTextCursorBlink = false;
  ImGui_ImplOpenGL2_Init();
}

ImGuiWindowContext::~ImGuiWindowContext() {
  ImGui::SetCurrentContext(context_);
  ImGui_ImplOpenGL2_Shutdown();
  ImGui::DestroyContext(context_);
}

void ImGuiWindowContext::make_current() const {
  ImGui::SetCurrentContext(context_);
}

}  // namespace rfsim::render::gui
