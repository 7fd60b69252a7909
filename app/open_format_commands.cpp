// `rfsim export`, `rfsim msel export|import` and `rfsim branches`.
#include "app/open_format_commands.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/errors.hpp"
#include "app/load.hpp"
#include "app/output_file.hpp"
#include "saves/branch_tree.hpp"
#include "saves/calendar.hpp"
#include "saves/game_tracks.hpp"
#include "saves/geo_state.hpp"
#include "saves/open_save.hpp"
#include "saves/replay.hpp"
#include "saves/save_file.hpp"
#include "sim/msel_csv.hpp"
#include "sim/msel_toml.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::app {
namespace {

// A CSV of a few thousand injects is a few hundred kilobytes: anything larger is not an MSEL.
constexpr std::uintmax_t kMaxCsvBytes = 16u << 20;

std::string read_text(const std::filesystem::path& path, const std::string& what) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw InputError(path.string() + ": no such file (expected " + what + ")");
  }
  if (std::filesystem::file_size(path, ec) > kMaxCsvBytes) {
    throw InputError(path.string() + ": larger than 16 MiB (expected " + what + ")");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  if (!in && !in.eof()) throw InputError(path.string() + ": cannot be read");
  return s.str();
}

std::string format_of(const GeoExportOptions& opts) {
  std::string format = opts.format;
  if (format.empty()) {
    const std::string ext = opts.out.extension().string();
    if (ext == ".geojson" || ext == ".json") format = "geojson";
    if (ext == ".kml") format = "kml";
  }
  if (format != "geojson" && format != "kml") {
    throw InputError("--format " + (opts.format.empty() ? std::string("(none)") : opts.format) +
                     ": expected geojson or kml (or an --out ending in .geojson or .kml)");
  }
  return format;
}

std::size_t count_layer(const saves::GeoDocument& doc, const std::string& layer) {
  return static_cast<std::size_t>(std::count_if(doc.features.begin(), doc.features.end(),
                                                [&](const auto& f) { return f.layer == layer; }));
}

}  // namespace

int geo_export_command(const Common& common, const GeoExportOptions& opts) {
  const std::string format = format_of(opts);
  saves::UnixMs epoch = 0;
  try {
    epoch = saves::parse_iso8601(opts.epoch.empty() ? saves::kDefaultEpoch : opts.epoch);
  } catch (const std::invalid_argument& e) {
    throw InputError(std::string("--epoch: ") + e.what());
  }
  std::optional<sim::SimTime> at;
  if (!opts.at.empty()) at = sim::SimTime::at(duration_option("--at", opts.at));
  OutputFile out(opts.out);  // a bad path fails before any work, and nothing is written
  const map::Theatre theatre = load_theatre(common.assets);
  const saves::Save save = saves::read_save(opts.save);
  const std::string file = opts.save.string();
  if (at && *at > save.end.at) {
    throw InputError("--at " + opts.at + ": after the end of " + file + " (" +
                     sim::format_duration(save.end.at.since_start()) + ")");
  }
  saves::GeoDocument doc;
  std::string summary;
  if (at) {
    const saves::Replayed r = saves::replay_to(save, theatre, *at, saves::ReplayMode::Auto, file);
    doc = saves::state_document(*r.run);
    doc.about.push_back({"save", opts.save.filename().string()});
    doc.about.push_back({"replay", std::string(saves::to_string(r.mode)) + ": " + r.why});
    if (r.mode == saves::ReplayMode::Recorded) {
      std::cerr << "rfsim: warning: " << r.why
                << "; the state exported is the recorded keyframe at "
                << sim::format_clock(r.run->now()) << ", not " << sim::format_clock(*at) << "\n";
    }
    summary = "the state at " + sim::format_clock(r.run->now()) + ": " +
              std::to_string(count_layer(doc, "units")) + " units, " +
              std::to_string(count_layer(doc, "violations")) + " open violations, " +
              std::to_string(count_layer(doc, "regions")) + " regions, " +
              std::to_string(count_layer(doc, "cut_links")) + " cut links";
  } else {
    const saves::GameTracks tracks = saves::game_tracks(save, theatre, file);
    doc = saves::tracks_document(tracks, saves::scenario_of(save, theatre, file), theatre);
    doc.about.push_back({"save", opts.save.filename().string()});
    if (!tracks.resimulated) std::cerr << "rfsim: warning: " << tracks.how << "\n";
    summary = "the whole game to " + sim::format_clock(save.end.at) + ": " +
              std::to_string(count_layer(doc, "tracks")) + " unit tracks (" +
              std::to_string(count_layer(doc, "positions")) + " positions), " +
              std::to_string(count_layer(doc, "violations")) + " violations";
  }
  out.write(format == "kml" ? saves::to_kml(doc, epoch) : saves::to_geojson(doc, epoch));
  out.commit();
  std::cout << "wrote " << opts.out.string() << " (" << (format == "kml" ? "KML" : "GeoJSON")
            << ", t = 0 at " << saves::format_iso8601(epoch) << "): " << summary << "\n";
  return 0;
}

