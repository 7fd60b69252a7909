// Golden saves: one file per format version, written once and never rewritten. Each must
// still load, and replay to the hashes it recorded.
#include <gtest/gtest.h>

#include "fixture.hpp"
#include "saves/format.hpp"
#include "saves/replay.hpp"
#include "saves/save_file.hpp"

namespace rfsim::saves {
namespace {

std::vector<std::filesystem::path> golden_files() {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(RFSIM_GOLDEN_DIR)) {
    if (e.path().extension() == ".rfsave") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Golden, OneFilePerFormatVersion) {
  const auto files = golden_files();
  for (std::uint32_t v = 1; v <= static_cast<std::uint32_t>(kCurrentFormat); ++v) {
    const std::string prefix = "v" + std::to_string(v) + "-";
    EXPECT_TRUE(
        std::any_of(files.begin(), files.end(),
                    [&](const auto& f) { return f.filename().string().starts_with(prefix); }))
        << "no golden save for format version " << v << " in tests/golden/";
  }
}

TEST(Golden, EachLoadsAndReplaysToItsRecordedHashes) {
  for (const auto& file : golden_files()) {
    SCOPED_TRACE(file.filename().string());
    const Save s = read_save(file);
    EXPECT_FALSE(s.keyframes.empty());
    EXPECT_FALSE(s.commands.empty());
    const VerifyResult v = verify(s, testing::theatre(), file.string());
    EXPECT_TRUE(v.ok()) << v.divergence->describe()
                        << "\nIf a deliberate model change did this, see tests/golden/README.md.";
    EXPECT_EQ(v.checked, s.keyframes.size() + 1);
    // And seeking to its end by re-simulation lands on the end hash.
    Recording rec(s, testing::theatre(), file.string());
    rec.seek(s.end.at);
    EXPECT_EQ(rec.run().state_hash(), s.end.hash);
  }
}

}  // namespace
}  // namespace rfsim::saves
