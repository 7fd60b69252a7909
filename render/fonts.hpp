// Finding the DejaVu fonts the map is lettered in, with an error that says where we looked.
#pragma once

#include <filesystem>
#include <vector>

namespace rfsim::render {

enum class FontFace { Regular, Bold };

/// The path of DejaVu Sans (or Sans Bold). Looks in $RFSIM_FONT_DIR first, then in the usual
/// Debian, Fedora and Arch places. Throws std::runtime_error listing every path tried.
///   sf::Font f;  f.loadFromFile(find_font().string());
std::filesystem::path find_font(FontFace face = FontFace::Regular);

/// The same, looking only in `dirs`.
std::filesystem::path find_font(FontFace face, const std::vector<std::filesystem::path>& dirs);

}  // namespace rfsim::render
