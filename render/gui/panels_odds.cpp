// The "Odds from here" panel and its desk: the futures run on a background thread at a lower
// priority than the window's, and a fan chart per headline measure when they are done.
#include <imgui.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <exception>
#include <string>

#include "batch/odds_file.hpp"
#include "batch/pool.hpp"
#include "render/gui/branch_desk.hpp"
#include "render/gui/odds_desk.hpp"
#include "render/gui/panels.hpp"
#include "saves/snapshot.hpp"

namespace rfsim::render::gui {
namespace {

// The futures take only the CPU the window leaves: the window's thread and llvmpipe's (which
// draw a software-GL frame) keep their priority, the calling thread goes to nice 19, and the
// pool's threads inherit it (Linux keeps a nice value per thread). Relative to the window's
// own nice, so that a window started under `nice` is not beaten by its futures. Not
// SCHED_IDLE: under other load that starved the futures (bench/RESULTS.md, "Odds from here").
void yield_to_the_window() {
  const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
  errno = 0;
  const int now = ::getpriority(PRIO_PROCESS, tid);
  if (errno == 0) ::setpriority(PRIO_PROCESS, tid, std::min(19, now + 19));
}

}  // namespace

OddsDesk::~OddsDesk() {
  cancel();
}

void OddsDesk::start(const Session& game, const batch::OddsRequest& request) {
  follow_game(game);
  if (running()) return;
  if (worker_.joinable()) worker_.join();
  auto job = std::make_shared<Job>();
  job->game = game.game();
  job->total = request.futures;
  job->started = std::chrono::steady_clock::now();
  job_ = job;
  const sim::Simulation& run = game.run();
  worker_ = std::jthread([job, request, scenario = run.scenario(), &theatre = run.theatre(),
                          from = saves::take_snapshot(run)](std::stop_token stop) {
    yield_to_the_window();
    std::optional<batch::Odds> odds;
    std::string error;
    bool cancelled = false;
    try {
      odds = batch::run_odds(scenario, theatre, from, request, stop,
                             [&](std::size_t done) { job->done = done; });
    } catch (const batch::Cancelled&) {
      cancelled = true;
    } catch (const std::exception& e) {
      error = e.what();
    }
    const std::lock_guard lock(job->mutex);
    job->result = std::move(odds);
    job->error = std::move(error);
    job->cancelled = cancelled;
    job->finished = true;
  });
}

void OddsDesk::cancel() {
  if (worker_.joinable()) {
    worker_.request_stop();
    worker_.join();
  }
}

void OddsDesk::wait() {
  if (worker_.joinable()) worker_.join();
}

void OddsDesk::follow_game(const Session& game) {
  if (game.game() == game_) return;
  cancel();
  job_.reset();
  kept_.clear();
  shown = 0;
  game_ = game.game();
}

std::pair<std::size_t, std::size_t> OddsDesk::progress() const {
  if (!job_) return {0, 0};
  return {job_->done.load(), job_->total};
}

std::optional<std::string> OddsDesk::poll(const Session& game) {
  if (!job_ || !job_->finished) return std::nullopt;
  const std::shared_ptr<Job> job = std::exchange(job_, nullptr);
  // Another game's odds: the moment they were asked at may exist in this game too, with
  // another past, so neither the panel nor this game's odds file may get them.
  if (job->game != game.game()) return std::nullopt;
  const std::string& save = game.file();
  const std::lock_guard lock(job->mutex);
  if (job->cancelled) return "Odds cancelled.";
  if (!job->result) return "Odds failed: " + job->error;
  const batch::Odds& o = *job->result;
  kept_.push_back(o);
  shown = kept_.size() - 1;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - job->started).count();
  char took[64];
  std::snprintf(took, sizeof took, " in %.1f s", seconds);
  std::string note = "Odds from " + sim::format_clock(o.at) + ": " + std::to_string(o.futures) +
                     " futures of " + std::to_string(o.days) + " days" + took;
  if (save.empty()) return note + " (the game has no file: save it to keep the odds with it)";
  try {
    return note + ", kept in " + batch::keep_odds(save, o).string();
  } catch (const std::exception& e) {
    return note + "; not written: " + e.what();
  }
}

