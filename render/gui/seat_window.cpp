// A seat's window: its picture on the map, its panels and its loop, from what the host sent.
#include "render/gui/seat_window.hpp"

#include <imgui.h>
#include <imgui_impl_opengl2.h>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/System/Sleep.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <utility>

#include "render/gui/gui_app.hpp"
#include "render/gui/imgui_context.hpp"
#include "render/gui/imgui_draw.hpp"
#include "render/gui/imgui_sfml_bridge.hpp"
#include "render/gui/inject_form.hpp"
#include "render/gui/presenter.hpp"
#include "render/gui/screenshot.hpp"
#include "render/gui/window.hpp"
#include "render/scene_of_run.hpp"
#include "sim/sensors.hpp"

namespace rfsim::render::gui {

namespace {

constexpr int kSeatSettleFrames = 12;  // as GuiApp's: ImGui settles hovers and clicks over a few
const ImVec4 kLostColour(1.0f, 0.42f, 0.35f, 1);
const ImVec4 kAsk(1, 0.8f, 0.3f, 1);

std::string words(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

// "UK quick reaction #12": the seat holds no scenario, so no unit ids, only what the picture has.
std::string unit_words(const play::Picture& pic, const std::vector<std::string>& nations,
                       std::uint32_t id) {
  const play::UnitView* u = pic.unit(id);
  if (u == nullptr) return "unit #" + std::to_string(id);
  const std::string code = u->nation < nations.size() ? nations[u->nation] : "?";
  return code + " " + words(sim::to_string(u->type)) + " #" + std::to_string(id);
}

const play::ViolationView* violation_by_serial(const play::Picture& pic, std::uint64_t serial) {
  for (const play::ViolationView& v : pic.violations) {
    if (v.serial == serial) return &v;
  }
  return nullptr;
}

std::string decision_words(const play::Picture& pic, const std::vector<std::string>& nations,
                           const map::Theatre& th, const sim::Decision& d) {
  using K = sim::Decision::Kind;
  const play::SectorView* sector = d.sector < pic.sectors.size() ? &pic.sectors[d.sector] : nullptr;
  const std::string where = sector ? th.region(sector->region).name : "a sector";
  std::string what;
  switch (d.kind) {
    case K::Tasking:
    case K::Approval: {
      what = d.kind == K::Tasking ? "HQ tasking" : "National approval";
      if (const play::ViolationView* v = violation_by_serial(pic, d.serial)) {
        what += ": " + words(sim::to_string(v->type)) + " in " + th.region(v->region).name +
                " at " + sim::format_clock(v->at);
      }
      if (d.unit != sim::kNone) what += " (" + unit_words(pic, nations, d.unit) + ")";
      break;
    }
    case K::RedStep:
      what = "Red's review of " + where;
      if (sector && sector->step) what += ", now at " + words(sim::to_string(*sector->step));
      break;
    case K::Combat:
      what = "May " + (d.unit != sim::kNone ? unit_words(pic, nations, d.unit) : "its unit") +
             " fight in " + where + "?";
      break;
    case K::Article4:
      what = "Request consultations under Article 4 after the incursion?";
      break;
    case K::Surge:
      what = (d.nation < nations.size() ? nations[d.nation] : std::string("A nation")) +
             ": surge the units held at home?";
      break;
  }
  return what;
}

}  // namespace

SeatScreen::SeatScreen(const map::Theatre& theatre, SeatScreenOptions options)
    : theatre_(&theatre),
      options_(options),
      map_(theatre),
      imgui_(std::make_unique<ImGuiWindowContext>()) {
  ui_.presenter = options.presenter;
  ui_.ui_scale = -1;
  touch();
}

SeatScreen::~SeatScreen() = default;

void SeatScreen::touch() {
  settle_ = kSeatSettleFrames;
}

bool SeatScreen::wants_frame() const {
  return settle_ > 0 || map_.painter().standing_in();
}

void SeatScreen::handle(const sf::Event& e) {
  imgui_->make_current();
  touch();
  imgui_->input().event(e);
  if (e.type == sf::Event::KeyPressed) {
    if (ImGui::GetIO().WantTextInput) return;
    if (e.key.code == sf::Keyboard::Escape) ui_.selected = {};
    if (e.key.code == sf::Keyboard::F) ui_.want_fit = true;
    if (e.key.code == sf::Keyboard::F5) ui_.presenter = !ui_.presenter;
    if (e.key.code == sf::Keyboard::F12) ui_.want_screenshot = true;
    return;
  }
  map_events_.push_back(e);  // after ImGui's frame knows whether it wants the mouse
}

bool SeatScreen::click(const std::string& control) {
  const std::vector<sf::Event> events = click_on(ui_, control);
  for (const sf::Event& e : events) handle(e);
  return !events.empty();
}

void SeatScreen::map_input() {
  const ImGuiIO& io = ImGui::GetIO();
  for (const sf::Event& e : map_events_) {
    const bool mouse = e.type == sf::Event::MouseButtonPressed || e.type == sf::Event::MouseMoved ||
                       e.type == sf::Event::MouseWheelScrolled;
    if (mouse && io.WantCaptureMouse) {
      if (e.type != sf::Event::MouseMoved) map_.cancel_drag();
      continue;
    }
    if (std::optional<Pick> p = map_.handle(e)) ui_.selected = *p;
  }
  map_events_.clear();
}

void SeatScreen::follow_decisions(const SeatFeed& feed) {
  if (feed.picture == nullptr || feed.welcome == nullptr) return;
  const play::Picture& pic = feed.picture->picture;
  std::map<std::uint64_t, std::string> now;
  for (const sim::Decision& d : pic.decisions) {
    now[d.id] = decision_words(pic, feed.welcome->nations, *theatre_, d);
  }
  // A decision gone without this seat's answer: the host's word on it, if it sent one.
  for (const auto& [id, what] : offered_) {
    if (now.count(id) > 0 || answered_.count(id) > 0) continue;
    std::string how = "taken without this seat's answer";
    const std::string prefix = "decision " + std::to_string(id) + " ";
    if (feed.log != nullptr) {
      for (auto it = feed.log->rbegin(); it != feed.log->rend(); ++it) {
        if (it->kind == sim::TraceKind::Decision && it->text.rfind(prefix, 0) == 0) {
          how = it->text.substr(prefix.size());
          break;
        }
      }
    }
    notices_.push_back(sim::format_clock(pic.now) + "  decision " + std::to_string(id) + " (" +
                       what + ") went: " + how);
  }
  offered_ = std::move(now);
}

void SeatScreen::panel_seat(const SeatFeed& feed, const Layout& l) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(l.left_w, l.height - l.bottom_h));
  ImGui::Begin("Seat", nullptr, kFixedPanel);
  const play::Welcome* w = feed.welcome;
  if (w != nullptr) {
    std::string who = std::string(play::to_string(w->role));
    who[0] = static_cast<char>(who[0] - 'a' + 'A');
    if (!w->nation.empty()) who += " (" + w->nation + ")";
    ImGui::Text("%s seat: %s's picture", who.c_str(), play::cell_title(w->sees).c_str());
    ImGui::TextDisabled("%s", w->scenario.c_str());
  } else {
    ImGui::TextDisabled("Waiting for the host's welcome...");
  }
  if (!feed.connected) {
    ImGui::TextColored(kLostColour, "Connection lost");
  }
  if (feed.picture != nullptr) {
    const play::PictureMessage& pm = *feed.picture;
    ImGui::Text("%s", sim::format_clock(pm.picture.now).c_str());
    ImGui::SameLine();
    if (pm.paused) {
      ImGui::TextColored(kAsk, "paused");
    } else {
      ImGui::TextDisabled("x%.0f", pm.speed);
    }
    const bool orders = w != nullptr && w->role != play::Role::Observer && feed.connected;
    if (orders) {
      const float bw = (ImGui::GetContentRegionAvail().x - 3 * ImGui::GetStyle().ItemSpacing.x) / 4;
      if (named_button(ui_, "seat/pause", "Pause", ImVec2(bw, 0))) {
        play::SeatCommand c;
        c.order = play::Order::Pause;
        orders_.push_back(c);
      }
      ImGui::SameLine();
      if (named_button(ui_, "seat/resume", "Resume", ImVec2(bw, 0))) {
        play::SeatCommand c;
        c.order = play::Order::Resume;
        orders_.push_back(c);
      }
      ImGui::SameLine();
      if (named_button(ui_, "seat/slower", "Slower", ImVec2(bw, 0))) {
        play::SeatCommand c;
        c.order = play::Order::Speed;
        c.speed = std::clamp(pm.speed / 2, 1.0, 10000.0);
        orders_.push_back(c);
      }
      ImGui::SameLine();
      if (named_button(ui_, "seat/faster", "Faster", ImVec2(bw, 0))) {
        play::SeatCommand c;
        c.order = play::Order::Speed;
        c.speed = std::clamp(pm.speed * 2, 1.0, 10000.0);
        orders_.push_back(c);
      }
    }
    if (!feed.refusal.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
      ImGui::TextWrapped("The host refused: %s", feed.refusal.c_str());
      ImGui::PopStyleColor();
    }
    ImGui::Separator();
    panel_decisions(feed);
    if (!pm.picture.msel.empty()) panel_msel(feed);
  }
  ImGui::End();
}

