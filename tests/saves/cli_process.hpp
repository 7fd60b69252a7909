// The rfsim program run as a user runs it, for the command-line tests of the saves suite:
// its exit code and everything it printed.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace rfsim::saves::testing_cli {

struct Result {
  int code = -1;
  std::string out;  // stdout and stderr together
};

/// Runs `cmd` in a shell, standard error folded into standard output.
inline Result shell(const std::string& cmd) {
  Result r;
  FILE* p = ::popen((cmd + " 2>&1").c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), p) != nullptr) r.out += buf.data();
  const int status = ::pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

/// `rfsim ARGS` (the binary this build made).
inline Result rfsim(const std::string& args) {
  return shell(std::string(RFSIM_BINARY) + " " + args);
}

inline std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace rfsim::saves::testing_cli
