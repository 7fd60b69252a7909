// The two kinds of failure the command line reports: bad input or usage (exit 2) and a
// runtime failure (exit 1). Everything a user can cause is turned into one of these.
#pragma once

#include <stdexcept>
#include <string>

namespace rfsim::app {

/// Bad input or usage: a broken file, an unknown name, a bad option. Exit code 2.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Something failed while working: a write, a display, a crash of a part. Exit code 1.
class RunError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace rfsim::app