namespace {

// What a seat knows of the scenario's names, enough for the MSEL's words and form: the nations'
// codes from the welcome, the units as the picture names them (White's holds every unit).
sim::Scenario names_known(const play::Picture& pic, const std::vector<std::string>& nations) {
  sim::Scenario sc;
  for (const std::string& code : nations) {
    sim::Nation n;
    n.code = n.name = code;
    sc.nations.push_back(std::move(n));
  }
  for (const play::UnitView& u : pic.units) {
    if (u.id >= sc.units.size()) sc.units.resize(u.id + 1);
    sc.units[u.id].id = unit_words(pic, nations, u.id);
    sc.units[u.id].nation = u.nation;
    sc.units[u.id].type = u.type;
  }
  return sc;
}

}  // namespace

// White's MSEL as the host's desk lists it (panels_msel.cpp): the lines in time order, to come
// and fired, cancelled struck through in words; a White seat cancels, moves, edits and adds
// lines as commands the host checks, logs and applies (protocol 3's whole injects). An observer
// following White's picture reads it.
void SeatScreen::panel_msel(const SeatFeed& feed) {
  const play::Picture& pic = feed.picture->picture;
  const bool white = feed.welcome != nullptr && feed.welcome->role == play::Role::White;
  const std::vector<std::string> none;
  const sim::Scenario known = names_known(pic, feed.welcome ? feed.welcome->nations : none);
  ui_.msel_rows.clear();
  ImGui::Separator();
  if (!ImGui::CollapsingHeader("MSEL", ImGuiTreeNodeFlags_DefaultOpen)) return;
  const auto give = [&](const sim::Inject& in) {
    play::SeatCommand c;
    c.order = play::Order::Inject;
    c.inject = in;
    orders_.push_back(c);
    ui_.status = "Sent to the host: " + inject_words(known, *theatre_, in);
  };
  MselForm& f = ui_.msel;
  if (white && feed.connected) {
    if (named_button(ui_, "msel/add", "Add a line")) {
      f = MselForm{};
      f.line = -2;
      sim::Inject in;
      in.at = pic.now.since_start() + sim::Duration::hours(1);
      fill_inject_form(f, in);
    }
    if (f.line != -1) {
      ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
      ImGui::TextWrapped("%s", f.line < 0
                                   ? "Add a line to the MSEL"
                                   : ("Move or edit MSEL line " + std::to_string(f.line)).c_str());
      ImGui::PopStyleColor();
      inject_form_fields(ui_, "msel/form/", f, known, *theatre_);
      if (!f.error.empty()) ImGui::TextColored(kWarning, "%s", f.error.c_str());
      if (named_button(ui_, "msel/form/save", f.line < 0 ? "Add line" : "Move / edit")) {
        try {
          give(msel_command_of_form(f));
          f.line = -1;
        } catch (const std::invalid_argument& e) {
          f.error = std::string("time: ") + e.what();
        }
      }
      ImGui::SameLine();
      if (named_button(ui_, "msel/form/close", "Close")) f.line = -1;
      ImGui::Separator();
    }
  }
  std::vector<const play::MselLineView*> order;
  for (const play::MselLineView& m : pic.msel) order.push_back(&m);
  std::stable_sort(order.begin(), order.end(),
                   [](const auto* a, const auto* b) { return a->inject.at < b->inject.at; });
  int to_come = 0;
  for (const play::MselLineView* m : order) {
    to_come += sim::SimTime::at(m->inject.at) > pic.now && !m->cancelled;
  }
  ImGui::TextDisabled("%d to come of %zu%s", to_come, order.size(),
                      white ? "" : " (White's: read only)");
  if (white && ui_.msel_cancel >= 0) {
    const auto it = std::find_if(order.begin(), order.end(), [&](const auto* m) {
      return m->line == static_cast<std::uint32_t>(ui_.msel_cancel);
    });
    if (it != order.end()) {
      ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
      ImGui::TextWrapped("Cancel line %u at %s: %s?", (*it)->line,
                         sim::format_clock(sim::SimTime::at((*it)->inject.at)).c_str(),
                         inject_words(known, *theatre_, (*it)->inject).c_str());
      ImGui::PopStyleColor();
      if (named_button(ui_, "msel/cancel/confirm", "Cancel the line") && feed.connected) {
        sim::Inject in;
        in.kind = sim::InjectKind::CancelMsel;
        in.line = (*it)->line;
        give(in);
        ui_.msel_cancel = -1;
      }
      ImGui::SameLine();
      if (named_button(ui_, "msel/cancel/keep", "Keep it")) ui_.msel_cancel = -1;
    } else {
      ui_.msel_cancel = -1;
    }
  }
  for (const play::MselLineView* m : order) {
    const sim::SimTime at = sim::SimTime::at(m->inject.at);
    const bool pending = at > pic.now && !m->cancelled;
    std::string state = m->cancelled ? "cancelled in play"
                        : pending    ? "in " + minutes_text(at - pic.now)
                                     : "fired";
    if (m->added) state += ", added in play";
    const std::string words = inject_words(known, *theatre_, m->inject);
    ui_.msel_rows.push_back(std::to_string(m->line) + " | " + sim::format_clock(at) + " | " +
                            words + " | " + state);
    ImGui::PushID(static_cast<int>(m->line));
    if (!pending) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    }
    ImGui::TextWrapped("%s  (%s)", sim::format_clock(at).c_str(), state.c_str());
    ImGui::TextWrapped("%s", words.c_str());
    if (!m->inject.note.empty()) ImGui::TextWrapped("  \"%s\"", m->inject.note.c_str());
    if (!pending) ImGui::PopStyleColor();
    if (white && pending && feed.connected) {
      const std::string n = std::to_string(m->line);
      if (named_button(ui_, "msel/edit/" + n, "Move / edit")) {
        f = MselForm{};
        f.line = static_cast<int>(m->line);
        fill_inject_form(f, m->inject);
      }
      ImGui::SameLine();
      if (named_button(ui_, "msel/cancel/" + n, "Cancel")) {
        ui_.msel_cancel = static_cast<int>(m->line);
      }
    }
    ImGui::PopID();
  }
}

