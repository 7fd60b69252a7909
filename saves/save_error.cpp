// SaveError's message.
#include "saves/save_error.hpp"

namespace rfsim::saves {

namespace {

std::string message(const std::string& file, const std::string& check, std::uint64_t offset,
                    const std::string& detail) {
  std::string m = file + ": " + check + " check failed";
  if (offset != SaveError::kNoOffset) m += " at byte " + std::to_string(offset);
  return m + ": " + detail;
}

}  // namespace

SaveError::SaveError(std::string file, std::string check, std::uint64_t offset, std::string detail)
    : std::runtime_error(message(file, check, offset, detail)),
      file_(std::move(file)),
      check_(std::move(check)),
      detail_(std::move(detail)),
      offset_(offset) {}

}  // namespace rfsim::saves
