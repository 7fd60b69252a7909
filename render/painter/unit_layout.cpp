// Stacking, collapsing and separating unit symbols.
#include "render/painter/unit_layout.hpp"

#include <algorithm>
#include <cmath>

namespace rfsim::render::painter {

namespace {

// Orders a stack too big to show whole so that its first kStackSlots - 1 members are the ones
// drawn. Units right at the stack's place come before those passing by, so a unit on the
// move changes the count, not the symbols; input order within each, so the same symbols
// show frame after frame. A selected unit is never hidden: it takes the last shown slot.
void order_big_stack(std::vector<std::size_t>& members, const std::vector<UnitPlace>& units,
                     sf::Vector2f anchor) {
  std::stable_partition(members.begin(), members.end(), [&](std::size_t i) {
    return std::abs(units[i].at.x - anchor.x) <= 1 && std::abs(units[i].at.y - anchor.y) <= 1;
  });
  constexpr std::size_t kShown = kStackSlots - 1;
  const auto hidden = members.begin() + kShown;
  const auto sel =
      std::find_if(hidden, members.end(), [&](std::size_t i) { return units[i].selected; });
  if (sel != members.end()) std::rotate(hidden - 1, sel, sel + 1);
}

}  // namespace

std::vector<std::pair<sf::Vector2f, std::vector<std::size_t>>> cluster(
    const std::vector<sf::Vector2f>& pts, float reach) {
  using Group = std::pair<sf::Vector2f, std::vector<std::size_t>>;
  std::vector<Group> exact;
  for (std::size_t i = 0; i < pts.size(); ++i) {
    auto it = std::find_if(exact.begin(), exact.end(), [&](const Group& g) {
      return std::abs(g.first.x - pts[i].x) <= 1 && std::abs(g.first.y - pts[i].y) <= 1;
    });
    if (it == exact.end()) {
      exact.push_back({pts[i], {i}});
    } else {
      it->second.push_back(i);
    }
  }
  std::stable_sort(exact.begin(), exact.end(), [](const Group& a, const Group& b) {
    return a.second.size() > b.second.size();
  });
  std::vector<Group> kept;
  for (Group& g : exact) {
    auto it = std::find_if(kept.begin(), kept.end(), [&](const Group& k) {
      return std::hypot(k.first.x - g.first.x, k.first.y - g.first.y) <= reach;
    });
    if (it == kept.end()) {
      kept.push_back(std::move(g));
    } else {
      it->second.insert(it->second.end(), g.second.begin(), g.second.end());
    }
  }
  for (Group& k : kept) std::sort(k.second.begin(), k.second.end());
  return kept;
}

UnitLayout layout_units(const std::vector<UnitPlace>& units, std::optional<sf::FloatRect> within) {
  // Units at or near the same place (a region's label point, a base, a road) stack in
  // columns of four instead of hiding each other; past kStackSlots, the rest is one marker.
  UnitLayout out;
  std::vector<sf::Vector2f> pts;
  pts.reserve(units.size());
  for (const UnitPlace& u : units) pts.push_back(u.at);
  std::vector<sf::Vector2f> anchors;
  std::vector<std::vector<std::size_t>> groups;
  for (auto& [anchor, members] : cluster(pts, 28)) {
    if (members.size() > kStackSlots) order_big_stack(members, units, anchor);
    anchors.push_back(anchor);
    groups.push_back(std::move(members));
  }
  constexpr float kRow = 26, kColumn = 70, kLabel = 52;
  std::vector<sf::FloatRect>& boxes = out.boxes;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const std::size_t n = std::min(groups[g].size(), kStackSlots);
    const float half_w = static_cast<float>((n + 3) / 4 - 1) / 2 * kColumn;
    const float half_h = static_cast<float>(std::min<std::size_t>(n, 4) - 1) / 2 * kRow;
    boxes.push_back({anchors[g].x - half_w - 18, anchors[g].y - half_h - 17,
                     2 * half_w + 18 + kLabel, 2 * half_h + 34});
  }
  // Stacks that still overlap push each other apart along the axis they overlap less on (a
  // column of stacks spreads up and down, a row sideways); a leader line then ties a moved
  // stack to where its units really are. Pushing only up and down ran the stacks along the
  // line of contact off the top and bottom of the map: a stack whose place is on the map is
  // kept on it (`within`), unless there is not room for them all there (a stress scenario's
  // forty units in every region): then overlapping is worse than leaving the map, and they
  // settle as if the map had no edge. A theatre full of stacks takes forty to sixty passes.
  const std::vector<sf::FloatRect> start = boxes;
  bool clamp = within.has_value();
  auto keep_within = [&](std::size_t g) {
    if (!clamp || !within->contains(anchors[g])) return;
    sf::FloatRect& b = boxes[g];
    b.left = std::clamp(b.left, within->left,
                        std::max(within->left, within->left + within->width - b.width));
    b.top = std::clamp(b.top, within->top,
                       std::max(within->top, within->top + within->height - b.height));
  };
  for (int pass = 0;; ++pass) {
    if (pass == 100) {
      if (!clamp) break;
      clamp = false;  // no room on the map: start again without its edges
      boxes = start;
      pass = 0;
    }
    bool moved = false;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      for (std::size_t j = i + 1; j < boxes.size(); ++j) {
        sf::FloatRect overlap;
        if (!boxes[i].intersects(boxes[j], overlap)) continue;
        if (overlap.width < overlap.height) {
          const float dir = boxes[j].left + boxes[j].width / 2 >= boxes[i].left + boxes[i].width / 2
                                ? 1.0f
                                : -1.0f;
          boxes[j].left += dir * (overlap.width / 2 + 1);
          boxes[i].left -= dir * (overlap.width / 2 + 1);
        } else {
          const float dir = boxes[j].top + boxes[j].height / 2 >= boxes[i].top + boxes[i].height / 2
                                ? 1.0f
                                : -1.0f;
          boxes[j].top += dir * (overlap.height / 2 + 1);
          boxes[i].top -= dir * (overlap.height / 2 + 1);
        }
        keep_within(i);
        keep_within(j);
        moved = true;
      }
    }
    if (!moved) break;
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const std::vector<std::size_t>& members = groups[g];
    const std::size_t n = std::min(members.size(), kStackSlots);
    const std::size_t rows = std::min<std::size_t>(n, 4), cols = (n + 3) / 4;
    const float half_w = static_cast<float>(cols - 1) / 2 * kColumn;
    const float half_h = static_cast<float>(rows - 1) / 2 * kRow;
    const sf::Vector2f centre(boxes[g].left + 18 + half_w, boxes[g].top + 17 + half_h);
    for (std::size_t k = 0; k < n; ++k) {
      const float dx = (static_cast<float>(k / 4) - static_cast<float>(cols - 1) / 2) * kColumn;
      const float dy = (static_cast<float>(k % 4) - static_cast<float>(rows - 1) / 2) * kRow;
      const sf::Vector2f at = centre + sf::Vector2f(dx, dy);
      if (k + 1 < n || members.size() == n) {
        out.placed.push_back({at, members[k]});
      } else {
        out.aggregates.push_back(
            {at, {members.begin() + static_cast<std::ptrdiff_t>(k), members.end()}});
      }
    }
    const sf::Vector2f a = anchors[g];
    const sf::FloatRect frames(centre.x - half_w - 15, centre.y - half_h - 11, 2 * half_w + 30,
                               2 * half_h + 22);
    if (!frames.contains(a)) {
      const sf::Vector2f edge(std::clamp(a.x, frames.left, frames.left + frames.width),
                              std::clamp(a.y, frames.top, frames.top + frames.height));
      out.leaders.push_back({a, edge});
    }
  }
  return out;
}

}  // namespace rfsim::render::painter
