// The map's title bar in the window at 1280 x 720 (issue 14's "a layout that fits"): the title
// is not cut at the map's right edge, whoever's picture it is.
#include <gtest/gtest.h>
#include <SFML/Graphics/RenderTexture.hpp>

#include <algorithm>
#include <string>

#include "gui_fixture.hpp"
#include "render/gui/map_view.hpp"
#include "render/gui/panels.hpp"
#include "render_fixture.hpp"

namespace rfsim::render::gui {
namespace {

// The rightmost column of the title's white type in the map's title bar, in map pixels; -1 for
// none.
int title_right_edge(const sf::Image& image, const sf::FloatRect& area) {
  int right = -1;
  const auto x0 = static_cast<unsigned>(area.left), w = static_cast<unsigned>(area.width);
  for (unsigned y = 4; y < 32; ++y) {  // the bar is 36 pixels high
    for (unsigned x = 0; x < w; ++x) {
      const sf::Color c = image.getPixel(x0 + x, static_cast<unsigned>(area.top) + y);
      if (c.r > 225 && c.g > 225 && c.b > 225) right = std::max(right, static_cast<int>(x));
    }
  }
  return right;
}

TEST(GuiMapTitle, TheTitleFitsTheMapAt1280x720) {
  constexpr unsigned kTitleW = 1280, kTitleH = 720;
  sf::RenderTexture target;
  ASSERT_TRUE(target.create(kTitleW, kTitleH));
  // The window's map area at that size and the scale the window picks for it (720 / 900: 1).
  const Layout l = layout_for(kTitleW, kTitleH, 1.0f);
  MapView view(render::testing::theatre());
  view.set_area({l.left_w, 0}, {l.width - l.left_w - l.right_w, l.height - l.bottom_h});
  view.set_compact_legend(true);
  Session session(render::testing::partial_ceasefire(), render::testing::theatre());
  session.jump_to(sim::SimTime::start() + sim::Duration::hours(30));  // violations counted
  const sf::FloatRect area = view.area();
  ASSERT_LT(area.width, 700) << "the map is no longer narrow at 1280 x 720: the test shows nothing";
  for (const play::Cell cell : {play::Cell::White, play::Cell::Blue, play::Cell::Red}) {
    target.clear(kPanelBackground);
    view.draw(target, session, FillMode::Regime, false, {}, cell);
    target.display();
    const int right = title_right_edge(target.getTexture().copyToImage(), area);
    EXPECT_GT(right, 100) << "no title drawn for cell " << static_cast<int>(cell);
    // The title starts 14 pixels in; it must end as far from the right edge.
    EXPECT_LT(right, static_cast<int>(area.width) - 12)
        << "the title runs into the map's right edge (cell " << static_cast<int>(cell) << ")";
  }
}

}  // namespace
}  // namespace rfsim::render::gui
