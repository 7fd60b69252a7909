// The map view's picture kept between frames: drawn once into a texture the map area's size,
// then copied to the window while nothing it shows changes.
#pragma once

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/System/Vector2.hpp>

#include <functional>
#include <optional>
#include <vector>

#include "map/theatre.hpp"
#include "render/scene.hpp"

namespace sf {
class RenderTarget;
}

namespace rfsim::render::gui {

/// A sensor's reach drawn over the map (the coverage overlay), in the map's pixels.
struct CoverageRing {
  sf::Vector2f at;
  float radius = 0;
  sf::Color colour;
  bool operator==(const CoverageRing&) const = default;
};

/// Everything one picture of the map is drawn from: equal keys draw equal pixels.
struct MapKey {
  sf::Vector2u size{0, 0};                       // the map area, pixels
  double centre_x = 0, centre_y = 0, scale = 0;  // the camera
  bool compact_legend = false;
  Scene scene;
  std::optional<map::RegionId> outlined;  // the selected region's outline
  std::vector<CoverageRing> coverage;
  bool operator==(const MapKey&) const = default;
};

/// The kept picture.
///   if (!cache.holds(key)) cache.redraw(std::move(key), paint);  cache.show(window, corner);
class MapCache {
 public:
  /// Whether the picture kept was drawn from `key`.
  bool holds(const MapKey& key) const;
  /// Draws a new picture with `paint` (onto a target of key.size pixels, its view those pixels)
  /// and keeps it as `key`'s, taking the key. False when the GL has no texture of that size:
  /// nothing is drawn or kept, and `key` is left as it was.
  bool redraw(MapKey&& key, const std::function<void(sf::RenderTarget&, const MapKey&)>& paint);
  /// Copies the picture onto `window`, its top-left corner at `corner` (window pixels). False
  /// when there is none.
  bool show(sf::RenderTarget& window, sf::Vector2i corner);
  /// The picture no longer stands for its key (it showed something passing, or drawing failed).
  void forget() { kept_ = false; }

 private:
  sf::RenderTexture texture_;
  MapKey key_;
  bool kept_ = false;
  bool painted_ = false;  // the texture holds a picture (kept or not) that show() can copy
};

}  // namespace rfsim::render::gui
