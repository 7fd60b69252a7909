// What one draw of the map knows while it is being drawn, shared by the painter's layers:
// the camera and its transform, the unit and violation layouts, and the boxes that later
// labels must keep off.
#pragma once

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/Text.hpp>
#include <SFML/Graphics/Transform.hpp>

#include <cstddef>
#include <vector>

#include "map/geo.hpp"
#include "render/camera.hpp"
#include "render/canvas.hpp"
#include "render/painter/unit_layout.hpp"

namespace rfsim::render::painter {

/// The title bar across the top of the map, pixels high: the legend and names keep below it.
inline constexpr float kTitleHeight = 36;

/// One violation marker, for one or more violations at a place.
struct Burst {
  sf::Vector2f at;
  bool kinetic, detected;
  float fade;
  std::size_t count;
  std::vector<std::size_t> members;  // indices into Scene::violations
};

struct MapFrame {
  MapFrame(const Camera& c, const map::Projection& p, float width, float height,
           const sf::Transform& t, bool z)
      : cam(c), proj(p), w(width), h(height), to_px(t), zoomed(z) {}

  const Camera& cam;
  const map::Projection& proj;
  float w, h;
  sf::Transform to_px;                   // plane km -> pixels
  bool zoomed;                           // close enough for towns on the front and sector names
  std::vector<sf::FloatRect> taken;      // labels and chrome: later labels keep off them
  UnitLayout units;                      // where each unit's symbol goes after de-cluttering
  std::vector<Burst> bursts;             // violation markers
  std::vector<sf::Vector2f> flank_at;    // each Scene::flank marker's centre (layout_flank)
  std::vector<sf::FloatRect> obstacles;  // unit stacks and violation markers: names go below
  Canvas chrome;                         // legend, scale bar, title bar: drawn last, laid out first
  std::vector<sf::Text> chrome_text;

  /// A theatre position in this frame's pixels.
  sf::Vector2f px(map::LonLat p) const {
    const PixelPoint q = cam.to_pixel(proj.project(p));
    return {static_cast<float>(q.x), static_cast<float>(q.y)};
  }
};

}  // namespace rfsim::render::painter
