// The subcommands of `rfsim`, each a function from parsed options to an exit code.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace rfsim::app {

struct Common {
  std::filesystem::path assets;  // --assets; empty: found by find_assets()
};

struct RunOptions {
  std::filesystem::path scenario;     // empty: the default scenario
  std::optional<std::uint64_t> seed;  // overrides the scenario's seed
  std::string until;                  // a duration; empty: the scenario's length
  std::filesystem::path trace;        // event trace as CSV
  std::filesystem::path metrics;      // measures as JSON
  std::filesystem::path daily;        // daily counts as CSV
  std::filesystem::path summary;      // the printed summary, also to a file
  bool quiet = false;                 // no summary on stdout
  std::filesystem::path save;         // write a save (app/save_commands.cpp)
  std::string keyframe_every = "6h";  // the save's keyframe interval
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
  std::filesystem::path autosave_dir;    // autosaves; empty: beside the scenario or save
  std::string cell = "white";            // whose picture the window starts on
  bool observer = false;                 // an observer's seat: may take notes
  bool presenter = false;                // start in the presenter view (projector)
};
int gui_command(const Common& common, const GuiCommandOptions& opts);

struct BatchOptions {
  std::filesystem::path scenario;             // empty: the default scenario
  std::uint32_t runs = 0;                     // replications per variant
  unsigned threads = 0;                       // 0: the machine's cores (shared by local MPI ranks)
  std::vector<std::string> vary;              // PARAM=V1,V2,...; several give their product
  std::string length;                         // overrides the scenario's length
  bool no_msel = false;                       // drop the scenario's MSEL (each lever seen pure)
  std::filesystem::path from;                 // a save to play on from
  std::string at;                             // the moment of `from` to play on from
  std::filesystem::path out = "results.csv";  // summaries go beside it
  std::filesystem::path daily;                // a folder for each run's daily CSV; empty: none
  bool quiet = false;
};
int batch_command(const Common& common, const BatchOptions& opts);

struct ReportOptions {
  std::filesystem::path input;        // a scenario, a save or a batch's results CSV
  std::filesystem::path out;          // the folder: report.html and map-N.png
  std::optional<std::uint64_t> seed;  // scenario runs: overrides the scenario's seed
  std::string until;                  // scenario runs: stop here (default: its length)
  std::string maps;                   // moments to draw, "1d,15d,30d"; empty: chosen
  bool no_maps = false;
};
int report_command(const Common& common, const ReportOptions& opts);

// Saves, replays and branches: app/save_commands.cpp.
struct SaveInfoOptions {
  std::filesystem::path save;
};
int save_info_command(const Common& common, const SaveInfoOptions& opts);

struct ExportJsonOptions {
  std::filesystem::path save;
  std::filesystem::path out;  // empty: stdout
};
int export_json_command(const Common& common, const ExportJsonOptions& opts);

struct ReplayOptions {
  std::filesystem::path save;
  std::string to;                  // empty: the save's end
  bool verify = false;             // re-simulate the whole save, check every hash
  std::string mode = "auto";       // auto, resim or recorded
  std::filesystem::path snapshot;  // PNG of the map at --to
  std::string size = "1600x1000";
};
int replay_command(const Common& common, const ReplayOptions& opts);

struct BranchOptions {
  std::filesystem::path save;
  std::string at;      // where the branch leaves the save
  std::string decide;  // "ID=OPTION": fork where decision ID was answered, answer OPTION
  std::filesystem::path out;
  std::vector<std::string> injects;  // "regime=full", "cut=a:b"... applied at the fork
  std::string until;                 // run the branch on to here
};
int branch_command(const Common& common, const BranchOptions& opts);

struct CompareOptions {
  std::filesystem::path a, b;
  std::string at;  // compare both at this time; empty: at the earlier of their ends
};
int compare_command(const Common& common, const CompareOptions& opts);

/// The save subcommands' options, registered on `cli` by add_save_commands.
struct SaveCommands {
  SaveInfoOptions info;
  ExportJsonOptions export_json;
  ReplayOptions replay;
  BranchOptions branch;
  CompareOptions compare;
  CLI::App* info_cmd = nullptr;
  CLI::App* export_cmd = nullptr;
  CLI::App* replay_cmd = nullptr;
  CLI::App* branch_cmd = nullptr;
  CLI::App* compare_cmd = nullptr;
};
/// Registers save-info, export-json, replay, branch and compare; `out` must outlive parsing
/// (CLI11 writes into its fields).
void add_save_commands(CLI::App& cli, SaveCommands& out);
/// Runs the save subcommand that was chosen; -1 when none was.
int run_save_commands(const SaveCommands& saves, const Common& common);

}  // namespace rfsim::app
