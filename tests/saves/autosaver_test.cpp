// The rotating autosave set: one write per interval of wall time, K files, oldest replaced.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <optional>
#include <thread>

#include "fixture.hpp"
#include "saves/autosaver.hpp"
#include "saves/save_file.hpp"

namespace rfsim::saves {
namespace {

using namespace std::chrono_literals;

TEST(Autosaver, WritesOncePerIntervalIntoARotatingSet) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("rfsim-auto-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  Recording rec(testing::scenario(5), testing::theatre());
  const auto t0 = Autosaver::Clock::now();
  Autosaver autosave(dir, "game", 3, 10min);
  int made = 0;
  auto make = [&] {
    ++made;
    return rec.save();
  };
  EXPECT_FALSE(autosave.tick(make, t0 + 5min));  // too soon: make() is not even called
  EXPECT_EQ(made, 0);
  std::vector<std::filesystem::path> written;
  for (int i = 1; i <= 5; ++i) {
    rec.run_until(testing::hours(i));
    const auto f = autosave.tick(make, t0 + i * 11min);
    ASSERT_TRUE(f);
    written.push_back(*f);
    std::this_thread::sleep_for(15ms);  // distinct modification times
  }
  EXPECT_EQ(made, 5);
  EXPECT_EQ(written[0], dir / "game-1.rfsave");
  EXPECT_EQ(written[3], dir / "game-1.rfsave");  // the oldest, overwritten
  const auto files = autosave.files();
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0], written[4]);  // newest first
  EXPECT_EQ(read_save(files[0]).end.at, testing::hours(5));
  // A new session carries on into the oldest slot.
  Autosaver again(dir, "game", 3, 10min);
  EXPECT_EQ(again.write_now(rec.save()), dir / "game-3.rfsave");
  std::filesystem::remove_all(dir);
}

TEST(Autosaver, AWriteThatFailsIsKeptAndTriedAgainAtTheNextInterval) {
  // The folder vanishes under a running game (a USB stick pulled, a cleanup script): the
  // write fails, tick() says so without throwing, waits an interval, and writes once the
  // folder is back, into the slot it could not fill.
  const auto dir =
      std::filesystem::temp_directory_path() / ("rfsim-auto-fail-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  Recording rec(testing::scenario(5), testing::theatre());
  const auto t0 = Autosaver::Clock::now();
  Autosaver autosave(dir, "game", 3, 10min);
  int made = 0;
  auto make = [&] {
    ++made;
    return rec.save();
  };
  std::filesystem::remove_all(dir);
  std::optional<std::filesystem::path> written;
  EXPECT_NO_THROW(written = autosave.tick(make, t0 + 11min));
  EXPECT_FALSE(written);
  EXPECT_EQ(made, 1);
  ASSERT_TRUE(autosave.failure());
  EXPECT_EQ(autosave.failure()->attempts, 1);
  EXPECT_NE(autosave.failure()->reason.find((dir / "game-1.rfsave").string()), std::string::npos)
      << autosave.failure()->reason;
  EXPECT_NE(autosave.failure()->reason.find("does not exist"), std::string::npos)
      << autosave.failure()->reason;
  // Not again before the interval is up: a failing disk is not hammered every frame.
  EXPECT_FALSE(autosave.tick(make, t0 + 12min));
  EXPECT_EQ(made, 1);
  EXPECT_FALSE(autosave.tick(make, t0 + 22min));  // still gone
  EXPECT_EQ(autosave.failure()->attempts, 2);
  EXPECT_THROW(autosave.write_now(rec.save()), std::runtime_error);  // at once: it throws
  EXPECT_EQ(autosave.failure()->attempts, 3);
  std::filesystem::create_directories(dir);
  written = autosave.tick(make, t0 + 33min);
  ASSERT_TRUE(written);
  EXPECT_EQ(*written, dir / "game-1.rfsave");
  EXPECT_FALSE(autosave.failure());
  EXPECT_EQ(read_save(*written).end.at, rec.run().now());
  // A file where the folder should be fails the same way.
  std::filesystem::remove_all(dir);
  { std::ofstream(dir) << "not a folder"; }
  EXPECT_FALSE(autosave.tick(make, t0 + 44min));
  ASSERT_TRUE(autosave.failure());
  EXPECT_NE(autosave.failure()->reason.find("is not a folder"), std::string::npos)
      << autosave.failure()->reason;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rfsim::saves
