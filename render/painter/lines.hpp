// The map's lines over the ground: road, rail and sea links (a cross on a cut one), the line
// of contact (the theatre's, or where a run's sectors have moved it, with Red's step beside
// each sector and crossed swords where Red attacks), and the staging areas' squares.
#pragma once

#include <vector>

#include "map/theatre.hpp"
#include "render/canvas.hpp"
#include "render/painter/map_frame.hpp"
#include "render/painter/map_text.hpp"
#include "render/scene.hpp"

namespace sf {
class RenderTarget;
}

namespace rfsim::render::painter {

/// Draws the links, the line of contact and the staging areas for frame `f`.
/// `scene.link_condition`: per theatre link, 1 intact .. 0 cut (a cross marks a damaged link);
/// empty when every link is intact. `scene.sectors`: the line by sector where it stands, each
/// with a band of its step's colour on the occupied side; empty: the theatre's line.
void draw_lines(sf::RenderTarget& target, const MapFrame& f, const map::Theatre& theatre,
                const Scene& scene, const MapText& mt);

/// The line of contact to draw, north to south: the sectors' moved stretches joined, or the
/// theatre's line when the scene has no sectors.
std::vector<map::LonLat> current_front(const map::Theatre& theatre, const Scene& scene);

/// Whether any sector's line stands elsewhere than the theatre's.
bool front_moved(const Scene& scene);

/// The step band: this far east of the line's centre, this wide, pixels.
inline constexpr float kStepBandOffset = 9;
inline constexpr float kStepBandWidth = 7;

/// Crossed swords at the middle of each sector where Red attacks: drawn over the units, since
/// a battle is news and the sector's own units stand around it.
void draw_battles(sf::RenderTarget& target, const MapFrame& f, const Scene& scene);

/// A Red attack under way: crossed swords in a white disc (20 px across at size 1).
void draw_battle_mark(Canvas& canvas, sf::Vector2f at, float size = 1);

}  // namespace rfsim::render::painter
