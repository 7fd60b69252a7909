// The map part of the window: the painter in a viewport on its area, the camera the
// facilitator pans and zooms, what is under the cursor, and the overlays the painter lacks.
#pragma once

#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/Vector2.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "play/cell.hpp"
#include "render/camera.hpp"
#include "render/gui/map_cache.hpp"
#include "render/gui/session.hpp"
#include "render/map_painter.hpp"
#include "render/scene.hpp"

namespace sf {
class Event;
class RenderTarget;
}  // namespace sf

namespace rfsim::render {
class Canvas;
}

namespace rfsim::render::gui {

/// How the regions are filled: the ceasefire regime, who controls them, or recent violence.
enum class FillMode : std::uint8_t { Regime, Control, Escalation };

/// What is picked on the map: a unit, a region, a violation, or nothing.
struct Pick {
  std::optional<std::uint32_t> unit;       // index into World::units
  std::optional<map::RegionId> region;     // a theatre region
  std::optional<std::uint64_t> violation;  // a violation's serial (a marker, a log line)
};

/// The map view.
///   MapView view(theatre);  view.set_area({330, 0}, {900, 700});
///   view.handle(event);  view.draw(window, session, fill, coverage);
class MapView {
 public:
  explicit MapView(const map::Theatre& theatre);

  /// Where the map sits in the window, pixels. Keeps the centre and the zoom on a resize.
  void set_area(sf::Vector2f top_left, sf::Vector2f size);
  sf::FloatRect area() const { return {origin_.x, origin_.y, size_.x, size_.y}; }
  void fit();  // the whole theatre
  void zoom_at(sf::Vector2f window_px, double factor);
  void centre_on(map::LonLat where);

  /// Mouse input over the map (the caller has let ImGui have its share first). Returns a
  /// pick when the event was a click (press and release without a drag).
  std::optional<Pick> handle(const sf::Event& event);
  void cancel_drag() { dragging_ = false; }

  /// What is under a window pixel: the unit symbol drawn there, else the region (for a big
  /// stack's aggregate marker, the region its units are at).
  Pick pick(sf::Vector2f window_px) const;
  /// The violations of the marker under a window pixel, newest first; empty if none.
  std::vector<std::uint64_t> violations_at(sf::Vector2f window_px) const;
  /// The aggregate marker ("+142") under a window pixel, or null.
  const MapPainter::DrawnAggregate* aggregate_at(sf::Vector2f window_px) const;

  /// Builds this frame's scene from `cell`'s picture and draws the map into `area()`. The
  /// picture is kept (one texture the area's size) and copied again while the camera, the
  /// area, the scene, the selection and the overlays stay the same: a still map costs a copy.
  void draw(sf::RenderTarget& window, const Session& session, FillMode fill, bool coverage,
            const Pick& selected, play::Cell cell = play::Cell::White);

  /// draw() in two steps, for a caller that must know before drawing whether the map's pixels
  /// change (frame_cache.hpp): stage() builds this frame's key, draw_staged() draws it.
  void stage(const Session& session, FillMode fill, bool coverage, const Pick& selected,
             play::Cell cell = play::Cell::White);
  /// Whether draw_staged() would put other pixels in the area than the last frame's draw did
  /// (true when unsure: no kept picture, caching off, the area moved).
  bool staged_changes() const;
  void draw_staged(sf::RenderTarget& window);
  /// Instead of draw_staged() when !staged_changes() and the caller keeps the area's pixels
  /// from the last frame itself: what a frame served from the kept picture does, but the copy.
  void keep_staged();

  /// Draws a scene built elsewhere (a seat's, from its picture) into `area()`, with the selected
  /// region's outline, kept as draw() keeps it: `region_of` says where a unit stands (an
  /// aggregate's region).
  void draw_scene(sf::RenderTarget& window, const Scene& scene, const Pick& selected,
                  const std::function<std::optional<map::RegionId>(std::uint32_t)>& region_of);

  /// Whether pictures are kept between frames (on by default). Off, every frame paints the map
  /// straight into the window, as before there was a cache: tests and benchmarks compare.
  void set_caching(bool on) { caching_ = on; }
  /// How many times the map was painted; a frame served from the kept picture paints none.
  std::uint64_t pictures_painted() const { return painted_; }

