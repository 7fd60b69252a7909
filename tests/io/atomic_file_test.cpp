// Atomic writes: whole or not at all, through a kill, with the folder synced, and refused
// cleanly by a folder that cannot be written.
#include <dlfcn.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include "io/atomic_file.hpp"

// Every fsync of this process, by the path of what was synced: the library's calls land here
// (it is linked statically into this test) and go on to the C library's.
namespace {
std::mutex synced_mutex;
std::vector<std::string> synced_paths;
}  // namespace

extern "C" int fsync(int fd) {
  using Fsync = int (*)(int);
  static const auto real = reinterpret_cast<Fsync>(::dlsym(RTLD_NEXT, "fsync"));
  char link[64];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  char target[4096];
  const ssize_t n = ::readlink(link, target, sizeof target - 1);
  if (n > 0) {
    const std::lock_guard lock(synced_mutex);
    synced_paths.emplace_back(target, static_cast<std::size_t>(n));
  }
  return real(fd);
}

namespace rfsim::io {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class AtomicWrite : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/rfsim-io-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    fs::permissions(dir_, fs::perms::owner_all);
    fs::remove_all(dir_);
  }
  std::size_t files() const {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(dir_), fs::directory_iterator()));
  }
  fs::path dir_;
};

TEST_F(AtomicWrite, WritesTheWholeFileAndLeavesNothingElse) {
  const fs::path out = dir_ / "a.txt";
  write_atomically(out, "first");
  write_atomically(out, "second, longer");
  EXPECT_EQ(slurp(out), "second, longer");
  EXPECT_EQ(files(), 1u);
  EXPECT_EQ(fs::status(out).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                fs::perms::others_read);
}

TEST_F(AtomicWrite, StreamedWritesOfAnySizeArriveInOrder) {
  const fs::path out = dir_ / "big.csv";
  std::string expected;
  {
    AtomicFile f(out);
    for (int i = 0; i < 20000; ++i) {
      const std::string line = "row " + std::to_string(i) + "\n";
      f.write(line);
      expected += line;
    }
    const std::string block(300'000, 'x');  // larger than the buffer: written straight through
    f.write(block);
    expected += block;
    EXPECT_FALSE(fs::exists(out));  // nothing at the target before commit()
    f.commit();
  }
  EXPECT_EQ(slurp(out), expected);
}

TEST_F(AtomicWrite, AbandonedFileLeavesTheOldOneAndNoTemporary) {
  const fs::path out = dir_ / "keep.txt";
  write_atomically(out, "old");
  {
    AtomicFile f(out);
    f.write("new but never committed");
  }
  EXPECT_EQ(slurp(out), "old");
  EXPECT_EQ(files(), 1u);
}

TEST_F(AtomicWrite, SyncsTheFileAndThenTheFolder) {
  {
    const std::lock_guard lock(synced_mutex);
    synced_paths.clear();
  }
  const fs::path out = dir_ / "synced.txt";
  write_atomically(out, "data");
  write_atomically(dir_ / "image.png", [](const fs::path& tmp) { std::ofstream(tmp) << "png"; });
  const std::lock_guard lock(synced_mutex);
  // Per write: the temporary file (named after the target), then the folder, after the rename.
  ASSERT_EQ(synced_paths.size(), 4u);
  for (int i : {0, 2}) {
    EXPECT_NE(synced_paths[i].find(".tmp-"), std::string::npos) << synced_paths[i];
    EXPECT_EQ(fs::path(synced_paths[i]).parent_path(), fs::canonical(dir_));
    EXPECT_EQ(fs::path(synced_paths[i + 1]), fs::canonical(dir_)) << "the folder, after the file";
  }
  EXPECT_EQ(fs::path(synced_paths[2]).extension(), ".png");  // for writers that go by the name
}

// The writer is killed half-way through its bytes: the target keeps its old contents whole.
TEST_F(AtomicWrite, KilledWriterLeavesTheOldFile) {
  const fs::path out = dir_ / "game.dat";
  const std::string old_bytes(1 << 20, 'o');
  write_atomically(out, old_bytes);
  int ready[2];
  ASSERT_EQ(::pipe(ready), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    AtomicFile f(out);
    f.write(std::string(1 << 20, 'n'));  // half of the new file, on its way to the disk
    (void)!::write(ready[1], "h", 1);
    for (;;) ::pause();  // killed here, the other half never written
  }
  char c;
  ASSERT_EQ(::read(ready[0], &c, 1), 1);
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(slurp(out), old_bytes);
  ::close(ready[0]);
  ::close(ready[1]);
}

// Killed at random moments while writing in a loop: the target is always one whole file.
TEST_F(AtomicWrite, KilledAtAnyMomentLeavesAWholeFile) {
  const fs::path out = dir_ / "loop.dat";
  const std::string a(8 << 20, 'a'), b(8 << 20, 'b');
  for (int delay_ms : {1, 5, 20, 60}) {
    write_atomically(out, a);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      for (;;) write_atomically(out, b);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));
    const std::string now = slurp(out);
    EXPECT_TRUE(now == a || now == b) << "a torn file of " << now.size() << " bytes";
  }
}

