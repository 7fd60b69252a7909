// `rfsim gui`: the facilitator's window on a scenario or a save. Without a display it says what to
// do instead and exits 1 (a runtime failure, not bad input).
#include <cstdio>
#include <iostream>

#include "app/commands.hpp"
#include "app/errors.hpp"
#include "app/load.hpp"
#include "play/cell.hpp"
#include "render/gui/window.hpp"
#include "saves/open_save.hpp"
#include "saves/save_file.hpp"

namespace rfsim::app {

int gui_command(const Common& common, const GuiCommandOptions& opts) {
  const auto [width, height] = size_option(opts.size, 640, 480);
  if (opts.ui_scale != 0 && (opts.ui_scale < 0.5f || opts.ui_scale > 4)) {
    throw InputError("--ui-scale: expected 0.5 to 4 (or 0 for automatic)");
  }
  if (opts.speed < 1 || opts.speed > 10000) throw InputError("--speed: expected 1 to 10000");
  const std::optional<play::Cell> cell = play::cell_from_string(opts.cell);
  if (!cell) throw InputError("--cell " + opts.cell + ": expected white, blue or red");
  const bool is_save = opts.input.extension() == ".rfsave";
  if (is_save && opts.seed) throw InputError("--seed: a save carries its own seed");
  if (!opts.screenshot_dir.empty() && !std::filesystem::is_directory(opts.screenshot_dir)) {
    throw InputError("--screenshot-dir " + opts.screenshot_dir.string() + ": no such folder");
  }
  if (!opts.script.empty() && !std::filesystem::is_regular_file(opts.script)) {
    throw InputError("--script " + opts.script.string() + ": no such file");
  }
  if (!opts.autosave_dir.empty()) {
    // Made with its parents if missing: a folder that cannot be made stops us before the
    // window opens, not at the first autosave, minutes into the game.
    std::error_code ec;
    std::filesystem::create_directories(opts.autosave_dir, ec);
    if (ec || !std::filesystem::is_directory(opts.autosave_dir)) {
      throw InputError("--autosave-dir " + opts.autosave_dir.string() +
                       ": cannot make the folder: " +
                       (ec ? ec.message() : std::string("something else is there")));
    }
  }
  // Look for the display before loading anything, so the advice comes at once.
  try {
    render::gui::require_display();
  } catch (const render::gui::NoDisplay& e) {
    throw RunError(e.what());
  }
  // A save: the theatre from the assets, the scenario from the save (read once here to check
  // it, so that a broken file is reported before the window opens; the window reads it again).
  Loaded in = load_inputs(common.assets, is_save ? std::filesystem::path() : opts.input, opts.seed);
  if (is_save) {
    const saves::Save save = saves::read_save(opts.input);
    in.scenario = saves::scenario_of(save, in.theatre, opts.input.string());
  }
  render::gui::WindowOptions w;
  w.width = width;
  w.height = height;
  w.gui.ui_scale = opts.ui_scale;
  w.gui.speed = opts.speed;
  w.gui.play = opts.play;
  w.gui.cell = *cell;
  w.gui.observer = opts.observer;
  w.gui.presenter = opts.presenter;
  w.screenshot_dir = opts.screenshot_dir.empty() ? "." : opts.screenshot_dir;
  w.script = opts.script;
  if (is_save) w.gui.open_save = opts.input;
  // Autosaves beside what was opened (the current folder for the default scenario).
  w.gui.autosave_dir = !opts.autosave_dir.empty()     ? opts.autosave_dir
                       : opts.input.has_parent_path() ? opts.input.parent_path()
                                                      : std::filesystem::path(".");
  return render::gui::run_window(in.theatre, std::move(in.scenario), w);
}

}  // namespace rfsim::app
