// The framebuffer blit behind render::blit: a read framebuffer made in the target's context
// (framebuffer objects are not shared between GL contexts, textures are), one blit, and the
// bindings SFML expects put back.
#include "render/blit.hpp"

#define GL_GLEXT_PROTOTYPES
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/OpenGL.hpp>
#include <SFML/Window/Context.hpp>

#include <GL/glext.h>

#include <algorithm>
#include <cstdlib>

namespace rfsim::render {

bool blit(sf::RenderTarget& target, const sf::Texture& texture, const sf::IntRect& to) {
  if (!target.setActive(true)) return false;
  // SFML's own contexts are not sf::Context objects, so ask the GL itself (once: every
  // context of a process comes from the same driver).
  static const bool can = [] {
    const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    return (version != nullptr && version[0] >= '3' && version[0] <= '9') ||
           sf::Context::isExtensionAvailable("GL_EXT_framebuffer_blit");
  }();
  if (!can || texture.getNativeHandle() == 0) return false;
  const sf::Vector2u size = texture.getSize();
  const auto w = static_cast<GLint>(size.x), h = static_cast<GLint>(size.y);
  const auto target_h = static_cast<GLint>(target.getSize().y);
  GLint draw_fb = 0, read_fb = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw_fb);
  glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_fb);
  GLuint source = 0;
  glGenFramebuffers(1, &source);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, source);
  glFramebufferTexture2D(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D,
                         texture.getNativeHandle(), 0);
  const bool complete = glCheckFramebufferStatus(GL_READ_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  if (complete) {
    // GL counts rows from the bottom: the picture's top row lands at target row `to.top`.
    const GLint y0 = target_h - to.top - to.height;
    glBlitFramebuffer(0, 0, w, h, to.left, y0, to.left + to.width, y0 + to.height,
                      GL_COLOR_BUFFER_BIT, GL_NEAREST);
  }
  glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(read_fb));
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(draw_fb));
  glDeleteFramebuffers(1, &source);
  return complete;
}

bool copy_shifted(const sf::Texture& from, const sf::Texture& to, sf::Vector2i shift) {
  static const bool can = [] {  // GL 4.3 has it; so does llvmpipe's 4.5
    const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    return (version != nullptr && version[0] >= '5' && version[0] <= '9') ||
           (version != nullptr && version[0] == '4' && version[2] >= '3') ||
           sf::Context::isExtensionAvailable("GL_ARB_copy_image");
  }();
  const sf::Vector2u size = from.getSize();
  if (!can || size != to.getSize() || from.getNativeHandle() == 0 || to.getNativeHandle() == 0) {
    return false;
  }
  const auto w = static_cast<GLint>(size.x), h = static_cast<GLint>(size.y);
  const GLint width = w - std::abs(shift.x), height = h - std::abs(shift.y);
  if (width <= 0 || height <= 0) return true;  // moved wholly out: nothing to copy
  // Texel rows count from the bottom (as GL renders), so a shift down is a shift to lower rows.
  glCopyImageSubData(from.getNativeHandle(), GL_TEXTURE_2D, 0, std::max(0, -shift.x),
                     std::max(0, shift.y), 0, to.getNativeHandle(), GL_TEXTURE_2D, 0,
                     std::max(0, shift.x), std::max(0, -shift.y), 0, width, height, 1);
  return glGetError() == GL_NO_ERROR;
}

}  // namespace rfsim::render
