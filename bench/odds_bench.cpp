// "Odds from here" (issue 14): 200 futures of 30 days from a moment of the default scenario,
// headless on 1 and 2 threads; then the same request from the window (GuiApp offscreen at
// 1600x1000) while its frames are timed, against the same window with no futures running.
//   xvfb-run -a -s "-screen 0 1600x1000x24" build/<dir>/bench/bench_odds [--futures N] [--days D]
//   [--reps R] [--skip-headless | --headless-only] [--no-frame-cache]
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/OpenGL.hpp>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "batch/odds.hpp"
#include "map/theatre.hpp"
#include "render/gui/gui_app.hpp"
#include "render/gui/odds_desk.hpp"
#include "saves/snapshot.hpp"
#include "sim/scenario_loader.hpp"
#include "sim/simulation.hpp"

namespace {

using namespace rfsim;
using Clock = std::chrono::steady_clock;
constexpr unsigned kWidth = 1600, kHeight = 1000;

// The process's CPU time, every thread's: with other work on the machine, CPU seconds / cores
// is what the wall time would be on idle cores.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

struct FrameStats {
  std::size_t frames = 0;
  double median = 0, p95 = 0, max = 0, over_16_7 = 0;  // ms; share of frames over 16.7 ms
};

FrameStats stats_of(std::vector<double> ms) {
  FrameStats s;
  s.frames = ms.size();
  if (ms.empty()) return s;
  std::sort(ms.begin(), ms.end());
  s.median = ms[ms.size() / 2];
  s.p95 = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
  s.max = ms.back();
  s.over_16_7 = static_cast<double>(
                    std::count_if(ms.begin(), ms.end(), [](double v) { return v > 1000.0 / 60; })) /
                static_cast<double>(ms.size());
  return s;
}

// One frame as the window draws it, finished on the (software) GL, in ms; then, as the
// window's 60 Hz frame-rate limit does, a sleep to the next tick.
double frame(render::gui::GuiApp& app, sf::RenderTexture& target) {
  const auto t0 = Clock::now();
  app.frame(target, {kWidth, kHeight}, 1.0 / 60);
  target.display();
  if (!target.setActive(true)) std::abort();
  glFinish();
  const double ms = seconds_since(t0) * 1000;
  std::this_thread::sleep_until(t0 + std::chrono::microseconds(16'667));
  return ms;
}

void print_frames(const char* name, const FrameStats& s) {
  std::printf(
      "%-40s %6zu frames  median %6.2f ms  p95 %6.2f ms  max %6.2f ms  over 16.7 ms %4.1f%%\n",
      name, s.frames, s.median, s.p95, s.max, 100 * s.over_16_7);
}

}  // namespace

int main(int argc, char** argv) {
  std::uint32_t futures = 200;
  std::int32_t days = 30;
  int reps = 3;
  unsigned window_threads = 0;  // the futures' threads from the window; 0: every core
  bool skip_headless = false;
  bool frame_cache = true;     // off: every frame drawn whole, as before the window kept its frame
  bool headless_only = false;  // the futures' own cost, for profiling: no window, no display
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--futures" && i + 1 < argc) {
      futures = static_cast<std::uint32_t>(std::max(1, std::atoi(argv[++i])));
    } else if (a == "--reps" && i + 1 < argc) {
      reps = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--window-threads" && i + 1 < argc) {
      window_threads = static_cast<unsigned>(std::max(0, std::atoi(argv[++i])));
    } else if (a == "--skip-headless") {
      skip_headless = true;
    } else if (a == "--no-frame-cache") {
      frame_cache = false;
    } else if (a == "--headless-only") {
      headless_only = true;
    } else if (a == "--days" && i + 1 < argc) {
      days = std::max(1, std::atoi(argv[++i]));
    } else {
      std::fprintf(stderr,
                   "usage: %s [--futures N] [--days D] [--reps R] [--window-threads T] "
                   "[--skip-headless | --headless-only] [--no-frame-cache]\n",
                   argv[0]);
      return 2;
    }
  }
  const std::string assets = RFSIM_ASSETS_DIR;
  const map::Theatre theatre = map::Theatre::load(assets);
  const sim::Scenario sc =
      sim::load_scenario(assets + "/scenarios/partial-ceasefire.toml", theatre);
  const sim::SimTime at = sim::SimTime::at(sim::Duration::days(2));
  sim::Simulation run(sc, theatre);
  run.run_until(at);
  const saves::Snapshot from = saves::take_snapshot(run);
  std::printf("%u futures of %d days from D+2 of %s; %u hardware threads\n\n", futures, days,
              sc.name.c_str(), std::thread::hardware_concurrency());

