// The atlases the map's units are drawn from: every kind of unit symbol (glyph, side,
// selected; a big stack's deck per side) and every distinct unit label, each rasterised once,
// so that a symbol or label on the map is one textured quad. Drawn as shapes, a few hundred
// symbols were ~40,000 vertices, and llvmpipe's cost goes by the triangle (stress-5000's 300
// symbols: ~6 ms of shapes, ~1.5 ms of quads); text was two draw calls a label.
#pragma once

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include <string>
#include <unordered_map>
#include <vector>

#include "render/painter/map_text.hpp"
#include "render/scene.hpp"
#include "render/symbols.hpp"

namespace rfsim::render::painter {

/// Unit symbols, a grid of cells: per glyph, side and selection, then a deck per side. The
/// sides are Affiliation's (friendly, hostile, neutral): a side's frame is draw_unit_symbol's.
class SymbolAtlas {
 public:
  struct Sprite {
    sf::FloatRect frame;  // the frame's bounds from the symbol's centre (draw_*_symbol's result)
    sf::IntRect rect;     // its pixels in the atlas
    sf::Vector2f offset;  // the rect's corner from the symbol's centre
  };
  static int cell_of(Glyph g, Affiliation side, bool selected);
  static int deck_of(Affiliation side);

  bool ensure();  // rasterises the atlas the first time; false when the GL cannot
  const Sprite& sprite(int cell) const { return sprites_[static_cast<std::size_t>(cell)]; }
  const sf::Texture& texture() const { return tex_.getTexture(); }

 private:
  sf::RenderTexture tex_;
  bool tried_ = false, ok_ = false;
  std::vector<Sprite> sprites_;  // per cell
};

/// Unit labels (nation codes in bold with a halo), each distinct one rasterised once.
class LabelAtlas {
 public:
  struct Sprite {
    sf::FloatRect local;  // the text's local bounds, to place it as left_at() does
    sf::IntRect rect;     // its pixels in the atlas
    sf::Vector2i offset;  // the rect's corner from the text's position
  };
  /// Holds every label of the scene's units, adding new ones; false when it cannot (the GL,
  /// or more than 1,024 distinct labels: they are then drawn as text).
  bool ensure(const Scene& scene, const MapText& mt);
  const Sprite& sprite(const std::string& label) const { return sprites_.at(label); }
  const sf::Texture& texture() const { return tex_.getTexture(); }

 private:
  sf::RenderTexture tex_;
  std::unordered_map<std::string, Sprite> sprites_;
  bool ok_ = false;
};

/// Two triangles showing `rect` of a texture with its top-left corner at `tl`.
void append_sprite(sf::VertexArray& out, sf::Vector2f tl, sf::IntRect rect);

}  // namespace rfsim::render::painter
