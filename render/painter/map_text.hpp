// The map's text: its two fonts, the haloed style every name and label shares, and placing
// text on whole pixels so that it stays crisp.
#pragma once

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/Text.hpp>

#include <string>

namespace rfsim::render::painter {

/// The fonts (DejaVu Sans and Sans Bold) and the text made with them.
///   MapText t;  sf::Text name = t.text("Kharkiv", 13, kCityText, true);
class MapText {
 public:
  MapText();  // throws std::runtime_error, naming the folder, if the fonts are missing

  /// UTF-8 `s` at `size` pixels; `heavy` bold; a white halo `halo` pixels wide (0: none),
  /// as transparent as the fill.
  sf::Text text(const std::string& s, unsigned size, sf::Color fill, bool heavy = false,
                float halo = 2) const;

 private:
  sf::Font regular_;
  sf::Font bold_;
};

/// Places text with its visual box centred on (x, y), on whole pixels.
void centre_on(sf::Text& t, float x, float y);
/// Places text with its left edge at x and its visual box's vertical centre at y.
void left_at(sf::Text& t, float x, float y);

}  // namespace rfsim::render::painter
