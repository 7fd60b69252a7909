// Moving the line of contact by the ground each sector has changed hands.
#include "render/front_line.hpp"

#include <algorithm>
#include <cmath>

namespace rfsim::render {

namespace {

using map::LonLat;
using map::PlanePoint;

// Two stretches join when one's last point is the next one's first (the theatre checks it to
// the metre; a centimetre of slack covers rounding in copies).
bool same_point(LonLat a, LonLat b) {
  return std::abs(a.lon - b.lon) < 1e-7 && std::abs(a.lat - b.lat) < 1e-7;
}

// The unit normal to the right of the direction a -> b, in the plane (x east, y north).
PlanePoint right_normal(PlanePoint a, PlanePoint b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len = std::hypot(dx, dy);
  if (len <= 0) return {0, 0};
  return {dy / len, -dx / len};
}

}  // namespace

double line_length_km(const std::vector<LonLat>& line) {
  double km = 0;
  for (std::size_t i = 1; i < line.size(); ++i) km += map::distance_km(line[i - 1], line[i]);
  return km;
}

double advance_depth_km(double gained_km2, double frontage_km) {
  return frontage_km > 0 ? gained_km2 / frontage_km : 0.0;
}

std::vector<std::vector<LonLat>> moved_front(const std::vector<FrontStretch>& stretches) {
  // The whole line as one list of points, a shared junction once, each with its depth; the
  // normal at a point bisects its two segments, so the moved line keeps its corners.
  const map::Projection proj;
  struct Point {
    PlanePoint at;
    double depth;
  };
  std::vector<Point> pts;
  std::vector<std::vector<std::size_t>> index(stretches.size());  // per stretch, into pts
  std::vector<std::size_t> chain_start;                           // where each joined run begins
  for (std::size_t s = 0; s < stretches.size(); ++s) {
    const FrontStretch& st = stretches[s];
    for (std::size_t i = 0; i < st.line.size(); ++i) {
      const bool joins = i == 0 && s > 0 && !stretches[s - 1].line.empty() &&
                         same_point(stretches[s - 1].line.back(), st.line.front());
      if (joins) {
        Point& shared = pts[index[s - 1].back()];
        shared.depth = (shared.depth + st.depth_km) / 2;
        index[s].push_back(index[s - 1].back());
        continue;
      }
      if (i == 0) chain_start.push_back(pts.size());
      index[s].push_back(pts.size());
      pts.push_back({proj.project(st.line[i]), st.depth_km});
    }
  }
  chain_start.push_back(pts.size());
  std::vector<PlanePoint> moved(pts.size());
  for (std::size_t c = 0; c + 1 < chain_start.size(); ++c) {
    const std::size_t lo = chain_start[c], hi = chain_start[c + 1];  // [lo, hi)
    for (std::size_t i = lo; i < hi; ++i) {
      PlanePoint n{0, 0};
      if (i > lo) {
        const PlanePoint a = right_normal(pts[i - 1].at, pts[i].at);
        n = {n.x + a.x, n.y + a.y};
      }
      if (i + 1 < hi) {
        const PlanePoint b = right_normal(pts[i].at, pts[i + 1].at);
        n = {n.x + b.x, n.y + b.y};
      }
      const double len = std::hypot(n.x, n.y);
      // At a corner the bisector is scaled so both segments move by the full depth (a mitre),
      // up to twice the depth at the sharpest turns.
      double scale = 0;
      if (len > 1e-9) {
        const double one = (i > lo && i + 1 < hi) ? len / 2 : 1.0;  // cos of half the turn
        scale = 1.0 / len / std::max(one, 0.5);
      }
      moved[i] = {pts[i].at.x + n.x * scale * pts[i].depth,
                  pts[i].at.y + n.y * scale * pts[i].depth};
    }
  }
  std::vector<std::vector<LonLat>> out(stretches.size());
  for (std::size_t s = 0; s < stretches.size(); ++s) {
    for (std::size_t k = 0; k < index[s].size(); ++k) {
      const std::size_t i = index[s][k];
      // An unmoved point keeps its exact position (no round trip through the projection).
      out[s].push_back(pts[i].depth == 0 ? stretches[s].line[k] : proj.unproject(moved[i]));
    }
  }
  return out;
}

LonLat across_line(const std::vector<LonLat>& line, LonLat p) {
  if (line.size() < 2) return p;
  const map::Projection proj;
  const PlanePoint q = proj.project(p);
  PlanePoint best{};
  double best_d = INFINITY;
  for (std::size_t i = 1; i < line.size(); ++i) {
    const PlanePoint a = proj.project(line[i - 1]), b = proj.project(line[i]);
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t =
        len2 > 0 ? std::clamp(((q.x - a.x) * dx + (q.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    const PlanePoint c{a.x + t * dx, a.y + t * dy};
    const double d = std::hypot(q.x - c.x, q.y - c.y);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return proj.unproject({2 * best.x - q.x, 2 * best.y - q.y});
}

}  // namespace rfsim::render
