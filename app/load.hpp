// Loading what every command starts from: the theatre and a scenario, with the command
// line's overrides, turning parse errors of options into InputError.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "map/theatre.hpp"
#include "sim/scenario.hpp"
#include "sim/time.hpp"

namespace rfsim::app {

struct Loaded {
  std::filesystem::path assets;
  map::Theatre theatre;
  sim::Scenario scenario;
};

/// The theatre from the assets folder (`--assets`, or found by find_assets() when empty); a
/// broken theatre is an InputError naming the file.
map::Theatre load_theatre(const std::filesystem::path& assets);

/// The theatre from the assets, and the scenario (the default one when `scenario` is empty),
/// with the seed overridden when given.
Loaded load_inputs(const std::filesystem::path& assets, const std::filesystem::path& scenario,
                   std::optional<std::uint64_t> seed);

/// Parses a duration option ("--until"), naming the option in the error.
sim::Duration duration_option(const std::string& option, const std::string& text);

/// An image or window size given as WIDTHxHEIGHT, at least min_width x min_height and at most
/// 8192x8192; throws InputError naming "--size" and the accepted range.
struct PixelSize {
  unsigned width = 0;
  unsigned height = 0;
};
PixelSize size_option(const std::string& text, unsigned min_width, unsigned min_height);

}  // namespace rfsim::app
