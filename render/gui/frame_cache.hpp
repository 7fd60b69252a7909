// The window's last frame kept below its top layer, so that a frame repaints only what changed.
#pragma once

#include <SFML/Graphics/Texture.hpp>
#include <SFML/System/Vector2.hpp>

#include <cstdint>
#include <vector>

#include "render/gui/imgui_draw.hpp"

struct ImDrawData;

namespace sf {
class RenderTarget;
}

namespace rfsim::render::gui {

/// What a frame shows besides ImGui's draw lists, compared with the last frame's.
struct FrameBase {
  sf::Vector2u size{0, 0};  // the window, pixels
  std::uint64_t fonts = 0;  // changes whenever the fonts or the UI scale do
  PixelRect map;            // the map's area in the window
  bool map_changes = true;  // the map will show other pixels than last frame (MapView)
};

/// How a frame is drawn.
enum class FrameMode : std::uint8_t {
  Copy,      // nothing below the top layer changed: the kept pixels, then the top layer
  Repair,    // the kept pixels, the damage redrawn (clear, map, lists under a scissor), kept
  Straight,  // everything drawn, as without a cache; kept or not (FramePlan::keep)
};

/// One frame's plan, from FrameCache::plan.
struct FramePlan {
  FrameMode mode = FrameMode::Straight;
  PixelRect damage;   // Repair: what to redraw, window pixels
  int top = 0;        // the draw lists [top, end) are the top layer: drawn over, never kept
  bool keep = false;  // Straight: keep the frame's pixels below the top layer afterwards
};

/// The window's pixels below the top layer (tooltips and ImGui's foreground list) as the last
/// frame left them, in one texture the window's size, and the draw lists and map they came
/// from. Each frame, after ImGui::Render(), plan() compares the lists with the last frame's (by
/// owner window, a hash of vertices, indices and commands, and the bounds of their clip
/// rectangles) and the map, and returns the damage: the old and new bounds of every list that
/// changed, appeared or went, the map's area when the map changed; everything when the window's
/// size, the fonts or the windows' order changed, or when a list cannot be compared. While the
/// damage is (nearly) the whole window frame after frame (playing), the frame is drawn straight
/// and not kept: keeping would only add a copy.
///   FramePlan p = cache.plan(*ImGui::GetDrawData(), base);
///   Copy: cache.show(target)  Repair: cache.show(target), redraw p.damage, cache.keep(target,
///   p.damage)  Straight: draw, if (p.keep) cache.keep(target, whole);  then lists [p.top, end).
class FrameCache {
 public:
  FramePlan plan(const ImDrawData& data, const FrameBase& base);
  /// Copies the kept pixels onto `target` (the current GL context's), all of them but those
  /// inside `except` when given. False when the GL cannot (then nothing is kept any more).
  bool show(sf::RenderTarget& target, const PixelRect* except = nullptr);
  /// Keeps `rect` of what `target` shows now (below the top layer). False when the GL cannot.
  bool keep(sf::RenderTarget& target, const PixelRect& rect);
  /// The kept pixels no longer stand for the last frame's (a frame drawn some other way).
  void forget() { valid_ = false; }

  /// Off, plan() always says Straight without keeping, as before there was a cache.
  void set_enabled(bool on);
  bool enabled() const { return enabled_; }

  /// The last plan's counts, for tests and benchmarks.
  struct Counts {
    int lists = 0;                         // the draw lists below the top layer
    int redrawn = 0;                       // of those, the ones drawn (whole, or cut to the damage)
    int changed = 0;                       // lists that changed, appeared or went
    bool map = false;                      // the map's area was damaged
    FrameMode mode = FrameMode::Straight;  // how the last frame was drawn
    PixelRect damage;                      // what changed since the frame before (all: whole)
  };
  const Counts& counts() const { return counts_; }

 private:
  struct Drawn {              // one list as last drawn
    std::uint64_t owner = 0;  // its window's ImGuiID; the background and foreground lists
    std::uint64_t hash = 0;
    PixelRect bounds;        // its commands' clip rectangles, whole pixels
    bool comparable = true;  // only the font atlas, no callbacks
  };
  sf::Texture kept_;
  bool valid_ = false;
  bool enabled_ = true;
  bool last_whole_ = false;  // the last frame's damage was the whole window
  bool first_ = true;
  FrameBase base_;
  std::vector<Drawn> drawn_;  // below the top layer, in drawing order
  Counts counts_;
};

}  // namespace rfsim::render::gui
