// The plain-data scene that render/ draws: what the simulation wants on the map this frame.
// It is render's whole interface to the model, so render never includes sim/ headers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "map/geo.hpp"

namespace rfsim::map {
/// Scenes compare member by member (the map view keeps its picture while its scene is equal),
/// positions too. In map's namespace so that vectors of positions find it.
inline bool operator==(const LonLat& a, const LonLat& b) {
  return a.lon == b.lon && a.lat == b.lat;
}
}  // namespace rfsim::map

namespace rfsim::render {

/// Colours are RGBA packed as 0xRRGGBBAA (the layout of sf::Color::toInteger()).
using Rgba = std::uint32_t;

/// The unit's type, drawn as an APP-6-style glyph inside its frame.
enum class Glyph : std::uint8_t {
  MechInfantry,
  LightInfantry,
  QuickReaction,
  MonitoringTeam,
  IsrDrone,
  FighterSquadron,
  Awacs,
  AirDefence,
  RocketArtillery,
  NavalTaskGroup,
  MaritimeDrones,
  Logistics,
  Headquarters,
};

/// Picks the frame: friendly rectangle (blue), hostile diamond (red), neutral square (green).
enum class Affiliation : std::uint8_t { Friendly, Hostile, Neutral };

struct UnitMarker {
  map::LonLat where;                  // where the unit is
  Glyph glyph = Glyph::MechInfantry;  // its type
  Affiliation side = Affiliation::Friendly;
  std::string label;      // drawn beside the frame, e.g. the nation "UK"
  std::uint32_t id = 0;   // the model's unit id, for picking
  bool selected = false;  // drawn with a highlight ring
  bool operator==(const UnitMarker&) const = default;
};

struct ViolationMarker {
  map::LonLat where;
  float fade = 1;            // 1 new .. 0 gone: the marker's opacity
  bool kinetic = false;      // red if kinetic (fire, explosions), orange otherwise
  bool detected = true;      // hollow if the force has not detected it (facilitator's view)
  std::uint64_t serial = 0;  // the model's violation serial, for picking
  bool operator==(const ViolationMarker&) const = default;
};

/// A unit on its way to a violation: a dashed blue line with an arrowhead at `to`.
struct ResponseLine {
  map::LonLat from;
  map::LonLat to;
  bool operator==(const ResponseLine&) const = default;
};

/// A sector of the line of contact as the run has it: its stretch of the line where it stands
/// now, Red's step there as a colour, and whether Red is attacking there.
struct SectorMarker {
  std::vector<map::LonLat> line;      // its stretch of the line now, north to south
  std::vector<map::LonLat> original;  // the same stretch as the theatre has it (2025)
  Rgba colour = 0;                    // Red's step here: a band on the occupied side of the line
  bool battle = false;                // a Red attack under way: crossed swords on the line
  std::string gain;                   // ground changed hands, e.g. "+59 km2"; empty: none
  bool operator==(const SectorMarker&) const = default;
};

/// A ground-based air-defence site's reach in a flank state: a ring about the site.
struct AirDefenceRing {
  map::LonLat centre;
  double radius_km = 0;
  std::string system;  // "Patriot", "NASAMS"
  bool operator==(const AirDefenceRing&) const = default;
};

/// What kind of incident in a flank state a FlankMarker shows (sim::FlankIncident's order).
enum class FlankKind : std::uint8_t { Drone, DroneRaid, Aircraft, Missile, Debris, Sabotage };
inline constexpr std::size_t kFlankKindCount = 6;

/// How air policing's engagement of an incident ended, as its marker shows it.
enum class Engagement : std::uint8_t {
  None,      // nothing was fired at (an aircraft escorted out, debris, sabotage, unseen)
  Killed,    // every shot killed
  Missed,    // at least one shot missed
  HeldFire,  // at least one target was not fired at for want of interceptors
};

/// An incident in a flank state where it happened: a glyph per kind, ringed by its outcome.
struct FlankMarker {
  map::LonLat where;
  FlankKind kind = FlankKind::Drone;
  Engagement outcome = Engagement::None;
  float fade = 1;            // 1 new .. 0 gone
  std::uint64_t serial = 0;  // the model's violation serial
  bool operator==(const FlankMarker&) const = default;
};

/// A unit on its way from home (a surge or deployment): the rest of its route and its means.
struct TransitLine {
  std::vector<map::LonLat> route;  // from where the unit is now to its destination
  std::string mode;                // "rail", "airlift"...: written at the route's middle
  bool operator==(const TransitLine&) const = default;
};

/// One line of the legend box, after the map's own entries.
struct LegendEntry {
  Rgba colour = 0;   // the swatch
  std::string text;  // e.g. "ceasefire holding"
  bool operator==(const LegendEntry&) const = default;
};

/// Everything one frame shows beyond the theatre itself.
///   Scene s;  s.title = "D+1 00:00  Partial ceasefire";
///   s.units.push_back({{30.52, 50.45}, Glyph::Headquarters, Affiliation::Friendly, "UK", 1});
struct Scene {
  std::vector<Rgba> region_fill;    // per theatre region index; empty, short or alpha 0 = default
  std::vector<LegendEntry> legend;  // extra legend lines (what region_fill means)
  std::string title;                // the title bar, e.g. "D+1 00:00  Partial ceasefire"
  std::vector<UnitMarker> units;
  std::vector<ViolationMarker> violations;
  std::vector<ResponseLine> responses;
  std::vector<float> link_condition;  // per theatre link, 1 intact .. 0 cut; empty = all intact
  /// The line of contact by sector, north to south; empty: the theatre's line as it is, with
  /// no steps (a scene without a run). When any sector's line differs from its original, the
  /// line is drawn where it stands and the original faintly, and the occupied hatch follows.
  std::vector<SectorMarker> sectors;
  /// The flank states' layer: air-defence coverage (empty: the layer is off, or the cell may
  /// not know it) and their incidents.
  std::vector<AirDefenceRing> air_defence;
  std::vector<FlankMarker> flank;
  std::vector<TransitLine> transits;  // units deploying, drawn under the units
  bool operator==(const Scene&) const = default;
};

}  // namespace rfsim::render
