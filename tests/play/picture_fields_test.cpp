// The picture's one field list (play/picture_fields.hpp): a picture with every listed field
// set away from its default crosses the wire unchanged, field by field; and each list names as
// many fields as its type has (with the size checks in the header, a field added to a picture
// type but not to its list, or dropped from the list, fails here or fails to compile).
#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "play/picture_fields.hpp"
#include "play/protocol.hpp"

namespace rfsim::play {
namespace {

using pf::is_optional;
using pf::is_vector;

// Sets every listed field away from its default, within what the decoder accepts.
struct Fill {
  int k = 0;
  template <class T, class... Tags>
  void operator()(const char*, T& x, const Tags&...) {
    set(x);
  }
  template <class T>
  void set(T& x) {
    ++k;
    if constexpr (std::is_same_v<T, bool>) {
      x = !x;
    } else if constexpr (std::is_enum_v<T>) {
      const auto last = static_cast<T>(enum_count<T>() - 1);
      x = x == last ? T{} : last;
    } else if constexpr (std::is_same_v<T, double>) {
      x = 0.25 + 0.25 * (k % 3);
    } else if constexpr (std::is_integral_v<T>) {
      x = static_cast<T>(1 + k % 2);
    } else if constexpr (std::is_same_v<T, sim::SimTime>) {
      x = sim::SimTime::from_ms(1000 + k);
    } else if constexpr (std::is_same_v<T, sim::Duration>) {
      x = sim::Duration::ms(60'000 + k);
    } else if constexpr (std::is_same_v<T, std::string>) {
      x = "field " + std::to_string(k);
    } else if constexpr (is_optional<T>) {
      x.emplace();
      set(*x);
    } else if constexpr (is_vector<T>) {
      x.resize(2);
      for (auto& e : x) set(e);
    } else {
      fields(*this, x);
    }
  }
};

// Every leaf as "path=value", in list order.
struct Flatten {
  std::vector<std::string> out;
  std::string path;
  template <class T, class... Tags>
  void operator()(const char* name, const T& x, const Tags&...) {
    leaf(path + "." + name, x);
  }
  template <class T>
  void leaf(const std::string& f, const T& x) {
    std::ostringstream s;
    if constexpr (std::is_enum_v<T>) {
      s << static_cast<int>(x);
    } else if constexpr (std::is_same_v<T, sim::SimTime>) {
      s << x.ms();
    } else if constexpr (std::is_same_v<T, sim::Duration>) {
      s << x.count_ms();
    } else if constexpr (std::is_arithmetic_v<T> || std::is_same_v<T, std::string>) {
      s << +x;
    } else if constexpr (is_optional<T>) {
      if (!x) {
        out.push_back(f + "=none");
      } else {
        leaf(f, *x);
      }
      return;
    } else if constexpr (is_vector<T>) {
      out.push_back(f + ".count=" + std::to_string(x.size()));
      for (std::size_t i = 0; i < x.size(); ++i) leaf(f + "[" + std::to_string(i) + "]", x[i]);
      return;
    } else {
      Flatten inner{{}, f};
      fields(inner, x);
      out.insert(out.end(), inner.out.begin(), inner.out.end());
      return;
    }
    out.push_back(f + "=" + s.str());
  }
};
template <>
void Flatten::leaf(const std::string& f, const std::string& x) {
  out.push_back(f + "=" + x);
}

std::vector<std::string> flat(const Picture& p) {
  Flatten v;
  v.leaf("picture", p);
  return v.out;
}

// How many members an aggregate has: the most initialisers `T{...}` takes, each of a type
// that converts to anything (a member that is itself an aggregate takes one, not its own).
struct Any {
  // Never called: only asked whether it would compile. Defined (it is never instantiated)
  // because clang refuses an internal function declared and not defined.
  template <class T>
  operator T() const {
    return T{};
  }
};
template <class T, std::size_t... I>
constexpr bool takes(std::index_sequence<I...>) {
  return requires {
    T{(void(I), Any{})...};
  };
}
template <class T, std::size_t N = 0>
constexpr std::size_t members() {
  if constexpr (!takes<T>(std::make_index_sequence<N + 1>{})) {
    return N;
  } else {
    return members<T, N + 1>();
  }
}

struct Count {
  int n = 0;
  template <class T, class... Tags>
  void operator()(const char*, const T&, const Tags&...) {
    ++n;
  }
};
template <class T>
std::size_t listed() {
  Count c;
  const T x{};
  fields(c, x);
  return static_cast<std::size_t>(c.n);
}

TEST(PictureFields, APictureWithEveryFieldSetCrossesTheWireUnchanged) {
  Picture p;
  Fill{}.set(p);
  // What the decoder checks across fields: ids rising, times within the picture's.
  p.now = p.end = sim::SimTime::from_ms(1'000'000);
  p.units[1].id = p.units[0].id + 1;
  for (sim::Decision& d : p.decisions) d.doctrine = 1;
  const std::vector<std::string> before = flat(p);
  Picture blank;
  EXPECT_NE(before, flat(blank));
  const std::string frame = encode_frame(PictureMessage{p, true, 60});
  const Message m = decode_payload(frame.data() + 4, frame.size() - 4);
  const Picture& got = std::get<PictureMessage>(m).picture;
  const std::vector<std::string> after = flat(got);
  ASSERT_EQ(before.size(), after.size());
  for (std::size_t i = 0; i < before.size(); ++i) EXPECT_EQ(before[i], after[i]);
  // A field left at its default would not show a lost field: every leaf differs from a
  // default picture's with the same lists.
  Picture defaults;
  defaults.units.resize(2);
  defaults.violations.resize(2);
  defaults.sectors.resize(2);
  for (SectorView& s : defaults.sectors) {
    s.outlook.emplace();
    s.battle_odds.emplace();
    s.step.emplace();
  }
  defaults.decisions.resize(2);
  for (sim::Decision& d : defaults.decisions) d.options.resize(2);
  defaults.link_condition.resize(2);
  defaults.msel.resize(2);
  for (UnitView& u : defaults.units) {
    u.route.resize(2);
    u.state.emplace();
  }
  defaults.general_offensive.emplace();
  auto& m0 = defaults.measures;
  m0.detected = m0.answered_in_standard = m0.blocked_by_caveats = m0.refusals =
      m0.no_unit_available = m0.red_losses = m0.coalition_losses = 0;
  m0.detect_mean_h = m0.detect_p95_h = m0.respond_mean_h = m0.respond_p95_h = m0.utilisation = 0;
  m0.ceasefire_broken = false;
  const std::vector<std::string> base = flat(defaults);
  ASSERT_EQ(base.size(), before.size());
  for (std::size_t i = 0; i < base.size(); ++i) {
    if (base[i].find(".count=") != std::string::npos) continue;
    EXPECT_NE(base[i], before[i]) << "the fill left a field at its default";
  }
}

// A list's count is checked against the bytes left at its items' least size on the wire before
// anything is reserved: a forged count of a decision's options is refused at the count.
TEST(PictureFields, AForgedCountIsRefusedBeforeItsItemsAreReserved) {
  Picture p;
  p.decisions.emplace_back();
  p.decisions[0].serial = 0x0123456789ABCDEFull;  // a marker to find the options' count by
  std::string frame = encode_frame(PictureMessage{p, false, 0});
  const std::string marker("\x01\x23\x45\x67\x89\xAB\xCD\xEF", 8);
  const std::size_t at = frame.find(marker);
  ASSERT_NE(at, std::string::npos);
  const std::size_t count = at + 8 + 4;                   // after the serial and the unit
  const std::size_t forged = (frame.size() - count) / 2;  // fits at 1 byte an option, not at 48
  ASSERT_GT(forged, 0u);
  frame[count] = 0;
  frame[count + 1] = 0;
  frame[count + 2] = static_cast<char>(forged >> 8);
  frame[count + 3] = static_cast<char>(forged);
  try {
    decode_payload(frame.data() + 4, frame.size() - 4);
    FAIL() << "a forged count decoded";
  } catch (const ProtocolError& e) {
    EXPECT_EQ(e.field(), "picture.decisions[0].options.count") << e.what();
  }
}

// Each list names every member of its type, counted from the type itself: a member added to
// a picture type but not to its list (and so never sent), or dropped from the list, fails here
// (the size checks in the header catch most additions at compile time already).
TEST(PictureFields, EachListNamesEveryMember) {
  static_assert(members<map::LonLat>() == 2, "the member count must see a plain struct's");
  EXPECT_EQ(listed<UnitView>(), members<UnitView>());
  EXPECT_EQ(listed<ViolationView>(), members<ViolationView>());
  EXPECT_EQ(listed<SectorView>(), members<SectorView>());
  EXPECT_EQ(listed<sim::RedOutlook>(), members<sim::RedOutlook>());
  EXPECT_EQ(listed<PictureMeasures>(), members<PictureMeasures>());
  EXPECT_EQ(listed<Picture>(), members<Picture>());
  EXPECT_EQ(listed<map::LonLat>(), members<map::LonLat>());
  EXPECT_EQ(listed<sim::Decision>(), members<sim::Decision>());
  EXPECT_EQ(listed<sim::DecisionOption>(), members<sim::DecisionOption>());
}

}  // namespace
}  // namespace rfsim::play
