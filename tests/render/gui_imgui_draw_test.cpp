// Our ImGui renderer (render/gui/imgui_draw.cpp) against ImGui's own OpenGL2 backend, by pixels.
#include "render/gui/imgui_draw.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Window/Event.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "render/gui/gui_app.hpp"
#include "render_fixture.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::render::gui {
namespace {

using namespace rfsim::render::testing;

constexpr unsigned kBenchW = 1600, kBenchH = 1000;  // the benchmark's size (issue 5)

struct Frame {
  sf::Image image;
  int draw_calls = 0;  // ours only; the stock backend makes one per draw command
  int commands = 0;    // draw commands in the frame's ImGui draw data
};

// The default scenario 30 h in, a unit inspected and the mouse over the map (a tooltip, whose
// background is translucent), drawn by one renderer or the other.
Frame frame_with(bool stock) {
  sf::RenderTexture target;
  EXPECT_TRUE(target.create(kBenchW, kBenchH));
  EXPECT_TRUE(target.setActive(true));
  GuiOptions opt;
  opt.stock_imgui_renderer = stock;
  GuiApp app(theatre(),
             sim::load_scenario(std::string(RFSIM_ASSETS_DIR) + "/scenarios/partial-ceasefire.toml",
                                theatre()),
             opt);
  app.session().jump_to(sim::SimTime::start() + sim::Duration::hours(30));
  app.ui().selected.unit = 0;
  sf::Event move{};
  move.type = sf::Event::MouseMoved;
  move.mouseMove = {static_cast<int>(kBenchW / 2), static_cast<int>(kBenchH / 3)};
  app.handle(move);
  // Three frames: ImGui sizes windows and tooltips over the first ones, and the map's texture
  // reaches this context a frame late under llvmpipe (see gui_map_view_test.cpp).
  for (int i = 0; i < 3; ++i) {
    app.frame(target, {kBenchW, kBenchH}, 1.0 / 60);
    target.display();
  }
  Frame f{target.getTexture().copyToImage(), app.imgui_draw_calls(), 0};
  const ImDrawData& data = *ImGui::GetDrawData();  // still the app's context and last frame
  for (int n = 0; n < data.CmdListsCount; ++n) f.commands += data.CmdLists[n]->CmdBuffer.Size;
  return f;
}

TEST(GuiImGuiDraw, SamePixelsAsTheStockBackend) {
  const Frame stock = frame_with(true);
  const Frame ours = frame_with(false);
  ASSERT_EQ(stock.image.getSize(), ours.image.getSize());
  int differing = 0, worst = 0;
  for (unsigned y = 0; y < kBenchH; ++y) {
    for (unsigned x = 0; x < kBenchW; ++x) {
      const sf::Color a = stock.image.getPixel(x, y), b = ours.image.getPixel(x, y);
      const int d = std::max(
          {std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b), std::abs(a.a - b.a)});
      differing += d > 0;
      worst = std::max(worst, d);
    }
  }
  std::printf(
      "ImGui draw commands %d, our glDrawElements calls %d; %d pixels differ, by %d at most\n",
      stock.commands, ours.draw_calls, differing, worst);
  if (differing > 0) {  // left for a look
    const auto dir = std::filesystem::temp_directory_path();
    stock.image.saveToFile((dir / "rfsim-imgui-stock.png").string());
    ours.image.saveToFile((dir / "rfsim-imgui-ours.png").string());
  }
  EXPECT_EQ(differing, 0);
  // Small runs join their neighbours: 66 calls for 16 commands when written, 217 unjoined.
  EXPECT_GT(ours.draw_calls, 0);
  EXPECT_LE(ours.draw_calls, 5 * stock.commands);
}

}  // namespace
}  // namespace rfsim::render::gui
