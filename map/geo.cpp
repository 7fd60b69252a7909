// Geography primitives: point in polygon, great-circle distance and the Lambert conformal conic
// projection (spherical formulas of Snyder, "Map Projections: A Working Manual", 1987, p. 104).
#include "map/geo.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace rfsim::map {

namespace {

constexpr double kEarthRadiusKm = 6371.0;  // mean radius: the sphere used everywhere in map/
constexpr double kDeg = std::numbers::pi / 180.0;

// Even-odd ray casting towards +lon; rings need not be closed.
bool ring_contains(const Ring& ring, LonLat p) {
  bool inside = false;
  const std::size_t n = ring.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const LonLat& a = ring[i];
    const LonLat& b = ring[j];
    if ((a.lat > p.lat) != (b.lat > p.lat) &&
        p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon) {
      inside = !inside;
    }
  }
  return inside;
}

double cone_tan(double lat_rad) {
  return std::tan(std::numbers::pi / 4 + lat_rad / 2);
}

}  // namespace

bool contains(const Polygon& polygon, LonLat p) {
  if (polygon.outer.size() < 3 || !ring_contains(polygon.outer, p)) return false;
  for (const Ring& hole : polygon.holes) {
    if (ring_contains(hole, p)) return false;
  }
  return true;
}

bool contains(const std::vector<Polygon>& polygons, LonLat p) {
  for (const Polygon& polygon : polygons) {
    if (contains(polygon, p)) return true;
  }
  return false;
}

double distance_km(LonLat a, LonLat b) {
  const double dlat = (b.lat - a.lat) * kDeg;
  const double dlon = (b.lon - a.lon) * kDeg;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.lat * kDeg) * std::cos(b.lat * kDeg) * std::sin(dlon / 2) * std::sin(dlon / 2);
  // min() guards asin against rounding just above 1 for antipodal points.
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

Projection::Projection() {
  const double lat1 = 45.0 * kDeg;
  const double lat2 = 52.0 * kDeg;
  const double lat0 = 48.5 * kDeg;
  lon0_ = 31.5 * kDeg;
  n_ = std::log(std::cos(lat1) / std::cos(lat2)) / std::log(cone_tan(lat2) / cone_tan(lat1));
  f_ = kEarthRadiusKm * std::cos(lat1) * std::pow(cone_tan(lat1), n_) / n_;  // R * F, in km
  rho0_ = f_ / std::pow(cone_tan(lat0), n_);
}

PlanePoint Projection::project(LonLat p) const {
  const double rho = f_ / std::pow(cone_tan(p.lat * kDeg), n_);
  const double theta = n_ * (p.lon * kDeg - lon0_);
  return {rho * std::sin(theta), rho0_ - rho * std::cos(theta)};
}

LonLat Projection::unproject(PlanePoint q) const {
  // n_ > 0 for a cone over the northern hemisphere, so rho takes the positive root.
  const double dy = rho0_ - q.y;
  const double rho = std::hypot(q.x, dy);
  const double theta = std::atan2(q.x, dy);
  const double lat = 2 * std::atan(std::pow(f_ / rho, 1 / n_)) - std::numbers::pi / 2;
  return {(theta / n_ + lon0_) / kDeg, lat / kDeg};
}

}  // namespace rfsim::map
