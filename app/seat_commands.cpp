// `rfsim host` (the game and White's console: join codes, seats, refusals; the recording saved
// on leaving, Ctrl-C included) and `rfsim join` (a seat: headless with a script, for tests and
// benchmarks; without it, the seat's window: render/gui/seat_window.hpp).
#include "app/seat_commands.hpp"

#include <CLI/CLI.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>

#include "app/commands.hpp"
#include "app/errors.hpp"
#include "app/load.hpp"
#include "app/save_commands.hpp"
#include "play/cell.hpp"
#include "play/host.hpp"
#include "play/seat.hpp"
#include "render/gui/seat_window.hpp"
#include "render/gui/window.hpp"
#include "saves/open_save.hpp"
#include "saves/save_file.hpp"
#include "saves/snapshot.hpp"

namespace rfsim::app {

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

std::atomic<bool> g_stop{false};
extern "C" void on_stop_signal(int) {
  g_stop = true;
}

std::filesystem::path default_save(const std::string& scenario) {
  std::string stem = scenario.empty() ? "game" : scenario;
  for (char& c : stem) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  }
  const std::time_t t = std::time(nullptr);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&t));
  return "host-" + stem + "-" + stamp + ".rfsave";
}

// `rfsim host` with the facilitator's window: White's whole desk on the game it hosts, and a
// Seats window (join codes, seats, refusals). Closing it (or Ctrl-C) saves the game.
int host_window(const Common& common, const HostCommandOptions& o, const play::HostOptions& ho) {
  const auto [width, height] = size_option(o.size, 640, 480);
  try {
    render::gui::require_display();
  } catch (const render::gui::NoDisplay& e) {
    throw RunError(std::string(e.what()) + "\nor host without a window: rfsim host --headless");
  }
  const bool is_save = o.input.extension() == ".rfsave";
  Loaded in = load_inputs(common.assets, is_save ? std::filesystem::path() : o.input, o.seed);
  if (is_save) {
    const saves::Save s = saves::read_save(o.input);
    in.scenario = saves::scenario_of(s, in.theatre, o.input.string());
  }
  const std::filesystem::path save = o.save.empty() ? default_save(in.scenario.name) : o.save;
  // As start_recording checks it for the headless host: the folder must be there.
  const std::filesystem::path folder = save.has_parent_path() ? save.parent_path() : ".";
  if (!std::filesystem::is_directory(folder) || std::filesystem::is_directory(save)) {
    throw InputError("--save " + save.string() + ": expected a file in an existing folder");
  }
  render::gui::WindowOptions w;
  w.width = width;
  w.height = height;
  w.script = o.script;
  w.gui.host = ho;
  w.gui.host_save = save;
  if (is_save) w.gui.open_save = o.input;
  g_stop = false;
  w.stop = &g_stop;
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
  try {
    const int code = render::gui::run_window(in.theatre, std::move(in.scenario), w);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return code;
  } catch (const play::ListenError& e) {
    throw InputError(std::string("--port: ") + e.what());
  }
}

int host_command(const Common& common, const HostCommandOptions& o) {
  if (o.speed < 1 || o.speed > 10000) throw InputError("--speed: expected 1 to 10000");
  const std::optional<play::Cell> observers = play::cell_from_string(o.observers_see);
  if (!observers) {
    throw InputError("--observers-see " + o.observers_see + ": expected white, blue or red");
  }
  std::optional<std::chrono::milliseconds> limit;
  if (!o.decision_limit.empty()) {
    const sim::Duration d = duration_option("--decision-limit", o.decision_limit);
    if (d.count_ms() <= 0) throw InputError("--decision-limit: expected more than 0, e.g. 2m");
    limit = std::chrono::milliseconds(d.count_ms());
  }
  std::optional<sim::SimTime> until;
  if (!o.until.empty()) until = sim::SimTime::at(duration_option("--until", o.until));
  const bool is_save = o.input.extension() == ".rfsave";
  if (is_save && o.seed) throw InputError("--seed: a save carries its own seed");
  if (!o.headless) {
    if (until) throw InputError("--until: for a host without a window (--headless)");
    if (!o.script.empty() && !std::filesystem::is_regular_file(o.script)) {
      throw InputError("--script " + o.script.string() + ": no such file");
    }
  } else if (!o.script.empty()) {
    throw InputError("--script: the window's commands (without --headless)");
  }

  play::HostOptions ho;
  ho.port = o.port;
  ho.speed = o.speed;
  ho.paused = o.paused;
  ho.observers_see = *observers;
  ho.decision_limit = limit;
  ho.observer_notes = !o.no_observer_notes;
  if (!o.headless) return host_window(common, o, ho);

  Loaded in = load_inputs(common.assets, is_save ? std::filesystem::path() : o.input, o.seed);
  std::unique_ptr<saves::Recording> rec;
  std::filesystem::path save = o.save;
  if (is_save) {
    saves::Save s = saves::read_save(o.input);
    sim::Scenario sc = saves::scenario_of(s, in.theatre, o.input.string());
    if (save.empty()) save = default_save(sc.name);
    start_recording(std::move(sc), in.theatre, save, "6h");  // checks that `save` can be written
    rec = std::make_unique<saves::Recording>(std::move(s), in.theatre, o.input.string());
    rec->seek(rec->end());  // the game goes on from where the save ends
  } else {
    if (save.empty()) save = default_save(in.scenario.name);
    rec = start_recording(std::move(in.scenario), in.theatre, save, "6h");
  }

  std::optional<play::Host> host;
  try {
    host.emplace(*rec, ho, std::cout);
  } catch (const play::ListenError& e) {
    throw InputError(std::string("--port: ") + e.what());
  }
  std::cout << play::join_banner(*host) << "the game is saved to " << save.string()
            << " on leaving (Ctrl-C)" << std::endl;

  g_stop = false;
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
  Clock::time_point last = Clock::now();
  while (!g_stop) {
    host->poll(10ms);
    const Clock::time_point now = Clock::now();
    host->play(std::chrono::duration<double>(now - last).count(), 8ms);
    last = now;
    if (until && rec->run().now() >= *until) break;
  }
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  host->farewell(1s);
  host.reset();  // seats see the host leave before the save is written
  finish_recording(*rec, save);
  std::cout << "saved the game at " << sim::format_clock(rec->run().now()) << " ("
            << rec->commands().size() << " commands) to " << save.string() << std::endl;
  return 0;
}