  for (unsigned threads : {1u, 2u}) {
    if (skip_headless) break;
    std::vector<double> took;
    double cpu = 0;
    std::uint64_t digest = 0;
    for (int rep = 0; rep < reps; ++rep) {
      batch::OddsRequest r;
      r.futures = futures;
      r.days = days;
      r.threads = threads;
      const auto t0 = Clock::now();
      const double c0 = cpu_seconds();
      digest = batch::run_odds(sc, theatre, from, r).digest;
      took.push_back(seconds_since(t0));
      cpu += cpu_seconds() - c0;
    }
    std::sort(took.begin(), took.end());
    std::printf(
        "headless, %u thread(s): wall median of %d %.2f s (min %.2f, max %.2f); CPU %.2f s "
        "a request (%.1f ms a future); digest %016llx\n",
        threads, reps, took[took.size() / 2], took.front(), took.back(), cpu / reps,
        1000 * cpu / reps / futures, static_cast<unsigned long long>(digest));
    std::fflush(stdout);
  }
  if (headless_only) return 0;

  sf::RenderTexture target;
  if (!target.create(kWidth, kHeight) || !target.setActive(true)) {
    std::fprintf(stderr, "cannot create a %ux%u render texture: run under xvfb-run\n", kWidth,
                 kHeight);
    return 1;
  }
  std::printf("\nGL_RENDERER: %s\n", reinterpret_cast<const char*>(glGetString(GL_RENDERER)));
  render::gui::GuiOptions opt;
  opt.ui_scale = 1.11f;
  render::gui::GuiApp app(theatre, sc, opt);
  app.frame_cache().set_enabled(frame_cache);
  std::printf("the window's frame cache: %s\n", frame_cache ? "on" : "off");
  app.session().jump_to(at);
  app.ui().want_odds = true;
  for (int i = 0; i < 10; ++i) frame(app, target);  // warm-up: caches, textures, the panel
  std::vector<double> idle;
  const double idle_c0 = cpu_seconds();
  for (int i = 0; i < 300; ++i) idle.push_back(frame(app, target));
  const double idle_cpu = cpu_seconds() - idle_c0;
  print_frames("window, nothing running", stats_of(idle));
  // CPU time, not wall time, so barely changed by other load: what the window needs of the
  // cores at 60 Hz (llvmpipe's rasterizer threads included), and so what it leaves the futures.
  std::printf("  CPU a frame %.2f ms (every thread): %.2f cores at 60 Hz\n", 1000 * idle_cpu / 300,
              idle_cpu / 300 * 60);
  std::fflush(stdout);

  // Twice: with the mouse moving over the map every tick (every pass draws: the worst case),
  // and untouched (the window's render on demand: the progress bar at 10 Hz).
  render::gui::OddsDesk& desk = *app.ui().odds;
  for (const bool moving : {true, false}) {
    batch::OddsRequest r;
    r.futures = futures;
    r.days = days;
    r.threads = window_threads;
    const auto t0 = Clock::now();
    const double c0 = cpu_seconds();
    desk.start(app.session(), r);
    std::vector<double> drawn;
    std::size_t ticks = 0;
    int modes[3] = {0, 0, 0};  // frames copied, repaired, drawn whole (frame_cache.hpp)
    for (; desk.running(); ++ticks) {
      const auto tick = Clock::now();
      if (moving) {
        sf::Event e{};
        e.type = sf::Event::MouseMoved;
        e.mouseMove = {800 + static_cast<int>(ticks % 40), 500};
        app.handle(e);
      }
      if (app.pass(target, {kWidth, kHeight}, 1.0 / 60)) {
        target.display();
        if (!target.setActive(true)) std::abort();
        glFinish();
        drawn.push_back(seconds_since(tick) * 1000);
        ++modes[static_cast<int>(app.frame_cache().counts().mode)];
      }
      std::this_thread::sleep_until(tick + std::chrono::microseconds(16'667));
    }
    const double took = seconds_since(t0);
    print_frames(
        moving ? "window, mouse moving, futures running" : "window, untouched, futures running",
        stats_of(drawn));
    std::printf(
        "  %zu of %zu 60 Hz ticks drew; futures: %.2f s wall, %.2f s CPU (window "
        "included): %s\n",
        drawn.size(), ticks, took, cpu_seconds() - c0, app.ui().status.c_str());
    std::printf("  frames copied %d, repaired %d, drawn whole %d\n", modes[0], modes[1], modes[2]);
    std::fflush(stdout);
  }
  return 0;
}
