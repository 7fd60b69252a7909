// Theatre::load: reads the GeoJSON, CSV and TOML files of assets/ into regions, links and the
// graph, and refuses bad input with the file, the place and what was expected.

// Boost 1.74's Geometry includes a header it deprecated itself; the note is noise here.
#define BOOST_ALLOW_DEPRECATED_HEADERS
#include <toml++/toml.h>
#include <boost/geometry.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <numbers>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "io/toml_reader.hpp"
#include "map/graph.hpp"
#include "map/theatre.hpp"

namespace rfsim::map {

namespace {

namespace fs = std::filesystem;

// Half the Earth's circumference: no link between two places on it is longer.
constexpr double kMaxLinkKm = 20'000;
using Json = nlohmann::json;

// ---------------------------------------------------------------------------- errors

// "file:place: what": place is a line:column, a field path, or both.
[[noreturn]] void fail(const fs::path& file, const std::string& place, const std::string& what) {
  std::string msg = file.string();
  if (!place.empty()) msg += ":" + place;
  throw std::runtime_error(msg + ": " + what);
}

std::string read_text(const fs::path& file, const std::string& expected) {
  std::ifstream in(file, std::ios::binary);
  if (!in) fail(file, "", "cannot open the file; expected " + expected);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool is_slug(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// ---------------------------------------------------------------------------- geometry helpers

namespace bg = boost::geometry;
using BgPoint = bg::model::d2::point_xy<double>;
using BgPolygon = bg::model::polygon<BgPoint, /*clockwise=*/false, /*closed=*/true>;
using BgMulti = bg::model::multi_polygon<BgPolygon>;
using BgBox = bg::model::box<BgPoint>;

BgPolygon to_bg(const Polygon& p) {
  BgPolygon out;
  auto fill = [](const Ring& ring, auto& bg_ring) {
    for (const LonLat& q : ring) bg_ring.push_back(BgPoint(q.lon, q.lat));
    if (!ring.empty()) bg_ring.push_back(BgPoint(ring.front().lon, ring.front().lat));
  };
  fill(p.outer, out.outer());
  for (const Ring& hole : p.holes) {
    out.inners().emplace_back();
    fill(hole, out.inners().back());
  }
  bg::correct(out);
  return out;
}

Ring from_bg_ring(const auto& bg_ring) {
  Ring ring;
  for (const BgPoint& q : bg_ring) ring.push_back({q.x(), q.y()});
  if (ring.size() > 1 && ring.front().lon == ring.back().lon &&
      ring.front().lat == ring.back().lat) {
    ring.pop_back();
  }
  return ring;
}

// Equal-area (sinusoidal) shoelace: exact for the projection, off only by the edges being
// straight in lon/lat; good to well under 1% for the sea zones and countries it serves.
double ring_area_km2(const Ring& ring) {
  constexpr double kR = 6371.0;
  constexpr double kDeg = std::numbers::pi / 180.0;
  double twice = 0;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const double xi = kR * ring[i].lon * kDeg * std::cos(ring[i].lat * kDeg);
    const double xj = kR * ring[j].lon * kDeg * std::cos(ring[j].lat * kDeg);
    twice += xj * (ring[i].lat * kDeg * kR) - xi * (ring[j].lat * kDeg * kR);
  }
  return std::abs(twice) / 2;
}

double area_km2(const std::vector<Polygon>& polygons) {
  double area = 0;
  for (const Polygon& p : polygons) {
    area += ring_area_km2(p.outer);
    for (const Ring& h : p.holes) area -= ring_area_km2(h);
  }
  return area;
}

// A point inside the largest polygon, for labels of features without one: the middle of the
// widest inside stretch of the parallel through the middle of its bounding box.
LonLat interior_point(const std::vector<Polygon>& polygons) {
  const Polygon* big = nullptr;
  double big_area = -1;
  for (const Polygon& p : polygons) {
    const double a = ring_area_km2(p.outer);
    if (a > big_area) big = &p, big_area = a;
  }
  if (big == nullptr || big->outer.empty()) return {};
  auto [lo, hi] = std::minmax_element(big->outer.begin(), big->outer.end(),
                                      [](LonLat a, LonLat b) { return a.lat < b.lat; });
  const double lat = (lo->lat + hi->lat) / 2 + 1e-7;  // off the 4-decimal vertex grid
  std::vector<double> crossings;
  auto cross = [&](const Ring& ring) {
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      const LonLat a = ring[i], b = ring[j];
      if ((a.lat > lat) != (b.lat > lat)) {
        crossings.push_back(a.lon + (b.lon - a.lon) * (lat - a.lat) / (b.lat - a.lat));
      }
    }
  };
  cross(big->outer);
  for (const Ring& h : big->holes) cross(h);
  std::sort(crossings.begin(), crossings.end());
  LonLat best{(lo->lon + hi->lon) / 2, lat};
  double widest = -1;
  for (std::size_t i = 0; i + 1 < crossings.size(); i += 2) {
    if (crossings[i + 1] - crossings[i] > widest) {
      widest = crossings[i + 1] - crossings[i];
      best = {(crossings[i] + crossings[i + 1]) / 2, lat};
    }
  }
  return best;
}

// Railways of the former Soviet Union keep the Russian gauge; the EU's are standard gauge.
bool is_broad_gauge(const std::string& iso) {
  return iso == "UA" || iso == "MD" || iso == "BY" || iso == "RU";
}

// The stretches of `polygons`' outer rings that run along any of `facing`'s rings: vertices
// they share. The geometry of assets/geo/ was noded into shared arcs and rounded to 4
// decimals, so a common border has identical vertices on both sides. Longest stretch first.
std::vector<std::vector<LonLat>> shared_border(const std::vector<Polygon>& polygons,
                                               const std::vector<const Region*>& facing) {
  auto key = [](LonLat p) {
    return (static_cast<std::int64_t>(std::llround(p.lon * 1e4)) << 32) ^
           static_cast<std::int64_t>(std::llround(p.lat * 1e4) & 0xffffffff);
  };
  std::unordered_set<std::int64_t> theirs;
  for (const Region* r : facing) {
    for (const Polygon& p : r->polygons) {
      for (LonLat q : p.outer) theirs.insert(key(q));
      for (const Ring& h : p.holes)
        for (LonLat q : h) theirs.insert(key(q));
    }
  }
  std::vector<std::vector<LonLat>> out;
  for (const Polygon& p : polygons) {
    const Ring& ring = p.outer;
    const std::size_t n = ring.size();
    std::vector<char> on(n);
    std::size_t start = n;  // a vertex off the border, so that no stretch wraps past it
    for (std::size_t i = 0; i < n; ++i) {
      on[i] = theirs.contains(key(ring[i]));
      if (!on[i] && start == n) start = i;
    }
    if (start == n) continue;  // an island wholly inside a facing ring's vertices: none here
    std::vector<LonLat> run;
    for (std::size_t k = 1; k <= n; ++k) {
      const std::size_t i = (start + k) % n;
      if (on[i]) {
        run.push_back(ring[i]);
      } else if (!run.empty()) {
        if (run.size() >= 2) out.push_back(std::move(run));
        run.clear();
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    double la = 0, lb = 0;
    for (std::size_t i = 1; i < a.size(); ++i) la += distance_km(a[i - 1], a[i]);
    for (std::size_t i = 1; i < b.size(); ++i) lb += distance_km(b[i - 1], b[i]);
    return la > lb;
  });
  return out;
}

// ---------------------------------------------------------------------------- GeoJSON

class GeoJsonReader {
 public:
  explicit GeoJsonReader(fs::path file) : file_(std::move(file)) {
    const std::string text = read_text(file_, "a GeoJSON FeatureCollection");
    try {
      doc_ = Json::parse(text);
    } catch (const Json::parse_error& e) {
      // nlohmann's message carries "at line L, column C"; strip its exception tag.
      std::string what = e.what();
      if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
      fail(file_, "", "malformed JSON: " + what);
    } catch (const Json::out_of_range& e) {
      // A number beyond a double ("1e999"): nlohmann names it but not its place, so find it.
      std::string what = e.what();
      if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
      const auto quote = what.find('\'');
      const std::string number = quote == std::string::npos
                                     ? std::string()
                                     : what.substr(quote + 1, what.rfind('\'') - quote - 1);
      const auto at = number.empty() ? std::string::npos : text.find(number);
      std::string place;
      if (at != std::string::npos) {
        const auto line = std::count(text.begin(), text.begin() + at, '\n') + 1;
        const auto line_start = text.rfind('\n', at);
        const auto column = at - (line_start == std::string::npos ? 0 : line_start + 1) + 1;
        place = std::to_string(line) + ":" + std::to_string(column);
      }
      fail(file_, place, "malformed JSON: " + what + " (expected a number a double can hold)");
    }
    const Json* features =
        doc_.is_object() && doc_.contains("features") ? &doc_["features"] : nullptr;
    if (features == nullptr || !features->is_array()) {
      fail(file_, "features", "missing; expected a GeoJSON FeatureCollection");
    }
  }

  std::size_t size() const { return doc_["features"].size(); }
  const fs::path& file() const { return file_; }

  std::string string_prop(std::size_t i, const char* key, bool nullable = false) const {
    const Json& v = prop(i, key);
    if (nullable && v.is_null()) return {};
    if (!v.is_string()) fail(file_, props_path(i) + "." + key, "expected a string");
    return v.get<std::string>();
  }
  double number_prop(std::size_t i, const char* key) const {
    const Json& v = prop(i, key);
    if (!v.is_number()) fail(file_, props_path(i) + "." + key, "expected a number");
    return v.get<double>();
  }

  std::vector<Polygon> polygons(std::size_t i) const {
    const std::string path = "features[" + std::to_string(i) + "].geometry";
    const Json& f = doc_["features"][i];
    if (!f.contains("geometry") || !f["geometry"].is_object()) fail(file_, path, "missing");
    const Json& g = f["geometry"];
    // Not g.value("type", ""): it throws json::type_error when "type" is not a string.
    const std::string type = !g.contains("type")     ? ""
                             : g["type"].is_string() ? g["type"].get<std::string>()
                                                     : g["type"].dump();
    if (!g.contains("coordinates") || !g["coordinates"].is_array()) {
      fail(file_, path + ".coordinates", "expected an array");
    }
    const Json& c = g["coordinates"];
    std::vector<Polygon> out;
    if (type == "Polygon") {
      out.push_back(polygon(c, path + ".coordinates"));
    } else if (type == "MultiPolygon") {
      for (std::size_t k = 0; k < c.size(); ++k) {
        out.push_back(polygon(c[k], path + ".coordinates[" + std::to_string(k) + "]"));
      }
    } else {
      fail(file_, path + ".type", "'" + type + "': expected Polygon or MultiPolygon");
    }
    return out;
  }

 private:
  std::string props_path(std::size_t i) const {
    return "features[" + std::to_string(i) + "].properties";
  }
  const Json& prop(std::size_t i, const char* key) const {
    const Json& f = doc_["features"][i];
    if (!f.is_object() || !f.contains("properties") || !f["properties"].is_object()) {
      fail(file_, props_path(i), "missing; expected an object");
    }
    const Json& props = f["properties"];
    if (!props.contains(key)) fail(file_, props_path(i) + "." + key, "missing");
    return props[key];
  }

  Polygon polygon(const Json& rings, const std::string& path) const {
    if (!rings.is_array() || rings.empty()) fail(file_, path, "expected an array of rings");
    Polygon p;
    for (std::size_t r = 0; r < rings.size(); ++r) {
      const std::string rpath = path + "[" + std::to_string(r) + "]";
      Ring ring;
      if (!rings[r].is_array()) fail(file_, rpath, "expected an array of positions");
      for (std::size_t k = 0; k < rings[r].size(); ++k) {
        const Json& q = rings[r][k];
        if (!q.is_array() || q.size() < 2 || !q[0].is_number() || !q[1].is_number()) {
          fail(file_, rpath + "[" + std::to_string(k) + "]", "expected [lon, lat]");
        }
        ring.push_back({q[0].get<double>(), q[1].get<double>()});
      }
      // GeoJSON repeats the first position at the end; our rings do not.
      if (ring.size() > 1 && ring.front().lon == ring.back().lon &&
          ring.front().lat == ring.back().lat) {
        ring.pop_back();
      }
      if (ring.size() < 3) fail(file_, rpath, "expected a ring of at least 4 positions");
      (r == 0 ? p.outer : p.holes.emplace_back()) = std::move(ring);
    }
    return p;
  }

  fs::path file_;
  Json doc_;
};

// ---------------------------------------------------------------------------- TOML

// The theatre file through the one TOML reader (io/toml_reader.hpp), with what only the
// theatre reads: ids and positions.
class TomlReader : public io::TomlReader {
 public:
  explicit TomlReader(const fs::path& file) : io::TomlReader(file.string()), path_(file) {
    root_ = parse(read_text(file, "the theatre TOML"), this->file());
  }

  const toml::table& root() const { return root_; }
  const fs::path& path() const { return path_; }

  static std::string at(const toml::source_region& s) {
    return std::to_string(s.begin.line) + ":" + std::to_string(s.begin.column);
  }

  std::string id(const toml::table& t, const std::string& path, std::string_view key) const {
    std::string v = string(t, path, key);
    if (!is_slug(v)) {
      fail(t.get(key), join(path, key),
           "'" + v + "' is not an id; expected lower-case letters, digits and '_'");
    }
    return v;
  }
  // `key = [lon, lat]`
  LonLat pair(const toml::table& t, const std::string& path, std::string_view key) const {
    const std::string p = join(path, key);
    const toml::array& a = array(t, path, key, "[lon, lat]");
    if (a.size() != 2) fail(t.get(key), p, "expected [lon, lat]");
    return {number(a[0], p + "[0]", -180, 180), number(a[1], p + "[1]", -90, 90)};
  }
  // `lon = ..` and `lat = ..` in the table itself
  LonLat lonlat(const toml::table& t, const std::string& path) const {
    return {number(t, path, "lon", -180, 180, std::nullopt),
            number(t, path, "lat", -90, 90, std::nullopt)};
  }

 private:
  fs::path path_;
  toml::table root_;
};

// ---------------------------------------------------------------------------- the builder

class Builder {
 public:
  explicit Builder(const fs::path& assets) : assets_(assets) {}

  void ukraine() {
    GeoJsonReader g(assets_ / "geo" / "ukraine_admin1.geojson");
    for (std::size_t i = 0; i < g.size(); ++i) {
      const std::string path = "features[" + std::to_string(i) + "].properties";
      Region r;
      r.id = g.string_prop(i, "id");
      if (!is_slug(r.id)) fail(g.file(), path + ".id", "'" + r.id + "' is not an id");
      r.name = g.string_prop(i, "name");
      const std::string type = g.string_prop(i, "type");
      if (type != "oblast" && type != "autonomous_republic" && type != "city") {
        fail(g.file(), path + ".type",
             "'" + type + "': expected oblast, autonomous_republic or city");
      }
      r.kind = type == "city" ? RegionKind::City : RegionKind::Oblast;
      r.country = "UA";
      r.label = {g.number_prop(i, "label_lon"), g.number_prop(i, "label_lat")};
      r.hub = r.label;  // until [hubs] gives the city
      r.area_km2 = g.number_prop(i, "area_km2");
      r.polygons = g.polygons(i);
      if (!contains(r.polygons, r.label)) {
        fail(g.file(), path + ".label_lon/label_lat",
             "label point is outside the feature's polygon; expected a point inside it");
      }
      add_region(std::move(r), g.file(), path + ".id");
    }
    ukraine_count_ = regions_.size();
  }

  void neighbours() {
    GeoJsonReader g(assets_ / "geo" / "neighbours_admin0.geojson");
    for (std::size_t i = 0; i < g.size(); ++i) {
      const std::string path = "features[" + std::to_string(i) + "].properties";
      Region r;
      r.id = g.string_prop(i, "id");
      r.name = g.string_prop(i, "name");
      const std::string kind = g.string_prop(i, "kind");
      if (kind != "country" && kind != "water") {
        fail(g.file(), path + ".kind", "'" + kind + "': expected country or water");
      }
      r.kind = kind == "water" ? RegionKind::SeaZone : RegionKind::Country;
      r.country = g.string_prop(i, "iso_a2", /*nullable=*/true);
      r.polygons = g.polygons(i);
      r.area_km2 = area_km2(r.polygons);
      r.label = interior_point(r.polygons);
      if (backdrop_index_.contains(r.id)) {
        fail(g.file(), path + ".id", "duplicate id '" + r.id + "'; expected unique ids");
      }
      backdrop_index_[r.id] = backdrop_.size();
      backdrop_.push_back(std::move(r));
    }
  }

  void adjacency() {
    const fs::path file = assets_ / "geo" / "ukraine_regions_adjacency.csv";
    std::istringstream in(read_text(file, "the adjacency CSV"));
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (n == 1) {
        if (line != "id_a,id_b,shared_border_km") {
          fail(file, "1", "expected the header id_a,id_b,shared_border_km");
        }
        continue;
      }
      if (line.empty()) continue;
      std::vector<std::string> cells;
      std::istringstream row(line);
      for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
      if (cells.size() != 3) fail(file, std::to_string(n), "expected id_a,id_b,shared_border_km");
      RegionId a = csv_region(file, n, cells[0]);
      RegionId b = csv_region(file, n, cells[1]);
      if (a == b) fail(file, std::to_string(n), "expected two different regions");
      if (link_index_.contains(key(a, b))) {
        fail(file, std::to_string(n), "duplicate pair " + cells[0] + "," + cells[1]);
      }
      add_link(a, b, kRoad, computed_km(a, b, kRoad));
    }
  }

  void theatre_file() {
    TomlReader t(assets_ / "theatre" / "theatre.toml");
    const toml::table& root = t.root();
    t.only_keys(root, "",
                {"network", "hubs", "occupied_share", "contact_points", "sectors", "sea_zones",
                 "staging", "bases", "flank", "links", "lengths", "rail_lines"});
    network(t);
    hubs(t);
    contact_points(t);
    sectors(t);
    sea_zones(t);
    staging(t);
    bases(t);
    flank(t);
    occupied(t);
    // Links: the land borders (read before), then each sector to its parent and to the next
    // sector, then the explicit links, then the rail lines on top.
    adjacency();
    for (RegionId s = first_sector_; s < first_sector_ + sector_count_; ++s) {
      RegionId parent = *find(regions_[s].parent);
      add_link(s, parent, kRoad, computed_km(s, parent, kRoad));
      if (s > first_sector_) add_link(s - 1, s, kRoad, computed_km(s - 1, s, kRoad));
    }
    links(t);
    lengths(t);
    rail_lines(t);
    for (Region& r : regions_) {
      r.off_map = !kMapBox.contains(r.hub);
      r.rail_gauge_mm = is_broad_gauge(r.country) ? 1520 : 1435;
    }
  }

  // Gives the result to Theatre::load (which alone may fill a Theatre's members).
  void hand_over(std::vector<Region>& regions, std::vector<Link>& links,
                 std::vector<Region>& backdrop, std::vector<ContactPoint>& contact_line) {
    regions = std::move(regions_);
    links = std::move(links_);
    backdrop = std::move(backdrop_);
    contact_line = std::move(contact_line_);
  }

 private:
  static std::uint64_t key(RegionId a, RegionId b) {
    if (a > b) std::swap(a, b);
    return (std::uint64_t{a} << 32) | b;
  }

  std::optional<RegionId> find(const std::string& id) const {
    auto it = index_.find(id);
    if (it == index_.end()) return std::nullopt;
    return it->second;
  }

  void add_region(Region r, const fs::path& file, const std::string& place) {
    if (index_.contains(r.id)) {
      fail(file, place, "duplicate id '" + r.id + "'; expected ids unique across all regions");
    }
    index_[r.id] = static_cast<RegionId>(regions_.size());
    regions_.push_back(std::move(r));
  }

  LinkId add_link(RegionId a, RegionId b, std::uint8_t modes, double km) {
    const LinkId id = static_cast<LinkId>(links_.size());
    links_.push_back(Link{a, b, modes, km});
    link_index_[key(a, b)] = id;
    return id;
  }

  double computed_km(RegionId a, RegionId b, std::uint8_t modes) const {
    const double winding = (modes & kRoad) || !(modes & kSea) ? road_winding_ : sea_winding_;
    return distance_km(regions_[a].hub, regions_[b].hub) * winding;
  }

  RegionId csv_region(const fs::path& file, std::size_t line, const std::string& id) const {
    auto r = find(id);
    if (!r || *r >= ukraine_count_) {
      fail(file, std::to_string(line),
           "unknown region '" + id + "'; expected an id of ukraine_admin1.geojson");
    }
    return *r;
  }

  void network(const TomlReader& t) {
    const toml::node* n = t.root().get("network");
    if (n == nullptr) return;
    const toml::table* net = n->as_table();
    if (net == nullptr) t.fail(n, "network", "expected a table [network]");
    t.only_keys(*net, "network", {"road_winding", "sea_winding"});
    auto winding = [&](const char* k, double fallback) {
      double w = t.number(*net, "network", k, 1, 3, fallback);
      return w;
    };
    road_winding_ = winding("road_winding", road_winding_);
    sea_winding_ = winding("sea_winding", sea_winding_);
  }

  void contact_points(const TomlReader& t) {
    auto points = t.tables(t.root(), "contact_points");
    for (std::size_t i = 0; i < points.size(); ++i) {
      const std::string path = io::TomlReader::indexed("contact_points", i);
      t.only_keys(*points[i], path, {"name", "lon", "lat"});
      ContactPoint p{t.string(*points[i], path, "name"), t.lonlat(*points[i], path)};
      for (const ContactPoint& q : contact_line_) {
        if (q.name == p.name) t.fail(points[i], path + ".name", "duplicate '" + p.name + "'");
      }
      contact_line_.push_back(std::move(p));
    }
  }

  std::size_t contact_index(const TomlReader& t, const toml::table& s, const char* key,
                            const std::string& path) const {
    const std::string name = t.string(s, path, key);
    for (std::size_t i = 0; i < contact_line_.size(); ++i) {
      if (contact_line_[i].name == name) return i;
    }
    t.fail(s.get(key), path + "." + key,
           "unknown contact point '" + name + "'; expected a name of [[contact_points]]");
  }

  void sectors(const TomlReader& t) {
    first_sector_ = static_cast<RegionId>(regions_.size());
    auto sectors = t.tables(t.root(), "sectors");
    std::optional<std::size_t> previous_end;
    for (std::size_t i = 0; i < sectors.size(); ++i) {
      const toml::table& s = *sectors[i];
      const std::string path = io::TomlReader::indexed("sectors", i);
      t.only_keys(s, path, {"id", "name", "parent", "from", "to", "label"});
      Region r;
      r.id = t.id(s, path, "id");
      r.name = t.string(s, path, "name");
      r.kind = RegionKind::ContactSector;
      r.country = "UA";
      r.parent = t.id(s, path, "parent");
      auto parent = find(r.parent);
      if (!parent || *parent >= ukraine_count_) {
        t.fail(s.get("parent"), path + ".parent",
               "unknown region '" + r.parent + "'; expected a Ukrainian oblast or city id");
      }
      const std::size_t from = contact_index(t, s, "from", path);
      const std::size_t to = contact_index(t, s, "to", path);
      if (to <= from) {
        t.fail(s.get("to"), path + ".to",
               "expected a contact point south of 'from' (later in [[contact_points]])");
      }
      if (previous_end && *previous_end != from) {
        t.fail(
            &*s.get("from"), path + ".from",
            "expected '" + contact_line_[*previous_end].name + "', where the previous sector ends");
      }
      previous_end = to;
      r.line.resize(to - from + 1);
      std::transform(contact_line_.begin() + static_cast<std::ptrdiff_t>(from),
                     contact_line_.begin() + static_cast<std::ptrdiff_t>(to) + 1, r.line.begin(),
                     [](const ContactPoint& p) { return p.where; });
      r.label = t.pair(s, path, "label");
      r.hub = r.label;  // the labels are towns behind the line (see theatre.toml)
      if (!contains(regions_[*parent].polygons, r.label)) {
        t.fail(s.get("label"), path + ".label",
               "the point is not inside '" + r.parent +
                   "'; expected a point on the Ukrainian-held side inside the parent");
      }
      add_region(std::move(r), t.path(), TomlReader::at(s.source()) + ": " + path + ".id");
    }
    sector_count_ = static_cast<RegionId>(regions_.size()) - first_sector_;
  }

  void sea_zones(const TomlReader& t) {
    auto zones = t.tables(t.root(), "sea_zones");
    for (std::size_t i = 0; i < zones.size(); ++i) {
      const toml::table& z = *zones[i];
      const std::string path = io::TomlReader::indexed("sea_zones", i);
      t.only_keys(z, path, {"id", "name", "water", "box", "label"});
      Region r;
      r.id = t.id(z, path, "id");
      r.name = t.string(z, path, "name");
      r.kind = RegionKind::SeaZone;
      const std::string water = t.string(z, path, "water");
      auto w = backdrop_index_.find(water);
      if (w == backdrop_index_.end() || backdrop_[w->second].kind != RegionKind::SeaZone) {
        t.fail(z.get("water"), path + ".water",
               "unknown water body '" + water +
                   "'; expected a water id of "
                   "neighbours_admin0.geojson (black_sea, sea_of_azov, syvash)");
      }
      r.polygons = backdrop_[w->second].polygons;
      if (z.get("box") != nullptr) {
        const toml::array& b = t.array(z, path, "box", "[lon_min, lat_min, lon_max, lat_max]");
        const std::string bpath = path + ".box";
        if (b.size() != 4) t.fail(z.get("box"), bpath, "expected 4 numbers");
        const BgBox box(BgPoint(t.number(b[0], bpath + "[0]", -180, 180),
                                t.number(b[1], bpath + "[1]", -90, 90)),
                        BgPoint(t.number(b[2], bpath + "[2]", -180, 180),
                                t.number(b[3], bpath + "[3]", -90, 90)));
        if (!(box.min_corner().x() < box.max_corner().x() &&
              box.min_corner().y() < box.max_corner().y())) {
          t.fail(z.get("box"), bpath, "expected lon_min < lon_max and lat_min < lat_max");
        }
        r.polygons = clip(r.polygons, box);
        if (r.polygons.empty()) {
          t.fail(z.get("box"), bpath, "the box holds none of '" + water + "'");
        }
      }
      r.area_km2 = area_km2(r.polygons);
      r.label = t.pair(z, path, "label");
      r.hub = r.label;
      if (!contains(r.polygons, r.label)) {
        t.fail(z.get("label"), path + ".label", "the point is not in the zone's water");
      }
      add_region(std::move(r), t.path(), TomlReader::at(z.source()) + ": " + path + ".id");
    }
  }

  static std::vector<Polygon> clip(const std::vector<Polygon>& polygons, const BgBox& box) {
    std::vector<Polygon> out;
    for (const Polygon& p : polygons) {
      BgMulti pieces;
      bg::intersection(box, to_bg(p), pieces);
      for (const BgPolygon& piece : pieces) {
        Polygon q;
        q.outer = from_bg_ring(piece.outer());
        for (const auto& hole : piece.inners()) q.holes.push_back(from_bg_ring(hole));
        if (q.outer.size() >= 3) out.push_back(std::move(q));
      }
    }
    return out;
  }

  void staging(const TomlReader& t) {
    auto areas = t.tables(t.root(), "staging");
    for (std::size_t i = 0; i < areas.size(); ++i) {
      const toml::table& s = *areas[i];
      const std::string path = io::TomlReader::indexed("staging", i);
      t.only_keys(s, path, {"id", "name", "country", "parent", "lon", "lat", "airfield"});
      add_region(point_node(t, s, path, RegionKind::Staging, /*parent_required=*/true), t.path(),
                 TomlReader::at(s.source()) + ": " + path + ".id");
    }
  }

  // A point-like node (staging area or base): id, name, country, parent country, position.
  Region point_node(const TomlReader& t, const toml::table& s, const std::string& path,
                    RegionKind kind, bool parent_required) const {
    Region r;
    r.id = t.id(s, path, "id");
    r.name = t.string(s, path, "name");
    r.kind = kind;
    r.country = country_code(t, s, path);
    r.label = t.lonlat(s, path);
    r.hub = r.label;
    r.airfield = t.boolean(s, path, "airfield", false);
    if (parent_required || s.get("parent") != nullptr) {
      r.parent = t.id(s, path, "parent");
      const Region& c = backdrop_country(t, s, "parent", path, r.parent);
      if (!contains(c.polygons, r.label)) {
        t.fail(&s, path + ".lon/lat", "the point is not inside '" + r.parent + "'");
      }
    }
    return r;
  }

  std::string country_code(const TomlReader& t, const toml::table& s,
                           const std::string& path) const {
    std::string c = t.string(s, path, "country");
    if (c.size() != 2 || !std::isupper(static_cast<unsigned char>(c[0])) ||
        !std::isupper(static_cast<unsigned char>(c[1]))) {
      t.fail(s.get("country"), path + ".country",
             "'" + c + "': expected an ISO 3166-1 alpha-2 code such as PL");
    }
    return c;
  }

  const Region& backdrop_country(const TomlReader& t, const toml::node& at, const char* key,
                                 const std::string& path, const std::string& id) const {
    auto c = backdrop_index_.find(id);
    if (c == backdrop_index_.end() || backdrop_[c->second].kind != RegionKind::Country) {
      t.fail(&at, path + "." + key,
             "unknown country '" + id + "'; expected a country id of neighbours_admin0.geojson");
    }
    return backdrop_[c->second];
  }

  // Units of Ukraine route from their main city rather than their label point.
  void hubs(const TomlReader& t) {
    const toml::node* n = t.root().get("hubs");
    if (n == nullptr) return;
    const toml::table* hubs = n->as_table();
    if (hubs == nullptr) t.fail(n, "hubs", "expected a table [hubs]");
    for (auto&& [k, v] : *hubs) {
      const std::string path = "hubs." + std::string(k.str());
      auto r = find(std::string(k.str()));
      if (!r || *r >= ukraine_count_) {
        t.fail(&v, path,
               "unknown region '" + std::string(k.str()) +
                   "'; expected an id of ukraine_admin1.geojson");
      }
      const toml::table* h = v.as_table();
      if (h == nullptr) t.fail(&v, path, "expected { city = \"...\", lon = .., lat = .. }");
      t.only_keys(*h, path, {"city", "lon", "lat"});
      regions_[*r].hub_name = t.string(*h, path, "city");
      regions_[*r].hub = t.lonlat(*h, path);
    }
  }

  void bases(const TomlReader& t) {
    auto entries = t.tables(t.root(), "bases");
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const toml::table& s = *entries[i];
      const std::string path = io::TomlReader::indexed("bases", i);
      t.only_keys(s, path, {"id", "name", "country", "parent", "lon", "lat", "airfield"});
      add_region(point_node(t, s, path, RegionKind::Base, /*parent_required=*/false), t.path(),
                 TomlReader::at(s.source()) + ": " + path + ".id");
    }
  }

