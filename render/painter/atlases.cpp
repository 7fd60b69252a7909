// Rasterising the symbol and label atlases.
#include "render/painter/atlases.hpp"

#include <algorithm>
#include <cmath>

#include "render/canvas.hpp"
#include "render/painter/offscreen.hpp"
#include "render/painter/palette.hpp"

namespace rfsim::render::painter {

namespace {

// The symbol atlas's grid: a cell per glyph, side and selection, then a deck per side. A cell
// holds a symbol centred on its (whole-pixel) anchor with room for the selection ring and
// the headquarters staff below.
constexpr int kGlyphs = static_cast<int>(Glyph::Headquarters) + 1, kSides = 3;
constexpr int kCellW = 48, kCellH = 64, kCellColumns = 16;
constexpr int kCells = kGlyphs * kSides * 2 + kSides;
const sf::Vector2i kCellAnchor(24, 24);

sf::Vector2i cell_corner(int cell) {
  return {cell % kCellColumns * kCellW, cell / kCellColumns * kCellH};
}

}  // namespace

int SymbolAtlas::cell_of(Glyph g, Affiliation side, bool selected) {
  return (static_cast<int>(g) * kSides + static_cast<int>(side)) * 2 + (selected ? 1 : 0);
}

int SymbolAtlas::deck_of(Affiliation side) {
  return kGlyphs * kSides * 2 + static_cast<int>(side);
}

void append_sprite(sf::VertexArray& out, sf::Vector2f tl, sf::IntRect rect) {
  const sf::Vector2f size(static_cast<float>(rect.width), static_cast<float>(rect.height));
  const sf::Vector2f uv(static_cast<float>(rect.left), static_cast<float>(rect.top));
  const sf::Vertex a(tl, uv), b(tl + sf::Vector2f(size.x, 0), uv + sf::Vector2f(size.x, 0)),
      c(tl + size, uv + size), d(tl + sf::Vector2f(0, size.y), uv + sf::Vector2f(0, size.y));
  for (const sf::Vertex& v : {a, b, c, a, c, d}) out.append(v);
}

bool LabelAtlas::ensure(const Scene& scene, const MapText& mt) {
  std::vector<std::string> wanted;
  for (const UnitMarker& u : scene.units) {
    if (!u.label.empty() && !sprites_.contains(u.label)) wanted.push_back(u.label);
  }
  if (wanted.empty()) return ok_;
  for (const auto& [label, sprite] : sprites_) wanted.push_back(label);
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  sprites_.clear();
  ok_ = false;
  constexpr int kAtlasWidth = 1024, kMaxLabels = 1024, kMargin = 2;
  if (wanted.size() > kMaxLabels) return false;  // labels are not nation codes: draw as text
  // Shelf packing, in sorted order so the atlas is the same for the same labels.
  std::vector<sf::Text> texts;
  int x = 0, y = 0, shelf = 0;
  for (const std::string& label : wanted) {
    sf::Text t = mt.text(label, 13, kInk, true);
    const sf::FloatRect g = t.getGlobalBounds();  // at position (0, 0), outline included
    const int x0 = static_cast<int>(std::floor(g.left)) - kMargin;
    const int y0 = static_cast<int>(std::floor(g.top)) - kMargin;
    const int w = static_cast<int>(std::ceil(g.left + g.width)) + kMargin - x0;
    const int h = static_cast<int>(std::ceil(g.top + g.height)) + kMargin - y0;
    if (w > kAtlasWidth) return false;
    if (x + w > kAtlasWidth) {
      x = 0;
      y += shelf;
      shelf = 0;
    }
    sprites_[label] = {t.getLocalBounds(), {x, y, w, h}, {x0, y0}};
    t.setPosition(static_cast<float>(x - x0), static_cast<float>(y - y0));
    texts.push_back(std::move(t));
    x += w;
    shelf = std::max(shelf, h);
  }
  if (!begin_drawing(tex_, {kAtlasWidth, static_cast<unsigned>(y + shelf)})) return false;
  // Onto transparent black, alpha blending leaves colours premultiplied by coverage; the
  // atlas is drawn with a premultiplied blend, which gives what drawing the text would.
  tex_.clear(sf::Color::Transparent);
  for (const sf::Text& t : texts) tex_.draw(t);
  if (!finish(tex_)) return false;
  ok_ = true;
  return true;
}

bool SymbolAtlas::ensure() {
  if (tried_) return ok_;
  tried_ = true;
  const int rows = (kCells + kCellColumns - 1) / kCellColumns;
  if (!begin_drawing(tex_, {kCellColumns * kCellW, static_cast<unsigned>(rows * kCellH)})) {
    return false;
  }
  tex_.clear(sf::Color::Transparent);
  Canvas c;
  sprites_.assign(kCells, {});
  // Draws one cell's symbol and keeps the box of its pixels (a quad no bigger than needed:
  // under llvmpipe even a transparent texel costs).
  auto cell = [&](int i, const auto& draw_symbol) {
    const sf::Vector2i corner = cell_corner(i);
    const sf::Vector2f anchor(corner + kCellAnchor);
    const std::size_t first = c.vertices().getVertexCount();
    const sf::FloatRect frame = draw_symbol(anchor);
    sf::Vector2f lo(anchor), hi(anchor);
    for (std::size_t v = first; v < c.vertices().getVertexCount(); ++v) {
      const sf::Vector2f q = c.vertices()[v].position;
      lo = {std::min(lo.x, q.x), std::min(lo.y, q.y)};
      hi = {std::max(hi.x, q.x), std::max(hi.y, q.y)};
    }
    const int l = std::max(corner.x, static_cast<int>(std::floor(lo.x)) - 1);
    const int t = std::max(corner.y, static_cast<int>(std::floor(lo.y)) - 1);
    const int r = std::min(corner.x + kCellW, static_cast<int>(std::ceil(hi.x)) + 1);
    const int b = std::min(corner.y + kCellH, static_cast<int>(std::ceil(hi.y)) + 1);
    sprites_[i] = {{frame.left - anchor.x, frame.top - anchor.y, frame.width, frame.height},
                   {l, t, r - l, b - t},
                   {static_cast<float>(l) - anchor.x, static_cast<float>(t) - anchor.y}};
  };
  for (int s = 0; s < kSides; ++s) {
    const auto side = static_cast<Affiliation>(s);
    for (int g = 0; g < kGlyphs; ++g) {
      for (const bool selected : {false, true}) {
        const auto glyph = static_cast<Glyph>(g);
        cell(cell_of(glyph, side, selected),
             [&](sf::Vector2f at) { return draw_unit_symbol(c, at, glyph, side, selected); });
      }
    }
    cell(deck_of(side), [&](sf::Vector2f at) { return draw_deck_symbol(c, at, side); });
  }
  tex_.draw(c.vertices());  // opaque shapes: premultiplied as drawn
  if (!finish(tex_)) return false;
  ok_ = true;
  return true;
}

}  // namespace rfsim::render::painter
