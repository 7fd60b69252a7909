// Ear-clipping triangulation of a polygon with holes, for filling map regions on the GPU.
#pragma once

#include <vector>

#include "map/geo.hpp"

namespace rfsim::render {

/// Appends the triangles of `outer` minus `holes` to `out`, three points per triangle.
/// Rings may run either way and must not repeat their first point. Holes are bridged into
/// the outer ring (Eberly, "Triangulation by Ear Clipping"), so no hole is ever filled.
/// Returns false if the ring was not simple and some triangles had to be forced.
///   std::vector<map::PlanePoint> tris;  triangulate(square, {hole}, tris);
bool triangulate(const std::vector<map::PlanePoint>& outer,
                 const std::vector<std::vector<map::PlanePoint>>& holes,
                 std::vector<map::PlanePoint>& out);

}  // namespace rfsim::render
