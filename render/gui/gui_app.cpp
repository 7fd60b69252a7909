// Composes a frame: the model's slice, the layout, the panels, the map and the tooltip.
#include "render/gui/gui_app.hpp"

#include <imgui.h>
#include <imgui_impl_opengl2.h>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/OpenGL.hpp>
#include <SFML/Window/Event.hpp>

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "render/fonts.hpp"
#include "render/gui/hosting.hpp"
#include "render/gui/imgui_context.hpp"
#include "render/gui/imgui_draw.hpp"
#include "render/gui/imgui_sfml_bridge.hpp"

namespace rfsim::render::gui {

namespace {

// The state hash where asserts are on (the frame's read-only check), 0 where they are off.
std::uint64_t hash_if_checking([[maybe_unused]] const sim::Simulation& run) {
#ifdef NDEBUG
  return 0;
#else
  return run.state_hash();
#endif
}

// Frames drawn after the last input or change: ImGui needs two or three to settle hover
// states and a click's held-over release, and a modal dims the screen behind it over 0.17 s.
constexpr int kSettleFrames = 12;
}  // namespace

GuiApp::GuiApp(const map::Theatre& theatre, sim::Scenario scenario, const GuiOptions& options)
    : session_(std::move(scenario), theatre),
      map_(theatre),
      options_(options),
      imgui_(std::make_unique<ImGuiWindowContext>()),
      presenter_(std::make_unique<Presenter>()) {
  ui_.playing = options.play;
  ui_.cell = options.cell;
  ui_.observer = options.observer;
  ui_.presenter = options.presenter;
  ui_.speed = std::clamp(options.speed, 1.0f, 10000.0f);
  ui_.ui_scale_wanted = options.ui_scale;  // 0 until the first frame knows the window
  ui_.ui_scale = -1;
  if (!options.open_save.empty()) session_.open(options.open_save);
  if (!options.autosave_dir.empty()) {
    session_.enable_autosave(options.autosave_dir, options.autosave_every);
  }
  if (options.host) {
    // A hosted save goes on from where it ends, as `rfsim host --headless` does.
    if (!options.open_save.empty()) session_.jump_to(session_.recording().end());
    ui_.playing = !options.host->paused;
    ui_.speed = static_cast<float>(std::clamp(options.host->speed, 1.0, 10000.0));
    hosting_ = std::make_unique<Hosting>(session_, ui_, *options.host, std::cout);
    ui_.host = &hosting_->host;
    std::cout << play::join_banner(hosting_->host)
              << (options.host_save.empty() ? std::string()
                                            : "the game is saved to " + options.host_save.string() +
                                                  " on closing the window (Ctrl-C)\n")
              << std::flush;
  }
  shown_ = shown();
  touch();
}

GuiApp::~GuiApp() {
  if (hosting_) hosting_->host.farewell(std::chrono::milliseconds(500));
}

play::Host* GuiApp::host() {
  return hosting_ ? &hosting_->host : nullptr;
}

std::string GuiApp::stop_hosting() {
  if (!hosting_) return {};
  session_.hold();
  std::string said;
  if (!options_.host_save.empty()) {
    try {
      session_.save_to(options_.host_save);
    } catch (const std::exception& e) {
      ui_.status = std::string("Could not save the hosted game: ") + e.what();
      touch();
      return ui_.status;
    }
    said = "saved the game at " + sim::format_clock(session_.now()) + " (" +
           std::to_string(session_.recording().commands().size()) + " commands) to " +
           options_.host_save.string();
  }
  hosting_->host.farewell(std::chrono::seconds(1));
  hosting_.reset();
  ui_.host = nullptr;
  if (said.empty()) said = "stopped hosting; the seats were told the game is closed";
  std::cout << said << std::endl;
  ui_.status = said;
  touch();
  return said;
}

Layout GuiApp::layout(sf::Vector2u size) const {
  return layout_for(static_cast<float>(size.x), static_cast<float>(size.y), ui_.ui_scale);
}

Layout layout_for(float w, float h, float s) {
  Layout l{};
  l.width = w;
  l.height = h;
  l.left_w = std::min(std::max(300 * s, 0.2f * w), 0.3f * w);
  l.right_w = std::min(std::max(330 * s, 0.22f * w), 0.32f * w);
  l.bottom_h = std::min(std::max(240 * s, 0.27f * h), 0.42f * h);
  return l;
}

void apply_imgui_scale(float scale, unsigned presenter_height, ImFont*& big, ImFont*& medium) {
  // A font rasterised at the size it is shown reads better on a projector than a scaled one.
  ImGuiIO& io = ImGui::GetIO();
  ImGui_ImplOpenGL2_DestroyFontsTexture();
  io.Fonts->Clear();
  // Glyphs one texel per pixel on whole pixels, so the atlas is sampled nearest: bilinear
  // filtering is a software GL's slow path (about 5 ms of CPU a 1600 x 1000 frame in llvmpipe).
  ImFontConfig cfg;
  cfg.OversampleH = 1;
  cfg.PixelSnapH = true;
  io.Fonts->AddFontFromFileTTF(find_font(FontFace::Regular).string().c_str(),
                               std::round(16 * scale), &cfg);
  // The presenter's large type, rasterised at its size too (presenter_fonts()).
  const PresenterType type = presenter_type(presenter_height == 0 ? 720 : presenter_height);
  big = io.Fonts->AddFontFromFileTTF(find_font(FontFace::Bold).string().c_str(), type.big, &cfg);
  medium = io.Fonts->AddFontFromFileTTF(find_font(FontFace::Regular).string().c_str(), type.medium,
                                        &cfg);
  ImGui_ImplOpenGL2_CreateFontsTexture();
  GLint bound = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
  glBindTexture(GL_TEXTURE_2D,
                static_cast<GLuint>(reinterpret_cast<std::intptr_t>(io.Fonts->TexID)));
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
  ImGuiStyle style;
  ImGui::StyleColorsDark(&style);
  style.WindowRounding = 0;
  style.FrameRounding = 3;
  style.WindowBorderSize = 0;
  style.WindowPadding = ImVec2(10, 8);
  style.ItemSpacing = ImVec2(8, 6);
  style.Colors[ImGuiCol_WindowBg] = ImVec4(kPanelBackground.r / 255.0f, kPanelBackground.g / 255.0f,
                                           kPanelBackground.b / 255.0f, 1);
  style.Colors[ImGuiCol_TitleBg] = style.Colors[ImGuiCol_TitleBgActive] =
      ImVec4(0.16f, 0.24f, 0.33f, 1);
  style.Colors[ImGuiCol_Header] = ImVec4(0.20f, 0.30f, 0.42f, 1);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

void GuiApp::apply_scale(float scale) {
  apply_imgui_scale(scale, presenter_height_, presenter_big_, presenter_medium_);
  ++fonts_;
  ui_.ui_scale = ui_.ui_scale_wanted = scale;
}

void GuiApp::presenter_fonts(sf::Vector2u size) {
  if (presenter_height_ == size.y) return;
  presenter_height_ = size.y;
  apply_scale(ui_.ui_scale);
}

void GuiApp::key(const sf::Event& e) {
  using K = sf::Keyboard;
  // The "Unsaved game" question has the keyboard; a screenshot of it is harmless.
  if (ui_.leaving && e.key.code != K::F12) return;
  switch (e.key.code) {
    case K::Space:
      ui_.playing = !ui_.playing;
      if (!ui_.playing) session_.hold();
      break;
    case K::BackSpace:
      ui_.playing = false;
      session_.hold();
      session_.step_back();
      break;
    case K::N:
    case K::Right:
      ui_.playing = false;
      session_.hold();
      session_.step_event();
      break;
    case K::Add:
    case K::Equal:
      ui_.speed = std::min(10000.0f, ui_.speed * 2);
      break;
    case K::Subtract:
    case K::Hyphen:
      ui_.speed = std::max(1.0f, ui_.speed / 2);
      break;
    case K::Num1:
      ui_.fill = FillMode::Regime;
      break;
    case K::Num2:
      ui_.fill = FillMode::Control;
      break;
    case K::Num3:
      ui_.fill = FillMode::Escalation;
      break;
    case K::C:
      ui_.coverage = !ui_.coverage;
      break;
    case K::A:
      map_.set_flank_layer(!map_.flank_layer());
      break;
    case K::L:
      ui_.full_legend = !ui_.full_legend;
      break;
    case K::F:
      ui_.want_fit = true;
      break;
    case K::Escape:
      ui_.selected = {};
      ui_.note.picking = false;
      break;
    case K::B:
      ui_.show_notes = !ui_.show_notes;
      break;
    case K::F5:
      ui_.presenter = !ui_.presenter;
      ui_.want_fit = true;
      break;
    case K::F12:
      ui_.want_screenshot = true;
      break;
    case K::O:
      ui_.want_odds = true;
      break;
    case K::T:
      ui_.want_branches = true;  // the branch Tree (B is the notes)
      break;
    case K::E:
      ui_.show_orbat = !ui_.show_orbat;  // the ORBAT and scenario Editor
      break;
    case K::Q:
      if (e.key.control) request_quit();
      break;
    default:
      break;
  }
}

void GuiApp::request_quit() {
  // Hosting: leaving saves the game and says goodbye to the seats, as Ctrl-C does headless;
  // a save that fails keeps the host up and asks like any unsaved game.
  if (hosting_) stop_hosting();
  if (!hosting_ && !options_.host_save.empty()) {
    ui_.want_quit = true;
    return;
  }
  if (!session_.unsaved()) {
    ui_.want_quit = true;
    return;
  }
  ui_.playing = false;  // the game waits for the answer, and the answer is about this moment
  session_.hold();
  ui_.presenter = false;  // the question is a panel
  if (!ui_.leaving) ui_.leaving = Leaving{Leaving::Kind::Quit, {}, {}};
  touch();
}

bool GuiApp::click(const std::string& control) {
  const std::vector<sf::Event> events = click_on(ui_, control);
  for (const sf::Event& e : events) handle(e);
  return !events.empty();
}

void GuiApp::touch() {
  settle_ = kSettleFrames;
}

bool GuiApp::wants_frame() const {
  return ui_.playing || settle_ > 0 || map_.painter().standing_in() || ui_.want_screenshot ||
         (odds_running(ui_) &&
          std::chrono::steady_clock::now() - odds_drawn_ >= std::chrono::milliseconds(100));
}

GuiApp::Shown GuiApp::shown() const {
  const saves::Autosaver* a = session_.autosaver();
  return {session_.now(),
          session_.recording().end(),
          session_.recording().commands().size(),
          session_.log().size(),
          session_.log_generation(),
          ui_.status,
          a != nullptr && a->failure() ? a->failure()->attempts : 0,
          session_.unsaved(),
          hosting_ ? hosting_->host.counters().events : 0};
}

void GuiApp::watch() {
  Shown now = shown();
  if (now == shown_) return;
  shown_ = std::move(now);
  touch();
}

bool GuiApp::pass(sf::RenderTarget& target, sf::Vector2u size, double dt) {
  if (const auto written = session_.tick_autosave()) {
    ui_.status = "autosaved " + written->string();
  } else if (const saves::Autosaver* a = session_.autosaver(); a && a->failure()) {
    const int attempts = a->failure()->attempts;
    if (attempts != shown_.autosave_failures)
      ui_.status = "Autosave failed: " + a->failure()->reason;
  }
  if (size != size_) touch();
  if (hosting_) hosting_->host.poll(std::chrono::milliseconds(0));
  watch();
  if (!wants_frame()) return false;
  frame(target, size, dt);
  return true;
}

void GuiApp::run_actions() {
  // Run after the panels are drawn: see Action (panels.hpp).
  std::vector<Action> actions = std::exchange(ui_.actions, {});
  if (!actions.empty()) touch();  // the panels drawn this frame show the state before them
  for (Action& a : actions) {
    try {
      a(session_, ui_);
    } catch (const std::exception& e) {  // a game must outlive a failed command
      ui_.status = std::string("failed: ") + e.what();
    }
  }
}

void GuiApp::handle(const sf::Event& e) {
  imgui_->make_current();
  ImGuiIO& io = ImGui::GetIO();
  touch();
  if (e.type == sf::Event::Closed) {
    request_quit();
    return;
  }
  imgui_->input().event(e);
  if (e.type == sf::Event::KeyPressed) {
    if (!io.WantTextInput) key(e);
    return;
  }
  // Whether ImGui wants the mouse is known only once its next frame has seen where the mouse
  // is: a move onto the map and a click in the same frame would otherwise go to the panel it
  // left. So the map's mouse events wait for the frame (map_input()).
  map_events_.push_back(e);
}

void GuiApp::map_input() {
  const ImGuiIO& io = ImGui::GetIO();
  for (const sf::Event& e : map_events_) {
    const bool mouse = e.type == sf::Event::MouseButtonPressed || e.type == sf::Event::MouseMoved ||
                       e.type == sf::Event::MouseWheelScrolled;
    if (mouse && io.WantCaptureMouse) {
      if (e.type != sf::Event::MouseMoved) map_.cancel_drag();
      continue;
    }
    if (std::optional<Pick> p = map_.handle(e)) {
      if (e.type == sf::Event::MouseButtonReleased && orbat_pick(session_, ui_, *p)) {
        // The editor was placing a unit: this click gives its region, and selects nothing.
      } else if (ui_.note.picking && e.type == sf::Event::MouseButtonReleased) {
        // The notes form asked for a point: this click gives it, and selects nothing.
        ui_.note.point = map_.to_lonlat(
            {static_cast<float>(e.mouseButton.x), static_cast<float>(e.mouseButton.y)});
        ui_.note.picking = false;
      } else {
        ui_.selected = *p;
      }
    }
  }
  map_events_.clear();
}

void GuiApp::tooltip() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantCaptureMouse) return;
  const std::vector<std::string> lines = tooltip_lines({io.MousePos.x, io.MousePos.y});
  if (lines.empty()) return;
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(lines.front().c_str());
  for (std::size_t i = 1; i < lines.size(); ++i) ImGui::TextDisabled("%s", lines[i].c_str());
  ImGui::EndTooltip();
}

