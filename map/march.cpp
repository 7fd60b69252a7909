// March rates: the road march's daily rhythm and the terminal times of carried moves.
#include "map/march.hpp"

namespace rfsim::map {

double MarchTable::road_hours(Mobility m, double moving_hours, double column_kmh) const {
  if (m != Mobility::Wheeled && m != Mobility::Tracked) return moving_hours;
  const RoadMarch& r = m == Mobility::Wheeled ? wheeled : tracked;
  if (moving_hours <= r.first_day_hours || column_kmh <= 0 || r.km_per_day <= 0) {
    return moving_hours;
  }
  // The rest of the way goes at the sustained rate: scaling the remaining distance (not the
  // driving hours) keeps each mobility at its own published km a day.
  const double rest_km = (moving_hours - r.first_day_hours) * column_kmh;
  return r.first_day_hours + rest_km / r.km_per_day * 24.0;
}

double MarchTable::terminal_hours(Mobility m) const {
  switch (m) {
    case Mobility::Rail:
      return rail.load_hours + rail.unload_hours;
    case Mobility::Airlift:
      return airlift.load_hours + airlift.unload_hours;
    case Mobility::Sealift:
      return sealift.load_hours + sealift.unload_hours;
    case Mobility::Wheeled:
    case Mobility::Tracked:
    case Mobility::Air:
    case Mobility::Sea:
      return 0;
  }
  return 0;
}

}  // namespace rfsim::map
