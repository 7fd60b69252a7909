// The error of every reader of a text file (the TOML reader, scenarios, the theatre, the MSEL):
// a place in the file and what was wrong there. Small on purpose: public headers that only
// throw or catch it need not see toml++.
#pragma once

#include <stdexcept>
#include <string>

namespace rfsim::io {

/// "FILE:LINE:COLUMN: PATH: MESSAGE", LINE:COLUMN left out when line is 0, PATH when empty:
/// how every reader of a text file names a place.
std::string place_message(const std::string& file, int line, int column, const std::string& path,
                          const std::string& message);

/// A place in a TOML file and what was wrong there. what() reads
/// "FILE:LINE:COLUMN: PATH: MESSAGE" (LINE:COLUMN left out when unknown, PATH when empty).
class TomlError : public std::runtime_error {
 public:
  TomlError(std::string file, int line, int column, std::string path, std::string message);
  const std::string& file() const { return file_; }
  int line() const { return line_; }                 // 1-based; 0 when unknown
  int column() const { return column_; }             // 1-based; 0 when unknown
  const std::string& path() const { return path_; }  // field path: "units[3].home"
  const std::string& message() const { return message_; }

 private:
  std::string file_, path_, message_;
  int line_, column_;
};

}  // namespace rfsim::io
