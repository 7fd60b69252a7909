// The map's names: staging areas always, towns on the front and sector names when zoomed in,
// cities, oblasts where they fit, sea zones and the neighbouring countries, in that order of
// importance, each kept off the ones before it, off the legend and off the unit stacks.
#pragma once

#include <string>
#include <vector>

#include "map/theatre.hpp"
#include "render/painter/ground_layer.hpp"
#include "render/painter/map_frame.hpp"
#include "render/painter/map_text.hpp"

namespace sf {
class RenderTarget;
}

namespace rfsim::render::painter {

/// Names short enough for a map: "Kherson (lower Dnipro) sector" -> "Kherson sector",
/// "Constanta (port) and Mihail Kogalniceanu air base" -> "Constanta", "Odesa Oblast" ->
/// "Odesa" (but "Kyiv Oblast" stays, beside the city of Kyiv). One per region, in order.
std::vector<std::string> display_names(const std::vector<map::Region>& regions);

/// The names layer. The theatre must outlive it.
class LabelLayer {
 public:
  explicit LabelLayer(const map::Theatre& theatre);
  /// Places and draws the names for `f`, after the units, violations and chrome are laid out
  /// (f.taken, f.obstacles); the names it draws go into f.taken.
  void draw(sf::RenderTarget& target, MapFrame& f, const MapText& text,
            const GroundLayer& ground) const;

 private:
  const map::Theatre* theatre_;
  std::vector<std::string> names_;  // display names, per theatre region
};

}  // namespace rfsim::render::painter
