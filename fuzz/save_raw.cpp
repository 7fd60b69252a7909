// libFuzzer harness: save files as they come from disk (saves::decode_save of the whole file),
// then what opening one checks against the real theatre (saves::scenario_of). A SaveError is
// the answer to bad input; anything else (a crash, an uncaught exception, an allocation over
// -malloc_limit_mb) is a finding. Mutations rarely keep the checksum right: save_payload.cpp
// fixes it up to reach the payload decoder.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "map/theatre.hpp"
#include "saves/open_save.hpp"
#include "saves/save_error.hpp"
#include "saves/save_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const rfsim::map::Theatre theatre = rfsim::map::Theatre::load(RFSIM_ASSETS_DIR);
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    const rfsim::saves::Save save = rfsim::saves::decode_save(bytes, "fuzz.rfsave");
    (void)rfsim::saves::scenario_of(save, theatre, "fuzz.rfsave");
  } catch (const rfsim::saves::SaveError&) {
  }
  return 0;
}