std::vector<std::string> GuiApp::tooltip_lines(sf::Vector2f mouse) const {
  if (!map_.area().contains(mouse)) return {};
  const Pick p = map_.pick(mouse);
  const sim::Simulation& run = session_.run();
  if (p.violation) {
    std::vector<std::string> lines = violation_summary(session_, *p.violation);
    const std::size_t more = map_.violations_at(mouse).size();
    if (more > 1) lines.insert(lines.end() - 1, std::to_string(more - 1) + " more here");
    return lines;
  }
  if (p.unit) {
    const sim::Unit& u = run.world().units[*p.unit];
    const sim::UnitSpec& spec = run.scenario().units[u.spec];
    return {spec.id + "  (" + run.scenario().nations[spec.nation].name + ")",
            std::string(sim::to_string(spec.type)) + ", " + std::to_string(spec.strength) +
                ", at " + run.theatre().region(u.at).name,
            "click to inspect"};
  }
  if (const MapPainter::DrawnAggregate* a = map_.aggregate_at(mouse)) {
    std::vector<std::string> lines = aggregate_summary(run, a->ids);
    if (p.region) lines.push_back("click to inspect " + run.theatre().region(*p.region).name);
    return lines;
  }
  if (p.region) {
    int recent = 0;
    for (auto it = session_.flares().rbegin();
         it != session_.flares().rend() && it->at > run.now() - sim::Duration::hours(24); ++it) {
      recent += it->region == *p.region && cell_sees(ui_.cell, *it);
    }
    return {run.theatre().region(*p.region).name,
            std::to_string(recent) + " violations in the last 24 h"};
  }
  return {};
}

