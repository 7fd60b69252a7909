// How a unit moves: its own means (wheels, tracks, wings, hulls) or a carrier (train, transport
// aircraft, ship). Each mobility has its speeds (routing.hpp) and march rates (march.hpp).
#pragma once

#include <cstddef>
#include <cstdint>

namespace rfsim::map {

enum class Mobility : std::uint8_t {
  Wheeled,  // road march on its own wheels
  Tracked,  // road march on its own tracks
  Rail,     // carried by train along rail links
  Air,      // aircraft flying themselves: any two regions, great circle
  Sea,      // ships sailing themselves along sea links
  Airlift,  // a land unit carried by transport aircraft, airfield to airfield
  Sealift,  // a land unit carried by ship along sea links, loaded and unloaded in port
};
inline constexpr std::size_t kMobilityCount = 7;

}  // namespace rfsim::map
