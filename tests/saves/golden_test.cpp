// Golden saves: one file per format version, written once and never rewritten. Every one must
// still load and open; the current format's must also re-simulate to the hashes it recorded,
// and an older one's replay falls back to its recorded outcomes and says why.
#include <gtest/gtest.h>

#include "fixture.hpp"
#include "saves/format.hpp"
#include "saves/open_save.hpp"
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

TEST(Golden, EveryFormatLoadsAndOpens) {
  for (const auto& file : golden_files()) {
    SCOPED_TRACE(file.filename().string());
    const Save s = read_save(file);
    EXPECT_EQ("v" + std::to_string(s.format) + "-", file.filename().string().substr(0, 3));
    EXPECT_FALSE(s.keyframes.empty());
    EXPECT_FALSE(s.commands.empty());
    EXPECT_NO_THROW(scenario_of(s, testing::theatre(), file.string()));
    Recording rec(s, testing::theatre(), file.string());  // what `rfsim gui` does with it
    rec.seek(s.end.at);
    EXPECT_EQ(rec.run().now(), s.end.at);
  }
}

TEST(Golden, TheCurrentLayoutReplaysToItsRecordedHashes) {
  for (const auto& file : golden_files()) {
    const Save s = read_save(file);
    if (!hashes_checkable(s.format)) continue;
    SCOPED_TRACE(file.filename().string());
    const VerifyResult v = verify(s, testing::theatre(), file.string());
    EXPECT_TRUE(v.ok()) << v.divergence->describe()
                        << "\nIf a deliberate model change did this, see tests/golden/README.md.";
    EXPECT_EQ(v.checked, s.keyframes.size() + 1);
    Recording rec(s, testing::theatre(), file.string());
    rec.seek(s.end.at);
    EXPECT_EQ(rec.run().state_hash(), s.end.hash);
  }
}

TEST(Golden, AnOlderLayoutReplaysItsRecordedOutcomesAndSaysWhy) {
  for (const auto& file : golden_files()) {
    const Save s = read_save(file);
    if (hashes_checkable(s.format)) continue;
    SCOPED_TRACE(file.filename().string());
    const Replayed r = replay_to(s, testing::theatre(), s.end.at, ReplayMode::Auto, file.string());
    EXPECT_EQ(r.mode, ReplayMode::Recorded);
    EXPECT_NE(r.why.find("format " + std::to_string(s.format)), std::string::npos) << r.why;
    EXPECT_EQ(r.run->world().measures.violations, s.end.state.world.measures.violations);
    const VerifyResult v = verify(s, testing::theatre(), file.string());
    ASSERT_FALSE(v.ok());
    EXPECT_NE(v.divergence->describe().find("cannot check"), std::string::npos);
  }
}

}  // namespace
}  // namespace rfsim::saves
