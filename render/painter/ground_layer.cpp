// The ground layer: built once from the theatre, rasterised per camera, shifted on a pan.
#include "render/painter/ground_layer.hpp"

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Sprite.hpp>
#include <SFML/OpenGL.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>

#include "render/blit.hpp"
#include "render/painter/offscreen.hpp"
#include "render/painter/palette.hpp"
#include "render/triangulate.hpp"

namespace rfsim::render::painter {

namespace {

using map::LonLat;
using map::PlanePoint;
using map::Region;
using map::RegionKind;

constexpr double kHatchSpacingPx = 9;  // hatch at its nominal zoom; it scales within a level
constexpr double kHatchWidthPx = 1.6;
constexpr double kFullHatchShare = 0.95;  // at or above: hatch the whole region

enum class Owner : std::uint8_t { Ukraine, Land, Water };

sf::Vector2f vf(PlanePoint p) {
  return {static_cast<float>(p.x), static_cast<float>(p.y)};
}

// Quantised lon/lat: the map data is rounded to 4 decimals and shared borders use the same
// vertices on both sides, so equal keys mean a shared edge.
struct EdgeKey {
  std::int64_t a, b;
  bool operator==(const EdgeKey&) const = default;
};
struct EdgeHash {
  std::size_t operator()(const EdgeKey& k) const {
    return std::hash<std::int64_t>()(k.a * 1000003 ^ k.b);
  }
};
std::int64_t point_key(LonLat p) {
  const auto lon = static_cast<std::int64_t>(std::llround(p.lon * 1e4));
  const auto lat = static_cast<std::int64_t>(std::llround(p.lat * 1e4));
  return lon * 4'000'000 + lat;
}

struct EdgeInfo {
  Segment seg;
  bool axis_aligned = false;          // along a meridian or parallel: a sea zone's box cut
  std::vector<int> owners;            // distinct identities
  std::array<int, 3> count{0, 0, 0};  // by Owner
};

// Even-odd crossings of the hatch line y - x = c with a ring, as positions t = x + y.
void crossings(const std::vector<PlanePoint>& ring, double c, int set,
               std::vector<std::pair<double, int>>& out) {
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const PlanePoint p = ring[j], q = ring[i];
    const double vp = p.y - p.x, vq = q.y - q.x;
    if ((vp > c) == (vq > c)) continue;
    const double f = (c - vp) / (vq - vp);
    out.emplace_back((p.x + f * (q.x - p.x)) + (p.y + f * (q.y - p.y)), set);
  }
}

// Draws a triangle list a chunk of consecutive triangles at a time, leaving out the chunks
// whose bounds miss `clip` (in the vertices' own coordinates). The order is kept, so the
// picture is the one drawing everything makes, while a pan's thin strip or a close zoom
// hands llvmpipe a fraction of the ~100,000 vertices (about 3 ms of its time for all).
void draw_within(sf::RenderTarget& target, const sf::VertexArray& v, const sf::FloatRect& clip,
                 const sf::RenderStates& states) {
  constexpr std::size_t kChunk = 3 * 128;
  const std::size_t n = v.getVertexCount();
  std::size_t run_first = 0, run_count = 0;  // the chunks met so far that reach clip
  const auto flush = [&] {
    if (run_count > 0) target.draw(&v[run_first], run_count, sf::Triangles, states);
    run_count = 0;
  };
  for (std::size_t first = 0; first < n; first += kChunk) {
    const std::size_t count = std::min(kChunk, n - first);
    sf::Vector2f lo = v[first].position, hi = lo;
    for (std::size_t i = first + 1; i < first + count; ++i) {
      const sf::Vector2f p = v[i].position;
      lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)};
      hi = {std::max(hi.x, p.x), std::max(hi.y, p.y)};
    }
    const bool reaches = hi.x >= clip.left && lo.x <= clip.left + clip.width && hi.y >= clip.top &&
                         lo.y <= clip.top + clip.height;
    if (!reaches) {
      flush();
    } else {
      if (run_count == 0) run_first = first;
      run_count += count;
    }
  }
  flush();
}

}  // namespace

