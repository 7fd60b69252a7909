// A place in a text file and what was wrong there.
#include "io/toml_error.hpp"

#include <utility>

namespace rfsim::io {

std::string place_message(const std::string& file, int line, int column, const std::string& path,
                          const std::string& message) {
  return file +
         (line > 0 ? ":" + std::to_string(line) + ":" + std::to_string(column) : std::string()) +
         ": " + (path.empty() ? std::string() : path + ": ") + message;
}

TomlError::TomlError(std::string file, int line, int column, std::string path, std::string message)
    : std::runtime_error(place_message(file, line, column, path, message)),
      file_(std::move(file)),
      path_(std::move(path)),
      message_(std::move(message)),
      line_(line),
      column_(column) {}

}  // namespace rfsim::io
