// The checking visitor: walks a world's field lists with the path to each field, and stops at
// the first value that no run of this scenario on this theatre could hold.
#include "sim/state_check.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

#include "sim/state_visit.hpp"

namespace rfsim::sim {

namespace {

struct Limits {
  std::size_t regions, links, nations, specs, units, violations, injects, sectors, flanks;
  std::size_t of(tag::Ref r) const {
    switch (r) {
      case tag::Ref::Region:
        return regions;
      case tag::Ref::Link:
        return links;
      case tag::Ref::Nation:
        return nations;
      case tag::Ref::UnitSpec:
        return specs;
      case tag::Ref::Unit:
        return units;
      case tag::Ref::Violation:
        return violations;
      case tag::Ref::Inject:
        return injects;
      case tag::Ref::Sector:
        return sectors;
      case tag::Ref::Flank:
        return flanks;
    }
    return 0;
  }
};

const char* name_of(tag::Ref r) {
  switch (r) {
    case tag::Ref::Region:
      return "regions";
    case tag::Ref::Link:
      return "links";
    case tag::Ref::Nation:
      return "nations";
    case tag::Ref::UnitSpec:
    case tag::Ref::Unit:
      return "units";
    case tag::Ref::Violation:
      return "violation slots";
    case tag::Ref::Inject:
      return "MSEL lines";
    case tag::Ref::Sector:
      return "contact sectors";
    case tag::Ref::Flank:
      return "flank states";
  }
  return "?";
}

/// Thrown at the first problem; carries the message.
struct Problem {
  std::string what;
};

class Checker {
 public:
  Checker(const Limits& limits, std::vector<bool> is_sector)
      : limits_(limits), regions_kind_(std::move(is_sector)) {}

  template <class T, class... Tags>
  void operator()(const char* name, const T& x, const Tags&... tags) {
    const std::size_t mark = path_.size();
    if (!path_.empty()) path_ += '.';
    path_ += name;
    check(x, tags...);
    path_.resize(mark);
  }

  template <class T, class... Tags>
  void check(const T& x, const Tags&... tags) {
    if constexpr (visit::Scalar<T>) {
      scalar(x, tags...);
    } else if constexpr (visit::Time<T>) {
      if (visit::ms_of(x) < 0) fail("a time before the scenario's start");
    } else if constexpr (std::is_same_v<T, std::string>) {
      // any text
    } else if constexpr (visit::is_vector<T>) {
      if (const tag::OnePer* one = visit::find_tag<tag::OnePer>(tags...)) {
        const std::size_t want = limits_.of(one->what);
        // Sectors came with layout 2: an older save has none, and restore() adds them.
        // Flank states came with layout 3: an older save has none, and restore() adds them.
        const bool older =
            (one->what == tag::Ref::Sector || one->what == tag::Ref::Flank) && x.empty();
        if (x.size() != want && !older) {
          fail("holds " + std::to_string(x.size()) + " entries; one per " + name_of(one->what) +
               " expected (" + std::to_string(want) + ")");
        }
      }
      for (std::size_t i = 0; i < x.size(); ++i) {
        element(i, static_cast<const typename T::value_type&>(x[i]), tags...);
      }
    } else if constexpr (visit::is_array<T>) {
      for (std::size_t i = 0; i < x.size(); ++i) element(i, x[i], tags...);
    } else if constexpr (visit::is_variant<T>) {
      std::visit([&](const auto& alt) { check(alt); }, x);
    } else if constexpr (std::is_same_v<T, visit::Loop>) {
      std::size_t i = 0;
      for (const auto& p : x.pending_in_order()) {
        const std::size_t mark = path_.size();
        path_ += ".pending[" + std::to_string(i++) + "]";
        check(p.event);
        path_.resize(mark);
      }
    } else {
      fields(*this, x);
      extra(x);
    }
  }

