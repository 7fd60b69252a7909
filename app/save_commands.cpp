// `rfsim save-info`, `export-json`, `replay`, `branch`, `compare`, and `run --save`: the
// command line's side of saves/ (which does the work).
#include "app/save_commands.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "app/assets.hpp"
#include "app/commands.hpp"
#include "app/errors.hpp"
#include "app/load.hpp"
#include "app/output_file.hpp"
#include "render/scene_of_run.hpp"
#include "render/snapshot.hpp"
#include "saves/branch.hpp"
#include "saves/open_save.hpp"
#include "saves/redecide.hpp"
#include "saves/replay.hpp"
#include "saves/save_file.hpp"
#include "saves/serialize.hpp"
#include "sim/state_hash.hpp"
#include "sim/summary.hpp"

namespace rfsim::app {

namespace {

void check_writable(const std::filesystem::path& path, const std::string& option) {
  namespace fs = std::filesystem;
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    throw InputError(option + " " + path.string() + ": the folder " + folder.string() +
                     " does not exist");
  }
  if (fs::is_directory(path, ec)) {
    throw InputError(option + " " + path.string() + ": is a folder, expected a file name");
  }
}

sim::SimTime time_option(const std::string& option, const std::string& text) {
  return sim::SimTime::at(duration_option(option, text));
}

void write_or_fail(const std::filesystem::path& path, const saves::Save& save) {
  try {
    saves::write_save(path, save);
  } catch (const std::runtime_error& e) {
    throw RunError(e.what());
  }
}

std::string pct(double x) {
  std::ostringstream os;
  os << std::fixed << std::setprecision(1) << 100.0 * x << "%";
  return os.str();
}

std::string num(double x, int precision = 2) {
  std::ostringstream os;
  os << std::fixed << std::setprecision(precision) << x;
  return os.str();
}

}  // namespace

std::unique_ptr<saves::Recording> start_recording(sim::Scenario scenario,
                                                  const map::Theatre& theatre,
                                                  const std::filesystem::path& save,
                                                  const std::string& keyframe_every) {
  check_writable(save, "--save");
  saves::RecordingOptions options;
  options.keyframe_every = duration_option("--keyframe-every", keyframe_every);
  if (options.keyframe_every.count_ms() <= 0) {
    throw InputError("--keyframe-every " + keyframe_every +
                     ": expected a positive duration, e.g. 6h");
  }
  return std::make_unique<saves::Recording>(std::move(scenario), theatre, options);
}

void finish_recording(const saves::Recording& recording, const std::filesystem::path& save) {
  write_or_fail(save, recording.save());
}

