// The map view's kept picture: one texture the map area's size, redrawn when its key changes.
#include "render/gui/map_cache.hpp"

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Sprite.hpp>
#include <SFML/Graphics/View.hpp>
#include <SFML/OpenGL.hpp>

#include <utility>

#include "render/blit.hpp"
#include "render/painter/offscreen.hpp"

namespace rfsim::render::gui {

bool MapCache::holds(const MapKey& key) const {
  return kept_ && key_ == key;
}

bool MapCache::redraw(MapKey&& key,
                      const std::function<void(sf::RenderTarget&, const MapKey&)>& paint) {
  kept_ = false;
  painted_ = false;
  if (key.size.x == 0 || key.size.y == 0 || !painter::begin_drawing(texture_, key.size)) {
    return false;
  }
  // The window's frame may be drawing under a scissor (frame_cache.hpp) and a render texture
  // may share its GL context: the whole picture is kept, so no scissor while it is painted.
  const bool scissored = glIsEnabled(GL_SCISSOR_TEST) == GL_TRUE;
  if (scissored) glDisable(GL_SCISSOR_TEST);
  // The ground covers the whole area opaquely; cleared first all the same, so that no
  // earlier picture can show through a gap.
  texture_.clear(sf::Color::Black);
  paint(texture_, key);
  // Finished here, in the texture's GL context: llvmpipe defers rendering, and the window's
  // context would otherwise copy the last picture.
  const bool finished = painter::finish(texture_);
  if (scissored && texture_.setActive(true)) glEnable(GL_SCISSOR_TEST);
  if (!finished) return false;
  key_ = std::move(key);
  kept_ = painted_ = true;
  return true;
}

bool MapCache::show(sf::RenderTarget& window, sf::Vector2i corner) {
  if (!painted_) return false;
  const sf::Texture& t = texture_.getTexture();
  // A framebuffer blit: a textured quad of the whole map costs llvmpipe some 10 ms, the blit
  // well under one.
  if (blit(
          window, t,
          {corner.x, corner.y, static_cast<int>(t.getSize().x), static_cast<int>(t.getSize().y)})) {
    return true;
  }
  const sf::View saved = window.getView();
  const sf::Vector2u win = window.getSize();
  window.setView(
      sf::View(sf::FloatRect(0, 0, static_cast<float>(win.x), static_cast<float>(win.y))));
  sf::Sprite sprite(t);
  sprite.setPosition(static_cast<float>(corner.x), static_cast<float>(corner.y));
  window.draw(sprite, sf::BlendNone);
  window.setView(saved);
  return true;
}

}  // namespace rfsim::render::gui
