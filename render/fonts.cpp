// Font lookup: a short list of known places, so a missing package is named rather than guessed.
#include "render/fonts.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <system_error>

namespace rfsim::render {

std::filesystem::path find_font(FontFace face) {
  std::vector<std::filesystem::path> dirs;
  if (const char* env = std::getenv("RFSIM_FONT_DIR"); env != nullptr && *env != '\0') {
    dirs.emplace_back(env);
  }
  dirs.insert(dirs.end(), {"/usr/share/fonts/truetype/dejavu",    // Debian, Ubuntu
                           "/usr/share/fonts/dejavu-sans-fonts",  // Fedora
                           "/usr/share/fonts/TTF",                // Arch
                           "/usr/local/share/fonts"});
  return find_font(face, dirs);
}

std::filesystem::path find_font(FontFace face, const std::vector<std::filesystem::path>& dirs) {
  const char* file = face == FontFace::Bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf";
  std::string tried;
  for (const auto& dir : dirs) {
    const auto path = dir / file;
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) return path;
    tried += (tried.empty() ? "" : ", ") + path.string();
  }
  throw std::runtime_error(
      std::string("font ") + file +
      " not found (install fonts-dejavu-core or set RFSIM_FONT_DIR); tried: " + tried);
}

}  // namespace rfsim::render
