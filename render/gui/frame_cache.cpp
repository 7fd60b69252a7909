// The window's kept frame: the damage between two frames' draw lists, and the copies in and out.
#include "render/gui/frame_cache.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <xxhash.h>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/OpenGL.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "render/blit.hpp"

namespace rfsim::render::gui {
namespace {

// Owners of the two lists no window owns (ImGuiIDs are 32-bit, so these never collide).
constexpr std::uint64_t kBackgroundList = 1ULL << 40;
constexpr std::uint64_t kForegroundList = 2ULL << 40;
constexpr std::uint64_t kUnknownList = 3ULL << 40;

PixelRect damage_union(const PixelRect& a, const PixelRect& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

PixelRect damage_overlap(const PixelRect& a, const PixelRect& b) {
  const PixelRect r{std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1),
                    std::min(a.y1, b.y1)};
  return r.empty() ? PixelRect{} : r;
}

// The pixels a list can touch: each command's triangles' bounding box (a pixel more each side)
// within its clip rectangle. A window's first commands clip to the whole screen.
PixelRect frame_cache_bounds(const ImDrawList& list, const PixelRect& window) {
  PixelRect r;
  const ImDrawVert* vtx = list.VtxBuffer.Data;
  for (const ImDrawCmd& cmd : list.CmdBuffer) {
    if (cmd.ElemCount == 0 && cmd.UserCallback == nullptr) continue;
    PixelRect c{static_cast<int>(std::floor(cmd.ClipRect.x)) - 1,
                static_cast<int>(std::floor(cmd.ClipRect.y)) - 1,
                static_cast<int>(std::ceil(cmd.ClipRect.z)) + 1,
                static_cast<int>(std::ceil(cmd.ClipRect.w)) + 1};
    if (cmd.UserCallback == nullptr) {
      float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
      const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
      for (unsigned i = 0; i < cmd.ElemCount; ++i) {
        const ImVec2 p = vtx[cmd.VtxOffset + idx[i]].pos;
        x0 = std::min(x0, p.x);
        y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x);
        y1 = std::max(y1, p.y);
      }
      // Far outside the window a vertex's pixels are clipped anyway: clamp before converting.
      const auto px = [](float v) { return std::clamp(v, -1e6f, 1e6f); };
      c = damage_overlap(
          c, {static_cast<int>(std::floor(px(x0))) - 1, static_cast<int>(std::floor(px(y0))) - 1,
              static_cast<int>(std::ceil(px(x1))) + 1, static_cast<int>(std::ceil(px(y1))) + 1});
    }
    r = damage_union(r, damage_overlap(c, window));
  }
  return r;
}

// Equal hashes, equal triangles in equal places under equal scissors and textures.
std::uint64_t frame_cache_hash(const ImDrawList& list, std::vector<std::uint64_t>& words) {
  std::uint64_t h = XXH3_64bits(list.VtxBuffer.Data,
                                static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
  h = XXH3_64bits_withSeed(list.IdxBuffer.Data,
                           static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx), h);
  words.clear();
  for (const ImDrawCmd& cmd : list.CmdBuffer) {
    words.push_back(std::uint64_t{std::bit_cast<std::uint32_t>(cmd.ClipRect.x)} << 32 |
                    std::bit_cast<std::uint32_t>(cmd.ClipRect.y));
    words.push_back(std::uint64_t{std::bit_cast<std::uint32_t>(cmd.ClipRect.z)} << 32 |
                    std::bit_cast<std::uint32_t>(cmd.ClipRect.w));
    words.push_back(reinterpret_cast<std::uintptr_t>(cmd.TextureId));
    words.push_back(reinterpret_cast<std::uintptr_t>(cmd.UserCallback));
    words.push_back(std::uint64_t{cmd.VtxOffset} << 32 | cmd.IdxOffset);
    words.push_back(cmd.ElemCount);
  }
  return XXH3_64bits_withSeed(words.data(), words.size() * sizeof(std::uint64_t), h);
}

}  // namespace

void FrameCache::set_enabled(bool on) {
  enabled_ = on;
  valid_ = valid_ && on;
}