GroundLayer::GroundLayer(const map::Theatre& t) : theatre_(&t) {
  // Backdrop: water, then land; Russia and Belarus a shade darker.
  backdrop_range_.resize(t.backdrop().size());
  for (std::size_t i = 0; i < t.backdrop().size(); ++i) {
    const Region& b = t.backdrop()[i];
    const bool water = b.kind == RegionKind::SeaZone;
    const bool dark = b.country == "RU" || b.country == "BY";
    add_polygons(b.polygons,
                 water  ? kSea
                 : dark ? kLandDark
                        : kLand,
                 backdrop_, backdrop_range_[i]);
  }
  {
    // The map data stops at 42E; beyond it, as far as any view goes, is Russia. Painting it
    // keeps a zoomed-out view from showing a blank wedge that looks like another country.
    std::vector<PlanePoint> ring;
    for (double lat = 43; lat <= 60; lat += 1) ring.push_back(proj_.project({42, lat}));
    for (double lat = 60; lat >= 43; lat -= 1) ring.push_back(proj_.project({70, lat}));
    std::vector<PlanePoint> tris;
    triangulate(ring, {}, tris);
    for (PlanePoint p : tris) beyond_.append({vf(p), kLandDark});
  }
  region_range_.resize(t.region_count());
  region_default_.assign(t.region_count(), sf::Color::Transparent);
  for (std::size_t i = 0; i < t.region_count(); ++i) {
    const Region& r = t.regions()[i];
    if (r.kind == RegionKind::SeaZone) region_default_[i] = kSea;
    add_polygons(r.polygons, region_default_[i], regions_, region_range_[i]);
  }
  build_borders();
  build_occupied();
}

void GroundLayer::add_polygons(const std::vector<map::Polygon>& polys, sf::Color col,
                               sf::VertexArray& out, Range& range) {
  range.first = out.getVertexCount();
  std::vector<PlanePoint> tris;
  for (const auto& poly : polys) {
    auto project = [&](const map::Ring& ring) {
      std::vector<PlanePoint> r;
      r.reserve(ring.size());
      for (LonLat ll : ring) r.push_back(proj_.project(ll));
      return r;
    };
    std::vector<std::vector<PlanePoint>> holes;
    for (const auto& h : poly.holes) holes.push_back(project(h));
    triangulate(project(poly.outer), holes, tris);
  }
  for (PlanePoint p : tris) out.append({vf(p), col});
  range.count = out.getVertexCount() - range.first;
}

