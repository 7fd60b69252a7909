// The session's time keeping: wanted time against model time, bounded slices, hourly
// samples; jumps, steps back, saves and branches through the session's saves::Recording.
#include "render/gui/session.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <stdexcept>

#include "saves/redecide.hpp"
#include "saves/save_file.hpp"

namespace rfsim::render::gui {

namespace {
constexpr sim::Duration kSampleEvery = sim::Duration::hours(1);

// Process-wide, so that two windows' sessions (a branch compared, a seat) never share one.
std::uint64_t next_game() {
  static std::atomic<std::uint64_t> last{0};
  return ++last;
}
}  // namespace

bool is_kinetic(sim::ViolationType t) {
  return t == sim::ViolationType::Artillery || t == sim::ViolationType::SmallArms ||
         t == sim::ViolationType::GroundProbe;
}

Session::Session(sim::Scenario scenario, const map::Theatre& theatre)
    : theatre_(&theatre), game_(next_game()) {
  attach(std::make_unique<saves::Recording>(std::move(scenario), theatre));
  saved_ = autosaved_ = mark();  // a game not yet played has nothing to lose
}

Session::~Session() {
  if (rec_) rec_->set_trace(nullptr);
}

void Session::attach(std::unique_ptr<saves::Recording> rec) {
  if (rec_) rec_->set_trace(nullptr);
  whys_.clear();
  asked_.clear();
  sensors_.clear();
  rec_ = std::move(rec);
  rec_->set_trace(this);
  target_ = now();
  carry_ms_ = 0;
  samples_.clear();
  resync();
}

void Session::resync() {
  // Records up to the cursor, from the recording's trace (a save without one starts empty).
  const std::uint64_t executed = run().world().loop.executed();
  const sim::SimTime t = now();
  log_.clear();
  flares_.clear();
  recorded_only_ = unit_arrivals_ = 0;
  for (const saves::TraceEntry& e : rec_->trace()) {
    if (e.executed > executed || e.record.time > t) break;
    record(e.record);
  }
  ++generation_;
  std::erase_if(samples_, [&](const Sample& s) { return s.at > t; });
  next_sample_ = samples_.empty() ? sim::SimTime::start() : samples_.back().at + kSampleEvery;
  injects_.clear();
  for (const saves::Command& c : rec_->commands()) {
    if (c.at > t) break;
    injects_.push_back({c.at, c.inject});
  }
  sample_up_to_now();
}

void Session::record(const sim::TraceRecord& r) {
  // Reports are kept even while a seek re-simulates quietly: the state holds a violation's
  // sensor only now, and the log rebuilt from the trace will not have it.
  sensors_.note(r, run().world());
  if (quiet_) return;
  log_.push_back(r);
  if (r.kind == sim::TraceKind::Detected && r.detail == "record") ++recorded_only_;
  if (r.kind == sim::TraceKind::Arrived && r.violation != 0) ++unit_arrivals_;
  if (r.kind == sim::TraceKind::Violation) {
    Flare f{r.violation, r.region, r.time, false, false};
    for (const sim::Violation& v : run().world().violations) {
      if (v.serial == r.violation) {
        f.kinetic = is_kinetic(v.type);
        break;
      }
    }
    flares_.push_back(f);
  } else if (r.kind == sim::TraceKind::Detected) {
    // Flares are in time order and a detection comes soon after its violation: look back.
    for (auto it = flares_.rbegin(); it != flares_.rend(); ++it) {
      if (it->serial == r.violation) {
        it->detected = true;
        break;
      }
    }
  }
}

void Session::explain(const sim::WhyRecord& why) {
  whys_.try_emplace(
      WhyKey{why.time.ms(), static_cast<int>(why.kind), why.violation, why.unit, why.level}, why);
}

std::vector<const sim::WhyRecord*> Session::whys_of(std::uint64_t serial) const {
  std::vector<const sim::WhyRecord*> out;
  for (const auto& [key, why] : whys_) {
    if (why.violation == serial && why.time <= now()) out.push_back(&why);
  }
  return out;
}

void Session::note_decisions() {
  for (const sim::Decision& d : run().pending_decisions()) asked_.try_emplace(d.id, d);
}

void Session::sample_up_to_now() {
  const sim::World& w = run().world();
  while (next_sample_ <= now()) {
    Sample s;
    s.at = next_sample_;
    for (const sim::Violation& v : w.violations) s.open_violations += v.serial != 0 ? 1.0f : 0.0f;
    for (const sim::Unit& u : w.units) {
      s.units_away += u.state != sim::UnitState::Idle && u.state != sim::UnitState::Withdrawn;
    }
    const auto& m = w.measures;
    if (m.violations > 0) {
      s.detected_share = static_cast<float>(m.detected) / static_cast<float>(m.violations);
      s.in_standard_share =
          static_cast<float>(m.answered_in_standard) / static_cast<float>(m.violations);
    }
    samples_.push_back(s);
    next_sample_ = next_sample_ + kSampleEvery;
  }
  note_decisions();
}

void Session::advance(double wall_seconds, double speed, std::chrono::microseconds budget) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + budget;
  carry_ms_ += std::max(0.0, wall_seconds * speed * 1000.0);
  const double whole = std::floor(carry_ms_);
  carry_ms_ -= whole;
  target_ = target_ + sim::Duration::ms(static_cast<std::int64_t>(whole));
  // Cap the lag, so that a model slower than the asked speed catches up within a second once
  // the speed comes down, instead of running on long after the facilitator paused.
  const auto cap = sim::Duration::ms(static_cast<std::int64_t>(speed * 1000.0) + 1);
  if (target_ - now() > cap) target_ = now() + cap;
  target_ = std::min(target_, end());
  for (int n = 1;; ++n) {
    if (run().awaiting_decision()) {  // the run waits for a player; so does the clock
      target_ = now();
      break;
    }
    const std::optional<sim::SimTime> next = run().next_event_time();
    if (!next || *next > target_) {
      rec_->run_until(target_);  // no event left before the target: just move the clock
      break;
    }
    if (!rec_->step()) break;
    if (n % 16 == 0) {
      sample_up_to_now();
      if (Clock::now() >= deadline) break;
    }
  }
  sample_up_to_now();
}