FramePlan FrameCache::plan(const ImDrawData& data, const FrameBase& base) {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  const ImDrawList* foreground = ImGui::GetForegroundDrawList();
  const ImDrawList* background = ImGui::GetBackgroundDrawList();
  const PixelRect window{0, 0, static_cast<int>(base.size.x), static_cast<int>(base.size.y)};
  const int n = data.CmdListsCount;

  // Each list's owner, and where the top layer starts: ImGui puts tooltips' windows and the
  // foreground list after every other list.
  std::vector<std::uint64_t> owners(static_cast<std::size_t>(n), kUnknownList);
  std::vector<bool> tops(static_cast<std::size_t>(n), false);
  for (int i = 0; i < n; ++i) {
    const ImDrawList* list = data.CmdLists[i];
    if (list == foreground) {
      owners[i] = kForegroundList;
      tops[i] = true;
    } else if (list == background) {
      owners[i] = kBackgroundList;
    } else {
      for (const ImGuiWindow* w : g.Windows) {
        if (w->DrawList != list) continue;
        owners[i] = w->ID;
        const ImGuiWindow* root = w->RootWindow != nullptr ? w->RootWindow : w;
        tops[i] = (root->Flags & ImGuiWindowFlags_Tooltip) != 0;
        break;
      }
    }
  }
  int top = n;
  while (top > 0 && tops[top - 1]) --top;
  bool everything = first_ || base.size != base_.size || base.fonts != base_.fonts ||
                    data.DisplayPos.x != 0 || data.DisplayPos.y != 0 ||
                    data.FramebufferScale.x != 1 || data.FramebufferScale.y != 1;
  // A tooltip below another list, or a list of no known owner: nothing to compare by.
  everything =
      everything || std::find(tops.begin(), tops.begin() + top, true) != tops.begin() + top;

  const ImTextureID atlas = ImGui::GetIO().Fonts->TexID;
  std::vector<std::uint64_t> words;
  std::vector<Drawn> now;
  now.reserve(static_cast<std::size_t>(top));
  for (int i = 0; i < top; ++i) {
    const ImDrawList& list = *data.CmdLists[i];
    Drawn d;
    d.owner = owners[i];
    d.hash = frame_cache_hash(list, words);
    // Equal hashes, equal vertices and clip rectangles: the bounds need no walk of the indices.
    const auto was = std::find_if(drawn_.begin(), drawn_.end(),
                                  [&](const Drawn& o) { return o.owner == d.owner; });
    d.bounds = was != drawn_.end() && was->hash == d.hash && !everything
                   ? was->bounds
                   : frame_cache_bounds(list, window);
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      d.comparable = d.comparable && cmd.UserCallback == nullptr &&
                     (cmd.ElemCount == 0 || cmd.TextureId == atlas);
    }
    everything = everything || d.owner == kUnknownList;
    now.push_back(d);
  }

  counts_ = {};
  counts_.lists = static_cast<int>(now.size());
  PixelRect damage;
  if (!everything) {
    std::vector<bool> matched(drawn_.size(), false);
    std::size_t last = 0;
    bool any = false;
    for (const Drawn& d : now) {
      const auto was = std::find_if(drawn_.begin(), drawn_.end(),
                                    [&](const Drawn& o) { return o.owner == d.owner; });
      if (was == drawn_.end()) {
        damage = damage_union(damage, d.bounds);
        ++counts_.changed;
        continue;
      }
      const auto k = static_cast<std::size_t>(was - drawn_.begin());
      // The windows' order changed (a window came to the front), or one owner drew twice.
      if (matched[k] || (any && k < last)) everything = true;
      matched[k] = true;
      last = k;
      any = true;
      if (!d.comparable || !was->comparable || d.hash != was->hash || d.bounds != was->bounds) {
        damage = damage_union(damage_union(damage, was->bounds), d.bounds);
        ++counts_.changed;
      }
    }
    for (std::size_t k = 0; k < drawn_.size(); ++k) {
      if (matched[k]) continue;
      damage = damage_union(damage, drawn_[k].bounds);
      ++counts_.changed;
    }
    if (base.map_changes || base.map != base_.map) {
      damage = damage_union(damage_union(damage, base_.map), base.map);
      counts_.map = true;
    }
  }
  if (everything) {
    damage = window;
    counts_.map = true;
    counts_.changed = counts_.lists;
  }
  damage = damage_overlap(damage, window);
  counts_.damage = damage;
  // Nearly all of the window: redrawing it under a scissor saves little over drawing it all.
  const bool whole = everything || damage.area() * 4 >= window.area() * 3;

  FramePlan p;
  p.top = top;
  if (!enabled_) {
    p.mode = FrameMode::Straight;
    valid_ = false;
  } else if (valid_ && !whole) {
    p.mode = damage.empty() ? FrameMode::Copy : FrameMode::Repair;
    p.damage = damage;
  } else {
    // Keep this frame unless the last was whole too: while everything changes every frame
    // (playing), a kept frame is never used.
    p.mode = FrameMode::Straight;
    p.keep = !(whole && last_whole_);
    valid_ = false;
  }
  last_whole_ = whole;
  counts_.mode = p.mode;
  for (const Drawn& d : now) {
    if (p.mode == FrameMode::Straight) {
      ++counts_.redrawn;
    } else if (p.mode == FrameMode::Repair && !damage_overlap(d.bounds, damage).empty()) {
      ++counts_.redrawn;
    }
  }
  drawn_ = std::move(now);
  base_ = base;
  first_ = false;
  return p;
}

