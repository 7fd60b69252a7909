// March rates: what a move costs beyond moving time on the graph (halts of a road march,
// loading and unloading of trains, aircraft and ships, the gauge change). Sources and the
// figures' reasoning in docs/theatre.md.
#pragma once

#include "map/mobility.hpp"

namespace rfsim::map {

/// The daily rhythm of a road march.
struct RoadMarch {
  double first_day_hours = 10;  // driving at column speed before the daily rhythm sets in
  double km_per_day = 140;      // sustained rate from then on: driving, rest, maintenance
};

/// Loading before and unloading after a carried move.
struct Terminals {
  double load_hours = 0;
  double unload_hours = 0;
};

/// March rates per mobility.
///   MarchTable m;  double h = m.road_hours(Mobility::Tracked, 70.0, 20.0);
struct MarchTable {
  RoadMarch wheeled{10, 140};      // Dragoon Ride 2015: about 1,800 km in 13 days
  RoadMarch tracked{10, 93.3};     // assumption: the wheeled column's driving hours at 20 km/h
  Terminals rail{12, 6};           // entraining and detraining a unit (assumption)
  double gauge_change_hours = 24;  // at each 1435/1520 mm break, per unit train (assumption)
  Terminals airlift{4, 3};         // aircraft ground times at both ends (assumption)
  Terminals sealift{24, 24};       // port loading and unloading (assumption)

  /// Hours of a road march that needs `moving_hours` at column speed `column_kmh`: the first
  /// day's driving, then the sustained daily rate. Mobilities other than Wheeled and Tracked
  /// get moving_hours back.
  double road_hours(Mobility m, double moving_hours, double column_kmh) const;
  /// Terminal time of a carried move: loading plus unloading (0 for the unit's own means).
  double terminal_hours(Mobility m) const;
};

}  // namespace rfsim::map
