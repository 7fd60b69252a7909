// The map painter. Big static geometry (fills, occupied hatch, borders) is built in plane
// kilometres and drawn through one transform; strokes whose width is in pixels are rebuilt
// only when the zoom changes. That ground is rasterised once per camera into a texture, so a
// frame under a software GL is one framebuffer copy plus the dynamic layers (links, units,
// labels), which are rebuilt in pixels every frame and culled to the screen. A pan shifts
// the last ground and rasterises only the strips it uncovers.
#include "render/map_painter.hpp"

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Sprite.hpp>
#include <SFML/Graphics/Text.hpp>
#include <SFML/Graphics/View.hpp>
#include <SFML/OpenGL.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "render/blit.hpp"
#include "render/canvas.hpp"
#include "render/fonts.hpp"
#include "render/symbols.hpp"
#include "render/triangulate.hpp"

namespace rfsim::render {

namespace {

using map::LonLat;
using map::PlanePoint;
using map::Region;
using map::RegionKind;

// The palette: muted and light, so the red of the front and the APP-6 frames carry the
// picture, and dark enough at the edges to survive a washed-out projector.
const sf::Color kOutside(220, 217, 210);  // beyond the map data: land-like, quiet
const sf::Color kSea(182, 208, 228);
const sf::Color kLand(226, 223, 215);      // neighbouring countries
const sf::Color kLandDark(206, 200, 189);  // Russia and Belarus
const std::array<sf::Color, 5> kUkraine{{  // oblasts, so neighbours differ subtly
                                         {250, 244, 222},
                                         {244, 238, 210},
                                         {248, 240, 214},
                                         {240, 236, 214},
                                         {246, 242, 226}}};
const sf::Color kOblastBorder(150, 143, 128);
const sf::Color kStateBorder(58, 58, 58);
const sf::Color kForeignBorder(160, 154, 142);
const sf::Color kCoast(112, 148, 176);
const sf::Color kZoneBorder(120, 155, 185);
const sf::Color kHatch(196, 30, 40, 150);
const sf::Color kContact(200, 16, 46);
const sf::Color kRoad(120, 120, 120, 170);
const sf::Color kRail(50, 50, 50, 200);
const sf::Color kSeaLane(36, 96, 168);
const sf::Color kStaging(24, 54, 94);
const sf::Color kRegionText(105, 98, 82);
const sf::Color kCityText(70, 64, 52);
const sf::Color kCountryText(140, 134, 122);
const sf::Color kSeaText(66, 110, 150);
const sf::Color kInk(25, 25, 25);
const sf::Color kKinetic(215, 25, 28);
const sf::Color kNonKinetic(240, 130, 20);
const sf::Color kResponse(30, 90, 190);
const sf::Color kTitleBar(27, 38, 49, 238);
const sf::Color kHalo(255, 255, 255, 210);

constexpr float kTitleHeight = 36;
constexpr double kHatchSpacingPx = 9;  // hatch at its nominal zoom; it scales within a level
constexpr double kHatchWidthPx = 1.6;
constexpr double kFullHatchShare = 0.95;  // at or above: hatch the whole region

enum class Owner : std::uint8_t { Ukraine, Land, Water };

enum Border : std::uint8_t { kZone, kCoastline, kForeign, kOblast, kState, kBorderKinds };

struct Segment {
  PlanePoint a, b;
};

sf::Vector2f vf(PlanePoint p) {
  return {static_cast<float>(p.x), static_cast<float>(p.y)};
}

sf::Color with_alpha(sf::Color c, float a) {
  c.a = static_cast<sf::Uint8>(std::clamp(a, 0.0f, 1.0f) * static_cast<float>(c.a));
  return c;
}

// Names short enough for a map: "Kherson (lower Dnipro) sector" -> "Kherson sector",
// "Constanta (port) and Mihail Kogalniceanu air base" -> "Constanta", "Odesa Oblast" -> "Odesa"
// (but "Kyiv Oblast" stays, beside the city of Kyiv).
std::vector<std::string> display_names(const std::vector<Region>& regions) {
  std::vector<std::string> out;
  for (const Region& r : regions) {
    std::string s = r.name;
    for (auto open = s.find(" ("); open != std::string::npos; open = s.find(" (")) {
      const auto close = s.find(')', open);
      if (close == std::string::npos) break;
      s.erase(open, close + 1 - open);
    }
    if (r.kind == RegionKind::Staging) {
      if (auto p = s.find(" and "); p != std::string::npos) s.erase(p);
    }
    const std::string ar = "Autonomous Republic of ";
    if (s.rfind(ar, 0) == 0) s.erase(0, ar.size());
    out.push_back(std::move(s));
  }
  for (std::size_t i = 0; i < regions.size(); ++i) {
    const std::string suffix = " Oblast";
    std::string& s = out[i];
    if (s.size() <= suffix.size() || s.compare(s.size() - suffix.size(), suffix.size(), suffix)) {
      continue;
    }
    const std::string bare = s.substr(0, s.size() - suffix.size());
    if (std::find(out.begin(), out.end(), bare) == out.end()) s = bare;
  }
  return out;
}

std::string upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
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

enum class Swatch {
  Fill,
  Hatch,
  Contact,
  Road,
  Rail,
  Sea,
  Staging,
  Friend,
  Hostile,
  Neutral,
  Kinetic,
  Other,
  Undetected,
  Response
};

struct LegendRow {
  Swatch swatch;
  Rgba colour;  // Fill only
  std::string text;
};

// What one frame knows while it is being drawn.
struct Frame {
  Frame(const Camera& c, float width, float height, const sf::Transform& t, bool z)
      : cam(c), w(width), h(height), to_px(t), zoomed(z) {}
  const Camera& cam;
  float w, h;
  sf::Transform to_px;                    // plane km -> pixels
  bool zoomed;                            // close enough for towns on the front and sector names
  std::vector<sf::FloatRect> taken;       // labels and chrome: later labels keep off them
  std::vector<sf::FloatRect> unit_boxes;  // unit groups with their labels
  struct Placed {
    sf::Vector2f at;
    std::size_t unit;
  };
  std::vector<Placed> placed;  // where each unit's symbol goes after de-cluttering
  struct Aggregate {           // the units a big stack does not show one by one
    sf::Vector2f at;
    std::vector<std::size_t> units;  // indices into Scene::units
  };
  std::vector<Aggregate> aggregates;
  std::vector<std::pair<sf::Vector2f, sf::Vector2f>> leaders;  // true place -> moved stack
  struct Burst {  // one violation marker, for one or more violations at a place
    sf::Vector2f at;
    bool kinetic, detected;
    float fade;
    std::size_t count;
  };
  std::vector<Burst> bursts;
  std::vector<sf::FloatRect> obstacles;  // unit stacks and violation markers: names go below
  Canvas chrome;                         // legend, scale bar, title bar: drawn last, laid out first
  std::vector<sf::Text> chrome_text;
};

}  // namespace

struct MapPainter::Impl {
  const map::Theatre* theatre;
  map::Projection proj;
  sf::Font font;
  sf::Font bold;
  PlaneRect extent;
  std::vector<std::string> names;  // display names, per theatre region
  bool has_road = false, has_rail = false, has_sea = false, has_staging = false;

  sf::VertexArray beyond{sf::Triangles};    // Russia east of the map data's 42E edge
  sf::VertexArray backdrop{sf::Triangles};  // sea and neighbouring land, colours baked in
  struct Range {
    std::size_t first = 0, count = 0;
  };
  std::vector<Range> backdrop_range;  // per backdrop feature
  sf::VertexArray regions{sf::Triangles};
  std::vector<Range> region_range;  // per theatre region
  std::vector<sf::Color> region_default;
  std::vector<Rgba> applied_fill;
  bool fill_applied = false;
  std::vector<DrawnUnit> drawn;                  // the last frame's unit placements, for picking
  std::vector<DrawnAggregate> drawn_aggregates;  // and its stacks' aggregates

  std::array<std::vector<Segment>, kBorderKinds> borders;
  std::vector<std::vector<PlanePoint>> hatch_full, hatch_partial, hatch_mask;
  bool any_occupied = false;

  Canvas stroke_cache;
  double stroke_scale = 0;
  Canvas hatch_cache;
  int hatch_level = std::numeric_limits<int>::min();

  // The ground (backdrop to borders) as last rasterised, and what it was drawn for. Filling
  // 1600 x 1000 pixels five times over is most of a frame under llvmpipe; the quad is one.
  // Two textures: a pan copies the front one, shifted, into the other and swaps them.
  std::array<sf::RenderTexture, 2> ground_tex;
  int ground_front = 0;
  sf::RenderTexture& ground() { return ground_tex[static_cast<std::size_t>(ground_front)]; }
  bool ground_ok = false;  // ground() holds a picture for ground_centre/_scale and the fill
  sf::Vector2u ground_size{0, 0};
  double ground_scale = 0;
  map::PlanePoint ground_centre;
  double last_scale = 0;  // the camera's scale in the last draw(): a zoom in motion changes it
  bool stood_in = false;  // the last draw() showed the stretched stand-in
  bool compact_legend = false;