void SeatScreen::panel_decisions(const SeatFeed& feed) {
  decision_rows_.clear();
  const play::Picture& pic = feed.picture->picture;
  const std::vector<std::string> none;
  const std::vector<std::string>& nations = feed.welcome ? feed.welcome->nations : none;
  ImGui::TextUnformatted("Decisions");
  if (feed.welcome != nullptr && feed.welcome->role == play::Role::Observer) {
    ImGui::TextDisabled("An observer answers none.");
    return;
  }
  if (pic.decisions.empty()) {
    ImGui::TextDisabled("None waits for this seat.");
    return;
  }
  for (std::size_t k = 0; k < pic.decisions.size(); ++k) {
    const sim::Decision& d = pic.decisions[k];
    const std::string what = decision_words(pic, nations, *theatre_, d);
    decision_rows_.push_back(std::to_string(d.id) + ": " + what);
    ImGui::PushID(static_cast<int>(d.id));
    ImGui::PushStyleColor(ImGuiCol_Text, kAsk);
    ImGui::TextWrapped("%s", what.c_str());
    ImGui::PopStyleColor();
    if (answered_.count(d.id) > 0) {
      ImGui::TextDisabled("Answer sent; waiting for the host.");
      ImGui::PopID();
      continue;
    }
    const play::SectorView* sector =
        d.sector < pic.sectors.size() ? &pic.sectors[d.sector] : nullptr;
    for (std::size_t i = 0; i < d.options.size(); ++i) {
      const sim::DecisionOption& o = d.options[i];
      const std::string text =
          option_text(d, i, o.unit == sim::kNone ? "" : unit_words(pic, nations, o.unit),
                      sector ? sector->step : std::nullopt);
      ImGui::PushID(static_cast<int>(i));
      const std::string name = "decision/" + std::to_string(k) + "/" + std::to_string(i);
      // Broken to the button's width, as the host's desk does: the odds are never cut off.
      const std::string label =
          wrap_text(text, ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().FramePadding.x);
      if (named_button(ui_, name, label.c_str(), ImVec2(-1, 0)) && feed.connected) {
        play::SeatCommand c;
        c.order = play::Order::Answer;
        c.decision = d.id;
        c.option = static_cast<std::int32_t>(i);
        orders_.push_back(c);
        answered_.insert(d.id);
      }
      ImGui::PopID();
    }
    ImGui::Separator();
    ImGui::PopID();
  }
}

