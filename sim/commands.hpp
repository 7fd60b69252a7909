// Orders from outside the model, stamped with their time, and the sources a run takes them
// from: a game being played, a save being replayed, a batch's variant, doctrine answering for
// an absent player. Simulation::advance() is the one door through which they enter the loop.
#pragma once

#include <cstddef>
#include <deque>
#include <utility>
#include <vector>

#include "sim/scenario.hpp"
#include "sim/time.hpp"

namespace rfsim::sim {

class Simulation;
struct Decision;

/// An order stamped with the time it was given.
struct Command {
  SimTime at;     // when it was given
  Inject inject;  // what it does (its own `at` is not used)
};

/// Where a run's commands come from, in the order they were given.
///   CommandList orders({{SimTime::at(Duration::hours(2)), inject}});
///   run.advance(run.end(), orders);
class CommandSource {
 public:
  virtual ~CommandSource() = default;
  /// The next command not yet applied, or nullptr when there is none (yet).
  virtual const Command* next() = 0;
  /// The command next() returned has been applied.
  virtual void pop() = 0;
  /// The run waits for a player and no command is due. A source that can answer (doctrine
  /// standing in for the player) makes next() return the answer, stamped run.now(), and
  /// returns true; a source that must wait for a person returns false and the run stops.
  virtual bool answer(const Simulation& run);
};

/// A fixed list of commands played in order: a save's log, a batch variant's orders.
/// Holds a reference: the list must outlive the source.
class CommandList : public CommandSource {
 public:
  explicit CommandList(const std::vector<Command>& commands, std::size_t first = 0,
                       std::size_t end = static_cast<std::size_t>(-1))
      : commands_(commands), next_(first), end_(std::min(end, commands.size())) {}
  const Command* next() override { return next_ < end_ ? &commands_[next_] : nullptr; }
  void pop() override { ++next_; }
  std::size_t position() const { return next_; }  // commands applied so far (from the start)

 private:
  const std::vector<Command>& commands_;
  std::size_t next_;
  std::size_t end_;
};

/// Commands queued now and applied at the run's next advance: a headless caller's orders.
/// With `doctrine` set, every decision a player is asked is answered by doctrine's choice.
class CommandQueue : public CommandSource {
 public:
  explicit CommandQueue(bool doctrine = false) : doctrine_(doctrine) {}
  void push(Command c) { queue_.push_back(std::move(c)); }
  const Command* next() override { return queue_.empty() ? nullptr : &queue_.front(); }
  void pop() override { queue_.pop_front(); }
  bool answer(const Simulation& run) override;
  std::int64_t answered() const { return answered_; }  // decisions doctrine answered

 private:
  std::deque<Command> queue_;
  bool doctrine_;
  std::int64_t answered_ = 0;
};

/// Doctrine's answer to a pending decision, as a command a player could have given.
Inject doctrine_answer(const Decision& d);

}  // namespace rfsim::sim
