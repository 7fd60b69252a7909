// Files written whole or not at all: a temporary file beside the target, written, synced,
// renamed over the target, and the folder synced so that the rename itself survives a crash.
//   io::write_atomically("out/summary.txt", text);
//   io::AtomicFile f("trace.csv");  f.write("a,b\n");  f.commit();
#pragma once

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace rfsim::io {

/// A file that cannot be written. what() reads "PATH: cannot write: DETAIL".
class WriteError : public std::runtime_error {
 public:
  enum class Kind {
    NoFolder,  // the folder does not exist or is not a folder (the user's input is wrong)
    NotAFile,  // the target is a folder (the user's input is wrong)
    Failed,    // the system refused: permissions, a full disk, an I/O error
  };
  WriteError(const std::filesystem::path& path, Kind kind, const std::string& detail);
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

/// Throws WriteError unless `path` names a file (new or existing) in a folder that exists and
/// that this process may write into. Cheap: call it before expensive work whose result goes
/// to `path`, so that a typo costs nothing.
void check_writable(const std::filesystem::path& path);

/// A file being written: write() goes to a temporary file in the target's folder; commit()
/// syncs it, renames it over the target and syncs the folder. Destroyed without commit(), or
/// after a failed one, it leaves the target as it was and removes the temporary file.
class AtomicFile {
 public:
  /// Creates the temporary file. Throws WriteError.
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view bytes);  // buffered; throws WriteError
  void commit();                       // throws WriteError; at most once
  const std::filesystem::path& target() const { return target_; }

 private:
  void flush();

  std::filesystem::path target_;
  std::string tmp_;     // the temporary file's path
  int fd_ = -1;         // open until commit() or destruction
  std::string buffer_;  // bytes not yet handed to the system
};

/// Writes `bytes` to `path` atomically. Throws WriteError.
void write_atomically(const std::filesystem::path& path, std::string_view bytes);

/// The same for writers that need a file name rather than bytes (sf::Image::saveToFile picks
/// the format by the extension): `write_to` is given a temporary path ending in `path`'s
/// extension and must write the whole file there, or throw. Throws WriteError, or what
/// `write_to` throws.
void write_atomically(const std::filesystem::path& path,
                      const std::function<void(const std::filesystem::path& tmp)>& write_to);

}  // namespace rfsim::io
