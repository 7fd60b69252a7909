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

  /// Writes make() to the next file once `every` has passed since the last write (or since
  /// construction). Returns the file written, if any. make() is not called otherwise.
  std::optional<std::filesystem::path> tick(const std::function<Save()>& make,
                                            Clock::time_point now = Clock::now());
  std::filesystem::path write_now(const Save& save);  // at once, into the next file
  std::vector<std::filesystem::path> files() const;   // the set's files on disk, newest first

 private:
  std::filesystem::path slot_path(std::size_t slot) const;

  std::filesystem::path folder_;
  std::string stem_;
  std::size_t keep_;
  Clock::duration every_;
  Clock::time_point last_;
  std::size_t next_slot_ = 0;
};

}  // namespace rfsim::saves
