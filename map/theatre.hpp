// The theatre: regions (nodes) and links (edges) as a Boost.Graph graph, with the geometry
// to draw them. Built once from the files in assets/ and then only read: one theatre is
// shared by every run, replay and seek (a link cut by sabotage is a run's state, not the
// theatre's).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "map/geo.hpp"

namespace rfsim::map {

using RegionId = std::uint32_t;  // index of the region in the theatre, stable for given assets
using LinkId = std::uint32_t;    // index of the link in the theatre

enum class RegionKind : std::uint8_t {
  Oblast,         // a first-level unit of Ukraine (oblast or the Autonomous Republic of Crimea)
  City,           // Kyiv or Sevastopol (cities with special status)
  ContactSector,  // a sector of the line of contact
  SeaZone,        // a zone of the Black Sea or the Sea of Azov
  Staging,        // a staging area, air base or port in a coalition state
  Country,        // a neighbouring state, for drawing and for hybrid threats
  Base,           // a coalition garrison, air base, port or rail hub outside Ukraine (often
                  // off the map): where units are based and deploy from
  Flank,          // a flank state's ground next to Ukraine (Poland, Romania, Moldova): where
                  // incidents in coalition states happen
};

/// Link modes, combinable as a bit mask.
enum LinkMode : std::uint8_t { kRoad = 1, kRail = 2, kSea = 4, kAir = 8 };

struct Region {
  std::string id;    // stable slug: "kharkiv", "sector_pokrovsk", "rzeszow"
  std::string name;  // English name for display
  RegionKind kind = RegionKind::Oblast;
  std::string country;            // ISO 3166-1 alpha-2: "UA", "PL", "RO"...
  LonLat label;                   // a point inside the region: labels and tokens (drawing)
  LonLat hub;                     // routing point: the main city, where links end
  std::string hub_name;           // the city at `hub` ("Kharkiv"); empty where hub == label
  std::vector<Polygon> polygons;  // outline; empty for point-like nodes (staging areas)
  std::vector<LonLat> line;       // contact sectors: their stretch of the line of contact
  std::vector<std::vector<LonLat>> border;  // flank states: stretches of border facing
                                            // Ukraine or Belarus, longest first
  double area_km2 = 0;
  double occupied_share = 0;  // 0..1, share under Russian occupation as of 2025
  std::string parent;         // contact sectors and staging: the region they sit in
  bool airfield = false;      // has an airfield usable for strategic airlift
  bool off_map = false;       // its hub lies outside the map window (kMapBox)
  int rail_gauge_mm = 1435;   // 1520 in Ukraine, Moldova, Belarus, Russia; 1435 elsewhere
};

/// The map window: the box the geometry of assets/geo/ tiles (lon 20..42 E, lat 43..53.5 N).
struct LonLatBox {
  double lon_min, lat_min, lon_max, lat_max;
  bool contains(LonLat p) const {
    return p.lon >= lon_min && p.lon <= lon_max && p.lat >= lat_min && p.lat <= lat_max;
  }
};
inline constexpr LonLatBox kMapBox{20.0, 43.0, 42.0, 53.5};

struct Link {
  RegionId a = 0;
  RegionId b = 0;
  std::uint8_t modes = 0;  // LinkMode bits
  double length_km = 0;    // along the link, not the straight line
  bool given_km = false;   // length_km was given in theatre.toml (else computed)
};

/// A named place on the line of contact, with where its coordinates come from.
struct ContactPoint {
  std::string name;
  LonLat where;
};

struct TheatreGraph;  // the regions and links as a Boost.Graph graph: map/graph.hpp

/// The theatre graph and its geometry.
///   Theatre t = Theatre::load("assets");  RegionId k = t.require("kharkiv");
class Theatre {
 public:
  /// Reads assets_dir/geo/*.geojson and assets_dir/theatre/theatre.toml. Throws
  /// std::runtime_error naming the file, the place and what was expected.
  static Theatre load(const std::filesystem::path& assets_dir);

  std::size_t region_count() const { return regions_.size(); }
  const Region& region(RegionId id) const { return regions_.at(id); }
  const std::vector<Region>& regions() const { return regions_; }
  std::optional<RegionId> find(std::string_view id) const;
  RegionId require(std::string_view id) const;  // throws std::out_of_range naming the id

  std::size_t link_count() const { return links_.size(); }
  const Link& link(LinkId id) const { return links_.at(id); }
  const std::vector<Link>& links() const { return links_; }
  std::vector<LinkId> links_of(RegionId r) const;
  std::optional<LinkId> link_between(RegionId a, RegionId b) const;

  /// The line of contact, north to south, through named places (see assets/theatre/).
  const std::vector<ContactPoint>& contact_line() const { return contact_line_; }
  /// Water and land outside the regions, for drawing only (Black Sea, Russia, Poland...).
  const std::vector<Region>& backdrop() const { return backdrop_; }

  /// For graph algorithms (map/graph.hpp holds its type; routing uses it).
  const TheatreGraph& graph() const;

 private:
  std::vector<Region> regions_;
  std::vector<Link> links_;
  std::vector<Region> backdrop_;
  std::vector<ContactPoint> contact_line_;
  std::shared_ptr<const TheatreGraph> graph_;  // built once by load(), then only read
};

}  // namespace rfsim::map