  void flank(const TomlReader& t) {
    auto entries = t.tables(t.root(), "flank");
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const toml::table& f = *entries[i];
      const std::string path = io::TomlReader::indexed("flank", i);
      t.only_keys(f, path, {"id", "name", "country", "state", "faces", "city", "lon", "lat"});
      Region r;
      r.id = t.id(f, path, "id");
      r.name = t.string(f, path, "name");
      r.kind = RegionKind::Flank;
      r.country = country_code(t, f, path);
      r.parent = t.id(f, path, "state");
      const Region& state = backdrop_country(t, f, "state", path, r.parent);
      r.polygons = state.polygons;
      r.area_km2 = state.area_km2;
      r.hub_name = t.string(f, path, "city");
      r.hub = t.lonlat(f, path);
      // Tokens and incidents sit at the city near the border, not in the state's middle (the
      // backdrop country keeps its own label for the name).
      r.label = r.hub;
      if (!contains(r.polygons, r.hub)) {
        t.fail(&f, path + ".lon/lat", "the city is not inside '" + r.parent + "'");
      }
      const toml::array& faces =
          t.array(f, path, "faces", "an array of \"ukraine\" or country ids");
      std::vector<const Region*> facing;
      for (std::size_t k = 0; k < faces.size(); ++k) {
        const std::string p = path + ".faces[" + std::to_string(k) + "]";
        auto id = faces[k].value<std::string>();
        if (!id) t.fail(&faces[k], p, "expected \"ukraine\" or a country id");
        if (*id == "ukraine") {
          for (std::size_t u = 0; u < ukraine_count_; ++u) facing.push_back(&regions_[u]);
        } else {
          facing.push_back(&backdrop_country(t, faces[k], "faces", path, *id));
        }
      }
      r.border = shared_border(r.polygons, facing);
      if (r.border.empty()) {
        t.fail(f.get("faces"), path + ".faces",
               "'" + r.parent + "' shares no border with these; expected neighbours");
      }
      add_region(std::move(r), t.path(), TomlReader::at(f.source()) + ": " + path + ".id");
    }
  }

