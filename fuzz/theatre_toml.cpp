// libFuzzer harness: the theatre's TOML file (assets/theatre/theatre.toml) read by
// map::Theatre::load with the real GeoJSON and CSV beside it. std::runtime_error is the
// loader's answer to bad input; anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "map/theatre.hpp"
#include "scratch_assets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static rfsim::fuzz::ScratchAssets assets;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)rfsim::map::Theatre::load(assets.with("theatre/theatre.toml", text));
  } catch (const std::runtime_error&) {
  }
  return 0;
}
