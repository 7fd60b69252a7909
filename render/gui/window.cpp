// The window loop. SFML 2.5 aborts when it cannot open a display, so we look first.
#include "render/gui/window.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Event.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "render/gui/screenshot.hpp"

// Last: Xlib defines None, Status and more as macros that would break SFML's headers.
#include <X11/Xlib.h>

namespace rfsim::render::gui {

void require_display() {
  const char* name = std::getenv("DISPLAY");
  const std::string what =
      "Run it under a virtual display:  xvfb-run -a -s \"-screen 0 1600x1000x24\" rfsim gui ...\n"
      "or render a still image instead:  rfsim snapshot --at 24h --out map.png";
  if (name == nullptr || *name == '\0') {
    throw NoDisplay("no display: DISPLAY is not set, so the window cannot open.\n" + what);
  }
  // Kept open for the process's life: Xvfb resets when its last client leaves.
  static Display* keep = XOpenDisplay(nullptr);
  if (keep == nullptr) {
    throw NoDisplay(std::string("no display: cannot open DISPLAY=") + name + ".\n" + what);
  }
}

namespace {

struct Line {
  int number;
  std::vector<std::string> words;
};

std::vector<Line> read_script(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("--script " + file.string() + ": cannot read the file");
  std::vector<Line> out;
  std::string text;
  for (int n = 1; std::getline(in, text); ++n) {
    if (const auto hash = text.find('#'); hash != std::string::npos) text.erase(hash);
    std::istringstream words(text);
    Line line{n, {}};
    for (std::string w; words >> w;) line.words.push_back(w);
    if (!line.words.empty()) out.push_back(std::move(line));
  }
  return out;
}

// Plays a script between frames; a screenshot waits two frames so the panels have settled.
class Script {
 public:
  Script(std::filesystem::path file, std::vector<Line> lines)
      : file_(std::move(file)), lines_(std::move(lines)) {}

  // Runs commands until a wait; returns a screenshot path once it is due.
  std::filesystem::path tick(GuiApp& app, double dt, bool& quit) {
    if (!shot_.empty()) {
      if (--settle_ > 0) return {};
      return std::exchange(shot_, {});
    }
    wait_ -= dt;
    while (wait_ <= 0 && next_ < lines_.size() && shot_.empty() && !quit)
      run(app, lines_[next_++], quit);
    return {};
  }

 private:
  [[noreturn]] void bad(const Line& l, const std::string& why) const {
    throw std::runtime_error(file_.string() + ":" + std::to_string(l.number) + ": " + why);
  }
  std::string arg(const Line& l, std::size_t i) const {
    if (l.words.size() <= i) bad(l, "'" + l.words[0] + "' needs an argument");
    return l.words[i];
  }
  double number(const Line& l, std::size_t i) const {
    try {
      return std::stod(arg(l, i));
    } catch (const std::logic_error&) {
      bad(l, "expected a number, got '" + l.words[i] + "'");
    }
  }
  map::RegionId region(GuiApp& app, const Line& l, std::size_t i) const {
    const auto r = app.session().run().theatre().find(arg(l, i));
    if (!r) bad(l, "no region '" + l.words[i] + "' in the theatre");
    return *r;
  }

