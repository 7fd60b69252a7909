// The game the window shows: a run of the model, its event log and its history, advanced in
// bounded slices so that the frame never waits for the model.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "map/theatre.hpp"
#include "play/sensor_book.hpp"
#include "saves/autosaver.hpp"
#include "saves/recording.hpp"
#include "sim/simulation.hpp"
#include "sim/trace.hpp"

namespace rfsim::render::gui {

/// A violation as the map remembers it after the model has closed it: where and when it
/// flared, so its marker can fade.
struct Flare {
  std::uint64_t serial = 0;  // the violation's serial number
  std::uint32_t region = 0;
  sim::SimTime at;
  bool kinetic = false;
  bool detected = false;
};

/// One hourly reading of the run, for the measures' plots.
struct Sample {
  sim::SimTime at;
  float open_violations = 0;    // violations not yet answered
  float units_away = 0;         // units not idle at home or on station
  float detected_share = 0;     // detected / violations so far
  float in_standard_share = 0;  // answered within the standard / violations so far
};

/// A live inject the facilitator gave, and when.
struct LiveInject {
  sim::SimTime at;
  sim::Inject inject;
};

/// One game in the window, recorded (saves::Recording): every inject and decision is logged,
/// jumps seek through keyframes, and the game can be saved, stepped back and branched.
///   Session s(scenario, theatre);
///   s.advance(1.0 / 60, 3600, std::chrono::milliseconds(8));  // a frame at one hour/second
class Session : private sim::TraceSink {
 public:
  Session(sim::Scenario scenario, const map::Theatre& theatre);
  ~Session() override;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  const sim::Simulation& run() const { return rec_->run(); }
  sim::SimTime now() const { return run().now(); }
  sim::SimTime end() const { return run().end(); }  // the scenario's end
  const saves::Recording& recording() const { return *rec_; }

  /// Moves the wanted time on by `wall_seconds * speed` and runs the model towards it for at
  /// most `budget` of wall time. The clock lags behind (lag() > 0) rather than overrun it;
  /// the lag is capped at one wall second of sim time so that it can be caught up.
  void advance(double wall_seconds, double speed, std::chrono::microseconds budget);
  sim::Duration lag() const { return target_ - now(); }
  /// Stops at the current time: finishes the events at this instant and drops any lag.
  void hold();
  bool step_event();  // one event; false when none is left before the end
  bool step_back();   // the state just before the last event; false at the start
  /// Seeks in the recording (nearest keyframe, then re-simulation with the logged commands).
  /// The log stays whole: a later command while behind its end forks the game there.
  void jump_to(sim::SimTime t);
  /// Logged, and applied now after every event at this instant (as a replay would).
  void inject(const sim::Inject& in);
  /// What becomes of the play a fork drops (take_back, answer_differently): "kept in FILE"
  /// when a save or the autosave holds it, else "lost: the game is not saved".
  std::string later_play_fate() const;
  /// The game forked at command `command`'s time without it and the commands after it, as if
  /// they had never been given (an autosave first keeps the later play, when autosave is on).
  /// Returns where the later play went (later_play_fate()). Throws std::out_of_range.
  std::string take_back(std::size_t command);
  /// The game forked where decision `decision` was answered, answered with `option` instead
  /// (saves::branch_deciding): a branch of the game so far, not yet saved. Returns where the
  /// later play went. Throws std::invalid_argument saying why it cannot be done.
  std::string answer_differently(std::uint64_t decision, std::int32_t option);

  /// Notes and bookmarks (saves::Recording's): not game state, so they fork nothing and
  /// change no hash, but a save holds them (unsaved() counts them). Throw
  /// std::invalid_argument when the note does not fit the game; return its index.
  std::size_t add_note(saves::Note n);
  std::size_t edit_note(std::size_t index, saves::Note n);
  void remove_note(std::size_t index);
  const std::vector<saves::Note>& notes() const { return rec_->notes(); }

  /// A new game of `scenario` from its start, in place of the game shown: no file yet, and
  /// nothing unsaved until it is played (a save holds the scenario, as every save does).
  void new_game(sim::Scenario scenario);
  /// Opens a save, positioned at its start. Throws SaveError; the game shown is kept then.
  void open(const std::filesystem::path& file);
  /// Atomic; throws naming the file. The file becomes file(), and the game saved.
  void save_to(const std::filesystem::path& file);
  /// Writes the game from the cursor on as a new save naming its parent (the save last
  /// opened or written, or "(unsaved)"); the window goes on in the branch.
  void branch_to(const std::filesystem::path& file);
  const std::string& file() const { return file_; }  // the save opened or written last
  /// Which game the window shows: a number never used before in this process, given anew by
  /// new_game() and open(); forks and branches of the game keep it. Work asked of one game
  /// (odds, a comparison) is dropped once the number changes, whenever that work finishes.
  std::uint64_t game() const { return game_; }
  /// Whether leaving now would lose play: the log has grown (play past its end) or taken a
  /// command (an inject, a decision, a fork) since the game was last saved, opened or
  /// autosaved on leaving. Seeking within the log changes nothing that a save holds.
  bool unsaved() const { return mark() != saved_; }

