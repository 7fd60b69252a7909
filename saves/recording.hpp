// A recorded session: a run whose every command is logged with its time and whose full state
// is kept every N simulated hours, so that it can be saved, sought, stepped back and forked.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "map/theatre.hpp"
#include "saves/save.hpp"
#include "sim/simulation.hpp"

namespace rfsim::saves {

struct RecordingOptions {
  sim::Duration keyframe_every = sim::Duration::hours(6);  // simulated time between keyframes
  bool trace = true;                                       // keep the event trace in the save
  std::string title;                                       // the save's title
};

/// One game, recorded. Commands go through command(), never to the Simulation directly: the
/// recording is the run's command source, so a live game and its replay take the same path.
///   Recording rec(scenario, theatre);  rec.run_until(t48);  rec.command(inject);
///   rec.seek(t12);  rec.step_back();  write_save("game.rfsave", rec.save());
/// A command given while the cursor is behind the end of the log forks the game there: the
/// log's later commands, keyframes and trace are dropped (call branch_here() first to name
/// the parent).
class Recording : private sim::CommandSource {
 public:
  Recording(sim::Scenario scenario, const map::Theatre& theatre, RecordingOptions options = {});
  /// A loaded save, positioned at its start. Throws SaveError when it does not fit.
  Recording(Save save, const map::Theatre& theatre, const std::string& file);
  ~Recording();
  Recording(const Recording&) = delete;
  Recording& operator=(const Recording&) = delete;

  const sim::Simulation& run() const { return *run_; }  // the state at the cursor
  void run_until(sim::SimTime t);                       // forward along the log, live past its end
  bool step();  // one event forward; false when none is left
  /// Applied now, after every event at this time, and logged. Throws std::invalid_argument,
  /// logging nothing, when the command does not fit the state (a decision no longer pending).
  void command(const sim::Inject& in);
  /// Headless play: past the end of the log, every decision a player is asked is answered
  /// with doctrine's choice, logged as a command like a player's.
  void answer_with_doctrine(bool on) { doctrine_ = on; }
  std::int64_t doctrine_answers() const { return doctrine_answers_; }
  void seek(sim::SimTime t);  // the state after every event and command at or before t
  bool step_back();           // the state just before the last event ran; false at start
  void branch_here(const std::string& parent);  // forks at the cursor, naming the parent

  sim::SimTime end() const;  // how far the log reaches
  const std::vector<Command>& commands() const { return log_.commands; }
  const std::vector<Keyframe>& keyframes() const { return log_.keyframes; }
  const std::vector<TraceEntry>& trace() const { return log_.trace; }
  Save save() const;  // the whole log, its end state included

  /// Notes and bookmarks (saves/notes.hpp), in time order: saved with the log but not game
  /// state, so adding, editing or removing one changes no hash and forks nothing (a team may
  /// annotate a replay). A fork drops the notes after it, as it drops the later commands.
  /// add_note and edit_note throw std::invalid_argument (note_problem's words) when the note
  /// does not fit the game; they return the note's index once placed in time order.
  std::size_t add_note(Note n);
  std::size_t edit_note(std::size_t index, Note n);
  void remove_note(std::size_t index);
  const std::vector<Note>& notes() const { return log_.notes; }

  void set_trace(sim::TraceSink* sink) { observer_ = sink; }  // every record, replays too

 private:
  class Recorder;
  struct Point {
    sim::SimTime at;
    std::uint64_t executed = 0;
    std::uint64_t commands = 0;
  };
  Point cursor() const;
  bool at_end() const;
  void advance(sim::SimTime target, std::uint64_t max_executed);
  void restore_nearest(sim::SimTime t, std::uint64_t max_executed);
  void keep_end();  // before the cursor leaves the end of the log
  void cut_at_cursor();
  void moved();  // after the cursor went forward: the log's end may have moved
  // sim::CommandSource: the log from the cursor on, up to commands_limit_.
  const sim::Command* next() override;
  void pop() override;
  bool answer(const sim::Simulation& run) override;

  std::unique_ptr<sim::Simulation> run_;
  std::unique_ptr<Recorder> recorder_;
  Save log_;  // its `end` is valid only while end_kept_
  bool end_kept_ = false;
  Point end_;                       // the end of the log
  std::uint64_t next_command_ = 0;  // logged commands applied at the cursor
  bool doctrine_ = false;
  std::int64_t doctrine_answers_ = 0;
  sim::TraceSink* observer_ = nullptr;
};

}  // namespace rfsim::saves
