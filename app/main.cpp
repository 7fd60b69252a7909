// rfsim's command line: parses the subcommand and its options, runs it, and turns every
// error into a plain message and an exit code (0 success, 1 runtime failure, 2 bad input).
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/commands.hpp"
#include "app/errors.hpp"
#include "app/notes_command.hpp"
#include "app/open_format_commands.hpp"
#include "app/seat_commands.hpp"
#include "io/atomic_file.hpp"
#include "saves/save_error.hpp"
#include "sim/scenario_loader.hpp"

namespace {

constexpr int kBadInput = 2;
constexpr int kRuntimeFailure = 1;

}  // namespace

int main(int argc, char** argv) {
  using namespace rfsim::app;
  CLI::App cli{
      "rfsim: a discrete-event simulator of a multinational Reassurance Force "
      "monitoring a ceasefire in Ukraine"};
  cli.require_subcommand(1);
  Common common;
  cli.add_option("--assets", common.assets, "folder with theatre/, scenarios/ (default: built-in)");

  RunOptions run;
  CLI::App* run_cmd = cli.add_subcommand("run", "run a scenario headless and print its measures");
  run_cmd->add_option("scenario", run.scenario, "scenario file (default: the default scenario)");
  run_cmd->add_option("--seed", run.seed, "random seed (default: the scenario's)");
  run_cmd->add_option("--until", run.until,
                      "stop at this time, e.g. 72h or 30d (default: the scenario's length)");
  run_cmd->add_option("--trace", run.trace, "write the event trace as CSV");
  run_cmd->add_option("--metrics", run.metrics, "write the measures as JSON");
  run_cmd->add_option("--daily", run.daily, "write daily counts as CSV");
  run_cmd->add_option("--summary", run.summary, "also write the summary to this file");
  run_cmd->add_flag("-q,--quiet", run.quiet, "print nothing on success");
  run_cmd->add_option("--save", run.save, "write the game as a save (replayable, branchable)");
  run_cmd->add_option("--keyframe-every", run.keyframe_every,
                      "simulated time between the save's keyframes (default 6h)");

  ValidateOptions validate;
  CLI::App* validate_cmd =
      cli.add_subcommand("validate", "check a scenario file and report every problem's place");
  validate_cmd->add_option("scenario", validate.scenario, "scenario file")->required();

  SnapshotOptions snap;
  CLI::App* snap_cmd = cli.add_subcommand("snapshot", "render the map at a moment of a run to PNG");
  snap_cmd->add_option("scenario", snap.scenario, "scenario file (default: the default scenario)");
  snap_cmd->add_option("--seed", snap.seed, "random seed (default: the scenario's)");
  snap_cmd->add_option("--at", snap.at, "the moment to draw, e.g. 24h");
  snap_cmd->add_option("--out", snap.out, "PNG file to write");
  snap_cmd->add_option("--size", snap.size, "image size WIDTHxHEIGHT");

  GuiCommandOptions gui;
  CLI::App* gui_cmd =
      cli.add_subcommand("gui", "open the facilitator's window on a scenario or a save");
  gui_cmd->add_option("input", gui.input,
                      "scenario or .rfsave file (default: the default scenario)");
  gui_cmd->add_option("--seed", gui.seed, "random seed (default: the scenario's)");
  gui_cmd->add_option("--size", gui.size, "window size WIDTHxHEIGHT (default 1600x1000)");
  gui_cmd->add_option("--ui-scale", gui.ui_scale,
                      "panel text scale for projectors, e.g. 1.5 (default: from the window)");
  gui_cmd->add_option("--speed", gui.speed,
                      "sim seconds per wall second, 1 to 10000 (default 3600)");
  gui_cmd->add_flag("--play", gui.play, "start running at once");
  gui_cmd->add_option("--cell", gui.cell,
                      "whose picture to show first: white (the truth), blue or red");
  gui_cmd->add_flag("--observer", gui.observer,
                    "an observer's seat on the --cell picture: may take notes");
  gui_cmd->add_flag("--presenter", gui.presenter,
                    "the projector's view: full-screen map, large type, no panels (F5 toggles)");
  gui_cmd->add_option("--screenshot-dir", gui.screenshot_dir,
                      "where F12 writes screenshots (default: .)");
  gui_cmd->add_option("--autosave-dir", gui.autosave_dir,
                      "where autosaves go every 5 minutes (default: beside the scenario or save)");
  gui_cmd->add_option("--script", gui.script,
                      "play commands from a file (see docs/facilitator-guide.md)");

  BatchOptions batch;
  CLI::App* batch_cmd = cli.add_subcommand(
      "batch", "run N replications per variant (threads; MPI ranks under mpirun) and summarise");
  batch_cmd->add_option("scenario", batch.scenario,
                        "scenario file (default: the default scenario)");
  batch_cmd->add_option("--runs", batch.runs, "replications per variant")->required();
  batch_cmd->add_option("--threads", batch.threads, "threads (default: all cores)");
  batch_cmd->add_option("--vary", batch.vary,
                        "PARAM=V1,V2,... with PARAM one of us_support, regime, response_standard, "
                        "cameras_per_sector, withdraw (a nation code or none), length, coalition "
                        "(shipped, half, observers), caveats (shipped, permissive, restrictive); "
                        "repeat for a product");
  batch_cmd->add_option("--length", batch.length, "run each replication this long, e.g. 3d");
  batch_cmd->add_flag("--no-msel", batch.no_msel,
                      "drop the scenario's MSEL, so that each variant's lever acts alone");
  batch_cmd->add_option("--from", batch.from, "a save to play on from (with --at)");
  batch_cmd->add_option("--at", batch.at, "the moment of the save to play on from, e.g. 10d");
  batch_cmd->add_option("--out", batch.out,
                        "results CSV; .summary.csv/.json are written beside it");
  batch_cmd->add_option("--daily", batch.daily,
                        "an existing folder: each run's daily counts as VARIANT.REPLICATION.csv "
                        "(the columns of `rfsim run --daily`)");
  batch_cmd->add_flag("-q,--quiet", batch.quiet, "print nothing on success");

  ReportOptions report;
  CLI::App* report_cmd = cli.add_subcommand("report",
                                            "write an after-action report (HTML, charts, maps) of "
                                            "a scenario run, a save or batch results");
  report_cmd->add_option("input", report.input, "scenario (.toml), save, or batch results (.csv)");
  report_cmd->add_option("--out", report.out, "folder for report.html and its maps")->required();
  report_cmd->add_option("--seed", report.seed,
                         "scenario runs: random seed (default: the scenario's)");
  report_cmd->add_option("--until", report.until,
                         "scenario runs: stop at this time (default: its length)");
  report_cmd->add_option("--maps", report.maps,
                         "moments to draw, e.g. 1d,15d,30d (default: chosen)");
  report_cmd->add_flag("--no-maps", report.no_maps, "draw no maps (no display needed)");

  SaveCommands saves;
  add_save_commands(cli, saves);
  OpenFormatCommands formats;
  add_open_format_commands(cli, formats);
  NotesOptions notes;
  add_notes_command(cli, notes);
  SeatCommands seats;
  add_seat_commands(cli, seats);

  try {
    cli.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return cli.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return cli.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "rfsim: " << e.what() << "\n(see rfsim --help)\n";
    return kBadInput;
  }

  try {
    if (*run_cmd) return run_command(common, run);
    if (*validate_cmd) return validate_command(common, validate);
    if (*snap_cmd) return snapshot_command(common, snap);
    if (*batch_cmd) return batch_command(common, batch);
    if (*report_cmd) return report_command(common, report);
    if (*gui_cmd) return gui_command(common, gui);
    if (const int code = run_save_commands(saves, common); code >= 0) return code;
    if (const int code = run_open_format_commands(formats, common); code >= 0) return code;
    if (const int code = run_notes_command(notes, common); code >= 0) return code;
    if (const int code = run_seat_commands(seats, common); code >= 0) return code;
  } catch (const rfsim::saves::SaveError& e) {
    std::cerr << "rfsim: " << e.what() << "\n";
    return kBadInput;
  } catch (const rfsim::sim::ScenarioError& e) {
    std::cerr << "rfsim: " << e.what() << "\n";
    return kBadInput;
  } catch (const InputError& e) {
    std::cerr << "rfsim: " << e.what() << "\n";
    return kBadInput;
  } catch (const rfsim::io::WriteError& e) {
    // A missing folder or a folder given as the file is the user's input; the rest is not.
    std::cerr << "rfsim: " << e.what() << "\n";
    return e.kind() == rfsim::io::WriteError::Kind::Failed ? kRuntimeFailure : kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "rfsim: " << e.what() << "\n";
    return kRuntimeFailure;
  }
  return kBadInput;
}
