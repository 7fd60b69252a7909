// The rotating autosave set.
#include "saves/autosaver.hpp"

#include <algorithm>
#include <exception>
#include <stdexcept>

#include "saves/save_file.hpp"

namespace rfsim::saves {

Autosaver::Autosaver(std::filesystem::path folder, std::string stem, std::size_t keep,
                     Clock::duration every)
    : folder_(std::move(folder)),
      stem_(std::move(stem)),
      keep_(keep),
      every_(every),
      last_(Clock::now()) {
  if (keep_ == 0) throw std::invalid_argument("Autosaver: keep at least one file");
  // Carry on after an earlier session: overwrite a missing slot first, else the oldest.
  std::optional<std::filesystem::file_time_type> oldest;
  for (std::size_t s = 0; s < keep_; ++s) {
    std::error_code ec;
    const auto t = std::filesystem::last_write_time(slot_path(s), ec);
    if (ec) {
      next_slot_ = s;
      return;
    }
    if (!oldest || t < *oldest) {
      oldest = t;
      next_slot_ = s;
    }
  }
}

std::filesystem::path Autosaver::slot_path(std::size_t slot) const {
  return folder_ / (stem_ + "-" + std::to_string(slot + 1) + ".rfsave");
}

std::optional<std::filesystem::path> Autosaver::tick(const std::function<Save()>& make,
                                                     Clock::time_point now) {
  if (now - last_ < every_) return std::nullopt;
  last_ = now;  // a failure waits for the next interval too: no retry on every frame
  try {
    return write_now(make());
  } catch (const std::exception&) {
    return std::nullopt;  // in failure_: an autosave must never end the game it protects
  }
}

std::filesystem::path Autosaver::write_now(const Save& save) {
  const std::filesystem::path path = slot_path(next_slot_);
  try {
    write_save(path, save);
  } catch (const std::exception& e) {
    const int attempts = failure_ ? failure_->attempts + 1 : 1;
    failure_ = Failure{e.what(), attempts};
    throw;
  }
  failure_.reset();
  next_slot_ = (next_slot_ + 1) % keep_;
  return path;
}

std::vector<std::filesystem::path> Autosaver::files() const {
  std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> found;
  for (std::size_t s = 0; s < keep_; ++s) {
    std::error_code ec;
    const auto t = std::filesystem::last_write_time(slot_path(s), ec);
    if (!ec) found.emplace_back(t, slot_path(s));
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::filesystem::path> out;
  for (auto& f : found) out.push_back(std::move(f.second));
  return out;
}

}  // namespace rfsim::saves
