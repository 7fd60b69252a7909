// SFML events -> ImGuiIO. Keys are indexed by sf::Keyboard::Key, which ImGui 1.86 allows:
// KeysDown[] is in "the backend's own order" and KeyMap[] says where its named keys are.
#include "render/gui/imgui_sfml_bridge.hpp"

#include <imgui.h>
#include <SFML/Window/Event.hpp>

#include <cfloat>
#include <tuple>

namespace rfsim::render::gui {

InputBridge::InputBridge(ImGuiIO& io) : io_(&io) {
  static_assert(sizeof io.KeysDown / sizeof io.KeysDown[0] == std::tuple_size_v<decltype(keys_)>);
  static_assert(sizeof io.MouseDown / sizeof io.MouseDown[0] ==
                std::tuple_size_v<decltype(mouse_)>);
  using K = sf::Keyboard;
  io.IniFilename = nullptr;  // the layout is computed from the window size every frame
  io.BackendPlatformName = "rfsim_sfml_bridge";
  io.KeyMap[ImGuiKey_Tab] = K::Tab;
  io.KeyMap[ImGuiKey_LeftArrow] = K::Left;
  io.KeyMap[ImGuiKey_RightArrow] = K::Right;
  io.KeyMap[ImGuiKey_UpArrow] = K::Up;
  io.KeyMap[ImGuiKey_DownArrow] = K::Down;
  io.KeyMap[ImGuiKey_PageUp] = K::PageUp;
  io.KeyMap[ImGuiKey_PageDown] = K::PageDown;
  io.KeyMap[ImGuiKey_Home] = K::Home;
  io.KeyMap[ImGuiKey_End] = K::End;
  io.KeyMap[ImGuiKey_Insert] = K::Insert;
  io.KeyMap[ImGuiKey_Delete] = K::Delete;
  io.KeyMap[ImGuiKey_Backspace] = K::BackSpace;
  io.KeyMap[ImGuiKey_Space] = K::Space;
  io.KeyMap[ImGuiKey_Enter] = K::Enter;
  io.KeyMap[ImGuiKey_Escape] = K::Escape;
  io.KeyMap[ImGuiKey_KeyPadEnter] = K::Return;
  io.KeyMap[ImGuiKey_A] = K::A;
  io.KeyMap[ImGuiKey_C] = K::C;
  io.KeyMap[ImGuiKey_V] = K::V;
  io.KeyMap[ImGuiKey_X] = K::X;
  io.KeyMap[ImGuiKey_Y] = K::Y;
  io.KeyMap[ImGuiKey_Z] = K::Z;
}

namespace {

int button_index(sf::Mouse::Button b) {
  switch (b) {
    case sf::Mouse::Left:
      return 0;
    case sf::Mouse::Right:
      return 1;
    case sf::Mouse::Middle:
      return 2;
    default:
      return -1;
  }
}

void set_modifiers(ImGuiIO& io, const sf::Event::KeyEvent& k) {
  io.KeyCtrl = k.control;
  io.KeyShift = k.shift;
  io.KeyAlt = k.alt;
  io.KeySuper = k.system;
}

}  // namespace

void InputBridge::press(bool& down, std::uint8_t& state, bool pressed) {
  if (pressed) {
    down = true;
    state = kPressedThisFrame;
  } else if (state & kPressedThisFrame) {
    state |= kReleaseDue;  // ImGui has not seen it down yet: let go after the next frame
  } else {
    down = false;
    state = 0;
  }
}

bool InputBridge::event(const sf::Event& e) {
  ImGuiIO& io = *io_;
  switch (e.type) {
    case sf::Event::MouseMoved:
      io.MousePos = ImVec2(static_cast<float>(e.mouseMove.x), static_cast<float>(e.mouseMove.y));
      return io.WantCaptureMouse;
    case sf::Event::MouseButtonPressed:
    case sf::Event::MouseButtonReleased: {
      io.MousePos =
          ImVec2(static_cast<float>(e.mouseButton.x), static_cast<float>(e.mouseButton.y));
      const int i = button_index(e.mouseButton.button);
      if (i >= 0) {
        const auto b = static_cast<std::size_t>(i);
        press(io.MouseDown[b], mouse_[b], e.type == sf::Event::MouseButtonPressed);
      }
      return io.WantCaptureMouse;
    }
    case sf::Event::MouseWheelScrolled:
      if (e.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel) {
        io.MouseWheel += e.mouseWheelScroll.delta;
      } else {
        io.MouseWheelH += e.mouseWheelScroll.delta;
      }
      return io.WantCaptureMouse;
    case sf::Event::MouseLeft:
      io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
      return false;
    case sf::Event::KeyPressed:
    case sf::Event::KeyReleased: {
      const int code = e.key.code;
      if (code >= 0 && code < static_cast<int>(keys_.size())) {
        const auto k = static_cast<std::size_t>(code);
        press(io.KeysDown[k], keys_[k], e.type == sf::Event::KeyPressed);
      }
      set_modifiers(io, e.key);
      return io.WantCaptureKeyboard;
    }
    case sf::Event::TextEntered:
      // Control characters arrive as text too; ImGui takes them from KeysDown instead.
      if (e.text.unicode >= 32 && e.text.unicode != 127) io.AddInputCharacter(e.text.unicode);
      return io.WantTextInput;
    case sf::Event::LostFocus:
      // Keys released while the window was away never come back as events.
      for (bool& k : io.KeysDown) k = false;
      for (bool& b : io.MouseDown) b = false;
      keys_.fill(0);
      mouse_.fill(0);
      io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
      return false;
    default:
      return false;
  }
}

void InputBridge::frame(sf::Vector2u size, float dt_seconds) {
  ImGuiIO& io = *io_;
  // What was pressed and released since the last frame stays down for this one frame; what
  // was released after such a frame goes up now.
  const auto settle = [](bool* down, std::uint8_t* state, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
      if (state[i] == (kPressedThisFrame | kReleaseDue)) {
        state[i] = kReleaseDue;  // seen down in the frame about to start
      } else if (state[i] == kReleaseDue) {
        down[i] = false;
        state[i] = 0;
      } else {
        state[i] = 0;
      }
    }
  };
  settle(io.MouseDown, mouse_.data(), mouse_.size());
  settle(io.KeysDown, keys_.data(), keys_.size());
  io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = dt_seconds > 0 ? dt_seconds : 1.0f / 60;  // ImGui asserts on 0
}

}  // namespace rfsim::render::gui
