// libFuzzer harness: the theatre's GeoJSON files read by map::Theatre::load. The first byte
// picks the file (even: geo/ukraine_admin1.geojson, odd: geo/neighbours_admin0.geojson), the
// rest takes its place beside the real other files. std::runtime_error is the loader's answer
// to bad input; anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "map/theatre.hpp"
#include "scratch_assets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static rfsim::fuzz::ScratchAssets assets;
  if (size == 0) return 0;
  const char* file =
      data[0] % 2 == 0 ? "geo/ukraine_admin1.geojson" : "geo/neighbours_admin0.geojson";
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    (void)rfsim::map::Theatre::load(assets.with(file, text));
  } catch (const std::runtime_error&) {
  }
  return 0;
}
