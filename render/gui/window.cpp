// The window loop. SFML 2.5 aborts when it cannot open a display, so we look first.
#include "render/gui/window.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/System/Sleep.hpp>
#include <SFML/Window/Event.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
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

// How often an idle window looks for events: a key or click waits at most this long.
constexpr int kIdlePollMs = 40;

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

// Plays a script between passes of the loop. A screenshot waits two frames, so that the
// panels have settled; a click waits for its control to be drawn, then three frames (ImGui
// sees the release in the second, the panels show the result in the third).
class Script {
 public:
  Script(std::filesystem::path file, std::vector<Line> lines)
      : file_(std::move(file)), lines_(std::move(lines)) {}

  // Runs commands until a wait; returns a screenshot path once it is due. `dt` is the wall
  // time since the last pass.
  std::filesystem::path tick(GuiApp& app, double dt, bool& quit) {
    if (!shot_.empty()) {
      app.touch();  // the frames it waits for must be drawn
      if (--settle_ > 0) return {};
      return std::exchange(shot_, {});
    }
    if (settle_ > 0) {  // after a click
      app.touch();
      --settle_;
      return {};
    }
    if (click_) {
      app.touch();
      if (app.click(click_->words[1])) {
        click_.reset();
        settle_ = 3;
      } else if (++click_tries_ > kClickFrames) {
        bad(*click_, "no control '" + click_->words[1] + "' on screen after " +
                         std::to_string(kClickFrames) + " frames");
      }
      return {};
    }
    if (idle_wait_) {  // wait-idle: until the window stops drawing
      if (!app.wants_frame()) {
        idle_wait_.reset();
      } else if (++idle_passes_ > kIdlePasses) {
        bad(*idle_wait_, "the window never came to rest (" + std::to_string(kIdlePasses) +
                             " passes, each drawing a frame)");
      }
      return {};
    }
    wait_ -= dt;
    while (wait_ <= 0 && next_ < lines_.size() && shot_.empty() && !click_ && !idle_wait_ &&
           !quit) {
      run(app, lines_[next_++], quit);
    }
    return {};
  }

 private:
  static constexpr int kClickFrames = 600;  // ten seconds at 60 Hz: a control never drawn
  static constexpr int kIdlePasses = 900;   // fifteen seconds at 60 Hz: a window never at rest

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
  // A key as the window would deliver it: space, n, backspace, escape, f12, o, b, ctrl+q.
  sf::Event key(const Line& l) const {
    const std::string name = arg(l, 1);
    sf::Event e{};
    e.type = sf::Event::KeyPressed;
    e.key.control = name.rfind("ctrl+", 0) == 0;
    const std::string bare = e.key.control ? name.substr(5) : name;
    using K = sf::Keyboard;
    const std::pair<const char*, K::Key> keys[] = {
        {"space", K::Space},   {"n", K::N},     {"backspace", K::BackSpace},
        {"escape", K::Escape}, {"f12", K::F12}, {"q", K::Q},
        {"b", K::B},           {"f5", K::F5},   {"o", K::O},
        {"t", K::T},           {"e", K::E}};
    for (const auto& [n, k] : keys) {
      if (bare == n) {
        e.key.code = k;
        return e;
      }
    }
    bad(l, "key is space, n, backspace, escape, f12, o, b, t, e or q, with ctrl+ or not");
  }

