// Window screenshots: capture through a texture, and an atomic PNG write.
#include "render/gui/screenshot.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Graphics/Texture.hpp>

#include <stdexcept>
#include <string>

namespace rfsim::render::gui {

sf::Image capture(const sf::RenderWindow& window) {
  sf::Texture tex;
  const sf::Vector2u size = window.getSize();
  if (!tex.create(size.x, size.y)) throw std::runtime_error("screenshot: cannot make a texture");
  tex.update(window);
  return tex.copyToImage();
}

void write_png_atomic(const sf::Image& image, const std::filesystem::path& out) {
  const std::filesystem::path folder = out.has_parent_path() ? out.parent_path() : ".";
  if (!std::filesystem::is_directory(folder)) {
    throw std::runtime_error("screenshot: the folder " + folder.string() + " does not exist");
  }
  // sf::Image picks the format by the extension, so the temporary name ends in .png too.
  const std::filesystem::path tmp = out.string() + ".tmp-" + std::to_string(::getpid()) + ".png";
  if (!image.saveToFile(tmp.string())) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    throw std::runtime_error("screenshot: cannot write " + tmp.string());
  }
  if (const int fd = ::open(tmp.c_str(), O_RDONLY); fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  std::error_code ec;
  std::filesystem::rename(tmp, out, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw std::runtime_error("screenshot: cannot write " + out.string() + ": " + ec.message());
  }
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
