// The presenter view's overlay: clock, headline measures and the last events in large type
// over the map, from the picture of the cell the projector follows.
#include "render/gui/presenter.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "play/picture.hpp"

namespace rfsim::render::gui {

namespace {

const ImU32 kInk = IM_COL32(245, 247, 250, 255);
const ImU32 kDim = IM_COL32(190, 200, 212, 255);
const ImU32 kBand = IM_COL32(16, 22, 30, 240);
const ImU32 kAlarm = IM_COL32(255, 120, 90, 255);

// Records worth reading out to a room; moves, returns, day ends and combat rounds are not.
bool headline_kind(sim::TraceKind k) {
  using K = sim::TraceKind;
  switch (k) {
    case K::Arrived:
    case K::Returned:
    case K::DayEnded:
    case K::Combat:
    case K::Engagement:
      return false;
    default:
      return true;
  }
}

std::string percent(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return "-";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", 100.0 * static_cast<double>(part) / whole);
  return buf;
}

std::string picture_title(play::Cell c) {
  switch (c) {
    case play::Cell::White:
      return "White's picture (the truth)";
    case play::Cell::Blue:
      return "Blue's picture";
    case play::Cell::Red:
      return "Red's picture";
  }
  return "";
}

struct Figure {
  std::string label, value;
  bool alarm = false;
};

// The headline measures a cell may see, all from its picture: White's are the truth's, Blue's
// and Red's their own (the projector may be in a cell's room).
std::vector<Figure> figures(const play::Picture& pic) {
  std::vector<Figure> out;
  std::int64_t open = 0;
  for (const play::ViolationView& v : pic.violations) open += v.answered == sim::SimTime::max();
  const play::PictureMeasures& m = pic.measures;
  if (pic.cell == play::Cell::White) {
    const bool broken = m.ceasefire_broken.value_or(false);
    out.push_back({"violations", std::to_string(m.violations)});
    out.push_back({"detected", percent(m.detected.value_or(0), m.violations)});
    out.push_back(
        {"answered in standard", percent(m.answered_in_standard.value_or(0), m.violations)});
    out.push_back({"ceasefire", broken ? "BROKEN" : "holding", broken});
  } else {
    out.push_back({pic.cell == play::Cell::Blue ? "violations reported" : "violations",
                   std::to_string(pic.violations_known)});
    out.push_back({"open now", std::to_string(open)});
    out.push_back({"regime", std::string(sim::to_string(pic.regime))});
    out.push_back({"US support", std::string(sim::to_string(pic.us_support))});
  }
  return out;
}

}  // namespace

PresenterType presenter_type(unsigned window_height) {
  const auto h = static_cast<float>(window_height);
  return {std::round(std::max(40.0f, h / 16)), std::round(std::max(24.0f, h / 28))};
}

void Presenter::follow_log(const Session& session, play::Cell cell) {
  if (generation_ != session.log_generation() || cell != view_.cell() ||
      scanned_ > session.log().size()) {
    view_ = play::LogView(cell);
    scanned_ = 0;
    last_.clear();
    generation_ = session.log_generation();
  }
  const std::vector<sim::TraceRecord>& log = session.log();
  for (; scanned_ < log.size(); ++scanned_) {
    const sim::TraceRecord& r = log[scanned_];
    if (!view_.admits(r) || !headline_kind(r.kind)) continue;
    last_.push_back(scanned_);
    if (last_.size() > kEvents) last_.pop_front();
  }
}

void Presenter::overlay(const Session& session, UiState& ui, sf::Vector2u size, ImFont* big,
                        ImFont* medium) {
  follow_log(session, ui.cell);
  const sim::Simulation& run = session.run();
  const map::Theatre& th = run.theatre();
  std::vector<std::string> events;
  for (const std::size_t i : last_) {
    const sim::TraceRecord& r = session.log()[i];
    std::string text = sim::format_clock(r.time) + "   " + std::string(sim::to_string(r.kind));
    if (r.region < th.region_count()) text += "   " + th.region(r.region).name;
    if (!r.detail.empty()) text += "   " + r.detail;
    events.push_back(std::move(text));
  }
  presenter_overlay(play::picture_of(run, ui.cell, false), events, ui, size, big, medium);
}

bool presenter_headline(sim::TraceKind kind) {
  return headline_kind(kind);
}

void presenter_overlay(const play::Picture& pic, const std::vector<std::string>& events,
                       UiState& ui, sf::Vector2u size, ImFont* big, ImFont* medium) {
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const float w = static_cast<float>(size.x), h = static_cast<float>(size.y);
  const float big_px = big->FontSize, mid_px = medium->FontSize;
  const float pad = std::round(mid_px * 0.6f);
  ui.presenter_min_text_px = std::min(big_px, mid_px);

  // Top band: the clock and what is shown, left; the headline measures, right.
  const float top_h = pad + big_px + pad * 0.4f + mid_px + pad;
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(w, top_h), kBand);
  dl->AddText(big, big_px, ImVec2(pad, pad), kInk, sim::format_clock(pic.now).c_str());
  float x = w - pad;
  const std::vector<Figure> figs = figures(pic);
  for (auto it = figs.rbegin(); it != figs.rend(); ++it) {
    const ImVec2 value = big->CalcTextSizeA(big_px * 0.8f, FLT_MAX, 0, it->value.c_str());
    const ImVec2 label = medium->CalcTextSizeA(mid_px, FLT_MAX, 0, it->label.c_str());
    const float col_w = std::max(value.x, label.x);
    x -= col_w;
    dl->AddText(big, big_px * 0.8f, ImVec2(x + col_w - value.x, pad), it->alarm ? kAlarm : kInk,
                it->value.c_str());
    dl->AddText(medium, mid_px, ImVec2(x + col_w - label.x, pad + big_px + pad * 0.4f), kDim,
                it->label.c_str());
    x -= pad * 2;
  }
  // Whose picture, then the scenario, as far as the measures leave room.
  const std::string sub = picture_title(pic.cell) + "   " + pic.scenario;
  const char* sub_end = sub.c_str() + sub.size();
  medium->CalcTextSizeA(mid_px, std::max(0.0f, x - pad), 0, sub.c_str(), sub_end, &sub_end);
  dl->AddText(medium, mid_px, ImVec2(pad, pad + big_px + pad * 0.4f), kDim, sub.c_str(), sub_end);

  // Bottom band: the last few events the cell may read, oldest first.
  const float line = mid_px * 1.25f;
  const float rows = static_cast<float>(std::max<std::size_t>(1, events.size()));
  const float bottom_y = h - (pad * 2 + line * rows);
  dl->AddRectFilled(ImVec2(0, bottom_y), ImVec2(w, h), kBand);
  float y = bottom_y + pad;
  if (events.empty()) {
    dl->AddText(medium, mid_px, ImVec2(pad, y), kDim, "No events yet.");
  }
  for (const std::string& text : events) {
    // Clip to the window's width: a long detail must not run off the projector.
    const char* end = text.c_str() + text.size();
    medium->CalcTextSizeA(mid_px, w - 2 * pad, 0, text.c_str(), end, &end);
    dl->AddText(medium, mid_px, ImVec2(pad, y), kInk, text.c_str(), end);
    y += line;
  }
}

}  // namespace rfsim::render::gui