void GroundLayer::build_borders() {
  // Every edge of every outline, keyed on its quantised ends, with who owns it.
  std::unordered_map<EdgeKey, EdgeInfo, EdgeHash> edges;
  std::map<std::string, int> identities;
  auto add = [&](const Region& r, Owner owner, const std::string& identity) {
    const int id = identities.emplace(identity, static_cast<int>(identities.size())).first->second;
    for (const auto& poly : r.polygons) {
      std::vector<const map::Ring*> rings{&poly.outer};
      for (const auto& h : poly.holes) rings.push_back(&h);
      for (const map::Ring* ring : rings) {
        for (std::size_t i = 0; i < ring->size(); ++i) {
          const LonLat a = (*ring)[i], b = (*ring)[(i + 1) % ring->size()];
          std::int64_t ka = point_key(a), kb = point_key(b);
          if (ka == kb) continue;
          if (ka > kb) std::swap(ka, kb);
          EdgeInfo& e = edges[{ka, kb}];
          if (e.owners.empty()) {
            e.seg = {proj_.project(a), proj_.project(b)};
            e.axis_aligned = a.lon == b.lon || a.lat == b.lat;
          }
          if (std::find(e.owners.begin(), e.owners.end(), id) == e.owners.end()) {
            e.owners.push_back(id);
            ++e.count[static_cast<int>(owner)];
          }
        }
      }
    }
  };
  for (const Region& b : theatre_->backdrop()) {
    const bool water = b.kind == RegionKind::SeaZone;
    add(b, water ? Owner::Water : Owner::Land, (water ? "water:" : "land:") + b.country + b.id);
  }
  for (const Region& r : theatre_->regions()) {
    if (r.kind == RegionKind::Oblast || r.kind == RegionKind::City) {
      add(r, Owner::Ukraine, "ua:" + r.id);
    } else if (r.kind == RegionKind::SeaZone) {
      add(r, Owner::Water, "zone:" + r.id);
    }
  }
  // Ukrainian units that share a border get different tints (greedy colouring).
  std::vector<std::vector<std::size_t>> ua_neighbours(theatre_->region_count());
  std::map<int, std::size_t> ua_of_identity;
  for (std::size_t i = 0; i < theatre_->region_count(); ++i) {
    const Region& r = theatre_->regions()[i];
    if (auto it = identities.find("ua:" + r.id); it != identities.end())
      ua_of_identity[it->second] = i;
  }
  for (const auto& [key, e] : edges) {
    const int ua = e.count[0], land = e.count[1], water = e.count[2];
    Border kind;
    if (ua >= 2) {
      kind = kOblast;
      const std::size_t a = ua_of_identity[e.owners[0]], b = ua_of_identity[e.owners[1]];
      ua_neighbours[a].push_back(b);
      ua_neighbours[b].push_back(a);
    } else if (ua == 1 && land >= 1) {
      kind = kState;
    } else if (ua == 1 && water >= 1) {
      kind = kCoastline;
    } else if (ua == 1) {
      kind = kOblast;  // no shared vertices on the other side: still show the outline
    } else if (land >= 2) {
      kind = kForeign;
    } else if (land == 1 && water >= 1) {
      kind = kCoastline;
    } else if (land == 0 && water >= 1 && e.axis_aligned) {
      kind = kZone;  // a sea zone's box cut through open water
    } else {
      continue;  // water meeting water, or the edge of the map data
    }
    borders_[kind].push_back(e.seg);
  }
  // Greedy colouring in region order, so the palette is stable for given assets.
  std::vector<int> colour(theatre_->region_count(), -1);
  for (std::size_t i = 0; i < theatre_->region_count(); ++i) {
    const Region& r = theatre_->regions()[i];
    if (r.kind != RegionKind::Oblast && r.kind != RegionKind::City) continue;
    std::array<bool, kUkraine.size()> used{};
    for (std::size_t n : ua_neighbours[i]) {
      if (colour[n] >= 0) used[static_cast<std::size_t>(colour[n])] = true;
    }
    int c = 0;
    while (c < static_cast<int>(used.size()) - 1 && used[static_cast<std::size_t>(c)]) ++c;
    colour[i] = c;
    region_default_[i] = kUkraine[static_cast<std::size_t>(c)];
  }
}

void GroundLayer::build_occupied() {
  // Honest marking without occupation polygons: a region (nearly) all occupied is hatched
  // whole; a partly occupied one is hatched on the far side of the drawn line of contact,
  // so the hatch always agrees with the red line the room sees.
  const auto& line = theatre_->contact_line();
  for (const Region& r : theatre_->regions()) {
    if (r.occupied_share <= 0 || r.polygons.empty()) continue;
    if (r.kind != RegionKind::Oblast && r.kind != RegionKind::City &&
        r.kind != RegionKind::SeaZone) {
      continue;
    }
    const bool full = r.occupied_share >= kFullHatchShare;
    if (!full && line.size() < 2 && r.occupied_share < 0.5) continue;  // nothing to cut with
    auto& set = full || line.size() < 2 ? hatch_full_ : hatch_partial_;
    for (const auto& poly : r.polygons) {
      std::vector<const map::Ring*> rings{&poly.outer};
      for (const auto& h : poly.holes) rings.push_back(&h);
      for (const map::Ring* ring : rings) {
        std::vector<PlanePoint> pr;
        for (LonLat ll : *ring) pr.push_back(proj_.project(ll));
        set.push_back(std::move(pr));
      }
    }
    any_occupied_ = true;
  }
  std::vector<LonLat> points;
  for (const auto& cp : line) points.push_back(cp.where);
  build_mask(points);
}