bool FrameCache::show(sf::RenderTarget& target, const PixelRect* except) {
  if (!valid_ || kept_.getSize() != target.getSize()) return valid_ = false;
  const sf::Vector2u size = target.getSize();
  const auto w = static_cast<int>(size.x), h = static_cast<int>(size.y);
  // A GL without framebuffer blits cannot copy the kept frame: draw whole from then on.
  if (except == nullptr) return valid_ = enabled_ = blit(target, kept_, {0, 0, w, h});
  // Around the damage: above, below, left and right of it (a framebuffer blit obeys the
  // scissor, so each is the whole picture blitted under one strip's scissor).
  const PixelRect& e = *except;
  const std::array<PixelRect, 4> strips{PixelRect{0, 0, w, e.y0}, PixelRect{0, e.y1, w, h},
                                        PixelRect{0, e.y0, e.x0, e.y1},
                                        PixelRect{e.x1, e.y0, w, e.y1}};
  bool ok = true;
  for (const PixelRect& s : strips) {
    if (s.empty() || !ok) continue;
    if (!target.setActive(true)) return valid_ = false;
    glEnable(GL_SCISSOR_TEST);
    glScissor(s.x0, h - s.y1, s.x1 - s.x0, s.y1 - s.y0);
    ok = blit(target, kept_, {0, 0, w, h});
    if (target.setActive(true)) glDisable(GL_SCISSOR_TEST);
  }
  return valid_ = enabled_ = ok;
}

bool FrameCache::keep(sf::RenderTarget& target, const PixelRect& rect) {
  const sf::Vector2u size = target.getSize();
  if (kept_.getSize() != size) {
    // A new texture holds nothing yet: only a whole frame can be kept into it.
    if (rect != PixelRect{0, 0, static_cast<int>(size.x), static_cast<int>(size.y)} ||
        !kept_.create(size.x, size.y)) {
      return valid_ = false;
    }
  }
  if (!target.setActive(true)) return valid_ = false;
  for (int i = 0; i < 16 && glGetError() != GL_NO_ERROR; ++i) {
  }  // earlier errors are not this copy's
  const auto h = static_cast<int>(size.y);
  GLint bound = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
  glBindTexture(GL_TEXTURE_2D, kept_.getNativeHandle());
  // Rows count from the bottom in both: the texture holds the frame as GL renders it, which
  // is how blit() expects a render texture's picture.
  glCopyTexSubImage2D(GL_TEXTURE_2D, 0, rect.x0, h - rect.y1, rect.x0, h - rect.y1,
                      rect.x1 - rect.x0, rect.y1 - rect.y0);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
  valid_ = glGetError() == GL_NO_ERROR;
  return valid_;
}

}  // namespace rfsim::render::gui
