// What happens on the map, over the ground and its names: responses under way, the units
// (their symbols, labels and big stacks' decks) and the violations, freshest on top. Where a
// unit's side picks its frame (friendly, hostile, neutral), see SymbolAtlas and symbols.hpp.
#pragma once

#include <SFML/System/Vector2.hpp>

#include <vector>

#include "render/painter/atlases.hpp"
#include "render/painter/map_frame.hpp"
#include "render/painter/map_text.hpp"
#include "render/scene.hpp"

namespace sf {
class RenderTarget;
}

namespace rfsim::render::painter {

/// Violations at one place as one marker with a count: red if any was kinetic, as fresh as
/// the freshest, filled if any was detected; beside a unit stack (f.units.boxes), not on it.
/// Into f.bursts, their boxes into f.obstacles and f.taken.
void layout_violations(const Scene& scene, MapFrame& f);

/// The violation marker's outline: a star of `points` points about `c`, `c` first.
std::vector<sf::Vector2f> star(sf::Vector2f c, float outer, float inner, int points);

/// Draws the units as f.units placed them and the violations as f.bursts has them.
class TacticalLayer {
 public:
  void draw(sf::RenderTarget& target, const Scene& scene, const MapFrame& f, const MapText& mt);

 private:
  SymbolAtlas symbols_;
  LabelAtlas labels_;
};

}  // namespace rfsim::render::painter
