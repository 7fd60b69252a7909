// Our small bridge from SFML's events to Dear ImGui's input (ImGui 1.86: KeyMap/KeysDown).
#pragma once

#include <SFML/System/Vector2.hpp>

#include <array>
#include <cstdint>

struct ImGuiIO;
namespace sf {
class Event;
}

namespace rfsim::render::gui {

/// SFML's events into one ImGui context's input. ImGui 1.86 polls MouseDown and KeysDown once
/// a frame, so a press and its release within one frame (a touchpad tap, a quick click on a
/// slow frame, xdotool) would never be seen: such a release is held over to the next frame.
///   ImGui::CreateContext();  InputBridge bridge(ImGui::GetIO());
///   while (window.pollEvent(e)) bridge.event(e);  bridge.frame(size, dt);  ImGui::NewFrame();
class InputBridge {
 public:
  explicit InputBridge(ImGuiIO& io);  // points io.KeyMap at SFML's key codes, no ini file

  /// Feeds one event to ImGui. Returns true when ImGui wants it, so the map must ignore it.
  bool event(const sf::Event& event);
  /// Before ImGui::NewFrame(): the target's size and the seconds since the last frame; also
  /// lets go of the buttons and keys released in the frame they were pressed in.
  void frame(sf::Vector2u size, float dt_seconds);

 private:
  void press(bool& down, std::uint8_t& state, bool pressed);

  // Per button and key: bit 0 pressed since the last frame(), bit 1 released after that.
  static constexpr std::uint8_t kPressedThisFrame = 1, kReleaseDue = 2;
  ImGuiIO* io_;
  std::array<std::uint8_t, 5> mouse_{};
  std::array<std::uint8_t, 512> keys_{};
};

}  // namespace rfsim::render::gui
