// Our small bridge from SFML's events to Dear ImGui's input (ImGui 1.86: KeyMap/KeysDown).
#pragma once

#include <SFML/System/Vector2.hpp>

struct ImGuiIO;
namespace sf {
class Event;
}

namespace rfsim::render::gui {

/// Points io.KeyMap at SFML's key codes and names no ini file. Call once per context.
///   ImGui::CreateContext();  bridge_init(ImGui::GetIO());
void bridge_init(ImGuiIO& io);

/// Feeds one event to ImGui. Returns true when ImGui wants it, so the map must ignore it.
bool bridge_event(ImGuiIO& io, const sf::Event& event);

/// Before ImGui::NewFrame(): the target's size and the seconds since the last frame.
void bridge_frame(ImGuiIO& io, sf::Vector2u size, float dt_seconds);

}  // namespace rfsim::render::gui
