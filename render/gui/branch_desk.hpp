// "Branches side by side": the saves of one game as a tree, and a second branch held at the
// same simulated time as the game in the window, its measures beside the game's and its map
// one toggle away.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "render/gui/session.hpp"
#include "saves/branch_tree.hpp"

namespace rfsim::render::gui {

class BranchDesk {
 public:
  /// Reads every *.rfsave in `folder` into the tree; a save that cannot be read is listed in
  /// unreadable() with why, and left out. Throws std::runtime_error when the folder cannot be
  /// listed.
  void scan(const std::filesystem::path& folder);
  const saves::BranchTree& tree() const { return tree_; }
  const std::vector<std::string>& unreadable() const { return unreadable_; }
  const std::filesystem::path& folder() const { return folder_; }
  bool scanned() const { return scanned_; }

  /// Opens the save of `tree().saves[index]` as branch B beside `game` (A). Throws SaveError.
  void compare_with(const Session& game, std::size_t index);
  void stop_comparing();
  /// Called every frame: when the window shows another game than the desk's (Session::game()),
  /// the comparison stops and the tree and its folder are forgotten (a save's game lists its
  /// own folder again). Returns whether it changed game.
  bool follow_game(const Session& game);
  /// B brought to A's simulated time (or to its own end, when it ends before). Call once a
  /// frame.
  void follow(const Session& game);
  const Session* other() const { return other_.get(); }
  const std::string& other_name() const { return other_name_; }
  /// Empty when A and B are at the same simulated time, else the warning to show.
  std::string time_warning(const Session& game) const;

  bool map_shows_other = false;  // the A/B toggle of the map
  /// The tree's header opened or closed at the next frame: closed when a comparison starts
  /// (room for the measures and the map), opened when it stops.
  std::optional<bool> tree_open;
  std::string folder_field;  // the panel's field; empty: the game's folder

 private:
  saves::BranchTree tree_;
  std::vector<std::string> unreadable_;
  std::filesystem::path folder_;
  bool scanned_ = false;
  std::unique_ptr<Session> other_;
  std::string other_name_;
  std::uint64_t game_ = 0;  // the game the tree and the comparison belong to; 0: none yet
};

}  // namespace rfsim::render::gui