sim::Inject parse_inject(const std::string& text, const sim::Scenario& scenario,
                         const map::Theatre& theatre) {
  const auto eq = text.find('=');
  const std::string expected =
      "expected regime=none|partial|full, us=" + sim::names_of_us_support() +
      ", withdraw=NATION, provocation=REGION:COUNT, cut=REGION:REGION, restore=REGION:REGION, "
      "surge=all|NATION|TIER, deploy=UNIT:REGION[:MODE], cancel-msel=LINE or "
      "msel=TIME:KIND=VALUE";
  if (eq == std::string::npos) throw InputError("--inject " + text + ": " + expected);
  const std::string kind = text.substr(0, eq), value = text.substr(eq + 1);
  if (kind == "msel") {
    // A new MSEL line: its time (2d6h or T+2d6h, from the start), then the line itself written
    // as any other --inject, whose own checks and messages it keeps.
    const auto colon = value.find(':');
    const std::string when = value.substr(0, std::min(colon, value.size()));
    const std::string what = colon == std::string::npos ? "" : value.substr(colon + 1);
    const std::string form = " (expected msel=TIME:KIND=VALUE, e.g. msel=3d12h:regime=none)";
    // Without a colon, "regime=none" lacks its time and "12h" its line.
    const bool no_time =
        when.empty() || (colon == std::string::npos && when.find('=') != std::string::npos);
    if (no_time || what.empty()) {
      throw InputError("--inject " + text + ": " + (no_time ? "no time" : "no line") + form);
    }
    const bool relative = when.size() >= 2 && (when[0] == 'T' || when[0] == 't') && when[1] == '+';
    sim::Duration at;
    try {
      at = sim::parse_duration(std::string_view(when).substr(relative ? 2 : 0));
    } catch (const std::invalid_argument& e) {
      throw InputError("--inject " + text + ": time \"" + when + "\": " + e.what() + form);
    }
    if (at > scenario.length) {
      throw InputError("--inject " + text + ": time " + sim::format_duration(at) +
                       " is after the scenario's end (" + sim::format_duration(scenario.length) +
                       ")");
    }
    sim::Inject line;
    try {
      line = parse_inject(what, scenario, theatre);
    } catch (const InputError& e) {
      throw InputError("--inject " + text + ": the line: " + e.what());
    }
    if (!sim::schedulable(line.kind)) {
      throw InputError("--inject " + text + ": " + std::string(sim::to_string(line.kind)) +
                       " cannot be an MSEL line");
    }
    sim::Inject in = line;
    in.kind = sim::InjectKind::ScheduleMsel;
    in.line_kind = line.kind;
    in.line = sim::Inject::kNoLine;
    in.at = at;
    in.note = "added from the command line: " + what;
    return in;
  }
  const auto colon = value.find(':');
  const std::string first = value.substr(0, colon);
  const std::string second = colon == std::string::npos ? "" : value.substr(colon + 1);
  auto region = [&](const std::string& id) {
    const auto r = theatre.find(id);
    if (!r) throw InputError("--inject " + text + ": no region \"" + id + "\" in the theatre");
    return *r;
  };
  sim::Inject in;
  if (kind == "regime") {
    in.kind = sim::InjectKind::SetRegime;
    const auto r = sim::regime_from(value);
    if (!r) throw InputError("--inject " + text + ": expected one of " + sim::names_of_regimes());
    in.regime = *r;
  } else if (kind == "us") {
    in.kind = sim::InjectKind::SetUsSupport;
    const auto u = sim::us_support_from(value);
    if (!u)
      throw InputError("--inject " + text + ": expected one of " + sim::names_of_us_support());
    in.us = *u;
  } else if (kind == "withdraw") {
    in.kind = sim::InjectKind::NationWithdraws;
    std::size_t n = 0;
    while (n < scenario.nations.size() && scenario.nations[n].code != value) ++n;
    if (n == scenario.nations.size()) {
      throw InputError("--inject " + text + ": no nation \"" + value + "\" in the scenario");
    }
    in.nation = static_cast<std::uint32_t>(n);
  } else if (kind == "provocation" && !second.empty()) {
    in.kind = sim::InjectKind::Provocation;
    in.region = region(first);
    try {
      in.count = std::stoi(second);
    } catch (const std::exception&) {
      in.count = 0;
    }
    if (in.count < 1 || in.count > 1000) {
      throw InputError("--inject " + text + ": expected a count from 1 to 1000");
    }
  } else if ((kind == "cut" || kind == "restore") && !second.empty()) {
    in.kind = kind == "cut" ? sim::InjectKind::CutLink : sim::InjectKind::RestoreLink;
    in.region = region(first);
    in.region_b = region(second);
    if (!theatre.link_between(in.region, in.region_b)) {
      throw InputError("--inject " + text + ": no link between " + first + " and " + second);
    }
  } else if (kind == "surge") {
    in.kind = sim::InjectKind::Surge;
    std::size_t n = 0;
    while (n < scenario.nations.size() && scenario.nations[n].code != value) ++n;
    if (n < scenario.nations.size()) {
      in.nation = static_cast<std::uint32_t>(n);
      in.any_nation = false;
    } else if (const auto tier = sim::readiness_from(value)) {
      in.tier = *tier;
    } else if (value != "all") {
      throw InputError("--inject " + text + ": expected all, a nation of the scenario or " +
                       sim::names_of_readiness());
    }
  } else if (kind == "deploy" && !second.empty()) {
    in.kind = sim::InjectKind::Deploy;
    std::uint32_t u = 0;
    while (u < scenario.units.size() && scenario.units[u].id != first) ++u;
    if (u == scenario.units.size()) {
      throw InputError("--inject " + text + ": no unit \"" + first + "\" in the scenario");
    }
    in.unit = u;
    const auto colon2 = second.find(':');
    in.region = region(second.substr(0, colon2));
    if (colon2 != std::string::npos) {
      const auto mode = sim::deploy_mode_from(second.substr(colon2 + 1));
      if (!mode) {
        throw InputError("--inject " + text + ": expected a mode: " + sim::names_of_deploy_modes());
      }
      in.mode = *mode;
    }
  } else if (kind == "cancel-msel") {
    // The line's number as the window shows it: the scenario's lines in time order from 0.
    in.kind = sim::InjectKind::CancelMsel;
    const bool digits = !value.empty() && value.size() <= 9 &&
                        value.find_first_not_of("0123456789") == std::string::npos;
    if (!digits) {
      throw InputError("--inject " + text + ": expected an MSEL line's number (0 for the first)");
    }
    in.line = static_cast<std::uint32_t>(std::stoul(value));
  } else {
    throw InputError("--inject " + text + ": " + expected);
  }
  in.note = "live: " + text;
  return in;
}

