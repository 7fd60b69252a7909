// Save files: the envelope, every check a hostile or damaged file meets, and the atomic write
// surviving a kill of the writing process.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <thread>

#include "fixture.hpp"
#include "saves/format.hpp"
#include "saves/open_save.hpp"
#include "saves/save_error.hpp"
#include "saves/save_file.hpp"
#include "saves/serialize.hpp"
#include "sim/state_compare.hpp"

namespace rfsim::saves {
namespace {

const std::string& file_bytes() {
  static const std::string b = encode_save(testing::kept_short_game());
  return b;
}

/// The check and offset a decode of `bytes` fails with.
SaveError failure(const std::string& bytes) {
  try {
    decode_save(bytes, "bad.rfsave");
  } catch (const SaveError& e) {
    return e;
  }
  ADD_FAILURE() << "decoded without an error";
  return SaveError("", "none", 0, "");
}

/// A whole file around `payload`, stored uncompressed, with a valid checksum.
std::string envelope(const std::string& payload,
                     std::uint32_t version = static_cast<std::uint32_t>(kCurrentFormat)) {
  Header h;
  h.version = version;
  h.stored_size = h.payload_size = payload.size();
  auto header = encode_header(h);
  h.checksum = envelope_checksum(header.data(), payload);
  header = encode_header(h);
  return std::string(reinterpret_cast<const char*>(header.data()), header.size()) + payload;
}

std::filesystem::path temp_dir() {
  auto dir = std::filesystem::temp_directory_path() / ("rfsim-saves-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

TEST(SaveFile, RoundTripsAndCompresses) {
  const Save back = decode_save(file_bytes(), "mem");
  EXPECT_EQ(sim::first_difference(back, testing::kept_short_game()), "");
  const Header h = check_envelope(file_bytes(), "mem");
  EXPECT_EQ(h.flags & kFlagZstd, kFlagZstd);
  EXPECT_LT(h.stored_size, h.payload_size);
  EXPECT_EQ(file_bytes().substr(0, 8), "RFSIMSAV");
}

TEST(SaveFile, WriteAndReadFromDisk) {
  const auto path = temp_dir() / "game.rfsave";
  write_save(path, testing::kept_short_game());
  EXPECT_EQ(read_save(path).end.hash, testing::kept_short_game().end.hash);
  EXPECT_EQ(read_header(path).version, static_cast<std::uint32_t>(kCurrentFormat));
  std::filesystem::remove(path);
}

TEST(SaveFile, MissingFileIsAnOpenError) {
  try {
    read_save(temp_dir() / "none.rfsave");
    FAIL();
  } catch (const SaveError& e) {
    EXPECT_EQ(e.check(), "open");
  }
}

TEST(SaveFile, TruncatedAtSeveralOffsets) {
  const std::string& b = file_bytes();
  struct Cut {
    std::size_t at;
    const char* check;
  };
  for (const Cut c :
       {Cut{0, "header"}, Cut{5, "header"}, Cut{20, "header"}, Cut{40, "length"}, Cut{41, "length"},
        Cut{b.size() / 2, "length"}, Cut{b.size() - 1, "length"}}) {
    const SaveError e = failure(b.substr(0, c.at));
    EXPECT_EQ(e.check(), c.check) << "cut at " << c.at << ": " << e.what();
    EXPECT_NE(e.offset(), SaveError::kNoOffset);
    EXPECT_NE(std::string(e.what()).find("bad.rfsave"), std::string::npos);
  }
  const SaveError e = failure(b.substr(0, b.size() / 2));
  EXPECT_EQ(e.offset(), b.size() / 2);
  EXPECT_NE(std::string(e.what()).find("truncated"), std::string::npos);
}

TEST(SaveFile, FlippedBytesFailTheChecksum) {
  for (std::size_t at : {std::size_t{41}, file_bytes().size() / 3, file_bytes().size() - 1}) {
    std::string b = file_bytes();
    b[at] = static_cast<char>(b[at] ^ 0x10);
    const SaveError e = failure(b);
    EXPECT_EQ(e.check(), "checksum") << e.what();
    EXPECT_EQ(e.offset(), 32u);
  }
  std::string b = file_bytes();
  b[33] = static_cast<char>(b[33] ^ 1);  // the checksum itself
  EXPECT_EQ(failure(b).check(), "checksum");
  b = file_bytes();
  b[13] = static_cast<char>(b[13] ^ 1);  // an unknown flag
  EXPECT_EQ(failure(b).check(), "flags");
}

TEST(SaveFile, WrongMagic) {
  std::string b = file_bytes();
  b[3] = 'X';
  const SaveError e = failure(b);
  EXPECT_EQ(e.check(), "magic");
  EXPECT_EQ(e.offset(), 3u);
  EXPECT_EQ(failure("PNG whatever, not a save at all, longer than forty bytes...").check(),
            "magic");
}

TEST(SaveFile, NewerFormatVersion) {
  std::string b = file_bytes();
  b[8] = static_cast<char>(static_cast<std::uint32_t>(kCurrentFormat) + 1);
  const SaveError e = failure(b);
  EXPECT_EQ(e.check(), "version");
  EXPECT_EQ(e.offset(), 8u);
  EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos);
}

TEST(SaveFile, AbsurdPayloadLengthInTheHeader) {
  std::string b = file_bytes();
  b[31] = static_cast<char>(0x7f);  // payload size ~ 9e18
  const SaveError e = failure(b);
  EXPECT_EQ(e.check(), "length");
  EXPECT_EQ(e.offset(), 24u);
}

// Offsets in the payload: byte 0 is cereal's endianness flag, then the title's length (8).
constexpr std::size_t kTitleLength = 1;

TEST(SaveFile, AbsurdSizeWithAValidChecksum) {
  std::string payload = to_binary(testing::kept_short_game());
  for (int i = 0; i < 8; ++i) payload[kTitleLength + i] = static_cast<char>(0xff);
  const SaveError e = failure(envelope(payload));
  EXPECT_EQ(e.check(), "size") << e.what();
  EXPECT_EQ(e.offset(), kTitleLength);
  EXPECT_NE(std::string(e.what()).find("title"), std::string::npos);
}

TEST(SaveFile, SizeLargerThanWhatIsLeft) {
  std::string payload = to_binary(testing::kept_short_game());
  const std::uint64_t n = payload.size();  // under the fixed limit, over the bytes left
  for (int i = 0; i < 8; ++i) payload[kTitleLength + i] = static_cast<char>(n >> (8 * i));
  const SaveError e = failure(envelope(payload));
  EXPECT_EQ(e.check(), "size");
  EXPECT_NE(std::string(e.what()).find("bytes are left"), std::string::npos);
}

TEST(SaveFile, Layout1ClassVersionOtherThanOne) {
  // Format 1 payloads carry cereal's class version words; byte 1 is Save's.
  std::string payload(1, '\x01');
  payload += std::string("\x63\0\0\0", 4);  // 99
  payload += std::string(64, '\0');
  const SaveError e = failure(envelope(payload, 1));
  EXPECT_EQ(e.check(), "version");
  EXPECT_EQ(e.offset(), 1u);
  EXPECT_NE(std::string(e.what()).find("class version 99"), std::string::npos) << e.what();
}

TEST(SaveFile, BoolsAndChoicesAreCheckedBeforeTheyAreStored) {
  Save s = testing::kept_short_game();
  s.has_trace = false;
  s.trace.clear();
  std::string payload = to_binary(s);
  // has_trace, just before the trace's 8-byte length and the (empty) notes' 8-byte length
  payload[payload.size() - 17] = 7;
  SaveError e = failure(envelope(payload));
  EXPECT_EQ(e.check(), "value");
  EXPECT_NE(std::string(e.what()).find("has_trace: a yes/no field holds 7"), std::string::npos)
      << e.what();
}

TEST(SaveFile, NonFiniteRateIsRefusedNamingTheField) {
  Save s = testing::kept_short_game();
  s.keyframes[1].state.world.threats[3].excitation = std::nan("");
  const Save back = decode_save(envelope(to_binary(s)), "nan.rfsave");
  try {
    scenario_of(back, testing::theatre(), "nan.rfsave");
    FAIL() << "a NaN rate was accepted";
  } catch (const SaveError& e) {
    EXPECT_EQ(e.check(), "state");
    EXPECT_NE(std::string(e.what()).find("keyframes[1].state.world.threats[3].excitation: not a "
                                         "finite number"),
              std::string::npos)
        << e.what();
  }
  s = testing::kept_short_game();
  s.end.state.world.threats[0].base[2] = -1;
  try {
    scenario_of(decode_save(envelope(to_binary(s)), "neg"), testing::theatre(), "neg");
    FAIL() << "a negative rate was accepted";
  } catch (const SaveError& e) {
    EXPECT_NE(std::string(e.what()).find("threats[0].base[2]"), std::string::npos) << e.what();
  }
}

TEST(SaveFile, ManyEmptyKeyframesHitTheMemoryBudgetNotTheMachine) {
  // Each keyframe holds two response histograms of 1,585 bins in memory from a few bytes of
  // payload: a crafted save of many empty keyframes must stop at the stated budget.
  Save s = testing::kept_short_game();
  Keyframe k = s.keyframes.front();
  k.state.world = sim::World{};
  k.state.streams.clear();
  s.keyframes.assign(1, s.keyframes.front());
  s.keyframes.resize(20'000, k);
  const SaveError e = failure(envelope(to_binary(s)));
  EXPECT_EQ(e.check(), "memory") << e.what();
}

TEST(SaveFile, CorruptionWithAValidChecksumNeverCrashes) {
  // A crafted file passes the checksum by construction: bytes spread over a small save's
  // payload, set to 0x7f in turn, must each give a clean SaveError or a save that checks out.
  Save s = testing::kept_short_game();
  s.commands.resize(1);
  s.keyframes.resize(2);
  s.end = s.keyframes[1];
  s.trace.clear();
  s.has_trace = false;
  const std::string payload = to_binary(s);
  int refused = 0;
  const std::size_t stride = std::max<std::size_t>(1, payload.size() / 400) | 1;
  for (std::size_t at = 0; at < payload.size(); at += stride) {
    std::string p = payload;
    p[at] = static_cast<char>(0x7f);
    try {
      const Save back = decode_save(envelope(p), "crafted");
      scenario_of(back, testing::theatre(), "crafted");
    } catch (const SaveError&) {
      ++refused;
    }
  }
  EXPECT_GT(refused, 0);
}

TEST(SaveFile, StateThatDoesNotFitTheScenario) {
  Save s = testing::kept_short_game();
  s.keyframes[2].state.world.units.pop_back();
  const Save back = decode_save(envelope(to_binary(s)), "crafted.rfsave");
  try {
    scenario_of(back, testing::theatre(), "crafted.rfsave");
    FAIL();
  } catch (const SaveError& e) {
    EXPECT_EQ(e.check(), "state");
    EXPECT_NE(std::string(e.what()).find("keyframes[2]"), std::string::npos);
  }
  s = testing::kept_short_game();
  s.commands[0].inject.nation = 1000;
  try {
    scenario_of(decode_save(envelope(to_binary(s)), "c"), testing::theatre(), "c");
    FAIL();
  } catch (const SaveError& e) {
    EXPECT_NE(std::string(e.what()).find("commands[0]"), std::string::npos);
  }
}

TEST(SaveFile, StructureChecks) {
  Save s = testing::kept_short_game();
  std::swap(s.keyframes[1], s.keyframes[2]);
  EXPECT_EQ(failure(envelope(to_binary(s))).check(), "structure");
}

TEST(SaveFile, BadCompressedFrameWithAValidChecksum) {
  std::string b = file_bytes();
  Header h = decode_header(b, "x");
  h.payload_size += 1;  // the frame will not match
  std::string stored = b.substr(kHeaderSize);
  auto header = encode_header(h);
  h.checksum = envelope_checksum(header.data(), stored);
  header = encode_header(h);
  const SaveError e =
      failure(std::string(reinterpret_cast<const char*>(header.data()), header.size()) + stored);
  EXPECT_EQ(e.check(), "compression");
}

TEST(SaveFile, KilledWriterLeavesTheOldFileIntact) {
  // A 30-day game with its trace: large enough that a kill lands inside a write.
  Recording rec(testing::scenario(11), testing::theatre());
  rec.run_until(testing::hours(24 * 30));
  const Save big = rec.save();
  const Save& old_save = testing::kept_short_game();
  const auto path = temp_dir() / "killed.rfsave";
  for (int delay_ms : {1, 5, 20, 60}) {
    write_save(path, old_save);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      for (;;) write_save(path, big);  // until killed
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));
    const Save now = read_save(path);  // throws if broken
    EXPECT_TRUE(now.end.hash == old_save.end.hash || now.end.hash == big.end.hash);
  }
  for (const auto& e : std::filesystem::directory_iterator(temp_dir())) {
    std::filesystem::remove(e.path());  // the killed writer's temporary files too
  }
}

}  // namespace
}  // namespace rfsim::saves
