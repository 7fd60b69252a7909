// `rfsim report`: an after-action report of a scenario run (or a save, or a batch's results
// CSV) as one self-contained HTML page with the maps rendered beside it as PNG.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/batch/results.hpp"
#include "app/commands.hpp"
#include "app/errors.hpp"
#include "app/load.hpp"
#include "app/output_file.hpp"
#include "app/report/page.hpp"
#include "render/scene_of_run.hpp"
#include "render/snapshot.hpp"
#include "sim/simulation.hpp"

namespace rfsim::app {
namespace {

constexpr unsigned kMapWidth = 1400, kMapHeight = 875;

std::vector<sim::SimTime> parse_moments(const std::string& text, sim::Duration end) {
  std::vector<sim::SimTime> out;
  std::size_t from = 0;
  while (from <= text.size()) {
    const std::size_t at = std::min(text.find(',', from), text.size());
    const std::string one = text.substr(from, at - from);
    const sim::Duration d = duration_option("--maps", one);
    if (d > end) {
      throw InputError("--maps " + one + ": after the run's end (" + sim::format_duration(end) +
                       ")");
    }
    out.push_back(sim::SimTime::at(d));
    from = at + 1;
  }
  return out;
}

// The default moments: the end of the first day, the middle, the break of the ceasefire if it
// broke, and the end.
std::vector<sim::SimTime> default_moments(sim::Duration end, const sim::Measures& m) {
  std::vector<sim::SimTime> out;
  if (end > sim::Duration::days(2)) out.push_back(sim::SimTime::at(sim::Duration::days(1)));
  out.push_back(sim::SimTime::from_ms(end.count_ms() / 2 / 3'600'000 * 3'600'000));
  if (m.ceasefire_broken) out.push_back(m.broken_at);
  out.push_back(sim::SimTime::at(end));
  return out;
}

std::filesystem::path out_dir(const std::filesystem::path& dir) {
  if (dir.empty()) throw InputError("--out: expected a folder for the report");
  const auto parent = dir.has_parent_path() ? dir.parent_path() : std::filesystem::path(".");
  if (!std::filesystem::is_directory(parent)) {
    throw InputError("--out " + dir.string() + ": the folder " + parent.string() +
                     " does not exist");
  }
  if (std::filesystem::exists(dir) && !std::filesystem::is_directory(dir)) {
    throw InputError("--out " + dir.string() + ": exists and is not a folder");
  }
  std::filesystem::create_directories(dir);
  return dir;
}

int batch_results_report(const ReportOptions& opts) {
  const batch::ResultsTable table = batch::read_results_csv(opts.input);
  std::string scenario = opts.input.stem().string();
  // The scenario's name is in the JSON summary that `rfsim batch` wrote beside the results.
  auto json_path = opts.input;
  json_path.replace_filename(opts.input.stem().string() + ".summary.json");
  if (std::ifstream json(json_path); json) {
    try {
      scenario = nlohmann::json::parse(json).value("scenario", scenario);
    } catch (const nlohmann::json::exception&) {
      // Not ours or damaged: the file name will do as a title.
    }
  }
  const auto dir = out_dir(opts.out);
  const auto html = dir / "report.html";
  write_file_atomically(html,
                        report::batch_report(table, opts.input.filename().string(), scenario));
  std::cout << "wrote " << html.string() << " (" << table.variants.size() << " variants, "
            << table.rows.size() << " runs)\n";
  return 0;
}

int scenario_report(const Common& common, const ReportOptions& opts) {
  Loaded in = load_inputs(common.assets, opts.input, opts.seed);
  sim::Duration until = in.scenario.length;
  if (!opts.until.empty()) until = duration_option("--until", opts.until);
  const auto dir = out_dir(opts.out);

  // First pass: the whole run with its trace digested.
  sim::Simulation run(in.scenario, in.theatre);
  report::TraceDigest digest(run.scenario());
  run.set_trace(&digest);
  run.run_until(sim::SimTime::at(until));
  run.set_trace(nullptr);

  std::vector<sim::SimTime> moments = opts.maps.empty()
                                          ? default_moments(until, run.world().measures)
                                          : parse_moments(opts.maps, until);
  std::sort(moments.begin(), moments.end());
  moments.erase(std::unique(moments.begin(), moments.end()), moments.end());

  // Second pass: the same run (same seed, same result) stopping at each moment to draw it.
  std::vector<report::MapShot> shots;
  if (!opts.no_maps) {
    sim::Simulation again(in.scenario, in.theatre);
    std::string failed;
    for (std::size_t i = 0; i < moments.size(); ++i) {
      again.run_until(moments[i]);
      report::MapShot shot{"map-" + std::to_string(i + 1) + ".png", moments[i],
                           "The theatre at " + sim::format_clock(moments[i]) +
                               (moments[i] == sim::SimTime::at(until) ? " (the end)" : ""),
                           failed};
      if (failed.empty()) {
        try {
          render::write_png(again.theatre(), render::scene_of_run(again), dir / shot.file,
                            kMapWidth, kMapHeight);
        } catch (const std::runtime_error& e) {
          // No display: the report is still worth having; it says what is missing, and so do we.
          failed = shot.missing = e.what();
          std::cerr << "rfsim: maps not rendered: " << e.what() << "\n";
        }
      }
      shots.push_back(shot);
    }
  }
  const auto html = dir / "report.html";
  write_file_atomically(
      html,
      report::run_report(run, digest, shots,
                         {"scenario", opts.input.empty() ? "(default)" : opts.input.string(), ""}));
  std::cout << "wrote " << html.string() << " and " << shots.size() << " maps\n";
  return 0;
}

}  // namespace

int report_command(const Common& common, const ReportOptions& opts) {
  if (opts.input.extension() == ".csv") return batch_results_report(opts);
  return scenario_report(common, opts);
}

}  // namespace rfsim::app