  // Unit labels (nation codes in bold with a halo), each distinct one rasterised once into an
  // atlas: a frame of thousands of units then draws its labels in one call, not two per label.
  struct LabelSprite {
    sf::FloatRect local;  // the text's local bounds, to place it as left_at() does
    sf::IntRect rect;     // its pixels in the atlas
    sf::Vector2i offset;  // the rect's corner from the text's position
  };
  sf::RenderTexture label_atlas;
  std::unordered_map<std::string, LabelSprite> label_sprites;
  bool label_atlas_ok = false;

  // Unit symbols likewise: every kind (glyph, side, selected; a stack's deck per side) drawn
  // once into a grid of cells, so a symbol on the map is one textured quad. Drawn as shapes,
  // a few hundred symbols were ~40,000 vertices, and llvmpipe's cost goes by the triangle
  // (stress-5000's 300 symbols: ~6 ms of shapes, ~1.5 ms of quads).
  sf::RenderTexture symbol_atlas;
  bool symbol_atlas_tried = false, symbol_atlas_ok = false;
  struct SymbolSprite {
    sf::FloatRect frame;  // the frame's bounds from the symbol's centre (draw_*_symbol's result)
    sf::IntRect rect;     // its pixels in the atlas
    sf::Vector2f offset;  // the rect's corner from the symbol's centre
  };
  std::vector<SymbolSprite> symbol_sprites;  // per atlas cell

  explicit Impl(const map::Theatre& t);
  void add_polygons(const std::vector<map::Polygon>& polys, sf::Color col, sf::VertexArray& out,
                    Range& range);
  void build_borders();
  void build_occupied();
  void apply_fill(const Scene& scene);
  void rebuild_strokes(double scale);
  void rebuild_hatch(int level);
  /// The ground's layers; only the geometry that reaches `clip` (view pixels) goes to the GL.
  void draw_ground(sf::RenderTarget& target, const Frame& f, const sf::FloatRect& clip);
  bool ground_current(const Camera& cam) const;
  void paint_ground(const Camera& cam, const Frame& f);
  bool shift_ground(const Camera& cam, const Frame& f);
  void preview_ground(sf::RenderTarget& target, const Camera& cam, const Frame& f);
  /// Puts ground() on the target through `t` (view pixels of the texture -> of the target).
  void show_ground(sf::RenderTarget& target, const sf::Transform& t, const Frame& f);

  void draw_lines(sf::RenderTarget& target, const Frame& f) const;
  void layout_units(const Scene& scene, Frame& f) const;
  void layout_violations(const Scene& scene, Frame& f) const;
  void layout_chrome(const Scene& scene, Frame& f) const;
  void draw_names(sf::RenderTarget& target, Frame& f) const;
  void draw_tactical(sf::RenderTarget& target, const Scene& scene, const Frame& f);
  bool ensure_label_atlas(const Scene& scene);
  bool ensure_symbol_atlas();

  sf::Vector2f px(const Camera& cam, LonLat p) const {
    const PixelPoint q = cam.to_pixel(proj.project(p));
    return {static_cast<float>(q.x), static_cast<float>(q.y)};
  }
  sf::Text text(const std::string& s, unsigned size, sf::Color fill, bool heavy = false,
                float halo = 2) const;
};

MapPainter::Impl::Impl(const map::Theatre& t) : theatre(&t) {
  if (!font.loadFromFile(find_font(FontFace::Regular).string()) ||
      !bold.loadFromFile(find_font(FontFace::Bold).string())) {
    throw std::runtime_error("cannot read the DejaVu fonts at " +
                             find_font(FontFace::Regular).parent_path().string());
  }
  // Backdrop: water, then land; Russia and Belarus a shade darker.
  backdrop_range.resize(t.backdrop().size());
  for (std::size_t i = 0; i < t.backdrop().size(); ++i) {
    const Region& b = t.backdrop()[i];
    const bool water = b.kind == RegionKind::SeaZone;
    const bool dark = b.country == "RU" || b.country == "BY";
    add_polygons(b.polygons, water ? kSea : dark ? kLandDark : kLand, backdrop, backdrop_range[i]);
  }
  {
    // The map data stops at 42E; beyond it, as far as any view goes, is Russia. Painting it
    // keeps a zoomed-out view from showing a blank wedge that looks like another country.
    std::vector<PlanePoint> ring;
    for (double lat = 43; lat <= 60; lat += 1) ring.push_back(proj.project({42, lat}));
    for (double lat = 60; lat >= 43; lat -= 1) ring.push_back(proj.project({70, lat}));
    std::vector<PlanePoint> tris;
    triangulate(ring, {}, tris);
    for (PlanePoint p : tris) beyond.append({vf(p), kLandDark});
  }
  region_range.resize(t.region_count());
  region_default.assign(t.region_count(), sf::Color::Transparent);
  for (std::size_t i = 0; i < t.region_count(); ++i) {
    const Region& r = t.regions()[i];
    if (r.kind == RegionKind::SeaZone) region_default[i] = kSea;
    add_polygons(r.polygons, region_default[i], regions, region_range[i]);
  }
  build_borders();
  build_occupied();
  names = display_names(t.regions());
  for (const map::Link& l : t.links()) {
    has_road |= (l.modes & map::kRoad) != 0;
    has_rail |= (l.modes & map::kRail) != 0;
    has_sea |= (l.modes & map::kSea) != 0;
  }
  for (const Region& r : t.regions()) has_staging |= r.kind == RegionKind::Staging;

  extent = theatre_extent(t);
}

void MapPainter::Impl::add_polygons(const std::vector<map::Polygon>& polys, sf::Color col,
                                    sf::VertexArray& out, Range& range) {
  range.first = out.getVertexCount();
  std::vector<PlanePoint> tris;
  for (const auto& poly : polys) {
    auto project = [&](const map::Ring& ring) {
      std::vector<PlanePoint> r;
      r.reserve(ring.size());
      for (LonLat ll : ring) r.push_back(proj.project(ll));
      return r;
    };
    std::vector<std::vector<PlanePoint>> holes;
    for (const auto& h : poly.holes) holes.push_back(project(h));
    triangulate(project(poly.outer), holes, tris);
  }
  for (PlanePoint p : tris) out.append({vf(p), col});
  range.count = out.getVertexCount() - range.first;
}

void MapPainter::Impl::build_borders() {
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
            e.seg = {proj.project(a), proj.project(b)};
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
  for (const Region& b : theatre->backdrop()) {
    const bool water = b.kind == RegionKind::SeaZone;
    add(b, water ? Owner::Water : Owner::Land, (water ? "water:" : "land:") + b.country + b.id);
  }
  for (const Region& r : theatre->regions()) {
    if (r.kind == RegionKind::Oblast || r.kind == RegionKind::City) {
      add(r, Owner::Ukraine, "ua:" + r.id);
    } else if (r.kind == RegionKind::SeaZone) {
      add(r, Owner::Water, "zone:" + r.id);
    }
  }
  // Ukrainian units that share a border get different tints (greedy colouring).
  std::vector<std::vector<std::size_t>> ua_neighbours(theatre->region_count());
  std::map<int, std::size_t> ua_of_identity;
  for (std::size_t i = 0; i < theatre->region_count(); ++i) {
    const Region& r = theatre->regions()[i];
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
    borders[kind].push_back(e.seg);
  }
  // Greedy colouring in region order, so the palette is stable for given assets.
  std::vector<int> colour(theatre->region_count(), -1);
  for (std::size_t i = 0; i < theatre->region_count(); ++i) {
    const Region& r = theatre->regions()[i];
    if (r.kind != RegionKind::Oblast && r.kind != RegionKind::City) continue;
    std::array<bool, kUkraine.size()> used{};
    for (std::size_t n : ua_neighbours[i]) {
      if (colour[n] >= 0) used[static_cast<std::size_t>(colour[n])] = true;
    }
    int c = 0;
    while (c < static_cast<int>(used.size()) - 1 && used[static_cast<std::size_t>(c)]) ++c;
    colour[i] = c;
    region_default[i] = kUkraine[static_cast<std::size_t>(c)];
  }
}

void MapPainter::Impl::build_occupied() {
  // Honest marking without occupation polygons: a region (nearly) all occupied is hatched
  // whole; a partly occupied one is hatched on the far side of the drawn line of contact,
  // so the hatch always agrees with the red line the room sees.
  const auto& line = theatre->contact_line();
  for (const Region& r : theatre->regions()) {
    if (r.occupied_share <= 0 || r.polygons.empty()) continue;
    if (r.kind != RegionKind::Oblast && r.kind != RegionKind::City &&
        r.kind != RegionKind::SeaZone) {
      continue;
    }
    const bool full = r.occupied_share >= kFullHatchShare;
    if (!full && line.size() < 2 && r.occupied_share < 0.5) continue;  // nothing to cut with
    auto& set = full || line.size() < 2 ? hatch_full : hatch_partial;
    for (const auto& poly : r.polygons) {
      std::vector<const map::Ring*> rings{&poly.outer};
      for (const auto& h : poly.holes) rings.push_back(&h);
      for (const map::Ring* ring : rings) {
        std::vector<PlanePoint> pr;
        for (LonLat ll : *ring) pr.push_back(proj.project(ll));
        set.push_back(std::move(pr));
      }
    }
    any_occupied = true;
  }
  if (line.size() >= 2) {
    // The line runs north to south; the occupied side is east. Close it round the east.
    std::vector<PlanePoint> mask;
    for (const auto& cp : line) mask.push_back(proj.project(cp.where));
    constexpr double far = 5000;  // km: beyond anything on the map
    const PlanePoint first = mask.front(), last = mask.back();
    mask.push_back({last.x, -far});
    mask.push_back({far, -far});
    mask.push_back({far, far});
    mask.push_back({first.x, far});
    hatch_mask.push_back(std::move(mask));
  }
}

void MapPainter::Impl::apply_fill(const Scene& scene) {
  if (fill_applied && scene.region_fill == applied_fill) return;
  for (std::size_t i = 0; i < region_range.size(); ++i) {
    sf::Color c = region_default[i];
    if (i < scene.region_fill.size() && (scene.region_fill[i] & 0xffu) != 0) {
      c = sf::Color(scene.region_fill[i]);
    }
    const Range& r = region_range[i];
    for (std::size_t v = r.first; v < r.first + r.count; ++v) regions[v].color = c;
  }
  applied_fill = scene.region_fill;
  fill_applied = true;
  ground_ok = false;
}

void MapPainter::Impl::rebuild_strokes(double scale) {
  stroke_cache.clear();
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
      for (const Segment& seg : borders[s.kind]) {
        stroke_cache.dashed({vf(seg.a), vf(seg.b)}, w(s.width_px), w(6), w(5), s.colour);
      }
      continue;
    }
    for (const Segment& seg : borders[s.kind]) {
      stroke_cache.line(vf(seg.a), vf(seg.b), w(s.width_px), s.colour, true);
    }
  }
  stroke_scale = scale;
}

