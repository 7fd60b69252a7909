// Frame benchmark (issue 5, "Speed"): the map view and the whole GUI frame rendered offscreen.
//
// Renders N frames at 1600x1000 into an sf::RenderTexture and prints the median and 95th
// percentile frame time per case. Each frame ends with glFinish, so a deferred software
// renderer (llvmpipe) is timed for its rasterising too, not only for queueing commands.
//   xvfb-run -a -s "-screen 0 1600x1000x24" build/<dir>/bench/bench_frames [--frames N]
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/OpenGL.hpp>
#include <SFML/Window/Event.hpp>

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

struct Stats {
  double median = 0, p95 = 0, mean = 0;
};

Stats stats_of(std::vector<double> ms) {
  Stats s;
  if (ms.empty()) return s;
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
  std::printf("%-34s %9.2f %9.2f %9.2f %8.1f  %s\n", name.c_str(), s.median, s.p95, s.mean,
              1000.0 / s.median, note.c_str());
  std::fflush(stdout);
}

// Times `frames` calls of `draw` onto `target`, each finished on the GPU (or llvmpipe).
std::vector<double> time_frames(sf::RenderTexture& target, int frames,
                                const std::function<void(int)>& draw) {
  std::vector<double> ms;
  for (int i = -kWarmUp; i < frames; ++i) {
    const auto t0 = Clock::now();
    draw(i);
    target.display();
    if (!target.setActive(true)) std::abort();
    glFinish();
    if (i >= 0) ms.push_back(ms_since(t0));
  }
  return ms;
}

// How the camera moves while the map view is timed.
enum class Motion { Still, Drag, Zoom };

// The map view alone, filling the whole target: scene building, painter and the view's blit.
Stats bench_map(sf::RenderTexture& target, const map::Theatre& theatre, const sim::Scenario& sc,
                int frames, Motion motion) {
  render::gui::Session session(sc, theatre);
  session.jump_to(sim::SimTime::start() + sim::Duration::hours(30));  // violations on the map
  render::gui::MapView view(theatre);
  view.set_area({0, 0}, {kWidth, kHeight});
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
    target.clear();
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

GuiResult bench_gui(sf::RenderTexture& target, const map::Theatre& theatre, const sim::Scenario& sc,
                    int frames, float speed) {
  render::gui::GuiOptions opt;
  opt.play = speed > 0;
  opt.speed = speed > 0 ? speed : 3600;
  if (!target.setActive(true)) std::abort();
  render::gui::GuiApp app(theatre, sc, opt);
  if (speed <= 0) app.session().jump_to(sim::SimTime::start() + sim::Duration::hours(30));
  GuiResult r;
  const sim::SimTime start = app.session().now();
  double dt = 1.0 / 60;
  bool counting = false;
  sim::SimTime counted_from = start;
  std::vector<double> ms = time_frames(target, frames, [&](int i) {
    if (i == 0) {
      counting = true;
      counted_from = app.session().now();
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
    } else {
      std::fprintf(stderr, "usage: %s [--frames N]\n", argv[0]);
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
  std::printf("%u x %u, %d frames per case after %d warm-up frames, each ending in glFinish\n\n",
              kWidth, kHeight, frames, kWarmUp);
  std::printf("%-34s %9s %9s %9s %8s\n", "case", "median ms", "p95 ms", "mean ms", "fps(med)");

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

  const GuiResult gd = bench_gui(target, theatre, normal, frames, 0);
  print_row("GUI frame, default scenario", gd.frame, "paused");
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
