// The branch tree of the saves of one game: each branch names its parent save and when it
// forked (SaveMeta), and the tree is put back together from those links.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "saves/save.hpp"

namespace rfsim::saves {

/// What the tree needs of one save.
struct SaveSummary {
  std::string name;  // its file name, as a child's meta.parent names it
  std::filesystem::path path;
  SaveMeta meta;
  sim::SimTime end;
  std::uint64_t end_hash = 0;
  std::size_t commands = 0;
};

SaveSummary summarize(const Save& save, const std::filesystem::path& path);

struct BranchNode {
  std::size_t save = 0;               // index into BranchTree::saves
  std::vector<std::size_t> children;  // node indices, by fork time then name
  std::size_t depth = 0;
  bool parent_missing = false;    // it names a parent that is not among the saves
  bool parent_changed = false;    // the parent's end hash is not the one recorded at the fork
  bool parent_ambiguous = false;  // several saves have the parent's name; the nearest was taken
  bool in_cycle = false;          // the parent links go round: shown as a root
};

struct BranchTree {
  std::vector<SaveSummary> saves;
  std::vector<BranchNode> nodes;   // one per save, same order
  std::vector<std::size_t> roots;  // saves without a parent among them, by name
};

/// Links every save to its parent by file name (and, when several share it, by the end hash
/// the branch recorded).
BranchTree branch_tree(std::vector<SaveSummary> saves);

/// The tree indented four spaces a level, one save a line, with fork times:
///   game.rfsave: "Partial ceasefire", 0s to 3d, 12 commands
///       what-if.rfsave: forked at 2d (D+2 00:00:00), to 3d, 13 commands
std::string format_branch_tree(const BranchTree& tree);

}  // namespace rfsim::saves
