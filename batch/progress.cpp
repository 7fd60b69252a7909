// The terminal progress bar.
#include "batch/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace rfsim::batch {
namespace {

std::string clock_of(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

}  // namespace

ProgressBar::ProgressBar(std::size_t total, std::string what)
    : total_(total),
      what_(std::move(what)),
      enabled_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

void ProgressBar::update(std::size_t done) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && done == done_ && now - last_ < std::chrono::seconds(1)) return;
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  draw(done);
}

void ProgressBar::finish() {
  if (!enabled_) return;
  draw(total_);
  std::fputc('\n', stderr);
}

void ProgressBar::draw(std::size_t done) {
  done_ = done;
  drawn_ = true;
  constexpr int kWidth = 30;
  const double share = total_ > 0 ? static_cast<double>(done) / static_cast<double>(total_) : 1.0;
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
  std::string bar(kWidth, ' ');
  for (int i = 0; i < static_cast<int>(share * kWidth); ++i) bar[static_cast<std::size_t>(i)] = '#';
  std::string left = "--:--";
  if (done >= total_) {
    left = clock_of(elapsed) + " total";
  } else if (rate > 0) {
    left = clock_of(static_cast<double>(total_ - done) / rate) + " left";
  }
  std::fprintf(stderr, "\r[%s] %zu/%zu %s  %.1f/s  %s   ", bar.c_str(), done, total_, what_.c_str(),
               rate, left.c_str());
  std::fflush(stderr);
}

}  // namespace rfsim::batch
