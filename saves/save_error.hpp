// The one error a save file can raise: it names the file, the check that failed and the
// byte offset where it failed, so "rfsim: x.rfsave: checksum: ..." tells the user what broke.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace rfsim::saves {

/// A save that cannot be read or used. what() reads
/// "FILE: CHECK failed at byte OFFSET: DETAIL" (or without the offset when there is none).
class SaveError : public std::runtime_error {
 public:
  static constexpr std::uint64_t kNoOffset = ~0ull;
  SaveError(std::string file, std::string check, std::uint64_t offset, std::string detail);
  const std::string& file() const { return file_; }
  const std::string& check() const { return check_; }  // "magic", "version", "checksum"...
  std::uint64_t offset() const { return offset_; }     // kNoOffset when not about a byte
  const std::string& detail() const { return detail_; }

 private:
  std::string file_, check_, detail_;
  std::uint64_t offset_;
};

}  // namespace rfsim::saves
