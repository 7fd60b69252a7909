// Putting the branch tree together from the saves' parent links.
#include "saves/branch_tree.hpp"

#include <algorithm>
#include <functional>

namespace rfsim::saves {

SaveSummary summarize(const Save& save, const std::filesystem::path& path) {
  SaveSummary s;
  s.name = path.filename().string();
  s.path = path;
  s.meta = save.meta;
  s.end = save.end.at;
  s.end_hash = save.end.hash;
  s.commands = save.commands.size();
  return s;
}

BranchTree branch_tree(std::vector<SaveSummary> saves) {
  BranchTree tree;
  tree.saves = std::move(saves);
  const std::size_t n = tree.saves.size();
  tree.nodes.resize(n);
  std::vector<std::size_t> parent(n, n);  // n: none
  for (std::size_t i = 0; i < n; ++i) {
    BranchNode& node = tree.nodes[i];
    node.save = i;
    const SaveMeta& m = tree.saves[i].meta;
    if (m.parent.empty()) continue;
    std::vector<std::size_t> named;
    for (std::size_t j = 0; j < n; ++j) {
      if (j != i && tree.saves[j].name == m.parent) named.push_back(j);
    }
    if (named.empty()) {
      node.parent_missing = true;
      continue;
    }
    const auto same_hash = std::find_if(named.begin(), named.end(), [&](std::size_t j) {
      return tree.saves[j].end_hash == m.parent_hash;
    });
    node.parent_ambiguous = named.size() > 1;
    parent[i] = same_hash != named.end() ? *same_hash : named.front();
    node.parent_changed = tree.saves[parent[i]].end_hash != m.parent_hash;
  }
  // Links that go round (crafted or renamed files) would hide their saves: cut them.
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t slow = i, steps = 0;
    while (parent[slow] != n && steps <= n) {
      slow = parent[slow];
      ++steps;
    }
    if (steps > n) {
      tree.nodes[i].in_cycle = true;
      parent[i] = n;
    }
  }
  auto by_fork = [&](std::size_t a, std::size_t b) {
    const SaveSummary& x = tree.saves[a];
    const SaveSummary& y = tree.saves[b];
    return std::pair(x.meta.forked_at_ms, x.name) < std::pair(y.meta.forked_at_ms, y.name);
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (parent[i] == n) {
      tree.roots.push_back(i);
    } else {
      tree.nodes[parent[i]].children.push_back(i);
    }
  }
  std::sort(tree.roots.begin(), tree.roots.end(),
            [&](std::size_t a, std::size_t b) { return tree.saves[a].name < tree.saves[b].name; });
  for (BranchNode& node : tree.nodes)
    std::sort(node.children.begin(), node.children.end(), by_fork);
  std::function<void(std::size_t, std::size_t)> set_depth = [&](std::size_t i, std::size_t d) {
    tree.nodes[i].depth = d;
    for (std::size_t c : tree.nodes[i].children) set_depth(c, d + 1);
  };
  for (std::size_t r : tree.roots) set_depth(r, 0);
  return tree;
}

std::string format_branch_tree(const BranchTree& tree) {
  std::string out;
  std::function<void(std::size_t)> line = [&](std::size_t i) {
    const BranchNode& node = tree.nodes[i];
    const SaveSummary& s = tree.saves[i];
    out += std::string(4 * node.depth, ' ') + s.name + ": ";
    if (s.meta.forked_at_ms >= 0) {
      const sim::SimTime fork = sim::SimTime::from_ms(s.meta.forked_at_ms);
      out += "forked at " + sim::format_duration(fork.since_start()) + " (" +
             sim::format_clock(fork) + ")";
      if (node.parent_missing) out += " from " + s.meta.parent + " (not among these saves)";
      if (node.in_cycle) out += " from " + s.meta.parent + " (the parent links go round)";
      out += ", to " + sim::format_duration(s.end.since_start());
    } else {
      out += "\"" + s.meta.title + "\", 0s to " + sim::format_duration(s.end.since_start());
    }
    out += ", " + std::to_string(s.commands) + " commands";
    if (node.parent_changed) {
      out += "; its parent has changed since the fork (end hash not the one recorded)";
    }
    if (node.parent_ambiguous) out += "; several saves are named " + s.meta.parent;
    out += "\n";
    for (std::size_t c : node.children) line(c);
  };
  for (std::size_t r : tree.roots) line(r);
  return out;
}

}  // namespace rfsim::saves