int save_info_command(const Common&, const SaveInfoOptions& opts) {
  const saves::Header h = saves::read_header(opts.save);
  const saves::Save s = saves::read_save(opts.save);
  std::cout << opts.save.string() << "\n"
            << "  format version   " << h.version << "\n"
            << "  compression      " << ((h.flags & saves::kFlagZstd) ? "zstd" : "none") << "\n"
            << "  stored bytes     " << h.stored_size << " (payload " << h.payload_size << ")\n"
            << "  checksum         " << sim::format_hash(h.checksum) << " (xxh64, verified)\n"
            << "  title            " << s.meta.title << "\n"
            << "  created          " << s.meta.created << "\n"
            << "  rfsim version    " << s.meta.rfsim_version << "\n"
            << "  scenario         " << s.scenario_name << " (" << s.scenario_text.size()
            << " bytes of text, seed " << s.seed << ")\n";
  if (!s.meta.parent.empty()) {
    std::cout << "  parent           " << s.meta.parent << " (forked at "
              << sim::format_duration(sim::Duration::ms(s.meta.forked_at_ms))
              << ", parent end hash " << sim::format_hash(s.meta.parent_hash) << ")\n";
  }
  std::cout << "  commands         " << s.commands.size() << "\n"
            << "  keyframes        " << s.keyframes.size() << " (every "
            << sim::format_duration(sim::Duration::ms(s.keyframe_every_ms)) << ")\n"
            << "  trace            "
            << (s.has_trace ? std::to_string(s.trace.size()) + " records" : "none") << "\n"
            << "  end              " << sim::format_clock(s.end.at)
            << " (t = " << sim::format_duration(s.end.at.since_start()) << "), " << s.end.executed
            << " events, hash " << sim::format_hash(s.end.hash) << "\n";
  return 0;
}

int export_json_command(const Common&, const ExportJsonOptions& opts) {
  std::unique_ptr<OutputFile> out;
  if (!opts.out.empty()) out = std::make_unique<OutputFile>(opts.out);
  const saves::Save s = saves::read_save(opts.save);
  const std::string json = saves::to_json(s);
  if (out) {
    out->write(json);
    out->commit();
  } else {
    std::cout << json;
  }
  return 0;
}