void MapPainter::Impl::rebuild_hatch(int level) {
  hatch_cache.clear();
  hatch_level = level;
  const double spacing = std::ldexp(1.0, level);  // km
  const float width = static_cast<float>(spacing * kHatchWidthPx / kHatchSpacingPx);
  double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
  for (const auto* set : {&hatch_full, &hatch_partial}) {
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
    for (const auto& ring : hatch_full) crossings(ring, c, 0, events);
    for (const auto& ring : hatch_partial) crossings(ring, c, 1, events);
    if (events.empty()) continue;
    for (const auto& ring : hatch_mask) crossings(ring, c, 2, events);
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
        hatch_cache.line(a, b, width, kHatch);
      }
      on = now;
    }
  }
}

sf::Text MapPainter::Impl::text(const std::string& s, unsigned size, sf::Color fill, bool heavy,
                                float halo) const {
  sf::Text t(sf::String::fromUtf8(s.begin(), s.end()), heavy ? bold : font, size);
  t.setFillColor(fill);
  if (halo > 0) {
    t.setOutlineColor(with_alpha(kHalo, fill.a / 255.0f));
    t.setOutlineThickness(halo);
  }
  return t;
}

namespace {

// Places text with its visual box centred on (x, y), on whole pixels so it stays crisp.
void centre_on(sf::Text& t, float x, float y) {
  const sf::FloatRect b = t.getLocalBounds();
  t.setPosition(std::round(x - b.left - b.width / 2), std::round(y - b.top - b.height / 2));
}

void left_at(sf::Text& t, float x, float y) {  // left edge at x, vertical centre at y
  const sf::FloatRect b = t.getLocalBounds();
  t.setPosition(std::round(x - b.left), std::round(y - b.top - b.height / 2));
}

// Groups points that coincide (within a pixel), then folds each group into a bigger one
// within `reach` pixels, so stacks form where most things already are and stay put while
// a single moving thing passes by. Members keep their input order.
std::vector<std::pair<sf::Vector2f, std::vector<std::size_t>>> cluster(
    const std::vector<sf::Vector2f>& pts, float reach) {
  using Group = std::pair<sf::Vector2f, std::vector<std::size_t>>;
  std::vector<Group> exact;
  for (std::size_t i = 0; i < pts.size(); ++i) {
    auto it = std::find_if(exact.begin(), exact.end(), [&](const Group& g) {
      return std::abs(g.first.x - pts[i].x) <= 1 && std::abs(g.first.y - pts[i].y) <= 1;
    });
    if (it == exact.end()) {
      exact.push_back({pts[i], {i}});
    } else {
      it->second.push_back(i);
    }
  }
  std::stable_sort(exact.begin(), exact.end(), [](const Group& a, const Group& b) {
    return a.second.size() > b.second.size();
  });
  std::vector<Group> kept;
  for (Group& g : exact) {
    auto it = std::find_if(kept.begin(), kept.end(), [&](const Group& k) {
      return std::hypot(k.first.x - g.first.x, k.first.y - g.first.y) <= reach;
    });
    if (it == kept.end()) {
      kept.push_back(std::move(g));
    } else {
      it->second.insert(it->second.end(), g.second.begin(), g.second.end());
    }
  }
  for (Group& k : kept) std::sort(k.second.begin(), k.second.end());
  return kept;
}

// A stack takes at most two columns of four slots. Up to eight units show as they always
// have; a bigger stack (hundreds at a region in a big scenario) shows seven and, in the last
// slot, one marker counting the rest: a readable column pair instead of dozens of columns.
constexpr std::size_t kStackSlots = 8;

// Orders a stack too big to show whole so that its first kStackSlots - 1 members are the ones
// drawn. Units right at the stack's place come before those passing by, so a unit on the
// move changes the count, not the symbols; scene order within each, so the same symbols show
// frame after frame. A selected unit is never hidden: it takes the last shown slot.
void order_big_stack(std::vector<std::size_t>& members, const std::vector<sf::Vector2f>& pts,
                     sf::Vector2f anchor, const Scene& scene) {
  std::stable_partition(members.begin(), members.end(), [&](std::size_t i) {
    return std::abs(pts[i].x - anchor.x) <= 1 && std::abs(pts[i].y - anchor.y) <= 1;
  });
  constexpr std::size_t kShown = kStackSlots - 1;
  const auto hidden = members.begin() + kShown;
  const auto sel =
      std::find_if(hidden, members.end(), [&](std::size_t i) { return scene.units[i].selected; });
  if (sel != members.end()) std::rotate(hidden - 1, sel, sel + 1);
}

// The symbol atlas's grid: a cell per glyph, side and selection, then a deck per side. A cell
// holds a symbol centred on its (whole-pixel) anchor with room for the selection ring and
// the headquarters staff below.
constexpr int kGlyphs = static_cast<int>(Glyph::Headquarters) + 1, kSides = 3;
constexpr int kCellW = 48, kCellH = 64, kCellColumns = 16;
constexpr int kCells = kGlyphs * kSides * 2 + kSides;
const sf::Vector2i kCellAnchor(24, 24);

int symbol_cell(Glyph g, Affiliation side, bool selected) {
  return (static_cast<int>(g) * kSides + static_cast<int>(side)) * 2 + (selected ? 1 : 0);
}

int deck_cell(Affiliation side) {
  return kGlyphs * kSides * 2 + static_cast<int>(side);
}

sf::Vector2i cell_corner(int cell) {
  return {cell % kCellColumns * kCellW, cell / kCellColumns * kCellH};
}

// Two triangles showing `rect` of a texture with its top-left corner at `tl`.
void append_sprite(sf::VertexArray& out, sf::Vector2f tl, sf::IntRect rect) {
  const sf::Vector2f size(static_cast<float>(rect.width), static_cast<float>(rect.height));
  const sf::Vector2f uv(static_cast<float>(rect.left), static_cast<float>(rect.top));
  const sf::Vertex a(tl, uv), b(tl + sf::Vector2f(size.x, 0), uv + sf::Vector2f(size.x, 0)),
      c(tl + size, uv + size), d(tl + sf::Vector2f(0, size.y), uv + sf::Vector2f(0, size.y));
  for (const sf::Vertex& v : {a, b, c, a, c, d}) out.append(v);
}

std::vector<sf::Vector2f> star(sf::Vector2f c, float outer, float inner, int points) {
  std::vector<sf::Vector2f> pts{c};
  for (int i = 0; i <= 2 * points; ++i) {
    const float a = std::numbers::pi_v<float> * static_cast<float>(i) / static_cast<float>(points) -
                    std::numbers::pi_v<float> / 2;
    const float r = i % 2 == 0 ? outer : inner;
    pts.push_back({c.x + r * std::cos(a), c.y + r * std::sin(a)});
  }
  return pts;
}

double nice_length(double max_km) {  // the largest 1, 2 or 5 x 10^k not above max_km
  const double p = std::pow(10.0, std::floor(std::log10(max_km)));
  for (double m : {5.0, 2.0, 1.0}) {
    if (m * p <= max_km) return m * p;
  }
  return p;
}

std::string km_text(double km) {
  char buf[32];
  std::snprintf(buf, sizeof buf, km >= 1 || km == 0 ? "%.0f" : "%.1f", km);
  return buf;
}

}  // namespace

