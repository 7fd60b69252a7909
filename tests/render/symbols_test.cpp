// Unit symbols: every glyph draws something of its own inside its frame.
#include "render/symbols.hpp"

#include <gtest/gtest.h>
#include <SFML/Graphics/RenderTexture.hpp>

#include <vector>

namespace rfsim::render {
namespace {

constexpr Glyph kAll[] = {Glyph::MechInfantry,   Glyph::LightInfantry,  Glyph::QuickReaction,
                          Glyph::MonitoringTeam, Glyph::IsrDrone,       Glyph::FighterSquadron,
                          Glyph::Awacs,          Glyph::AirDefence,     Glyph::RocketArtillery,
                          Glyph::NavalTaskGroup, Glyph::MaritimeDrones, Glyph::Logistics,
                          Glyph::Headquarters};

sf::Image draw_one(Glyph g, Affiliation side) {
  sf::RenderTexture rt;
  EXPECT_TRUE(rt.create(64, 64));
  rt.clear(sf::Color::White);
  Canvas c;
  draw_unit_symbol(c, {32, 28}, g, side, false, 1.5f);
  rt.draw(c.vertices());
  rt.display();
  return rt.getTexture().copyToImage();
}

std::vector<bool> ink(const sf::Image& img) {  // dark pixels: frame lines and the glyph
  std::vector<bool> out;
  for (unsigned y = 0; y < img.getSize().y; ++y) {
    for (unsigned x = 0; x < img.getSize().x; ++x) {
      const sf::Color c = img.getPixel(x, y);
      out.push_back(c.r < 90 && c.g < 90 && c.b < 90);
    }
  }
  return out;
}

TEST(UnitSymbols, EveryGlyphLooksDifferent) {
  for (Affiliation side : {Affiliation::Friendly, Affiliation::Hostile}) {
    std::vector<std::vector<bool>> seen;
    for (Glyph g : kAll) {
      const auto mask = ink(draw_one(g, side));
      for (std::size_t k = 0; k < seen.size(); ++k) {
        std::size_t differ = 0;
        for (std::size_t i = 0; i < mask.size(); ++i) differ += mask[i] != seen[k][i];
        EXPECT_GT(differ, 20u) << "glyph " << static_cast<int>(g) << " looks like glyph " << k;
      }
      seen.push_back(mask);
    }
  }
}

TEST(UnitSymbols, FramesByAffiliation) {
  const sf::Image f = draw_one(Glyph::Logistics, Affiliation::Friendly);
  const sf::Image h = draw_one(Glyph::Logistics, Affiliation::Hostile);
  // Friendly: a rectangle, so its corners are filled blue; hostile: a diamond, not there.
  EXPECT_EQ(f.getPixel(12, 16), affiliation_fill(Affiliation::Friendly));
  EXPECT_EQ(h.getPixel(12, 16), sf::Color::White);
  EXPECT_EQ(h.getPixel(32, 18), affiliation_fill(Affiliation::Hostile));
}

TEST(UnitSymbols, ReturnsTheFrameBounds) {
  Canvas c;
  const sf::FloatRect b =
      draw_unit_symbol(c, {100, 50}, Glyph::MechInfantry, Affiliation::Friendly);
  EXPECT_FLOAT_EQ(b.width, 30);
  EXPECT_FLOAT_EQ(b.height, 20);
  EXPECT_FLOAT_EQ(b.left + b.width / 2, 100);
  EXPECT_FLOAT_EQ(b.top + b.height / 2, 50);
}

}  // namespace
}  // namespace rfsim::render