int replay_command(const Common& common, const ReplayOptions& opts) {
  saves::ReplayMode mode = saves::ReplayMode::Auto;
  if (opts.mode == "resim")
    mode = saves::ReplayMode::Resimulate;
  else if (opts.mode == "recorded")
    mode = saves::ReplayMode::Recorded;
  else if (opts.mode != "auto")
    throw InputError("--mode " + opts.mode + ": expected auto, resim or recorded");
  PixelSize size;
  if (!opts.snapshot.empty()) {
    size = size_option(opts.size, 200, 150);
    check_writable(opts.snapshot, "--snapshot");
  }
  const map::Theatre theatre = load_theatre(common.assets);
  const saves::Save save = saves::read_save(opts.save);
  const std::string file = opts.save.string();
  int code = 0;
  if (opts.verify) {
    const saves::VerifyResult v = saves::verify(save, theatre, file);
    if (v.ok()) {
      std::cout << "verify: every hash matches (" << v.checked - 1
                << " keyframes and the end, up to " << sim::format_clock(save.end.at) << ")\n";
    } else {
      std::cout << "verify: " << file << ": " << v.divergence->describe() << "\n";
      code = 1;
    }
  }
  const sim::SimTime to = opts.to.empty() ? save.end.at : time_option("--to", opts.to);
  saves::Replayed r = saves::replay_to(save, theatre, to, mode, file);
  std::cout << "replay to " << sim::format_clock(to) << ": mode " << saves::to_string(r.mode)
            << " (" << r.why << ")\n";
  if (r.mode == saves::ReplayMode::Recorded) {
    std::cout << "state shown: the recorded keyframe at " << sim::format_clock(r.run->now())
              << ", then " << r.events.size() << " recorded events up to " << sim::format_clock(to)
              << ":\n";
    for (const saves::TraceEntry& e : r.events) {
      std::cout << "  " << sim::format_clock(e.record.time) << "  " << sim::to_string(e.record.kind)
                << "  " << e.record.detail << "\n";
    }
  }
  std::cout << sim::format_summary(*r.run);
  if (!opts.snapshot.empty()) {
    render::write_png(r.run->theatre(), render::scene_of_run(*r.run), opts.snapshot, size.width,
                      size.height);
    std::cout << "wrote " << opts.snapshot.string() << "\n";
  }
  return code;
}

int branch_command(const Common& common, const BranchOptions& opts) {
  if (opts.at.empty() == opts.decide.empty()) {
    throw InputError(
        "branch: expected either --at TIME (fork there) or --decide ID=OPTION (fork "
        "where decision ID was answered, and answer OPTION)");
  }
  check_writable(opts.out, "--out");
  if (std::filesystem::exists(opts.out) && std::filesystem::equivalent(opts.out, opts.save)) {
    throw InputError("--out " + opts.out.string() + ": is the parent save itself; name a new file");
  }
  std::uint64_t decision = 0;
  std::int32_t option = 0;
  if (!opts.decide.empty()) {
    const auto eq = opts.decide.find('=');
    const std::string id = opts.decide.substr(0, eq);
    const std::string chosen = eq == std::string::npos ? "" : opts.decide.substr(eq + 1);
    auto whole = [](const std::string& s, std::size_t max_digits) {
      return !s.empty() && s.size() <= max_digits &&
             s.find_first_not_of("0123456789") == std::string::npos;
    };
    if (!whole(id, 18) || !whole(chosen, 6)) {
      throw InputError("--decide " + opts.decide +
                       ": expected ID=OPTION, two whole numbers, e.g. 12=1 (decision 12, its "
                       "option 1; options count from 0)");
    }
    decision = std::stoull(id);
    option = std::stoi(chosen);
  }
  const map::Theatre theatre = load_theatre(common.assets);
  const saves::Save parent = saves::read_save(opts.save);
  const std::string file = opts.save.string();
  const std::string name = opts.save.filename().string();
  saves::BranchOptions b;
  if (!opts.at.empty()) {
    b.at = time_option("--at", opts.at);
    if (b.at > parent.end.at) {
      throw InputError("--at " + opts.at + ": after the save's end (" +
                       sim::format_duration(parent.end.at.since_start()) + ")");
    }
  }
  if (!opts.until.empty()) {
    b.until = time_option("--until", opts.until);
    b.doctrine = true;  // headless, as `rfsim run`: no one here to answer a decision
  }
  const sim::Scenario scenario = saves::scenario_of(parent, theatre, file);
  for (const std::string& text : opts.injects)
    b.injects.push_back(parse_inject(text, scenario, theatre));
  saves::Save child;
  if (opts.decide.empty()) {
    try {
      child = saves::branch(parent, name, theatre, b);
    } catch (const std::invalid_argument& e) {  // a command the game refuses at --at
      throw InputError("--inject: " + std::string(e.what()));
    }
  } else {
    try {
      child = saves::branch_deciding(parent, name, theatre, decision, option, b);
    } catch (const std::invalid_argument& e) {
      throw InputError("--decide " + opts.decide + ": " + e.what());
    }
    b.at = sim::SimTime::from_ms(child.meta.forked_at_ms);
  }
  write_or_fail(opts.out, child);
  std::cout << "wrote " << opts.out.string() << ": branch of " << name << " at "
            << sim::format_clock(b.at);
  if (!opts.decide.empty()) {
    std::cout << ", decision " << decision << " answered with option " << option;
  }
  std::cout << ", " << b.injects.size() << " new inject(s), ends "
            << sim::format_clock(child.end.at) << ", hash " << sim::format_hash(child.end.hash)
            << "\n";
  return 0;
}