PlaneRect theatre_extent(const map::Theatre& t) {
  // Fit to Ukraine and the staging areas, not to the whole backdrop.
  const map::Projection proj;
  PlaneRect e{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
              std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
  auto grow = [&](LonLat ll) {
    const PlanePoint p = proj.project(ll);
    e = {std::min(e.min_x, p.x), std::min(e.min_y, p.y), std::max(e.max_x, p.x),
         std::max(e.max_y, p.y)};
  };
  for (const Region& r : t.regions()) {
    if (r.kind == RegionKind::Oblast || r.kind == RegionKind::City) {
      for (const auto& poly : r.polygons) {
        for (LonLat ll : poly.outer) grow(ll);
      }
    } else if (r.kind == RegionKind::Staging) {
      grow(r.label);
    }
  }
  if (e.min_x > e.max_x) return {-800, -600, 800, 600};  // an empty theatre
  const double pad = 0.04 * std::max(e.max_x - e.min_x, e.max_y - e.min_y);
  return {e.min_x - pad, e.min_y - pad, e.max_x + pad, e.max_y + pad};
}

MapPainter::MapPainter(const map::Theatre& theatre) : impl_(std::make_unique<Impl>(theatre)) {}
MapPainter::~MapPainter() = default;
MapPainter::MapPainter(MapPainter&&) noexcept = default;
MapPainter& MapPainter::operator=(MapPainter&&) noexcept = default;

PlaneRect MapPainter::extent() const {
  return impl_->extent;
}

namespace {

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

void MapPainter::Impl::draw_ground(sf::RenderTarget& target, const Frame& f,
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
  draw_within(target, beyond, in_plane, plane);
  draw_within(target, backdrop, in_plane, plane);
  draw_within(target, regions, in_plane, plane);
  if (any_occupied) {
    const int level = static_cast<int>(std::lround(std::log2(kHatchSpacingPx / s)));
    if (level != hatch_level) rebuild_hatch(level);
    draw_within(target, hatch_cache.vertices(), in_plane, plane);
  }
  if (std::abs(s / stroke_scale - 1) > 1e-9) rebuild_strokes(s);
  draw_within(target, stroke_cache.vertices(), in_plane, plane);
}

bool MapPainter::Impl::ground_current(const Camera& cam) const {
  return ground_ok &&
         ground_size == sf::Vector2u(static_cast<unsigned>(cam.width()),
                                     static_cast<unsigned>(cam.height())) &&
         ground_scale == cam.scale() && ground_centre.x == cam.centre().x &&
         ground_centre.y == cam.centre().y;
}

namespace {

// Makes `t` a width x height texture (texels onto pixels one to one, sampled nearest) and the
// target of the next draws. SFML 2.5 keeps one cache of GL states per target but gives a
// render texture a framebuffer per context: drawn from a new context, a texture kept its old
// picture until the cache was reset.
bool begin_drawing(sf::RenderTexture& t, sf::Vector2u size) {
  if (t.getSize() != size) {
    if (!t.create(size.x, size.y)) return false;
    t.setSmooth(false);
  }
  if (!t.setActive(true)) return false;
  t.resetGLStates();
  t.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(size.x), static_cast<float>(size.y))));
  return true;
}

// Ends drawing into a texture. It is sampled from the caller's GL context: llvmpipe defers
// rendering, so without finishing here the map would show the last picture for a frame.
bool finish(sf::RenderTexture& t) {
  t.display();
  if (!t.setActive(true)) return false;
  glFinish();
  return true;
}

}  // namespace

void MapPainter::Impl::paint_ground(const Camera& cam, const Frame& f) {
  const sf::Vector2u size(static_cast<unsigned>(cam.width()), static_cast<unsigned>(cam.height()));
  if (size.x == 0 || size.y == 0 || static_cast<float>(size.x) != f.w ||
      static_cast<float>(size.y) != f.h) {
    ground_ok = false;
    return;  // a fractional size would not map texels onto pixels one to one
  }
  if (ground_ok && size == ground_size && cam.scale() == ground_scale && shift_ground(cam, f)) {
    return;
  }
  ground_ok = false;
  sf::RenderTexture& g = ground();
  ground_size = {0, 0};
  if (!begin_drawing(g, size)) return;
  ground_size = size;
  draw_ground(g, f, {0, 0, f.w, f.h});
  if (!finish(g)) return;
  ground_scale = cam.scale();
  ground_centre = cam.centre();
  ground_ok = true;
}

bool MapPainter::Impl::shift_ground(const Camera& cam, const Frame& f) {
  // A drag pans by whole mouse pixels at the same scale, so the old picture is the new one
  // moved by (dx, dy) whole pixels, up to rounding far below a pixel. Anything else (a
  // fractional or a screen-wide jump) is painted whole.
  const double s = cam.scale();
  const double dx = (ground_centre.x - cam.centre().x) * s;
  const double dy = (cam.centre().y - ground_centre.y) * s;
  const double rx = std::round(dx), ry = std::round(dy);
  const auto w = static_cast<int>(ground_size.x), h = static_cast<int>(ground_size.y);
  if (std::abs(dx - rx) > 1e-3 || std::abs(dy - ry) > 1e-3 || std::abs(rx) >= w ||
      std::abs(ry) >= h) {
    return false;
  }
  const int ix = static_cast<int>(rx), iy = static_cast<int>(ry);
  sf::RenderTexture& from = ground();
  sf::RenderTexture& to = ground_tex[static_cast<std::size_t>(1 - ground_front)];
  if (!begin_drawing(to, ground_size)) return false;
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
  ground_front = 1 - ground_front;
  ground_centre = cam.centre();
  return true;
}

