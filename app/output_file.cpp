// Atomic writes of the command line's output files.
#include "app/output_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "app/errors.hpp"

namespace rfsim::app {

OutputFile::OutputFile(std::filesystem::path target) : target_(std::move(target)) {
  namespace fs = std::filesystem;
  const fs::path folder = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    throw InputError(target_.string() + ": the folder " + folder.string() + " does not exist");
  }
  if (fs::is_directory(target_, ec)) {
    throw InputError(target_.string() + ": is a folder, expected a file name");
  }
  tmp_ = (folder / ("." + target_.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(tmp_.data());
  if (fd < 0) {
    throw RunError(target_.string() + ": cannot create a temporary file in " + folder.string() +
                   ": " + std::strerror(errno));
  }
  ::fchmod(fd, 0644);
  file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) {
    ::close(fd);
    ::unlink(tmp_.c_str());
    throw RunError(target_.string() + ": cannot open the temporary file");
  }
}

OutputFile::~OutputFile() {
  if (file_ != nullptr) {
    std::fclose(file_);
    ::unlink(tmp_.c_str());
  }
}

void OutputFile::write(std::string_view bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    throw RunError(target_.string() + ": write failed: " + std::strerror(errno));
  }
}

void OutputFile::commit() {
  const bool flushed = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
  const std::string why = flushed ? "" : std::strerror(errno);
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!flushed || !closed) {
    ::unlink(tmp_.c_str());
    throw RunError(target_.string() + ": flush failed: " + why);
  }
  if (::rename(tmp_.c_str(), target_.c_str()) != 0) {
    const std::string err = std::strerror(errno);
    ::unlink(tmp_.c_str());
    throw RunError(target_.string() + ": rename failed: " + err);
  }
}

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  OutputFile out(path);
  out.write(bytes);
  out.commit();
}

}  // namespace rfsim::app
