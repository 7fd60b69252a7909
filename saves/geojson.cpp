// GeoJSON (RFC 7946) of a GeoDocument, with nlohmann-json.
#include <nlohmann/json.hpp>

#include <cmath>

#include "saves/geo_document.hpp"

namespace rfsim::saves {
namespace {

using nlohmann::json;

double round6(double x) {
  return std::round(x * 1e6) / 1e6;
}

json position(map::LonLat p) {
  return json::array({round6(p.lon), round6(p.lat)});
}

// Twice the signed area in lon/lat: positive when counter-clockwise.
double signed_area(const map::Ring& r) {
  double a = 0;
  for (std::size_t i = 0; i < r.size(); ++i) {
    const map::LonLat& p = r[i];
    const map::LonLat& q = r[(i + 1) % r.size()];
    a += p.lon * q.lat - q.lon * p.lat;
  }
  return a;
}

// A closed ring, counter-clockwise for an outer ring and clockwise for a hole.
json ring(const map::Ring& r, bool outer) {
  json out = json::array();
  const bool ccw = signed_area(r) > 0;
  const bool reverse = outer != ccw;
  for (std::size_t i = 0; i < r.size(); ++i)
    out.push_back(position(r[reverse ? r.size() - 1 - i : i]));
  if (!r.empty()) out.push_back(out.front());
  return out;
}

json polygon(const map::Polygon& p) {
  json rings = json::array({ring(p.outer, true)});
  for (const map::Ring& h : p.holes) rings.push_back(ring(h, false));
  return rings;
}

json geometry(const GeoFeature& f) {
  switch (f.shape) {
    case GeoShape::Point:
      return {{"type", "Point"}, {"coordinates", position(f.points.at(0))}};
    case GeoShape::LineString: {
      json c = json::array();
      for (const map::LonLat& p : f.points) c.push_back(position(p));
      return {{"type", "LineString"}, {"coordinates", c}};
    }
    case GeoShape::Polygon: {
      if (f.polygons.size() == 1) {
        return {{"type", "Polygon"}, {"coordinates", polygon(f.polygons[0])}};
      }
      json c = json::array();
      for (const map::Polygon& p : f.polygons) c.push_back(polygon(p));
      return {{"type", "MultiPolygon"}, {"coordinates", c}};
    }
  }
  return nullptr;
}

json value(const GeoValue& v, UnixMs epoch) {
  return std::visit(
      [&](const auto& x) -> json {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return nullptr;
        } else if constexpr (std::is_same_v<T, sim::SimTime>) {
          return format_iso8601(on_calendar(epoch, x));
        } else if constexpr (std::is_same_v<T, double>) {
          return std::isfinite(x) ? json(x) : json(nullptr);
        } else {
          return x;
        }
      },
      v);
}

}  // namespace

std::string to_geojson(const GeoDocument& doc, UnixMs epoch) {
  json about = json::object();
  for (const GeoProperty& p : doc.about) about[p.name] = value(p.value, epoch);
  about["epoch"] = format_iso8601(epoch);
  json head = {{"type", "FeatureCollection"}, {"name", doc.title}, {"rfsim", about}};
  std::string out = head.dump(-1, ' ', false, json::error_handler_t::replace);
  out.pop_back();  // the closing brace: the features follow, one a line, for reading and diffs
  out += ",\"features\":[";
  bool first = true;
  for (const GeoFeature& f : doc.features) {
    json props = json::object();
    props["layer"] = f.layer;
    props["name"] = f.name;
    if (f.time) props["time"] = format_iso8601(on_calendar(epoch, *f.time));
    if (f.time_end) props["time_end"] = format_iso8601(on_calendar(epoch, *f.time_end));
    if (!f.times.empty()) {
      json times = json::array();
      for (sim::SimTime t : f.times) times.push_back(format_iso8601(on_calendar(epoch, t)));
      props["times"] = std::move(times);
    }
    for (const GeoProperty& p : f.properties) props[p.name] = value(p.value, epoch);
    const json feature = {{"type", "Feature"}, {"geometry", geometry(f)}, {"properties", props}};
    out += first ? "\n" : ",\n";
    out += feature.dump(-1, ' ', false, json::error_handler_t::replace);
    first = false;
  }
  out += "\n]}\n";
  return out;
}

}  // namespace rfsim::saves
