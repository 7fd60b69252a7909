// Where rfsim finds its assets (theatre, scenarios, fonts) and its default scenario.
#pragma once

#include <filesystem>

namespace rfsim::app {

/// The assets folder: --assets if given, else $RFSIM_ASSETS, else the source tree's assets/
/// that this binary was built from. Throws InputError naming every place tried.
std::filesystem::path find_assets(const std::filesystem::path& given);

/// The scenario used when none is named: assets/scenarios/partial-ceasefire.toml.
std::filesystem::path default_scenario(const std::filesystem::path& assets);

}  // namespace rfsim::app