// A headless seat's script: one order a line, '#' comments.
//   wait 2s | until 12h | play-until 12h | answer ID OPTION | pause | resume | speed X | quit
struct Step {
  std::string order;
  std::int64_t a = 0;
  std::int64_t b = 0;
  double x = 0;
  int line = 0;
};

std::vector<Step> read_script(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw InputError("--script " + file.string() + ": cannot read it");
  std::vector<Step> steps;
  std::string text;
  for (int line = 1; std::getline(in, text); ++line) {
    if (const auto hash = text.find('#'); hash != std::string::npos) text.erase(hash);
    std::istringstream words(text);
    Step s;
    s.line = line;
    if (!(words >> s.order)) continue;
    const std::string where = file.string() + ":" + std::to_string(line) + ": ";
    std::string arg;
    if (s.order == "wait" || s.order == "until" || s.order == "play-until") {
      if (!(words >> arg)) throw InputError(where + s.order + ": expected a duration");
      try {
        s.a = sim::parse_duration(arg).count_ms();
      } catch (const std::invalid_argument& e) {
        throw InputError(where + e.what());
      }
    } else if (s.order == "answer") {
      if (!(words >> s.a >> s.b) || s.a < 0 || s.b < 0) {
        throw InputError(where + "answer: expected a decision id and an option");
      }
    } else if (s.order == "speed") {
      if (!(words >> s.x) || s.x < 1 || s.x > 10000) {
        throw InputError(where + "speed: expected 1 to 10000");
      }
    } else if (s.order != "pause" && s.order != "resume" && s.order != "quit") {
      throw InputError(where +
                       "expected wait, until, play-until, answer, pause, resume, speed "
                       "or quit, not " +
                       s.order);
    }
    if (words >> arg) throw InputError(where + "unexpected " + arg);
    steps.push_back(s);
  }
  return steps;
}

struct Console {
  std::size_t log_shown = 0;
  std::uint64_t pictures_shown = 0;
  std::size_t refusals_shown = 0;

  void show(const play::Seat& seat) {
    if (seat.log().size() < log_shown) log_shown = 0;  // the host rebuilt the log
    for (; log_shown < seat.log().size(); ++log_shown) {
      const play::LogLine& l = seat.log()[log_shown];
      std::cout << sim::format_clock(l.at) << "  " << l.text << "\n";
    }
    for (; refusals_shown < seat.refusals().size(); ++refusals_shown) {
      if (seat.refusals()[refusals_shown] == play::kHostClosed) continue;  // said on leaving
      std::cerr << "refused: " << seat.refusals()[refusals_shown] << "\n";
    }
    if (seat.picture() && seat.pictures_received() != pictures_shown) {
      pictures_shown = seat.pictures_received();
      const play::Picture& p = seat.picture()->picture;
      std::cout << "picture " << sim::format_clock(p.now) << ": " << p.units.size() << " units, "
                << p.violations.size() << " open violations, " << p.decisions.size()
                << " decisions to answer" << (seat.picture()->paused ? " (paused)" : "") << "\n";
      for (const sim::Decision& d : p.decisions) {
        std::cout << "  decision " << d.id << ": " << d.options.size() << " options, doctrine's "
                  << d.doctrine << "\n";
      }
    }
    std::cout.flush();
  }
};

