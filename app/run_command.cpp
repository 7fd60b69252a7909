// `rfsim run`: a scenario headless to its end (or --until), then the summary and the files.
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "app/errors.hpp"
#include "app/headless.hpp"
#include "app/load.hpp"
#include "app/reports.hpp"
#include "app/save_commands.hpp"
#include "saves/recording.hpp"
#include "sim/scenario_loader.hpp"
#include "sim/simulation.hpp"
#include "sim/summary.hpp"

namespace rfsim::app {

int run_command(const Common& common, const RunOptions& opts) {
  Loaded in = load_inputs(common.assets, opts.scenario, opts.seed);
  sim::Duration until = in.scenario.length;
  if (!opts.until.empty()) until = duration_option("--until", opts.until);

  // Open every output before running, so a bad path fails at once and nothing is written.
  std::unique_ptr<OutputFile> trace_file, metrics_file, daily_file, summary_file;
  if (!opts.trace.empty()) trace_file = std::make_unique<OutputFile>(opts.trace);
  if (!opts.metrics.empty()) metrics_file = std::make_unique<OutputFile>(opts.metrics);
  if (!opts.daily.empty()) daily_file = std::make_unique<OutputFile>(opts.daily);
  if (!opts.summary.empty()) summary_file = std::make_unique<OutputFile>(opts.summary);

  // With --save the run is recorded (commands, keyframes, trace); the results are the same.
  std::unique_ptr<saves::Recording> recording;
  std::unique_ptr<sim::Simulation> plain;
  if (!opts.save.empty()) {
    recording = start_recording(std::move(in.scenario), in.theatre, opts.save, opts.keyframe_every);
  } else {
    plain = std::make_unique<sim::Simulation>(std::move(in.scenario), in.theatre);
  }
  const sim::Simulation& run = recording ? recording->run() : *plain;
  std::unique_ptr<CsvTrace> trace;
  if (trace_file) {
    trace = std::make_unique<CsvTrace>(*trace_file, run.theatre(), run.scenario());
    if (recording)
      recording->set_trace(trace.get());
    else
      plain->set_trace(trace.get());
  }
  std::int64_t decided = 0;
  if (recording) {
    decided = play_headless(*recording, sim::SimTime::at(until));
    recording->set_trace(nullptr);
    finish_recording(*recording, opts.save);
  } else {
    decided = play_headless(*plain, sim::SimTime::at(until));
    plain->set_trace(nullptr);
  }

  std::string summary = sim::format_summary(run);
  if (decided > 0) {
    summary += "decisions   " + std::to_string(decided) +
               " answered by doctrine (no one to ask in a headless run; rfsim gui asks)\n";
  }
  if (trace_file) trace_file->commit();
  if (metrics_file) {
    metrics_file->write(metrics_json(run));
    metrics_file->commit();
  }
  if (daily_file) {
    daily_file->write(daily_csv(run));
    daily_file->commit();
  }
  if (summary_file) {
    summary_file->write(summary);
    summary_file->commit();
  }
  if (!opts.quiet) std::cout << summary;
  return 0;
}

int validate_command(const Common& common, const ValidateOptions& opts) {
  // Every problem, each on its own line, then how many: a facilitator fixes them in one pass.
  const map::Theatre theatre = load_theatre(common.assets);
  const sim::ScenarioCheck check = sim::check_scenario_file(opts.scenario, theatre);
  if (!check.problems.empty()) {
    for (const sim::ScenarioError& e : check.problems) std::cerr << "rfsim: " << e.what() << "\n";
    const std::size_t n = check.problems.size() + check.unlisted;
    std::cerr << "rfsim: " << n << (n == 1 ? " problem in " : " problems in ")
              << opts.scenario.string()
              << (check.unlisted > 0
                      ? " (the first " + std::to_string(check.problems.size()) + " listed)"
                      : std::string())
              << "\n";
    return 2;
  }
  const sim::Scenario& s = *check.scenario;
  std::cout << opts.scenario.string() << ": valid: \"" << s.name << "\", " << s.nations.size()
            << " nations, " << s.units.size() << " units, " << s.injects.size()
            << " injects, regime " << sim::to_string(s.regime) << ", "
            << sim::format_duration(s.length) << "\n";
  return 0;
}

}  // namespace rfsim::app
