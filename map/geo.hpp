// Geography primitives: lon/lat points, polygons, great-circle distance, and the conic
// projection from lon/lat to the drawing plane.
#pragma once

#include <vector>

namespace rfsim::map {

/// A WGS84 position in degrees.
struct LonLat {
  double lon = 0;  // degrees east
  double lat = 0;  // degrees north
};

/// A point on the drawing plane, in kilometres from the projection's centre (x east, y north).
struct PlanePoint {
  double x = 0;
  double y = 0;
};

/// A closed ring of positions (first point not repeated at the end).
using Ring = std::vector<LonLat>;

/// One polygon: an outer ring and its holes.
struct Polygon {
  Ring outer;
  std::vector<Ring> holes;
};

/// Whether p lies inside the polygon (inside the outer ring and in none of its holes). Edges
/// are straight in lon/lat, as in GeoJSON; a point exactly on an edge may go either way.
bool contains(const Polygon& polygon, LonLat p);
/// Whether p lies inside any of the polygons (a region's outline).
bool contains(const std::vector<Polygon>& polygons, LonLat p);

/// Great-circle distance in kilometres (haversine on a sphere of radius 6371 km).
double distance_km(LonLat a, LonLat b);

/// Lambert conformal conic projection, centred on Ukraine (31.5E 48.5N) with standard
/// parallels 45N and 52N: shapes look right across the whole theatre.
///   Projection p;  PlanePoint q = p.project({30.52, 50.45});  // Kyiv
class Projection {
 public:
  Projection();
  PlanePoint project(LonLat p) const;
  LonLat unproject(PlanePoint q) const;

 private:
  double n_, f_, rho0_, lon0_;  // the cone's constants, radians and kilometres
};

}  // namespace rfsim::map