void SeatScreen::panel_log(const SeatFeed& feed, const Layout& l) {
  ImGui::SetNextWindowPos(ImVec2(0, l.height - l.bottom_h));
  ImGui::SetNextWindowSize(ImVec2(l.width - l.right_w, l.bottom_h));
  ImGui::Begin("Event log", nullptr, kFixedPanel);
  for (const std::string& n : notices_) ImGui::TextColored(kAsk, "%s", n.c_str());
  if (feed.log != nullptr) {
    const std::vector<play::LogLine>& log = *feed.log;
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(log.size()));
    while (clip.Step()) {
      for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
        const play::LogLine& line = log[static_cast<std::size_t>(i)];
        ImGui::TextDisabled("%s", sim::format_clock(line.at).c_str());
        ImGui::SameLine();
        ImGui::TextUnformatted(line.text.c_str());
      }
    }
    // Follow the newest line while the reader is at the bottom.
    if (log.size() != log_drawn_ && ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 4) {
      ImGui::SetScrollHereY(1.0f);
    }
    log_drawn_ = log.size();
  }
  ImGui::End();
}

void SeatScreen::panel_inspector(const SeatFeed& feed, const Layout& l) {
  ImGui::SetNextWindowPos(ImVec2(l.width - l.right_w, 0));
  ImGui::SetNextWindowSize(ImVec2(l.right_w, l.height * 0.42f));
  ImGui::Begin("Inspector", nullptr, kFixedPanel);
  ui_.inspected.clear();
  auto row = [&](const std::string& k, const std::string& v) {
    ImGui::TextDisabled("%s", k.c_str());
    ImGui::SameLine();
    ImGui::TextWrapped("%s", v.c_str());
    ui_.inspected.push_back(k + ": " + v);
  };
  const play::Picture* pic = feed.picture ? &feed.picture->picture : nullptr;
  const std::vector<std::string> none;
  const std::vector<std::string>& nations = feed.welcome ? feed.welcome->nations : none;
  const play::UnitView* u = pic && ui_.selected.unit ? pic->unit(*ui_.selected.unit) : nullptr;
  const play::ViolationView* v =
      pic && ui_.selected.violation ? violation_by_serial(*pic, *ui_.selected.violation) : nullptr;
  if (u != nullptr) {
    ImGui::TextUnformatted(unit_words(*pic, nations, u->id).c_str());
    row("side", std::string(sim::to_string(u->side)) + (u->own ? " (own)" : ""));
    row("doing", u->state ? words(sim::to_string(*u->state)) : "not known to this cell");
    row(u->own ? "at" : "last seen at", theatre_->region(u->at).name);
    if (!u->own) {
      row("reported", u->seen == pic->now ? std::string("now")
                                          : sim::format_clock(u->seen) + " (" +
                                                minutes_text(pic->now - u->seen) + " ago)");
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s%.0f of %d", u->strength_exact ? "" : "about ", u->strength,
                  u->strength_start);
    row("strength", buf);
    if (u->task != sim::kNone) {
      row("task", "violation #" + std::to_string(u->task_serial) + " in " +
                      theatre_->region(u->task_region).name);
    }
  } else if (v != nullptr) {
    ImGui::Text("Violation #%llu", static_cast<unsigned long long>(v->serial));
    row("type", words(sim::to_string(v->type)));
    row("where", theatre_->region(v->region).name);
    row("happened", sim::format_clock(v->at));
    if (!v->detection_known) {
      row("reported", "not known to this cell");
    } else {
      row("reported",
          v->detected == sim::SimTime::max() ? "not yet" : sim::format_clock(v->detected));
      if (v->sensor == sim::Sensor::Unknown && v->detected != sim::SimTime::max() &&
          v->detected >= v->at) {
        row("report took", minutes_text(v->detected - v->at));
      }
      if (v->sensor != sim::Sensor::Unknown && v->detected >= v->at) {
        const std::string unit =
            v->sensor_unit == sim::kNone ? "" : unit_words(*pic, nations, v->sensor_unit);
        row("reported by", sim::sensor_words(v->sensor, unit) + ", " +
                               minutes_text(v->detected - v->at) + " after it happened");
      }
      row("answer", words(sim::to_string(v->level)));
      if (v->responder != sim::kNone) row("sent", unit_words(*pic, nations, v->responder));
      row("answered",
          v->answered == sim::SimTime::max() ? "not yet" : sim::format_clock(v->answered));
    }
  } else if (ui_.selected.region) {
    ImGui::TextUnformatted(theatre_->region(*ui_.selected.region).name.c_str());
    if (pic != nullptr) {
      int units = 0, open = 0;
      for (const play::UnitView& x : pic->units) units += x.at == *ui_.selected.region;
      for (const play::ViolationView& x : pic->violations) open += x.region == *ui_.selected.region;
      row("units known here", std::to_string(units));
      row("open violations known", std::to_string(open));
    }
  } else {
    ImGui::TextDisabled("Click a unit, a violation or a region on the map.");
  }
  ImGui::End();

  ImGui::SetNextWindowPos(ImVec2(l.width - l.right_w, l.height * 0.42f));
  ImGui::SetNextWindowSize(ImVec2(l.right_w, l.height * 0.58f));
  ImGui::Begin("Measures", nullptr, kFixedPanel);
  if (pic != nullptr) {
    measures_table(pic->measures, pic->cell);
    ImGui::TextDisabled("From %s's picture.", play::cell_title(pic->cell).c_str());
  }
  panel_note(feed, l);
  ImGui::End();
}

