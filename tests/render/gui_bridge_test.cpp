// The SFML -> ImGuiIO bridge: events in, ImGui's input state out. Needs no display.
#include "render/gui/imgui_sfml_bridge.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <SFML/Window/Event.hpp>

#include <optional>

namespace rfsim::render::gui {
namespace {

class Bridge : public ::testing::Test {
 protected:
  void SetUp() override {
    ctx_ = ImGui::CreateContext();
    bridge_.emplace(ImGui::GetIO());
  }
  void TearDown() override { ImGui::DestroyContext(ctx_); }
  ImGuiIO& io() { return ImGui::GetIO(); }
  void bridge_event(ImGuiIO&, const sf::Event& e) { bridge_->event(e); }
  void bridge_frame(ImGuiIO&, sf::Vector2u size, float dt) { bridge_->frame(size, dt); }
  ImGuiContext* ctx_ = nullptr;
  std::optional<InputBridge> bridge_;
};

TEST_F(Bridge, MouseMoveAndButtons) {
  sf::Event e;
  e.type = sf::Event::MouseMoved;
  e.mouseMove = {120, 45};
  bridge_event(io(), e);
  EXPECT_FLOAT_EQ(io().MousePos.x, 120);
  EXPECT_FLOAT_EQ(io().MousePos.y, 45);
  e.type = sf::Event::MouseButtonPressed;
  e.mouseButton = {sf::Mouse::Right, 130, 50};
  bridge_event(io(), e);
  EXPECT_TRUE(io().MouseDown[1]);
  EXPECT_FLOAT_EQ(io().MousePos.x, 130);
  bridge_frame(io(), {800, 600}, 1.0f / 60);  // a frame sees it down
  e.type = sf::Event::MouseButtonReleased;
  bridge_event(io(), e);
  EXPECT_FALSE(io().MouseDown[1]);
}

TEST_F(Bridge, APressAndReleaseInOneFrameAreBothSeen) {
  // ImGui 1.86 polls MouseDown once a frame: a quick click between two frames must still
  // show as down for one frame and up in the next, or the button under it never fires.
  sf::Event e;
  e.type = sf::Event::MouseButtonPressed;
  e.mouseButton = {sf::Mouse::Left, 10, 10};
  bridge_event(io(), e);
  e.type = sf::Event::MouseButtonReleased;
  bridge_event(io(), e);
  e.type = sf::Event::KeyPressed;
  e.key = {sf::Keyboard::Enter, false, false, false, false};
  bridge_event(io(), e);
  e.type = sf::Event::KeyReleased;
  bridge_event(io(), e);
  bridge_frame(io(), {800, 600}, 1.0f / 60);
  EXPECT_TRUE(io().MouseDown[0]);
  EXPECT_TRUE(io().KeysDown[io().KeyMap[ImGuiKey_Enter]]);
  bridge_frame(io(), {800, 600}, 1.0f / 60);
  EXPECT_FALSE(io().MouseDown[0]);
  EXPECT_FALSE(io().KeysDown[io().KeyMap[ImGuiKey_Enter]]);
  // A held button is not let go by frames passing.
  e.type = sf::Event::MouseButtonPressed;
  e.mouseButton = {sf::Mouse::Left, 10, 10};
  bridge_event(io(), e);
  bridge_frame(io(), {800, 600}, 1.0f / 60);
  bridge_frame(io(), {800, 600}, 1.0f / 60);
  EXPECT_TRUE(io().MouseDown[0]);
}

TEST_F(Bridge, WheelAccumulatesUntilTheFrame) {
  sf::Event e;
  e.type = sf::Event::MouseWheelScrolled;
  e.mouseWheelScroll = {sf::Mouse::VerticalWheel, 1.0f, 10, 10};
  bridge_event(io(), e);
  bridge_event(io(), e);
  EXPECT_FLOAT_EQ(io().MouseWheel, 2.0f);
  e.mouseWheelScroll.wheel = sf::Mouse::HorizontalWheel;
  bridge_event(io(), e);
  EXPECT_FLOAT_EQ(io().MouseWheelH, 1.0f);
}

TEST_F(Bridge, KeysAndModifiers) {
  sf::Event e;
  e.type = sf::Event::KeyPressed;
  e.key = {sf::Keyboard::BackSpace, false, true, false, false};
  bridge_event(io(), e);
  EXPECT_TRUE(io().KeysDown[io().KeyMap[ImGuiKey_Backspace]]);
  EXPECT_TRUE(io().KeyCtrl);
  bridge_frame(io(), {800, 600}, 1.0f / 60);
  e.type = sf::Event::KeyReleased;
  e.key.control = false;
  bridge_event(io(), e);
  EXPECT_FALSE(io().KeysDown[io().KeyMap[ImGuiKey_Backspace]]);
  EXPECT_FALSE(io().KeyCtrl);
}

TEST_F(Bridge, TextGoesInControlCharactersDoNot) {
  sf::Event e;
  e.type = sf::Event::TextEntered;
  e.text.unicode = 'k';
  bridge_event(io(), e);
  e.text.unicode = 8;  // backspace comes as a key, not as text
  bridge_event(io(), e);
  ASSERT_EQ(io().InputQueueCharacters.Size, 1);
  EXPECT_EQ(io().InputQueueCharacters[0], 'k');
}

TEST_F(Bridge, LostFocusReleasesEverything) {
  sf::Event e;
  e.type = sf::Event::KeyPressed;
  e.key = {sf::Keyboard::A, false, false, true, false};
  bridge_event(io(), e);
  e.type = sf::Event::MouseButtonPressed;
  e.mouseButton = {sf::Mouse::Left, 1, 1};
  bridge_event(io(), e);
  e.type = sf::Event::LostFocus;
  bridge_event(io(), e);
  EXPECT_FALSE(io().KeysDown[sf::Keyboard::A]);
  EXPECT_FALSE(io().MouseDown[0]);
  EXPECT_FALSE(io().KeyShift);
}

TEST_F(Bridge, FrameSetsSizeAndNeverAZeroDelta) {
  bridge_frame(io(), {1280, 720}, 0);
  EXPECT_FLOAT_EQ(io().DisplaySize.x, 1280);
  EXPECT_FLOAT_EQ(io().DisplaySize.y, 720);
  EXPECT_GT(io().DeltaTime, 0);
}

}  // namespace
}  // namespace rfsim::render::gui
