// libFuzzer harness: the save payload decoder. The input is an uncompressed payload (cereal
// portable binary of a saves::Save); the harness puts a valid header with the right lengths
// and checksum in front, so every input gets past the envelope to the decoder, then to
// saves::scenario_of against the real theatre. Seeds: payloads of real saves (docs/fuzzing.md).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "map/theatre.hpp"
#include "saves/format.hpp"
#include "saves/open_save.hpp"
#include "saves/save_error.hpp"
#include "saves/save_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace saves = rfsim::saves;
  static const rfsim::map::Theatre theatre = rfsim::map::Theatre::load(RFSIM_ASSETS_DIR);
  const std::string_view payload(reinterpret_cast<const char*>(data), size);
  saves::Header h;
  h.stored_size = size;
  h.payload_size = size;
  auto header = saves::encode_header(h);
  h.checksum = saves::envelope_checksum(header.data(), payload);
  header = saves::encode_header(h);
  std::string file(reinterpret_cast<const char*>(header.data()), header.size());
  file += payload;
  try {
    const saves::Save save = saves::decode_save(file, "fuzz.rfsave");
    (void)saves::scenario_of(save, theatre, "fuzz.rfsave");
    saves::check_notes(save, theatre.region_count(), "fuzz.rfsave");  // the notes' regions
  } catch (const saves::SaveError&) {
  }
  return 0;
}
