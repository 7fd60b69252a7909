// The map's fonts and text placement.
#include "render/painter/map_text.hpp"

#include <cmath>
#include <stdexcept>

#include "render/fonts.hpp"
#include "render/painter/palette.hpp"

namespace rfsim::render::painter {

MapText::MapText() {
  if (!regular_.loadFromFile(find_font(FontFace::Regular).string()) ||
      !bold_.loadFromFile(find_font(FontFace::Bold).string())) {
    throw std::runtime_error("cannot read the DejaVu fonts at " +
                             find_font(FontFace::Regular).parent_path().string());
  }
}

sf::Text MapText::text(const std::string& s, unsigned size, sf::Color fill, bool heavy,
                       float halo) const {
  sf::Text t(sf::String::fromUtf8(s.begin(), s.end()), heavy ? bold_ : regular_, size);
  t.setFillColor(fill);
  if (halo > 0) {
    t.setOutlineColor(with_alpha(kHalo, fill.a / 255.0f));
    t.setOutlineThickness(halo);
  }
  return t;
}

void centre_on(sf::Text& t, float x, float y) {
  const sf::FloatRect b = t.getLocalBounds();
  t.setPosition(std::round(x - b.left - b.width / 2), std::round(y - b.top - b.height / 2));
}

void left_at(sf::Text& t, float x, float y) {
  const sf::FloatRect b = t.getLocalBounds();
  t.setPosition(std::round(x - b.left), std::round(y - b.top - b.height / 2));
}

}  // namespace rfsim::render::painter
