// `rfsim batch`: N replications of a scenario (or of a save's game from a moment of it) per
// variant, on threads and, under mpirun, on many ranks; one results CSV in a canonical order
// and a summary per variant beside it.
#include <cctype>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>
#include <thread>

#include "app/batch/mpi_world.hpp"
#include "app/batch/results_csv.hpp"
#include "app/batch/variants.hpp"
#include "app/commands.hpp"
#include "app/errors.hpp"
#include "app/headless.hpp"
#include "app/load.hpp"
#include "app/output_file.hpp"
#include "app/reports.hpp"
#include "batch/pool.hpp"
#include "batch/progress.hpp"
#include "batch/summary.hpp"
#include "io/atomic_file.hpp"
#include "saves/open_save.hpp"
#include "saves/replay.hpp"
#include "saves/save_error.hpp"
#include "saves/save_file.hpp"
#include "saves/snapshot.hpp"
#include "sim/scenario_loader.hpp"
#include "sim/simulation.hpp"

namespace rfsim::app {
namespace {

using batch::RunRow;

// Everything a rank needs before it runs: checked inputs, and on rank 0 the open outputs.
struct Prepared {
  Loaded in;
  std::vector<batch::Variant> variants;
  std::unique_ptr<OutputFile> results, summary_csv, summary_json;
  std::filesystem::path summary_csv_path, summary_json_path;
  std::optional<saves::Snapshot>
      from;                // `--from`: the save's state at --at, shared past of every run
  std::string from_label;  // "game.rfsave at 1d 00:00"
};

std::filesystem::path beside(const std::filesystem::path& out, const std::string& suffix) {
  std::filesystem::path p = out;
  p.replace_filename(out.stem().string() + suffix);
  return p;
}

// `--daily`: "coalition=observers.0007.csv"; a product's "a=x;b=y" becomes "a=x+b=y", and
// anything but letters, digits and "=._-" an underscore.
std::string daily_file_name(const std::string& label, std::uint32_t replication) {
  std::string name;
  for (char c : label) {
    const bool plain = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '=' || c == '.' ||
                       c == '_' || c == '-';
    name += c == ';' ? '+' : plain ? c : '_';
  }
  char rep[16];
  std::snprintf(rep, sizeof rep, ".%04u.csv", replication);
  return name + rep;
}

// `--from SAVE --at T`: the save's scenario and its state at T, replayed with the save's own
// commands up to T. Variants that can only be set at t = 0 are refused: the world exists.
void prepare_from(Prepared& p, const BatchOptions& opts) {
  if (opts.from.empty() || opts.at.empty())
    throw InputError("--from and --at: give both (a save, and the moment of it to play on from)");
  if (!opts.scenario.empty()) {
    throw InputError("--from " + opts.from.string() + ": plays on the save's own scenario; drop " +
                     opts.scenario.string());
  }
  const std::string file = opts.from.string();
  const saves::Save save = saves::read_save(opts.from);
  const sim::SimTime at = sim::SimTime::at(duration_option("--at", opts.at));
  if (at > save.end.at) {
    throw InputError("--at " + opts.at + ": after the save's end (" +
                     sim::format_duration(save.end.at.since_start()) + ")");
  }
  p.in.scenario = saves::scenario_of(save, p.in.theatre, file);
  saves::Replayed r = saves::replay_to(save, p.in.theatre, at, saves::ReplayMode::Auto, file);
  if (r.mode == saves::ReplayMode::Recorded) {
    throw RunError("--from " + file + ": this build's model no longer reproduces the save up to " +
                   sim::format_clock(at) + " (" + r.why +
                   "), so there is no state to play on from");
  }
  p.from = saves::take_snapshot(*r.run);
  p.from_label = opts.from.filename().string() + " at " + sim::format_clock(at);
}

Prepared prepare(const Common& common, const BatchOptions& opts, bool root) {
  if (opts.runs < 1)
    throw InputError("--runs " + std::to_string(opts.runs) + ": expected at least 1");
  const bool from = !opts.from.empty() || !opts.at.empty();
  Prepared p{
      load_inputs(common.assets, from ? std::filesystem::path() : opts.scenario, std::nullopt),
      {},
      {},
      {},
      {},
      {},
      {},
      {},
      {}};
  if (from) prepare_from(p, opts);
  if (!opts.length.empty()) p.in.scenario.length = duration_option("--length", opts.length);
  if (opts.no_msel) {
    if (from) throw InputError("--no-msel: a run played on from a save keeps the save's past");
    p.in.scenario.injects.clear();
  }
  if (p.in.scenario.length <= sim::Duration())
    throw InputError("--length: expected a duration above zero");
  if (!opts.daily.empty() && !std::filesystem::is_directory(opts.daily)) {
    throw InputError("--daily " + opts.daily.string() + ": expected an existing folder");
  }
  p.variants = batch::make_variants(p.in.scenario, opts.vary);
  if (p.from) {
    for (const batch::Variant& v : p.variants) {
      if (!v.fresh_only.empty()) {
        throw InputError("--vary " + v.fresh_only +
                         ": changes the force at t = 0, which a run "
                         "played on from a save (--from) has already deployed");
      }
    }
    const sim::SimTime at = p.from->world.loop.now();
    for (const batch::Variant& v : p.variants) {
      if (sim::SimTime::at(v.scenario.length) <= at) {
        throw InputError("--length: the runs must go on past --at " + opts.at + " (variant " +
                         v.label + " ends at " + sim::format_duration(v.scenario.length) + ")");
      }
      for (const auto& [param, value] : v.settings) {
        if (param != "us_support" && param != "regime" && param != "withdraw" &&
            param != "length") {
          throw InputError("--vary " + param +
                           ": set at t = 0 only, so not with --from; with "
                           "--from vary us_support, regime, withdraw or length");
        }
      }
    }
  }
  if (root) {
    p.summary_csv_path = beside(opts.out, ".summary.csv");
    p.summary_json_path = beside(opts.out, ".summary.json");
    p.results = std::make_unique<OutputFile>(opts.out);
    p.summary_csv = std::make_unique<OutputFile>(p.summary_csv_path);
    p.summary_json = std::make_unique<OutputFile>(p.summary_json_path);
  }
  return p;
}

// Rows cross ranks as raw bytes: the doubles arrive bit for bit, so rank 0 writes exactly
// what a single process would have.
void pack(std::vector<std::byte>& out, std::uint64_t global, const RunRow& row) {
  auto put = [&](const void* p, std::size_t n) {
    const auto* b = static_cast<const std::byte*>(p);
    out.insert(out.end(), b, b + n);
  };
  put(&global, sizeof global);
  put(&row.seed, sizeof row.seed);
  put(&row.state_hash, sizeof row.state_hash);
  put(row.values.data(), row.values.size() * sizeof(double));
}

std::vector<RunRow> unpack(const std::vector<std::byte>& bytes, std::size_t total,
                           std::uint32_t runs) {
  const std::size_t values = batch::measures().size();
  const std::size_t size = 3 * sizeof(std::uint64_t) + values * sizeof(double);
  if (bytes.size() != total * size)
    throw RunError("MPI gather: the ranks sent an unexpected amount of results");
  std::vector<RunRow> rows(total);
  for (std::size_t at = 0; at < bytes.size(); at += size) {
    std::uint64_t head[3];
    std::memcpy(head, bytes.data() + at, sizeof head);
    if (head[0] >= total) throw RunError("MPI gather: a rank sent a run out of range");
    RunRow& r = rows[head[0]];
    r.variant = head[0] / runs;
    r.replication = static_cast<std::uint32_t>(head[0] % runs);
    r.seed = head[1];
    r.state_hash = head[2];
    r.values.resize(values);
    std::memcpy(r.values.data(), bytes.data() + at + sizeof head, values * sizeof(double));
  }
  return rows;
}

int run_batch(const Prepared& p, const BatchOptions& opts, const batch::MpiWorld& mpi) {
  const std::uint32_t runs = opts.runs;
  const std::size_t total = p.variants.size() * runs;
  const auto ranks = static_cast<std::size_t>(mpi.size());
  const auto rank = static_cast<std::size_t>(mpi.rank());
  // Rank r takes the runs r, r + P, r + 2P... of the canonical order (variant, replication).
  const std::size_t mine = total > rank ? (total - rank + ranks - 1) / ranks : 0;
  unsigned threads = opts.threads;
  if (threads == 0) {
    threads =
        std::max(1u, std::thread::hardware_concurrency() / static_cast<unsigned>(mpi.local_size()));
  }

  auto work = [&](std::size_t i) {
    const std::size_t g = rank + i * ranks;
    RunRow row;
    row.variant = g / runs;
    row.replication = static_cast<std::uint32_t>(g % runs);
    // Common random numbers: replication r has the same seed in every variant.
    row.seed = batch::replication_seed(p.in.scenario.seed, row.replication);
    const batch::Variant& variant = p.variants[row.variant];
    sim::Scenario s = p.from ? p.in.scenario : variant.scenario;
    s.seed = row.seed;
    if (p.from) s.length = variant.scenario.length;
    sim::Simulation run(std::move(s), p.in.theatre);
    std::int64_t before = 0;
    std::vector<sim::Inject> orders;
    if (p.from) {
      // The shared past: the save's state at T. Restoring keeps every stream's position, and
      // this run's seed re-keys them, so each replication draws its own future from there.
      saves::restore(run, *p.from);
      before = p.from->world.measures.violations;
      orders = variant.at_resume;
    }
    play_headless(run, run.end(), orders);  // "ask" scenarios: doctrine answers
    if (!opts.daily.empty()) {
      write_file_atomically(opts.daily / daily_file_name(variant.label, row.replication),
                            daily_csv(run));
    }
    row.values = batch::measure_run(run, before);
    row.state_hash = run.state_hash();
    return row;
  };
  batch::ProgressBar bar(mine, ranks > 1 ? "runs on rank 0 of " + std::to_string(ranks) : "runs");
  auto progress = [&](std::size_t done) {
    if (mpi.root()) bar.update(done);
  };
  std::vector<RunRow> rows = batch::run_parallel(mine, threads, work, progress);
  if (mpi.root()) bar.finish();

  if (ranks > 1) {
    std::vector<std::byte> bytes;
    for (std::size_t i = 0; i < rows.size(); ++i) pack(bytes, rank + i * ranks, rows[i]);
    rows.clear();
    bytes = mpi.gather(bytes);
    if (!mpi.root()) return 0;
    rows = unpack(bytes, total, runs);
  }

  std::vector<std::string> labels;
  for (const batch::Variant& v : p.variants) labels.push_back(v.label);
  p.results->write(batch::csv_header());
  for (const RunRow& r : rows) p.results->write(batch::csv_line(r, labels[r.variant]));
  const auto summaries = batch::summarise(labels, rows);
  batch::BatchInfo info{p.in.scenario.name, p.in.scenario.source_name, p.in.scenario.seed, runs,
                        p.from_label};
  p.summary_csv->write(batch::summary_csv(summaries));
  p.summary_json->write(batch::summary_json(info, summaries));
  p.results->commit();
  p.summary_csv->commit();
  p.summary_json->commit();
  if (!opts.quiet) {
    std::cout << "scenario    " << p.in.scenario.name << " (" << p.in.scenario.source_name << ")\n"
              << "batch       " << runs << " runs x " << p.variants.size()
              << " variants, seeds from " << p.in.scenario.seed
              << " (common random numbers across variants), " << threads << " threads"
              << (p.from ? ", playing on from " + p.from_label : "")
              << (ranks > 1 ? " x " + std::to_string(ranks) + " MPI ranks" : "") << "\n"
              << batch::summary_text(summaries) << "wrote " << opts.out.string() << ", "
              << p.summary_csv_path.string() << ", " << p.summary_json_path.string() << "\n";
  }
  return 0;
}

// The errors main() answers with exit code 2, so that every MPI rank exits as rank 0 does.
bool is_input_error(const std::exception_ptr& e) {
  try {
    std::rethrow_exception(e);
  } catch (const InputError&) {
    return true;
  } catch (const sim::ScenarioError&) {
    return true;
  } catch (const rfsim::saves::SaveError&) {
    return true;
  } catch (const io::WriteError& e) {
    return e.kind() != io::WriteError::Kind::Failed;
  } catch (...) {
    return false;
  }
}

}  // namespace

int batch_command(const Common& common, const BatchOptions& opts) {
  batch::MpiWorld mpi = batch::MpiWorld::join_if_launched();
  std::optional<Prepared> p;
  std::exception_ptr failed;
  try {
    p.emplace(prepare(common, opts, mpi.root()));
  } catch (...) {
    failed = std::current_exception();
  }
  // Every rank checks its own inputs; all go on, or all stop, so none waits for the others.
  if (!mpi.all(!failed)) {
    if (mpi.root() && failed) std::rethrow_exception(failed);
    if (mpi.root()) {
      throw RunError(
          "another MPI rank could not load its inputs: are the scenario and the "
          "assets at the same paths on every node?");
    }
    return failed && is_input_error(failed) ? 2 : 1;
  }
  if (mpi.size() == 1) return run_batch(*p, opts, mpi);
  try {
    return run_batch(*p, opts, mpi);
  } catch (const std::exception& e) {
    // A rank that fails mid-batch would leave the others waiting in the gather forever.
    std::cerr << "rfsim (MPI rank " << mpi.rank() << "): " << e.what() << "\n";
    mpi.abort(1);
  }
}

}  // namespace rfsim::app
