// Offscreen rendering of the map to an image or a PNG file, for `rfsim snapshot` and tests.
#pragma once

#include <filesystem>

#include "map/theatre.hpp"
#include "render/camera.hpp"
#include "render/scene.hpp"

namespace sf {
class Image;
}

namespace rfsim::render {

/// The camera a snapshot of this size uses: the whole theatre, clear of the title bar.
Camera snapshot_camera(const map::Theatre& theatre, unsigned width, unsigned height);

/// Renders the theatre and scene offscreen. Throws std::runtime_error when there is no
/// display or GL context ("no display: run under xvfb-run"), std::invalid_argument for a
/// size of 0 or beyond what the GL allows.
///   sf::Image img = render_image(theatre, scene, 800, 500);
sf::Image render_image(const map::Theatre& theatre, const Scene& scene, unsigned width = 1600,
                       unsigned height = 1000);

/// Renders and writes a PNG atomically (io::write_atomically), so `out` is either the old file
/// or the whole new one. A missing or unwritable folder is refused before any rendering
/// (io::WriteError); errors name the folder or file.
///   write_png(theatre, scene, "out/d1.png");
void write_png(const map::Theatre& theatre, const Scene& scene, const std::filesystem::path& out,
               unsigned width = 1600, unsigned height = 1000);

}  // namespace rfsim::render