void MapPainter::Impl::show_ground(sf::RenderTarget& target, const sf::Transform& t,
                                   const Frame& f) {
  // A framebuffer blit where the GL has one: a textured quad of the whole view costs llvmpipe
  // 11-14 ms, a blit well under 1 (a plain copy) to about 1 (stretched). It writes pixels, so
  // the view's own corner on the target comes in.
  const sf::Texture& texture = ground().getTexture();
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

void MapPainter::Impl::preview_ground(sf::RenderTarget& target, const Camera& cam, const Frame& f) {
  // Old pixel -> plane -> new pixel: about the view's centre by the scale ratio, then by how far
  // the centre moved, in new pixels (plane y runs north, pixel y south).
  const double s = cam.scale();
  sf::Transform t;
  t.translate(f.w / 2 + static_cast<float>((ground_centre.x - cam.centre().x) * s),
              f.h / 2 - static_cast<float>((ground_centre.y - cam.centre().y) * s));
  const auto k = static_cast<float>(s / ground_scale);
  t.scale(k, k);
  t.translate(-f.w / 2, -f.h / 2);
  const sf::FloatRect covered = t.transformRect({0, 0, f.w, f.h});
  if (!covered.contains(0, 0) || !covered.contains(f.w - 1, f.h - 1)) {
    Canvas bg;  // zooming out: the old picture no longer reaches the edges
    bg.rect({0, 0}, {f.w, f.h}, kOutside);
    target.draw(bg.vertices());
  }
  show_ground(target, t, f);
}

void MapPainter::Impl::draw_lines(sf::RenderTarget& target, const Frame& f) const {
  const map::Theatre& th = *theatre;
  const sf::FloatRect screen(-50, -50, f.w + 100, f.h + 100);
  Canvas lines;
  for (const map::Link& link : th.links()) {
    const sf::Vector2f a = px(f.cam, th.region(link.a).label);
    const sf::Vector2f b = px(f.cam, th.region(link.b).label);
    const sf::FloatRect box(std::min(a.x, b.x), std::min(a.y, b.y), std::abs(b.x - a.x) + 1,
                            std::abs(b.y - a.y) + 1);
    if (!screen.intersects(box)) continue;
    if (link.modes & map::kRoad) lines.line(a, b, 1.4f, kRoad);
    if (link.modes & map::kRail) lines.dashed({a, b}, 1.3f, 7, 5, kRail);
    if (link.modes & map::kSea) lines.dashed({a, b}, 1.5f, 8, 5, kSeaLane);
    if (link.condition < 1 && (link.modes & (map::kRoad | map::kRail | map::kSea))) {
      const sf::Vector2f mid = (a + b) / 2.0f;  // a cut or damaged link: a cross on it
      const sf::Color col = link.condition <= 0 ? kKinetic : kNonKinetic;
      lines.line(mid + sf::Vector2f(-5, -5), mid + sf::Vector2f(5, 5), 2.5f, col);
      lines.line(mid + sf::Vector2f(-5, 5), mid + sf::Vector2f(5, -5), 2.5f, col);
    }
  }
  std::vector<sf::Vector2f> front;
  for (const auto& cp : th.contact_line()) front.push_back(px(f.cam, cp.where));
  lines.polyline(front, 7.5f, sf::Color(255, 255, 255, 200), false, true);
  lines.polyline(front, 4.5f, kContact, false, true);
  if (f.zoomed) {
    for (const sf::Vector2f p : front) lines.disc(p, 3.5f, kInk, 12);
  }
  for (const Region& r : th.regions()) {
    if (r.kind != RegionKind::Staging) continue;
    const sf::Vector2f p = px(f.cam, r.label);
    lines.rect({p.x - 5, p.y - 5}, {10, 10}, kStaging);
    lines.rect({p.x - 3, p.y - 3}, {6, 6}, sf::Color::White);
  }
  target.draw(lines.vertices());
}

void MapPainter::Impl::layout_units(const Scene& scene, Frame& f) const {
  // Units at or near the same place (a region's label point, a base, a road) stack in
  // columns of four instead of hiding each other; past kStackSlots, the rest is one marker.
  std::vector<sf::Vector2f> pts;
  for (const UnitMarker& u : scene.units) pts.push_back(px(f.cam, u.where));
  std::vector<sf::Vector2f> anchors;
  std::vector<std::vector<std::size_t>> groups;
  for (auto& [anchor, members] : cluster(pts, 28)) {
    if (members.size() > kStackSlots) order_big_stack(members, pts, anchor, scene);
    anchors.push_back(anchor);
    groups.push_back(std::move(members));
  }
  constexpr float kRow = 26, kColumn = 70, kLabel = 52;
  std::vector<sf::FloatRect> boxes;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const std::size_t n = std::min(groups[g].size(), kStackSlots);
    const float half_w = static_cast<float>((n + 3) / 4 - 1) / 2 * kColumn;
    const float half_h = static_cast<float>(std::min<std::size_t>(n, 4) - 1) / 2 * kRow;
    boxes.push_back({anchors[g].x - half_w - 18, anchors[g].y - half_h - 17,
                     2 * half_w + 18 + kLabel, 2 * half_h + 34});
  }
  // Stacks that still overlap push each other apart vertically; a leader line then ties a
  // moved stack to where its units really are. A theatre full of stacks (forty-odd, one per
  // region) takes forty to sixty passes to settle; a usual scenario's, a few.
  for (int pass = 0; pass < 100; ++pass) {
    bool moved = false;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      for (std::size_t j = i + 1; j < boxes.size(); ++j) {
        sf::FloatRect overlap;
        if (!boxes[i].intersects(boxes[j], overlap)) continue;
        const float dir =
            boxes[j].top + boxes[j].height / 2 >= boxes[i].top + boxes[i].height / 2 ? 1.0f : -1.0f;
        boxes[j].top += dir * (overlap.height / 2 + 1);
        boxes[i].top -= dir * (overlap.height / 2 + 1);
        moved = true;
      }
    }
    if (!moved) break;
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const std::vector<std::size_t>& members = groups[g];
    const std::size_t n = std::min(members.size(), kStackSlots);
    const std::size_t rows = std::min<std::size_t>(n, 4), cols = (n + 3) / 4;
    const float half_w = static_cast<float>(cols - 1) / 2 * kColumn;
    const float half_h = static_cast<float>(rows - 1) / 2 * kRow;
    const sf::Vector2f centre(boxes[g].left + 18 + half_w, boxes[g].top + 17 + half_h);
    for (std::size_t k = 0; k < n; ++k) {
      const float dx = (static_cast<float>(k / 4) - static_cast<float>(cols - 1) / 2) * kColumn;
      const float dy = (static_cast<float>(k % 4) - static_cast<float>(rows - 1) / 2) * kRow;
      const sf::Vector2f at = centre + sf::Vector2f(dx, dy);
      if (k + 1 < n || members.size() == n) {
        f.placed.push_back({at, members[k]});
      } else {
        f.aggregates.push_back(
            {at, {members.begin() + static_cast<std::ptrdiff_t>(k), members.end()}});
      }
    }
    const sf::Vector2f a = anchors[g];
    const sf::FloatRect frames(centre.x - half_w - 15, centre.y - half_h - 11, 2 * half_w + 30,
                               2 * half_h + 22);
    if (!frames.contains(a)) {
      const sf::Vector2f edge(std::clamp(a.x, frames.left, frames.left + frames.width),
                              std::clamp(a.y, frames.top, frames.top + frames.height));
      f.leaders.push_back({a, edge});
    }
  }
  f.unit_boxes = boxes;
  f.taken.insert(f.taken.end(), boxes.begin(), boxes.end());
  f.obstacles.insert(f.obstacles.end(), boxes.begin(), boxes.end());
}

void MapPainter::Impl::layout_violations(const Scene& scene, Frame& f) const {
  // Violations at one place show as one marker with a count: red if any was kinetic, as
  // fresh as the freshest, filled if any was detected. Beside a unit stack, not on it.
  std::vector<sf::Vector2f> pts;
  std::vector<std::size_t> live;
  for (std::size_t i = 0; i < scene.violations.size(); ++i) {
    if (scene.violations[i].fade <= 0) continue;
    pts.push_back(px(f.cam, scene.violations[i].where));
    live.push_back(i);
  }
  for (const auto& [anchor, members] : cluster(pts, 10)) {
    Frame::Burst burst{anchor, false, false, 0, members.size()};
    for (std::size_t m : members) {
      const ViolationMarker& v = scene.violations[live[m]];
      burst.kinetic |= v.kinetic;
      burst.detected |= v.detected;
      burst.fade = std::max(burst.fade, std::min(v.fade, 1.0f));
    }
    for (const sf::FloatRect& u : f.unit_boxes) {
      const sf::Vector2f p = burst.at;
      if (sf::FloatRect(p.x - 10, p.y - 10, 20, 20).intersects(u)) {
        burst.at = {u.left - 13, std::clamp(p.y, u.top + 12, u.top + u.height - 12)};
      }
    }
    const sf::FloatRect box(burst.at.x - 13, burst.at.y - 20, burst.count > 1 ? 46 : 26, 33);
    f.obstacles.push_back(box);
    f.taken.push_back(box);
    f.bursts.push_back(burst);
  }
}

