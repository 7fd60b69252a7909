// Red and Ukraine on the map: sides picked from the nations, lost units left out, the line of
// contact moved by the ground each sector has changed hands, Red's step beside it, and a
// rendered frame with hostile diamonds where Russia's formations stand.
#include <gtest/gtest.h>
#include <SFML/Graphics/RenderTexture.hpp>

#include <algorithm>
#include <cmath>

#include "render/front_line.hpp"
#include "render/map_painter.hpp"
#include "render/scene_of_run.hpp"
#include "render/symbols.hpp"
#include "render_fixture.hpp"
#include "sim/scenario_loader.hpp"
#include "sim/simulation.hpp"

namespace rfsim::render {
namespace {

using namespace rfsim::render::testing;

sim::Side side_of(const sim::Simulation& run, std::uint32_t u) {
  const sim::Scenario& sc = run.scenario();
  return sc.nations[sc.units[run.world().units[u].spec].nation].side;
}

const UnitMarker* marker_of(const Scene& s, std::uint32_t id) {
  for (const UnitMarker& m : s.units) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

TEST(RedScene, RussianUnitsAreHostileUkrainianAndCoalitionFriendly) {
  const sim::Simulation run(no_ceasefire(), theatre());
  const Scene s = scene_of_run(run);
  int hostile = 0, ukraine = 0, coalition = 0;
  for (const UnitMarker& m : s.units) {
    const sim::Side side = side_of(run, m.id);
    EXPECT_EQ(m.side, side == sim::Side::Russia ? Affiliation::Hostile : Affiliation::Friendly)
        << m.label;
    hostile += side == sim::Side::Russia;
    ukraine += side == sim::Side::Ukraine;
    coalition += side == sim::Side::Coalition;
    if (side == sim::Side::Russia) {
      EXPECT_EQ(m.label, "RU");  // at full strength: the code
    }
  }
  EXPECT_GT(hostile, 0);
  EXPECT_GT(ukraine, 0);
  EXPECT_GT(coalition, 0);
}

TEST(RedScene, RussianFormationStandsAcrossTheLineFromItsSector) {
  // The sector's label is on the side Ukraine holds (west of the line); a Russian formation
  // there is drawn east of it, a Ukrainian brigade at the label.
  const sim::Simulation run(no_ceasefire(), theatre());
  const Scene s = scene_of_run(run);
  const map::RegionId pokrovsk = theatre().require("sector_pokrovsk");
  const map::LonLat label = theatre().region(pokrovsk).label;
  int seen = 0;
  for (std::uint32_t u = 0; u < run.world().units.size(); ++u) {
    if (run.world().units[u].at != pokrovsk) continue;
    const UnitMarker* m = marker_of(s, u);
    ASSERT_NE(m, nullptr);
    if (side_of(run, u) == sim::Side::Russia) {
      EXPECT_GT(m->where.lon, label.lon + 0.1);
      ++seen;
    } else {
      EXPECT_EQ(m->where.lon, label.lon);
    }
  }
  EXPECT_GT(seen, 0);
}

TEST(RedScene, LostUnitIsLeftOutAndWeakenedOneSaysItsStrength) {
  sim::Simulation run(no_ceasefire(), theatre());
  std::uint32_t ua = sim::kNone, ru = sim::kNone;
  for (std::uint32_t u = 0; u < run.world().units.size(); ++u) {
    if (side_of(run, u) == sim::Side::Ukraine && ua == sim::kNone) ua = u;
    if (side_of(run, u) == sim::Side::Russia && ru == sim::kNone) ru = u;
  }
  ASSERT_NE(ua, sim::kNone);
  ASSERT_NE(ru, sim::kNone);
  sim::World w = run.world();
  w.units[ua].state = sim::UnitState::Lost;
  w.units[ua].strength = 0.2 * w.units[ua].strength;
  w.units[ru].strength = 0.62 * w.units[ru].strength;
  run.restore(w, run.streams().positions());
  const Scene s = scene_of_run(run);
  EXPECT_EQ(marker_of(s, ua), nullptr) << "a lost unit is drawn as if it still stood";
  const UnitMarker* weak = marker_of(s, ru);
  ASSERT_NE(weak, nullptr);
  EXPECT_EQ(weak->label, "RU 60%");  // to the nearest 5%
  EXPECT_EQ(weak->side, Affiliation::Hostile);
}

TEST(RedScene, EachSectorHasItsStepColourAndTheLegendEveryStep) {
  const sim::Simulation run(no_ceasefire(), theatre());
  const Scene s = scene_of_run(run);
  ASSERT_EQ(s.sectors.size(), run.world().sectors.size());
  for (std::size_t i = 0; i < s.sectors.size(); ++i) {
    EXPECT_EQ(s.sectors[i].colour, red_step_colour(run.world().sectors[i].step));
  }
  for (std::size_t k = 0; k < sim::kRedStepCount; ++k) {
    const Rgba c = red_step_colour(static_cast<sim::RedStep>(k));
    EXPECT_EQ(std::count_if(s.legend.begin(), s.legend.end(),
                            [&](const LegendEntry& e) { return e.colour == c; }),
              1)
        << "step " << k;
  }
}

// The ground distance from p to the nearest point of a polyline, km.
double distance_to_line(map::LonLat p, const std::vector<map::LonLat>& line) {
  const map::Projection proj;
  const map::PlanePoint q = proj.project(p);
  double best = 1e18;
  for (std::size_t i = 1; i < line.size(); ++i) {
    const map::PlanePoint a = proj.project(line[i - 1]), b = proj.project(line[i]);
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t = std::clamp(((q.x - a.x) * dx + (q.y - a.y) * dy) / len2, 0.0, 1.0);
    best = std::min(best, std::hypot(q.x - a.x - t * dx, q.y - a.y - t * dy));
  }
  return best;
}

TEST(FrontLine, DepthIsTheGroundGainedOverTheFrontage) {
  EXPECT_DOUBLE_EQ(advance_depth_km(300, 60), 5);
  EXPECT_DOUBLE_EQ(advance_depth_km(-30, 60), -0.5);
  EXPECT_DOUBLE_EQ(advance_depth_km(300, 0), 0);
}

TEST(FrontLine, ASectorThatGainedGroundMovesItsStretchByTheDepthAndNoOtherDoes) {
  // The theatre's sectors, Pokrovsk having lost 300 km2 to Red: its stretch moves west by
  // 300 km2 over its length; the others' points stay where they are (bar the two junctions,
  // which move half as far so the line stays joined).
  std::vector<FrontStretch> st;
  std::size_t pokrovsk = 0;
  for (const map::Region& r : theatre().regions()) {
    if (r.kind != map::RegionKind::ContactSector) continue;
    if (r.id == "sector_pokrovsk") pokrovsk = st.size();
    st.push_back({r.line, 0.0});
  }
  ASSERT_GE(st.size(), 3u);
  ASSERT_GE(st[pokrovsk].line.size(), 3u) << "an interior point is needed";
  const double depth = advance_depth_km(300, line_length_km(st[pokrovsk].line));
  st[pokrovsk].depth_km = depth;
  ASSERT_GT(depth, 1);
  const auto moved = moved_front(st);
  ASSERT_EQ(moved.size(), st.size());
  for (std::size_t s = 0; s < st.size(); ++s) {
    ASSERT_EQ(moved[s].size(), st[s].line.size());
    for (std::size_t i = 0; i < st[s].line.size(); ++i) {
      const bool junction =
          (s == pokrovsk - 1 && i + 1 == st[s].line.size()) || (s == pokrovsk + 1 && i == 0);
      const double d = map::distance_km(moved[s][i], st[s].line[i]);
      if (s == pokrovsk) {
        const bool end = i == 0 || i + 1 == st[s].line.size();
        // The ends are junctions at half the depth; the interior at the depth from the old
        // line. A corner moves along its bisector, so that both of its segments move by the
        // depth (a mitre): the point goes further, and on the outside of a bend it is further
        // than the depth from the old corner too. The plane is true to ~2% here.
        if (end) {
          EXPECT_GE(d, 0.97 * depth / 2) << "point " << i;
          EXPECT_LE(d, 1.03 * depth) << "point " << i;
        } else {
          EXPECT_GE(d, 0.97 * depth) << "point " << i;
          EXPECT_LE(d, 2.06 * depth) << "point " << i;
          const double off = distance_to_line(moved[s][i], st[s].line);
          EXPECT_GE(off, 0.97 * depth) << "point " << i;
          EXPECT_LE(off, d + 1e-6) << "point " << i;
        }
        // Toward the side Ukraine holds: west of this north-south stretch.
        if (!end) {
          EXPECT_LT(moved[s][i].lon, st[s].line[i].lon) << "point " << i;
        }
      } else if (junction) {
        EXPECT_GE(d, 0.97 * depth / 2);
        EXPECT_LE(d, 1.03 * depth);
      } else {
        EXPECT_EQ(d, 0) << "sector " << s << " point " << i << " moved";
      }
    }
  }
  // Nothing gained anywhere: the line is the theatre's, point for point.
  for (FrontStretch& x : st) x.depth_km = 0;
  const auto still = moved_front(st);
  for (std::size_t s = 0; s < st.size(); ++s) {
    for (std::size_t i = 0; i < st[s].line.size(); ++i) {
      EXPECT_EQ(still[s][i].lon, st[s].line[i].lon);
      EXPECT_EQ(still[s][i].lat, st[s].line[i].lat);
    }
  }
}

TEST(FrontLine, SceneOfRunMovesTheLineFromTheState) {
  sim::Simulation run(no_ceasefire(), theatre());
  sim::World w = run.world();
  ASSERT_GE(w.sectors.size(), 2u);
  w.sectors[1].gained_km2 = 400;
  run.restore(w, run.streams().positions());
  const Scene s = scene_of_run(run);
  const double depth = sector_depth_km(run, 1);
  EXPECT_NEAR(depth, 400 / line_length_km(theatre().region(w.sectors[1].region).line), 1e-9);
  const auto& line = s.sectors[1].line;
  ASSERT_GE(line.size(), 3u);
  const double off = distance_to_line(line[1], s.sectors[1].original);
  EXPECT_GE(off, 0.97 * depth);
  EXPECT_LE(off, 2.06 * depth);
  for (std::size_t i = 0; i < s.sectors[3].line.size(); ++i) {
    EXPECT_EQ(map::distance_km(s.sectors[3].line[i], s.sectors[3].original[i]), 0);
  }
}

TEST(RedScene, RenderedFrameHasHostileDiamondsWhereRussianUnitsStand) {
  const sim::Simulation run(no_ceasefire(), theatre());
  const Scene s = scene_of_run(run);
  sf::RenderTexture tex;
  ASSERT_TRUE(tex.create(kWidth, kHeight));
  MapPainter painter(theatre());
  const Camera cam = snapshot_camera(theatre(), kWidth, kHeight);
  tex.clear();
  painter.draw(tex, cam, s);
  tex.display();
  const sf::Image img = tex.getTexture().copyToImage();
  const sf::Color hostile = affiliation_fill(Affiliation::Hostile);
  int russian = 0, friendly = 0;
  for (const MapPainter::DrawnUnit& d : painter.drawn_units()) {
    if (d.centre.x < 20 || d.centre.y < 50 || d.centre.x > kWidth - 20 ||
        d.centre.y > kHeight - 20) {
      continue;
    }
    const int n = count_near(img, d.centre, 8, 6, hostile, 12);
    if (side_of(run, d.id) == sim::Side::Russia) {
      EXPECT_GT(n, 40) << "unit " << d.id << " at " << d.centre.x << "," << d.centre.y;
      ++russian;
    } else {
      EXPECT_EQ(n, 0) << "unit " << d.id << " drawn hostile";
      ++friendly;
    }
  }
  EXPECT_GT(russian, 5);
  EXPECT_GT(friendly, 5);
}

}  // namespace
}  // namespace rfsim::render
