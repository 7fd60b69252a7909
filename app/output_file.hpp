// Output files written whole or not at all: a temporary file in the same folder, flushed,
// then renamed over the target, so an existing file is never left half-written.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace rfsim::app {

/// A file being written: appends go to a temporary file beside the target; commit() renames
/// it into place. Destroyed without commit(), it leaves the target as it was.
///   OutputFile out("trace.csv");  out.write("a,b\n");  out.commit();
class OutputFile {
 public:
  /// Throws InputError when the folder does not exist, RunError when it cannot be written.
  explicit OutputFile(std::filesystem::path target);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  void write(std::string_view bytes);
  void commit();  // flush, sync, rename; throws RunError on failure

 private:
  std::filesystem::path target_;
  std::string tmp_;            // the temporary file's path
  std::FILE* file_ = nullptr;  // open until commit()
};

/// Writes `bytes` to `path` atomically (an OutputFile written and committed at once).
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace rfsim::app
