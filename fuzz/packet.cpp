// libFuzzer harness: the seats' protocol decoder (play/protocol.hpp). The input is a byte
// stream as a host or a seat reads it: frames split by play::FrameReader (capped at the seat's
// limit), each payload decoded against the real theatre's region and link counts. What decodes
// must encode back to the same bytes: every value has one spelling on the wire.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "map/theatre.hpp"
#include "play/protocol.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace play = rfsim::play;
  static const rfsim::map::Theatre theatre = rfsim::map::Theatre::load(RFSIM_ASSETS_DIR);
  static const play::DecodeLimits limits{theatre.region_count(), theatre.link_count()};
  play::FrameReader reader(play::kMaxSeatMessage);
  reader.feed(reinterpret_cast<const char*>(data), size);
  try {
    while (std::optional<std::string> payload = reader.next()) {
      try {
        const play::Message m = play::decode_payload(payload->data(), payload->size(), limits);
        const std::string again = play::encode_frame(m);
        if (again.compare(4, std::string::npos, *payload) != 0) std::abort();  // not canonical
      } catch (const play::ProtocolError&) {
      }
    }
  } catch (const play::ProtocolError&) {  // the frame's length
  }
  return 0;
}
