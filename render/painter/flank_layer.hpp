// The flank states' layer: air-defence coverage rings, units deploying along their routes, and
// the incidents in the flank states with a glyph per kind and a ring for the engagement's end.
#pragma once

#include <SFML/System/Vector2.hpp>

#include "render/canvas.hpp"
#include "render/painter/map_frame.hpp"
#include "render/painter/map_text.hpp"
#include "render/scene.hpp"

namespace rfsim::render::painter {

/// The layer's colours, for the legend and the pixel tests.
inline const sf::Color kCoverageFill(70, 110, 200, 38);
inline const sf::Color kCoverageEdge(40, 80, 170, 200);
inline const sf::Color kFlankInk(110, 30, 150);  // the incidents' glyphs: apart from violations
inline const sf::Color kTransit(20, 120, 110);   // a deployment's route

/// The rings of coverage, under everything that happens.
void draw_air_defence(Canvas& c, const MapFrame& f, const Scene& scene);

/// Each deployment's route as a dotted line from the unit to its destination, its means
/// written at the middle (into `labels`).
void draw_transits(Canvas& c, const MapFrame& f, const Scene& scene, const MapText& mt,
                   std::vector<sf::Text>& labels);

/// Where each flank marker goes: at its place, several at one place set around it. Into
/// f.flank_at (one per Scene::flank), their boxes into f.obstacles and f.taken.
void layout_flank(const Scene& scene, MapFrame& f);

/// One incident's marker about `at`: a white disc, the kind's glyph, the outcome's ring.
void draw_flank_marker(Canvas& c, sf::Vector2f at, FlankKind kind, Engagement outcome, float fade,
                       float scale = 1);

/// Every flank marker where layout_flank() put it.
void draw_flank(Canvas& c, const MapFrame& f, const Scene& scene);

/// "drone", "drone raid", ... as the legend writes them.
const char* flank_kind_words(FlankKind k);

}  // namespace rfsim::render::painter
