// Ear clipping with hole bridging. O(n * reflex) per polygon, which for the theatre's
// ~15,000 vertices is a few milliseconds, once, when the painter is built.
#include "render/triangulate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace rfsim::render {

namespace {

using P = map::PlanePoint;

double cross(P o, P a, P b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

bool same(P a, P b) {
  return a.x == b.x && a.y == b.y;
}

double signed_area(const std::vector<P>& r) {
  double s = 0;
  for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
    s += (r[j].x * r[i].y - r[i].x * r[j].y);
  }
  return s / 2;
}

// Inclusive: a vertex on an ear's edge blocks it too, which keeps bridges from being cut.
// Either orientation of a, b, c.
bool in_triangle(P p, P a, P b, P c) {
  const double d1 = cross(a, b, p), d2 = cross(b, c, p), d3 = cross(c, a, p);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

// Splices `hole` into `ring` through a vertex of the ring that the hole's rightmost vertex
// can see: ring[..p], M, hole from M round to M, ring[p], ring[p+1..].
void bridge(std::vector<P>& ring, const std::vector<P>& hole) {
  std::size_t mi = 0;
  for (std::size_t i = 1; i < hole.size(); ++i) {
    if (hole[i].x > hole[mi].x) mi = i;
  }
  const P m = hole[mi];
  // Nearest ring edge that the ray from M to +x hits.
  double best_x = std::numeric_limits<double>::infinity();
  std::size_t pick = ring.size();
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const P a = ring[i];
    const P b = ring[(i + 1) % ring.size()];
    if ((a.y > m.y) == (b.y > m.y) && a.y != m.y && b.y != m.y) continue;
    if (a.y == b.y) continue;
    const double t = (m.y - a.y) / (b.y - a.y);
    if (t < 0 || t > 1) continue;
    const double x = a.x + t * (b.x - a.x);
    if (x < m.x || x >= best_x) continue;
    best_x = x;
    // The edge's end with the larger x is the first candidate.
    pick = a.x > b.x ? i : (i + 1) % ring.size();
  }
  if (pick == ring.size()) return;  // not inside: nothing sensible to bridge to
  const P hit{best_x, m.y};
  const P cand = ring[pick];
  // A reflex ring vertex inside triangle (M, hit, cand) would block the view; take the one
  // at the smallest angle from the ray instead.
  double best_angle = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const P r = ring[i];
    if (i == pick || same(r, cand)) continue;
    const P prev = ring[(i + ring.size() - 1) % ring.size()];
    const P next = ring[(i + 1) % ring.size()];
    if (cross(prev, r, next) > 0) continue;  // convex vertices cannot block
    if (r.x < m.x || !in_triangle(r, m, hit, cand)) continue;
    const double angle = std::abs(std::atan2(r.y - m.y, r.x - m.x));
    if (angle < best_angle) {
      best_angle = angle;
      pick = i;
    }
  }
  std::vector<P> out;
  out.reserve(ring.size() + hole.size() + 2);
  out.insert(out.end(), ring.begin(), ring.begin() + static_cast<std::ptrdiff_t>(pick) + 1);
  for (std::size_t k = 0; k <= hole.size(); ++k) out.push_back(hole[(mi + k) % hole.size()]);
  out.insert(out.end(), ring.begin() + static_cast<std::ptrdiff_t>(pick), ring.end());
  ring = std::move(out);
}

bool clip_ears(const std::vector<P>& pts, std::vector<P>& out) {
  const std::size_t n = pts.size();
  std::vector<std::size_t> prev(n), next(n);
  for (std::size_t i = 0; i < n; ++i) {
    prev[i] = (i + n - 1) % n;
    next[i] = (i + 1) % n;
  }
  auto reflex = [&](std::size_t i) { return cross(pts[prev[i]], pts[i], pts[next[i]]) <= 0; };
  auto is_ear = [&](std::size_t p, std::size_t v, std::size_t q) {
    const P a = pts[p], b = pts[v], c = pts[q];
    const double min_x = std::min({a.x, b.x, c.x}), max_x = std::max({a.x, b.x, c.x});
    const double min_y = std::min({a.y, b.y, c.y}), max_y = std::max({a.y, b.y, c.y});
    for (std::size_t r = next[q]; r != p; r = next[r]) {
      const P x = pts[r];
      if (x.x < min_x || x.x > max_x || x.y < min_y || x.y > max_y) continue;
      if (same(x, a) || same(x, b) || same(x, c)) continue;  // bridge duplicates
      if (reflex(r) && in_triangle(x, a, b, c)) return false;
    }
    return true;
  };
  auto remove = [&](std::size_t v) {
    next[prev[v]] = next[v];
    prev[next[v]] = prev[v];
  };
  bool clean = true;
  std::size_t count = n;
  std::size_t v = 0;
  std::size_t stall = 0;
  while (count > 3) {
    const std::size_t p = prev[v], q = next[v];
    const double area = cross(pts[p], pts[v], pts[q]);
    if (area == 0) {  // collinear or a zero-width spike: drop it, it covers nothing
      remove(v);
      --count;
      v = p;
      stall = 0;
      continue;
    }
    if (area > 0 && is_ear(p, v, q)) {
      out.insert(out.end(), {pts[p], pts[v], pts[q]});
      remove(v);
      --count;
      v = q;
      stall = 0;
      continue;
    }
    if (++stall > count) {
      // A full lap without an ear: the ring self-intersects. Cut something to finish.
      clean = false;
      if (area > 0) out.insert(out.end(), {pts[p], pts[v], pts[q]});
      remove(v);
      --count;
      stall = 0;
    }
    v = q;
  }
  const std::size_t p = prev[v], q = next[v];
  if (cross(pts[p], pts[v], pts[q]) > 0) out.insert(out.end(), {pts[p], pts[v], pts[q]});
  return clean;
}

}  // namespace

bool triangulate(const std::vector<P>& outer, const std::vector<std::vector<P>>& holes,
                 std::vector<P>& out) {
  if (outer.size() < 3) return false;
  std::vector<P> ring = outer;
  if (signed_area(ring) < 0) std::reverse(ring.begin(), ring.end());
  // Holes run clockwise inside a counter-clockwise ring; bridge the rightmost first so that
  // later bridges never cross earlier ones.
  std::vector<std::vector<P>> hs;
  for (const auto& h : holes) {
    if (h.size() < 3) continue;
    hs.push_back(h);
    if (signed_area(hs.back()) > 0) std::reverse(hs.back().begin(), hs.back().end());
  }
  auto max_x = [](const std::vector<P>& r) {
    return std::max_element(r.begin(), r.end(), [](P a, P b) { return a.x < b.x; })->x;
  };
  std::sort(hs.begin(), hs.end(),
            [&](const auto& a, const auto& b) { return max_x(a) > max_x(b); });
  for (const auto& h : hs) bridge(ring, h);
  return clip_ears(ring, out);
}

}  // namespace rfsim::render
