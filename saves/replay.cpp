// Verification and replay of saves.
#include "saves/replay.hpp"

#include <algorithm>

#include "saves/format.hpp"
#include "saves/open_save.hpp"
#include "saves/serialize.hpp"
#include "saves/snapshot.hpp"
#include "sim/state_compare.hpp"
#include "sim/state_hash.hpp"

namespace rfsim::saves {

namespace {

std::string describe_record(const sim::TraceRecord& r) {
  return sim::format_clock(r.time) + " " + std::string(sim::to_string(r.kind)) + " \"" + r.detail +
         "\"";
}

/// Compares the replay's trace with the recorded one, remembering the first difference.
class TraceCheck : public sim::TraceSink {
 public:
  explicit TraceCheck(const std::vector<TraceEntry>& recorded) : recorded_(recorded) {}
  void record(const sim::TraceRecord& r) override {
    if (!first_difference_.empty()) return;
    if (next_ >= recorded_.size()) {
      first_difference_ = "the replay made " + describe_record(r) + ", the recording ended there";
      return;
    }
    const sim::TraceRecord& want = recorded_[next_++].record;
    if (want.time != r.time || want.kind != r.kind || want.violation != r.violation ||
        want.region != r.region || want.unit != r.unit || want.detail != r.detail) {
      first_difference_ = "trace record " + std::to_string(next_ - 1) + ": recorded " +
                          describe_record(want) + ", replayed " + describe_record(r);
    }
  }
  const std::string& first_difference() const { return first_difference_; }

 private:
  const std::vector<TraceEntry>& recorded_;
  std::size_t next_ = 0;
  std::string first_difference_;
};

std::vector<std::string> differing_parts(const std::vector<sim::StatePart>& recorded,
                                         const std::vector<sim::StatePart>& replayed) {
  std::vector<std::string> out;
  for (const sim::StatePart& r : recorded) {
    const auto same = std::find_if(replayed.begin(), replayed.end(), [&](const sim::StatePart& p) {
      return p.name == r.name && p.hash == r.hash;
    });
    if (same == replayed.end()) out.push_back(r.name);
  }
  return out;
}

Divergence diverged(const sim::Simulation& run, const Keyframe& k) {
  Divergence d;
  d.at = k.at;
  d.executed_recorded = k.executed;
  d.executed_replayed = run.world().loop.executed();
  d.parts = differing_parts(k.parts, part_hashes(take_snapshot(run)));
  if (d.parts.empty()) d.parts.emplace_back("hash only (every saved part equal)");
  d.first_field = sim::first_difference(k.state.world, run.world());
  return d;
}

}  // namespace

bool at_keyframe(const sim::Simulation& run, const Keyframe& k) {
  return run.now() == k.at && run.world().loop.executed() == k.executed &&
         run.state_hash() == k.hash;
}

std::vector<const Keyframe*> recorded_points(const Save& save) {
  std::vector<const Keyframe*> points;
  for (const Keyframe& k : save.keyframes) points.push_back(&k);
  points.push_back(&save.end);
  return points;
}

std::string Divergence::describe() const {
  if (!unchecked.empty()) return unchecked;
  std::string s = "diverged by " + sim::format_clock(at) +
                  " (t = " + sim::format_duration(at.since_start()) + "): the recording had run " +
                  std::to_string(executed_recorded) + " events, the replay " +
                  std::to_string(executed_replayed) + "; parts that differ:";
  for (const std::string& p : parts) s += " " + p;
  if (!first_field.empty()) s += "; first differing field: " + first_field;
  if (!first_event.empty()) s += "; first differing event: " + first_event;
  return s;
}

VerifyResult verify(const Save& save, const map::Theatre& theatre, const std::string& file) {
  std::unique_ptr<sim::Simulation> run = start_run(save, theatre, file);
  if (!hashes_checkable(save.format)) {
    VerifyResult old;
    old.divergence = Divergence{};
    old.divergence->unchecked = "the save is of format " + std::to_string(save.format) +
                                ", whose hashes cover an older state layout: this rfsim cannot "
                                "check them (its recorded outcomes still replay)";
    return old;
  }
  TraceCheck check(save.trace);
  if (save.has_trace) run->set_trace(&check);
  VerifyResult result;
  std::size_t next_command = 0;
  for (const Keyframe* k : recorded_points(save)) {
    sim::CommandList log(save.commands, next_command, k->commands);
    run->advance(k->at, log, k->executed);
    next_command = log.position();
    if (!at_keyframe(*run, *k)) {
      result.divergence = diverged(*run, *k);
      result.divergence->first_event = check.first_difference();
      break;
    }
    ++result.checked;
  }
  run->set_trace(nullptr);
  return result;
}

std::string_view to_string(ReplayMode m) {
  switch (m) {
    case ReplayMode::Auto:
      return "auto";
    case ReplayMode::Resimulate:
      return "re-simulation";
    case ReplayMode::Recorded:
      return "recorded outcomes";
  }
  return "?";
}

Replayed replay_to(const Save& save, const map::Theatre& theatre, sim::SimTime t, ReplayMode mode,
                   const std::string& file) {
  Replayed out;
  out.run = start_run(save, theatre, file);
  const std::vector<const Keyframe*> points = recorded_points(save);
  // The last recorded point at or before t, and the one after it (if any).
  std::size_t from = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (points[i]->at <= t) from = i;
  }
  const Keyframe& start = *points[from];
  const Keyframe* next = from + 1 < points.size() ? points[from + 1] : nullptr;
  std::uint64_t next_command = start.commands;

  if (mode == ReplayMode::Auto) {
    if (!hashes_checkable(save.format)) {
      mode = ReplayMode::Recorded;
      out.why = "the save is of format " + std::to_string(save.format) +
                ", whose hashes this rfsim cannot check: its recorded outcomes are shown";
    } else if (next == nullptr) {
      mode = ReplayMode::Resimulate;
      out.why = "past the end of the recording: nothing recorded to check against";
    } else {
      restore(*out.run, start.state);
      sim::CommandList log(save.commands, next_command, next->commands);
      out.run->advance(next->at, log, next->executed);
      if (at_keyframe(*out.run, *next)) {
        mode = ReplayMode::Resimulate;
        out.why = "re-simulation reproduces the recorded hash at " + sim::format_clock(next->at);
      } else {
        mode = ReplayMode::Recorded;
        out.why = "re-simulation " + diverged(*out.run, *next).describe() +
                  " (the model has changed since the save was written)";
      }
      next_command = start.commands;
    }
  } else {
    out.why = "as asked";
  }
  out.mode = mode;
  restore(*out.run, start.state);
  if (mode == ReplayMode::Resimulate) {
    sim::CommandList log(save.commands, next_command);
    out.run->advance(t, log);
  } else {
    for (const TraceEntry& e : save.trace) {
      if ((e.executed > start.executed || e.commands > start.commands) && e.record.time <= t) {
        out.events.push_back(e);
      }
    }
  }
  return out;
}

}  // namespace rfsim::saves
