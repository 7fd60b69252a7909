// Encoding and decoding of the 40-byte header; little-endian whatever the host.
#include "saves/format.hpp"

#include <xxhash.h>

#include <algorithm>

#include "saves/save_error.hpp"

namespace rfsim::saves {

namespace {

void put(unsigned char* at, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) at[i] = static_cast<unsigned char>(v >> (8 * i));
}
std::uint64_t get(const unsigned char* at, int bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v |= static_cast<std::uint64_t>(at[i]) << (8 * i);
  return v;
}

}  // namespace

std::array<unsigned char, kHeaderSize> encode_header(const Header& h) {
  std::array<unsigned char, kHeaderSize> out{};
  std::copy(kMagic.begin(), kMagic.end(), out.begin());
  put(&out[8], h.version, 4);
  put(&out[12], h.flags, 4);
  put(&out[16], h.stored_size, 8);
  put(&out[24], h.payload_size, 8);
  put(&out[32], h.checksum, 8);
  return out;
}

std::uint64_t envelope_checksum(const unsigned char* header32, std::string_view stored) {
  XXH64_state_t* state = XXH64_createState();
  XXH64_reset(state, 0);
  XXH64_update(state, header32, 32);
  XXH64_update(state, stored.data(), stored.size());
  const std::uint64_t digest = XXH64_digest(state);
  XXH64_freeState(state);
  return digest;
}

Header decode_header(std::string_view bytes, const std::string& file) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t magic_seen = std::min(bytes.size(), kMagic.size());
  for (std::size_t i = 0; i < magic_seen; ++i) {
    if (bytes[i] != kMagic[i]) {
      throw SaveError(file, "magic", i,
                      "not an rfsim save (expected the bytes \"RFSIMSAV\" at the start)");
    }
  }
  if (bytes.size() < kHeaderSize) {
    throw SaveError(file, "header", bytes.size(),
                    "file ends inside the " + std::to_string(kHeaderSize) + "-byte header (" +
                        std::to_string(bytes.size()) + " bytes)");
  }
  Header h;
  h.version = static_cast<std::uint32_t>(get(p + 8, 4));
  h.flags = static_cast<std::uint32_t>(get(p + 12, 4));
  h.stored_size = get(p + 16, 8);
  h.payload_size = get(p + 24, 8);
  h.checksum = get(p + 32, 8);
  return h;
}

}  // namespace rfsim::saves