void GroundLayer::build_mask(const std::vector<LonLat>& line) {
  mask_line_ = line;
  hatch_mask_.clear();
  if (line.size() >= 2) {
    // The line runs north to south; the occupied side is east. Close it round the east.
    std::vector<PlanePoint> mask;
    for (const LonLat ll : line) mask.push_back(proj_.project(ll));
    constexpr double far = 5000;  // km: beyond anything on the map
    const PlanePoint first = mask.front(), last = mask.back();
    mask.push_back({last.x, -far});
    mask.push_back({far, -far});
    mask.push_back({far, far});
    mask.push_back({first.x, far});
    hatch_mask_.push_back(std::move(mask));
  }
}

void GroundLayer::set_front(const std::vector<LonLat>& line) {
  const bool same = line.size() == mask_line_.size() &&
                    std::equal(line.begin(), line.end(), mask_line_.begin(),
                               [](LonLat a, LonLat b) { return a.lon == b.lon && a.lat == b.lat; });
  if (same || line.size() < 2) return;
  build_mask(line);
  hatch_level_ = std::numeric_limits<int>::min();  // the hatch is cut afresh
  ok_ = false;
}

void GroundLayer::apply_fill(const std::vector<Rgba>& fill) {
  if (fill_applied_ && fill == applied_fill_) return;
  for (std::size_t i = 0; i < region_range_.size(); ++i) {
    sf::Color c = region_default_[i];
    if (i < fill.size() && (fill[i] & 0xffu) != 0) {
      c = sf::Color(fill[i]);
    }
    const Range& r = region_range_[i];
    for (std::size_t v = r.first; v < r.first + r.count; ++v) regions_[v].color = c;
  }
  applied_fill_ = fill;
  fill_applied_ = true;
  ok_ = false;
}

void GroundLayer::rebuild_strokes(double scale) {
  stroke_cache_.clear();
  const auto w = [scale](double px) { return static_cast<float>(px / scale); };
  struct Style {
    Border kind;
    double width_px;
    sf::Color colour;
  };
  for (const Style& s : {Style{kZone, 1.0, kZoneBorder}, Style{kCoastline, 1.1, kCoast},
                         Style{kForeign, 1.3, kForeignBorder}, Style{kOblast, 1.1, kOblastBorder},
                         Style{kState, 2.6, kStateBorder}}) {
    if (s.kind == kZone) {  // dashed: a zone is a planning line, not a coast
      for (const Segment& seg : borders_[s.kind]) {
        stroke_cache_.dashed({vf(seg.a), vf(seg.b)}, w(s.width_px), w(6), w(5), s.colour);
      }
      continue;
    }
    for (const Segment& seg : borders_[s.kind]) {
      stroke_cache_.line(vf(seg.a), vf(seg.b), w(s.width_px), s.colour, true);
    }
  }
  stroke_scale_ = scale;
}

void GroundLayer::rebuild_hatch(int level) {
  hatch_cache_.clear();
  hatch_level_ = level;
  const double spacing = std::ldexp(1.0, level);  // km
  const float width = static_cast<float>(spacing * kHatchWidthPx / kHatchSpacingPx);
  double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
  for (const auto* set : {&hatch_full_, &hatch_partial_}) {
    for (const auto& ring : *set) {
      for (PlanePoint p : ring) {
        lo = std::min(lo, p.y - p.x);
        hi = std::max(hi, p.y - p.x);
      }
    }
  }
  if (lo > hi) return;
  std::vector<std::pair<double, int>> events;
  for (double c = std::floor(lo / spacing) * spacing; c <= hi; c += spacing) {
    events.clear();
    for (const auto& ring : hatch_full_) crossings(ring, c, 0, events);
    for (const auto& ring : hatch_partial_) crossings(ring, c, 1, events);
    if (events.empty()) continue;
    for (const auto& ring : hatch_mask_) crossings(ring, c, 2, events);
    std::sort(events.begin(), events.end());
    std::array<bool, 3> in{false, false, false};
    bool on = false;
    double start = 0;
    for (const auto& [t, set] : events) {
      in[static_cast<std::size_t>(set)] = !in[static_cast<std::size_t>(set)];
      const bool now = in[0] || (in[1] && in[2]);
      if (now && !on) start = t;
      if (!now && on && t - start > 1e-6) {
        const sf::Vector2f a(static_cast<float>((start - c) / 2),
                             static_cast<float>((start + c) / 2));
        const sf::Vector2f b(static_cast<float>((t - c) / 2), static_cast<float>((t + c) / 2));
        hatch_cache_.line(a, b, width, kHatch);
      }
      on = now;
    }
  }
}

