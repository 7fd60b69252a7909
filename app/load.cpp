// Loading the theatre and the scenario for a command.
#include "app/load.hpp"

#include <cstdio>

#include "app/assets.hpp"
#include "app/errors.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::app {

namespace {

map::Theatre theatre_in(const std::filesystem::path& found_assets) {
  try {
    return map::Theatre::load(found_assets);
  } catch (const std::runtime_error& e) {
    throw InputError(e.what());
  }
}

}  // namespace

map::Theatre load_theatre(const std::filesystem::path& assets) {
  return theatre_in(find_assets(assets));
}

Loaded load_inputs(const std::filesystem::path& assets_given, const std::filesystem::path& scenario,
                   std::optional<std::uint64_t> seed) {
  const std::filesystem::path assets = find_assets(assets_given);
  map::Theatre theatre = theatre_in(assets);
  const std::filesystem::path file = scenario.empty() ? default_scenario(assets) : scenario;
  sim::Scenario s = sim::load_scenario(file, theatre);
  if (seed) s.seed = *seed;
  return Loaded{assets, std::move(theatre), std::move(s)};
}

sim::Duration duration_option(const std::string& option, const std::string& text) {
  try {
    return sim::parse_duration(text);
  } catch (const std::invalid_argument& e) {
    throw InputError(option + ": " + e.what());
  }
}

PixelSize size_option(const std::string& text, unsigned min_width, unsigned min_height) {
  PixelSize size;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%ux%u%c", &size.width, &size.height, &tail) != 2 ||
      size.width < min_width || size.height < min_height || size.width > 8192 ||
      size.height > 8192) {
    throw InputError("--size " + text + ": expected WIDTHxHEIGHT from " +
                     std::to_string(min_width) + "x" + std::to_string(min_height) +
                     " to 8192x8192, e.g. 1600x1000");
  }
  return size;
}

}  // namespace rfsim::app
