// Drawing into a texture that the map then samples: the cached ground and the atlases.
#pragma once

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/System/Vector2.hpp>

namespace rfsim::render::painter {

/// Makes `t` a size.x x size.y texture (texels onto pixels one to one, sampled nearest) and
/// the target of the next draws. False when the GL cannot.
bool begin_drawing(sf::RenderTexture& t, sf::Vector2u size);
/// Ends drawing into `t`, its pixels ready for any GL context to sample. False when the GL
/// cannot.
bool finish(sf::RenderTexture& t);

}  // namespace rfsim::render::painter
