// `rfsim host` and `rfsim join`: a multi-seat game over the network (play/host.hpp,
// play/seat.hpp). Registered beside the other subcommands in main.cpp.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace rfsim::app {

struct Common;

struct HostCommandOptions {
  std::filesystem::path input;        // a scenario or a save; empty: the default scenario
  std::uint16_t port = 5555;          // 0: any free port (printed)
  std::optional<std::uint64_t> seed;  // scenarios only
  double speed = 3600;                // simulated seconds per wall second
  std::filesystem::path save;         // where the game is written on leaving
  std::string decision_limit;         // wall time a seat has to answer; empty: no limit
  std::string observers_see = "white";
  std::string until;  // leave once the game reaches this simulated time (scripts, benchmarks)
  bool paused = false;
  bool no_observer_notes = false;  // observers' seats may not take notes
  bool headless = false;           // White's console in the terminal, no window
  std::filesystem::path script;    // the window's commands (render/gui/window.hpp)
  std::string size = "1600x1000";  // the window's size, WIDTHxHEIGHT
};

struct JoinCommandOptions {
  std::string address;  // HOST:PORT
  std::string cell = "observer";
  std::string nation;
  std::string code;
  bool headless = false;
  std::filesystem::path script;  // headless: orders to give (docs/facilitator-guide.md)
  std::string size = "1600x1000";
  float ui_scale = 0;  // 0: from the window's height
};

struct SeatCommands {
  CLI::App* host = nullptr;
  CLI::App* join = nullptr;
  HostCommandOptions host_options;
  JoinCommandOptions join_options;
};

void add_seat_commands(CLI::App& cli, SeatCommands& c);
/// The exit code of the seat subcommand given, or -1 when neither was.
int run_seat_commands(const SeatCommands& c, const Common& common);

}  // namespace rfsim::app