  void lengths(const TomlReader& t) {
    auto entries = t.tables(t.root(), "lengths");
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const toml::table& l = *entries[i];
      const std::string path = io::TomlReader::indexed("lengths", i);
      t.only_keys(l, path, {"from", "to", "km"});
      const RegionId a = link_end(t, l, "from", path);
      const RegionId b = link_end(t, l, "to", path);
      auto link = link_index_.find(key(a, b));
      if (link == link_index_.end()) {
        t.fail(&l, path,
               "no link between '" + regions_[a].id + "' and '" + regions_[b].id +
                   "'; expected a land border or a [[links]] entry");
      }
      const double km = t.number(l, path, "km", 0, kMaxLinkKm, std::nullopt);
      if (!(km > 0)) t.fail(l.get("km"), path + ".km", "expected a positive length in km");
      links_[link->second].length_km = km;
      links_[link->second].given_km = true;
    }
  }

  void occupied(const TomlReader& t) {
    const toml::node* n = t.root().get("occupied_share");
    if (n == nullptr) return;
    const toml::table* shares = n->as_table();
    if (shares == nullptr) t.fail(n, "occupied_share", "expected a table [occupied_share]");
    for (auto&& [k, v] : *shares) {
      const std::string path = "occupied_share." + std::string(k.str());
      auto r = find(std::string(k.str()));
      if (!r) t.fail(&v, path, "unknown region '" + std::string(k.str()) + "'");
      const double share = t.number(v, path, 0, 1);
      regions_[*r].occupied_share = share;
    }
  }

  std::uint8_t modes(const TomlReader& t, const toml::table& l, const std::string& path) const {
    const toml::array& a = t.array(l, path, "modes", "an array of \"road\", \"rail\", \"sea\"");
    std::uint8_t m = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      const std::string p = path + ".modes[" + std::to_string(i) + "]";
      auto s = a[i].value<std::string_view>();
      if (s == "road") {
        m |= kRoad;
      } else if (s == "rail") {
        m |= kRail;
      } else if (s == "sea") {
        m |= kSea;
      } else {
        t.fail(&a[i], p, "expected \"road\", \"rail\" or \"sea\" (air needs no links)");
      }
    }
    if (m == 0) t.fail(l.get("modes"), path + ".modes", "expected at least one mode");
    return m;
  }

  RegionId link_end(const TomlReader& t, const toml::table& l, const char* key,
                    const std::string& path) const {
    const std::string id = t.string(l, path, key);
    auto r = find(id);
    if (!r) {
      t.fail(l.get(key), path + "." + key,
             "unknown region '" + id + "'; expected the id of a region or node");
    }
    return *r;
  }

  void links(const TomlReader& t) {
    auto entries = t.tables(t.root(), "links");
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const toml::table& l = *entries[i];
      const std::string path = io::TomlReader::indexed("links", i);
      t.only_keys(l, path, {"from", "to", "modes", "length_km"});
      const RegionId a = link_end(t, l, "from", path);
      const RegionId b = link_end(t, l, "to", path);
      if (a == b) t.fail(l.get("to"), path + ".to", "expected a region other than 'from'");
      if (link_index_.contains(key(a, b))) {
        t.fail(&l, path,
               "duplicate link " + regions_[a].id + " - " + regions_[b].id +
                   "; expected one link per pair (land borders come from the adjacency "
                   "CSV, sectors are linked to their parent and neighbours)");
      }
      const std::uint8_t m = modes(t, l, path);
      double km = computed_km(a, b, m);
      if (l.get("length_km") != nullptr) {
        const std::optional<double> given =
            t.number(l, path, "length_km", 0, kMaxLinkKm, std::nullopt);
        if (!(*given > 0)) {
          t.fail(l.get("length_km"), path + ".length_km", "expected a positive length in km");
        }
        km = *given;
      }
      links_[add_link(a, b, m, km)].given_km = l.get("length_km") != nullptr;
    }
  }

  void rail_lines(const TomlReader& t) {
    auto lines = t.tables(t.root(), "rail_lines");
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const toml::table& l = *lines[i];
      const std::string path = io::TomlReader::indexed("rail_lines", i);
      t.only_keys(l, path, {"name", "via"});
      t.string(l, path, "name");
      const toml::array& via = t.array(l, path, "via", "an array of region ids");
      if (via.size() < 2) t.fail(l.get("via"), path + ".via", "expected 2 or more ids");
      std::optional<RegionId> previous;
      for (std::size_t k = 0; k < via.size(); ++k) {
        const std::string p = path + ".via[" + std::to_string(k) + "]";
        auto id = via[k].value<std::string>();
        if (!id) t.fail(&via[k], p, "expected a region id");
        auto r = find(*id);
        if (!r) t.fail(&via[k], p, "unknown region '" + *id + "'");
        if (previous) {
          auto hop = link_index_.find(key(*previous, *r));
          if (hop == link_index_.end()) {
            t.fail(&via[k], p,
                   "no link between '" + regions_[*previous].id + "' and '" + *id +
                       "'; expected neighbouring regions or a [[links]] entry");
          }
          links_[hop->second].modes |= kRail;
        }
        previous = r;
      }
    }
  }

  fs::path assets_;
  std::vector<Region> regions_;
  std::vector<Link> links_;
  std::vector<Region> backdrop_;
  std::vector<ContactPoint> contact_line_;
  std::unordered_map<std::string, RegionId> index_;
  std::unordered_map<std::string, std::size_t> backdrop_index_;
  std::unordered_map<std::uint64_t, LinkId> link_index_;
  std::size_t ukraine_count_ = 0;
  RegionId first_sector_ = 0;
  RegionId sector_count_ = 0;
  double road_winding_ = 1.25;
  double sea_winding_ = 1.1;
};

}  // namespace

Theatre Theatre::load(const std::filesystem::path& assets_dir) {
  Builder b(assets_dir);
  b.ukraine();
  b.neighbours();
  b.theatre_file();
  Theatre theatre;
  b.hand_over(theatre.regions_, theatre.links_, theatre.backdrop_, theatre.contact_line_);
  // Vertex r is region r and edge properties carry the LinkId, so graph algorithms and the
  // region/link vectors index alike.
  auto graph = std::make_shared<TheatreGraph>();
  graph->g = Graph(theatre.regions_.size());
  for (RegionId r = 0; r < theatre.regions_.size(); ++r) graph->g[r].id = r;
  for (LinkId l = 0; l < theatre.links_.size(); ++l) {
    boost::add_edge(theatre.links_[l].a, theatre.links_[l].b, LinkProps{l}, graph->g);
  }
  theatre.graph_ = std::move(graph);
  return theatre;
}

}  // namespace rfsim::map
