// The line of contact as it stands in a run: each sector's stretch of the theatre's line moved
// by the depth Red has advanced there (its ground gained over its frontage), so the map
// redraws the line from the state rather than from the 2025 geometry.
#pragma once

#include <vector>

#include "map/geo.hpp"

namespace rfsim::render {

/// One sector's stretch of the line, north to south as the theatre has it, and how far the
/// line has moved there, km: above 0 Red advanced (the line moves toward the Ukrainian-held
/// side, west of a north-south line), below 0 it was pushed back.
struct FrontStretch {
  std::vector<map::LonLat> line;
  double depth_km = 0;
};

/// A polyline's length along the ground, km (great circle between consecutive points).
double line_length_km(const std::vector<map::LonLat>& line);

/// How far the line has moved in a sector: the ground gained (km2; below 0 lost) spread over
/// the sector's whole frontage (km), so the area between the old and the new line is the
/// ground that changed hands. 0 for a frontage of 0.
double advance_depth_km(double gained_km2, double frontage_km);

/// The stretches moved by their depths, as the map draws them: each point is displaced at a
/// right angle to the line (to the right of its north-to-south course: the side Ukraine
/// holds), in the drawing plane. Where one stretch ends at the next one's first point, that
/// shared point moves by the mean of the two depths, so the line stays joined. The result
/// has one polyline per stretch, same order and point counts.
std::vector<std::vector<map::LonLat>> moved_front(const std::vector<FrontStretch>& stretches);

/// `p` reflected across the nearest point of `line` (drawing plane): where a formation
/// facing a sector from the occupied side is drawn, as far beyond the line as the sector's
/// label point is before it. `p` itself when the line has fewer than two points.
map::LonLat across_line(const std::vector<map::LonLat>& line, map::LonLat p);

}  // namespace rfsim::render