void SeatScreen::panel_note(const SeatFeed& feed, const Layout&) {
  if (feed.welcome == nullptr || !feed.welcome->may_note) return;
  ImGui::Separator();
  ImGui::TextUnformatted("Note for the debrief");
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##title", "title", ui_.note.title.data(), ui_.note.title.size());
  ImGui::InputTextMultiline("##text", ui_.note.text.data(), ui_.note.text.size(),
                            ImVec2(-1, ImGui::GetTextLineHeight() * 3));
  const std::string place =
      ui_.selected.region ? " at " + theatre_->region(*ui_.selected.region).name : "";
  if (named_button(ui_, "note/add", ("Add note now" + place).c_str()) && feed.connected) {
    play::SeatNote n;
    n.title = ui_.note.title.data();
    n.text = ui_.note.text.data();
    if (ui_.selected.region) {
      n.place = static_cast<std::uint8_t>(saves::NotePlace::Region);
      n.region = *ui_.selected.region;
    }
    orders_.push_back(n);
    ui_.note.title.fill('\0');
    ui_.note.text.fill('\0');
    ui_.status = "Note sent: \"" + n.title + "\"";
  }
  if (!ui_.status.empty()) ImGui::TextDisabled("%s", ui_.status.c_str());
}

bool SeatScreen::pass(sf::RenderTarget& target, sf::Vector2u size, double dt,
                      const SeatFeed& feed) {
  if (feed.pictures != pictures_drawn_ || feed.connected != connected_drawn_ ||
      feed.banner != banner_drawn_ || size != size_ ||
      (feed.log != nullptr && feed.log->size() != log_drawn_)) {
    if (feed.pictures != pictures_drawn_) follow_decisions(feed);
    touch();
  }
  if (!wants_frame()) return false;
  frame(target, size, dt, feed);
  return true;
}

