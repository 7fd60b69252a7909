// One Dear ImGui context for a window: created with its input bridge and OpenGL2 renderer,
// and shut down in the right order. The facilitator's window and a seat's window each own one.
#pragma once

#include <optional>

#include "render/gui/imgui_sfml_bridge.hpp"

struct ImGuiContext;

namespace rfsim::render::gui {

class ImGuiWindowContext {
 public:
  ImGuiWindowContext();  // makes the new context current
  ~ImGuiWindowContext();
  ImGuiWindowContext(const ImGuiWindowContext&) = delete;
  ImGuiWindowContext& operator=(const ImGuiWindowContext&) = delete;

  /// Makes this context current (several windows may live in one process: the tests).
  void make_current() const;
  InputBridge& input() { return *input_; }

 private:
  ImGuiContext* context_ = nullptr;
  std::optional<InputBridge> input_;
};

}  // namespace rfsim::render::gui
