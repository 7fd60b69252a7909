// Tests of map/theatre: loading the real assets, their geometry and links, and errors on
// broken files.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "map/theatre.hpp"
#include "real_theatre.hpp"

namespace rfsim::map {
namespace {

namespace fs = std::filesystem;
using testing::real_theatre;

const std::vector<std::string> kUkraine = {
    "cherkasy",        "chernihiv",    "chernivtsi", "crimea",       "dnipropetrovsk", "donetsk",
    "ivano_frankivsk", "kharkiv",      "kherson",    "khmelnytskyi", "kirovohrad",     "kyiv_city",
    "kyiv_oblast",     "luhansk",      "lviv",       "mykolaiv",     "odesa",          "poltava",
    "rivne",           "sevastopol",   "sumy",       "ternopil",     "vinnytsia",      "volyn",
    "zakarpattia",     "zaporizhzhia", "zhytomyr"};

TEST(Theatre, LoadsThe27UkrainianUnitsFirst) {
  const Theatre& t = real_theatre();
  ASSERT_GE(t.region_count(), 27u);
  for (RegionId r = 0; r < 27; ++r) {
    const Region& region = t.region(r);
    EXPECT_EQ(region.id, kUkraine[r]);
    EXPECT_EQ(region.country, "UA");
    EXPECT_FALSE(region.polygons.empty()) << region.id;
    EXPECT_GT(region.area_km2, 700) << region.id;
    const bool city = region.id == "kyiv_city" || region.id == "sevastopol";
    EXPECT_EQ(region.kind, city ? RegionKind::City : RegionKind::Oblast) << region.id;
  }
  EXPECT_EQ(t.region(t.require("kyiv_oblast")).name, "Kyiv Oblast");
  EXPECT_NEAR(t.region(t.require("kharkiv")).area_km2, 31392.5, 0.05);
}

TEST(Theatre, KyivOblastHasAHoleThatKyivCityFills) {
  const Theatre& t = real_theatre();
  const Region& oblast = t.region(t.require("kyiv_oblast"));
  const Region& city = t.region(t.require("kyiv_city"));
  ASSERT_EQ(oblast.polygons.size(), 1u);
  ASSERT_EQ(oblast.polygons[0].holes.size(), 1u);
  EXPECT_FALSE(contains(oblast.polygons, city.label));
  EXPECT_TRUE(contains(city.polygons, city.label));
}

TEST(Theatre, MultiPolygonsKeepAllTheirParts) {
  const Theatre& t = real_theatre();
  EXPECT_GT(t.region(t.require("kherson")).polygons.size(), 1u);  // the Dnipro delta islands
  EXPECT_GT(t.region(t.require("odesa")).polygons.size(), 1u);
}

TEST(Theatre, EveryLabelLiesInsideItsPolygonOrParent) {
  const Theatre& t = real_theatre();
  auto backdrop = [&](const std::string& id) -> const Region& {
    auto it = std::find_if(t.backdrop().begin(), t.backdrop().end(),
                           [&](const Region& r) { return r.id == id; });
    EXPECT_NE(it, t.backdrop().end()) << id;
    return *it;
  };
  for (const Region& r : t.regions()) {
    switch (r.kind) {
      case RegionKind::Oblast:
      case RegionKind::City:
      case RegionKind::SeaZone:
        EXPECT_TRUE(contains(r.polygons, r.label)) << r.id;
        break;
      case RegionKind::ContactSector:
        EXPECT_TRUE(contains(t.region(t.require(r.parent)).polygons, r.label)) << r.id;
        break;
      case RegionKind::Staging:
        EXPECT_TRUE(contains(backdrop(r.parent).polygons, r.label)) << r.id;
        break;
      case RegionKind::Country:
        ADD_FAILURE() << "a country among the regions: " << r.id;
    }
  }
  for (const Region& r : t.backdrop()) EXPECT_TRUE(contains(r.polygons, r.label)) << r.id;
}

TEST(Theatre, SeaZoneLabelsAreInTheWater) {
  const Theatre& t = real_theatre();
  for (const char* id :
       {"sea_nw", "sea_west", "sea_central", "sea_crimea", "sea_east", "sea_azov"}) {
    const Region& zone = t.region(t.require(id));
    EXPECT_EQ(zone.kind, RegionKind::SeaZone) << id;
    for (const std::string& land : kUkraine) {
      EXPECT_FALSE(contains(t.region(t.require(land)).polygons, zone.label)) << id << " " << land;
    }
    for (const Region& b : t.backdrop()) {
      if (b.kind == RegionKind::Country) {
        EXPECT_FALSE(contains(b.polygons, zone.label)) << id << " " << b.id;
      }
    }
  }
}

TEST(Theatre, BackdropHoldsNeighboursAndWater) {
  const Theatre& t = real_theatre();
  std::set<std::string> ids;
  for (const Region& r : t.backdrop()) ids.insert(r.id);
  for (const char* id : {"poland", "slovakia", "hungary", "romania", "moldova", "belarus", "russia",
                         "black_sea", "sea_of_azov", "syvash"}) {
    EXPECT_TRUE(ids.count(id)) << id;
  }
  EXPECT_EQ(t.backdrop().size(), 15u);
  for (const Region& r : t.regions()) EXPECT_FALSE(ids.count(r.id)) << r.id;
}

TEST(Theatre, AllCsvAdjacenciesAreRoadLinks) {
  const Theatre& t = real_theatre();
  std::ifstream in(fs::path(RFSIM_ASSETS_DIR) / "geo" / "ukraine_regions_adjacency.csv");
  std::string line;
  std::getline(in, line);  // header
  int pairs = 0;
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string a, b;
    std::getline(row, a, ',');
    std::getline(row, b, ',');
    auto l = t.link_between(t.require(a), t.require(b));
    ASSERT_TRUE(l) << a << "-" << b;
    EXPECT_TRUE(t.link(*l).modes & kRoad) << a << "-" << b;
    EXPECT_GT(t.link(*l).length_km, 0);
    ++pairs;
  }
  EXPECT_EQ(pairs, 54);
}

TEST(Theatre, LinksAreUniquePerPairAndInTheGraph) {
  const Theatre& t = real_theatre();
  std::set<std::pair<RegionId, RegionId>> pairs;
  for (const Link& l : t.links()) {
    EXPECT_NE(l.a, l.b);
    EXPECT_TRUE(pairs.insert(std::minmax(l.a, l.b)).second)
        << t.region(l.a).id << "-" << t.region(l.b).id;
    EXPECT_NE(l.modes, 0);
    EXPECT_EQ(l.modes & kAir, 0);
  }
  EXPECT_EQ(boost::num_vertices(t.graph()), t.region_count());
  EXPECT_EQ(boost::num_edges(t.graph()), t.link_count());
  for (auto [e, end] = boost::edges(t.graph()); e != end; ++e) {
    const Link& l = t.link(t.graph()[*e].id);
    EXPECT_EQ(std::minmax(l.a, l.b),
              std::minmax<RegionId>(static_cast<RegionId>(boost::source(*e, t.graph())),
                                    static_cast<RegionId>(boost::target(*e, t.graph()))));
  }
}

TEST(Theatre, RoadLengthIsGreatCircleTimesWinding) {
  const Theatre& t = real_theatre();
  const RegionId lviv = t.require("lviv");
  const RegionId ternopil = t.require("ternopil");
  // Labels 23.8428E 49.7211N and 25.6186E 49.3864N: 133.39 km great circle, x 1.25.
  EXPECT_NEAR(t.link(*t.link_between(lviv, ternopil)).length_km, 166.74, 0.01);
  // Explicit in the TOML: the road round the Danube delta.
  EXPECT_DOUBLE_EQ(t.link(*t.link_between(t.require("constanta"), t.require("odesa"))).length_km,
                   430);
}

TEST(Theatre, RailOnTheMainLines) {
  const Theatre& t = real_theatre();
  for (auto [a, b] : std::vector<std::pair<const char*, const char*>>{{"rzeszow", "lviv"},
                                                                      {"lviv", "ternopil"},
                                                                      {"vinnytsia", "kyiv_oblast"},
                                                                      {"kyiv_oblast", "kyiv_city"},
                                                                      {"poltava", "kharkiv"},
                                                                      {"odesa", "vinnytsia"}}) {
    auto l = t.link_between(t.require(a), t.require(b));
    ASSERT_TRUE(l) << a << "-" << b;
    EXPECT_TRUE(t.link(*l).modes & kRail) << a << "-" << b;
  }
  auto road_only = t.link_between(t.require("crimea"), t.require("kherson"));
  ASSERT_TRUE(road_only);
  EXPECT_EQ(t.link(*road_only).modes, kRoad);
}

TEST(Theatre, ContactSectorsFollowTheLineNorthToSouth) {
  const Theatre& t = real_theatre();
  const auto& line = t.contact_line();
  ASSERT_GE(line.size(), 15u);
  EXPECT_EQ(line.front().name, "Vovchansk");
  EXPECT_EQ(line.back().name, "Kinburn Spit");
  std::vector<const Region*> sectors;
  for (const Region& r : t.regions()) {
    if (r.kind == RegionKind::ContactSector) sectors.push_back(&r);
  }
  ASSERT_GE(sectors.size(), 6u);
  ASSERT_LE(sectors.size(), 8u);
  EXPECT_EQ(sectors.front()->line.front().lat, line.front().where.lat);
  EXPECT_EQ(sectors.back()->line.back().lon, line.back().where.lon);
  for (std::size_t i = 0; i < sectors.size(); ++i) {
    const Region& s = *sectors[i];
    EXPECT_GE(s.line.size(), 2u) << s.id;
    const RegionId parent = t.require(s.parent);
    EXPECT_TRUE(t.link_between(t.require(s.id), parent)) << s.id;
    if (i > 0) {
      EXPECT_EQ(s.line.front().lon, sectors[i - 1]->line.back().lon) << s.id;
      EXPECT_TRUE(t.link_between(t.require(s.id), t.require(sectors[i - 1]->id))) << s.id;
    }
  }
}

TEST(Theatre, ContactTownsLieInTheirOblasts) {
  // Checks the transcribed coordinates against the map: a slip of a degree would show here.
  const Theatre& t = real_theatre();
  const std::map<std::string, std::string> oblast = {
      {"Vovchansk", "kharkiv"},       {"Kupiansk", "kharkiv"},
      {"Borova", "kharkiv"},          {"Lyman", "donetsk"},
      {"Siversk", "donetsk"},         {"Chasiv Yar", "donetsk"},
      {"Kostiantynivka", "donetsk"},  {"Pokrovsk", "donetsk"},
      {"Kurakhove", "donetsk"},       {"Velyka Novosilka", "donetsk"},
      {"Huliaipole", "zaporizhzhia"}, {"Orikhiv", "zaporizhzhia"},
      {"Kamianske", "zaporizhzhia"},  {"Enerhodar", "zaporizhzhia"},
      {"Nova Kakhovka", "kherson"}};
  int checked = 0;
  for (const ContactPoint& p : t.contact_line()) {
    auto it = oblast.find(p.name);
    if (it == oblast.end()) continue;
    EXPECT_TRUE(contains(t.region(t.require(it->second)).polygons, p.where)) << p.name;
    ++checked;
  }
  EXPECT_EQ(checked, 15);
}

TEST(Theatre, OccupiedSharesAreMarked) {
  const Theatre& t = real_theatre();
  auto share = [&](const char* id) { return t.region(t.require(id)).occupied_share; };
  EXPECT_DOUBLE_EQ(share("crimea"), 1.0);
  EXPECT_DOUBLE_EQ(share("sevastopol"), 1.0);
  EXPECT_NEAR(share("luhansk"), 0.99, 0.01);
  EXPECT_NEAR(share("donetsk"), 0.75, 0.05);
  EXPECT_NEAR(share("zaporizhzhia"), 0.7, 0.05);
  EXPECT_NEAR(share("kherson"), 0.25, 0.05);
  EXPECT_NEAR(share("kharkiv"), 0.02, 0.01);
  EXPECT_DOUBLE_EQ(share("lviv"), 0.0);
  // Marked, not removed: occupied units keep their outline and links.
  EXPECT_FALSE(t.region(t.require("crimea")).polygons.empty());
  EXPECT_FALSE(t.links_of(t.require("crimea")).empty());
}

TEST(Theatre, StagingAreasInCoalitionStates) {
  const Theatre& t = real_theatre();
  for (auto [id, country] : std::vector<std::pair<const char*, const char*>>{
           {"rzeszow", "PL"}, {"lublin", "PL"}, {"constanta", "RO"}, {"suceava", "RO"}}) {
    const Region& r = t.region(t.require(id));
    EXPECT_EQ(r.kind, RegionKind::Staging) << id;
    EXPECT_EQ(r.country, country) << id;
    EXPECT_TRUE(r.polygons.empty()) << id;
    EXPECT_FALSE(t.links_of(t.require(id)).empty()) << id;
  }
}

TEST(Theatre, RequireUnknownRegionThrowsNamingIt) {
  const Theatre& t = real_theatre();
  EXPECT_FALSE(t.find("atlantis"));
  try {
    t.require("atlantis");
    FAIL() << "no exception";
  } catch (const std::out_of_range& e) {
    EXPECT_NE(std::string(e.what()).find("atlantis"), std::string::npos) << e.what();
  }
}

TEST(Theatre, SetConditionBumpsRevisionAndRefusesOutOfRange) {
  Theatre t = real_theatre();  // a copy: the shared one stays intact
  const std::uint64_t before = t.revision();
  t.set_condition(0, 0.5);
  EXPECT_EQ(t.link(0).condition, 0.5);
  EXPECT_GT(t.revision(), before);
  EXPECT_THROW(t.set_condition(0, 1.5), std::invalid_argument);
  EXPECT_THROW(t.set_condition(0, -0.1), std::invalid_argument);
}

// ------------------------------------------------------------------------------ broken files

// A copy of the map assets in a fresh temporary folder, to break on purpose.
class BrokenAssets : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("rfsim_map_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy(fs::path(RFSIM_ASSETS_DIR) / "geo", dir_ / "geo", fs::copy_options::recursive);
    fs::copy(fs::path(RFSIM_ASSETS_DIR) / "theatre", dir_ / "theatre", fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path toml() const { return dir_ / "theatre" / "theatre.toml"; }
  std::string read(const fs::path& p) const {
    std::ifstream in(p);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  void write(const fs::path& p, const std::string& text) const { std::ofstream(p) << text; }
  // The number of lines of the TOML, so an appended line's number is known.
  int toml_lines() const {
    const std::string text = read(toml());
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  }
  void append(const std::string& text) const { write(toml(), read(toml()) + text); }

  // The message of the error loading the broken copy ("" if it loads).
  std::string load_error() const {
    try {
      Theatre::load(dir_);
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "";
  }

  fs::path dir_;
};

#define EXPECT_HAS(message, part) \
  EXPECT_NE((message).find(part), std::string::npos) << "'" << (message) << "' lacks " << (part)

TEST_F(BrokenAssets, TheCopyLoads) {
  EXPECT_EQ(load_error(), "");
}

TEST_F(BrokenAssets, TomlSyntaxErrorNamesFileLineAndColumn) {
  const int line = toml_lines() + 1;
  append("oops = = 3\n");
  const std::string e = load_error();
  EXPECT_HAS(e, toml().string());
  EXPECT_HAS(e, ":" + std::to_string(line) + ":");
  EXPECT_HAS(e, "TOML parse error");
}

// toml++ 3.3 reaches __builtin_unreachable() on such text (its issues #190 and #295): the
// loader refuses it first, naming the place.
TEST_F(BrokenAssets, CyrillicWhereTomlppCannotReadItIsRefusedWithItsPlace) {
  const std::string original = read(toml());
  const int line = toml_lines() + 1;
  append("назва = 1\n");
  std::string e = load_error();
  EXPECT_HAS(e, toml().string() + ":" + std::to_string(line) + ":1:");
  EXPECT_HAS(e, "U+043D is outside quotes");

  write(toml(), original + "note = \"\"\"\\\n\xC2\xA7\"\"\"\n");
  e = load_error();
  EXPECT_HAS(e, toml().string() + ":" + std::to_string(line + 1) + ":1:");
  EXPECT_HAS(e, "U+00A7");
}

TEST_F(BrokenAssets, UnknownRegionInALinkNamesTheField) {
  const std::string text = read(toml());
  std::size_t n = 0;
  for (auto p = text.find("[[links]]"); p != std::string::npos; p = text.find("[[links]]", p + 1))
    ++n;
  const int line = toml_lines() + 3;
  append("[[links]]\nfrom = \"lviv\"\nto = \"atlantis\"\nmodes = [\"road\"]\n");
  const std::string e = load_error();
  EXPECT_HAS(e, toml().string());
  EXPECT_HAS(e, "links[" + std::to_string(n) + "].to");
  EXPECT_HAS(e, ":" + std::to_string(line) + ":");
  EXPECT_HAS(e, "atlantis");
}

TEST_F(BrokenAssets, DuplicateIdIsRefused) {
  append(
      "[[staging]]\nid = \"lviv\"\nname = \"Lviv again\"\ncountry = \"PL\"\n"
      "parent = \"poland\"\nlon = 22.0\nlat = 50.0\n");
  const std::string e = load_error();
  EXPECT_HAS(e, toml().string());
  EXPECT_HAS(e, "staging[4]");
  EXPECT_HAS(e, "duplicate id 'lviv'");
}

TEST_F(BrokenAssets, NegativeLengthIsRefused) {
  append(
      "[[links]]\nfrom = \"rzeszow\"\nto = \"suceava\"\nmodes = [\"road\"]\n"
      "length_km = -5\n");
  const std::string e = load_error();
  EXPECT_HAS(e, ".length_km");
  EXPECT_HAS(e, "positive length");
}

TEST_F(BrokenAssets, DuplicateLinkIsRefused) {
  append("[[links]]\nfrom = \"lviv\"\nto = \"ternopil\"\nmodes = [\"road\"]\n");
  EXPECT_HAS(load_error(), "duplicate link lviv - ternopil");
}

TEST_F(BrokenAssets, MisspeltKeyIsRefused) {
  append("[[links]]\nfrom = \"rzeszow\"\nto = \"suceava\"\nmodes = [\"road\"]\nlenght_km = 5\n");
  const std::string e = load_error();
  EXPECT_HAS(e, "lenght_km");
  EXPECT_HAS(e, "unknown key");
}

TEST_F(BrokenAssets, SectorLabelOutsideItsParentIsRefused) {
  std::string text = read(toml());
  const std::string from = "label = [37.15, 49.75]";
  ASSERT_NE(text.find(from), std::string::npos);
  text.replace(text.find(from), from.size(), "label = [24.0, 49.8]");  // Lviv, not Kharkiv
  write(toml(), text);
  const std::string e = load_error();
  EXPECT_HAS(e, "sectors[0].label");
  EXPECT_HAS(e, "kharkiv");
}

TEST_F(BrokenAssets, RailLineBetweenStrangersIsRefused) {
  append("[[rail_lines]]\nname = \"Lviv - Kharkiv direct\"\nvia = [\"lviv\", \"kharkiv\"]\n");
  const std::string e = load_error();
  EXPECT_HAS(e, "rail_lines[");
  EXPECT_HAS(e, "].via[1]");
  EXPECT_HAS(e, "no link between 'lviv' and 'kharkiv'");
}

TEST_F(BrokenAssets, MissingTomlNamesTheFile) {
  fs::remove(toml());
  const std::string e = load_error();
  EXPECT_HAS(e, toml().string());
  EXPECT_HAS(e, "cannot open");
}

TEST_F(BrokenAssets, MalformedGeoJsonNamesFileAndLine) {
  const fs::path geo = dir_ / "geo" / "ukraine_admin1.geojson";
  const std::string text = read(geo);
  write(geo, text.substr(0, text.size() / 2));
  const std::string e = load_error();
  EXPECT_HAS(e, geo.string());
  EXPECT_HAS(e, "malformed JSON");
  EXPECT_HAS(e, "line");
}

// Found by fuzz/theatre_geojson.cpp: nlohmann throws out_of_range, not parse_error, for a
// number beyond a double, and it escaped the loader (rfsim exited 1, not 2).
TEST_F(BrokenAssets, NumberBeyondADoubleNamesItsPlace) {
  const fs::path geo = dir_ / "geo" / "neighbours_admin0.geojson";
  write(geo, "{\"type\": \"FeatureCollection\",\n \"features\": [1e999]}\n");
  const std::string e = load_error();
  EXPECT_HAS(e, geo.string() + ":2:15: malformed JSON: number overflow parsing '1e999'");
}

// Found by reading after fuzzing: nlohmann's value("type", "") throws json::type_error when
// the geometry's type is not a string, and it escaped the loader like the number above.
TEST_F(BrokenAssets, GeometryTypeThatIsNotAStringIsRefused) {
  const fs::path geo = dir_ / "geo" / "neighbours_admin0.geojson";
  std::string text = read(geo);
  const auto at = text.find("\"type\":\"Polygon\"");
  ASSERT_NE(at, std::string::npos);
  write(geo, text.replace(at, std::string("\"type\":\"Polygon\"").size(), "\"type\":5"));
  const std::string e = load_error();
  EXPECT_HAS(e, geo.string() + ":features[");
  EXPECT_HAS(e, "].geometry.type: '5': expected Polygon or MultiPolygon");
}

TEST_F(BrokenAssets, UnknownIdInAdjacencyCsvNamesTheLine) {
  const fs::path csv = dir_ / "geo" / "ukraine_regions_adjacency.csv";
  write(csv, read(csv) + "lviv,atlantis,5.0\n");
  const std::string e = load_error();
  EXPECT_HAS(e, csv.string() + ":56:");
  EXPECT_HAS(e, "atlantis");
}

}  // namespace
}  // namespace rfsim::map
