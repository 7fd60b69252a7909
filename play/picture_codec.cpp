// A Picture (and an inject) on the wire, from their field lists (play/picture_fields.hpp,
// sim/state_fields.hpp): what a seat is sent is exactly what picture_of() gave its cell, every
// listed field and nothing else, and a value out of range (an enum, a count, a region) is
// refused with its path.
#include <algorithm>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "play/detail/wire.hpp"
#include "play/picture_fields.hpp"
#include "sim/scenario.hpp"
#include "sim/state_fields.hpp"
#include "sim/world.hpp"

namespace rfsim::play::detail {

namespace {

using pf::is_optional;
using pf::is_vector;

// Where an index of the state's lists may point, on the wire (its scenario is not known here).
std::uint64_t max_of(sim::tag::Ref r) {
  using sim::tag::Ref;
  switch (r) {
    case Ref::Nation:
      return sim::kMaxNations;
    case Ref::UnitSpec:
    case Ref::Unit:
      return sim::kMaxUnits;
    case Ref::Violation:
      return kMaxPictureViolations;
    case Ref::Sector:
    case Ref::Flank:
      return kMaxPictureSectors;
    case Ref::Region:
    case Ref::Link:
    case Ref::Inject:
      break;
  }
  return 1'000'000;
}

template <class Tag, class T>
const Tag* as(const T& t) {
  if constexpr (std::is_same_v<T, Tag>) {
    return &t;
  } else {
    return nullptr;
  }
}

template <class Tag, class... Tags>
const Tag* tag_of(const Tags&... tags) {
  const Tag* found = nullptr;
  ((found = found != nullptr ? found : as<Tag>(tags)), ...);
  return found;
}
class Put {
 public:
  explicit Put(Writer& w) : w_(w) {}
  template <class T, class... Tags>
  void operator()(const char*, const T& x, const Tags&...) {
    put(x);
  }
  template <class T>
  void put(const T& x) {
    if constexpr (std::is_same_v<T, bool>) {
      w_.boolean(x);
    } else if constexpr (std::is_enum_v<T>) {
      w_.enumeration(x);
    } else if constexpr (std::is_same_v<T, double>) {
      w_.f64(x);
    } else if constexpr (std::is_integral_v<T>) {
      if constexpr (sizeof(T) == 1) {
        w_.u8(static_cast<std::uint8_t>(x));
      } else if constexpr (sizeof(T) <= 4) {
        if constexpr (std::is_signed_v<T>) {
          w_.i32(x);
        } else {
          w_.u32(x);
        }
      } else if constexpr (std::is_signed_v<T>) {
        w_.i64(x);
      } else {
        w_.u64(x);
      }
    } else if constexpr (std::is_same_v<T, sim::SimTime>) {
      w_.time(x);
    } else if constexpr (std::is_same_v<T, sim::Duration>) {
      w_.i64(x.count_ms());
    } else if constexpr (std::is_same_v<T, std::string>) {
      w_.text(x);
    } else if constexpr (is_optional<T>) {
      w_.boolean(x.has_value());
      if (x) put(*x);
    } else if constexpr (is_vector<T>) {
      w_.u32(static_cast<std::uint32_t>(x.size()));
      for (const auto& e : x) put(e);
    } else {
      fields(*this, x);
    }
  }

 private:
  Writer& w_;
};

// The fewest bytes a T takes on the wire: a default T's (empty lists, absent optionals), so
// that a list's count is checked against the bytes left before anything is reserved for it.
template <class T>
std::size_t least_bytes() {
  static const std::size_t n = [] {
    sf::Packet p;
    Writer w(p);
    Put(w).put(T{});
    return p.getDataSize();
  }();
  return n;
}

class Get {
 public:
  Get(Reader& r, const DecodeLimits& limits, std::string path)
      : r_(r), limits_(limits), path_(std::move(path)) {}
  template <class T, class... Tags>
  void operator()(const char* name, T& x, const Tags&... tags) {
    get(path_ + "." + name, x, tags...);
  }