void GroundLayer::draw_ground(sf::RenderTarget& target, const MapFrame& f,
                              const sf::FloatRect& clip) {
  // Outside the data, sea and neighbours, Ukraine's regions, the occupied hatch, then
  // borders from thin to thick.
  const sf::RenderStates plane(f.to_px);
  const sf::FloatRect in_plane = f.to_px.getInverse().transformRect(  // a pixel spare for rounding
      {clip.left - 1, clip.top - 1, clip.width + 2, clip.height + 2});
  const double s = f.cam.scale();
  Canvas bg;
  bg.rect({clip.left, clip.top}, {clip.width, clip.height}, kOutside);
  target.draw(bg.vertices());
  draw_within(target, beyond_, in_plane, plane);
  draw_within(target, backdrop_, in_plane, plane);
  draw_within(target, regions_, in_plane, plane);
  if (any_occupied_) {
    const int level = static_cast<int>(std::lround(std::log2(kHatchSpacingPx / s)));
    if (level != hatch_level_) rebuild_hatch(level);
    draw_within(target, hatch_cache_.vertices(), in_plane, plane);
  }
  if (std::abs(s / stroke_scale_ - 1) > 1e-9) rebuild_strokes(s);
  draw_within(target, stroke_cache_.vertices(), in_plane, plane);
}

bool GroundLayer::current(const Camera& cam) const {
  return ok_ &&
         size_ == sf::Vector2u(static_cast<unsigned>(cam.width()),
                               static_cast<unsigned>(cam.height())) &&
         scale_ == cam.scale() && centre_.x == cam.centre().x && centre_.y == cam.centre().y;
}

void GroundLayer::paint(const Camera& cam, const MapFrame& f) {
  const sf::Vector2u size(static_cast<unsigned>(cam.width()), static_cast<unsigned>(cam.height()));
  if (size.x == 0 || size.y == 0 || static_cast<float>(size.x) != f.w ||
      static_cast<float>(size.y) != f.h) {
    ok_ = false;
    return;  // a fractional size would not map texels onto pixels one to one
  }
  if (ok_ && size == size_ && cam.scale() == scale_ && shift(cam, f)) {
    return;
  }
  ok_ = false;
  sf::RenderTexture& g = front();
  size_ = {0, 0};
  if (!begin_drawing(g, size)) return;
  size_ = size;
  draw_ground(g, f, {0, 0, f.w, f.h});
  if (!finish(g)) return;
  scale_ = cam.scale();
  centre_ = cam.centre();
  ok_ = true;
}

bool GroundLayer::shift(const Camera& cam, const MapFrame& f) {
  // A drag pans by whole mouse pixels at the same scale, so the old picture is the new one
  // moved by (dx, dy) whole pixels, up to rounding far below a pixel. Anything else (a
  // fractional or a screen-wide jump) is painted whole.
  const double s = cam.scale();
  const double dx = (centre_.x - cam.centre().x) * s;
  const double dy = (cam.centre().y - centre_.y) * s;
  const double rx = std::round(dx), ry = std::round(dy);
  const auto w = static_cast<int>(size_.x), h = static_cast<int>(size_.y);
  if (std::abs(dx - rx) > 1e-3 || std::abs(dy - ry) > 1e-3 || std::abs(rx) >= w ||
      std::abs(ry) >= h) {
    return false;
  }
  const int ix = static_cast<int>(rx), iy = static_cast<int>(ry);
  sf::RenderTexture& from = front();
  sf::RenderTexture& to = tex_[static_cast<std::size_t>(1 - front_)];
  if (!begin_drawing(to, size_)) return false;
  if (!copy_shifted(from.getTexture(), to.getTexture(), {ix, iy})) return false;
  // The uncovered strips, as view rectangles (x, y, width, height): a column on the side the
  // map moved away from and a row likewise. GL's scissor counts rows from the bottom.
  const std::array<sf::IntRect, 2> strips{sf::IntRect(ix > 0 ? 0 : w + ix, 0, std::abs(ix), h),
                                          sf::IntRect(0, iy > 0 ? 0 : h + iy, w, std::abs(iy))};
  glEnable(GL_SCISSOR_TEST);
  for (const sf::IntRect& r : strips) {
    if (r.width == 0 || r.height == 0) continue;
    glScissor(r.left, h - r.top - r.height, r.width, r.height);
    draw_ground(to, f, sf::FloatRect(r));
  }
  glDisable(GL_SCISSOR_TEST);
  if (!finish(to)) return false;
  front_ = 1 - front_;
  centre_ = cam.centre();
  return true;
}

