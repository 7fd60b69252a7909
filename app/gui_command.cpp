// `rfsim gui`: the facilitator's window on a scenario. Without a display it says what to do
// instead and exits 1 (a runtime failure, not bad input).
#include <cstdio>
#include <iostream>

#include "app/commands.hpp"
#include "app/errors.hpp"
#include "app/load.hpp"
#include "render/gui/window.hpp"

namespace rfsim::app {

int gui_command(const Common& common, const GuiCommandOptions& opts) {
  unsigned width = 0, height = 0;
  char tail = 0;
  if (std::sscanf(opts.size.c_str(), "%ux%u%c", &width, &height, &tail) != 2 || width < 640 ||
      height < 480 || width > 8192 || height > 8192) {
    throw InputError("--size " + opts.size +
                     ": expected WIDTHxHEIGHT from 640x480 to 8192x8192, e.g. 1600x1000");
  }
  if (opts.ui_scale != 0 && (opts.ui_scale < 0.5f || opts.ui_scale > 4)) {
    throw InputError("--ui-scale: expected 0.5 to 4 (or 0 for automatic)");
  }
  if (opts.speed < 1 || opts.speed > 10000) throw InputError("--speed: expected 1 to 10000");
  if (opts.input.extension() == ".rfsave") {
    throw InputError(opts.input.string() +
                     ": the window opens scenarios only for now; saves are "
                     "not wired into it yet (see docs/facilitator-guide.md)");
  }
  if (!opts.screenshot_dir.empty() && !std::filesystem::is_directory(opts.screenshot_dir)) {
    throw InputError("--screenshot-dir " + opts.screenshot_dir.string() + ": no such folder");
  }
  if (!opts.script.empty() && !std::filesystem::is_regular_file(opts.script)) {
    throw InputError("--script " + opts.script.string() + ": no such file");
  }
  // Look for the display before loading anything, so the advice comes at once.
  try {
    render::gui::require_display();
  } catch (const render::gui::NoDisplay& e) {
    throw RunError(e.what());
  }
  Loaded in = load_inputs(common.assets, opts.input, opts.seed);
  render::gui::WindowOptions w;
  w.width = width;
  w.height = height;
  w.gui.ui_scale = opts.ui_scale;
  w.gui.speed = opts.speed;
  w.gui.play = opts.play;
  w.screenshot_dir = opts.screenshot_dir.empty() ? "." : opts.screenshot_dir;
  w.script = opts.script;
  return render::gui::run_window(in.theatre, std::move(in.scenario), w);
}

}  // namespace rfsim::app
