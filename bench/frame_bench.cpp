// Frame benchmark (issue 5, "Speed"): the map view and the whole GUI frame rendered offscreen.
//
// Renders N frames at 1600x1000 into an sf::RenderTexture and prints the median and 95th
// percentile frame time per case, and the process's CPU a frame (every thread's). Each frame
// ends with glFinish, so a deferred software renderer (llvmpipe) is timed for its rasterising
// too, not only for queueing commands.
//   xvfb-run -a -s "-screen 0 1600x1000x24" build/<dir>/bench/bench_frames [--frames N]
//   [--no-frame-cache]
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/OpenGL.hpp>
#include <SFML/Window/Event.hpp>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "map/theatre.hpp"
#include "render/gui/gui_app.hpp"
#include "render/gui/map_view.hpp"
#include "render/gui/session.hpp"
#include "sim/scenario_loader.hpp"

namespace {

using namespace rfsim;
using Clock = std::chrono::steady_clock;

constexpr unsigned kWidth = 1600, kHeight = 1000;
constexpr int kWarmUp = 5;  // first frames build caches and upload textures: not timed

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// The process's CPU time in ms, every thread's (llvmpipe's rasterizers included): what a frame
// takes from the cores, which other load on the machine changes far less than the wall time.
double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
}

struct Stats {
  double median = 0, p95 = 0, mean = 0;
  double cpu = 0;  // mean CPU ms a frame, every thread
};

struct Timed {
  std::vector<double> ms;  // wall, a frame
  double cpu_ms = 0;       // CPU of all the timed frames
};