  /// Autosave every `every` of wall time into FOLDER/autosave-STEM-1..5.rfsave.
  void enable_autosave(const std::filesystem::path& folder, std::chrono::seconds every);
  /// Called on every pass of the window's loop: writes when due and the game has changed
  /// since the last autosave. Returns the file written, if any. Never throws: a failed
  /// write is in autosaver()->failure() and tried again at the next interval.
  std::optional<std::filesystem::path> tick_autosave();
  /// An autosave at once, which counts as saving the game (leaving a game that has no file).
  /// Throws naming the file.
  std::filesystem::path autosave_now();
  const saves::Autosaver* autosaver() const { return autosave_ ? &*autosave_ : nullptr; }

  const std::vector<sim::TraceRecord>& log() const { return log_; }
  std::uint64_t log_generation() const { return generation_; }  // bumps when the log restarts
  const std::vector<Flare>& flares() const { return flares_; }
  const std::vector<Sample>& samples() const { return samples_; }
  const std::vector<LiveInject>& live_injects() const { return injects_; }
  /// Violations answered by the monitors' report alone (doctrine: record), and unit arrivals
  /// at a violation, in the log up to now: what "answered" is made of.
  std::uint64_t recorded_only() const { return recorded_only_; }
  std::uint64_t unit_arrivals() const { return unit_arrivals_; }

  /// The model's reasons for HQ's tasking of one violation (its serial), in the order given:
  /// what the inspector answers "why?" with. Kept across seeks (same game, same reasons) and
  /// cut back when a command forks the game; a save's past before the window re-simulated
  /// it has none (the reasons are not saved).
  std::vector<const sim::WhyRecord*> whys_of(std::uint64_t serial) const;
  /// The decisions the run asked for a player, by id, as they stood when asked (the run
  /// forgets a decision once it is answered).
  const std::map<std::uint64_t, sim::Decision>& decisions_asked() const { return asked_; }
  /// Which sensor reported each violation, kept as the reports came (a save opened after a
  /// violation closed has none for it); cut back, like the reasons, when a command forks.
  const play::SensorBook& sensors() const { return sensors_; }

 private:
  void record(const sim::TraceRecord& r) override;
  bool wants_why() const override { return true; }
  void explain(const sim::WhyRecord& why) override;
  void note_decisions();  // copies newly pending decisions into asked_
  void attach(std::unique_ptr<saves::Recording> rec);
  void resync();  // the log, flares, samples and injects brought in line with the cursor
  void sample_up_to_now();
  // What a save of the game holds, as far as losing it goes: how far the log reaches, and
  // how many commands have changed it (a fork can shorten the log to an earlier end).
  struct Mark {
    sim::SimTime end;
    std::uint64_t commands = 0;
    std::uint64_t note_edits = 0;
    bool operator==(const Mark&) const = default;
  };
  Mark mark() const { return {rec_->end(), commands_given_, note_edits_}; }

  const map::Theatre* theatre_;
  std::unique_ptr<saves::Recording> rec_;
  std::string file_;
  std::uint64_t game_ = 0;
  std::optional<saves::Autosaver> autosave_;
  bool quiet_ = false;  // while seeking back: the log is rebuilt from the recording's trace
  sim::SimTime target_;
  double carry_ms_ = 0;  // sim milliseconds not yet added to target_
  std::vector<sim::TraceRecord> log_;
  std::uint64_t generation_ = 0;
  std::vector<Flare> flares_;
  std::vector<Sample> samples_;
  sim::SimTime next_sample_;
  std::vector<LiveInject> injects_;
  // Reasons by (time, kind, violation, unit, level): a seek re-simulates and gives them again.
  using WhyKey = std::tuple<std::int64_t, int, std::uint64_t, std::uint32_t, std::string>;
  std::map<WhyKey, sim::WhyRecord> whys_;
  std::map<std::uint64_t, sim::Decision> asked_;
  play::SensorBook sensors_;
  std::uint64_t recorded_only_ = 0;
  std::uint64_t unit_arrivals_ = 0;
  std::uint64_t commands_given_ = 0;  // inject() calls in this window's life
  std::uint64_t note_edits_ = 0;      // notes added, edited or removed in this window's life
  Mark saved_;                        // mark() when last saved or opened
  Mark autosaved_;                    // mark() when last autosaved
};

/// Kinetic violations (fire, explosions, probes) are drawn red, the others orange.
bool is_kinetic(sim::ViolationType t);

}  // namespace rfsim::render::gui
