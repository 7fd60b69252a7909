// Draws the theatre and a Scene onto any SFML target: the window or an offscreen texture.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "map/theatre.hpp"
#include "render/camera.hpp"
#include "render/scene.hpp"

namespace sf {
class RenderTarget;
}

namespace rfsim::render {

/// What "fit to theatre" shows, in plane km: Ukraine and every staging area, with a margin.
PlaneRect theatre_extent(const map::Theatre& theatre);

/// The map painter. Triangulates the theatre's polygons once and keeps them in plane
/// kilometres, so a frame is a handful of draw calls. The theatre must outlive the painter
/// (link conditions are read live).
///   MapPainter painter(theatre);
///   Camera cam = Camera::fit(painter.extent(), 1600, 1000, 20);
///   painter.draw(window, cam, scene);
class MapPainter {
 public:
  explicit MapPainter(const map::Theatre& theatre);  // throws if the fonts are missing
  ~MapPainter();
  MapPainter(MapPainter&&) noexcept;
  MapPainter& operator=(MapPainter&&) noexcept;

  PlaneRect extent() const;  // theatre_extent() of the painter's theatre
  /// Draws the whole map, back to front, in a camera.width() x camera.height() pixel view
  /// (match it to the target, or to the viewport of the target's current view, which is
  /// kept: a map view may own part of a window). Sets and restores the target's view.
  void draw(sf::RenderTarget& target, const Camera& camera, const Scene& scene);

  /// A unit's symbol as the last draw() placed it after de-cluttering, for picking.
  struct DrawnUnit {
    std::uint32_t id = 0;  // UnitMarker::id
    PixelPoint centre;     // the frame's centre, pixels
  };
  const std::vector<DrawnUnit>& drawn_units() const;

  /// The rest of a stack too big to show unit by unit (more than eight units at a place): one
  /// deck marker with a count, "+142", in the stack's last slot, as the last draw() put it.
  struct DrawnAggregate {
    PixelPoint centre;               // the deck's centre, pixels; its count is to the right
    std::vector<std::uint32_t> ids;  // UnitMarker::id of each unit it stands for
  };
  const std::vector<DrawnAggregate>& drawn_aggregates() const;

  /// A violation marker (one or several violations at a place) as the last draw() put it.
  struct DrawnBurst {
    PixelPoint centre;                   // the marker's centre, pixels
    std::vector<std::uint64_t> serials;  // ViolationMarker::serial of each, newest first
  };
  const std::vector<DrawnBurst>& drawn_bursts() const;
  /// The flank states' incident markers (open, or closed and faded) as the last draw() put
  /// them: one serial each.
  const std::vector<DrawnBurst>& drawn_flank() const;

  /// A compact legend lists only the scene's own entries (what the fill means), for a map
  /// view too small for the full key. Off by default: snapshots show the full legend.
  void set_compact_legend(bool compact);
  bool compact_legend() const;

  /// Whether the last draw() showed the stretched stand-in for a zoom in motion: the next
  /// draw() at the same camera paints the ground afresh, so a still window draws once more.
  bool standing_in() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rfsim::render