void GuiApp::frame(sf::RenderTarget& target, sf::Vector2u size, double dt) {
  imgui_->make_current();
  if (size != size_ && ui_.ui_scale < 0 && options_.ui_scale <= 0) {
    ui_.ui_scale_wanted = std::clamp(static_cast<float>(size.y) / 900.0f, 1.0f, 2.0f);
  }
  size_ = size;
  // The seats' orders come in through the same door as the panels' (run_actions below).
  if (hosting_) hosting_->host.poll(std::chrono::milliseconds(0));
  if (ui_.ui_scale_wanted > 0 && std::abs(ui_.ui_scale_wanted - ui_.ui_scale) > 0.01f &&
      (ui_.ui_scale < 0 || !ImGui::IsMouseDown(ImGuiMouseButton_Left))) {  // not mid-drag
    apply_scale(ui_.ui_scale_wanted);
  }

  // The model's slice, bounded, so the frame keeps its rate at any speed.
  if (ui_.playing) {
    const sim::SimTime before = session_.now();
    session_.advance(dt, ui_.speed, options_.sim_budget);
    const double achieved =
        static_cast<double>((session_.now() - before).count_ms()) / 1000.0 / std::max(dt, 1e-3);
    ui_.sim_speed = 0.9 * ui_.sim_speed + 0.1 * achieved;
    if (session_.run().awaiting_decision() && answer_paced(session_, ui_)) {
      ui_.playing = false;
      ui_.status = "A decision is waiting: choose an option in the Run panel.";
    } else if (session_.now() >= session_.end()) {
      ui_.playing = false;
      ui_.status = "End of the scenario: time for the hot wash.";
    }
  } else {
    ui_.sim_speed = 0;
  }

  const Layout l = layout(size);
  if (ui_.presenter) {
    presenter_fonts(size);
    map_.set_area({0, 0}, {l.width, l.height});  // the projector's map: the whole window
  } else {
    map_.set_area({l.left_w, 0}, {l.width - l.left_w - l.right_w, l.height - l.bottom_h});
  }
  if (ui_.want_fit) {
    map_.fit();
    ui_.want_fit = false;
  }
  if (ui_.centre_on) {
    map_.centre_on(*ui_.centre_on);
    ui_.centre_on.reset();
  }

  follow_game(session_, ui_);  // a game opened since the last frame: not the last game's odds
  imgui_->input().frame(size, static_cast<float>(dt));
  ImGui_ImplOpenGL2_NewFrame();
  ImGui::NewFrame();
  map_input();
  ui_.controls.clear();
  ui_.control_clips.clear();
  // Drawing only reads the game; answers and injects wait in ui_.actions for run_actions().
  // Debug builds (and the asan preset's test runs) check it: a panel or the map that changed
  // the state would make a seat, a replay or a save disagree with what the room saw.
  [[maybe_unused]] const std::uint64_t before_panels = hash_if_checking(session_.run());
  if (ui_.presenter) {
    // No panels, no tooltip: the map and large type on ImGui's foreground (presenter.cpp).
    presenter_->overlay(session_, ui_, size, presenter_big_, presenter_medium_);
  } else {
    panel_run(session_, ui_, l);
    panel_log(session_, ui_, l);
    panel_inspector(session_, ui_, l);
    panel_measures(session_, l, ui_.cell);
    panel_saves(session_, ui_, l);
    panel_notes(session_, ui_, l);
    panel_odds(session_, ui_, l);
    panel_branches(session_, ui_, l);
    panel_orbat(session_, ui_, l);
    if (hosting_) panel_seats(hosting_->host, ui_, l);
    // The question last: ImGui 1.86 asserts when a window first shows (the map's tooltip)
    // after a modal in the same frame, and no tooltip while it is up.
    if (!ui_.leaving) tooltip();
  }
  panel_unsaved(session_, ui_);
  ImGui::Render();
  assert(hash_if_checking(session_.run()) == before_panels && "a panel changed the game");
  // The panels' changes to the game, now that nothing is drawing from it; the map below
  // shows their result, the panels from the next frame on.
  run_actions();
  follow_game(session_, ui_);  // an action opened a game: the map below must not show B's
  [[maybe_unused]] const std::uint64_t before_map = hash_if_checking(session_.run());

  draw(target, size);
  assert(hash_if_checking(session_.run()) == before_map && "drawing the map changed the game");
  ++frames_drawn_;
  if (odds_running(ui_)) odds_drawn_ = std::chrono::steady_clock::now();
  if (settle_ > 0) --settle_;
  shown_ = shown();
}

