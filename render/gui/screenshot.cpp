// Window screenshots: capture through a texture, and an atomic PNG write (io::write_atomically).
#include "render/gui/screenshot.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Graphics/Texture.hpp>

#include <stdexcept>
#include <string>

#include "io/atomic_file.hpp"

namespace rfsim::render::gui {

sf::Image capture(const sf::RenderWindow& window) {
  sf::Texture tex;
  const sf::Vector2u size = window.getSize();
  if (!tex.create(size.x, size.y)) throw std::runtime_error("screenshot: cannot make a texture");
  tex.update(window);
  return tex.copyToImage();
}

void write_png_atomic(const sf::Image& image, const std::filesystem::path& out) {
  io::write_atomically(out, [&](const std::filesystem::path& tmp) {
    if (!image.saveToFile(tmp.string())) {
      throw std::runtime_error("screenshot: cannot write " + out.string());
    }
  });
}

std::filesystem::path screenshot_name(const std::filesystem::path& dir, const std::string& clock) {
  std::string stem = "rfsim-" + clock;
  for (char& c : stem) {
    if (c == ' ' || c == ':') c = '-';
  }
  std::filesystem::path p = dir / (stem + ".png");
  for (int n = 2; std::filesystem::exists(p); ++n)
    p = dir / (stem + "-" + std::to_string(n) + ".png");
  return p;
}

}  // namespace rfsim::render::gui