int msel_export_command(const Common& common, const MselExportOptions& opts) {
  std::unique_ptr<OutputFile> out;
  if (!opts.out.empty()) out = std::make_unique<OutputFile>(opts.out);
  const Loaded in = load_inputs(common.assets, opts.scenario, std::nullopt);
  const std::string csv = sim::msel_to_csv(in.scenario.injects, in.scenario, in.theatre);
  if (!out) {
    std::cout << csv;
    return 0;
  }
  out->write(csv);
  out->commit();
  std::cout << "wrote " << opts.out.string() << ": " << in.scenario.injects.size() << " injects of "
            << opts.scenario.string() << "\n";
  return 0;
}

int msel_import_command(const Common& common, const MselImportOptions& opts) {
  OutputFile out(opts.out);
  const Loaded in = load_inputs(common.assets, opts.scenario, std::nullopt);
  const std::string csv = read_text(opts.csv, "an MSEL as CSV");
  const sim::MselRead read = sim::msel_from_csv(csv, in.scenario, in.theatre);
  if (!read.ok()) {
    std::string message = opts.csv.string() + ": " + std::to_string(read.problems.size()) +
                          (read.problems.size() == 1 ? " problem" : " problems") +
                          ", nothing written:";
    for (const sim::MselProblem& p : read.problems)
      message += "\n  " + p.describe(opts.csv.string());
    throw InputError(message);
  }
  const std::string text =
      sim::with_injects(in.scenario.source_text, in.scenario.source_name, read.injects, in.theatre);
  try {
    sim::parse_scenario(text, opts.out.string(), in.theatre);  // what `rfsim validate` checks
  } catch (const sim::ScenarioError& e) {
    throw RunError(std::string("the new scenario would not validate (a bug): ") + e.what());
  }
  out.write(text);
  out.commit();
  std::cout << "wrote " << opts.out.string() << ": " << opts.scenario.string() << " with "
            << read.injects.size() << " injects from " << opts.csv.string() << " (it had "
            << in.scenario.injects.size() << "); every other line as it was\n";
  return 0;
}

int branches_command(const Common&, const BranchesOptions& opts) {
  std::vector<std::filesystem::path> files;
  for (const std::filesystem::path& p : opts.inputs) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      std::vector<std::filesystem::path> found;
      for (const auto& e : std::filesystem::directory_iterator(p, ec)) {
        if (e.is_regular_file() && e.path().extension() == ".rfsave") found.push_back(e.path());
      }
      if (ec) throw InputError(p.string() + ": cannot list the folder: " + ec.message());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(p);  // read_save names it if it is missing or not a save
    }
  }
  if (files.empty()) throw InputError("no .rfsave files in the folders given");
  std::vector<saves::SaveSummary> summaries;
  for (const std::filesystem::path& f : files) {
    summaries.push_back(saves::summarize(saves::read_save(f), f));
  }
  std::cout << saves::format_branch_tree(saves::branch_tree(std::move(summaries)));
  return 0;
}

void add_open_format_commands(CLI::App& cli, OpenFormatCommands& out) {
  out.export_cmd = cli.add_subcommand(
      "export", "write a save's state at a time, or its whole game's tracks, as GeoJSON or KML");
  out.export_cmd->add_option("save", out.geo_export.save, "save file")->required();
  out.export_cmd->add_option("--format", out.geo_export.format,
                             "geojson or kml (default: from --out's extension)");
  out.export_cmd->add_option("--at", out.geo_export.at,
                             "the state at this time, e.g. 36h (default: the whole game's tracks)");
  out.export_cmd->add_option(
      "--epoch", out.geo_export.epoch,
      "when t = 0 is, ISO 8601 UTC (default " + std::string(saves::kDefaultEpoch) + ")");
  out.export_cmd->add_option("--out", out.geo_export.out, "file to write")->required();

  out.msel_cmd = cli.add_subcommand("msel", "the MSEL (scheduled injects) as CSV and back");
  out.msel_cmd->require_subcommand(1);
  out.msel_export_cmd = out.msel_cmd->add_subcommand("export", "write a scenario's MSEL as CSV");
  out.msel_export_cmd->add_option("scenario", out.msel_export.scenario, "scenario file")
      ->required();
  out.msel_export_cmd->add_option("--out", out.msel_export.out, "CSV file (default: stdout)");
  out.msel_import_cmd = out.msel_cmd->add_subcommand(
      "import", "write a scenario with its [[injects]] replaced by a CSV's (the rest kept)");
  out.msel_import_cmd->add_option("scenario", out.msel_import.scenario, "scenario file")
      ->required();
  out.msel_import_cmd->add_option("csv", out.msel_import.csv, "the MSEL as CSV")->required();
  out.msel_import_cmd->add_option("--out", out.msel_import.out, "the new scenario file")
      ->required();

  out.branches_cmd =
      cli.add_subcommand("branches", "print the branch tree of a game's saves, with fork times");
  out.branches_cmd->add_option("saves", out.branches.inputs, "saves, or folders of .rfsave files")
      ->required();
}

int run_open_format_commands(const OpenFormatCommands& c, const Common& common) {
  if (*c.export_cmd) return geo_export_command(common, c.geo_export);
  if (*c.msel_export_cmd) return msel_export_command(common, c.msel_export);
  if (*c.msel_import_cmd) return msel_import_command(common, c.msel_import);
  if (*c.branches_cmd) return branches_command(common, c.branches);
  return -1;
}

}  // namespace rfsim::app
