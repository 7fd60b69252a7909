// The ground of the map: sea, neighbours, Ukraine's regions in their fill, the occupied
// hatch and the borders, built once in plane kilometres and rasterised into a texture per
// camera. A frame copies that texture; a pan shifts it and paints the uncovered strips; while
// the wheel turns, the last one stands in, stretched, until the scale holds.
#pragma once

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Transform.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "map/geo.hpp"
#include "map/theatre.hpp"
#include "render/camera.hpp"
#include "render/canvas.hpp"
#include "render/painter/map_frame.hpp"
#include "render/scene.hpp"

namespace sf {
class RenderTarget;
}

namespace rfsim::render::painter {

/// A straight piece of a border, plane km.
struct Segment {
  map::PlanePoint a, b;
};

/// The ground layer. The theatre must outlive it.
///   GroundLayer ground(theatre);  ground.apply_fill(scene.region_fill);  ground.draw(target, f);
class GroundLayer {
 public:
  explicit GroundLayer(const map::Theatre& theatre);

  /// The regions' fill colours (alpha 0: the region's default); repaints the ground when
  /// they change.
  void apply_fill(const std::vector<Rgba>& fill);
  /// The line of contact that cuts the hatch of partly occupied regions, north to south (the
  /// theatre's until told otherwise); repaints the ground when it changes.
  void set_front(const std::vector<map::LonLat>& line);
  /// Puts the ground of `f`'s camera on the target. Returns whether it showed the stretched
  /// stand-in of a zoom in motion (the next draw at a steady scale paints it afresh).
  bool draw(sf::RenderTarget& target, const MapFrame& f);

  bool any_occupied() const { return any_occupied_; }  // anything to hatch (for the legend)
  /// The neighbours' triangles (plane km), and which of them each backdrop feature owns: the
  /// country names go on their visible part.
  struct Range {
    std::size_t first = 0, count = 0;
  };
  const sf::VertexArray& backdrop() const { return backdrop_; }
  Range backdrop_range(std::size_t feature) const { return backdrop_range_[feature]; }

 private:
  enum Border : std::uint8_t { kZone, kCoastline, kForeign, kOblast, kState, kBorderKinds };

  void add_polygons(const std::vector<map::Polygon>& polys, sf::Color col, sf::VertexArray& out,
                    Range& range);
  void build_borders();
  // The line of contact cuts the hatch of partly occupied regions (build_mask).
  void build_occupied();
  void build_mask(const std::vector<map::LonLat>& line);
  void rebuild_strokes(double scale);
  void rebuild_hatch(int level);
  /// The ground's layers; only the geometry that reaches `clip` (view pixels) goes to the GL.
  void draw_ground(sf::RenderTarget& target, const MapFrame& f, const sf::FloatRect& clip);
  bool current(const Camera& cam) const;
  void paint(const Camera& cam, const MapFrame& f);
  bool shift(const Camera& cam, const MapFrame& f);
  void preview(sf::RenderTarget& target, const Camera& cam, const MapFrame& f);
  /// Puts front() on the target through `t` (view pixels of the texture -> of the target).
  void show(sf::RenderTarget& target, const sf::Transform& t, const MapFrame& f);
  sf::RenderTexture& front() { return tex_[static_cast<std::size_t>(front_)]; }

  const map::Theatre* theatre_;
  map::Projection proj_;
  sf::VertexArray beyond_{sf::Triangles};    // Russia east of the map data's 42E edge
  sf::VertexArray backdrop_{sf::Triangles};  // sea and neighbouring land, colours baked in
  std::vector<Range> backdrop_range_;        // per backdrop feature
  sf::VertexArray regions_{sf::Triangles};
  std::vector<Range> region_range_;  // per theatre region
  std::vector<sf::Color> region_default_;
  std::vector<Rgba> applied_fill_;
  bool fill_applied_ = false;

  std::array<std::vector<Segment>, kBorderKinds> borders_;
  std::vector<std::vector<map::PlanePoint>> hatch_full_, hatch_partial_, hatch_mask_;
  bool any_occupied_ = false;
  std::vector<map::LonLat> mask_line_;  // the line the mask was built from

  Canvas stroke_cache_;
  double stroke_scale_ = 0;
  Canvas hatch_cache_;
  int hatch_level_ = std::numeric_limits<int>::min();

  // The ground as last rasterised, and what it was drawn for. Filling 1600 x 1000 pixels five
  // times over is most of a frame under llvmpipe; the copy is one. Two textures: a pan copies
  // the front one, shifted, into the other and swaps them.
  std::array<sf::RenderTexture, 2> tex_;
  int front_ = 0;
  bool ok_ = false;  // front() holds a picture for centre_/scale_ and the fill
  sf::Vector2u size_{0, 0};
  double scale_ = 0;
  map::PlanePoint centre_;
  double last_scale_ = 0;  // the camera's scale in the last draw(): a zoom in motion changes it
};

}  // namespace rfsim::render::painter
