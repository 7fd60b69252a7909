// The rotating autosave set: one write per interval of wall time, K files, oldest replaced.
#include <gtest/gtest.h>
#include <unistd.h>

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

}  // namespace
}  // namespace rfsim::saves
