// Runs the real `rfsim` binary as a child process and captures its exit code and output.
#pragma once

#include <sys/wait.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace rfsim::testing {

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A fresh scratch folder per test.
inline std::filesystem::path scratch(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("rfsim-cli-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

/// `args` is appended to the binary's path as shell words (quote them yourself).
inline Result rfsim(const std::string& args) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto out = dir / ("rfsim-out-" + std::to_string(::getpid()));
  const auto err = dir / ("rfsim-err-" + std::to_string(::getpid()));
  const std::string cmd = std::string(RFSIM_BINARY) + " " + args + " >" + out.string() + " 2>" +
                          err.string() + " </dev/null";
  const int status = std::system(cmd.c_str());
  Result r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return r;
}

}  // namespace rfsim::testing