Stats stats_of(const Timed& t) {
  Stats s;
  std::vector<double> ms = t.ms;
  if (ms.empty()) return s;
  s.cpu = t.cpu_ms / static_cast<double>(ms.size());
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) {
    return ms[std::min(ms.size() - 1,
                       static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
  };
  s.median = at(0.5);
  s.p95 = at(0.95);
  for (double v : ms) s.mean += v;
  s.mean /= static_cast<double>(ms.size());
  return s;
}

void print_row(const std::string& name, const Stats& s, const std::string& note = "") {
  std::printf("%-44s %9.2f %9.2f %9.2f %8.1f %9.2f  %s\n", name.c_str(), s.median, s.p95, s.mean,
              1000.0 / s.median, s.cpu, note.c_str());
  std::fflush(stdout);
}

// Times `frames` calls of `draw` onto `target`, each finished on the GPU (or llvmpipe).
Timed time_frames(sf::RenderTexture& target, int frames, const std::function<void(int)>& draw) {
  Timed t;
  for (int i = -kWarmUp; i < frames; ++i) {
    const auto t0 = Clock::now();
    const double c0 = cpu_ms();
    draw(i);
    target.display();
    if (!target.setActive(true)) std::abort();
    glFinish();
    if (i >= 0) {
      t.ms.push_back(ms_since(t0));
      t.cpu_ms += cpu_ms() - c0;
    }
  }
  return t;
}

// How the camera moves while the map view is timed.
enum class Motion { Still, Drag, Zoom };

// The map view alone, filling the whole target (or the area the GUI gives it, the rest of the
// target cleared as the GUI clears it): scene building, painter and the view's blit.
Stats bench_map(sf::RenderTexture& target, const map::Theatre& theatre, const sim::Scenario& sc,
                int frames, Motion motion, bool gui_area = false) {
  render::gui::Session session(sc, theatre);
  session.jump_to(sim::SimTime::start() + sim::Duration::hours(30));  // violations on the map
  render::gui::MapView view(theatre);
  if (gui_area) {  // GuiApp's layout at 1600 x 1000 and its default UI scale (1000 / 900)
    const render::gui::Layout l = render::gui::layout_for(kWidth, kHeight, kHeight / 900.0f);
    view.set_area({l.left_w, 0}, {l.width - l.left_w - l.right_w, l.height - l.bottom_h});
    view.set_compact_legend(true);
  } else {
    view.set_area({0, 0}, {kWidth, kHeight});
  }
  sf::Vector2i mouse(kWidth / 2, kHeight / 2);
  if (motion == Motion::Drag) {  // the left button goes down once; every frame then moves it
    sf::Event press{};
    press.type = sf::Event::MouseButtonPressed;
    press.mouseButton = {sf::Mouse::Left, mouse.x, mouse.y};
    view.handle(press);
  }
  return stats_of(time_frames(target, frames, [&](int i) {
    if (motion == Motion::Drag) {  // a drag in a slow circle, whole pixels as a mouse moves
      const double a = 0.05 * i;
      const sf::Vector2i to(kWidth / 2 + static_cast<int>(std::lround(160 * std::cos(a))),
                            kHeight / 2 + static_cast<int>(std::lround(100 * std::sin(a))));
      sf::Event move{};
      move.type = sf::Event::MouseMoved;
      move.mouseMove = {to.x, to.y};
      view.handle(move);
      mouse = to;
    } else if (motion == Motion::Zoom) {  // a wheel notch every frame, in and out in turn
      sf::Event wheel{};
      wheel.type = sf::Event::MouseWheelScrolled;
      wheel.mouseWheelScroll = {sf::Mouse::VerticalWheel, (i / 4) % 2 == 0 ? 1.0f : -1.0f, mouse.x,
                                mouse.y};
      view.handle(wheel);
    }
    target.clear(gui_area ? render::gui::kPanelBackground : sf::Color::Black);
    view.draw(target, session, render::gui::FillMode::Regime, false, {});
  }));
}

// The whole screen through GuiApp: panels, map view and the model's slice when playing.
struct GuiResult {
  Stats frame;
  double wall_s = 0;        // sum of the frames' dt: the wall time the GUI believed passed
  double wanted_sim_s = 0;  // wall_s x speed
  double got_sim_s = 0;     // how far the model actually got
  double final_lag_s = 0;   // Session::lag() at the end (capped by the session at 1 s wall)
};

bool g_frame_cache = true;  // --no-frame-cache: every GUI frame drawn whole (frame_cache.hpp)

GuiResult bench_gui(sf::RenderTexture& target, const map::Theatre& theatre, const sim::Scenario& sc,
                    int frames, float speed, bool mouse_moving = false) {
  render::gui::GuiOptions opt;
  opt.play = speed > 0;
  opt.speed = speed > 0 ? speed : 3600;
  if (!target.setActive(true)) std::abort();
  render::gui::GuiApp app(theatre, sc, opt);
  app.frame_cache().set_enabled(g_frame_cache);
  if (speed <= 0) app.session().jump_to(sim::SimTime::start() + sim::Duration::hours(30));
  GuiResult r;
  const sim::SimTime start = app.session().now();
  double dt = 1.0 / 60;
  bool counting = false;
  sim::SimTime counted_from = start;
  const Timed ms = time_frames(target, frames, [&](int i) {
    if (i == 0) {
      counting = true;
      counted_from = app.session().now();
    }
    if (mouse_moving) {  // over the map, a pixel a frame: the tooltip follows, the map is still
      sf::Event move{};
      move.type = sf::Event::MouseMoved;
      move.mouseMove = {static_cast<int>(kWidth / 2) - 40 + (i + kWarmUp) % 80, kHeight / 3};
      app.handle(move);
    }
    const auto t0 = Clock::now();
    app.frame(target, {kWidth, kHeight}, dt);
    // As window.cpp does: the next frame's dt is this frame's time, at least a 60 Hz tick
    // (the window's frame-rate limit) and at most 0.1 s.
    const double took = ms_since(t0) / 1000.0;
    if (counting) r.wall_s += dt;
    dt = std::clamp(took, 1.0 / 60, 0.1);
  });
  r.frame = stats_of(ms);
  r.wanted_sim_s = r.wall_s * (speed > 0 ? speed : 0);
  r.got_sim_s = static_cast<double>((app.session().now() - counted_from).count_ms()) / 1000.0;
  r.final_lag_s = static_cast<double>(app.session().lag().count_ms()) / 1000.0;
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  int frames = 120;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--frames" && i + 1 < argc) {
      frames = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--no-frame-cache") {
      g_frame_cache = false;
    } else {
      std::fprintf(stderr, "usage: %s [--frames N] [--no-frame-cache]\n", argv[0]);
      return 2;
    }
  }
  const std::string assets = RFSIM_ASSETS_DIR;
  const map::Theatre theatre = map::Theatre::load(assets);
  const sim::Scenario normal =
      sim::load_scenario(assets + "/scenarios/partial-ceasefire.toml", theatre);
  const sim::Scenario stress = sim::load_scenario(assets + "/scenarios/stress-5000.toml", theatre);

  sf::RenderTexture target;
  if (!target.create(kWidth, kHeight)) {
    std::fprintf(stderr, "cannot create a %ux%u render texture: run under xvfb-run\n", kWidth,
                 kHeight);
    return 1;
  }
  if (!target.setActive(true)) return 1;
  std::printf("GL_RENDERER: %s\nGL_VERSION: %s\n",
              reinterpret_cast<const char*>(glGetString(GL_RENDERER)),
              reinterpret_cast<const char*>(glGetString(GL_VERSION)));
  std::printf(
      "%u x %u, %d frames per case after %d warm-up frames, each ending in glFinish; "
      "the GUI's frame cache %s\n\n",
      kWidth, kHeight, frames, kWarmUp, g_frame_cache ? "on" : "off");
  std::printf("%-44s %9s %9s %9s %8s %9s\n", "case", "median ms", "p95 ms", "mean ms", "fps(med)",
              "CPU ms");

  print_row("map view, default scenario",
            bench_map(target, theatre, normal, frames, Motion::Still));
  print_row("map view, stress-5000", bench_map(target, theatre, stress, frames, Motion::Still));
  print_row("map view, default, dragging",
            bench_map(target, theatre, normal, frames, Motion::Drag));
  print_row("map view, stress-5000, dragging",
            bench_map(target, theatre, stress, frames, Motion::Drag));
  print_row("map view, default, wheel zoom",
            bench_map(target, theatre, normal, frames, Motion::Zoom),
            "a notch every frame: the last ground, stretched, stands in");

  print_row("map view, default, at the GUI's map area",
            bench_map(target, theatre, normal, frames, Motion::Still, true),
            "the GUI frame's map alone: the rest is its panels");
  const GuiResult gd = bench_gui(target, theatre, normal, frames, 0);
  print_row("GUI frame, default scenario", gd.frame, "paused");
  const GuiResult gm = bench_gui(target, theatre, normal, frames, 0, true);
  print_row("GUI frame, default, mouse moving over the map", gm.frame, "paused");
  const GuiResult gs = bench_gui(target, theatre, stress, frames, 0);
  print_row("GUI frame, stress-5000", gs.frame, "paused");
  for (const sim::Scenario* sc : {&normal, &stress}) {
    const GuiResult g = bench_gui(target, theatre, *sc, frames, 10000);
    char note[200];
    std::snprintf(note, sizeof note,
                  "playing: %.0f s of sim wanted in %.2f s wall, %.0f s got (%.1f%%), lag %.0f s",
                  g.wanted_sim_s, g.wall_s, g.got_sim_s,
                  g.wanted_sim_s > 0 ? 100 * g.got_sim_s / g.wanted_sim_s : 0, g.final_lag_s);
    print_row(sc == &normal ? "GUI frame, default, 10,000x" : "GUI frame, stress-5000, 10,000x",
              g.frame, note);
  }
  return 0;
}