void SeatScreen::frame(sf::RenderTarget& target, sf::Vector2u size, double dt,
                       const SeatFeed& feed) {
  imgui_->make_current();
  if (size != size_ && ui_.ui_scale < 0) {
    ui_.ui_scale_wanted = options_.ui_scale > 0
                              ? options_.ui_scale
                              : std::clamp(static_cast<float>(size.y) / 900.0f, 1.0f, 2.0f);
  }
  size_ = size;
  if (ui_.presenter && presenter_height_ != size.y) {
    presenter_height_ = size.y;
    ui_.ui_scale = -1;  // the presenter's type is made for the height: load the fonts again
    if (ui_.ui_scale_wanted <= 0) ui_.ui_scale_wanted = 1;
  }
  if (ui_.ui_scale_wanted > 0 && std::abs(ui_.ui_scale_wanted - ui_.ui_scale) > 0.01f) {
    apply_imgui_scale(ui_.ui_scale_wanted, presenter_height_, big_, medium_);
    ui_.ui_scale = ui_.ui_scale_wanted;
  }
  const Layout l = layout_for(static_cast<float>(size.x), static_cast<float>(size.y), ui_.ui_scale);
  if (ui_.presenter) {
    map_.set_area({0, 0}, {l.width, l.height});
  } else {
    map_.set_area({l.left_w, 0}, {l.width - l.left_w - l.right_w, l.height - l.bottom_h});
  }
  if (ui_.want_fit) {
    map_.fit();
    ui_.want_fit = false;
  }

  imgui_->input().frame(size, static_cast<float>(dt));
  ImGui_ImplOpenGL2_NewFrame();
  ImGui::NewFrame();
  map_input();
  ui_.controls.clear();
  ui_.control_clips.clear();
  const play::Picture* pic = feed.picture ? &feed.picture->picture : nullptr;
  if (ui_.presenter && pic != nullptr) {
    std::vector<std::string> events;
    if (feed.log != nullptr) {
      for (auto it = feed.log->rbegin();
           it != feed.log->rend() && events.size() < Presenter::kEvents; ++it) {
        if (presenter_headline(it->kind)) {
          events.insert(events.begin(), sim::format_clock(it->at) + "   " + it->text);
        }
      }
    }
    presenter_overlay(*pic, events, ui_, size, big_, medium_);
  } else if (!ui_.presenter) {
    panel_seat(feed, l);
    panel_log(feed, l);
    panel_inspector(feed, l);
  }
  // The banner over the map while the connection is lost: the seat rejoins by itself.
  banner_drawn_ = feed.connected ? std::string() : feed.banner;
  if (!banner_drawn_.empty()) {
    const sf::FloatRect a = map_.area();
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const float h = ImGui::GetTextLineHeight() * 2.2f;
    dl->AddRectFilled(ImVec2(a.left, a.top + h * 1.2f), ImVec2(a.left + a.width, a.top + h * 2.2f),
                      IM_COL32(170, 30, 30, 235));
    dl->AddText(ImVec2(a.left + h * 0.4f, a.top + h * 1.2f + h * 0.25f),
                IM_COL32(255, 255, 255, 255), banner_drawn_.c_str());
  }
  ImGui::Render();

  target.setView(
      sf::View(sf::FloatRect(0, 0, static_cast<float>(size.x), static_cast<float>(size.y))));
  target.clear(kPanelBackground);
  if (pic != nullptr && feed.welcome != nullptr) {
    Scene scene = scene_of_picture(*pic, *theatre_, feed.welcome->nations);
    fill_regime(*theatre_, pic->regime, scene);
    for (std::size_t i = 0; i < scene.violations.size() && i < pic->violations.size(); ++i) {
      scene.violations[i].serial = pic->violations[i].serial;
    }
    for (UnitMarker& u : scene.units) u.selected = ui_.selected.unit && *ui_.selected.unit == u.id;
    map_.set_compact_legend(true);
    map_.draw_scene(target, scene, ui_.selected, [pic](std::uint32_t id) {
      const play::UnitView* u = pic->unit(id);
      return u ? std::optional<map::RegionId>(u->at) : std::nullopt;
    });
  }
  target.setActive(true);
  target.pushGLStates();
  if (options_.stock_imgui_renderer) {
    ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
  } else {
    draw_imgui(*ImGui::GetDrawData());
  }
  target.popGLStates();
  ++frames_drawn_;
  pictures_drawn_ = feed.pictures;
  connected_drawn_ = feed.connected;
  if (settle_ > 0) --settle_;
}

// The loop of `rfsim join`'s window ------------------------------------------------------------

namespace {

struct ScriptLine {
  int number = 0;
  std::vector<std::string> words;
};

class SeatScript {
 public:
  explicit SeatScript(const std::filesystem::path& file) : file_(file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("--script " + file.string() + ": cannot read the file");
    std::string text;
    for (int n = 1; std::getline(in, text); ++n) {
      if (const auto hash = text.find('#'); hash != std::string::npos) text.erase(hash);
      std::istringstream ws(text);
      ScriptLine l{n, {}};
      for (std::string w; ws >> w;) l.words.push_back(w);
      if (!l.words.empty()) lines_.push_back(std::move(l));
    }
  }