void MapPainter::Impl::layout_chrome(const Scene& scene, Frame& f) const {
  const float w = f.w, h = f.h;
  Canvas& chrome = f.chrome;
  // The legend lists only what this frame can show.
  std::vector<LegendRow> rows;
  for (const LegendEntry& e : scene.legend) rows.push_back({Swatch::Fill, e.colour, e.text});
  auto any_unit = [&](Affiliation a) {
    return std::any_of(scene.units.begin(), scene.units.end(),
                       [a](const UnitMarker& u) { return u.side == a; });
  };
  auto any_violation = [&](auto pred) {
    return std::any_of(scene.violations.begin(), scene.violations.end(),
                       [&](const ViolationMarker& v) { return v.fade > 0 && pred(v); });
  };
  auto row = [&](bool show, Swatch s, const char* text) {
    if (show && !compact_legend) rows.push_back({s, 0, text});  // compact: the fill's meaning only
  };
  row(any_occupied, Swatch::Hatch, "occupied (2025)");
  row(!theatre->contact_line().empty(), Swatch::Contact, "line of contact (approx.)");
  row(has_road, Swatch::Road, "road link");
  row(has_rail, Swatch::Rail, "rail link");
  row(has_sea, Swatch::Sea, "sea lane");
  row(has_staging, Swatch::Staging, "staging area");
  row(any_unit(Affiliation::Friendly), Swatch::Friend, "friendly unit");
  row(any_unit(Affiliation::Hostile), Swatch::Hostile, "hostile unit");
  row(any_unit(Affiliation::Neutral), Swatch::Neutral, "neutral unit");
  row(any_violation([](const auto& v) { return v.kinetic; }), Swatch::Kinetic,
      "violation, kinetic");
  row(any_violation([](const auto& v) { return !v.kinetic; }), Swatch::Other, "violation, other");
  row(any_violation([](const auto& v) { return !v.detected; }), Swatch::Undetected,
      "not yet detected");
  row(!scene.responses.empty(), Swatch::Response, "response under way");
  if (!rows.empty()) {
    constexpr float kRowH = 22, kPad = 10, kSwatchW = 34;
    float text_w = 0;
    std::vector<sf::Text> labels;
    for (const LegendRow& r : rows) {
      labels.push_back(text(r.text, 13, kInk, false, 0));
      text_w = std::max(text_w, labels.back().getLocalBounds().width);
    }
    const float box_w = kPad * 3 + kSwatchW + text_w;
    const float box_h = kPad * 2 + kRowH * static_cast<float>(rows.size());
    const float x0 = 14, y0 = std::max(kTitleHeight + 10, h - 14 - box_h);
    chrome.rect({x0, y0}, {box_w, box_h}, sf::Color(255, 255, 255, 235));
    chrome.rect_outline({x0, y0}, {box_w, box_h}, 1, sf::Color(110, 110, 110));
    f.taken.push_back({x0, y0, box_w, box_h});
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const float cy = y0 + kPad + kRowH * (static_cast<float>(i) + 0.5f);
      const sf::Vector2f sw(x0 + kPad, cy - 7);  // swatch top-left, 34 x 14
      const sf::Vector2f mid(x0 + kPad + kSwatchW / 2, cy);
      switch (rows[i].swatch) {
        case Swatch::Fill:
          chrome.rect(sw, {kSwatchW, 14}, sf::Color(rows[i].colour));
          chrome.rect_outline(sw, {kSwatchW, 14}, 1, kOblastBorder);
          break;
        case Swatch::Hatch:
          chrome.rect(sw, {kSwatchW, 14}, kUkraine[0]);
          for (float x = -14; x < kSwatchW; x += 6) {
            const float x1 = std::max(x, 0.0f), x2 = std::min(x + 14, kSwatchW);
            chrome.line({sw.x + x1, sw.y + 14 - (x1 - x)}, {sw.x + x2, sw.y + 14 - (x2 - x)}, 1.6f,
                        kHatch);
          }
          chrome.rect_outline(sw, {kSwatchW, 14}, 1, kOblastBorder);
          break;
        case Swatch::Contact:
          chrome.line({sw.x, cy}, {sw.x + kSwatchW, cy}, 4.5f, kContact);
          break;
        case Swatch::Road:
          chrome.line({sw.x, cy}, {sw.x + kSwatchW, cy}, 1.4f, kRoad);
          break;
        case Swatch::Rail:
          chrome.dashed({{sw.x, cy}, {sw.x + kSwatchW, cy}}, 1.3f, 7, 5, kRail);
          break;
        case Swatch::Sea:
          chrome.dashed({{sw.x, cy}, {sw.x + kSwatchW, cy}}, 1.5f, 8, 5, kSeaLane);
          break;
        case Swatch::Staging:
          chrome.rect({mid.x - 5, cy - 5}, {10, 10}, kStaging);
          chrome.rect({mid.x - 3, cy - 3}, {6, 6}, sf::Color::White);
          break;
        case Swatch::Friend:
          draw_unit_symbol(chrome, mid, Glyph::LightInfantry, Affiliation::Friendly, false, 0.6f);
          break;
        case Swatch::Hostile:
          draw_unit_symbol(chrome, mid, Glyph::LightInfantry, Affiliation::Hostile, false, 0.6f);
          break;
        case Swatch::Neutral:
          draw_unit_symbol(chrome, mid, Glyph::LightInfantry, Affiliation::Neutral, false, 0.6f);
          break;
        case Swatch::Kinetic:
        case Swatch::Other: {
          auto pts = star(mid, 8, 3.5f, 8);
          chrome.convex(pts, rows[i].swatch == Swatch::Kinetic ? kKinetic : kNonKinetic);
          break;
        }
        case Swatch::Undetected: {
          auto pts = star(mid, 8, 3.5f, 8);
          pts.erase(pts.begin());
          chrome.polyline(pts, 1.8f, kKinetic, true);
          break;
        }
        case Swatch::Response:
          chrome.dashed({{sw.x, cy}, {sw.x + kSwatchW - 8, cy}}, 2.2f, 7, 4, kResponse);
          chrome.triangle({sw.x + kSwatchW, cy}, {sw.x + kSwatchW - 9, cy - 4},
                          {sw.x + kSwatchW - 9, cy + 4}, kResponse);
          break;
      }
      left_at(labels[i], x0 + kPad * 2 + kSwatchW, cy);
      f.chrome_text.push_back(std::move(labels[i]));
    }
  }
  {  // Scale bar, bottom right: true km near the projection's centre (conformal, ~1% off).
    const double s = f.cam.scale();
    const double km = nice_length(200 / s);
    const float len = static_cast<float>(km * s);
    const float x1 = w - 24, x0 = x1 - len, y = h - 44;
    const sf::FloatRect panel(x0 - 12, y - 24, len + 28, 34);
    chrome.rect({panel.left, panel.top}, {panel.width, panel.height},
                sf::Color(255, 255, 255, 210));
    for (int i = 0; i < 4; ++i) {
      chrome.rect({x0 + len * static_cast<float>(i) / 4, y}, {len / 4, 6},
                  i % 2 == 0 ? kInk : sf::Color::White);
    }
    chrome.rect_outline({x0, y}, {len, 6}, 1, kInk);
    // The end's label first (kept inside the window), then the middle's if it clears it: a
    // short bar has no room for "100" beside "200 km".
    float end_left = w;
    for (double frac : {1.0, 0.0, 0.5}) {
      sf::Text t = text(km_text(km * frac) + (frac == 1.0 ? " km" : ""), 12, kInk, false, 0);
      const sf::FloatRect b = t.getLocalBounds();
      float x = x0 + len * static_cast<float>(frac) - b.width / 2;
      if (frac == 1.0) {
        x = std::min(x, w - 14 - b.width);
        end_left = x;
      } else if (frac == 0.5 && x + b.width + 6 > end_left) {
        continue;
      }
      t.setPosition(std::round(x - b.left), std::round(y - 17 - b.top));
      f.chrome_text.push_back(std::move(t));
    }
    sf::Text credit = text("Borders: Natural Earth. Line of contact approximate (2025).", 11,
                           sf::Color(80, 80, 80), false, 0);
    const sf::FloatRect b = credit.getLocalBounds();
    const sf::FloatRect strip(w - 22 - b.width, h - 24, b.width + 16, 20);
    chrome.rect({strip.left, strip.top}, {strip.width, strip.height},
                sf::Color(255, 255, 255, 210));
    credit.setPosition(std::round(w - 14 - b.width - b.left),
                       std::round(h - 14 - b.height / 2 - b.top));
    f.chrome_text.push_back(std::move(credit));
    f.taken.push_back(panel);
    f.taken.push_back(strip);
  }
  chrome.rect({0, 0}, {w, kTitleHeight}, kTitleBar);
  f.taken.push_back({0, 0, w, kTitleHeight + 4});
  sf::Text title = text(scene.title.empty() ? "rfsim" : scene.title, 18, sf::Color::White, true, 0);
  left_at(title, 14, kTitleHeight / 2);
  sf::Text tag =
      text("rfsim  |  Reassurance Force, Ukraine", 12, sf::Color(175, 188, 200), false, 0);
  const sf::FloatRect tb = tag.getLocalBounds();
  left_at(tag, w - 14 - tb.width, kTitleHeight / 2);
  if (title.getGlobalBounds().left + title.getGlobalBounds().width < w - 30 - tb.width) {
    f.chrome_text.push_back(std::move(tag));  // the tag gives way to a long title
  }
  f.chrome_text.push_back(std::move(title));
}