// The child gives up root (a folder's mode does not stop root) and tries to write into a
// read-only folder: a clear error naming the target, nothing created.
TEST_F(AtomicWrite, ReadOnlyFolderIsRefusedClearlyAndLeftEmpty) {
  fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                            fs::perms::group_exec | fs::perms::others_read |
                            fs::perms::others_exec);
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(3);
    std::string message = "no error";
    int code = 1;
    try {
      write_atomically(dir_ / "out.txt", "x");
    } catch (const WriteError& e) {
      message = e.what();
      code = e.kind() == WriteError::Kind::Failed ? 0 : 2;
    }
    (void)!::write(pipe_fds[1], message.data(), message.size());
    ::_exit(code);
  }
  ::close(pipe_fds[1]);
  std::string message;
  char buf[512];
  for (ssize_t n; (n = ::read(pipe_fds[0], buf, sizeof buf)) > 0;) message.append(buf, n);
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_NE(WEXITSTATUS(status), 3) << "cannot drop root to try";
  EXPECT_EQ(WEXITSTATUS(status), 0) << message;
  EXPECT_NE(message.find((dir_ / "out.txt").string() + ": cannot write: "), std::string::npos)
      << message;
  EXPECT_NE(message.find("not writable"), std::string::npos) << message;
  EXPECT_EQ(files(), 0u);
}

TEST_F(AtomicWrite, MissingFolderAndFolderTargetAreTheUsersMistakes) {
  try {
    write_atomically(dir_ / "nope" / "x.txt", "x");
    FAIL() << "expected an error";
  } catch (const WriteError& e) {
    EXPECT_EQ(e.kind(), WriteError::Kind::NoFolder);
    EXPECT_NE(std::string(e.what()).find("the folder " + (dir_ / "nope").string() +
                                         " does not exist"),
              std::string::npos)
        << e.what();
  }
  try {
    write_atomically(dir_, "x");
    FAIL() << "expected an error";
  } catch (const WriteError& e) {
    EXPECT_EQ(e.kind(), WriteError::Kind::NotAFile);
  }
  EXPECT_EQ(files(), 0u);
}

TEST_F(AtomicWrite, AWriterThatThrowsLeavesTheOldFileAndNoTemporary) {
  const fs::path out = dir_ / "shot.png";
  write_atomically(out, "old");
  EXPECT_THROW(write_atomically(out,
                                [](const fs::path& tmp) {
                                  std::ofstream(tmp) << "half";
                                  throw std::runtime_error("encoder failed");
                                }),
               std::runtime_error);
  EXPECT_EQ(slurp(out), "old");
  EXPECT_EQ(files(), 1u);
}

}  // namespace
}  // namespace rfsim::io