  template <class T, class... Tags>
  void get(const std::string& f, T& x, const Tags&... tags) {
    if constexpr (std::is_same_v<T, bool>) {
      x = r_.boolean(f);
    } else if constexpr (std::is_enum_v<T>) {
      x = r_.enumeration<T>(f, enum_count<T>());
    } else if constexpr (std::is_same_v<T, double>) {
      x = r_.f64(f);
      number(f, x, tags...);
    } else if constexpr (std::is_integral_v<T>) {
      if constexpr (sizeof(T) == 1) {
        x = static_cast<T>(r_.u8(f));
      } else if constexpr (sizeof(T) <= 4) {
        if constexpr (std::is_signed_v<T>) {
          x = r_.i32(f);
        } else {
          x = r_.u32(f);
        }
      } else if constexpr (std::is_signed_v<T>) {
        x = r_.i64(f);
      } else {
        x = r_.u64(f);
      }
      integer(f, x, tags...);
    } else if constexpr (std::is_same_v<T, sim::SimTime>) {
      x = r_.time(f);
    } else if constexpr (std::is_same_v<T, sim::Duration>) {
      x = sim::Duration::ms(r_.i64(f));
      if (tag_of<sim::tag::NonNegative>(tags...) && x.count_ms() < 0) {
        throw ProtocolError(f, "a duration from 0");
      }
    } else if constexpr (std::is_same_v<T, std::string>) {
      x = r_.text(f);
    } else if constexpr (is_optional<T>) {
      x.reset();
      if (r_.boolean(f)) {
        typename T::value_type v{};
        get(f, v, tags...);
        x = std::move(v);
      }
    } else if constexpr (is_vector<T>) {
      const pf::AtMost* cap = tag_of<pf::AtMost>(tags...);
      using Item = typename T::value_type;
      const std::size_t least = std::max(cap ? cap->min_bytes : 1, least_bytes<Item>());
      const std::uint32_t n = r_.count(f, cap ? cap->max : 1'000'000, least);
      if (tag_of<pf::Links>(tags...) && limits_.links != 0xffffffffu && n != limits_.links) {
        throw ProtocolError(f + ".count", "the theatre's " + std::to_string(limits_.links) +
                                              " links, got " + std::to_string(n));
      }
      x.clear();
      x.reserve(n);
      for (std::uint32_t i = 0; i < n; ++i) {
        typename T::value_type v{};
        get(f + "[" + std::to_string(i) + "]", v, tags...);
        x.push_back(std::move(v));
      }
    } else {
      Get inner(r_, limits_, f);
      fields(inner, x);
    }
  }

 private:
  template <class... Tags>
  void number(const std::string& f, double v, const Tags&... tags) {
    if (const pf::Within* w = tag_of<pf::Within>(tags...)) {
      if (v < w->lo || v > w->hi) {
        throw ProtocolError(f, "a number from " + std::to_string(w->lo) + " to " +
                                   std::to_string(w->hi) + ", got " + std::to_string(v));
      }
    }
    if (tag_of<sim::tag::Fraction>(tags...) && (v < 0 || v > 1)) {
      throw ProtocolError(f, "a share from 0 to 1, got " + std::to_string(v));
    }
    if ((tag_of<pf::NonNegative>(tags...) || tag_of<sim::tag::NonNegative>(tags...)) && v < 0) {
      throw ProtocolError(f, "a number from 0, got " + std::to_string(v));
    }
  }

  template <class T, class... Tags>
  void integer(const std::string& f, T v, const Tags&... tags) {
    const auto u = static_cast<std::uint64_t>(v);
    if constexpr (std::is_signed_v<T>) {
      if ((tag_of<pf::NonNegative>(tags...) || tag_of<sim::tag::NonNegative>(tags...)) && v < 0) {
        throw ProtocolError(f, "a count from 0, got " + std::to_string(v));
      }
    }
    const bool region = tag_of<pf::Region>(tags...) != nullptr;
    const sim::tag::Index* index = tag_of<sim::tag::Index>(tags...);
    if (region || (index && index->into == sim::tag::Ref::Region)) {
      if (u >= limits_.regions) {
        throw ProtocolError(f, "a region of the theatre (0 to " +
                                   std::to_string(limits_.regions - 1) + "), got " +
                                   std::to_string(u));
      }
    } else if (index) {
      below(f, u, max_of(index->into), true);
    }
    if (const pf::Below* b = tag_of<pf::Below>(tags...)) below(f, u, b->max, true);
    if (const pf::Under* b = tag_of<pf::Under>(tags...)) below(f, u, b->max, false);
  }