  // Runs what is due; returns a screenshot path when one should be taken after this frame.
  std::filesystem::path tick(SeatScreen& screen, const SeatFeed& feed, double dt, bool& quit) {
    if (settle_ > 0) {
      screen.touch();
      --settle_;
      if (settle_ == 0 && !shot_.empty()) return std::exchange(shot_, {});
      return {};
    }
    if (deadline_ > 0 && (waited_ += dt) > deadline_) {
      bad(lines_[next_ - 1],
          "still waiting after " + std::to_string(static_cast<int>(deadline_)) + " s");
    }
    while (next_ < lines_.size() || waiting_) {
      if (waiting_) {
        if (!waiting_(feed)) return {};
        waiting_ = nullptr;
        deadline_ = 0;
        continue;
      }
      const ScriptLine& l = lines_[next_++];
      const std::string& c = l.words[0];
      screen.touch();
      if (c == "wait") {
        const double s = number(l, 1);
        auto left = std::make_shared<double>(s);
        waiting_ = [left, this](const SeatFeed&) { return (*left -= last_dt_) <= 0; };
      } else if (c == "wait-picture") {
        wait_for(l, [](const SeatFeed& f) { return f.picture != nullptr && f.connected; });
      } else if (c == "wait-new-picture") {
        auto from = std::make_shared<std::optional<std::uint64_t>>();
        wait_for(l, [from](const SeatFeed& f) {
          if (!*from) *from = f.pictures;
          return f.connected && f.pictures > **from;
        });
      } else if (c == "wait-decision") {
        wait_for(l, [](const SeatFeed& f) {
          return f.picture != nullptr && !f.picture->picture.decisions.empty();
        });
      } else if (c == "wait-text") {
        std::string want;
        for (std::size_t i = 1; i < l.words.size(); ++i) want += (i > 1 ? " " : "") + l.words[i];
        wait_for(l, [want, &screen](const SeatFeed& f) {
          if (f.log != nullptr) {
            for (const play::LogLine& x : *f.log) {
              if (x.text.find(want) != std::string::npos) return true;
            }
          }
          for (const std::string& n : screen.notices()) {
            if (n.find(want) != std::string::npos) return true;
          }
          return f.banner.find(want) != std::string::npos && !f.connected;
        });
      } else if (c == "click") {
        const std::string name = arg(l, 1);
        auto tries = std::make_shared<int>(0);
        waiting_ = [name, tries, &screen, l, this](const SeatFeed&) {
          screen.touch();
          if (screen.click(name)) {
            settle_ = 3;
            return true;
          }
          if (++*tries > 600) bad(l, "no control '" + name + "' on screen after 600 frames");
          return false;
        };
      } else if (c == "select") {
        const std::string what = arg(l, 1);
        screen.ui().selected = {};
        if (what == "unit") {
          screen.ui().selected.unit = static_cast<std::uint32_t>(number(l, 2));
        } else if (what == "violation" && arg(l, 2) == "reported") {
          // The newest violation whose report names its sensor (screenshots of the inspector).
          if (feed.picture != nullptr) {
            const auto& vs = feed.picture->picture.violations;
            const auto it = std::find_if(vs.rbegin(), vs.rend(), [](const play::ViolationView& v) {
              return v.sensor != sim::Sensor::Unknown;
            });
            if (it != vs.rend()) screen.ui().selected.violation = it->serial;
          }
        } else if (what == "violation") {
          screen.ui().selected.violation = static_cast<std::uint64_t>(number(l, 2));
        } else {
          bad(l, "select unit ID, select violation SERIAL or select violation reported");
        }
      } else if (c == "screenshot") {
        shot_ = arg(l, 1);
        settle_ = 3;
        return {};
      } else if (c == "echo") {
        std::string text;
        for (std::size_t i = 1; i < l.words.size(); ++i) text += (i > 1 ? " " : "") + l.words[i];
        std::cout << text << std::endl;
      } else if (c == "cut") {
        cut_ = true;  // the loop closes the connection, as a network cut would
      } else if (c == "quit") {
        quit = true;
        return {};
      } else {
        bad(l, "unknown command '" + c + "'");
      }
      if (settle_ > 0) return {};
    }
    return {};
  }
  void set_dt(double dt) { last_dt_ = dt; }
  bool take_cut() { return std::exchange(cut_, false); }

 private:
  [[noreturn]] void bad(const ScriptLine& l, const std::string& why) const {
    throw std::runtime_error(file_.string() + ":" + std::to_string(l.number) + ": " + why);
  }
  std::string arg(const ScriptLine& l, std::size_t i) const {
    if (l.words.size() <= i) bad(l, "'" + l.words[0] + "' needs an argument");
    return l.words[i];
  }
  double number(const ScriptLine& l, std::size_t i) const {
    try {
      return std::stod(arg(l, i));
    } catch (const std::logic_error&) {
      bad(l, "expected a number, got '" + l.words[i] + "'");
    }
  }
  void wait_for(const ScriptLine&, std::function<bool(const SeatFeed&)> f) {
    waiting_ = std::move(f);
    deadline_ = 60;  // a host that never sends it: the script fails rather than hang
    waited_ = 0;
  }

