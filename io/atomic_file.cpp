// Atomic file writes: temporary file, write, fsync, rename, fsync of the folder.
#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace rfsim::io {

namespace fs = std::filesystem;

namespace {

// Small writes (a CSV line at a time) are gathered into this many bytes per system call.
constexpr std::size_t kBufferBytes = 1 << 16;

fs::path folder_of(const fs::path& path) {
  return path.has_parent_path() ? path.parent_path() : fs::path(".");
}

[[noreturn]] void fail_errno(const fs::path& path, const std::string& what) {
  const int err = errno;
  throw WriteError(path, WriteError::Kind::Failed, what + ": " + std::strerror(err));
}

// A new, empty, private file beside `target`, named after it and ending in its extension.
int create_temporary(const fs::path& target, std::string& tmp) {
  const std::string ext = target.extension().string();
  tmp = (folder_of(target) / ("." + target.filename().string() + ".tmp-XXXXXX" + ext)).string();
  const int fd = ::mkstemps(tmp.data(), static_cast<int>(ext.size()));
  if (fd < 0) {
    fail_errno(target, "cannot create a temporary file in " + folder_of(target).string());
  }
  ::fchmod(fd, 0644);  // mkstemp makes it 0600; a written file is readable like any other
  return fd;
}

void write_all(int fd, const char* data, std::size_t size, const fs::path& target) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail_errno(target, "write");
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

// Moves the synced temporary file over the target, then syncs the folder: until the folder's
// entry is on disk a power cut can bring back the old file, or none.
void publish(const std::string& tmp, const fs::path& target) {
  if (::rename(tmp.c_str(), target.c_str()) != 0) fail_errno(target, "rename");
  const fs::path folder = folder_of(target);
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) fail_errno(target, "written, but cannot open the folder to sync it");
  const int synced = ::fsync(dir);
  const int err = errno;
  ::close(dir);
  // EINVAL: the file system cannot sync a folder (it has nothing to lose, then).
  if (synced != 0 && err != EINVAL) {
    errno = err;
    fail_errno(target, "written, but syncing the folder failed");
  }
}

}  // namespace

WriteError::WriteError(const fs::path& path, Kind kind, const std::string& detail)
    : std::runtime_error(path.string() + ": cannot write: " + detail), kind_(kind) {}

void check_writable(const fs::path& path) {
  const fs::path folder = folder_of(path);
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    const bool exists = fs::exists(folder, ec);
    throw WriteError(path, WriteError::Kind::NoFolder,
                     exists ? folder.string() + " is not a folder"
                            : "the folder " + folder.string() + " does not exist");
  }
  if (fs::is_directory(path, ec)) {
    throw WriteError(path, WriteError::Kind::NotAFile, "it is a folder; expected a file name");
  }
  if (::access(folder.c_str(), W_OK | X_OK) != 0) {
    fail_errno(path, "the folder " + folder.string() + " is not writable");
  }
}

AtomicFile::AtomicFile(fs::path target) : target_(std::move(target)) {
  check_writable(target_);
  fd_ = create_temporary(target_, tmp_);
  buffer_.reserve(kBufferBytes);
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(tmp_.c_str());
  }
}

void AtomicFile::flush() {
  write_all(fd_, buffer_.data(), buffer_.size(), target_);
  buffer_.clear();
}

void AtomicFile::write(std::string_view bytes) {
  if (fd_ < 0) throw WriteError(target_, WriteError::Kind::Failed, "written after commit()");
  if (buffer_.size() + bytes.size() <= kBufferBytes) {
    buffer_.append(bytes);
    return;
  }
  flush();
  if (bytes.size() < kBufferBytes) {
    buffer_.append(bytes);
  } else {
    write_all(fd_, bytes.data(), bytes.size(), target_);
  }
}

void AtomicFile::commit() {
  if (fd_ < 0) throw WriteError(target_, WriteError::Kind::Failed, "committed twice");
  flush();
  if (::fsync(fd_) != 0) fail_errno(target_, "fsync");
  const int fd = fd_;
  fd_ = -1;  // from here on, failures remove the temporary file themselves
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp_.c_str());
    errno = err;
    fail_errno(target_, "close");
  }
  try {
    publish(tmp_, target_);
  } catch (...) {
    ::unlink(tmp_.c_str());  // gone already if the rename succeeded
    throw;
  }
}

void write_atomically(const fs::path& path, std::string_view bytes) {
  AtomicFile file(path);
  file.write(bytes);
  file.commit();
}

void write_atomically(const fs::path& path,
                      const std::function<void(const fs::path& tmp)>& write_to) {
  check_writable(path);
  std::string tmp;
  ::close(create_temporary(path, tmp));
  try {
    write_to(tmp);
    const int fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail_errno(path, "cannot reopen the temporary file " + tmp);
    const int synced = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (synced != 0) {
      errno = err;
      fail_errno(path, "fsync");
    }
    publish(tmp, path);
  } catch (...) {
    ::unlink(tmp.c_str());
    throw;
  }
}

}  // namespace rfsim::io
