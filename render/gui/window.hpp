// `rfsim gui`'s window: the display check, the loop, screenshots and the test script.
#pragma once

#include <atomic>
#include <filesystem>
#include <stdexcept>

#include "map/theatre.hpp"
#include "render/gui/gui_app.hpp"
#include "sim/scenario.hpp"

namespace rfsim::render::gui {

/// No X display to open a window on. Its message says what to do instead.
class NoDisplay : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct WindowOptions {
  GuiOptions gui;
  unsigned width = 1600;  // the window's first size
  unsigned height = 1000;
  std::filesystem::path screenshot_dir = ".";  // where F12 writes
  std::filesystem::path script;                // optional: commands to play (see run_window)
  const std::atomic<bool>* stop = nullptr;     // set (Ctrl-C): leave as the close button would
};

/// Throws NoDisplay when no X display can be opened (before SFML could abort on it).
void require_display();

/// Opens the window and runs until it is closed. The window draws only when something
/// changes (GuiApp::pass); idle, it looks for events every few tens of milliseconds.
/// A script, when given, is one command a line, run between frames: `wait SECONDS`,
/// `wait-idle` (until the window stops drawing), `play`, `pause`, `speed X`, `jump DURATION`,
/// `step`, `select unit ID` / `select region ID`, `fill regime|control|escalation`,
/// `coverage on|off`, `zoom FACTOR`, `centre REGION`, `fit`, `screenshot FILE`,
/// `click CONTROL` (a named control, UiState::controls, as the mouse would), `key KEY`
/// (space, n, backspace, escape, f12, ctrl+q), `close` (the window's close button: asks
/// first when unsaved), `save FILE`, `echo TEXT`, `frames` (prints the frames drawn so far),
/// `quit` (at once, unsaved or not; a hosted game is still saved and the seats told). Throws
/// std::runtime_error for a bad script line, naming the file and the line.
int run_window(const map::Theatre& theatre, sim::Scenario scenario, const WindowOptions& options);

}  // namespace rfsim::render::gui
