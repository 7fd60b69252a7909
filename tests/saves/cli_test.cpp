// The command line's save subcommands, run as a process: exit codes, messages, files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cli_process.hpp"
#include "saves/save_file.hpp"

namespace rfsim::saves {
namespace {

using testing_cli::read_all;
using testing_cli::Result;
using testing_cli::rfsim;

class Cli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::filesystem::temp_directory_path() / ("rfsim-cli-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    const Result r = rfsim("run --until 3d -q --save " + path("game.rfsave").string());
    ASSERT_EQ(r.code, 0) << r.out;
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }
  static std::filesystem::path path(const std::string& name) { return dir_ / name; }
  static inline std::filesystem::path dir_;
};

TEST_F(Cli, RunSaveThenSaveInfo) {
  const Result r = rfsim("save-info " + path("game.rfsave").string());
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("format version   7"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("keyframes        13"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("D+3 00:00:00 (t = 3d)"), std::string::npos) << r.out;
}

TEST_F(Cli, ReplayVerifyAndSnapshot) {
  const Result r =
      rfsim("replay " + path("game.rfsave").string() + " --to 36h --verify --snapshot " +
            path("map.png").string() + " --size 400x300");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("every hash matches"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("mode re-simulation"), std::string::npos) << r.out;
  EXPECT_GT(std::filesystem::file_size(path("map.png")), 1000u);
}

TEST_F(Cli, ReplayRecordedModeSaysSo) {
  const Result r = rfsim("replay " + path("game.rfsave").string() + " --to 40h --mode recorded");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("mode recorded outcomes"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("recorded events up to"), std::string::npos) << r.out;
}

TEST_F(Cli, BranchThenCompare) {
  Result r = rfsim("branch " + path("game.rfsave").string() + " --at 48h --out " +
                   path("what-if.rfsave").string() + " --inject regime=full --until 3d");
  ASSERT_EQ(r.code, 0) << r.out;
  r = rfsim("save-info " + path("what-if.rfsave").string());
  EXPECT_NE(r.out.find("parent           game.rfsave (forked at 2d"), std::string::npos) << r.out;
  r = rfsim("replay --verify " + path("what-if.rfsave").string());
  EXPECT_EQ(r.code, 0) << r.out;
  r = rfsim("compare " + path("game.rfsave").string() + " " + path("what-if.rfsave").string());
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("violations"), std::string::npos);
  EXPECT_NE(r.out.find("what-if.rfsave"), std::string::npos);
}

TEST_F(Cli, BranchCancelsAnMselLine) {
  // The Pokrovsk provocation (line 0, at 5d) cancelled at 2d: the branch replays to its hashes
  // and holds the cancel; a line that does not exist is refused, exit 2, nothing written.
  Result r = rfsim("branch " + path("game.rfsave").string() + " --at 2d --out " +
                   path("no-probe.rfsave").string() + " --inject cancel-msel=0 --until 3d");
  ASSERT_EQ(r.code, 0) << r.out;
  r = rfsim("replay --verify " + path("no-probe.rfsave").string());
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(read_save(path("no-probe.rfsave")).end.state.world.msel_cancelled,
            std::vector<std::uint32_t>{0});
  r = rfsim("branch " + path("game.rfsave").string() + " --at 2d --out " +
            path("no-line.rfsave").string() + " --inject cancel-msel=40");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("MSEL line 40 out of range"), std::string::npos) << r.out;
  r = rfsim("branch " + path("game.rfsave").string() + " --at 2d --out " +
            path("no-line.rfsave").string() + " --inject cancel-msel=first");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("expected an MSEL line's number"), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(path("no-line.rfsave")));
}

TEST_F(Cli, ExportJson) {
  const Result r =
      rfsim("export-json " + path("game.rfsave").string() + " --out " + path("game.json").string());
  ASSERT_EQ(r.code, 0) << r.out;
  const std::string json = read_all(path("game.json"));
  EXPECT_NE(json.find("\"scenario_text\""), std::string::npos);
  EXPECT_NE(json.find("\"keyframes\""), std::string::npos);
}

TEST_F(Cli, BadFilesExitTwoNamingFileCheckAndOffset) {
  const std::string good = read_all(path("game.rfsave"));
  { std::ofstream(path("cut.rfsave"), std::ios::binary) << good.substr(0, good.size() / 2); }
  Result r = rfsim("replay " + path("cut.rfsave").string());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("cut.rfsave: length check failed at byte"), std::string::npos) << r.out;
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x01;
  { std::ofstream(path("flip.rfsave"), std::ios::binary) << flipped; }
  r = rfsim("save-info " + path("flip.rfsave").string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("flip.rfsave: checksum check failed at byte 32"), std::string::npos)
      << r.out;
  { std::ofstream(path("notes.txt")) << "hello, this is not a save file at all"; }
  r = rfsim("export-json " + path("notes.txt").string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("magic check failed at byte 0"), std::string::npos) << r.out;
}

TEST_F(Cli, BadBranchInputOverwritesNothing) {
  { std::ofstream(path("keep.rfsave")) << "precious"; }
  Result r = rfsim("branch " + path("flip-missing.rfsave").string() + " --at 1h --out " +
                   path("keep.rfsave").string());
  EXPECT_EQ(r.code, 2) << r.out;
  r = rfsim("branch " + path("game.rfsave").string() + " --at 1h --out " +
            path("keep.rfsave").string() + " --inject regime=sideways");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("--inject regime=sideways"), std::string::npos) << r.out;
  r = rfsim("branch " + path("game.rfsave").string() + " --at 9d --out " +
            path("keep.rfsave").string());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_EQ(read_all(path("keep.rfsave")), "precious");
  r = rfsim("run --until 1h --save /no/such/folder/x.rfsave");
  EXPECT_EQ(r.code, 2) << r.out;
}

}  // namespace
}  // namespace rfsim::saves
