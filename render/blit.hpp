// Copies a texture onto a render target by glBlitFramebuffer, a plain copy, where drawing it
// as a textured quad costs a software GL (llvmpipe) some 10 ms per 1600 x 1000 pixels.
#pragma once

#include <SFML/Graphics/Rect.hpp>

namespace sf {
class RenderTarget;
class Texture;
}  // namespace sf

namespace rfsim::render {

/// Copies all of `texture` (an sf::RenderTexture's, so stored bottom-up as GL renders) onto
/// `to`, a rectangle of `target` in pixels from its top-left corner, stretched (nearest
/// texel) if the sizes differ; what falls outside the target is clipped. It replaces what is
/// there (no blending: for opaque pictures it equals drawing an sf::Sprite). Returns false,
/// having drawn nothing, when the GL has no framebuffer blit; the caller then draws a sprite.
///   if (!blit(window, cache.getTexture(), {0, 0, 800, 600})) window.draw(sf::Sprite(...));
bool blit(sf::RenderTarget& target, const sf::Texture& texture, const sf::IntRect& to);

/// Copies the texels of `from` into `to` (two textures of one size, as render textures store
/// them) moved by `shift` pixels (x right, y down); the rows and columns that nothing moves
/// into keep what `to` had. A plain memory copy (glCopyImageSubData), not a draw. Needs a
/// current GL context; returns false, having copied nothing, when the GL lacks the call.
bool copy_shifted(const sf::Texture& from, const sf::Texture& to, sf::Vector2i shift);

}  // namespace rfsim::render