void GroundLayer::show(sf::RenderTarget& target, const sf::Transform& t, const MapFrame& f) {
  // A framebuffer blit where the GL has one: a textured quad of the whole view costs llvmpipe
  // 11-14 ms, a blit well under 1 (a plain copy) to about 1 (stretched). It writes pixels, so
  // the view's own corner on the target comes in.
  const sf::Texture& texture = front().getTexture();
  const sf::FloatRect covered = t.transformRect({0, 0, f.w, f.h});
  const sf::IntRect port = target.getViewport(target.getView());
  const sf::IntRect to(port.left + static_cast<int>(std::lround(covered.left)),
                       port.top + static_cast<int>(std::lround(covered.top)),
                       static_cast<int>(std::lround(covered.width)),
                       static_cast<int>(std::lround(covered.height)));
  if (port.width != static_cast<int>(f.w) || port.height != static_cast<int>(f.h) ||
      !blit(target, texture, to)) {
    target.draw(sf::Sprite(texture), t);
  }
}

void GroundLayer::preview(sf::RenderTarget& target, const Camera& cam, const MapFrame& f) {
  // Old pixel -> plane -> new pixel: about the view's centre by the scale ratio, then by how far
  // the centre moved, in new pixels (plane y runs north, pixel y south).
  const double s = cam.scale();
  sf::Transform t;
  t.translate(f.w / 2 + static_cast<float>((centre_.x - cam.centre().x) * s),
              f.h / 2 - static_cast<float>((centre_.y - cam.centre().y) * s));
  const auto k = static_cast<float>(s / scale_);
  t.scale(k, k);
  t.translate(-f.w / 2, -f.h / 2);
  const sf::FloatRect covered = t.transformRect({0, 0, f.w, f.h});
  if (!covered.contains(0, 0) || !covered.contains(f.w - 1, f.h - 1)) {
    Canvas bg;  // zooming out: the old picture no longer reaches the edges
    bg.rect({0, 0}, {f.w, f.h}, kOutside);
    target.draw(bg.vertices());
  }
  show(target, t, f);
}

bool GroundLayer::draw(sf::RenderTarget& target, const MapFrame& f) {
  const Camera& cam = f.cam;
  const float w = f.w, h = f.h;
  // While the wheel turns every frame has a new scale: the last ground, stretched, stands in
  // for it (one blit, not a whole repaint), until the scale holds for a frame.
  const double k = ok_ ? cam.scale() / scale_ : 1;
  const bool zooming = ok_ && cam.scale() != last_scale_ && k != 1 && k >= 0.5 && k <= 2 &&
                       cam.width() == w && cam.height() == h &&
                       size_ == sf::Vector2u(static_cast<unsigned>(w), static_cast<unsigned>(h));
  last_scale_ = cam.scale();
  if (zooming) {
    preview(target, cam, f);
  } else {
    if (!current(cam)) paint(cam, f);
    if (ok_) {
      show(target, sf::Transform::Identity, f);
    } else {
      draw_ground(target, f, {0, 0, w, h});  // no texture of this size: straight onto it
    }
  }
  return zooming;
}

}  // namespace rfsim::render::painter
