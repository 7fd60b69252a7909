// The subcommands of `rfsim`, each a function from parsed options to an exit code.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rfsim::app {

struct Common {
  std::filesystem::path assets;  // --assets; empty: found by find_assets()
};

struct RunOptions {
  std::filesystem::path scenario;        // empty: the default scenario
  std::optional<std::uint64_t> seed;     // overrides the scenario's seed
  std::string until;                     // a duration; empty: the scenario's length
  std::filesystem::path trace;           // event trace as CSV
  std::filesystem::path metrics;         // measures as JSON
  std::filesystem::path daily;           // daily counts as CSV
  std::filesystem::path summary;         // the printed summary, also to a file
  bool quiet = false;                    // no summary on stdout
};
int run_command(const Common& common, const RunOptions& opts);

struct ValidateOptions {
  std::filesystem::path scenario;
};
int validate_command(const Common& common, const ValidateOptions& opts);

struct SnapshotOptions {
  std::filesystem::path scenario;
  std::optional<std::uint64_t> seed;
  std::string at = "0";
  std::filesystem::path out = "map.png";
  std::string size = "1600x1000";
};
int snapshot_command(const Common& common, const SnapshotOptions& opts);

// The facilitator's window: app/gui_command.cpp.
struct GuiCommandOptions {
  std::filesystem::path input;           // a scenario; empty: the default scenario
  std::optional<std::uint64_t> seed;     // overrides the scenario's seed
  std::string size = "1600x1000";        // the window's first size
  float ui_scale = 0;                    // panels' scale; 0: from the window height
  float speed = 3600;                    // sim seconds per wall second at start
  bool play = false;                     // start running
  std::filesystem::path screenshot_dir;  // where F12 writes (default: the current folder)
  std::filesystem::path script;          // commands to play (tests, docs screenshots)
};
int gui_command(const Common& common, const GuiCommandOptions& opts);

struct BatchOptions {
  std::filesystem::path scenario;        // empty: the default scenario
  std::uint32_t runs = 0;                // replications per variant
  unsigned threads = 0;                  // 0: the machine's cores (shared by local MPI ranks)
  std::vector<std::string> vary;         // PARAM=V1,V2,...; several give their product
  std::string length;                    // overrides the scenario's length
  std::filesystem::path from;            // a save to play on from
  std::string at;                        // the moment of `from` to play on from
  std::filesystem::path out = "results.csv";  // summaries go beside it
  bool quiet = false;
};
int batch_command(const Common& common, const BatchOptions& opts);

struct ReportOptions {
  std::filesystem::path input;           // a scenario, a save or a batch's results CSV
  std::filesystem::path out;             // the folder: report.html and map-N.png
  std::optional<std::uint64_t> seed;     // scenario runs: overrides the scenario's seed
  std::string until;                     // scenario runs: stop here (default: its length)
  std::string maps;                      // moments to draw, "1d,15d,30d"; empty: chosen
  bool no_maps = false;
};
int report_command(const Common& common, const ReportOptions& opts);

}  // namespace rfsim::app