  std::filesystem::path file_;
  std::vector<ScriptLine> lines_;
  std::size_t next_ = 0;
  std::function<bool(const SeatFeed&)> waiting_;
  double deadline_ = 0, waited_ = 0, last_dt_ = 0;
  int settle_ = 0;
  std::filesystem::path shot_;
  bool cut_ = false;
};

void shoot(const sf::RenderWindow& window, const std::filesystem::path& out) {
  try {
    write_png_atomic(capture(window), out);
    std::cout << "screenshot: " << out.string() << std::endl;
  } catch (const std::exception& e) {
    std::cerr << "rfsim: " << e.what() << std::endl;
  }
}

}  // namespace

int run_seat_window(const map::Theatre& theatre, play::Seat& seat,
                    const SeatWindowOptions& options) {
  require_display();
  std::optional<SeatScript> script;
  if (!options.script.empty()) script.emplace(options.script);
  sf::RenderWindow window(sf::VideoMode(options.width, options.height), "rfsim - seat",
                          sf::Style::Default);
  if (!window.isOpen()) throw NoDisplay("cannot open a window on this display");
  window.setFramerateLimit(60);
  SeatScreen screen(theatre, options.screen);
  using Clock = std::chrono::steady_clock;
  Clock::time_point last_try = Clock::now();
  Clock::time_point last = Clock::now();
  std::size_t refusals_seen = 0;
  std::string refusal;
  std::string title;
  int attempts = 0;
  bool quit = false;
  while (window.isOpen() && !quit) {
    const Clock::time_point now = Clock::now();
    const double dt = std::min(0.1, std::chrono::duration<double>(now - last).count());
    last = now;
    sf::Event e;
    while (window.pollEvent(e)) {
      if (e.type == sf::Event::Closed) quit = true;
      screen.handle(e);
    }
    // The network: what came, then a rejoin while the connection is lost.
    if (seat.connected()) {
      seat.poll(std::chrono::milliseconds(0));
    }
    if (!seat.refusals().empty() && seat.refusals().back() == play::kHostClosed) {
      std::cout << "the host has closed the game (" << seat.pictures_received() << " pictures, "
                << seat.bytes_received() << " bytes received)" << std::endl;
      break;
    }
    for (; refusals_seen < seat.refusals().size(); ++refusals_seen) {
      refusal = seat.refusals()[refusals_seen];
      std::cerr << "refused: " << refusal << std::endl;
    }
    std::string banner;
    if (!seat.connected()) {
      if (!seat.welcome()) {
        throw play::SeatError(
            "the host refused this seat: " +
            (refusal.empty() ? std::string("it closed the connection") : refusal));
      }
      if (now - last_try >= options.rejoin_every) {
        last_try = now;
        ++attempts;
        try {
          seat.connect(std::chrono::milliseconds(500));
          std::cout << "rejoined the game (attempt " << attempts << ")" << std::endl;
          attempts = 0;
        } catch (const play::SeatError&) {
          // Not there yet: the banner says so and the next attempt comes.
        }
      }
      if (!seat.connected()) {
        banner = "Connection to the host lost: rejoining every " +
                 std::to_string(options.rejoin_every.count() / 1000) + " s (attempt " +
                 std::to_string(attempts) + "). The game goes on at the host.";
      }
    }
    if (seat.welcome()) {
      const std::string want = "rfsim - " + std::string(play::to_string(seat.welcome()->role)) +
                               " seat - " + seat.welcome()->scenario;
      if (want != title) window.setTitle(title = want);
    }
    SeatFeed feed;
    feed.welcome = seat.welcome() ? &*seat.welcome() : nullptr;
    feed.picture = seat.picture() ? &*seat.picture() : nullptr;
    feed.log = &seat.log();
    feed.pictures = seat.pictures_received();
    feed.connected = seat.connected();
    feed.banner = banner;
    feed.refusal = refusal;
    std::filesystem::path shot;
    if (script) {
      script->set_dt(dt);
      shot = script->tick(screen, feed, dt, quit);
      if (script->take_cut()) {
        seat.disconnect();
        last_try = now;
        std::cout << "cut the connection (script)" << std::endl;
      }
    }
    const bool drew = screen.pass(window, window.getSize(), dt, feed);
    for (const play::Message& m : screen.take_orders()) {
      if (seat.connected()) seat.send(m);
    }
    if (drew) {
      if (!shot.empty()) shoot(window, shot);
      if (screen.ui().want_screenshot) {
        screen.ui().want_screenshot = false;
        const sim::SimTime t = feed.picture ? feed.picture->picture.now : sim::SimTime();
        shoot(window, screenshot_name(options.screenshot_dir, sim::format_clock(t)));
      }
      window.display();
    } else {
      sf::sleep(sf::milliseconds(20));
    }
  }
  window.close();
  std::cout << "left the game (" << seat.pictures_received() << " pictures, "
            << seat.bytes_received() << " bytes received)" << std::endl;
  return 0;
}

}  // namespace rfsim::render::gui