  const Camera& camera() const { return camera_; }
  /// The painter, for what its last frame drew where (in map pixels: add area()'s corner).
  const MapPainter& painter() const { return painter_; }
  /// The flank states' layer (air-defence coverage, incidents, deployments' routes): on by
  /// default; the A key toggles it.
  void set_flank_layer(bool on) { flank_layer_ = on; }
  bool flank_layer() const { return flank_layer_; }
  /// The GUI's map is smaller than a snapshot: a compact legend keeps the map visible.
  void set_compact_legend(bool compact) { painter_.set_compact_legend(compact); }
  /// A theatre position in window pixels (where the painter puts it before de-cluttering).
  sf::Vector2f to_window(map::LonLat where) const;
  /// The theatre position under a window pixel (to_window's inverse).
  map::LonLat to_lonlat(sf::Vector2f window_px) const;

 private:
  Scene build_scene(const Session& session, FillMode fill, const Pick& selected,
                    play::Cell cell) const;
  std::vector<CoverageRing> coverage_rings(const Session& session, bool coverage,
                                           play::Cell cell) const;
  /// The picture of `key` (the painter, then the coverage and the selected region's outline)
  /// onto a target whose view is the map area's pixels.
  void paint(sf::RenderTarget& target, const MapKey& key);
  void draw_key(sf::RenderTarget& window, MapKey key,
                const std::function<std::optional<map::RegionId>(std::uint32_t)>& region_of);
  void complete_key(MapKey& key) const;  // the camera, the area and the legend's mode
  void locate_aggregates(
      const std::function<std::optional<map::RegionId>(std::uint32_t)>& region_of);
  sf::Vector2i corner() const;  // the area's top-left pixel in the window
  void outline_selection(Canvas& c, const std::optional<map::RegionId>& region) const;

  const map::Theatre* theatre_;
  map::Projection proj_;
  MapPainter painter_;
  std::vector<std::optional<map::RegionId>> aggregate_regions_;  // per drawn aggregate
  Camera camera_;
  sf::Vector2f origin_{0, 0};
  sf::Vector2f size_{0, 0};
  bool fitted_ = false;
  bool dragging_ = false;
  bool dragged_ = false;
  bool flank_layer_ = true;
  sf::Vector2f press_{0, 0};
  sf::Vector2f last_{0, 0};
  MapCache cache_;
  bool caching_ = true;
  bool missed_ = false;             // the last frame was not served from the kept picture
  std::optional<MapKey> changing_;  // the key of the last frame painted but not kept
  std::uint64_t painted_ = 0;
  bool showing_kept_ = false;  // the last draw showed the kept picture, at shown_corner_
  sf::Vector2i shown_corner_{0, 0};
  std::optional<MapKey> staged_;
  const Session* staged_session_ = nullptr;
};

/// The fill colour and legend of a mode, per theatre region (alpha 0 = painter's default);
/// the escalation fill counts the violations `cell` knows of.
void fill_regions(const sim::Simulation& run, const Session& session, FillMode mode, Scene& scene,
                  play::Cell cell = play::Cell::White);

/// The regime fill from plain data (a seat knows the regime from its picture).
void fill_regime(const map::Theatre& theatre, sim::Regime regime, Scene& scene);

/// Whether `cell`'s map shows a flare: Blue only those HQ has detected (by now).
bool cell_sees(play::Cell cell, const Flare& flare);

/// A flank state's incident as the event log tells it (sim/flank.cpp writes the records): its
/// kind from the incident's record ("flank drone_raid of 19 drones in flank_poland"), and how
/// air policing's engagement ended from its account; nullopt for any other record.
struct FlankRecord {
  sim::FlankIncident kind = sim::FlankIncident::Drone;
  bool seen = true;
  int shot_down = 0, missed = 0, held_fire = 0;
};
std::optional<FlankRecord> flank_record(const sim::TraceRecord& incident,
                                        const sim::TraceRecord* engagement);

/// How long a closed flank incident stays on the map, faded, for a facilitator to click after
/// the fact: a day (a session's debrief looks back over the day's events).
inline constexpr sim::Duration kFlankKept = sim::Duration::hours(24);

/// What an aggregate marker stands for, for its tooltip: a headline ("142 more units here"),
/// then the commonest types and nations, one line each.
std::vector<std::string> aggregate_summary(const sim::Simulation& run,
                                           const std::vector<std::uint32_t>& units);

}  // namespace rfsim::render::gui
