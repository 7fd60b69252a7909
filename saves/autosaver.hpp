// Autosave for interactive play: every N minutes of wall time, the game goes into the next
// file of a rotating set of K, so a crash costs at most N minutes and K saves stay on disk.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "saves/save.hpp"

namespace rfsim::saves {

/// Rotating autosaves: FOLDER/STEM-1.rfsave .. STEM-K.rfsave, the oldest overwritten first.
///   Autosaver autosave(dir, "game", 5, std::chrono::minutes(10));
///   every frame: autosave.tick([&] { return recording.save(); });
class Autosaver {
 public:
  using Clock = std::chrono::steady_clock;
  Autosaver(std::filesystem::path folder, std::string stem, std::size_t keep,
            Clock::duration every);

  /// Writes make() to the next file once `every` has passed since the last attempt (or since
  /// construction). Returns the file written, if any. make() is not called otherwise. A
  /// write that fails (a read-only or vanished folder, a full disk) never throws: it is kept
  /// in failure() and tried again, into the same file, after `every`.
  std::optional<std::filesystem::path> tick(const std::function<Save()>& make,
                                            Clock::time_point now = Clock::now());
  /// At once, into the next file. Throws what write_save throws (naming the file); the
  /// failure is kept in failure() too.
  std::filesystem::path write_now(const Save& save);
  std::vector<std::filesystem::path> files() const;  // the set's files on disk, newest first

  /// Why the last write failed; cleared by the next write that works.
  struct Failure {
    std::string reason;  // write_save's message: the file and what went wrong
    int attempts = 0;    // failed writes in a row
  };
  const std::optional<Failure>& failure() const { return failure_; }
  Clock::duration every() const { return every_; }

 private:
  std::filesystem::path slot_path(std::size_t slot) const;

  std::filesystem::path folder_;
  std::string stem_;
  std::size_t keep_;
  Clock::duration every_;
  Clock::time_point last_;
  std::size_t next_slot_ = 0;
  std::optional<Failure> failure_;
};

}  // namespace rfsim::saves
