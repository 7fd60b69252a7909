// A picture of a game as geographic features (points, lines, polygons with properties and
// times), and the two files other tools read it from: GeoJSON (RFC 7946) and KML 2.2.
//   GeoDocument doc = state_document(run);   write(to_geojson(doc, epoch));
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "map/geo.hpp"
#include "saves/calendar.hpp"
#include "sim/time.hpp"

namespace rfsim::saves {

/// A property's value; a SimTime is written as an ISO 8601 timestamp from the epoch.
using GeoValue =
    std::variant<std::monostate, bool, std::int64_t, double, std::string, sim::SimTime>;

struct GeoProperty {
  std::string name;
  GeoValue value;
};

enum class GeoShape : std::uint8_t { Point, LineString, Polygon };

/// One feature. GeoJSON gives it a `layer` property; KML puts it in the layer's Folder.
struct GeoFeature {
  std::string layer;  // "units", "violations", "regions"...
  std::string name;   // a KML Placemark's name; a GeoJSON `name` property
  std::string style;  // KML only: the shared Style it uses ("" for none)
  GeoShape shape = GeoShape::Point;
  std::vector<map::LonLat> points;       // Point: one; LineString: two or more
  std::vector<map::Polygon> polygons;    // Polygon: one, or several (a multipolygon)
  std::vector<sim::SimTime> times;       // a track: one time per point (GeoJSON `times`, gx:Track)
  std::optional<sim::SimTime> time;      // when it happens or begins (`time`, KML TimeStamp/Span)
  std::optional<sim::SimTime> time_end;  // when it ends (`time_end`, KML TimeSpan's end)
  std::vector<GeoProperty> properties;
};

struct GeoDocument {
  std::string title;
  std::vector<std::string> layers;  // in the order they are written (KML Folders)
  std::vector<GeoFeature> features;
  std::vector<GeoProperty> about;  // the whole document's: scenario, seed, time, source...
};

/// A GeoJSON FeatureCollection: WGS84 lon/lat to 6 decimals (about 10 cm), polygons with
/// counter-clockwise outer rings and closed rings (RFC 7946 3.1.6), times as ISO 8601 UTC from
/// `epoch`. The document's title and `about` go into foreign members `name` and `rfsim`.
std::string to_geojson(const GeoDocument& doc, UnixMs epoch);

/// A KML 2.2 document (with the gx extension for tracks): a Folder per layer, a Placemark per
/// feature with TimeStamp or TimeSpan, properties as ExtendedData, tracks as gx:Track, and shared
/// Styles named by GeoFeature::style (friend, hostile, violation, track, contact, cut, region).
/// Text is escaped for XML; characters XML 1.0 cannot hold become U+FFFD.
std::string to_kml(const GeoDocument& doc, UnixMs epoch);

}  // namespace rfsim::saves
