// The command line's output files: io::AtomicFile (whole or not at all, synced, folder
// synced), with its errors turned into the command line's: a missing folder or a folder given
// as the file is bad input (exit 2), anything else a runtime failure (exit 1).
#pragma once

#include <filesystem>
#include <string_view>

#include "io/atomic_file.hpp"

namespace rfsim::app {

/// A file being written: appends go to a temporary file beside the target; commit() renames
/// it into place. Destroyed without commit(), it leaves the target as it was.
///   OutputFile out("trace.csv");  out.write("a,b\n");  out.commit();
class OutputFile {
 public:
  /// Throws InputError when the folder does not exist, RunError when it cannot be written.
  explicit OutputFile(std::filesystem::path target);

  void write(std::string_view bytes);  // throws RunError
  void commit();                       // flush, sync, rename; throws RunError

 private:
  io::AtomicFile file_;
};

/// Writes `bytes` to `path` atomically (an OutputFile written and committed at once).
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

/// The command line's error for a file that cannot be written: InputError or RunError.
[[noreturn]] void throw_as_app_error(const io::WriteError& e);

}  // namespace rfsim::app
