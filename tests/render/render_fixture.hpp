// Shared helpers for the render tests: the real theatre, offscreen shots, pixel counting.
#pragma once

#include <SFML/Graphics/Image.hpp>

#include <cmath>
#include <cstdlib>
#include <string>

#include "map/theatre.hpp"
#include "render/camera.hpp"
#include "render/scene.hpp"
#include "render/snapshot.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::render::testing {

inline const map::Theatre& theatre() {
  static const map::Theatre t = map::Theatre::load(RFSIM_ASSETS_DIR);
  return t;
}

/// The shipped no-ceasefire scenario: Red fights, the line moves.
inline sim::Scenario no_ceasefire() {
  return sim::load_scenario(std::string(RFSIM_ASSETS_DIR) + "/scenarios/no-ceasefire.toml",
                            theatre());
}

/// The shipped partial-ceasefire scenario, the one most window tests play.
inline sim::Scenario partial_ceasefire() {
  return sim::load_scenario(std::string(RFSIM_ASSETS_DIR) + "/scenarios/partial-ceasefire.toml",
                            theatre());
}

constexpr unsigned kWidth = 1000;
constexpr unsigned kHeight = 640;

struct Shot {
  sf::Image image;
  Camera camera;
  PixelPoint at(map::LonLat p) const { return camera.to_pixel(map::Projection().project(p)); }
};

inline Shot shoot(const Scene& scene) {
  return {render_image(theatre(), scene, kWidth, kHeight),
          snapshot_camera(theatre(), kWidth, kHeight)};
}

inline bool close_to(sf::Color a, sf::Color b, int tol) {
  return std::abs(a.r - b.r) <= tol && std::abs(a.g - b.g) <= tol && std::abs(a.b - b.b) <= tol;
}

/// Pixels within the box centre +- (rx, ry) whose colour is within `tol` of `target`.
inline int count_near(const sf::Image& img, PixelPoint centre, int rx, int ry, sf::Color target,
                      int tol = 10) {
  int n = 0;
  const int cx = static_cast<int>(std::lround(centre.x)),
            cy = static_cast<int>(std::lround(centre.y));
  for (int y = cy - ry; y <= cy + ry; ++y) {
    for (int x = cx - rx; x <= cx + rx; ++x) {
      if (x < 0 || y < 0 || x >= static_cast<int>(img.getSize().x) ||
          y >= static_cast<int>(img.getSize().y)) {
        continue;
      }
      if (close_to(img.getPixel(static_cast<unsigned>(x), static_cast<unsigned>(y)), target, tol)) {
        ++n;
      }
    }
  }
  return n;
}

inline map::LonLat label_of(const char* id) {
  return theatre().region(theatre().require(id)).label;
}

}  // namespace rfsim::render::testing