  static void below(const std::string& f, std::uint64_t v, std::uint64_t max, bool none_ok) {
    if ((none_ok && v == sim::kNone) || v < max) return;
    throw ProtocolError(f, "an index below " + std::to_string(max) + (none_ok ? " or none" : "") +
                               ", got " + std::to_string(v));
  }

  Reader& r_;
  const DecodeLimits& limits_;
  std::string path_;
};

}  // namespace

void write_picture(Writer& w, const Picture& p) {
  Put(w).put(p);
}

Picture read_picture(Reader& r, const std::string& f, const DecodeLimits& limits) {
  Picture p;
  Get(r, limits, f).get(f, p);
  // What no single field says: the order of things and times within the picture's.
  if (p.now.ms() < 0 || p.end < p.now) throw ProtocolError(f + ".now", "0 <= now <= end");
  for (std::size_t i = 0; i < p.units.size(); ++i) {
    const UnitView& u = p.units[i];
    const std::string e = f + ".units[" + std::to_string(i) + "]";
    if (i > 0 && u.id <= p.units[i - 1].id) throw ProtocolError(e + ".id", "unit ids rising");
    if (u.seen > p.now || u.seen.ms() < 0) {
      throw ProtocolError(e + ".seen", "a time from the start to the picture's now");
    }
  }
  for (std::size_t i = 0; i < p.decisions.size(); ++i) {
    const sim::Decision& d = p.decisions[i];
    if (!d.options.empty() && d.doctrine >= static_cast<std::int32_t>(d.options.size())) {
      throw ProtocolError(f + ".decisions[" + std::to_string(i) + "].doctrine",
                          "one of the decision's options");
    }
  }
  return p;
}

void write_delta(Writer& w, const PictureDelta& d) {
  Put(w).put(d);
}

PictureDelta read_delta(Reader& r, const std::string& f, const DecodeLimits& limits) {
  PictureDelta d;
  DecodeLimits head = limits;  // the head's lists are empty: the links come as changes
  head.links = 0xffffffffu;
  Get(r, head, f).get(f, d);
  const Picture& h = d.head;
  if (h.now.ms() < 0 || h.end < h.now) throw ProtocolError(f + ".head.now", "0 <= now <= end");
  if (!h.units.empty() || !h.violations.empty() || !h.sectors.empty() ||
      !h.link_condition.empty()) {
    throw ProtocolError(f + ".head", "no units, violations, sectors or links (they are changes)");
  }
  for (std::size_t i = 0; i < d.links.size(); ++i) {
    if (limits.links != 0xffffffffu && d.links[i].link >= limits.links) {
      throw ProtocolError(f + ".links[" + std::to_string(i) + "].link",
                          "a link of the theatre (0 to " + std::to_string(limits.links - 1) + ")");
    }
  }
  return d;
}

namespace {
template <class T>
std::string bytes_of(const T& x) {
  sf::Packet p;
  Writer w(p);
  Put(w).put(x);
  return std::string(static_cast<const char*>(p.getData()), p.getDataSize());
}
}  // namespace

std::string wire_bytes(const UnitView& x) {
  return bytes_of(x);
}
std::string wire_bytes(const ViolationView& x) {
  return bytes_of(x);
}
std::string wire_bytes(const SectorView& x) {
  return bytes_of(x);
}

void write_inject(Writer& w, const sim::Inject& in) {
  Put(w).put(in);
}

sim::Inject read_inject(Reader& r, const std::string& f) {
  sim::Inject in;
  Get(r, DecodeLimits{}, f).get(f, in);
  if (in.count < 0 || in.count > 1000) throw ProtocolError(f + ".count", "0 to 1000");
  if (in.kind == sim::InjectKind::ScheduleMsel && !sim::schedulable(in.line_kind)) {
    throw ProtocolError(f + ".line_kind", "a kind an MSEL line may have (not decide or an edit)");
  }
  return in;
}

}  // namespace rfsim::play::detail
