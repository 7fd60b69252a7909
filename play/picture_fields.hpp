// Every field of a cell's picture (play/picture.hpp), listed once. `fields(v, x)` calls
// v(name, member, tags...) for each member of x in a fixed order; the wire codec
// (picture_codec.cpp) writes and reads a picture from these lists, and the tests fill and
// compare pictures from them, so a field cannot be shown on a seat's screen without being sent.
// A decision and its options are listed once for the state and the picture (sim/state_fields.hpp).
//
// Adding a field: list it in its type's list with its checks, and update the size check under
// the list (it fails to compile until you do: that is its purpose). A seat of the old wire
// format must then be refused: bump kProtocolVersion (play/protocol.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <type_traits>
#include <vector>

#include "map/geo.hpp"
#include "map/mobility.hpp"
#include "play/cell.hpp"
#include "play/picture.hpp"
#include "play/picture_delta.hpp"
#include "sim/state_fields.hpp"

namespace rfsim::play {

/// What a picture's values may be, checked as a seat decodes them.
namespace pf {
// What a field is, for the codec and its test: an optional, a list.
template <class T>
inline constexpr bool is_optional = false;
template <class T>
inline constexpr bool is_optional<std::optional<T>> = true;
template <class T>
inline constexpr bool is_vector = false;
template <class T, class A>
inline constexpr bool is_vector<std::vector<T, A>> = true;
struct Region {};  // a region of the seat's theatre
struct Below {     // an index below `max`, or sim::kNone
  std::uint64_t max;
};
struct Under {  // an index below `max`
  std::uint64_t max;
};
struct Within {  // a number from lo to hi
  double lo, hi;
};
struct NonNegative {};  // a count or an amount from 0
struct AtMost {         // a list: at most `max` items, each at least `min_bytes` on the wire
  std::uint32_t max;
  std::size_t min_bytes;
};
struct Links {};  // a list with one item per link of the seat's theatre
}  // namespace pf

inline constexpr std::uint32_t kMaxPictureViolations = 1'000'000;
inline constexpr std::uint32_t kMaxPictureSectors = 10'000;
inline constexpr std::uint32_t kMaxPictureDecisions = 100'000;
inline constexpr std::uint32_t kMaxPictureLinks = 1'000'000;
inline constexpr std::uint32_t kMaxPictureMsel = 100'000;

/// How many values an enum in a picture has: from sim's counts, so that a new value is
/// accepted here too.
template <class E>
constexpr std::size_t enum_count() {
  if constexpr (std::is_same_v<E, Cell>) {
    return 3;
  } else if constexpr (std::is_same_v<E, sim::Side>) {
    return sim::kSideCount;
  } else if constexpr (std::is_same_v<E, sim::UnitType>) {
    return sim::kUnitTypeCount;
  } else if constexpr (std::is_same_v<E, map::Mobility>) {
    return map::kMobilityCount;
  } else {
    static_assert(sim::kLast<E> != E{}, "an enum without a count: add it to enum_count()");
    return static_cast<std::size_t>(sim::kLast<E>) + 1;
  }
}

template <class V, sim::Of<map::LonLat> T>
void fields(V& v, T& x) {
  v("lon", x.lon, pf::Within{-180, 180});
  v("lat", x.lat, pf::Within{-90, 90});
}
static_assert(sizeof(map::LonLat) == 16, "LonLat changed: list the new field, then update this");

template <class V, sim::Of<UnitView> T>
void fields(V& v, T& u) {
  v("id", u.id, pf::Under{sim::kMaxUnits});
  v("nation", u.nation, pf::Under{sim::kMaxNations});
  v("side", u.side);
  v("type", u.type);
  v("own", u.own);
  v("state", u.state);
  v("at", u.at, pf::Region{});
  v("where", u.where);
  v("seen", u.seen);
  v("strength", u.strength);
  v("strength_start", u.strength_start);
  v("strength_exact", u.strength_exact);
  v("task", u.task, pf::Below{kMaxPictureViolations});
  v("task_serial", u.task_serial);
  v("task_region", u.task_region, pf::Region{});
  v("route", u.route, pf::AtMost{1'000'000, 4}, pf::Region{});
  v("by", u.by);
  v("depart", u.depart);
  v("arrive", u.arrive);
}
static_assert(sizeof(UnitView) == 136, "UnitView changed: list the new field, then update this");

template <class V, sim::Of<ViolationView> T>
void fields(V& v, T& x) {
  v("slot", x.slot, pf::Under{kMaxPictureViolations});
  v("serial", x.serial);
  v("type", x.type);
  v("region", x.region, pf::Region{});
  v("at", x.at);
  v("detection_known", x.detection_known);
  v("detected", x.detected);
  v("level", x.level);
  v("responder", x.responder, pf::Below{sim::kMaxUnits});
  v("answered", x.answered);
  v("flank_kind", x.flank_kind, pf::Under{sim::kFlankIncidentCount + 1});
  v("shot_down", x.shot_down);
  v("missed", x.missed);
  v("held_fire", x.held_fire);
  v("sensor", x.sensor);
  v("sensor_unit", x.sensor_unit, pf::Below{sim::kMaxUnits});
}
static_assert(sizeof(ViolationView) == 80, "ViolationView changed: list the new field");

template <class V, sim::Of<sim::RedOutlook> T>
void fields(V& v, T& o) {
  v("deterrent", o.deterrent);
  v("impunity", o.impunity);
  v("us", o.us);
  v("cohesion", o.cohesion);
  v("commitment", o.commitment);
  v("truce", o.truce);
  v("losses", o.losses);
  v("ratio", o.ratio);
  v("score", o.score);
  v("up", o.up, pf::Within{0, 1});
  v("down", o.down, pf::Within{0, 1});
  v("defence_holds", o.defence_holds, pf::Within{0, 1});
}
static_assert(sizeof(sim::RedOutlook) == 96, "RedOutlook changed: list the new field");

template <class V, sim::Of<SectorView> T>
void fields(V& v, T& s) {
  v("index", s.index, pf::Under{kMaxPictureSectors});
  v("region", s.region, pf::Region{});
  v("gained_km2", s.gained_km2);
  v("battle", s.battle);
  v("battle_since", s.battle_since);
  v("step", s.step);
  v("step_since", s.step_since);
  v("outlook", s.outlook);
  v("battle_odds", s.battle_odds, pf::Within{0, 1});
}
static_assert(sizeof(SectorView) == 168, "SectorView changed: list the new field");

template <class V, sim::Of<PictureMeasures> T>
void fields(V& v, T& m) {
  constexpr pf::Within kHours{0, 1e7};
  v("violations", m.violations, pf::NonNegative{});
  v("detected", m.detected, pf::NonNegative{});
  v("answered_in_standard", m.answered_in_standard, pf::NonNegative{});
  v("detect_mean_h", m.detect_mean_h, kHours);
  v("detect_p95_h", m.detect_p95_h, kHours);
  v("respond_mean_h", m.respond_mean_h, kHours);
  v("respond_p95_h", m.respond_p95_h, kHours);
  v("blocked_by_caveats", m.blocked_by_caveats, pf::NonNegative{});
  v("refusals", m.refusals, pf::NonNegative{});
  v("no_unit_available", m.no_unit_available, pf::NonNegative{});
  v("utilisation", m.utilisation, pf::Within{0, 1});
  v("ceasefire_broken", m.ceasefire_broken);
  v("broken_at", m.broken_at);
  v("battles", m.battles, pf::NonNegative{});
  v("ground_lost_km2", m.ground_lost_km2, pf::Within{-1e7, 1e7});
  v("red_losses", m.red_losses, pf::NonNegative{});
  v("coalition_losses", m.coalition_losses, pf::NonNegative{});
}
static_assert(sizeof(PictureMeasures) == 232, "PictureMeasures changed: list the new field");

template <class V, sim::Of<MselLineView> T>
void fields(V& v, T& x) {
  v("line", x.line, pf::Under{kMaxPictureMsel});
  v("inject", x.inject);
  v("cancelled", x.cancelled);
  v("added", x.added);
}
static_assert(sizeof(MselLineView) == 112, "MselLineView changed: list the new field");

template <class V, sim::Of<Picture> T>
void fields(V& v, T& p) {
  v("cell", p.cell);
  v("now", p.now);
  v("end", p.end);
  v("scenario", p.scenario);
  v("regime", p.regime);
  v("us_support", p.us_support);
  v("violations_known", p.violations_known);
  v("general_offensive", p.general_offensive);
  v("units", p.units, pf::AtMost{sim::kMaxUnits, 60});
  v("violations", p.violations, pf::AtMost{kMaxPictureViolations, 40});
  v("sectors", p.sectors, pf::AtMost{kMaxPictureSectors, 30});
  v("decisions", p.decisions, pf::AtMost{kMaxPictureDecisions, 40});
  v("link_condition", p.link_condition, pf::AtMost{kMaxPictureLinks, 8}, pf::Links{},
    pf::Within{0, 1});
  v("measures", p.measures);
  v("msel", p.msel, pf::AtMost{kMaxPictureMsel, 40});
}
static_assert(sizeof(Picture) == 456, "Picture changed: list the new field, then update this");

template <class V, sim::Of<LinkChange> T>
void fields(V& v, T& x) {
  v("link", x.link, pf::Under{kMaxPictureLinks});
  v("condition", x.condition, pf::Within{0, 1});
}
static_assert(sizeof(LinkChange) == 16, "LinkChange changed: list the new field");

template <class V, sim::Of<PictureDelta> T>
void fields(V& v, T& d) {
  v("head", d.head);
  v("units", d.units, pf::AtMost{sim::kMaxUnits, 60});
  v("units_gone", d.units_gone, pf::AtMost{sim::kMaxUnits, 4});
  v("violations", d.violations, pf::AtMost{kMaxPictureViolations, 40});
  v("violations_gone", d.violations_gone, pf::AtMost{kMaxPictureViolations, 4});
  v("sectors", d.sectors, pf::AtMost{kMaxPictureSectors, 30});
  v("sectors_gone", d.sectors_gone, pf::AtMost{kMaxPictureSectors, 4});
  v("links", d.links, pf::AtMost{kMaxPictureLinks, 12});
}
static_assert(sizeof(PictureDelta) == 624, "PictureDelta changed: list the new field");

}  // namespace rfsim::play
