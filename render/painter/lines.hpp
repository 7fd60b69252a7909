// The map's lines over the ground: road, rail and sea links (a cross on a cut one), the line
// of contact through its named places, and the staging areas' squares.
#pragma once

#include <vector>

#include "map/theatre.hpp"
#include "render/painter/map_frame.hpp"

namespace sf {
class RenderTarget;
}

namespace rfsim::render::painter {

/// Draws the links, the line of contact and the staging areas for frame `f`. A link's
/// condition is read from the theatre; the line of contact is the theatre's polyline (a line
/// that moves would be passed in here, and to GroundLayer's hatch).
/// `link_condition`: per theatre link, 1 intact .. 0 cut (a cross marks a damaged link); empty
/// when every link is intact.
void draw_lines(sf::RenderTarget& target, const MapFrame& f, const map::Theatre& theatre,
                const std::vector<float>& link_condition);

}  // namespace rfsim::render::painter
