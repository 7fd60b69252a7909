// A progress bar on stderr with the rate and the time left, drawn only when stderr is a
// terminal: batches run by scripts and schedulers stay quiet.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace rfsim::batch {

///   ProgressBar bar(1000, "runs");  bar.update(250);  ...  bar.finish();
class ProgressBar {
 public:
  ProgressBar(std::size_t total, std::string what);  // enabled when isatty(stderr)
  void update(std::size_t done);                     // redraws at most ten times a second
  void finish();                                     // the last line, then a newline

 private:
  void draw(std::size_t done);
  std::size_t total_;
  std::string what_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
  std::size_t done_ = 0;
};

}  // namespace rfsim::batch
