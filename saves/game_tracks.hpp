// A whole saved game as tracks: where every unit was over time, and every violation with when
// it was detected and answered; and the features other tools play them back from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "map/theatre.hpp"
#include "saves/geo_document.hpp"
#include "saves/save.hpp"
#include "sim/scenario.hpp"
#include "sim/world.hpp"

namespace rfsim::saves {

/// Where a unit was at one moment, and in what state.
struct TrackPoint {
  sim::SimTime at;
  map::LonLat where;
  sim::UnitState state = sim::UnitState::Idle;
};

/// One violation, from its trace records.
struct ViolationTrack {
  std::uint64_t serial = 0;
  sim::ViolationType type = sim::ViolationType::SmallArms;
  map::RegionId region = 0;
  sim::SimTime at;
  std::optional<sim::SimTime> detected;
  std::optional<sim::ResponseLevel> level;      // set when detected
  std::optional<sim::SimTime> answered;         // a unit's arrival, or the record when detected
  std::optional<sim::SimTime> standard_passed;  // when the standard ran out unanswered
  std::uint32_t responder = sim::kNone;         // the last unit dispatched to it
  std::int32_t refusals = 0;
  bool blocked = false;  // caveats barred every capable unit
};

struct GameTracks {
  std::vector<std::vector<TrackPoint>> units;  // per scenario unit, in time order
  std::vector<ViolationTrack> violations;      // in the order they happened
  sim::SimTime end;                            // the save's end
  bool resimulated = false;  // false: only the recorded keyframes' positions were used
  std::string how;           // how the tracks were made, for people
};

/// The tracks of a saved game. The save is re-simulated from t = 0 with its commands, every
/// keyframe's hash checked on the way; positions are taken at every keyframe, at every trace
/// record naming a unit, at every inject, and for every move at its departure, at each region
/// it passes and at its arrival (all on the model's own route and timing). When the model no
/// longer reproduces the save (or the save is of an older format), the recorded keyframes'
/// positions are used instead and `how` says why. Violations come from the trace (re-simulated
/// or, in that case, recorded; none when a save without trace cannot be re-simulated). Throws
/// SaveError when the save does not fit the theatre.
GameTracks game_tracks(const Save& save, const map::Theatre& theatre, const std::string& file);

/// The tracks as features: layer "tracks" (a line per unit with a time per point), "positions"
/// (a point per track point with `time` and `time_end`, so that a time slider shows each unit
/// once) and "violations" (a point each, from when it happened to when it was answered, ran
/// out of standard or the game ended).
GeoDocument tracks_document(const GameTracks& tracks, const sim::Scenario& scenario,
                            const map::Theatre& theatre);

}  // namespace rfsim::saves
