// Tests of the open formats' library side: ISO 8601 times, the state's features, the whole
// game's tracks (checked against the model's own positions), GeoJSON and KML text.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "fixture.hpp"
#include "saves/calendar.hpp"
#include "saves/game_tracks.hpp"
#include "saves/geo_document.hpp"
#include "saves/geo_state.hpp"
#include "saves/snapshot.hpp"

namespace rfsim::saves {
namespace {

using ::testing::HasSubstr;
using testing::hours;
using testing::theatre;

std::string parse_error(const std::string& text) {
  try {
    parse_iso8601(text);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(Calendar, ReadsAndWritesIso8601Utc) {
  EXPECT_EQ(parse_iso8601("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_iso8601("2026-01-01T00:00:00Z"), 1767225600000);  // date -u -d 2026-01-01 +%s
  EXPECT_EQ(parse_iso8601("2026-01-01"), 1767225600000);
  EXPECT_EQ(parse_iso8601("2026-01-01T02:30+02:30"), 1767225600000);
  EXPECT_EQ(parse_iso8601("2024-02-29T12:00:00Z") + 86'400'000, parse_iso8601("2024-03-01T12:00Z"));
  EXPECT_EQ(format_iso8601(1767225600000), "2026-01-01T00:00:00Z");
  EXPECT_EQ(format_iso8601(1767225600000 + 86'400'000LL * 59 + 3'723'456),
            "2026-03-01T01:02:03.456Z");
  EXPECT_EQ(format_iso8601(parse_iso8601("1999-12-31T23:59:59Z")), "1999-12-31T23:59:59Z");
}

TEST(Calendar, BadDatesSayWhatWasExpected) {
  EXPECT_THAT(parse_error("2026-02-29"), HasSubstr("no such day in that month"));
  EXPECT_THAT(parse_error("2026-13-01"), HasSubstr("the month is not 01 to 12"));
  EXPECT_THAT(parse_error("2026-01-01T24:00"), HasSubstr("time of day is out of range"));
  EXPECT_THAT(parse_error("26-01-01"), HasSubstr("expected 4 digits for the year"));
  EXPECT_THAT(parse_error("2026-01-01T00:00:00Zjunk"), HasSubstr("unexpected \"junk\""));
  EXPECT_THAT(parse_error("yesterday"), HasSubstr("expected e.g. 2026-01-01T00:00:00Z"));
}

std::size_t count(const GeoDocument& doc, const std::string& layer) {
  return static_cast<std::size_t>(
      std::count_if(doc.features.begin(), doc.features.end(),
                    [&](const GeoFeature& f) { return f.layer == layer; }));
}

const GeoProperty* property(const GeoFeature& f, const std::string& name) {
  for (const GeoProperty& p : f.properties) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

TEST(GeoState, EveryUnitOpenViolationRegionAndCutLink) {
  Recording rec(testing::scenario(3), theatre());
  rec.run_until(hours(30));
  sim::Inject cut;
  cut.kind = sim::InjectKind::CutLink;
  cut.region = theatre().require("kyiv_oblast");
  cut.region_b = theatre().require("zhytomyr");
  rec.command(cut);
  const sim::Simulation& run = rec.run();
  const GeoDocument doc = state_document(run);
  std::size_t open = 0;
  for (const sim::Violation& v : run.world().violations) open += v.serial != 0;
  EXPECT_EQ(count(doc, "units"), run.scenario().units.size());
  EXPECT_EQ(count(doc, "violations"), open);
  EXPECT_GT(open, 0u);
  EXPECT_EQ(count(doc, "regions"), theatre().region_count());
  EXPECT_EQ(count(doc, "line_of_contact"), 1u);
  ASSERT_EQ(count(doc, "cut_links"), 1u);
  const GeoFeature& unit = doc.features.front();
  EXPECT_EQ(unit.name, run.scenario().units[0].id);
  EXPECT_EQ(std::get<std::string>(property(unit, "sidc")->value), sidc_of(run.scenario(), 0));
  EXPECT_EQ(std::get<std::string>(property(unit, "side")->value), "coalition");
  EXPECT_EQ(unit.points.at(0).lon, run.unit_position(0).lon);
  const auto cut_link = std::find_if(doc.features.begin(), doc.features.end(),
                                     [](const GeoFeature& f) { return f.layer == "cut_links"; });
  EXPECT_EQ(cut_link->name, "kyiv_oblast - zhytomyr");
}

TEST(GeoJson, RingsClosedCounterClockwiseCoordinatesRoundedTimesIso) {
  GeoDocument doc;
  doc.title = "t";
  GeoFeature area;
  area.layer = "regions";
  area.shape = GeoShape::Polygon;
  // Clockwise outer ring with a counter-clockwise hole: both must come out the other way.
  area.polygons = {{{{30, 50}, {31, 50}, {31, 49}, {30, 49}},
                    {{{30.2, 49.2}, {30.8, 49.2}, {30.8, 49.8}, {30.2, 49.8}}}}};
  GeoFeature point;
  point.layer = "units";
  point.points = {{30.123456789, 50.000000449}};
  point.time = sim::SimTime::at(sim::Duration::hours(36));
  point.properties = {{"when", sim::SimTime::at(sim::Duration::ms(1500))}, {"none", GeoValue{}}};
  doc.features = {area, point};
  const nlohmann::json j = nlohmann::json::parse(to_geojson(doc, parse_iso8601("2026-01-01")));
  EXPECT_EQ(j["type"], "FeatureCollection");
  const auto& rings = j["features"][0]["geometry"]["coordinates"];
  auto area_of = [](const nlohmann::json& ring) {
    double a = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
      a += ring[i][0].get<double>() * ring[i + 1][1].get<double>() -
           ring[i + 1][0].get<double>() * ring[i][1].get<double>();
    }
    return a;
  };
  ASSERT_EQ(rings.size(), 2u);
  EXPECT_EQ(rings[0].front(), rings[0].back());
  EXPECT_EQ(rings[0].size(), 5u);
  EXPECT_GT(area_of(rings[0]), 0);  // RFC 7946 3.1.6: exterior counter-clockwise
  EXPECT_LT(area_of(rings[1]), 0);  // holes clockwise
  const auto& p = j["features"][1];
  EXPECT_EQ(p["geometry"]["coordinates"][0], 30.123457);
  EXPECT_EQ(p["geometry"]["coordinates"][1], 50.0);
  EXPECT_EQ(p["properties"]["time"], "2026-01-02T12:00:00Z");
  EXPECT_EQ(p["properties"]["when"], "2026-01-01T00:00:01.500Z");
  EXPECT_TRUE(p["properties"]["none"].is_null());
  EXPECT_EQ(p["properties"]["layer"], "units");
}

TEST(Kml, TextIsEscapedAndTracksAreGxTracks) {
  GeoDocument doc;
  doc.title = "A & B <test>";
  doc.layers = {"tracks"};
  GeoFeature f;
  f.layer = "tracks";
  f.name = "\"quoted\" 'unit' \x01";
  f.shape = GeoShape::LineString;
  f.points = {{30, 50}, {31.5, 50.25}};
  f.times = {sim::SimTime::start(), sim::SimTime::at(sim::Duration::hours(1))};
  f.properties = {{"note", std::string("x < y && z")}};
  doc.features = {f};
  const std::string kml = to_kml(doc, 0);
  EXPECT_THAT(kml, HasSubstr("<name>A &amp; B &lt;test&gt;</name>"));
  EXPECT_THAT(kml, HasSubstr("<name>&quot;quoted&quot; &apos;unit&apos; \xEF\xBF\xBD</name>"));
  EXPECT_THAT(kml, HasSubstr("<value>x &lt; y &amp;&amp; z</value>"));
  EXPECT_THAT(kml, HasSubstr("<gx:Track><when>1970-01-01T00:00:00Z</when><when>1970-01-01T01:00:00Z"
                             "</when><gx:coord>30 50 0</gx:coord><gx:coord>31.5 50.25 0</gx:coord>"
                             "</gx:Track>"));
}

// Where the track has the unit at time t: linear between its points, as a GIS plays it.
map::LonLat on_track(const std::vector<TrackPoint>& points, sim::SimTime t) {
  if (t <= points.front().at) return points.front().where;
  for (std::size_t i = 1; i < points.size(); ++i) {
    if (t <= points[i].at) {
      const auto span = static_cast<double>((points[i].at - points[i - 1].at).count_ms());
      const double f =
          span > 0 ? static_cast<double>((t - points[i - 1].at).count_ms()) / span : 1.0;
      const map::LonLat a = points[i - 1].where, b = points[i].where;
      return {a.lon + f * (b.lon - a.lon), a.lat + f * (b.lat - a.lat)};
    }
  }
  return points.back().where;
}

TEST(GameTracks, FollowTheModelsOwnPositionsAtEveryMoment) {
  // A game with moves, returns home and a withdrawal that stops units on the road.
  Recording rec(testing::scenario(11), theatre());
  rec.run_until(hours(20));
  rec.command(testing::provocation(theatre().require("sector_pokrovsk"), 8));
  rec.run_until(hours(31));
  sim::Inject withdraw;
  withdraw.kind = sim::InjectKind::NationWithdraws;
  withdraw.nation = 0;  // UK, whose units are the busiest
  rec.command(withdraw);
  rec.run_until(hours(60));
  const Save save = rec.save();

  const GameTracks tracks = game_tracks(save, theatre(), "game");
  ASSERT_TRUE(tracks.resimulated) << tracks.how;
  ASSERT_EQ(tracks.units.size(), save.end.state.world.units.size());
  std::size_t moved = 0;
  for (const auto& points : tracks.units) {
    ASSERT_FALSE(points.empty());
    EXPECT_EQ(points.front().at, sim::SimTime::start());
    EXPECT_EQ(points.back().at, save.end.at);
    for (std::size_t i = 1; i < points.size(); ++i) EXPECT_LE(points[i - 1].at, points[i].at);
    moved += points.size() > 2;
  }
  EXPECT_GT(moved, 5u);
  // Every 7 minutes, every unit: the track and the model agree to a few metres.
  Recording replay(save, theatre(), "game");
  double worst = 0;
  for (sim::SimTime t = sim::SimTime::start(); t <= save.end.at;
       t = t + sim::Duration::minutes(7)) {
    replay.seek(t);
    for (std::uint32_t u = 0; u < tracks.units.size(); ++u) {
      const map::LonLat want = replay.run().unit_position(u);
      const map::LonLat got = on_track(tracks.units[u], t);
      worst = std::max(worst, map::distance_km(want, got));
    }
  }
  EXPECT_LT(worst, 0.01) << "km between a track and the model";

  // Every violation of the game, detected ones with their detection time.
  EXPECT_EQ(tracks.violations.size(),
            static_cast<std::size_t>(save.end.state.world.measures.violations));
  std::int64_t detected = 0;
  for (const ViolationTrack& v : tracks.violations) detected += v.detected.has_value();
  EXPECT_EQ(detected, save.end.state.world.measures.detected);
}

TEST(GameTracks, FallBackToKeyframesWhenTheModelNoLongerReproducesTheSave) {
  Save save = testing::short_game();
  save.keyframes[3].hash ^= 1;  // as if the model had changed since
  const GameTracks tracks = game_tracks(save, theatre(), "old.rfsave");
  EXPECT_FALSE(tracks.resimulated);
  EXPECT_THAT(tracks.how, HasSubstr("re-simulation left the recording by D+0 18:00:00"));
  EXPECT_THAT(tracks.how, HasSubstr("positions at the recorded keyframes only (every 6h)"));
  // The recorded trace still gives every violation.
  EXPECT_EQ(tracks.violations.size(),
            static_cast<std::size_t>(save.end.state.world.measures.violations));
  const GeoDocument doc = tracks_document(tracks, testing::scenario(7), theatre());
  EXPECT_EQ(count(doc, "violations"), tracks.violations.size());
}

}  // namespace
}  // namespace rfsim::saves