 private:
  template <class T, class... Tags>
  void element(std::size_t i, const T& x, const Tags&... tags) {
    const std::size_t mark = path_.size();
    path_ += "[" + std::to_string(i) + "]";
    check(x, tags...);
    path_.resize(mark);
  }

  template <class T, class... Tags>
  void scalar(T x, const Tags&... tags) {
    if constexpr (std::is_enum_v<T>) {
      if (x > kLast<T>) {
        fail("value " + std::to_string(static_cast<int>(x)) + " out of range 0.." +
             std::to_string(static_cast<int>(kLast<T>)));
      }
    } else if constexpr (std::is_floating_point_v<T>) {
      if (!std::isfinite(x)) fail("not a finite number");
    }
    if constexpr (!std::is_same_v<T, bool> && !std::is_enum_v<T>) {
      if (visit::has_tag<tag::NonNegative, Tags...> && x < T{}) {
        fail(std::to_string(x) + " is negative; expected 0 or more");
      }
      if (visit::has_tag<tag::Fraction, Tags...> && !(x >= 0 && x <= 1)) {
        fail(std::to_string(x) + " out of 0..1");
      }
      if (const tag::Index* ix = visit::find_tag<tag::Index>(tags...)) {
        const bool none = static_cast<std::uint64_t>(x) == kNone;
        const std::size_t n = limits_.of(ix->into);
        if (!(ix->none_ok && none) && (x < T{} || static_cast<std::uint64_t>(x) >= n)) {
          fail("index " + std::to_string(x) + " out of range: there are " + std::to_string(n) +
               " " + name_of(ix->into));
        }
      }
    }
  }

  // Checks that span fields of one type.
  template <class T>
  void extra(const T& x) {
    if constexpr (std::is_same_v<T, Sector>) {
      if (static_cast<std::size_t>(x.region) < regions_kind_.size() && !regions_kind_[x.region]) {
        fail("region " + std::to_string(x.region) + " is not a contact sector");
      }
    }
    if constexpr (std::is_same_v<T, Inject>) {  // a line added to the MSEL in play
      if (!schedulable(x.kind)) {
        fail("kind " + std::string(to_string(x.kind)) + " cannot be an MSEL line");
      }
    }
    if constexpr (std::is_same_v<T, Decision>) {
      if (x.doctrine < 0 || static_cast<std::size_t>(x.doctrine) >= x.options.size()) {
        fail("doctrine's option " + std::to_string(x.doctrine) + " is not one of its " +
             std::to_string(x.options.size()) + " options");
      }
    }
  }

  [[noreturn]] void fail(const std::string& what) const { throw Problem{path_ + ": " + what}; }

  const Limits& limits_;
  std::vector<bool> regions_kind_;  // per region: is it a contact sector
  std::string path_;
};

}  // namespace

std::string check_state(const World& world, const Scenario& scenario, const map::Theatre& theatre) {
  std::size_t sectors = 0, flanks = 0;
  std::vector<bool> is_sector;
  for (const map::Region& r : theatre.regions()) {
    is_sector.push_back(r.kind == map::RegionKind::ContactSector);
    sectors += is_sector.back() ? 1 : 0;
    flanks += r.kind == map::RegionKind::Flank ? 1 : 0;
  }
  const Limits limits{theatre.region_count(),
                      theatre.link_count(),
                      scenario.nations.size(),
                      scenario.units.size(),
                      world.units.size(),
                      world.violations.size(),
                      scenario.injects.size() + world.msel_added.size(),
                      sectors,
                      flanks};
  try {
    Checker c(limits, std::move(is_sector));
    fields(c, world);
    // A free slot must hold no violation: the model would hand it out twice.
    for (std::uint32_t slot : world.free_violation_slots) {
      if (world.violations[slot].serial != 0) {
        return "free_violation_slots: slot " + std::to_string(slot) +
               " is listed free but holds "
               "violation " +
               std::to_string(world.violations[slot].serial);
      }
    }
  } catch (const Problem& p) {
    return p.what;
  }
  return "";
}

}  // namespace rfsim::sim
