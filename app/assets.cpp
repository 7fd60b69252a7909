// Locating the assets folder.
#include "app/assets.hpp"

#include <cstdlib>
#include <string>
#include <vector>

#include "app/errors.hpp"

namespace rfsim::app {

std::filesystem::path find_assets(const std::filesystem::path& given) {
  namespace fs = std::filesystem;
  std::vector<fs::path> tried;
  auto good = [](const fs::path& p) { return fs::is_regular_file(p / "theatre" / "theatre.toml"); };
  if (!given.empty()) {
    if (good(given)) return given;
    throw InputError("--assets " + given.string() +
                     ": not an rfsim assets folder (expected theatre/theatre.toml inside)");
  }
  if (const char* env = std::getenv("RFSIM_ASSETS"); env != nullptr && *env != '\0') {
    if (good(env)) return env;
    tried.emplace_back(env);
  }
  const fs::path built_from = RFSIM_ASSETS_DIR;
  if (good(built_from)) return built_from;
  tried.push_back(built_from);
  std::string list;
  for (const fs::path& p : tried) list += "\n  " + p.string();
  throw InputError("cannot find rfsim's assets (theatre/theatre.toml); tried:" + list +
                   "\nset RFSIM_ASSETS or pass --assets DIR");
}

std::filesystem::path default_scenario(const std::filesystem::path& assets) {
  return assets / "scenarios" / "partial-ceasefire.toml";
}

}  // namespace rfsim::app