void MapPainter::Impl::draw_names(sf::RenderTarget& target, Frame& f) const {
  const map::Theatre& th = *theatre;
  const float s = static_cast<float>(f.cam.scale());
  const sf::FloatRect screen(0, 0, f.w, f.h);
  auto free = [&](const sf::FloatRect& b) {
    if (!screen.contains(b.left, b.top) || !screen.contains(b.left + b.width, b.top + b.height)) {
      return false;
    }
    return std::none_of(f.taken.begin(), f.taken.end(),
                        [&](const sf::FloatRect& t) { return t.intersects(b); });
  };
  auto padded = [](sf::FloatRect b) {
    return sf::FloatRect(b.left - 3, b.top - 2, b.width + 6, b.height + 4);
  };
  // Slides a label down below any unit stack or violation marker it would sit under.
  // Returns false when that would take it too far from what it names.
  auto below_marks = [&](sf::Text& t) {
    const float y0 = t.getPosition().y;
    for (int pass = 0; pass < 3; ++pass) {
      bool moved = false;
      for (const sf::FloatRect& u : f.obstacles) {
        const sf::FloatRect b = t.getGlobalBounds();
        if (b.intersects(u)) {
          t.move(0, std::ceil(u.top + u.height + 4 - b.top));
          moved = true;
        }
      }
      if (!moved) break;
    }
    return t.getPosition().y - y0 <= 40;
  };
  std::vector<sf::Text> out;
  // In order of importance: each label keeps off the ones before it, or is left out.
  auto place = [&](sf::Text t, bool must) {
    const sf::FloatRect b = padded(t.getGlobalBounds());
    if (!must && !free(b)) return;
    f.taken.push_back(b);
    out.push_back(std::move(t));
  };
  for (std::size_t i = 0; i < th.region_count(); ++i) {  // staging areas: always
    const Region& r = th.regions()[i];
    if (r.kind != RegionKind::Staging) continue;
    const sf::Vector2f p = px(f.cam, r.label);
    // Right of the square, else left, below or above it, wherever no earlier label is (two
    // staging areas 150 km apart meet on a small map); the right side if none is free.
    const sf::Text base = text(names[i], 13, kStaging, true);
    const float width = base.getLocalBounds().width;
    std::optional<sf::Text> chosen;
    for (const sf::Vector2f at :
         {sf::Vector2f(p.x + 9, p.y), sf::Vector2f(p.x - 9 - width, p.y),
          sf::Vector2f(p.x - width / 2, p.y + 16), sf::Vector2f(p.x - width / 2, p.y - 16)}) {
      sf::Text t = base;
      left_at(t, at.x, at.y);
      below_marks(t);
      if (!chosen) chosen = t;
      if (free(padded(t.getGlobalBounds()))) {
        chosen = std::move(t);
        break;
      }
    }
    // Nowhere free: the name goes right of its square, unless the square is off the map (a
    // name cut by the edge would run into whatever is there).
    if (!chosen || (!screen.contains(p) && !free(padded(chosen->getGlobalBounds())))) continue;
    place(std::move(*chosen), true);
  }
  if (f.zoomed) {  // the towns along the front
    for (const auto& cp : th.contact_line()) {
      sf::Text t = text(cp.name, 12, kInk);
      const sf::Vector2f p = px(f.cam, cp.where);
      left_at(t, p.x + 7, p.y);
      place(std::move(t), false);
    }
  }
  for (std::size_t i = 0; i < th.region_count(); ++i) {  // Kyiv, Sevastopol: always
    const Region& r = th.regions()[i];
    if (r.kind != RegionKind::City) continue;
    sf::Text t = text(names[i], 13, kCityText, true);
    const sf::Vector2f p = px(f.cam, r.label);
    centre_on(t, p.x, p.y);
    if (below_marks(t)) place(std::move(t), false);
  }
  for (std::size_t i = 0; i < th.region_count(); ++i) {  // oblasts, when they fit
    const Region& r = th.regions()[i];
    if (r.kind != RegionKind::Oblast) continue;
    sf::Text t = text(names[i], 14, kRegionText);
    const float room = static_cast<float>(std::sqrt(std::max(r.area_km2, 0.0))) * s;
    if (t.getLocalBounds().width > 0.85f * room) continue;
    const sf::Vector2f p = px(f.cam, r.label);
    centre_on(t, p.x, p.y);
    if (below_marks(t)) place(std::move(t), false);
  }
  for (std::size_t i = 0; i < th.region_count(); ++i) {  // sectors and sea zones
    const Region& r = th.regions()[i];
    if (r.kind == RegionKind::ContactSector && f.zoomed) {
      sf::Text t = text(names[i], 12, kContact);
      t.setStyle(sf::Text::Italic);
      const sf::Vector2f p = px(f.cam, r.label);
      centre_on(t, p.x, p.y);
      if (below_marks(t)) place(std::move(t), false);
    } else if (r.kind == RegionKind::SeaZone) {
      sf::Text t = text(names[i], 13, kSeaText, false, 0);
      t.setStyle(sf::Text::Italic);
      const float room = static_cast<float>(std::sqrt(std::max(r.area_km2, 0.0))) * s;
      if (t.getLocalBounds().width > room) continue;
      const sf::Vector2f p = px(f.cam, r.label);
      centre_on(t, p.x, p.y + 22);  // below the point, where sea lanes and ships meet
      place(std::move(t), false);
    }
  }
  for (std::size_t i = 0; i < th.backdrop().size(); ++i) {  // neighbours, on their visible part
    const Region& b = th.backdrop()[i];
    if (b.kind != RegionKind::Country) continue;
    const auto& range = backdrop_range[i];
    double sum_a = 0, sx = 0, sy = 0, best_a = 0;
    sf::Vector2f best;
    const sf::FloatRect inner(40, kTitleHeight + 30, f.w - 80, f.h - kTitleHeight - 70);
    for (std::size_t v = range.first; v + 2 < range.first + range.count; v += 3) {
      const sf::Vector2f a = f.to_px.transformPoint(backdrop[v].position);
      const sf::Vector2f bb = f.to_px.transformPoint(backdrop[v + 1].position);
      const sf::Vector2f cc = f.to_px.transformPoint(backdrop[v + 2].position);
      const sf::Vector2f mid = (a + bb + cc) / 3.0f;
      if (!inner.contains(mid)) continue;
      const double area = std::abs((bb.x - a.x) * (cc.y - a.y) - (bb.y - a.y) * (cc.x - a.x)) / 2;
      sum_a += area;
      sx += area * mid.x;
      sy += area * mid.y;
      if (area > best_a) {
        best_a = area;
        best = mid;
      }
    }
    sf::Text t = text(upper(b.name), 15, kCountryText, false, 0);
    t.setLetterSpacing(1.6f);
    const sf::FloatRect lb = t.getLocalBounds();
    if (sum_a < 4.0 * lb.width * lb.height) continue;
    sf::Vector2f at(static_cast<float>(sx / sum_a), static_cast<float>(sy / sum_a));
    if (!map::contains(b.polygons, proj.unproject(f.cam.to_plane({at.x, at.y})))) at = best;
    centre_on(t, at.x, at.y);
    place(std::move(t), false);
  }
  for (const sf::Text& t : out) target.draw(t);
}

bool MapPainter::Impl::ensure_label_atlas(const Scene& scene) {
  std::vector<std::string> wanted;
  for (const UnitMarker& u : scene.units) {
    if (!u.label.empty() && !label_sprites.contains(u.label)) wanted.push_back(u.label);
  }
  if (wanted.empty()) return label_atlas_ok;
  for (const auto& [label, sprite] : label_sprites) wanted.push_back(label);
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  label_sprites.clear();
  label_atlas_ok = false;
  constexpr int kAtlasWidth = 1024, kMaxLabels = 1024, kMargin = 2;
  if (wanted.size() > kMaxLabels) return false;  // labels are not nation codes: draw as text
  // Shelf packing, in sorted order so the atlas is the same for the same labels.
  std::vector<sf::Text> texts;
  int x = 0, y = 0, shelf = 0;
  for (const std::string& label : wanted) {
    sf::Text t = text(label, 13, kInk, true);
    const sf::FloatRect g = t.getGlobalBounds();  // at position (0, 0), outline included
    const int x0 = static_cast<int>(std::floor(g.left)) - kMargin;
    const int y0 = static_cast<int>(std::floor(g.top)) - kMargin;
    const int w = static_cast<int>(std::ceil(g.left + g.width)) + kMargin - x0;
    const int h = static_cast<int>(std::ceil(g.top + g.height)) + kMargin - y0;
    if (w > kAtlasWidth) return false;
    if (x + w > kAtlasWidth) {
      x = 0;
      y += shelf;
      shelf = 0;
    }
    label_sprites[label] = {t.getLocalBounds(), {x, y, w, h}, {x0, y0}};
    t.setPosition(static_cast<float>(x - x0), static_cast<float>(y - y0));
    texts.push_back(std::move(t));
    x += w;
    shelf = std::max(shelf, h);
  }
  if (!begin_drawing(label_atlas, {kAtlasWidth, static_cast<unsigned>(y + shelf)})) return false;
  // Onto transparent black, alpha blending leaves colours premultiplied by coverage; the
  // atlas is drawn with a premultiplied blend, which gives what drawing the text would.
  label_atlas.clear(sf::Color::Transparent);
  for (const sf::Text& t : texts) label_atlas.draw(t);
  if (!finish(label_atlas)) return false;
  label_atlas_ok = true;
  return true;
}

bool MapPainter::Impl::ensure_symbol_atlas() {
  if (symbol_atlas_tried) return symbol_atlas_ok;
  symbol_atlas_tried = true;
  const int rows = (kCells + kCellColumns - 1) / kCellColumns;
  if (!begin_drawing(symbol_atlas, {kCellColumns * kCellW, static_cast<unsigned>(rows * kCellH)})) {
    return false;
  }
  symbol_atlas.clear(sf::Color::Transparent);
  Canvas c;
  symbol_sprites.assign(kCells, {});
  // Draws one cell's symbol and keeps the box of its pixels (a quad no bigger than needed:
  // under llvmpipe even a transparent texel costs).
  auto cell = [&](int i, const auto& draw_symbol) {
    const sf::Vector2i corner = cell_corner(i);
    const sf::Vector2f anchor(corner + kCellAnchor);
    const std::size_t first = c.vertices().getVertexCount();
    const sf::FloatRect frame = draw_symbol(anchor);
    sf::Vector2f lo(anchor), hi(anchor);
    for (std::size_t v = first; v < c.vertices().getVertexCount(); ++v) {
      const sf::Vector2f q = c.vertices()[v].position;
      lo = {std::min(lo.x, q.x), std::min(lo.y, q.y)};
      hi = {std::max(hi.x, q.x), std::max(hi.y, q.y)};
    }
    const int l = std::max(corner.x, static_cast<int>(std::floor(lo.x)) - 1);
    const int t = std::max(corner.y, static_cast<int>(std::floor(lo.y)) - 1);
    const int r = std::min(corner.x + kCellW, static_cast<int>(std::ceil(hi.x)) + 1);
    const int b = std::min(corner.y + kCellH, static_cast<int>(std::ceil(hi.y)) + 1);
    symbol_sprites[i] = {{frame.left - anchor.x, frame.top - anchor.y, frame.width, frame.height},
                         {l, t, r - l, b - t},
                         {static_cast<float>(l) - anchor.x, static_cast<float>(t) - anchor.y}};
  };
  for (int s = 0; s < kSides; ++s) {
    const auto side = static_cast<Affiliation>(s);
    for (int g = 0; g < kGlyphs; ++g) {
      for (const bool selected : {false, true}) {
        const auto glyph = static_cast<Glyph>(g);
        cell(symbol_cell(glyph, side, selected),
             [&](sf::Vector2f at) { return draw_unit_symbol(c, at, glyph, side, selected); });
      }
    }
    cell(deck_cell(side), [&](sf::Vector2f at) { return draw_deck_symbol(c, at, side); });
  }
  symbol_atlas.draw(c.vertices());  // opaque shapes: premultiplied as drawn
  if (!finish(symbol_atlas)) return false;
  symbol_atlas_ok = true;
  return true;
}

