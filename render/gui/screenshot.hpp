// Screenshots of the whole window (map and panels), written atomically as PNG.
#pragma once

#include <filesystem>

namespace sf {
class Image;
class RenderWindow;
}  // namespace sf

namespace rfsim::render::gui {

/// What the window shows now (call after drawing, before display()).
sf::Image capture(const sf::RenderWindow& window);

/// Writes `image` to `out` atomically (io::write_atomically): `out` is the old file or the
/// whole new one. Throws io::WriteError or std::runtime_error naming the file.
void write_png_atomic(const sf::Image& image, const std::filesystem::path& out);

/// A free name in `dir` for a screenshot at a clock reading: "rfsim-D+1-14-05-09.png", then
/// "...-2.png" if that is taken.
std::filesystem::path screenshot_name(const std::filesystem::path& dir, const std::string& clock);

}  // namespace rfsim::render::gui