void Session::hold() {
  rec_->run_until(now());
  target_ = now();
  carry_ms_ = 0;
}

bool Session::step_event() {
  const std::optional<sim::SimTime> next = run().next_event_time();
  if (!next || *next > end() || run().awaiting_decision()) return false;
  if (!rec_->step()) return false;
  target_ = now();
  carry_ms_ = 0;
  sample_up_to_now();
  return true;
}

bool Session::step_back() {
  quiet_ = true;
  const bool moved = rec_->step_back();
  quiet_ = false;
  target_ = now();
  carry_ms_ = 0;
  if (moved) resync();
  return moved;
}

void Session::jump_to(sim::SimTime t) {
  t = std::clamp(t, sim::SimTime::start(), end());
  // A seek may restore a keyframe on either side of the cursor, skipping records: the log is
  // rebuilt from the recording's trace instead.
  quiet_ = true;
  // Forward, an hour at a time, so that the hourly samples read each hour passed rather than
  // the state the jump arrives at. The recording goes on from its cursor when that is nearer
  // than a keyframe, so this costs about one seek.
  while (t > now() && next_sample_ < t) {
    rec_->seek(next_sample_);
    if (now() < next_sample_) break;  // held by a decision waiting for a player
    sample_up_to_now();
  }
  rec_->seek(t);
  quiet_ = false;
  resync();
  target_ = now();
  carry_ms_ = 0;
  sample_up_to_now();
}

std::size_t Session::add_note(saves::Note n) {
  const std::size_t i = rec_->add_note(std::move(n));
  ++note_edits_;
  return i;
}

std::size_t Session::edit_note(std::size_t index, saves::Note n) {
  const std::size_t i = rec_->edit_note(index, std::move(n));
  ++note_edits_;
  return i;
}

void Session::remove_note(std::size_t index) {
  rec_->remove_note(index);
  ++note_edits_;
}