void MapPainter::Impl::draw_tactical(sf::RenderTarget& target, const Scene& scene, const Frame& f) {
  // Responses under units, units, then violations on top: they are the news.
  Canvas c, over;
  for (const ResponseLine& r : scene.responses) {
    const sf::Vector2f a = px(f.cam, r.from), b = px(f.cam, r.to);
    const sf::Vector2f d = b - a;
    const float len = std::hypot(d.x, d.y);
    if (len < 1) continue;
    const sf::Vector2f u = d / len, n(-u.y, u.x);
    const sf::Vector2f tip = b - u * std::min(13.0f, len / 2);
    c.dashed({a, tip}, 2.2f, 9, 5, kResponse);
    c.triangle(tip, tip - u * 11.0f + n * 5.0f, tip - u * 11.0f - n * 5.0f, kResponse);
  }
  for (const auto& [at, edge] : f.leaders) {
    c.line(at, edge, 1.2f, kInk);
    c.disc(at, 2.5f, kInk, 10);
  }
  std::vector<sf::Text> labels;
  const bool atlas = ensure_label_atlas(scene);
  // The atlas is aliased: onto a multisampled target (a snapshot, where a frame's time does
  // not matter) symbols are drawn as shapes, so they keep their smooth edges.
  GLint samples = 0;
  if (target.setActive(true)) glGetIntegerv(GL_SAMPLES, &samples);
  const bool sprites = samples <= 1 && ensure_symbol_atlas();
  sf::VertexArray symbol_quads(sf::Triangles), label_quads(sf::Triangles);
  // A symbol as a quad from the atlas, on whole pixels as the atlas holds it, or as shapes.
  // Returns the frame's bounds.
  auto symbol = [&](sf::Vector2f centre, int cell, const auto& draw_shapes) {
    if (!sprites) return draw_shapes(centre);
    const sf::Vector2f at(std::round(centre.x), std::round(centre.y));
    const SymbolSprite& ss = symbol_sprites[cell];
    append_sprite(symbol_quads, at + ss.offset, ss.rect);
    return sf::FloatRect(at.x + ss.frame.left, at.y + ss.frame.top, ss.frame.width,
                         ss.frame.height);
  };
  // Stacks of thousands run far off the screen: their symbols and labels are not built.
  const sf::FloatRect visible(-60, -30, f.w + 80, f.h + 60);  // a frame and its label's reach
  for (const Frame::Placed& p : f.placed) {
    if (!visible.contains(p.at)) continue;
    const UnitMarker& u = scene.units[p.unit];
    const sf::FloatRect box = symbol(
        p.at, symbol_cell(u.glyph, u.side, u.selected),
        [&](sf::Vector2f at) { return draw_unit_symbol(c, at, u.glyph, u.side, u.selected); });
    const float mid = box.top + box.height / 2;
    if (!u.label.empty() && atlas) {
      const LabelSprite& ls = label_sprites.at(u.label);
      // Where left_at() would put the text, then its pixels from the atlas around that.
      const float x = std::round(box.left + box.width + 5 - ls.local.left);
      const float y = std::round(mid - ls.local.top - ls.local.height / 2);
      append_sprite(label_quads,
                    {x + static_cast<float>(ls.offset.x), y + static_cast<float>(ls.offset.y)},
                    ls.rect);
    } else if (!u.label.empty()) {
      sf::Text t = text(u.label, 13, kInk, true);
      left_at(t, box.left + box.width + 5, mid);
      labels.push_back(std::move(t));
    }
  }
  // A few dozen at most, one per big stack: their counts are plain text, not atlas entries
  // (the atlas would fill with every count the run passes through).
  for (const Frame::Aggregate& a : f.aggregates) {
    if (!visible.contains(a.at)) continue;
    const Affiliation first = scene.units[a.units.front()].side;
    const bool one_side = std::all_of(a.units.begin(), a.units.end(),
                                      [&](std::size_t i) { return scene.units[i].side == first; });
    const Affiliation side = one_side ? first : Affiliation::Friendly;
    const sf::FloatRect box = symbol(
        a.at, deck_cell(side), [&](sf::Vector2f at) { return draw_deck_symbol(c, at, side); });
    sf::Text t = text("+" + std::to_string(a.units.size()), 13, kInk, true);
    left_at(t, box.left + box.width + 5, box.top + box.height / 2);
    labels.push_back(std::move(t));
  }
  for (const Frame::Burst& v : f.bursts) {
    const sf::Color col = with_alpha(v.kinetic ? kKinetic : kNonKinetic, v.fade);
    auto star_pts = star(v.at, 12, 5.5f, 8);
    if (v.detected) {
      over.convex(star_pts, col);
      star_pts.erase(star_pts.begin());
      over.polyline(star_pts, 1.2f, with_alpha(sf::Color(90, 10, 10), v.fade), true);
    } else {
      star_pts.erase(star_pts.begin());
      over.polyline(star_pts, 2.2f, col, true);
    }
    if (v.count > 1) {
      sf::Text t = text(std::to_string(v.count), 11, with_alpha(sf::Color::White, v.fade), true, 0);
      const sf::FloatRect b = t.getLocalBounds();
      const sf::FloatRect badge(v.at.x + 6, v.at.y - 19, b.width + 8, 15);
      over.rect({badge.left, badge.top}, {badge.width, badge.height},
                with_alpha(sf::Color(90, 10, 10), v.fade));
      centre_on(t, badge.left + badge.width / 2, badge.top + badge.height / 2);
      labels.push_back(std::move(t));
    }
  }
  target.draw(c.vertices());
  const sf::BlendMode premultiplied(sf::BlendMode::One, sf::BlendMode::OneMinusSrcAlpha);
  if (symbol_quads.getVertexCount() > 0) {
    target.draw(symbol_quads, sf::RenderStates(premultiplied, sf::Transform(),
                                               &symbol_atlas.getTexture(), nullptr));
  }
  target.draw(over.vertices());
  if (label_quads.getVertexCount() > 0) {
    target.draw(label_quads, sf::RenderStates(premultiplied, sf::Transform(),
                                              &label_atlas.getTexture(), nullptr));
  }
  for (const sf::Text& t : labels) target.draw(t);
}

const std::vector<MapPainter::DrawnUnit>& MapPainter::drawn_units() const {
  return impl_->drawn;
}

const std::vector<MapPainter::DrawnAggregate>& MapPainter::drawn_aggregates() const {
  return impl_->drawn_aggregates;
}

void MapPainter::set_compact_legend(bool compact) {
  impl_->compact_legend = compact;
}

bool MapPainter::compact_legend() const {
  return impl_->compact_legend;
}

bool MapPainter::standing_in() const {
  return impl_->stood_in;
}

void MapPainter::draw(sf::RenderTarget& target, const Camera& cam, const Scene& scene) {
  Impl& m = *impl_;
  const sf::View saved = target.getView();
  const float w = static_cast<float>(cam.width()), h = static_cast<float>(cam.height());
  sf::View view(sf::FloatRect(0, 0, w, h));
  view.setViewport(saved.getViewport());  // a map view may own only part of the window
  target.setView(view);
  const double s = cam.scale();
  const map::PlanePoint c = cam.centre();
  const sf::Transform to_px(static_cast<float>(s), 0, static_cast<float>(cam.width() / 2 - c.x * s),
                            0, static_cast<float>(-s),
                            static_cast<float>(cam.height() / 2 + c.y * s), 0, 0, 1);
  Frame f(cam, w, h, to_px, s >= 2.2);  // zoomed: about twice the whole theatre on 1600 px

  m.apply_fill(scene);
  // While the wheel turns every frame has a new scale: the last ground, stretched, stands in
  // for it (one blit, not a whole repaint), until the scale holds for a frame.
  const double k = m.ground_ok ? cam.scale() / m.ground_scale : 1;
  const bool zooming =
      m.ground_ok && cam.scale() != m.last_scale && k != 1 && k >= 0.5 && k <= 2 &&
      cam.width() == w && cam.height() == h &&
      m.ground_size == sf::Vector2u(static_cast<unsigned>(w), static_cast<unsigned>(h));
  m.last_scale = cam.scale();
  m.stood_in = zooming;
  if (zooming) {
    m.preview_ground(target, cam, f);
  } else {
    if (!m.ground_current(cam)) m.paint_ground(cam, f);
    if (m.ground_ok) {
      m.show_ground(target, sf::Transform::Identity, f);
    } else {
      m.draw_ground(target, f, {0, 0, w, h});  // no texture of this size: straight onto it
    }
  }

  m.draw_lines(target, f);
  m.layout_units(scene, f);
  m.drawn.clear();
  for (const Frame::Placed& p : f.placed)
    m.drawn.push_back({scene.units[p.unit].id, {p.at.x, p.at.y}});
  m.drawn_aggregates.clear();
  for (const Frame::Aggregate& a : f.aggregates) {
    DrawnAggregate d{{a.at.x, a.at.y}, {}};
    for (std::size_t u : a.units) d.ids.push_back(scene.units[u].id);
    m.drawn_aggregates.push_back(std::move(d));
  }
  m.layout_violations(scene, f);
  m.layout_chrome(scene, f);
  m.draw_names(target, f);
  m.draw_tactical(target, scene, f);
  target.draw(f.chrome.vertices());
  for (const sf::Text& t : f.chrome_text) target.draw(t);
  target.setView(saved);
}

}  // namespace rfsim::render
