// For the theatre harnesses: a private assets/ folder (links to files) in which one file at a
// time is replaced by the fuzzer's input, since Theatre::load reads a folder. The GeoJSON
// linked is fuzz/geo/'s, the real outlines simplified to a few dozen points a ring (7 times
// faster to load under ASan; the same ids, labels and properties); RFSIM_FUZZ_ASSETS names
// another assets folder to use instead, e.g. the real one.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

namespace rfsim::fuzz {

class ScratchAssets {
 public:
  ScratchAssets() {
    namespace fs = std::filesystem;
    const char* tmp = std::getenv("TMPDIR");
    std::string dir =
        std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/rfsim-fuzz-assets-XXXXXX";
    if (::mkdtemp(dir.data()) == nullptr) std::abort();
    root_ = dir;
    const char* other = std::getenv("RFSIM_FUZZ_ASSETS");
    const bool real = other != nullptr && *other != '\0';
    link_all(real ? fs::path(other) / "geo" : fs::path(RFSIM_FUZZ_GEO_DIR), root_ / "geo");
    link_all(fs::path(real ? other : RFSIM_ASSETS_DIR) / "theatre", root_ / "theatre");
  }
  ~ScratchAssets() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  ScratchAssets(const ScratchAssets&) = delete;
  ScratchAssets& operator=(const ScratchAssets&) = delete;

  /// Puts `bytes` at `relative` (e.g. "theatre/theatre.toml") in place of the linked file,
  /// and returns the folder to load.
  const std::filesystem::path& with(const std::string& relative, std::string_view bytes) {
    const std::filesystem::path p = root_ / relative;
    std::filesystem::remove(p);
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) std::abort();
    return root_;
  }

 private:
  static void link_all(const std::filesystem::path& from, const std::filesystem::path& to) {
    namespace fs = std::filesystem;
    fs::create_directories(to);
    for (const auto& e : fs::directory_iterator(from)) {
      fs::create_symlink(fs::canonical(e.path()), to / e.path().filename());
    }
  }

  std::filesystem::path root_;
};

}  // namespace rfsim::fuzz