  void run(GuiApp& app, const Line& l, bool& quit) {
    UiState& ui = app.ui();
    const std::string& c = l.words[0];
    if (c == "wait") {
      wait_ = number(l, 1);
    } else if (c == "play") {
      ui.playing = true;
    } else if (c == "pause") {
      ui.playing = false;
      app.session().hold();
    } else if (c == "speed") {
      ui.speed = static_cast<float>(number(l, 1));
    } else if (c == "jump") {
      try {
        app.session().jump_to(sim::SimTime::at(sim::parse_duration(arg(l, 1))));
      } catch (const std::invalid_argument& e) {
        bad(l, e.what());
      }
    } else if (c == "step") {
      app.session().step_event();
    } else if (c == "select" && arg(l, 1) == "unit") {
      const auto& units = app.session().run().scenario().units;
      const std::string id = arg(l, 2);
      ui.selected = {};
      for (std::uint32_t u = 0; u < units.size(); ++u) {
        if (units[u].id == id) ui.selected.unit = u;
      }
      if (!ui.selected.unit) bad(l, "no unit '" + id + "' in the scenario");
    } else if (c == "select" && arg(l, 1) == "region") {
      ui.selected = {};
      ui.selected.region = region(app, l, 2);
    } else if (c == "select") {
      ui.selected = {};
    } else if (c == "fill") {
      const std::string m = arg(l, 1);
      if (m == "regime")
        ui.fill = FillMode::Regime;
      else if (m == "control")
        ui.fill = FillMode::Control;
      else if (m == "escalation")
        ui.fill = FillMode::Escalation;
      else
        bad(l, "fill is regime, control or escalation");
    } else if (c == "coverage") {
      ui.coverage = arg(l, 1) == "on";
    } else if (c == "zoom") {
      const sf::FloatRect a = app.map().area();
      app.map().zoom_at({a.left + a.width / 2, a.top + a.height / 2}, number(l, 1));
    } else if (c == "centre") {
      ui.centre_on = app.session().run().theatre().region(region(app, l, 1)).label;
    } else if (c == "fit") {
      ui.want_fit = true;
    } else if (c == "screenshot") {
      shot_ = arg(l, 1);
      settle_ = 2;
    } else if (c == "quit") {
      quit = true;
    } else {
      bad(l, "unknown command '" + c + "'");
    }
  }

  std::filesystem::path file_;
  std::vector<Line> lines_;
  std::size_t next_ = 0;
  double wait_ = 0;
  std::filesystem::path shot_;
  int settle_ = 0;
};

void save_shot(const sf::RenderWindow& window, const std::filesystem::path& out, UiState& ui) {
  try {
    write_png_atomic(capture(window), out);
    ui.status = "Screenshot: " + out.string();
    std::cout << "screenshot: " << out.string() << std::endl;
  } catch (const std::exception& e) {
    ui.status = e.what();
    std::cerr << "rfsim: " << e.what() << std::endl;
  }
}

}  // namespace

int run_window(const map::Theatre& theatre, sim::Scenario scenario, const WindowOptions& options) {
  require_display();
  std::optional<Script> script;
  if (!options.script.empty()) script.emplace(options.script, read_script(options.script));
  const std::string title = "rfsim - " + scenario.name;
  sf::RenderWindow window(sf::VideoMode(options.width, options.height), title, sf::Style::Default);
  if (!window.isOpen()) throw NoDisplay("cannot open a window on this display");
  window.setFramerateLimit(60);
  GuiApp app(theatre, std::move(scenario), options.gui);
  sf::Clock clock;
  bool quit = false;
  while (window.isOpen() && !quit) {
    sf::Event e;
    while (window.pollEvent(e)) {
      if (e.type == sf::Event::Closed) quit = true;
      app.handle(e);
    }
    // A stalled frame (a window drag, a jump) must not become a leap of simulated time.
    const double dt = std::min(0.1, static_cast<double>(clock.restart().asSeconds()));
    const auto t0 = std::chrono::steady_clock::now();
    std::filesystem::path shot;
    if (script) shot = script->tick(app, dt, quit);
    app.frame(window, window.getSize(), dt);
    app.ui().frame_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (!shot.empty()) save_shot(window, shot, app.ui());
    if (app.ui().want_screenshot) {
      app.ui().want_screenshot = false;
      save_shot(window,
                screenshot_name(options.screenshot_dir, sim::format_clock(app.session().now())),
                app.ui());
    }
    window.display();
    quit = quit || app.ui().want_quit;
  }
  window.close();
  return 0;
}

}  // namespace rfsim::render::gui
