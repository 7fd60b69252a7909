// Offscreen snapshots: a display check before SFML can abort, a render texture, and an
// atomic write of the PNG (io::write_atomically).
#include "render/snapshot.hpp"

#include <X11/Xlib.h>
#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/System/Err.hpp>

#include <chrono>
#include <cstdlib>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "io/atomic_file.hpp"
#include "render/map_painter.hpp"

namespace rfsim::render {

namespace {

constexpr double kTitleBar = 36;  // px; the painter's title bar, kept clear of the map

// SFML 2.5 calls std::abort() when it cannot open the X display, so look first. The
// connection is then kept for the life of the process: an X server such as Xvfb resets when
// its last client leaves and refuses connections meanwhile, which would make SFML's next
// XOpenDisplay (and so the next snapshot) fail at random.
void require_display() {
  const char* name = std::getenv("DISPLAY");
  if (name == nullptr || *name == '\0') {
    throw std::runtime_error("no display: run under xvfb-run (DISPLAY is not set)");
  }
  static std::mutex mutex;
  static Display* keep_alive = nullptr;
  const std::lock_guard lock(mutex);
  for (int attempt = 0; keep_alive == nullptr && attempt < 20; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    keep_alive = XOpenDisplay(nullptr);
  }
  if (keep_alive == nullptr) {
    throw std::runtime_error(std::string("no display: run under xvfb-run (cannot open DISPLAY=") +
                             name + ")");
  }
}

// Captures what SFML writes to sf::err() while alive, for the exception's message.
class ErrCapture {
 public:
  ErrCapture() : old_(sf::err().rdbuf(buf_.rdbuf())) {}
  ~ErrCapture() { sf::err().rdbuf(old_); }
  ErrCapture(const ErrCapture&) = delete;
  ErrCapture& operator=(const ErrCapture&) = delete;
  std::string text() const {
    std::string s = buf_.str();
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    for (char& c : s) {
      if (c == '\n') c = ';';
    }
    return s.empty() ? "" : " (" + s + ")";
  }

 private:
  std::ostringstream buf_;
  std::streambuf* old_;
};

}  // namespace

Camera snapshot_camera(const map::Theatre& theatre, unsigned width, unsigned height) {
  const double free_h = std::max(1.0, static_cast<double>(height) - kTitleBar);
  Camera cam = Camera::fit(theatre_extent(theatre), width, free_h, 12);
  cam.resize(width, height);
  cam.pan(0, kTitleBar / 2);  // the fitted map sits under the title bar
  return cam;
}

sf::Image render_image(const map::Theatre& theatre, const Scene& scene, unsigned width,
                       unsigned height) {
  if (width == 0 || height == 0) {
    throw std::invalid_argument("snapshot size " + std::to_string(width) + "x" +
                                std::to_string(height) + ": expected both above 0");
  }
  require_display();
  sf::RenderTexture rt;
  const unsigned max = sf::Texture::getMaximumSize();
  if (width > max || height > max) {
    throw std::invalid_argument("snapshot size " + std::to_string(width) + "x" +
                                std::to_string(height) + ": this GL allows at most " +
                                std::to_string(max) + " px a side");
  }
  sf::ContextSettings aa;
  aa.antialiasingLevel = 4;
  ErrCapture err;
  if (!rt.create(width, height, aa) && !rt.create(width, height)) {
    throw std::runtime_error("no GL context for an offscreen " + std::to_string(width) + "x" +
                             std::to_string(height) + " image: run under xvfb-run" + err.text());
  }
  MapPainter painter(theatre);
  Camera cam = snapshot_camera(theatre, width, height);
  rt.clear(sf::Color::White);
  painter.draw(rt, cam, scene);
  rt.display();
  return rt.getTexture().copyToImage();
}

void write_png(const map::Theatre& theatre, const Scene& scene, const std::filesystem::path& out,
               unsigned width, unsigned height) {
  io::check_writable(out);  // before rendering, so that a typo costs nothing and leaves nothing
  const sf::Image image = render_image(theatre, scene, width, height);
  io::write_atomically(out, [&](const std::filesystem::path& tmp) {
    ErrCapture err;
    if (!image.saveToFile(tmp.string())) {
      throw std::runtime_error("cannot write snapshot " + out.string() + err.text());
    }
  });
}

}  // namespace rfsim::render
