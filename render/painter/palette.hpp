// The map's colours: muted and light, so the red of the front and the APP-6 frames carry the
// picture, and dark enough at the edges to survive a washed-out projector.
#pragma once

#include <SFML/Graphics/Color.hpp>

#include <algorithm>
#include <array>

namespace rfsim::render::painter {

// The ground.
inline const sf::Color kOutside(220, 217, 210);  // beyond the map data: land-like, quiet
inline const sf::Color kSea(182, 208, 228);
inline const sf::Color kLand(226, 223, 215);      // neighbouring countries
inline const sf::Color kLandDark(206, 200, 189);  // Russia and Belarus
inline const std::array<sf::Color, 5> kUkraine{{  // oblasts, so neighbours differ subtly
                                                {250, 244, 222},
                                                {244, 238, 210},
                                                {248, 240, 214},
                                                {240, 236, 214},
                                                {246, 242, 226}}};
inline const sf::Color kOblastBorder(150, 143, 128);
inline const sf::Color kStateBorder(58, 58, 58);
inline const sf::Color kForeignBorder(160, 154, 142);
inline const sf::Color kCoast(112, 148, 176);
inline const sf::Color kZoneBorder(120, 155, 185);
inline const sf::Color kHatch(196, 30, 40, 150);  // occupied (2025)

// Lines: the front, links, staging areas.
inline const sf::Color kContact(200, 16, 46);             // the line of contact, and sector names
inline const sf::Color kContactBefore(200, 16, 46, 130);  // where the line stood at the start
inline const sf::Color kBattle(200, 16, 46);              // crossed swords: Red attacks
inline const sf::Color kRoad(120, 120, 120, 170);
inline const sf::Color kRail(50, 50, 50, 200);
inline const sf::Color kSeaLane(36, 96, 168);
inline const sf::Color kStaging(24, 54, 94);

// Names.
inline const sf::Color kRegionText(105, 98, 82);
inline const sf::Color kCityText(70, 64, 52);
inline const sf::Color kCountryText(140, 134, 122);
inline const sf::Color kSeaText(66, 110, 150);
inline const sf::Color kInk(25, 25, 25);
inline const sf::Color kHalo(255, 255, 255, 210);  // round text over busy ground

// What happens: violations and responses.
inline const sf::Color kKinetic(215, 25, 28);
inline const sf::Color kNonKinetic(240, 130, 20);
inline const sf::Color kResponse(30, 90, 190);

// The title bar.
inline const sf::Color kTitleBar(27, 38, 49, 238);

/// `c` with its alpha scaled by `a` (0 to 1): a fading marker, a halo under faded text.
inline sf::Color with_alpha(sf::Color c, float a) {
  c.a = static_cast<sf::Uint8>(std::clamp(a, 0.0f, 1.0f) * static_cast<float>(c.a));
  return c;
}

}  // namespace rfsim::render::painter
