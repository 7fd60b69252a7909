// A cell's picture: plain data of what that cell knows of the run now, computed from the
// truth by picture_of(). It is all a screen draws, so one code path serves every cell, and
// White's picture is the truth. docs/facilitator-guide.md ("Pictures") gives the rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "map/geo.hpp"
#include "map/theatre.hpp"
#include "play/cell.hpp"
#include "sim/simulation.hpp"
#include "sim/world.hpp"

namespace rfsim::play {

/// A unit as the cell knows it. Units the cell cannot see are not in the picture at all.
struct UnitView {
  std::uint32_t id = 0;      // the unit's index in the run (and in Scenario::units)
  std::uint32_t nation = 0;  // index into Scenario::nations
  sim::Side side = sim::Side::Coalition;
  sim::UnitType type = sim::UnitType::LightInfantry;
  bool own = false;                     // the cell's own unit: every field is exact
  std::optional<sim::UnitState> state;  // nullopt: what it is doing is not known to the cell
  map::RegionId at = 0;  // where it stands; on the move: where the move began (own) or where
                         // it was last seen standing (another side's)
  map::LonLat where;     // on the map: exact for own units, else the region's label
  sim::SimTime seen;     // when `at` was last reported: now, or when another side's unit set
                         // off (how old the report is: Picture::now - seen)
  double strength = 0;   // fit to fight: exact, or as assessed (strength_exact false)
  std::int32_t strength_start = 0;  // the scenario's strength for it
  bool strength_exact = true;       // false: an assessment to the nearest 10% of the start
  std::uint32_t task = sim::kNone;  // own units: the violation slot it answers, if any
  std::uint64_t task_serial = 0;
  map::RegionId task_region = 0;  // where that violation is (task set)
  // Own units deploying (state Deploying): the journey from home or station, as ordered.
  std::vector<map::RegionId> route;           // regions passed, start .. destination
  map::Mobility by = map::Mobility::Wheeled;  // the means it travels by
  sim::SimTime depart;                        // sets off (after its notice to move)
  sim::SimTime arrive;                        // reaches the destination
};

/// A violation the cell knows happened.
struct ViolationView {
  std::uint32_t slot = 0;  // in the run's violations: what a decision names
  std::uint64_t serial = 0;
  sim::ViolationType type = sim::ViolationType::SmallArms;
  map::RegionId region = 0;
  sim::SimTime at;              // when it happened
  bool detection_known = true;  // false (Red): whether HQ has learned of it is not known
  sim::SimTime detected = sim::SimTime::max();            // when HQ learned of it; max: not yet
  sim::ResponseLevel level = sim::ResponseLevel::Record;  // HQ's doctrine level (White, Blue)
  std::uint32_t responder = sim::kNone;                   // the unit sent (White, Blue)
  sim::SimTime answered = sim::SimTime::max();            // response complete (White, Blue)
  // A flank state's incident: its sim::FlankIncident + 1 (0: a violation in Ukraine) and
  // how air policing's engagement ended (drones or missiles shot down, missed, not fired at).
  std::uint8_t flank_kind = 0;
  std::uint8_t shot_down = 0;
  std::uint8_t missed = 0;
  std::uint8_t held_fire = 0;
  // Once HQ has learned of it (White, Blue): the sensor whose report came first, and its unit
  // (patrols, drones, air and naval sensors). Red never sees the coalition's sensors.
  sim::Sensor sensor = sim::Sensor::Unknown;
  std::uint32_t sensor_unit = sim::kNone;
};

/// A contact sector: the line is observable by all; Red's posture there is not.
struct SectorView {
  std::uint32_t index = 0;  // in the run's sectors
  map::RegionId region = 0;
  double gained_km2 = 0;             // ground Red has taken here since the start (below 0: lost)
  bool battle = false;               // a Red attack under way: seen by everyone
  sim::SimTime battle_since;         // battle: when it began
  std::optional<sim::RedStep> step;  // Red's ladder step; nullopt: not known (Blue)
  sim::SimTime step_since;           // step set: since when
  std::optional<sim::RedOutlook> outlook;  // what Red perceives and its odds (Red, White)
  std::optional<double> battle_odds;       // the defence's chance as Red judged it (Red, White)
};

/// The measures of effectiveness as the cell may know them, computed where the truth lives:
/// Blue's count the violations HQ detected (every answer follows a detection, so its answers
/// and times are HQ's own), Red's the violations it committed and its own losses; a figure the
/// cell cannot know is nullopt. White's are the truth's.
struct PictureMeasures {
  std::int64_t violations = 0;                          // all (White, Red), detected (Blue)
  std::optional<std::int64_t> detected;                 // White: of all, how many HQ detected
  std::optional<std::int64_t> answered_in_standard;     // White, Blue
  std::optional<double> detect_mean_h, detect_p95_h;    // White, Blue: violation to report
  std::optional<double> respond_mean_h, respond_p95_h;  // White, Blue: violation to arrival
  std::optional<std::int64_t> blocked_by_caveats;       // White, Blue (HQ's own tasking)
  std::optional<std::int64_t> refusals;                 // White, Blue
  std::optional<std::int64_t> no_unit_available;        // White, Blue
  std::optional<double> utilisation;                    // White, Blue: share of the force busy
  std::optional<bool> ceasefire_broken;                 // White, Red (its count of violations)
  sim::SimTime broken_at;                               // ceasefire_broken true: when
  std::int64_t battles = 0;                             // Red attacks begun: seen by everyone
  double ground_lost_km2 = 0;                           // by Ukraine: the line is observable
  std::optional<std::int64_t> red_losses;               // White, Red
  std::optional<std::int64_t> coalition_losses;         // White, Blue (personnel)
};

/// A line of the MSEL, as White's desk lists it: the scenario's lines and those added in play.
struct MselLineView {
  std::uint32_t line = 0;  // what cancel_msel and schedule_msel name (sim::Simulation::msel_line)
  sim::Inject inject;      // what it does, when (inject.at) and the note White reads out
  bool cancelled = false;  // cancelled in play: it will not fire
  bool added = false;      // added in play, not in the scenario
};

struct Picture {
  Cell cell = Cell::White;
  sim::SimTime now;
  sim::SimTime end;
  std::string scenario;  // the scenario's name
  sim::Regime regime = sim::Regime::Partial;
  sim::UsSupport us_support = sim::UsSupport::Full;
  std::uint64_t violations_known = 0;     // since the start: all (White, Red), detected (Blue)
  std::optional<bool> general_offensive;  // Red's theatre-wide step (Red, White)
  std::vector<UnitView> units;            // in unit order
  std::vector<ViolationView> violations;  // open violations the cell knows, in slot order
  std::vector<SectorView> sectors;        // in theatre order
  std::vector<sim::Decision> decisions;   // pending decisions the cell owns, oldest first
  std::vector<double> link_condition;     // per theatre link, 1 intact .. 0 cut (observable)
  PictureMeasures measures;               // what the Measures panel and the projector show
  std::vector<MselLineView> msel;         // White: the MSEL, in line order (others: empty)