namespace {

constexpr ImU32 kBand90 = IM_COL32(90, 150, 220, 70);
constexpr ImU32 kBand50 = IM_COL32(90, 150, 220, 150);
constexpr ImU32 kMedian = IM_COL32(240, 240, 240, 255);
constexpr ImU32 kFrame = IM_COL32(110, 120, 135, 255);

// A fan: the 90% band, the 50% band over it, the median as a line; days along x from the
// moment asked at, the measure's range up y with its ends labelled.
void fan_chart(UiState& ui, const batch::Fan& fan) {
  ImGui::TextUnformatted(fan.title.c_str());
  const float w = ImGui::GetContentRegionAvail().x;
  const float h = ImGui::GetTextLineHeight() * 3.8f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(("fan_" + fan.name).c_str(), ImVec2(w, h));
  mark_control(ui, "odds/fan/" + fan.name);
  // The fan's own range, a little padded, so that its spread shows (violations run at hundreds
  // a day and differ by tens); a flat fan gets a range of 1 around it.
  double lo = fan.days.empty() ? 0 : fan.days[0].p5, hi = lo;
  for (const batch::Band& b : fan.days) {
    lo = std::min(lo, b.p5);
    hi = std::max(hi, b.p95);
  }
  const double pad = hi - lo < 1e-9 ? 0.5 : 0.08 * (hi - lo);
  lo -= pad;
  hi += pad;
  const float label_w = ImGui::CalcTextSize("-0000.0").x;
  const float x0 = at.x + label_w, x1 = at.x + w - 4, y0 = at.y + 2, y1 = at.y + h - 2;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRect(ImVec2(x0, y0), ImVec2(x1, y1), kFrame);
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", hi);
  dl->AddText(ImVec2(at.x, y0), kFrame, text);
  std::snprintf(text, sizeof text, "%.1f", lo);
  dl->AddText(ImVec2(at.x, y1 - ImGui::GetTextLineHeight()), kFrame, text);
  const std::size_t n = fan.days.size();
  auto x = [&](std::size_t d) {
    return n == 1 ? (x0 + x1) / 2
                  : x0 + (x1 - x0) * static_cast<float>(d) / static_cast<float>(n - 1);
  };
  auto y = [&](double v) { return y1 - (y1 - y0) * static_cast<float>((v - lo) / (hi - lo)); };
  const ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  dl->AddText(ImVec2(x0 + 3, y1 - ImGui::GetTextLineHeight()), faint, "day 1");
  const std::string last = "day " + std::to_string(fan.days.size());
  dl->AddText(ImVec2(x1 - ImGui::CalcTextSize(last.c_str()).x - 3, y1 - ImGui::GetTextLineHeight()),
              faint, last.c_str());
  if (n == 1) {
    const batch::Band& b = fan.days[0];
    const float cx = x(0);
    dl->AddRectFilled(ImVec2(cx - 6, y(b.p95)), ImVec2(cx + 6, y(b.p5)), kBand90);
    dl->AddRectFilled(ImVec2(cx - 6, y(b.p75)), ImVec2(cx + 6, y(b.p25)), kBand50);
    dl->AddLine(ImVec2(cx - 8, y(b.p50)), ImVec2(cx + 8, y(b.p50)), kMedian, 2);
  }
  for (std::size_t d = 0; d + 1 < n; ++d) {
    const batch::Band& a = fan.days[d];
    const batch::Band& b = fan.days[d + 1];
    // Trapezoids with vertical sides: convex, so ImGui fills them as they are.
    dl->AddQuadFilled(ImVec2(x(d), y(a.p95)), ImVec2(x(d + 1), y(b.p95)), ImVec2(x(d + 1), y(b.p5)),
                      ImVec2(x(d), y(a.p5)), kBand90);
    dl->AddQuadFilled(ImVec2(x(d), y(a.p75)), ImVec2(x(d + 1), y(b.p75)),
                      ImVec2(x(d + 1), y(b.p25)), ImVec2(x(d), y(a.p25)), kBand50);
    dl->AddLine(ImVec2(x(d), y(a.p50)), ImVec2(x(d + 1), y(b.p50)), kMedian, 2);
  }
  if (ImGui::IsItemHovered() && n > 0) {
    const float mx = ImGui::GetIO().MousePos.x;
    const auto d = static_cast<std::size_t>(
        std::clamp(n == 1 ? 0.0f : (mx - x0) / (x1 - x0) * static_cast<float>(n - 1) + 0.5f, 0.0f,
                   static_cast<float>(n - 1)));
    const batch::Band& b = fan.days[d];
    ImGui::SetTooltip("day %zu: median %.2f, 50%% %.2f to %.2f, 90%% %.2f to %.2f", d + 1, b.p50,
                      b.p25, b.p75, b.p5, b.p95);
  }
}

}  // namespace

