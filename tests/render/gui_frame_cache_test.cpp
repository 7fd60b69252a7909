// The window's kept frame (issue 14): through a facilitator's interactions every frame drawn
// with the cache has the pixels of the same frame drawn whole, and the mouse moving over a
// still map repaints no panel, only its tooltip.
#include <gtest/gtest.h>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Window/Event.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include <imgui.h>

#include "gui_fixture.hpp"
#include "render/gui/frame_cache.hpp"
#include "render/gui/odds_desk.hpp"
#include "render_fixture.hpp"

namespace rfsim::render::gui {
namespace {

// Two windows given the same input frame by frame: one keeps its frame (the default), the other
// draws every frame whole. The model's slice is not cut by wall time, so both play alike.
class CachedAndFresh {
 public:
  explicit CachedAndFresh(sf::Vector2u size) : size_(size) {
    GuiOptions o;
    o.ui_scale = 1.11f;
    o.sim_budget = std::chrono::seconds(30);
    EXPECT_TRUE(cached_target_.create(size.x, size.y));
    EXPECT_TRUE(cached_target_.setActive(true));
    cached_ = std::make_unique<GuiApp>(render::testing::theatre(),
                                       render::testing::partial_ceasefire(), o);
    EXPECT_TRUE(fresh_target_.create(size.x, size.y));
    EXPECT_TRUE(fresh_target_.setActive(true));
    fresh_ = std::make_unique<GuiApp>(render::testing::theatre(),
                                      render::testing::partial_ceasefire(), o);
    fresh_->frame_cache().set_enabled(false);
    both([](GuiApp& a) { a.session().jump_to(sim::SimTime::start() + sim::Duration::hours(30)); });
  }

  GuiApp& cached() { return *cached_; }
  GuiApp& fresh() { return *fresh_; }
  const FrameCache::Counts& counts() { return cached_->frame_cache().counts(); }
  void both(const std::function<void(GuiApp&)>& f) {
    f(*cached_);
    f(*fresh_);
  }
  void event(const sf::Event& e) {
    both([&](GuiApp& a) { a.handle(e); });
  }
  void move_to(int x, int y) {
    sf::Event e{};
    e.type = sf::Event::MouseMoved;
    e.mouseMove = {x, y};
    event(e);
  }
  void key(sf::Keyboard::Key k) {
    sf::Event e{};
    e.type = sf::Event::KeyPressed;
    e.key.code = k;
    event(e);
  }
  void button(sf::Event::EventType type, int x, int y) {
    sf::Event e{};
    e.type = type;
    e.mouseButton = {sf::Mouse::Left, x, y};
    event(e);
  }
  void resize(sf::Vector2u size) {
    size_ = size;
    EXPECT_TRUE(cached_target_.create(size.x, size.y));
    EXPECT_TRUE(fresh_target_.create(size.x, size.y));
  }
  /// A named control clicked in both, as the mouse would: press, release, the action after.
  void click(const std::string& control, const char* what) {
    ASSERT_TRUE(cached_->click(control)) << control << " is not on screen";
    ASSERT_TRUE(fresh_->click(control)) << control << " is not on screen";
    frames(3, what);
  }

  /// One frame in both, compared pixel for pixel.
  void frame(const std::string& what, double dt = 1.0 / 60) {
    draw(dt);
    compare(what);
    ++modes_[static_cast<int>(counts().mode)];
  }
  /// Compared frames the cache drew as `m`.
  int drawn_as(FrameMode m) const { return modes_[static_cast<int>(m)]; }
  void draw(double dt = 1.0 / 60) {
    cached_->frame(cached_target_, size_, dt);
    cached_target_.display();
    fresh_->frame(fresh_target_, size_, dt);
    fresh_target_.display();
    ++frames_;
  }
  /// Whether the last frames of both have the same pixels; a failure naming `what` if not.
  bool compare(const std::string& what) {
    const sf::Image a = cached_target_.getTexture().copyToImage();
    const sf::Image b = fresh_target_.getTexture().copyToImage();
    ++compared_;
    // Most frames are equal: one comparison of the buffers, pixel by pixel only to say where.
    if (std::memcmp(a.getPixelsPtr(), b.getPixelsPtr(), std::size_t{size_.x} * size_.y * 4) == 0) {
      return true;
    }
    int apart = 0;
    sf::Vector2u first;
    for (unsigned y = 0; y < size_.y; ++y) {
      for (unsigned x = 0; x < size_.x; ++x) {
        if (a.getPixel(x, y) == b.getPixel(x, y)) continue;
        if (apart++ == 0) first = {x, y};
      }
    }
    if (apart > 0 && std::getenv("RFSIM_FRAME_DUMP") != nullptr) {  // both, for a look
      const auto dir = std::filesystem::temp_directory_path();
      a.saveToFile((dir / "rfsim-frame-cached.png").string());
      b.saveToFile((dir / "rfsim-frame-fresh.png").string());
    }
    EXPECT_EQ(apart, 0) << what << " (frame " << frames_ << ", " << static_cast<int>(counts().mode)
                        << "): " << apart << " pixels differ from the fresh frame, the first at "
                        << first.x << ", " << first.y;
    return apart == 0;
  }
  void frames(int n, const std::string& what, double dt = 1.0 / 60) {
    for (int i = 0; i < n; ++i) frame(what, dt);
  }
  int compared() const { return compared_; }