int compare_command(const Common& common, const CompareOptions& opts) {
  const saves::Save a = saves::read_save(opts.a);
  const saves::Save b = saves::read_save(opts.b);
  const std::string name_a = opts.a.filename().string(), name_b = opts.b.filename().string();
  sim::SimTime at = std::min(a.end.at, b.end.at);
  if (!opts.at.empty()) {
    at = time_option("--at", opts.at);
    for (const auto& [save, name] : {std::pair(&a, name_a), std::pair(&b, name_b)}) {
      if (at > save->end.at) {
        throw InputError("--at " + opts.at + ": after the end of " + name + " (" +
                         sim::format_duration(save->end.at.since_start()) + ")");
      }
    }
  } else if (a.end.at != b.end.at) {
    std::cerr << "rfsim: warning: " << name_a << " ends at "
              << sim::format_duration(a.end.at.since_start()) << ", " << name_b << " at "
              << sim::format_duration(b.end.at.since_start())
              << ": both are compared at the earlier end, "
              << sim::format_duration(at.since_start()) << " (--at chooses another time)\n";
  }
  // Each save's state at `at`: its end state when it ends there, else replayed.
  struct State {
    sim::SimTime reached;
    sim::World world;
    std::uint64_t hash = 0;
  };
  std::optional<map::Theatre> theatre;
  auto state_of = [&](const saves::Save& s, const std::filesystem::path& path) {
    if (s.end.at == at) return State{s.end.at, s.end.state.world, s.end.hash};
    if (!theatre) theatre = load_theatre(common.assets);
    const saves::Replayed r =
        saves::replay_to(s, *theatre, at, saves::ReplayMode::Auto, path.string());
    if (r.mode == saves::ReplayMode::Recorded) {
      std::cerr << "rfsim: warning: " << path.filename().string() << ": " << r.why
                << "; its recorded keyframe at " << sim::format_clock(r.run->now())
                << " is compared\n";
    }
    return State{r.run->now(), r.run->world(), r.run->state_hash()};
  };
  const State sa = state_of(a, opts.a), sb = state_of(b, opts.b);
  auto rows_of = [](const saves::Save& s, const State& st) {
    const sim::Measures& m = st.world.measures;
    auto share = [](std::int64_t x, std::int64_t of) {
      return of > 0 ? double(x) / double(of) : 0.0;
    };
    return std::vector<std::string>{
        s.meta.title,
        sim::format_duration(st.reached.since_start()),
        std::to_string(m.violations),
        pct(share(m.detected, m.violations)),
        std::to_string(m.dispatched),
        pct(share(m.answered_in_standard, m.violations)),
        num(m.time_to_detect.mean_hours()) + " h",
        num(m.time_to_respond.mean_hours()) + " h",
        num(m.time_to_respond.quantile_hours(0.95)) + " h",
        std::to_string(m.blocked_by_caveats),
        std::to_string(m.refusals),
        std::to_string(m.no_unit_available),
        num(m.days.empty() ? 1.0 : m.days.back().escalation),
        m.ceasefire_broken ? "broken at " + sim::format_clock(m.broken_at) : "held",
        std::string(sim::to_string(st.world.regime)),
        sim::format_hash(st.hash),
    };
  };
  const std::vector<std::string> names = {"title",
                                          "reached",
                                          "violations",
                                          "detected",
                                          "units dispatched",
                                          "answered in standard",
                                          "time to detect (mean)",
                                          "time to respond (mean)",
                                          "time to respond (p95)",
                                          "blocked by caveats",
                                          "national refusals",
                                          "no unit available",
                                          "escalation (last day)",
                                          "ceasefire",
                                          "regime",
                                          "state hash"};
  const auto ra = rows_of(a, sa), rb = rows_of(b, sb);
  std::size_t wa = name_a.size();
  for (const auto& x : ra) wa = std::max(wa, x.size());
  std::cout << "compared at " << sim::format_clock(at)
            << " (t = " << sim::format_duration(at.since_start()) << ")\n";
  std::cout << std::left << std::setw(24) << "" << std::setw(static_cast<int>(wa) + 2) << name_a
            << name_b << "\n";
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::cout << std::left << std::setw(24) << names[i] << std::setw(static_cast<int>(wa) + 2)
              << ra[i] << rb[i] << "\n";
  }
  return 0;
}

