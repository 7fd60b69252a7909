// `rfsim snapshot`: runs a scenario to a moment and renders the map offscreen to PNG.
#include <cstdio>
#include <iostream>

#include "app/headless.hpp"
#include "app/commands.hpp"
#include "app/errors.hpp"
#include "app/load.hpp"
#include "render/scene_of_run.hpp"
#include "render/snapshot.hpp"

namespace rfsim::app {

int snapshot_command(const Common& common, const SnapshotOptions& opts) {
  const auto [width, height] = size_option(opts.size, 200, 150);
  Loaded in = load_inputs(common.assets, opts.scenario, opts.seed);
  const sim::Duration at = duration_option("--at", opts.at);
  if (at > in.scenario.length) {
    throw InputError("--at " + opts.at + ": after the scenario's end (" +
                     sim::format_duration(in.scenario.length) + ")");
  }
  sim::Simulation run(std::move(in.scenario), in.theatre);
  play_headless(run, sim::SimTime::at(at));  // "ask" scenarios: doctrine answers
  const std::filesystem::path folder =
      opts.out.has_parent_path() ? opts.out.parent_path() : std::filesystem::path(".");
  if (!std::filesystem::is_directory(folder)) {
    throw InputError("--out " + opts.out.string() + ": the folder " + folder.string() +
                     " does not exist");
  }
  render::write_png(run.theatre(), render::scene_of_run(run), opts.out, width, height);
  std::cout << "wrote " << opts.out.string() << " (" << width << "x" << height << ", "
            << sim::format_clock(run.now()) << ")\n";
  return 0;
}

}  // namespace rfsim::app
