// `rfsim report`: an after-action report of a scenario run, a save or a batch's results CSV
// as one self-contained HTML page with the maps rendered beside it as PNG.
#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/batch/results_csv.hpp"
#include "app/commands.hpp"
#include "app/errors.hpp"
#include "app/headless.hpp"
#include "app/load.hpp"
#include "app/output_file.hpp"
#include "app/report/odds_section.hpp"
#include "app/report/page.hpp"
#include "batch/odds_file.hpp"
#include "render/scene_of_run.hpp"
#include "render/snapshot.hpp"
#include "saves/format.hpp"
#include "saves/open_save.hpp"
#include "saves/recording.hpp"
#include "saves/save_file.hpp"
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

// The maps at `moments` (sorted), each drawn from the run `at(t)` gives at that moment.
template <typename At>
std::vector<report::MapShot> draw_maps(const std::vector<sim::SimTime>& moments, sim::SimTime end,
                                       const std::filesystem::path& dir, At at) {
  std::vector<report::MapShot> shots;
  std::string failed;
  for (std::size_t i = 0; i < moments.size(); ++i) {
    report::MapShot shot{
        "map-" + std::to_string(i + 1) + ".png", moments[i],
        "The theatre at " + sim::format_clock(moments[i]) + (moments[i] == end ? " (the end)" : ""),
        failed};
    if (failed.empty()) {
      const sim::Simulation& run = at(moments[i]);
      try {
        render::write_png(run.theatre(), render::scene_of_run(run), dir / shot.file, kMapWidth,
                          kMapHeight);
      } catch (const std::runtime_error& e) {
        // No display: the report is still worth having; it says what is missing, and so do we.
        failed = shot.missing = e.what();
        std::cerr << "rfsim: maps not rendered: " << e.what() << "\n";
      }
    }
    shots.push_back(shot);
  }
  return shots;
}

std::vector<sim::SimTime> chosen_moments(const ReportOptions& opts, sim::Duration end,
                                         const sim::Measures& m) {
  std::vector<sim::SimTime> moments =
      opts.maps.empty() ? default_moments(end, m) : parse_moments(opts.maps, end);
  std::sort(moments.begin(), moments.end());
  moments.erase(std::unique(moments.begin(), moments.end()), moments.end());
  return moments;
}

bool is_save(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::array<char, saves::kMagic.size()> head{};
  return in.read(head.data(), head.size()) && head == saves::kMagic;
}

// A saved game: re-simulated from its start through its recording, so every logged command
// (the facilitator's injects, the answered decisions) is applied at its time, up to the save's
// end; the maps are drawn by seeking the recording to each moment.
int save_report(const Common& common, const ReportOptions& opts) {
  if (opts.seed || !opts.until.empty()) {
    throw InputError(
        "--seed/--until: a save's report shows the saved game, with its own seed, "
        "to its end");
  }
  const map::Theatre theatre = load_theatre(common.assets);
  const std::string file = opts.input.string();
  saves::Save save = saves::read_save(opts.input);
  const sim::SimTime end = save.end.at;
  const std::string title = save.meta.title;
  const std::size_t commands = save.commands.size();
  const std::uint64_t saved_hash = save.end.hash;
  const sim::Scenario scenario = saves::scenario_of(save, theatre, file);
  // The odds asked in the window, kept beside the save: read (and refused when broken) before
  // anything is written.
  const std::filesystem::path odds_file = batch::odds_file_for(opts.input);
  std::vector<batch::Odds> odds;
  if (std::filesystem::exists(odds_file)) {
    try {
      odds = batch::read_odds_file(odds_file);
    } catch (const batch::OddsFileError& e) {
      throw InputError(e.what());
    }
  }
  const auto dir = out_dir(opts.out);

  saves::Recording rec(std::move(save), theatre, file);
  report::TraceDigest digest(scenario);
  rec.set_trace(&digest);
  rec.run_until(end);  // along the log only: the save holds every answer it was given
  rec.set_trace(nullptr);
  if (rec.run().state_hash() != saved_hash) {
    std::cerr << "rfsim: " << file << ": the re-simulated end differs from the saved one (the "
              << "model changed since it was recorded); the report shows the re-simulation\n";
  }

  const std::vector<sim::SimTime> moments =
      chosen_moments(opts, end.since_start(), rec.run().world().measures);
  std::vector<report::MapShot> shots;
  if (!opts.no_maps) {
    shots = draw_maps(moments, end, dir, [&](sim::SimTime t) -> const sim::Simulation& {
      rec.seek(t);
      return rec.run();
    });
    rec.seek(end);
  }
  std::string note = title.empty() ? "" : "\"" + title + "\", ";
  note += std::to_string(commands) + " logged command(s) applied at their times, to " +
          sim::format_clock(end);
  const auto html = dir / "report.html";
  std::string page = report::run_report(rec.run(), digest, shots,
                                        {"save", opts.input.string(), note, rec.notes()});
  std::size_t asked = 0;
  if (std::filesystem::exists(odds_file)) {
    page =
        report::with_section(page, report::odds_section(odds, odds_file.string(), scenario.seed));
    asked = odds.size();
  }
  write_file_atomically(html, page);
  std::cout << "wrote " << html.string() << " and " << shots.size() << " maps";
  if (asked > 0) std::cout << ", with the odds asked at " << asked << " moment(s)";
  std::cout << "\n";
  return 0;
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
  play_headless(run, sim::SimTime::at(until));
  run.set_trace(nullptr);

  const std::vector<sim::SimTime> moments = chosen_moments(opts, until, run.world().measures);

  // Second pass: the same run (same seed, same result) stopping at each moment to draw it.
  std::vector<report::MapShot> shots;
  if (!opts.no_maps) {
    sim::Simulation again(in.scenario, in.theatre);
    shots = draw_maps(
        moments, sim::SimTime::at(until), dir, [&](sim::SimTime t) -> auto& {
          play_headless(again, t);
          return again;
        });
  }
  const auto html = dir / "report.html";
  write_file_atomically(
      html, report::run_report(
                run, digest, shots,
                {"scenario", opts.input.empty() ? "(default)" : opts.input.string(), "", {}}));
  std::cout << "wrote " << html.string() << " and " << shots.size() << " maps\n";
  return 0;
}

}  // namespace

int report_command(const Common& common, const ReportOptions& opts) {
  if (opts.input.extension() == ".csv") return batch_results_report(opts);
  if (!opts.input.empty() && is_save(opts.input)) return save_report(common, opts);
  return scenario_report(common, opts);
}

}  // namespace rfsim::app