// Polls until `done` holds; false when the host has gone.
bool pump(play::Seat& seat, Console& console, const std::function<bool()>& done) {
  while (!g_stop) {
    if (!seat.poll(20ms)) {
      console.show(seat);
      return false;
    }
    console.show(seat);
    if (done()) return true;
  }
  return false;
}

int join_command(const Common& common, const JoinCommandOptions& o) {
  const auto colon = o.address.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    throw InputError(o.address + ": expected HOST:PORT, e.g. 192.168.1.20:5555");
  }
  std::uint16_t port = 0;
  try {
    const int p = std::stoi(o.address.substr(colon + 1));
    if (p < 1 || p > 65535) throw std::out_of_range("port");
    port = static_cast<std::uint16_t>(p);
  } catch (const std::exception&) {
    throw InputError(o.address + ": expected a port from 1 to 65535 after ':'");
  }
  // The presenter is a projector's window on what the host shows observers: it joins with the
  // observer's code and answers nothing.
  const bool presenter = o.cell == "presenter";
  const std::optional<play::Role> role =
      presenter ? std::optional<play::Role>(play::Role::Observer) : play::role_from_string(o.cell);
  if (!role) {
    throw InputError("--cell " + o.cell + ": expected blue, red, observer, presenter or white");
  }
  if (o.code.empty()) throw InputError("--code: expected the join code the host printed");
  if (!o.nation.empty() && *role != play::Role::Blue) {
    throw InputError("--nation: only a blue seat answers for a nation");
  }
  if (presenter && o.headless) throw InputError("--cell presenter: a presenter is a window");
  const auto [width, height] = size_option(o.size, 640, 480);
  if (o.ui_scale != 0 && (o.ui_scale < 0.5f || o.ui_scale > 4)) {
    throw InputError("--ui-scale: expected 0.5 to 4 (or 0 for automatic)");
  }
  if (!o.script.empty() && !std::filesystem::is_regular_file(o.script)) {
    throw InputError("--script " + o.script.string() + ": no such file");
  }
  std::vector<Step> steps;
  if (!o.script.empty() && o.headless) steps = read_script(o.script);
  if (!o.headless) {
    // Look for the display before anything else, so the advice comes at once.
    try {
      render::gui::require_display();
    } catch (const render::gui::NoDisplay& e) {
      throw RunError(e.what());
    }
  }
  // The seat's own map: the host's welcome must name the same theatre.
  const map::Theatre theatre = load_theatre(common.assets);

  play::SeatOptions so;
  so.host = o.address.substr(0, colon);
  so.port = port;
  so.role = *role;
  so.nation = o.nation;
  so.code = o.code;
  so.limits = {theatre.region_count(), theatre.link_count()};
  so.theatre = saves::theatre_fingerprint(theatre);
  so.theatre_name = play::theatre_name(theatre.region_count(), theatre.link_count());
  play::Seat seat(so);
  try {
    seat.connect(5s);
    if (!o.headless) {
      // The welcome first: a refusal or another theatre is said before the window opens.
      const auto until = Clock::now() + 5s;
      while (!seat.welcome() && seat.poll(20ms) && Clock::now() < until) {
      }
      if (!seat.welcome()) {
        throw InputError("the host refused this seat: " +
                         (seat.refusals().empty() ? std::string("it closed the connection")
                                                  : seat.refusals().back()));
      }
      render::gui::SeatWindowOptions wo;
      wo.width = width;
      wo.height = height;
      wo.screen.ui_scale = o.ui_scale;
      wo.screen.presenter = presenter;
      wo.script = o.script;
      return render::gui::run_seat_window(theatre, seat, wo);
    }
  } catch (const play::TheatreMismatch& e) {
    throw InputError(e.what());
  } catch (const play::SeatError& e) {
    throw RunError(e.what());
  } catch (const render::gui::NoDisplay& e) {
    throw RunError(e.what());
  }
  g_stop = false;
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
  Console console;
  auto gone = [&]() -> int {
    if (!seat.welcome()) {
      throw InputError("the host refused this seat: " +
                       (seat.refusals().empty() ? std::string("it closed the connection")
                                                : seat.refusals().back()));
    }
    if (g_stop) return 0;
    if (!seat.refusals().empty() && seat.refusals().back() == play::kHostClosed) {
      std::cout << "the host has closed the game (" << seat.pictures_received() << " pictures, "
                << seat.bytes_received() << " bytes received)" << std::endl;
      return 0;
    }
    throw RunError("the host closed the connection" +
                   (seat.refusals().empty() ? std::string() : ": " + seat.refusals().back()));
  };
  try {
    if (!pump(seat, console, [&] { return seat.picture().has_value(); })) return gone();
    std::set<std::uint64_t> answered;
    for (const Step& s : steps) {
      if (s.order == "quit") break;
      if (s.order == "wait") {
        const auto end = Clock::now() + std::chrono::milliseconds(s.a);
        if (!pump(seat, console, [&] { return Clock::now() >= end; })) return gone();
      } else if (s.order == "until") {
        if (!pump(seat, console, [&] { return seat.picture()->picture.now.ms() >= s.a; })) {
          return gone();
        }
      } else if (s.order == "play-until") {
        // Answers what this seat owns with doctrine's option, once each, until the time.
        const bool reached = pump(seat, console, [&] {
          const play::Picture& p = seat.picture()->picture;
          for (const sim::Decision& d : p.decisions) {
            if (answered.insert(d.id).second) seat.answer(d.id, d.doctrine);
          }
          return p.now.ms() >= s.a;
        });
        if (!reached) return gone();
      } else if (s.order == "answer") {
        seat.answer(static_cast<std::uint64_t>(s.a), static_cast<std::int32_t>(s.b));
      } else if (s.order == "pause") {
        seat.pause();
      } else if (s.order == "resume") {
        seat.resume();
      } else if (s.order == "speed") {
        seat.set_speed(s.x);
      }
    }
    if (steps.empty() && !pump(seat, console, [] { return false; })) return gone();
    // A last short wait, so that the host's answers to the last orders are shown.
    pump(seat, console, [end = Clock::now() + 200ms] { return Clock::now() >= end; });
  } catch (const play::TheatreMismatch& e) {
    throw InputError(e.what());
  } catch (const play::SeatError& e) {
    throw RunError(e.what());
  }
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  std::cout << "left the game (" << seat.pictures_received() << " pictures, "
            << seat.bytes_received() << " bytes received)" << std::endl;
  return 0;
}

}  // namespace

