// NATO APP-6-style unit symbols drawn from shapes: the affiliation frame and the type glyph.
#pragma once

#include <SFML/Graphics/Rect.hpp>

#include "render/canvas.hpp"
#include "render/scene.hpp"

namespace rfsim::render {

/// The frame's fill: APP-6 light colours (friend crystal blue, hostile salmon, neutral green).
sf::Color affiliation_fill(Affiliation side);

/// Draws one unit symbol centred on `centre` (pixels) and returns the frame's bounds.
/// `size` scales the whole symbol (1 = a 30 x 20 px friendly frame).
///   Canvas c;  draw_unit_symbol(c, {400, 300}, Glyph::MechInfantry, Affiliation::Friendly);
sf::FloatRect draw_unit_symbol(Canvas& canvas, sf::Vector2f centre, Glyph glyph, Affiliation side,
                               bool selected = false, float size = 1);

/// Draws the marker of units a stack does not show one by one: a small deck of three offset
/// frames in the side's colour, no glyph, the size of one frame. Returns the deck's bounds
/// (its count goes beside it, where a unit's label would).
///   Canvas c;  draw_deck_symbol(c, {400, 300}, Affiliation::Friendly);
sf::FloatRect draw_deck_symbol(Canvas& canvas, sf::Vector2f centre, Affiliation side,
                               float size = 1);

}  // namespace rfsim::render
