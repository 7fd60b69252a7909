// Snapshots: a PNG of the asked size that loads back; clear errors; nothing half-written.
#include "render/snapshot.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <SFML/Graphics/Image.hpp>

#include <fstream>
#include <iterator>
#include <string>

#include "render/map_painter.hpp"
#include "render_fixture.hpp"

namespace rfsim::render {
namespace {

using namespace rfsim::render::testing;
using ::testing::HasSubstr;

class Snapshot : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("rfsim_snapshot_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::filesystem::permissions(dir_, std::filesystem::perms::owner_all);
    std::filesystem::remove_all(dir_);
  }
  std::size_t files_in_dir() const {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir_), {}));
  }
  std::filesystem::path dir_;
};

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

TEST_F(Snapshot, WritesAPngOfTheRequestedSize) {
  Scene s;
  s.title = "D+1 00:00  Partial ceasefire";
  const auto out = dir_ / "map.png";
  write_png(theatre(), s, out, 640, 400);
  sf::Image img;
  ASSERT_TRUE(img.loadFromFile(out.string()));
  EXPECT_EQ(img.getSize(), sf::Vector2u(640, 400));
  EXPECT_EQ(files_in_dir(), 1u);  // no temporary left behind
}

TEST_F(Snapshot, ReplacesAnExistingFileWhole) {
  const auto out = dir_ / "map.png";
  { std::ofstream(out) << "old"; }
  write_png(theatre(), Scene{}, out, 320, 200);
  sf::Image img;
  ASSERT_TRUE(img.loadFromFile(out.string()));
  EXPECT_EQ(files_in_dir(), 1u);
}

TEST_F(Snapshot, MissingFolderIsNamedAndNothingIsWritten) {
  const auto missing = dir_ / "no_such_folder";
  try {
    write_png(theatre(), Scene{}, missing / "map.png", 320, 200);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr(missing.string()));
    EXPECT_THAT(e.what(), HasSubstr("does not exist"));
  }
  EXPECT_FALSE(std::filesystem::exists(missing));
  EXPECT_EQ(files_in_dir(), 0u);
}

TEST_F(Snapshot, FolderThatIsAFileIsNamed) {
  const auto file = dir_ / "plain_file";
  { std::ofstream(file) << "x"; }
  try {
    write_png(theatre(), Scene{}, file / "map.png", 320, 200);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr(file.string() + " is not a folder"));
  }
  EXPECT_EQ(slurp(file), "x");
}

TEST_F(Snapshot, UnwritableFolderIsNamed) {
  if (::geteuid() == 0) GTEST_SKIP() << "root may write anywhere";
  std::filesystem::permissions(
      dir_, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  try {
    write_png(theatre(), Scene{}, dir_ / "map.png", 320, 200);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr(dir_.string()));
  }
}

TEST_F(Snapshot, FailureLeavesTheExistingFileAlone) {
  const auto out = dir_ / "map.png";
  { std::ofstream(out) << "old"; }
  EXPECT_THROW(write_png(theatre(), Scene{}, out, 0, 200), std::invalid_argument);
  EXPECT_EQ(slurp(out), "old");
  EXPECT_EQ(files_in_dir(), 1u);
}

TEST_F(Snapshot, OutputThatIsAFolderIsRefused) {
  try {
    write_png(theatre(), Scene{}, dir_, 320, 200);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("is a folder"));
  }
}

TEST(SnapshotNoDisplay, SaysToUseXvfbRun) {
  const char* old = std::getenv("DISPLAY");
  const std::string saved = old != nullptr ? old : "";
  ::unsetenv("DISPLAY");
  try {
    render_image(theatre(), Scene{}, 320, 200);
    ADD_FAILURE() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("no display: run under xvfb-run"));
  }
  if (!saved.empty()) ::setenv("DISPLAY", saved.c_str(), 1);
}

TEST(SnapshotCamera, FitsTheTheatreBelowTheTitleBar) {
  const Camera cam = snapshot_camera(theatre(), 1600, 1000);
  const PlaneRect e = theatre_extent(theatre());
  const PixelPoint nw = cam.to_pixel({e.min_x, e.max_y}), se = cam.to_pixel({e.max_x, e.min_y});
  EXPECT_GE(nw.x, 0);
  EXPECT_LE(se.x, 1600);
  EXPECT_GE(nw.y, 36);  // the title bar
  EXPECT_LE(se.y, 1000);
}

}  // namespace
}  // namespace rfsim::render
