// Picture deltas: each list diffed by its key (a unit's id, a violation's slot, a sector's
// index), an item compared by its bytes on the wire, so that "changed" means "a seat would
// draw it differently".
#include "play/picture_delta.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "play/detail/wire.hpp"

namespace rfsim::play {

namespace {

std::uint32_t key(const UnitView& u) {
  return u.id;
}
std::uint32_t key(const ViolationView& v) {
  return v.slot;
}
std::uint32_t key(const SectorView& s) {
  return s.index;
}

// An item's bytes for comparing; a unit seen at the picture's time (every own unit) is "seen
// now" whatever the time, so that the clock alone changes no unit (apply_delta moves it on).
template <class T>
std::string compared(const T& x, sim::SimTime) {
  return detail::wire_bytes(x);
}
std::string compared(const UnitView& u, sim::SimTime now) {
  if (u.seen != now) return detail::wire_bytes(u);
  UnitView v = u;
  v.seen = sim::SimTime::from_ms(-1);
  return detail::wire_bytes(v);
}

template <class T>
void diff(const std::vector<T>& before, sim::SimTime then, const std::vector<T>& after,
          sim::SimTime now, std::vector<T>& changed, std::vector<std::uint32_t>& gone) {
  std::unordered_map<std::uint32_t, const T*> old;
  for (const T& x : before) old.emplace(key(x), &x);
  for (const T& x : after) {
    const auto it = old.find(key(x));
    if (it == old.end() || compared(*it->second, then) != compared(x, now)) {
      changed.push_back(x);
    }
    if (it != old.end()) old.erase(it);
  }
  for (const auto& [k, x] : old) gone.push_back(k);
  std::sort(gone.begin(), gone.end());
}

template <class T>
void merge(std::vector<T>& list, const std::vector<T>& changed,
           const std::vector<std::uint32_t>& gone) {
  const std::unordered_set<std::uint32_t> out(gone.begin(), gone.end());
  std::erase_if(list, [&](const T& x) { return out.contains(key(x)); });
  std::unordered_map<std::uint32_t, std::size_t> at;
  for (std::size_t i = 0; i < list.size(); ++i) at.emplace(key(list[i]), i);
  for (const T& x : changed) {
    if (const auto it = at.find(key(x)); it != at.end()) {
      list[it->second] = x;
    } else {
      at.emplace(key(x), list.size());
      list.push_back(x);
    }
  }
  std::stable_sort(list.begin(), list.end(),
                   [](const T& a, const T& b) { return key(a) < key(b); });
}

}  // namespace

std::optional<PictureDelta> delta_between(const Picture& before, const Picture& after) {
  if (before.cell != after.cell || before.link_condition.size() != after.link_condition.size()) {
    return std::nullopt;
  }
  PictureDelta d;
  d.head = after;
  d.head.units.clear();
  d.head.violations.clear();
  d.head.sectors.clear();
  d.head.link_condition.clear();
  diff(before.units, before.now, after.units, after.now, d.units, d.units_gone);
  diff(before.violations, before.now, after.violations, after.now, d.violations, d.violations_gone);
  diff(before.sectors, before.now, after.sectors, after.now, d.sectors, d.sectors_gone);
  for (std::size_t i = 0; i < after.link_condition.size(); ++i) {
    if (std::bit_cast<std::uint64_t>(after.link_condition[i]) !=
        std::bit_cast<std::uint64_t>(before.link_condition[i])) {
      d.links.push_back({static_cast<std::uint32_t>(i), after.link_condition[i]});
    }
  }
  return d;
}

void apply_delta(Picture& p, const PictureDelta& d) {
  for (const LinkChange& c : d.links) {
    if (c.link >= p.link_condition.size()) {
      throw std::invalid_argument("a change to link " + std::to_string(c.link) + " of " +
                                  std::to_string(p.link_condition.size()));
    }
  }
  // Units seen at the old picture's time and not changed are seen at the new one's.
  for (UnitView& u : p.units) {
    if (u.seen == p.now) u.seen = d.head.now;
  }
  Picture next = d.head;
  next.units = std::move(p.units);
  next.violations = std::move(p.violations);
  next.sectors = std::move(p.sectors);
  next.link_condition = std::move(p.link_condition);
  merge(next.units, d.units, d.units_gone);
  merge(next.violations, d.violations, d.violations_gone);
  merge(next.sectors, d.sectors, d.sectors_gone);
  for (const LinkChange& c : d.links) next.link_condition[c.link] = c.condition;
  p = std::move(next);
}

}  // namespace rfsim::play
