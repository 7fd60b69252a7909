// Recording, seeking, stepping back and forking a game.
#include "saves/recording.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <stdexcept>

#include "saves/open_save.hpp"
#include "saves/save_file.hpp"
#include "saves/snapshot.hpp"

#ifndef RFSIM_VERSION
#define RFSIM_VERSION "unknown"
#endif

namespace rfsim::saves {

/// Appends the records made past the end of the log (replayed ones are in it already) and
/// passes every record on to the observer.
class Recording::Recorder : public sim::TraceSink {
 public:
  explicit Recorder(Recording& owner) : owner_(owner) {}
  void record(const sim::TraceRecord& r) override {
    const Point now = owner_.cursor();
    const Point& end = owner_.end_;
    if (owner_.log_.has_trace && (now.executed > end.executed || now.commands > end.commands)) {
      owner_.log_.trace.push_back(TraceEntry{now.executed, now.commands, r});
    }
    if (owner_.observer_ != nullptr) owner_.observer_->record(r);
  }
  bool wants_why() const override {
    return owner_.observer_ != nullptr && owner_.observer_->wants_why();
  }
  void explain(const sim::WhyRecord& why) override {
    if (owner_.observer_ != nullptr) owner_.observer_->explain(why);
  }

 private:
  Recording& owner_;
};

namespace {

std::string utc_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

Recording::Recording(sim::Scenario scenario, const map::Theatre& theatre, RecordingOptions options)
    : recorder_(std::make_unique<Recorder>(*this)) {
  log_.meta.title = options.title.empty() ? scenario.name : options.title;
  log_.meta.created = utc_now();
  log_.meta.rfsim_version = RFSIM_VERSION;
  log_.scenario_name = scenario.source_name;
  log_.scenario_text = scenario.source_text;
  log_.seed = scenario.seed;
  log_.keyframe_every_ms = std::max<std::int64_t>(1, options.keyframe_every.count_ms());
  log_.theatre_fingerprint = theatre_fingerprint(theatre);
  log_.has_trace = options.trace;
  run_ = std::make_unique<sim::Simulation>(std::move(scenario), theatre);
  run_->set_trace(recorder_.get());
  log_.keyframes.push_back(take_keyframe(*run_, 0));
  end_ = cursor();
}

Recording::Recording(Save save, const map::Theatre& theatre, const std::string& file)
    : recorder_(std::make_unique<Recorder>(*this)) {
  run_ = start_run(save, theatre, file);
  check_notes(save, theatre.region_count(), file);
  log_ = std::move(save);
  run_->set_trace(recorder_.get());
  // The recorded start, not the rebuilt one: they are equal unless the model changed since.
  restore(*run_, log_.keyframes.front().state);
  next_command_ = log_.keyframes.front().commands;
  end_ = Point{log_.end.at, log_.end.executed, log_.end.commands};
  end_kept_ = true;
}

Recording::~Recording() {
  run_->set_trace(nullptr);
}

Recording::Point Recording::cursor() const {
  return Point{run_->now(), run_->world().loop.executed(), next_command_};
}

bool Recording::at_end() const {
  const Point c = cursor();
  return c.at == end_.at && c.executed == end_.executed && c.commands == end_.commands;
}

sim::SimTime Recording::end() const {
  return end_.at;
}

void Recording::moved() {
  const Point c = cursor();
  if (c.commands == log_.commands.size() && c.executed >= end_.executed && c.at >= end_.at) {
    end_ = c;
    end_kept_ = false;
  }
}

void Recording::keep_end() {
  if (!end_kept_ && at_end()) {
    log_.end = take_keyframe(*run_, next_command_);
    end_kept_ = true;
  }
}

const sim::Command* Recording::next() {
  return next_command_ < log_.commands.size() ? &log_.commands[next_command_] : nullptr;
}

void Recording::pop() {
  ++next_command_;
}

bool Recording::answer(const sim::Simulation& run) {
  // Only live, past the end of the log: inside it the recorded answers are the game's.
  if (!doctrine_ || next_command_ != log_.commands.size()) return false;
  cut_at_cursor();
  for (const sim::Decision& d : run.pending_decisions()) {
    log_.commands.push_back(sim::Command{run.now(), sim::doctrine_answer(d)});
    ++doctrine_answers_;
  }
  return true;
}

void Recording::advance(sim::SimTime target, std::uint64_t max_executed) {
  const sim::Duration every = sim::Duration::ms(log_.keyframe_every_ms);
  for (;;) {
    const sim::SimTime next_key = log_.keyframes.back().at + every;
    if (next_key > target) break;
    run_->advance(next_key, *this, max_executed);
    const auto pending = run_->next_event_time();
    if (run_->now() != next_key || (pending && *pending <= next_key)) break;  // stopped short
    // Commands given at this moment come after the keyframe: it counts only those before.
    log_.keyframes.push_back(take_keyframe(*run_, next_command_));
  }
  run_->advance(target, *this, max_executed);
  moved();
}

void Recording::run_until(sim::SimTime t) {
  if (t < run_->now()) return seek(t);
  advance(t, sim::Simulation::kNoLimit);
}

bool Recording::step() {
  const std::uint64_t before = run_->world().loop.executed();
  const auto next = run_->next_event_time();
  if (!next) return false;
  advance(*next, before + 1);
  return run_->world().loop.executed() > before;
}

// Puts the cursor on the latest recorded point at or before (t, max_executed), unless the
// cursor itself is nearer: every such point lies on the way to the target.
void Recording::restore_nearest(sim::SimTime t, std::uint64_t max_executed) {
  const Keyframe* best = &log_.keyframes.front();  // the start fits every target
  // Keyframes are in order: find the last one at or before t, then walk back for the executed
  // limit (only step_back has one, and it walks back a keyframe at most).
  auto it = std::upper_bound(log_.keyframes.begin(), log_.keyframes.end(), t,
                             [](sim::SimTime x, const Keyframe& k) { return x < k.at; });
  while (it != log_.keyframes.begin()) {
    --it;
    if (it->executed <= max_executed) {
      best = &*it;
      break;
    }
  }
  if (end_kept_ && log_.end.at <= t && log_.end.executed <= max_executed &&
      log_.end.executed >= best->executed) {
    best = &log_.end;
  }
  const Point c = cursor();
  if (c.at <= t && c.executed <= max_executed && c.executed >= best->executed) return;
  keep_end();
  restore(*run_, best->state);
  next_command_ = best->commands;
}

void Recording::seek(sim::SimTime t) {
  restore_nearest(t, sim::Simulation::kNoLimit);
  advance(t, sim::Simulation::kNoLimit);
}

bool Recording::step_back() {
  const std::uint64_t executed = run_->world().loop.executed();
  if (executed == 0) return false;
  const sim::SimTime now = run_->now();
  restore_nearest(now, executed - 1);
  // Up to the last event's predecessor, with the commands that came before the last event.
  run_->advance(now, *this, executed - 1);
  return true;
}

void Recording::cut_at_cursor() {
  if (at_end()) return;
  keep_end();
  const Point c = cursor();
  log_.commands.resize(c.commands);
  std::erase_if(log_.keyframes, [&](const Keyframe& k) {
    return k.at > c.at || k.executed > c.executed || k.commands > c.commands;
  });
  std::erase_if(log_.trace, [&](const TraceEntry& e) {
    return e.executed > c.executed || e.commands > c.commands;
  });
  std::erase_if(log_.notes, [&](const Note& n) { return n.at > c.at; });
  end_ = c;
  end_kept_ = false;
}

std::size_t Recording::add_note(Note n) {
  if (log_.notes.size() >= kMaxNotes) {
    throw std::invalid_argument("a game holds at most " + std::to_string(kMaxNotes) + " notes");
  }
  if (auto why = note_problem(n, end(), run_->theatre().region_count())) {
    throw std::invalid_argument(*why);
  }
  const std::size_t slot = note_slot(log_.notes, n.at);
  log_.notes.insert(log_.notes.begin() + static_cast<std::ptrdiff_t>(slot), std::move(n));
  return slot;
}

std::size_t Recording::edit_note(std::size_t index, Note n) {
  if (index >= log_.notes.size()) throw std::invalid_argument("no such note");
  if (auto why = note_problem(n, end(), run_->theatre().region_count())) {
    throw std::invalid_argument(*why);
  }
  log_.notes.erase(log_.notes.begin() + static_cast<std::ptrdiff_t>(index));
  const std::size_t slot = note_slot(log_.notes, n.at);
  log_.notes.insert(log_.notes.begin() + static_cast<std::ptrdiff_t>(slot), std::move(n));
  return slot;
}

void Recording::remove_note(std::size_t index) {
  if (index >= log_.notes.size()) throw std::invalid_argument("no such note");
  log_.notes.erase(log_.notes.begin() + static_cast<std::ptrdiff_t>(index));
}

void Recording::branch_here(const std::string& parent) {
  keep_end();
  log_.meta.parent = parent;
  log_.meta.parent_hash = log_.end.hash;
  log_.meta.forked_at_ms = run_->now().ms();
  log_.meta.created = utc_now();
  cut_at_cursor();
}

void Recording::command(const sim::Inject& in) {
  if (const std::string why = run_->check(in); !why.empty()) throw std::invalid_argument(why);
  cut_at_cursor();
  advance(run_->now(), sim::Simulation::kNoLimit);  // the events still due at this very moment
  if (const std::string why = run_->check(in); !why.empty()) throw std::invalid_argument(why);
  log_.commands.push_back(sim::Command{run_->now(), in});
  advance(run_->now(), sim::Simulation::kNoLimit);  // applies it, through the same door
  moved();
}

Save Recording::save() const {
  Save s = log_;
  if (!end_kept_) s.end = take_keyframe(*run_, next_command_);
  return s;
}

}  // namespace rfsim::saves