void add_save_commands(CLI::App& cli, SaveCommands& out) {
  out.info_cmd = cli.add_subcommand("save-info", "print a save's header and metadata");
  out.info_cmd->add_option("save", out.info.save, "save file")->required();

  out.export_cmd = cli.add_subcommand("export-json", "write a whole save as JSON, for inspection");
  out.export_cmd->add_option("save", out.export_json.save, "save file")->required();
  out.export_cmd->add_option("--out", out.export_json.out, "JSON file to write (default: stdout)");

  out.replay_cmd = cli.add_subcommand("replay", "replay a save to a time; verify its hashes");
  out.replay_cmd->add_option("save", out.replay.save, "save file")->required();
  out.replay_cmd->add_option("--to", out.replay.to,
                             "the time to show, e.g. 36h (default: the save's end)");
  out.replay_cmd->add_flag("--verify", out.replay.verify,
                           "re-simulate the whole save and check every keyframe hash");
  out.replay_cmd->add_option("--mode", out.replay.mode, "auto, resim or recorded (default auto)");
  out.replay_cmd->add_option("--snapshot", out.replay.snapshot,
                             "also render the map at --to to this PNG");
  out.replay_cmd->add_option("--size", out.replay.size, "snapshot size WIDTHxHEIGHT");

  out.branch_cmd = cli.add_subcommand(
      "branch", "fork a save at a time, or where a decision was answered, into a new save");
  out.branch_cmd->add_option("save", out.branch.save, "the parent save")->required();
  out.branch_cmd->add_option("--at", out.branch.at, "where to fork, e.g. 48h");
  out.branch_cmd->add_option("--decide", out.branch.decide,
                             "ID=OPTION: fork just before decision ID was answered and answer "
                             "OPTION instead (options count from 0)");
  out.branch_cmd->add_option("--out", out.branch.out, "the new save")->required();
  out.branch_cmd->add_option(
      "--inject", out.branch.injects,
      "a decision taken at --at: regime=full, us=withdrawn, withdraw=UK, "
      "provocation=REGION:COUNT, cut=A:B, restore=A:B, surge=all|NATION|TIER, "
      "deploy=UNIT:REGION[:MODE], cancel-msel=LINE, msel=TIME:KIND=VALUE (a new MSEL line at "
      "TIME from the start, e.g. msel=3d12h:regime=none) (repeatable)");
  out.branch_cmd->add_option("--until", out.branch.until,
                             "run the branch on to this time (doctrine answers decisions)");

  out.compare_cmd = cli.add_subcommand("compare", "print two saves' measures side by side");
  out.compare_cmd->add_option("a", out.compare.a, "first save")->required();
  out.compare_cmd->add_option("b", out.compare.b, "second save")->required();
  out.compare_cmd->add_option("--at", out.compare.at,
                              "compare both at this time, e.g. 2d (default: the earlier end)");
}

int run_save_commands(const SaveCommands& s, const Common& common) {
  if (*s.info_cmd) return save_info_command(common, s.info);
  if (*s.export_cmd) return export_json_command(common, s.export_json);
  if (*s.replay_cmd) return replay_command(common, s.replay);
  if (*s.branch_cmd) return branch_command(common, s.branch);
  if (*s.compare_cmd) return compare_command(common, s.compare);
  return -1;
}

}  // namespace rfsim::app