void add_seat_commands(CLI::App& cli, SeatCommands& c) {
  HostCommandOptions& h = c.host_options;
  c.host = cli.add_subcommand(
      "host",
      "host a multi-seat game: White's window (or console), a join code per cell, seats over TCP");
  c.host->add_option("input", h.input, "scenario or .rfsave file (default: the default scenario)");
  c.host->add_option("--port", h.port, "TCP port to listen on (default 5555; 0: any free one)");
  c.host->add_option("--seed", h.seed, "random seed (default: the scenario's)");
  c.host->add_option("--speed", h.speed, "sim seconds per wall second, 1 to 10000 (default 3600)");
  c.host->add_option("--save", h.save,
                     "write the game here on leaving (default: host-SCENARIO-TIME.rfsave)");
  c.host->add_option("--decision-limit", h.decision_limit,
                     "wall time a seat has to answer a decision, e.g. 2m; then doctrine answers");
  c.host->add_option("--observers-see", h.observers_see,
                     "the picture observers are sent: white (default), blue or red");
  c.host->add_option("--until", h.until, "leave once the game reaches this time, e.g. 3d");
  c.host->add_flag("--paused", h.paused, "start paused (a seat resumes it)");
  c.host->add_flag("--no-observer-notes", h.no_observer_notes,
                   "observers' seats may not take notes (White's may)");
  c.host->add_flag("--headless", h.headless,
                   "no window: White's console in the terminal (join codes, seats, refusals)");
  c.host->add_option("--script", h.script,
                     "the window's commands, one a line (docs/facilitator-guide.md)");
  c.host->add_option("--size", h.size, "window size WIDTHxHEIGHT (default 1600x1000)");

  JoinCommandOptions& j = c.join_options;
  c.join = cli.add_subcommand("join", "open a seat at a hosted game");
  c.join->add_option("address", j.address, "the host, HOST:PORT")->required();
  c.join
      ->add_option("--cell", j.cell,
                   "blue, red, observer, presenter (the observer's code) or white")
      ->required();
  c.join->add_option("--nation", j.nation, "blue: the nation whose approvals this seat answers");
  c.join->add_option("--code", j.code, "the join code the host printed for the cell")->required();
  c.join->add_flag("--headless", j.headless, "no window: print the picture and the log");
  c.join->add_option(
      "--script", j.script,
      "orders (headless) or window commands, one a line (docs/facilitator-guide.md)");
  c.join->add_option("--size", j.size, "window size WIDTHxHEIGHT (default 1600x1000)");
  c.join->add_option("--ui-scale", j.ui_scale, "panel scale, 0.5 to 4 (default: from the height)");
}

int run_seat_commands(const SeatCommands& c, const Common& common) {
  if (c.host && *c.host) return host_command(common, c.host_options);
  if (c.join && *c.join) return join_command(common, c.join_options);
  return -1;
}

}  // namespace rfsim::app