void follow_game(const Session& session, UiState& ui) {
  if (ui.odds) ui.odds->follow_game(session);
  if (ui.branches && ui.branches->follow_game(session)) {
    ui.compared.clear();  // the last frame's rows, which tests and scripts read
    ui.branch_rows.clear();
  }
}

bool odds_running(const UiState& ui) {
  return ui.odds && ui.odds->running();
}

void panel_odds(const Session& session, UiState& ui, const Layout& at) {
  if (!ui.odds) ui.odds = std::make_shared<OddsDesk>();
  OddsDesk& desk = *ui.odds;
  if (const auto note = desk.poll(session)) ui.status = *note;

  // Folded, a bar under the Saves bar at the map's left edge, no wider than the map (wider, it
  // lay over the Run panel at 1280x720); the Branches bar comes under it (map_bar_top).
  const float w = std::min(520 * ui.ui_scale, at.width - at.left_w - at.right_w - 16);
  ImGui::SetNextWindowPos(ImVec2(at.left_w + 8, map_bar_top(1)), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
  if (ui.want_odds) {
    ImGui::SetNextWindowCollapsed(false, ImGuiCond_Always);
    ImGui::SetNextWindowFocus();
    // The Branches bar lies under this panel's content: folded, it covers none of it.
    ImGui::SetWindowCollapsed("Branches", true, ImGuiCond_Always);
    ui.want_odds = false;
  }
  // As tall as its content, up to the map's height; beyond that it scrolls.
  ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, at.height - at.bottom_h));
  if (!ImGui::Begin("Odds from here", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
  ImGui::TextDisabled("Futures from %s, doctrine deciding:",
                      sim::format_clock(session.now()).c_str());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  ImGui::InputInt("futures", &desk.futures, 50, 100);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  ImGui::InputInt("days", &desk.days, 5, 10);
  desk.futures = std::clamp(desk.futures, 1, 5000);
  desk.days = std::clamp(desk.days, 1, 365);
  if (desk.running()) {
    const auto [done, total] = desk.progress();
    char overlay[48];
    std::snprintf(overlay, sizeof overlay, "%zu / %zu futures", done, total);
    ImGui::ProgressBar(total > 0 ? static_cast<float>(done) / static_cast<float>(total) : 0,
                       ImVec2(-ImGui::GetFontSize() * 6, 0), overlay);
    ImGui::SameLine();
    if (named_button(ui, "odds/cancel", "Cancel")) desk.cancel();
  } else if (named_button(ui, "odds/run", "Odds from here")) {
    batch::OddsRequest r;
    r.futures = static_cast<std::uint32_t>(desk.futures);
    r.days = desk.days;
    desk.start(session, r);
    ui.status = "Odds from " + sim::format_clock(session.now()) + ": running " +
                std::to_string(r.futures) + " futures";
  }
  if (desk.kept().empty()) {
    ImGui::TextDisabled("No odds asked yet.");
    ImGui::End();
    return;
  }
  ImGui::Separator();
  if (desk.kept().size() > 1) {
    const std::string preview = "asked at " + sim::format_clock(desk.kept()[desk.shown].at);
    if (ImGui::BeginCombo("##asked", preview.c_str())) {
      for (std::size_t i = 0; i < desk.kept().size(); ++i) {
        const std::string label =
            "asked at " + sim::format_clock(desk.kept()[i].at) + "##" + std::to_string(i);
        if (ImGui::Selectable(label.c_str(), i == desk.shown)) desk.shown = i;
      }
      ImGui::EndCombo();
    }
  }
  const batch::Odds& o = desk.kept()[std::min(desk.shown, desk.kept().size() - 1)];
  ImGui::Text("From %s: %u futures of %d days", sim::format_clock(o.at).c_str(), o.futures, o.days);
  const batch::BreakOdds& b = o.ceasefire_break;
  if (b.applies) {
    ImGui::Text("Ceasefire breaks within %d days: %.0f%%  (95%% CI %.0f-%.0f%%, %u of %u)", o.days,
                100 * b.p, 100 * b.ci_low, 100 * b.ci_high, b.breaks, b.futures);
  } else {
    ImGui::TextDisabled("No ceasefire in force at this moment: no odds of a break.");
  }
  ImGui::TextDisabled("white: the median; bands: half and nine in ten of the futures");
  for (const batch::Fan& f : o.fans) fan_chart(ui, f);
  ImGui::End();
}

}  // namespace rfsim::render::gui