namespace {

// Draws the lists of `part` onto `target` as the frame's last step does.
int draw_list_range(sf::RenderTarget& target, const ImDrawData& data, const ImGuiDrawPart& part) {
  target.setActive(true);
  target.pushGLStates();
  const int calls = draw_imgui(data, part);
  target.popGLStates();
  return calls;
}

// The map's area in window pixels, a pixel wider each side (its corner is rounded).
PixelRect map_area_pixels(const sf::FloatRect& a) {
  return {static_cast<int>(std::floor(a.left)) - 1, static_cast<int>(std::floor(a.top)) - 1,
          static_cast<int>(std::ceil(a.left + a.width)) + 1,
          static_cast<int>(std::ceil(a.top + a.height)) + 1};
}

// GL's scissor on a rectangle of `target`'s pixels (from the top), or off.
void scissor_to(sf::RenderTarget& target, const PixelRect* r) {
  if (!target.setActive(true)) return;
  if (r == nullptr) {
    glDisable(GL_SCISSOR_TEST);
    return;
  }
  glEnable(GL_SCISSOR_TEST);
  glScissor(r->x0, static_cast<GLint>(target.getSize().y) - r->y1, r->x1 - r->x0, r->y1 - r->y0);
}

}  // namespace

void GuiApp::draw(sf::RenderTarget& target, sf::Vector2u size) {
  target.setView(
      sf::View(sf::FloatRect(0, 0, static_cast<float>(size.x), static_cast<float>(size.y))));
  map_.set_compact_legend(!ui_.full_legend);
  map_.stage(map_session(session_, ui_), ui_.fill, ui_.coverage, ui_.selected, ui_.cell);
  const ImDrawData& data = *ImGui::GetDrawData();
  if (options_.stock_imgui_renderer) {
    frame_cache_.forget();
    target.clear(kPanelBackground);
    map_.draw_staged(target);
    target.setActive(true);
    target.pushGLStates();
    ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
    target.popGLStates();
    imgui_draw_calls_ = 0;
    return;
  }
  // Under a software GL most of a frame's CPU is rasterising pixels that are the same as the
  // last frame's (the mouse over the map moves its tooltip only; a future done moves the odds'
  // progress bar): the cache says what changed, and only that is drawn again.
  const bool map_changes = map_.staged_changes();
  FramePlan plan =
      frame_cache_.plan(data, {size, fonts_, map_area_pixels(map_.area()), map_changes});
  const PixelRect& damage = plan.damage;
  const PixelRect* within = nullptr;
  bool map_drawn = false;
  if (plan.mode == FrameMode::Copy) {
    if (frame_cache_.show(target)) {
      map_.keep_staged();
      map_drawn = true;
    } else {
      plan.mode = FrameMode::Straight;
    }
  } else if (plan.mode == FrameMode::Repair && !map_changes) {
    // The map is its kept picture, copied: under the damage's scissor like the rest.
    if (frame_cache_.show(target)) {
      scissor_to(target, &damage);
      target.clear(kPanelBackground);
      map_.draw_staged(target);
      scissor_to(target, nullptr);
      map_drawn = true;
      within = &damage;
    } else {
      plan.mode = FrameMode::Straight;
    }
  } else if (plan.mode == FrameMode::Repair) {
    // The map paints, partly into textures of its own that a scissor would cut: it is drawn
    // whole onto a cleared window, then the kept pixels go back around the damage (which
    // holds the map's area).
    target.clear(kPanelBackground);
    map_.draw_staged(target);
    map_drawn = true;
    if (frame_cache_.show(target, &damage)) {
      within = &damage;
    } else {
      plan.mode = FrameMode::Straight;
      plan.keep = false;
    }
  }
  if (!map_drawn) {
    target.clear(kPanelBackground);  // the fixed panels' background (kFixedPanel)
    map_.draw_staged(target);
  }
  imgui_draw_calls_ = 0;
  if (plan.mode != FrameMode::Copy) {
    imgui_draw_calls_ += draw_list_range(target, data, {0, plan.top, within});
    if (plan.mode == FrameMode::Repair) {
      frame_cache_.keep(target, damage);
    } else if (plan.keep) {
      frame_cache_.keep(target, {0, 0, static_cast<int>(size.x), static_cast<int>(size.y)});
    }
  }
  if (plan.top < data.CmdListsCount) {
    imgui_draw_calls_ += draw_list_range(target, data, {plan.top, -1, nullptr});
  }
}

}  // namespace rfsim::render::gui
