// Measures of effectiveness, kept as running counts and fixed-size histograms so that
// memory stays flat whatever the run length.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "sim/scenario.hpp"
#include "sim/state_tags.hpp"
#include "sim/time.hpp"

namespace rfsim::sim {

/// Durations binned by the minute for the first day, by the hour to a week, with an overflow
/// bin: one-minute resolution where the response standards lie (hours), 6 KB whatever the
/// run's length, so that every keyframe of a long game can hold two.
class MinuteHistogram {
 public:
  static constexpr std::size_t kMinuteBins = 24 * 60;  // 0 .. 1 day, a minute each
  static constexpr std::size_t kHourBins = 6 * 24;     // 1 .. 7 days, an hour each
  static constexpr std::size_t kBins = kMinuteBins + kHourBins + 1;
  static std::size_t bin_of_minute(std::int64_t minute);  // minute >= 0
  static std::int64_t first_minute(std::size_t bin);      // where a bin starts
  static std::int64_t end_minute(std::size_t bin);        // where it ends (overflow: a week)

  void add(Duration d);
  std::uint64_t count() const { return count_; }
  double mean_hours() const;              // 0 when empty
  double quantile_hours(double q) const;  // 0 when empty; a bin's upper edge
  const std::vector<std::uint32_t>& bins() const { return bins_; }
  std::int64_t total_ms() const { return total_ms_; }

  /// Its fields, for the state's field lists (sim/state_fields.hpp). Layout 1 saved one bin a
  /// minute up to a week; its minutes are binned the way add() bins them.
  template <class V, Of<MinuteHistogram> T>
  friend void fields(V& v, T& h) {
    v("count", h.count_);
    v("total_ms", h.total_ms_, tag::NonNegative{});
    v("bins", h.bins_, tag::Sparse{kBins, &saved_bin});
  }

 private:
  static std::size_t saved_bin(std::uint32_t layout, std::uint64_t index);

  std::vector<std::uint32_t> bins_ = std::vector<std::uint32_t>(kBins, 0);
  std::uint64_t count_ = 0;
  std::int64_t total_ms_ = 0;
};

/// One row of the daily counts.
struct DayRow {
  std::int32_t day = 0;  // 1 = the first 24 hours
  std::array<std::int64_t, kViolationTypeCount> by_type{};
  std::int64_t detected = 0;
  std::int64_t answered_in_standard = 0;
  double escalation = 1;  // theatre index at the day's end
  Regime regime = Regime::Partial;
  std::vector<RedStep> steps;  // each contact sector's step at the day's end
  double ground_lost_km2 = 0;  // ground Ukraine lost that day (below 0: regained)
  std::int64_t red_losses = 0;
  std::int64_t ua_losses = 0;
  std::int64_t coalition_losses = 0;
  std::vector<std::int64_t> flank;  // incidents per flank state that day (empty before layout 3)
  std::int32_t in_theatre = 0;      // coalition units in the force at the day's end (the build-up)
};

/// The kinds of incident in a flank state (flank.cpp).
enum class FlankIncident : std::uint8_t {
  Drone,      // a single drone strays or is sent into the state's airspace
  DroneRaid,  // a salvo of drones (Poland, 9-10 September 2025: 19)
  Aircraft,   // a manned aircraft in the state's airspace
  Missile,    // a missile across the state's airspace
  Debris,     // fragments of a strike just across the border fall on the state's ground
  Sabotage,   // hybrid sabotage on the state's ground or at a staging area there
};
inline constexpr std::size_t kFlankIncidentCount = 6;
/// "drone", "drone_raid", "aircraft", "missile", "debris", "sabotage".
std::string_view to_string(FlankIncident k);
/// How long an incident of kind `k` stays open on the map (flank.cpp: Poland's raid, 23:30 to
/// 06:30, 7 h; the others assumptions).
Duration flank_open_for(FlankIncident k);

/// What happened in one flank state.
struct FlankMeasures {
  std::array<std::int64_t, kFlankIncidentCount> incidents{};  // per FlankIncident
  std::int64_t drones = 0;                                    // drones that entered the airspace
  std::int64_t detected = 0;            // incidents seen (air defence, air policing, police)
  std::int64_t scrambles = 0;           // quick-reaction alert launches
  std::int64_t engaged = 0;             // targets fired at
  std::int64_t intercepts = 0;          // targets shot down
  std::int64_t misses = 0;              // targets fired at and not shot down
  std::int64_t held_fire = 0;           // targets not fired at for want of an interceptor
  std::int64_t debris = 0;              // falls of fragments or wrecks on the ground
  std::int64_t interceptors_spent = 0;  // missiles fired
  std::int64_t major = 0;               // major incursions (Article 4 threshold)
  std::int64_t article4 = 0;            // consultations requested after an incursion here
};

struct Measures {
  std::array<std::int64_t, kViolationTypeCount> by_type{};
  std::vector<std::int64_t> by_region;  // per theatre region
  std::int64_t violations = 0;
  std::int64_t detected = 0;
  std::int64_t dispatched = 0;  // a unit was sent
  std::int64_t answered = 0;    // recorded, or a unit arrived
  std::int64_t answered_in_standard = 0;
  std::int64_t blocked_by_caveats = 0;  // capable units existed, caveats barred all
  std::int64_t refusals = 0;            // national approvals refused
  std::int64_t no_unit_available = 0;   // nobody capable and free
  std::int64_t declined_by_hq = 0;      // a player chose "record only" for HQ
  MinuteHistogram time_to_detect;
  MinuteHistogram time_to_respond;        // violation to the responder's arrival
  std::vector<DayRow> days;               // completed days
  DayRow today;                           // the day under way
  std::int32_t days_above_threshold = 0;  // consecutive, for the ceasefire rule
  bool ceasefire_broken = false;
  SimTime broken_at;
  std::int64_t unit_busy_ms = 0;  // closed busy spells of all units
  // Red, the ground fight and engagements.
  RedStep highest_step = RedStep::Compliance;  // the highest any sector (or the theatre) reached
  std::int64_t red_escalations = 0;            // steps up Red took in a sector
  std::int64_t red_deescalations = 0;
  std::int64_t battles = 0;        // Red attacks begun
  std::int64_t breakthroughs = 0;  // attacks that broke the defence
  double ground_lost_km2 = 0;      // by Ukraine since the start (below 0: regained)
  std::int64_t red_losses = 0;     // personnel
  std::int64_t ua_losses = 0;
  std::int64_t coalition_losses = 0;
  std::int64_t units_lost = 0;       // coalition units lost (Ukraine's formations are never lost)
  std::int64_t counter_battery = 0;  // counter-battery missions fired
  std::int64_t intercepts = 0;       // drones shot down (aircraft are not engaged)
  std::int64_t misses = 0;           // engagements that did not kill
  std::int64_t interceptors_spent = 0;
  std::vector<FlankMeasures> flank;  // per World::flanks
};

}  // namespace rfsim::sim