  /// The cell's view of unit `id`; nullptr when the cell does not see it.
  const UnitView* unit(std::uint32_t id) const;
};

/// What `cell` knows of the run now. Red's outlook per sector (SectorView::outlook) costs
/// about 0.7 ms a sector (sim's red_outlook()); `outlooks` false leaves it out, for a map
/// drawn every frame that does not show it.
///   const Picture blue = picture_of(run, Cell::Blue);  // no undetected violation in it
Picture picture_of(const sim::Simulation& run, Cell cell, bool outlooks = true);

/// The measures `cell` may know (Picture::measures), without the rest of its picture.
PictureMeasures measures_of(const sim::Simulation& run, Cell cell);

/// Red's outlook in one sector (an index into the run's sectors) for a cell that may know it
/// (Red, White): what an inspector shows of one sector without the cost of every sector's.
/// nullopt for Blue.
std::optional<sim::RedOutlook> outlook_of(const sim::Simulation& run, Cell cell,
                                          std::uint32_t sector);

/// Whether the cell owns (answers) a decision: Blue the tasking, its nations' approvals and
/// combat; Red its ladder steps; White takes any over.
bool owns(Cell cell, const sim::Decision& d);

/// The side a unit of `side` is on for `cell`: true when the cell plays it (Blue: the
/// coalition and Ukraine; Red: Russia; White: every side).
bool own_side(Cell cell, sim::Side side);

}  // namespace rfsim::play