void Session::inject(const sim::Inject& in) {
  rec_->run_until(now());  // after every event at this instant, as a replay would
  rec_->command(in);       // behind the end of the log, this forks the game here
  ++commands_given_;
  // The game after now is another one: its reasons and decisions are made again as it runs.
  std::erase_if(whys_, [&](const auto& kv) { return kv.second.time > now(); });
  std::erase_if(asked_, [&](const auto& kv) { return kv.second.asked > now(); });
  sensors_.forget_after(now());
  note_decisions();
  std::erase_if(injects_, [&](const LiveInject& li) { return li.at > now(); });
  injects_.push_back({now(), in});
  target_ = std::max(target_, now());
}

std::string Session::later_play_fate() const {
  if (autosave_) return "kept in an autosave (written first)";
  if (!unsaved() && !file_.empty()) return "kept in " + file_;
  return "lost: the game is not saved";
}

std::string Session::take_back(std::size_t command) {
  if (command >= rec_->commands().size()) {
    throw std::out_of_range("take back: no command " + std::to_string(command) + " in the log");
  }
  std::string fate = later_play_fate();
  if (autosave_) fate = "kept in " + autosave_now().string();
  const sim::SimTime at = rec_->commands()[command].at;
  auto rec = std::make_unique<saves::Recording>(saves::log_before(rec_->save(), command), *theatre_,
                                                file_.empty() ? "(unsaved)" : file_);
  attach(std::move(rec));
  jump_to(at);        // re-simulated from the nearest keyframe: the log and samples follow
  ++commands_given_;  // the game in the window is no longer the one saved
  return fate;
}

std::string Session::answer_differently(std::uint64_t decision, std::int32_t option) {
  const std::string parent =
      file_.empty() ? std::string("(unsaved)") : std::filesystem::path(file_).filename().string();
  saves::Save child = saves::branch_deciding(rec_->save(), parent, *theatre_, decision, option, {});
  std::string fate = later_play_fate();
  if (autosave_) fate = "kept in " + autosave_now().string();
  const sim::SimTime at = child.end.at;
  auto rec = std::make_unique<saves::Recording>(std::move(child), *theatre_, parent);
  attach(std::move(rec));
  jump_to(at);
  file_.clear();  // a branch: saving it must not overwrite its parent
  ++commands_given_;
  return fate;
}

void Session::new_game(sim::Scenario scenario) {
  attach(std::make_unique<saves::Recording>(std::move(scenario), *theatre_));
  file_.clear();
  game_ = next_game();
  saved_ = autosaved_ = mark();
}

void Session::open(const std::filesystem::path& file) {
  saves::Save save = saves::read_save(file);
  attach(std::make_unique<saves::Recording>(std::move(save), *theatre_, file.string()));
  file_ = file.string();
  game_ = next_game();
  saved_ = autosaved_ = mark();
}

void Session::save_to(const std::filesystem::path& file) {
  saves::write_save(file, rec_->save());
  file_ = file.string();
  saved_ = mark();
}

void Session::branch_to(const std::filesystem::path& file) {
  const std::string parent =
      file_.empty() ? std::string("(unsaved)") : std::filesystem::path(file_).filename().string();
  rec_->branch_here(parent);
  saves::write_save(file, rec_->save());
  file_ = file.string();
  saved_ = mark();
}

void Session::enable_autosave(const std::filesystem::path& folder, std::chrono::seconds every) {
  std::string stem = run().scenario().name.empty() ? "game" : run().scenario().name;
  for (char& c : stem) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  }
  autosave_.emplace(folder, "autosave-" + stem, 5, every);
}

std::optional<std::filesystem::path> Session::tick_autosave() {
  // Nothing new since the last autosave, or the game is saved: an idle window writes nothing.
  if (!autosave_ || mark() == autosaved_ || !unsaved()) return std::nullopt;
  const Mark now = mark();
  auto written = autosave_->tick([&] { return rec_->save(); });
  if (written) autosaved_ = now;
  return written;
}

std::filesystem::path Session::autosave_now() {
  if (!autosave_) throw std::logic_error("autosave_now: autosave is off");
  std::filesystem::path written = autosave_->write_now(rec_->save());
  saved_ = autosaved_ = mark();
  return written;
}

}  // namespace rfsim::render::gui
