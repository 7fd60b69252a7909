// Writing save files atomically and reading them back with every check in order.
#include "saves/save_file.hpp"

#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "io/atomic_file.hpp"
#include "saves/save_error.hpp"
#include "saves/serialize.hpp"

namespace rfsim::saves {

namespace {

// Level 1: a 30-day game's keyframes shrink about tenfold already, at several hundred MB/s.
constexpr int kZstdLevel = 1;

std::string read_bytes(const std::filesystem::path& path, std::uint64_t at_most) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw SaveError(path.string(), "open", SaveError::kNoOffset,
                    std::string("cannot open the file: ") + std::strerror(errno));
  }
  std::string bytes;
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) throw SaveError(path.string(), "open", SaveError::kNoOffset, ec.message());
  if (size > kHeaderSize + kMaxPayload) {
    throw SaveError(path.string(), "length", 0,
                    "the file is " + std::to_string(size) + " bytes, more than any save may be (" +
                        std::to_string(kHeaderSize + kMaxPayload) + ")");
  }
  bytes.resize(static_cast<std::size_t>(std::min<std::uint64_t>(size, at_most)));
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

// What the payload's structure promises beyond what cereal checks.
void check_structure(const Save& s, const std::string& file) {
  auto fail = [&](const std::string& what) {
    throw SaveError(file, "structure", SaveError::kNoOffset, what);
  };
  if (s.keyframe_every_ms <= 0) fail("keyframe interval must be positive");
  if (s.keyframes.empty() || s.keyframes.front().at != sim::SimTime::start()) {
    fail("the first keyframe must be the start (t = 0)");
  }
  for (std::size_t i = 1; i < s.keyframes.size(); ++i) {
    const Keyframe& a = s.keyframes[i - 1];
    const Keyframe& b = s.keyframes[i];
    if (b.at < a.at || b.executed < a.executed || b.commands < a.commands) {
      fail("keyframes[" + std::to_string(i) + "] is out of order");
    }
  }
  for (const Keyframe* k : {&s.keyframes.back(), &s.end}) {
    if (k->commands > s.commands.size()) fail("a keyframe counts more commands than the log holds");
  }
  if (s.end.at < s.keyframes.back().at || s.end.executed < s.keyframes.back().executed) {
    fail("the end lies before the last keyframe");
  }
  for (std::size_t i = 1; i < s.commands.size(); ++i) {
    if (s.commands[i].at < s.commands[i - 1].at) {
      fail("commands[" + std::to_string(i) + "] is earlier than the command before it");
    }
  }
  if (!s.has_trace && !s.trace.empty()) fail("a trace is present but not announced");
}

}  // namespace

std::string encode_save(const Save& save) {
  const std::string payload = to_binary(save);
  std::string stored;
  Header h;
  h.payload_size = payload.size();
  stored.resize(ZSTD_compressBound(payload.size()));
  const std::size_t z =
      ZSTD_compress(stored.data(), stored.size(), payload.data(), payload.size(), kZstdLevel);
  if (!ZSTD_isError(z) && z < payload.size()) {
    stored.resize(z);
    h.flags |= kFlagZstd;
  } else {
    stored = payload;  // compression does not pay
  }
  h.stored_size = stored.size();
  auto header = encode_header(h);
  h.checksum = envelope_checksum(header.data(), stored);
  header = encode_header(h);
  std::string out(reinterpret_cast<const char*>(header.data()), header.size());
  out += stored;
  return out;
}

void write_save(const std::filesystem::path& path, const Save& save) {
  io::write_atomically(path, encode_save(save));
}

Header check_envelope(std::string_view bytes, const std::string& file) {
  const Header h = decode_header(bytes, file);
  constexpr auto current = static_cast<std::uint32_t>(kCurrentFormat);
  if (h.version == 0 || h.version > current) {
    throw SaveError(file, "version", 8,
                    "format version " + std::to_string(h.version) +
                        (h.version == 0 ? " does not exist"
                                        : " is newer than this rfsim reads (up to " +
                                              std::to_string(current) + "): update rfsim"));
  }
  if ((h.flags & ~kKnownFlags) != 0) {
    throw SaveError(file, "flags", 12, "unknown flags " + std::to_string(h.flags));
  }
  const std::uint64_t present = bytes.size() - kHeaderSize;
  if (h.stored_size > present) {
    throw SaveError(file, "length", bytes.size(),
                    "the file is truncated: the header announces " + std::to_string(h.stored_size) +
                        " payload bytes, only " + std::to_string(present) + " are present");
  }
  if (h.stored_size < present) {
    throw SaveError(
        file, "length", kHeaderSize + h.stored_size,
        std::to_string(present - h.stored_size) + " bytes follow the payload the header announces");
  }
  if (h.payload_size > kMaxPayload) {
    throw SaveError(file, "length", 24,
                    "the payload claims " + std::to_string(h.payload_size) +
                        " bytes, more than any save may hold (" + std::to_string(kMaxPayload) +
                        ")");
  }
  if ((h.flags & kFlagZstd) == 0 && h.payload_size != h.stored_size) {
    throw SaveError(file, "length", 24, "an uncompressed payload's two lengths differ");
  }
  const auto* header32 = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::uint64_t sum = envelope_checksum(header32, bytes.substr(kHeaderSize));
  if (sum != h.checksum) {
    throw SaveError(file, "checksum", 32,
                    "the file's contents do not match its checksum (damaged or altered)");
  }
  return h;
}

Save decode_save(std::string_view bytes, const std::string& file) {
  const Header h = check_envelope(bytes, file);
  const std::string_view stored = bytes.substr(kHeaderSize);
  std::string inflated;
  std::string_view payload = stored;
  if ((h.flags & kFlagZstd) != 0) {
    const unsigned long long frame = ZSTD_getFrameContentSize(stored.data(), stored.size());
    if (frame != h.payload_size) {
      throw SaveError(file, "compression", kHeaderSize,
                      "the zstd frame does not hold the " + std::to_string(h.payload_size) +
                          " bytes the header announces");
    }
    inflated.resize(h.payload_size);
    const std::size_t n =
        ZSTD_decompress(inflated.data(), inflated.size(), stored.data(), stored.size());
    if (ZSTD_isError(n) || n != h.payload_size) {
      throw SaveError(file, "compression", kHeaderSize,
                      std::string("cannot decompress the payload: ") +
                          (ZSTD_isError(n) ? ZSTD_getErrorName(n) : "wrong length"));
    }
    payload = inflated;
  }
  Save s = from_binary<Save>(payload, file, state_layout(static_cast<FormatVersion>(h.version)),
                             h.version);
  s.format = h.version;
  check_structure(s, file);
  if (h.version >= 3) {
    s.notes_offset = payload.size() - notes_size(s.notes);
    check_notes(s, 0, file);
  }
  return s;
}

Save read_save(const std::filesystem::path& path) {
  const std::string bytes = read_bytes(path, kHeaderSize + kMaxPayload);
  return decode_save(bytes, path.string());
}

Header read_header(const std::filesystem::path& path) {
  const std::string bytes = read_bytes(path, kHeaderSize + kMaxPayload);
  return check_envelope(bytes, path.string());
}

}  // namespace rfsim::saves
