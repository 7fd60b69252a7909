// The map's furniture, laid out before the names so that they keep off it: the legend
// (bottom left, only the rows this frame can show), the scale bar and the data credit
// (bottom right) and the title bar.
#pragma once

#include "map/theatre.hpp"
#include "render/painter/map_frame.hpp"
#include "render/painter/map_text.hpp"
#include "render/scene.hpp"

namespace rfsim::render::painter {

/// What the theatre itself can show, for the legend's rows.
struct TheatreKey {
  bool occupied = false;                         // regions to hatch
  bool contact = false;                          // a line of contact
  bool road = false, rail = false, sea = false;  // links of each mode
  bool staging = false;                          // staging areas
};
TheatreKey theatre_key(const map::Theatre& theatre, bool any_occupied);

/// Lays the legend, scale bar, credit and title bar out into f.chrome and f.chrome_text (the
/// painter draws them last) and marks their boxes taken. A compact legend lists the scene's
/// own entries only (what the fill means).
void layout_chrome(const Scene& scene, const TheatreKey& key, bool compact, const MapText& mt,
                   MapFrame& f);

}  // namespace rfsim::render::painter
