// Beginning and finishing drawing into a texture.
#include "render/painter/offscreen.hpp"

#include <SFML/Graphics/View.hpp>
#include <SFML/OpenGL.hpp>

namespace rfsim::render::painter {

bool begin_drawing(sf::RenderTexture& t, sf::Vector2u size) {
  if (t.getSize() != size) {
    if (!t.create(size.x, size.y)) return false;
    t.setSmooth(false);
  }
  if (!t.setActive(true)) return false;
  // SFML 2.5 keeps one cache of GL states per target but gives a render texture a framebuffer
  // per context: drawn from a new context, a texture kept its old picture until the cache
  // was reset.
  t.resetGLStates();
  t.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(size.x), static_cast<float>(size.y))));
  return true;
}

bool finish(sf::RenderTexture& t) {
  t.display();
  if (!t.setActive(true)) return false;
  // The texture is sampled from the caller's GL context: llvmpipe defers rendering, so
  // without finishing here the map would show the last picture for a frame.
  glFinish();
  return true;
}

}  // namespace rfsim::render::painter