 private:
  sf::Vector2u size_;
  sf::RenderTexture cached_target_, fresh_target_;
  std::unique_ptr<GuiApp> cached_, fresh_;
  int frames_ = 0, compared_ = 0;
  int modes_[3] = {0, 0, 0};
};

sf::Vector2i centre_of(const sf::FloatRect& r) {
  return {static_cast<int>(r.left + r.width / 2), static_cast<int>(r.top + r.height / 2)};
}

TEST(GuiFrameCache, EveryFrameKeptEqualsTheFrameDrawnWhole) {
  CachedAndFresh w({1280, 800});
  w.frames(3, "the first frames");

  // The mouse over the map: its tooltip follows, nothing else changes.
  const sf::Vector2i map = centre_of(w.cached().map().area());
  int copied = 0;
  for (int i = 0; i < 12; ++i) {
    w.move_to(map.x + 4 * i, map.y + i);
    w.frame("the mouse over the map");
    copied += w.counts().mode == FrameMode::Copy;
  }
  EXPECT_GE(copied, 8) << "the mouse moving over a still map is the kept frame and a tooltip";

  // A click on a panel's control, a panel opened and closed.
  w.click("notes/toggle", "the notes panel opened");
  w.click("notes/add", "the notes form opened");
  w.click("notes/cancel", "the notes form closed");
  w.click("notes/toggle", "the notes panel closed");

  // A key that refills the map, and a click that selects a region.
  w.key(sf::Keyboard::Num2);
  w.frames(3, "the control fill");
  w.move_to(map.x, map.y);
  w.frame("before the click");
  w.button(sf::Event::MouseButtonPressed, map.x, map.y);
  w.frame("pressed on the map");
  w.button(sf::Event::MouseButtonReleased, map.x, map.y);
  w.frames(3, "a region selected");

  // A pan: a drag over the map, a few pixels a frame.
  w.button(sf::Event::MouseButtonPressed, map.x, map.y);
  w.frame("pan: pressed");
  for (int i = 1; i <= 5; ++i) {
    w.move_to(map.x + 9 * i, map.y - 5 * i);
    w.frame("panning");
  }
  w.button(sf::Event::MouseButtonReleased, map.x + 45, map.y - 25);
  w.frames(3, "pan: released");

  // Play a few frames at 10,000x, then pause.
  w.both([](GuiApp& a) {
    a.ui().playing = true;
    a.ui().speed = 10000;
  });
  w.frames(6, "playing");
  w.key(sf::Keyboard::Space);
  w.frames(4, "paused");

  // The UI scale changes; the window is resized.
  w.both([](GuiApp& a) { a.ui().ui_scale_wanted = 1.3f; });
  w.frames(3, "UI scale 1.3");
  w.resize({1600, 1000});
  w.frames(3, "resized to 1600 x 1000");
  w.move_to(map.x + 30, map.y + 20);
  w.frames(2, "the mouse over the map at the new size");

  // A modal: the unsaved-game question, its dimming animated, then cancelled.
  w.both([](GuiApp& a) { a.ui().leaving = Leaving{Leaving::Kind::Quit, {}, {}}; });
  w.frames(14, "the unsaved-game question");
  w.click("unsaved/cancel", "the question cancelled");
  w.frames(3, "after the question");
  EXPECT_GT(w.compared(), 60);
  // Each way of drawing was compared.
  EXPECT_GT(w.drawn_as(FrameMode::Copy), 10);
  EXPECT_GT(w.drawn_as(FrameMode::Repair), 10);
  EXPECT_GT(w.drawn_as(FrameMode::Straight), 3);
  std::printf("compared %d frames: %d copied, %d repaired, %d drawn whole\n", w.compared(),
              w.drawn_as(FrameMode::Copy), w.drawn_as(FrameMode::Repair),
              w.drawn_as(FrameMode::Straight));
}

TEST(GuiFrameCache, TheFuturesProgressRepaintsTheOddsPanelLikeAWholeFrame) {
  CachedAndFresh w({1280, 800});
  w.both([](GuiApp& a) { a.ui().want_odds = true; });
  w.frames(3, "the odds panel opened");
  w.both([](GuiApp& a) {
    // Many short futures: many steps of progress to compare at, little work under ASan.
    // A few long futures: each step of the progress lasts many frames, so that both windows
    // show the same one often, whatever their threads' pace.
    a.ui().odds->futures = 4;
    a.ui().odds->days = 30;
  });
  w.frame("the odds panel's fields");
  w.click("odds/run", "the futures started");
  OddsDesk& cached = *w.cached().ui().odds;
  OddsDesk& fresh = *w.fresh().ui().odds;
  // The two windows' futures run on their own threads: a frame is compared when both showed
  // the same progress (it did not move while either drew), once for each step of the progress
  // (reading back two windows' pixels costs more than drawing them).
  const sf::Vector2i map = centre_of(w.cached().map().area());
  int compared_running = 0, repaired = 0;
  std::optional<decltype(cached.progress())> compared_at;
  for (int i = 0; i < 20000 && (cached.running() || fresh.running()); ++i) {
    w.move_to(map.x + i % 40, map.y);
    // Their reports say how long each took: told alike, so that the next frames compare.
    if (w.cached().ui().status != w.fresh().ui().status) {
      w.both([](GuiApp& a) { a.ui().status = "the odds are in"; });
    }
    const auto before = std::make_pair(cached.progress(), fresh.progress());
    const bool running = cached.running() && fresh.running();
    w.draw();
    repaired += w.counts().mode == FrameMode::Repair;
    const auto after = std::make_pair(cached.progress(), fresh.progress());
    if (running && before == after && before.first == before.second &&
        compared_at != before.first) {
      w.compare("the futures running, " + std::to_string(before.first.first) + " done");
      compared_at = before.first;
      ++compared_running;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  EXPECT_FALSE(cached.running() || fresh.running());
  EXPECT_GT(compared_running, 0) << "no frame compared while the futures ran";
  // The progress bar moved: the odds panel was drawn again under the cache's scissor.
  EXPECT_GT(repaired, 0);
  std::printf("compared %d frames while the futures ran; %d frames repaired\n", compared_running,
              repaired);
  // Both collect their odds in the next frame, and say how long they took.
  // Their status lines differed until now, and ImGui sizes a panel's scrollbar by its last
  // frame's content: a few frames to settle alike.
  w.draw();
  w.both([](GuiApp& a) { a.ui().status = "the odds are in"; });
  for (int i = 0; i < 3; ++i) w.draw();
  w.frames(4, "the odds in");
  EXPECT_FALSE(cached.kept().empty());
}

TEST(GuiFrameCache, ATooltipMovingRepaintsNoPanel) {
  testing::Window w(render::testing::partial_ceasefire());
  w.frames(4);
  const sf::Vector2i map = centre_of(w.app().map().area());
  const std::uint64_t painted = w.app().map().pictures_painted();
  for (int i = 0; i < 10; ++i) {
    sf::Event move{};
    move.type = sf::Event::MouseMoved;
    move.mouseMove = {map.x + 5 * i, map.y};
    w.app().handle(move);
    w.frames(1);
    const FrameCache::Counts& c = w.app().frame_cache().counts();
    if (i < 2) continue;  // the tooltip appears
    EXPECT_EQ(c.mode, FrameMode::Copy) << "move " << i;
    EXPECT_EQ(c.redrawn, 0) << "move " << i << ": a panel was drawn again";
    EXPECT_EQ(c.changed, 0) << "move " << i;
    EXPECT_FALSE(c.map) << "move " << i;
    EXPECT_GT(c.lists, 5);
  }
  EXPECT_EQ(w.app().map().pictures_painted(), painted);
  ASSERT_FALSE(w.app().tooltip_lines(sf::Vector2f(map.x + 45.0f, map.y)).empty())
      << "no tooltip where the mouse is: the test moves nothing";
}

// A bare ImGui context (no GL: plan() only reads the draw lists) with two overlapping windows,
// A below B, for the damage itself.
class FrameDamage : public ::testing::Test {
 protected:
  FrameDamage() : saved_(ImGui::GetCurrentContext()), context_(ImGui::CreateContext()) {
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(kDamageW, kDamageH);
    io.DeltaTime = 1.0f / 60;
    io.IniFilename = nullptr;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(std::intptr_t{1}));
  }
  ~FrameDamage() override {
    ImGui::DestroyContext(context_);
    ImGui::SetCurrentContext(saved_);
  }
  static constexpr float kDamageW = 800, kDamageH = 600;

  struct Shown {
    std::string a_text = "a";
    bool b = true;
    bool focus_a = false;
    bool tooltip = false;
    ImVec2 mouse{700, 500};
    bool map_changes = false;
    std::uint64_t fonts = 0;
  };
  // One frame of `shown`, planned; the cache's counts.
  const FrameCache::Counts& frame(const Shown& shown) {
    ImGui::GetIO().MousePos = shown.mouse;
    ImGui::NewFrame();
    const auto window = [](const char* name, ImVec2 at, const std::string& text, bool focus) {
      ImGui::SetNextWindowPos(at, ImGuiCond_Always);
      ImGui::SetNextWindowSize(ImVec2(200, 100), ImGuiCond_Always);
      if (focus) ImGui::SetNextWindowFocus();
      ImGui::Begin(name, nullptr, ImGuiWindowFlags_NoSavedSettings);
      ImGui::TextUnformatted(text.c_str());
      ImGui::End();
    };
    window("A", ImVec2(20, 20), shown.a_text, shown.focus_a);
    if (shown.b) window("B", ImVec2(150, 60), "b", false);
    if (shown.tooltip) ImGui::SetTooltip("a tooltip at %.0f", shown.mouse.x);
    ImGui::Render();
    FrameBase base;
    base.size = {static_cast<unsigned>(kDamageW), static_cast<unsigned>(kDamageH)};
    base.fonts = shown.fonts;
    base.map = kDamageMap;
    base.map_changes = shown.map_changes;
    cache_.plan(*ImGui::GetDrawData(), base);
    return cache_.counts();
  }
  static bool holds(const PixelRect& outer, const PixelRect& inner) {
    return outer.x0 <= inner.x0 && outer.y0 <= inner.y0 && outer.x1 >= inner.x1 &&
           outer.y1 >= inner.y1;
  }
  static constexpr PixelRect kDamageMap{400, 300, 780, 580};
  static constexpr PixelRect kWholeDamage{0, 0, 800, 600};

  ImGuiContext* saved_;
  ImGuiContext* context_;
  FrameCache cache_;
};

TEST_F(FrameDamage, WhatChangedIsDamagedAndNothingElse) {
  Shown s;
  EXPECT_EQ(frame(s).damage, kWholeDamage) << "the first frame: everything";
  frame(s);  // ImGui sizes windows over its first frames
  frame(s);
  EXPECT_TRUE(frame(s).damage.empty()) << "the same frame again";

  s.a_text = "a longer text";
  PixelRect d = frame(s).damage;
  EXPECT_TRUE(holds(d, {20, 20, 120, 60})) << "A's text";
  EXPECT_FALSE(holds(d, kDamageMap)) << "only A changed";
  EXPECT_EQ(cache_.counts().changed, 1);
  EXPECT_TRUE(frame(s).damage.empty());

  s.map_changes = true;
  EXPECT_TRUE(holds(frame(s).damage, kDamageMap)) << "the map changed";
  EXPECT_TRUE(cache_.counts().map);
  s.map_changes = false;
  EXPECT_TRUE(frame(s).damage.empty());

  s.b = false;
  d = frame(s).damage;
  EXPECT_TRUE(holds(d, {230, 60, 350, 160})) << "B went: where it was";
  s.b = true;
  EXPECT_TRUE(holds(frame(s).damage, {230, 60, 350, 160})) << "B came back";
  frame(s);
  EXPECT_TRUE(frame(s).damage.empty());

  // A comes to the front, over B: the same lists, in another order.
  s.focus_a = true;
  EXPECT_EQ(frame(s).damage, kWholeDamage) << "the windows' order changed";
  s.focus_a = false;
  frame(s);
  EXPECT_TRUE(frame(s).damage.empty());

  // A tooltip is the top layer: drawn over, never damage.
  s.tooltip = true;
  frame(s);
  frame(s);
  for (int i = 0; i < 3; ++i) {
    s.mouse.x -= 30;
    const FrameCache::Counts& c = frame(s);
    EXPECT_TRUE(c.damage.empty()) << "the tooltip moved";
    EXPECT_EQ(c.lists, 2) << "A and B below the tooltip";
  }

  s.fonts = 1;
  EXPECT_EQ(frame(s).damage, kWholeDamage) << "new fonts: every glyph may have moved";
}

}  // namespace
}  // namespace rfsim::render::gui