  void run(GuiApp& app, const Line& l, bool& quit) {
    UiState& ui = app.ui();
    const std::string& c = l.words[0];
    // Whatever a command changes, the window shows; waiting and reporting change nothing.
    if (c != "wait" && c != "wait-idle" && c != "frames" && c != "echo" && c != "quit") {
      app.touch();
    }
    if (c == "wait") {
      wait_ = number(l, 1);
    } else if (c == "wait-idle") {
      idle_wait_ = l;
      idle_passes_ = 0;
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
    } else if (c == "select" && arg(l, 1) == "violation") {
      ui.selected = {};
      ui.selected.violation = static_cast<std::uint64_t>(number(l, 2));  // its serial, "#12"
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
    } else if (c == "cell") {
      const std::optional<play::Cell> cell = play::cell_from_string(arg(l, 1));
      if (!cell) bad(l, "cell is white, blue or red");
      ui.cell = *cell;
    } else if (c == "coverage") {
      ui.coverage = arg(l, 1) == "on";
    } else if (c == "open") {  // a folded section of the Run panel
      if (arg(l, 1) == "msel")
        ui.want_msel = true;
      else if (arg(l, 1) == "commands")
        ui.want_commands = true;
      else
        bad(l, "open is msel or commands");
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
    } else if (c == "click") {
      arg(l, 1);
      click_ = l;
      click_tries_ = 0;
    } else if (c == "key") {
      app.handle(key(l));
    } else if (c == "close") {
      sf::Event e{};
      e.type = sf::Event::Closed;
      app.handle(e);
    } else if (c == "save") {
      try {
        app.session().save_to(arg(l, 1));
      } catch (const std::exception& e) {
        bad(l, e.what());
      }
    } else if (c == "note") {
      // A note at the current time, on the selected region if any: the rest of the line is
      // its title (the notes panel's Add note, for slides prepared ahead).
      saves::Note n;
      n.at = app.session().now();
      for (std::size_t i = 1; i < l.words.size(); ++i) n.title += (i > 1 ? " " : "") + l.words[i];
      n.author = ui.observer ? saves::NoteAuthor::Observer : saves::NoteAuthor::White;
      if (ui.selected.region) {
        n.place = saves::NotePlace::Region;
        n.region = *ui.selected.region;
      }
      try {
        app.session().add_note(n);
      } catch (const std::invalid_argument& e) {
        bad(l, e.what());
      }
    } else if (c == "echo") {
      std::string text;
      for (std::size_t i = 1; i < l.words.size(); ++i) text += (i > 1 ? " " : "") + l.words[i];
      std::cout << text << std::endl;
    } else if (c == "frames") {
      std::cout << "frames drawn: " << app.frames_drawn() << std::endl;
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
  std::optional<Line> click_;  // a click waiting for its control
  int click_tries_ = 0;
  std::optional<Line> idle_wait_;  // a wait-idle under way
  int idle_passes_ = 0;
};

// Expose events, on an X connection of our own: SFML 2.5 reports none, and without a
// compositor a window uncovered while idle would show what covered it until the next change.
class ExposeWatch {
 public:
  explicit ExposeWatch(sf::WindowHandle window) : display_(XOpenDisplay(nullptr)) {
    if (display_ == nullptr) return;
    XSelectInput(display_, window, ExposureMask);
    XFlush(display_);
  }
  ~ExposeWatch() {
    if (display_ != nullptr) XCloseDisplay(display_);
  }
  ExposeWatch(const ExposeWatch&) = delete;
  ExposeWatch& operator=(const ExposeWatch&) = delete;

  bool exposed() {  // since the last call
    bool any = false;
    while (display_ != nullptr && XPending(display_) > 0) {
      XEvent e;
      XNextEvent(display_, &e);
      any = any || e.type == Expose;
    }
    return any;
  }

 private:
  Display* display_;
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
  ExposeWatch expose(window.getSystemHandle());
  sf::Clock since_pass, since_frame;
  bool drew = true, quit = false;
  while (window.isOpen() && !quit) {
    sf::Event e;
    while (window.pollEvent(e)) app.handle(e);
    if (expose.exposed()) app.touch();
    std::filesystem::path shot;
    if (script) shot = script->tick(app, since_pass.restart().asSeconds(), quit);
    // A stalled frame (a window drag, a jump) must not become a leap of simulated time, nor
    // the first frame after an idle spell.
    const double since = since_frame.restart().asSeconds();
    const double dt = drew ? std::min(0.1, since) : 1.0 / 60;
    const auto t0 = std::chrono::steady_clock::now();
    drew = app.pass(window, window.getSize(), dt);
    if (drew) {
      app.ui().frame_ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      if (!shot.empty()) save_shot(window, shot, app.ui());
      if (app.ui().want_screenshot) {
        app.ui().want_screenshot = false;
        save_shot(window,
                  screenshot_name(options.screenshot_dir, sim::format_clock(app.session().now())),
                  app.ui());
      }
      window.display();  // waits out the rest of the 60 Hz frame
    } else {
      // Idle: nothing to draw. SFML 2.5 has no wait with a timeout, so look again shortly.
      sf::sleep(sf::milliseconds(kIdlePollMs));
    }
    quit = quit || app.ui().want_quit;
    if (options.stop != nullptr && *options.stop && !app.ui().leaving) app.request_quit();
  }
  app.stop_hosting();  // hosting: the game saved, the seats told (a quit that did not ask)
  window.close();
  return 0;
}

}  // namespace rfsim::render::gui
