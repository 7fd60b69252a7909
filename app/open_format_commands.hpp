// `rfsim export`, `rfsim msel export|import` and `rfsim branches`: the command line's side of
// the open formats (saves/geo_*.hpp, sim/msel_*.hpp) and of the branch tree.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/commands.hpp"

namespace CLI {
class App;
}

namespace rfsim::app {

struct GeoExportOptions {
  std::filesystem::path save;
  std::string format;  // geojson or kml; empty: from --out's extension
  std::string at;      // a duration: the state then; empty: the whole game's tracks
  std::string epoch;   // ISO 8601: when t = 0 is; empty: saves::kDefaultEpoch
  std::filesystem::path out;
};
int geo_export_command(const Common& common, const GeoExportOptions& opts);

struct MselExportOptions {
  std::filesystem::path scenario;
  std::filesystem::path out;  // empty: stdout
};
int msel_export_command(const Common& common, const MselExportOptions& opts);

struct MselImportOptions {
  std::filesystem::path scenario;
  std::filesystem::path csv;
  std::filesystem::path out;
};
int msel_import_command(const Common& common, const MselImportOptions& opts);

struct BranchesOptions {
  std::vector<std::filesystem::path> inputs;  // saves, or folders of .rfsave files
};
int branches_command(const Common& common, const BranchesOptions& opts);

/// The options of these subcommands, registered on `cli` by add_open_format_commands.
struct OpenFormatCommands {
  GeoExportOptions geo_export;
  MselExportOptions msel_export;
  MselImportOptions msel_import;
  BranchesOptions branches;
  CLI::App* export_cmd = nullptr;
  CLI::App* msel_cmd = nullptr;
  CLI::App* msel_export_cmd = nullptr;
  CLI::App* msel_import_cmd = nullptr;
  CLI::App* branches_cmd = nullptr;
};
/// Registers export, msel (export, import) and branches; `out` must outlive parsing.
void add_open_format_commands(CLI::App& cli, OpenFormatCommands& out);
/// Runs the subcommand that was chosen; -1 when none of these was.
int run_open_format_commands(const OpenFormatCommands& commands, const Common& common);

}  // namespace rfsim::app
