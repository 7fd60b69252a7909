// The left column: run controls (play, pause, speed, step, jump), live injects, display
// settings and the key list.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "play/picture.hpp"
#include "render/gui/panels.hpp"

namespace rfsim::render::gui {

namespace {

// "limited offensive": a step of Red's ladder as the panels write it.
std::string step_words(sim::RedStep s) {
  std::string out(sim::to_string(s));
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string speed_text(double x) {
  char buf[64];
  if (x >= 3600) {
    std::snprintf(buf, sizeof buf, "%.0fx  (%.1f h/s)", x, x / 3600);
  } else if (x >= 60) {
    std::snprintf(buf, sizeof buf, "%.0fx  (%.1f min/s)", x, x / 60);
  } else {
    std::snprintf(buf, sizeof buf, "%.0fx", x);
  }
  return buf;
}

// A combo over a list of names; returns true when the choice changed.
template <typename NameOf>
bool combo(const char* label, int& current, int count, NameOf name_of) {
  bool changed = false;
  const std::string preview = current >= 0 && current < count ? name_of(current) : "(choose)";
  if (ImGui::BeginCombo(label, preview.c_str())) {
    for (int i = 0; i < count; ++i) {
      const bool chosen = i == current;
      if (ImGui::Selectable(name_of(i).c_str(), chosen)) {
        current = i;
        changed = true;
      }
      if (chosen) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
  }
  return changed;
}

void run_controls(const Session& session, UiState& ui) {
  const sim::Simulation& run = session.run();
  ImGui::TextUnformatted(sim::format_clock(run.now()).c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("of %s", sim::format_duration(run.end().since_start()).c_str());
  const float frac = static_cast<float>(run.now().ms()) /
                     static_cast<float>(std::max<std::int64_t>(1, run.end().ms()));
  ImGui::ProgressBar(frac, ImVec2(-1, 0), "");

  const float bw = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (ui.playing) {
    if (ImGui::Button("Pause  [Space]", ImVec2(bw, 0))) ui.playing = false;
  } else {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.13f, 0.50f, 0.25f, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.18f, 0.62f, 0.32f, 1));
    if (ImGui::Button("Play  [Space]", ImVec2(bw, 0))) ui.playing = true;
    ImGui::PopStyleColor(2);
  }
  ImGui::SameLine();
  if (ImGui::Button("Step event  [N]", ImVec2(bw, 0))) {
    ui.playing = false;
    ui.actions.push_back([](Session& s, UiState&) {
      s.hold();
      s.step_event();
    });
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Runs the next event of the model and stops.");

  ImGui::SetNextItemWidth(-1);
  ImGui::SliderFloat("##speed", &ui.speed, 1, 10000, speed_text(ui.speed).c_str(),
                     ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
  bool first = true;
  for (const auto& [label, x] : {std::pair{"1x", 1.0f},
                                 {"1 min/s", 60.0f},
                                 {"10 min/s", 600.0f},
                                 {"1 h/s", 3600.0f},
                                 {"10,000x", 10000.0f}}) {
    if (!first) same_line_if_fits(button_width(label));
    first = false;
    if (ImGui::SmallButton(label)) ui.speed = x;
    mark_control(ui, std::string("run/speed/") + label);
  }
  if (ui.playing && session.lag() > sim::Duration::ms(static_cast<std::int64_t>(ui.speed * 300))) {
    ImGui::TextColored(ImVec4(0.95f, 0.7f, 0.2f, 1), "Model behind: running at %.0fx",
                       ui.sim_speed);
  } else {
    ImGui::TextDisabled("frame %.1f ms   model %.0fx", ui.frame_ms, ui.sim_speed);
  }

  static char jump[32] = "";
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
  const bool enter = ImGui::InputTextWithHint("##jump", "e.g. 3d12h", jump, sizeof jump,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if (ImGui::Button("Jump to time") || enter) {
    try {
      const sim::SimTime to = sim::SimTime::at(sim::parse_duration(jump));
      ui.actions.push_back([to](Session& s, UiState& u) {
        s.jump_to(to);
        u.status = "Jumped to " + sim::format_clock(s.now());
      });
    } catch (const std::invalid_argument& e) {
      ui.status = e.what();
    }
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "Forward runs the model on. Back re-runs it from the start with\n"
        "the injects given before that time; later live injects are dropped.");
  }
}

void injects(const Session& session, UiState& ui) {
  const sim::Simulation& run = session.run();
  const sim::Scenario& sc = run.scenario();
  const map::Theatre& th = run.theatre();
  // A live inject is asked for here and given only once confirmed below: it names what it
  // will do, and that a command given while behind the log's end forks the game.
  auto give = [&](sim::Inject in, const std::string& what) {
    in.note = "live inject: " + what;
    ui.confirm = UiState::PendingInject{in, what};
  };
  if (ui.confirm) {
    // The question is where the facilitator looks: the panel scrolls to it once.
    if (!ui.confirm->shown) ImGui::SetScrollHereY(0.25f);
    ui.confirm->shown = true;
    ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
    ImGui::TextWrapped("Apply at %s: %s?", sim::format_clock(session.now()).c_str(),
                       ui.confirm->what.c_str());
    ImGui::PopStyleColor();
    if (session.now() < session.recording().end()) {
      ImGui::TextWrapped(
          "The game is behind the end of its log: this forks it here (the later "
          "play is dropped; a save or branch keeps it).");
    }
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (named_button(ui, "inject/confirm", "Apply", ImVec2(half, 0))) {
      ui.actions.push_back([p = *ui.confirm](Session& s, UiState& u) {
        s.inject(p.inject);
        u.status = sim::format_clock(s.now()) + "  " + p.what;
      });
      ui.confirm.reset();
      ImGui::SetScrollY(0);  // back to the top, where a decision waiting is shown
    }
    ImGui::SameLine();
    if (named_button(ui, "inject/cancel", "Cancel", ImVec2(half, 0))) {
      ui.confirm.reset();
      ImGui::SetScrollY(0);
    }
    ImGui::Separator();
  }
  if (ui.inject_regime < 0) ui.inject_regime = static_cast<int>(run.world().regime);
  if (ui.inject_us < 0) ui.inject_us = static_cast<int>(run.world().us_support);
  const float w = ImGui::GetContentRegionAvail().x * 0.62f;

  ImGui::SetNextItemWidth(w);
  combo("##regime", ui.inject_regime, 3,
        [](int i) { return std::string(sim::to_string(static_cast<sim::Regime>(i))); });
  ImGui::SameLine();
  if (named_button(ui, "inject/regime", "Set regime")) {
    sim::Inject in;
    in.kind = sim::InjectKind::SetRegime;
    in.regime = static_cast<sim::Regime>(ui.inject_regime);
    give(in, "regime " + std::string(sim::to_string(in.regime)));
  }
  ImGui::SetNextItemWidth(w);
  combo("##us", ui.inject_us, 3,
        [](int i) { return std::string(sim::to_string(static_cast<sim::UsSupport>(i))); });
  ImGui::SameLine();
  if (named_button(ui, "inject/us", "US support")) {
    sim::Inject in;
    in.kind = sim::InjectKind::SetUsSupport;
    in.us = static_cast<sim::UsSupport>(ui.inject_us);
    give(in, "US support " + std::string(sim::to_string(in.us)));
  }
  const int nations = static_cast<int>(sc.nations.size());
  ImGui::SetNextItemWidth(w);
  combo("##nation", ui.inject_nation, nations,
        [&](int i) { return sc.nations[i].code + "  " + sc.nations[i].name; });
  ImGui::SameLine();
  const bool gone = ui.inject_nation >= 0 && ui.inject_nation < nations &&
                    run.world().nation_withdrawn[ui.inject_nation];
  ImGui::BeginDisabled(gone || nations == 0);
  if (named_button(ui, "inject/withdraws", "Withdraws")) {
    sim::Inject in;
    in.kind = sim::InjectKind::NationWithdraws;
    in.nation = static_cast<std::uint32_t>(ui.inject_nation);
    give(in, sc.nations[in.nation].name + " withdraws");
  }
  ImGui::EndDisabled();

  // Provocation: in the region selected on the map, or one chosen here.
  if (ui.selected.region) ui.inject_region = static_cast<int>(*ui.selected.region);
  ImGui::SetNextItemWidth(w);
  combo("##where", ui.inject_region, static_cast<int>(th.region_count()),
        [&](int i) { return th.region(static_cast<map::RegionId>(i)).name; });
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  ImGui::SliderInt("##count", &ui.inject_count, 1, 30, "%d viol.");
  ImGui::BeginDisabled(ui.inject_region < 0);
  if (named_button(ui, "inject/provocation", "Stage provocation", ImVec2(-1, 0))) {
    sim::Inject in;
    in.kind = sim::InjectKind::Provocation;
    in.region = static_cast<map::RegionId>(ui.inject_region);
    in.count = ui.inject_count;
    give(in, "provocation, " + std::to_string(in.count) + " violations in " +
                 th.region(in.region).name);
  }
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("Click a region on the map, or choose one above.");
  }

  const int links = static_cast<int>(th.link_count());
  auto link_name = [&](int i) {
    const map::Link& l = th.link(static_cast<map::LinkId>(i));
    std::string s = th.region(l.a).name + " - " + th.region(l.b).name;
    if (run.world().link_condition[i] < 1) s += "  (cut)";
    return s;
  };
  ImGui::SetNextItemWidth(-1);
  combo("##link", ui.inject_link, links, link_name);
  const float bw = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  auto link_inject = [&](sim::InjectKind kind, const char* what) {
    const map::Link& l = th.link(static_cast<map::LinkId>(ui.inject_link));
    sim::Inject in;
    in.kind = kind;
    in.region = l.a;
    in.region_b = l.b;
    give(in, std::string(what) + " " + th.region(l.a).name + " - " + th.region(l.b).name);
  };
  ImGui::BeginDisabled(links == 0);
  if (ImGui::Button("Cut link", ImVec2(bw, 0)))
    link_inject(sim::InjectKind::CutLink, "sabotage cuts");
  ImGui::SameLine();
  if (ImGui::Button("Restore link", ImVec2(bw, 0)))
    link_inject(sim::InjectKind::RestoreLink, "repaired");
  ImGui::EndDisabled();
}

void display(UiState& ui) {
  int cell = static_cast<int>(ui.cell);
  ImGui::TextUnformatted("Picture");
  const char* cells[] = {"White", "Blue", "Red"};
  for (int c = 0; c < 3; ++c) {
    same_line_if_fits(check_width(cells[c]));
    ImGui::RadioButton(cells[c], &cell, c);
    mark_control(ui, std::string("run/picture/") + cells[c]);
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "Whose picture the map, the event log and the decisions show:\n"
        "White the truth, Blue what HQ's sensors reported, Red its own\n"
        "and what its intelligence sees. The inspector and the measures\n"
        "still show the truth.");
  }
  ui.cell = static_cast<play::Cell>(cell);
  int mode = static_cast<int>(ui.fill);
  ImGui::TextUnformatted("Fill");
  const char* fills[] = {"Regime [1]", "Control [2]", "Escalation [3]"};
  for (int f = 0; f < 3; ++f) {
    same_line_if_fits(check_width(fills[f]));
    ImGui::RadioButton(fills[f], &mode, f);
    mark_control(ui, "run/fill/" + std::to_string(f + 1));
  }
  ui.fill = static_cast<FillMode>(mode);
  ImGui::Checkbox("Sensor coverage [C]", &ui.coverage);
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "Rings: ISR drones 150 km (purple), air 450 km (blue),\n"
        "naval 250 km (teal), monitoring teams' patrol area (green).");
  }
  ImGui::Checkbox("Full legend [L]", &ui.full_legend);
  same_line_if_fits(button_width("Fit map [F]"));
  if (named_button(ui, "run/fit", "Fit map [F]")) ui.want_fit = true;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
  ImGui::SliderFloat("UI scale", &ui.ui_scale_wanted, 0.75f, 2.5f, "%.2f");
  mark_control(ui, "run/ui_scale");
  same_line_if_fits(button_width("Screenshot"));
  if (named_button(ui, "run/screenshot", "Screenshot")) ui.want_screenshot = true;
}

void keys() {
  // One key per line: it reads as the table it is.
  // clang-format off
  const char* rows[][2] = {
      {"Space", "play / pause"},
      {"N or Right", "step one event"},
      {"+ / -", "faster / slower"},
      {"1 2 3", "fill: regime, control, escalation"},
      {"C", "sensor coverage"},
      {"A", "flank layer: air defence, incidents, deployments"},
      {"L", "legend: compact / full"},
      {"F", "fit the theatre"},
      {"drag / wheel", "pan / zoom at cursor"},
      {"click", "select unit or region"},
      {"Esc", "clear selection"},
      {"F12", "screenshot PNG"},
      {"B", "notes"},
      {"F5", "presenter view (projector)"},
      {"O", "Odds from here"},
      {"T", "Branches (the tree of saves)"},
      {"E", "ORBAT and scenario editor"},
      {"Ctrl+Q", "quit"},
  };
  // clang-format on
  if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_SizingFixedFit)) {
    for (const auto& r : rows) {
      ImGui::TableNextColumn();
      ImGui::TextColored(ImVec4(0.55f, 0.78f, 1, 1), "%s", r[0]);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r[1]);
    }
    ImGui::EndTable();
  }
}

void decisions(const Session& session, UiState& ui) {
  const sim::Simulation& run = session.run();
  if (run.pending_decisions().empty()) return;
  const sim::World& w = run.world();
  const map::Theatre& th = run.theatre();
  // Oldest first, one at a time, of those the cell shown owns. The answer is an action, run
  // after the frame: it erases this decision from the list `d` is in (and may add to it).
  const auto& pending = run.pending_decisions();
  const auto owned = [&](const sim::Decision& p) { return play::owns(ui.cell, p); };
  const auto first = std::find_if(pending.begin(), pending.end(), owned);
  if (first == pending.end()) {
    const bool red = pending.front().kind == sim::Decision::Kind::RedStep;
    ImGui::TextWrapped("The run waits for %s's decision.", red ? "Red" : "Blue");
    return;
  }
  const sim::Decision& d = *first;
  const auto waiting = std::count_if(pending.begin(), pending.end(), owned);
  const sim::Sector* sector = d.sector < w.sectors.size() ? &w.sectors[d.sector] : nullptr;
  const std::string sector_name = sector ? th.region(sector->region).name : "a sector";
  std::string what;
  switch (d.kind) {
    case sim::Decision::Kind::Tasking:
    case sim::Decision::Kind::Approval:
      what = d.kind == sim::Decision::Kind::Tasking ? "HQ tasking" : "National approval";
      if (d.violation < w.violations.size() && w.violations[d.violation].serial == d.serial) {
        const sim::Violation& v = w.violations[d.violation];
        what += ": " + std::string(sim::to_string(v.type)) + " in " + th.region(v.region).name;
      }
      if (d.unit != sim::kNone) what += " (" + unit_name(run, d.unit) + ")";
      break;
    case sim::Decision::Kind::RedStep:
      what = "Red's review of " + sector_name;
      if (sector) what += ", now at " + step_words(sector->step);
      break;
    case sim::Decision::Kind::Combat: {
      const std::string unit = d.unit != sim::kNone ? unit_name(run, d.unit) : "its unit";
      std::string nation = "A nation";
      if (d.unit < w.units.size()) {
        nation = run.scenario().nations[run.scenario().units[w.units[d.unit].spec].nation].name;
      }
      what = nation + "'s approval: may " + unit + " fight in " + sector_name + "?";
      break;
    }
    case sim::Decision::Kind::Article4:
      what = "The coalition: request consultations under Article 4 after the incursion into " +
             (d.flank < w.flanks.size() ? th.region(w.flanks[d.flank].region).name
                                        : std::string("a flank state")) +
             "?";
      break;
    case sim::Decision::Kind::Surge:
      what = (d.nation < run.scenario().nations.size() ? run.scenario().nations[d.nation].name
                                                       : std::string("A nation")) +
             ": surge the units held at home?";
      break;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.8f, 0.3f, 1));
  ImGui::TextWrapped("%s", what.c_str());
  ImGui::PopStyleColor();
  if (d.kind == sim::Decision::Kind::RedStep) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("You play Red. Odds: how likely Red's doctrine takes each.");
    ImGui::PopStyleColor();
  }
  if (waiting > 1) {
    ImGui::TextDisabled("%d more waiting after this one", static_cast<int>(waiting - 1));
  }
  // What the log names the answer by: who decided, the violation and its region, the choice.
  std::string about = d.kind == sim::Decision::Kind::Approval ? "capital" : "HQ";
  if (d.kind == sim::Decision::Kind::Surge && d.nation < run.scenario().nations.size()) {
    about = run.scenario().nations[d.nation].code + "'s capital: surge";
  }
  if (d.violation < w.violations.size() && w.violations[d.violation].serial == d.serial) {
    const sim::Violation& v = w.violations[d.violation];
    about = (d.kind == sim::Decision::Kind::Approval ? std::string("capital") : "HQ") + ": " +
            std::string(sim::to_string(v.type)) + " in " + th.region(v.region).name + " at " +
            sim::format_clock(v.at);
  }
  ImGui::PushID(static_cast<int>(d.id));
  for (std::size_t i = 0; i < d.options.size(); ++i) {
    const bool doctrine = static_cast<std::int32_t>(i) == d.doctrine;
    const sim::DecisionOption& o = d.options[i];
    std::string label;
    const std::string buf =
        option_text(d, i, o.unit == sim::kNone ? "" : unit_name(run, o.unit),
                    sector ? std::optional<sim::RedStep>(sector->step) : std::nullopt, &label);
    ImGui::PushID(static_cast<int>(i));
    // The label broken to the button's width: an option's odds are never cut off.
    const std::string text =
        wrap_text(buf, ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().FramePadding.x);
    if (named_button(ui, "decision/" + std::to_string(i), text.c_str(), ImVec2(-1, 0))) {
      sim::Inject in;
      in.kind = sim::InjectKind::Decide;
      in.decision = d.id;
      in.option = static_cast<std::int32_t>(i);
      in.note = about + " - " + label + (doctrine ? " (doctrine)" : "");
      ui.actions.push_back([in, label](Session& s, UiState& u) {
        // Two answers queued in one frame would leave the second without its decision.
        const auto& pending = s.run().pending_decisions();
        if (std::none_of(pending.begin(), pending.end(),
                         [&](const sim::Decision& p) { return p.id == in.decision; })) {
          u.status = "That decision was already answered.";
          return;
        }
        s.inject(in);
        u.status = sim::format_clock(s.now()) + "  decided: " + label;
      });
    }
    ImGui::PopID();
  }
  ImGui::PopID();
}

}  // namespace

std::string option_text(const sim::Decision& d, std::size_t i, const std::string& unit,
                        std::optional<sim::RedStep> sector_step, std::string* short_label) {
  const sim::DecisionOption& o = d.options[i];
  const bool doctrine = static_cast<std::int32_t>(i) == d.doctrine;
  std::string label;
  char buf[240];
  switch (d.kind) {
    case sim::Decision::Kind::Tasking:
    case sim::Decision::Kind::Approval:
      label = o.unit == sim::kNone ? "record only" : "send " + unit;
      if (d.kind == sim::Decision::Kind::Approval) label = i == 0 ? "approve" : "refuse";
      // Two lines, so that a narrow panel at a large scale cuts nothing off; minutes, not
      // milliseconds, are what a room reads.
      if (o.unit == sim::kNone && d.kind == sim::Decision::Kind::Tasking) {
        std::snprintf(buf, sizeof buf, "%s%s\nno unit moves", label.c_str(),
                      doctrine ? "  (doctrine)" : "");
      } else {
        std::snprintf(buf, sizeof buf, "%s%s\n%s, ETA %s, %.0f%% in standard", label.c_str(),
                      doctrine ? "  (doctrine)" : "", std::string(sim::to_string(o.level)).c_str(),
                      minutes_text(o.eta).c_str(), 100 * o.p_in_standard);
      }
      break;
    case sim::Decision::Kind::RedStep: {
      // [escalate, hold, de-escalate]; an option that cannot move (at the top or the
      // bottom of the ladder) stays at the step it is at.
      static constexpr const char* kMove[] = {"escalate to", "hold at", "de-escalate to"};
      label = std::string(i < 3 ? kMove[i] : "go to") + " " + step_words(o.step);
      if (i != 1 && sector_step && o.step == *sector_step) {  // the ladder ends here
        label =
            std::string(i == 0 ? "escalate" : "de-escalate") + ": stays at " + step_words(o.step);
      }
      std::snprintf(buf, sizeof buf, "%s  (odds %.0f%%)%s", label.c_str(), 100 * o.odds,
                    doctrine ? "  (doctrine)" : "");
      break;
    }
    case sim::Decision::Kind::Combat:
      label = i == 0 ? "fight" : "stay out";
      std::snprintf(buf, sizeof buf, "%s: the defence holds %.0f%%%s", label.c_str(), 100 * o.odds,
                    doctrine ? "  (doctrine)" : "");
      break;
    case sim::Decision::Kind::Article4:
      label = i == 0 ? "request Article 4" : "do not request";
      std::snprintf(buf, sizeof buf,
                    "%s: another major incursion in 30 days %.0f%%, capitals refuse %.0f%%",
                    label.c_str(), 100 * o.odds, 100 * o.refusal);
      break;
    case sim::Decision::Kind::Surge:
      label = i == 0 ? "surge" : "hold at home";
      if (i == 0) {
        std::snprintf(buf, sizeof buf, "%s: its cabinet's odds %.0f%%, first arrival in %s%s",
                      label.c_str(), 100 * o.odds, minutes_text(o.eta).c_str(),
                      doctrine ? "  (doctrine)" : "");
      } else {
        std::snprintf(buf, sizeof buf, "%s: odds %.0f%%%s", label.c_str(), 100 * o.odds,
                      doctrine ? "  (doctrine)" : "");
      }
      break;
  }
  if (short_label != nullptr) *short_label = label;
  return buf;
}

std::vector<sf::Event> click_on(const UiState& ui, const std::string& control) {
  const auto it = ui.controls.find(control);
  if (it == ui.controls.end()) return {};
  const int x = static_cast<int>(it->second.left + it->second.width / 2);
  const int y = static_cast<int>(it->second.top + it->second.height / 2);
  std::vector<sf::Event> out(3);
  out[0].type = sf::Event::MouseMoved;
  out[0].mouseMove = {x, y};
  out[1].type = sf::Event::MouseButtonPressed;
  out[1].mouseButton = {sf::Mouse::Left, x, y};
  out[2].type = sf::Event::MouseButtonReleased;
  out[2].mouseButton = {sf::Mouse::Left, x, y};
  return out;
}

void mark_control(UiState& ui, const std::string& name) {
  const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
  ui.controls[name] = sf::FloatRect(lo.x, lo.y, hi.x - lo.x, hi.y - lo.y);
  const ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 clo = dl->GetClipRectMin(), chi = dl->GetClipRectMax();
  ui.control_clips[name] = sf::FloatRect(clo.x, clo.y, chi.x - clo.x, chi.y - clo.y);
}

void same_line_if_fits(float next_width) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  if (ImGui::GetItemRectMax().x + spacing + next_width <= right) ImGui::SameLine();
}

float check_width(const char* label) {
  const ImGuiStyle& st = ImGui::GetStyle();
  return ImGui::GetFrameHeight() + st.ItemInnerSpacing.x +
         ImGui::CalcTextSize(label, nullptr, true).x;
}

float button_width(const char* label) {
  // A SmallButton keeps the frame's horizontal padding: only its height is smaller.
  return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

std::string wrap_text(const std::string& text, float width) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string line;  // the source line, broken at spaces as it fills
    std::size_t w = start;
    while (w < end) {
      std::size_t next = text.find(' ', w);
      if (next == std::string::npos || next > end) next = end;
      const std::string word = text.substr(w, next - w);
      const std::string longer = line.empty() ? word : line + " " + word;
      if (!line.empty() && ImGui::CalcTextSize(longer.c_str()).x > width) {
        out += line + "\n";
        line = word;
      } else {
        line = longer;
      }
      w = next + 1;
    }
    out += line;
    if (end >= text.size()) break;
    out += "\n";
    start = end + 1;
  }
  return out;
}

bool named_button(UiState& ui, const std::string& name, const char* label, const ImVec2& size) {
  const bool pressed = ImGui::Button(label, size);
  mark_control(ui, name);
  return pressed;
}

bool answer_paced(Session& session, UiState& ui) {
  for (int guard = 0; guard < 1000 && session.run().awaiting_decision(); ++guard) {
    const auto& pending = session.run().pending_decisions();
    const auto d = std::find_if(pending.begin(), pending.end(),
                                [&](const sim::Decision& p) { return play::owns(ui.cell, p); });
    if (d == pending.end() || d->kind != sim::Decision::Kind::Tasking) return true;
    const sim::SimTime now = session.now();
    if (d->id + 1 == ui.last_asked) return true;  // already before the room
    std::erase_if(ui.asked_at, [&](sim::SimTime t) { return t <= now - sim::Duration::hours(1); });
    const auto level = static_cast<int>(d->options.front().level);
    const bool low = level < ui.ask_from_level;
    const bool busy =
        ui.ask_per_hour > 0 && static_cast<int>(ui.asked_at.size()) >= ui.ask_per_hour;
    if (!low && !busy) {
      ui.asked_at.push_back(now);
      ui.last_asked = d->id + 1;
      return true;
    }
    const sim::World& w = session.run().world();
    const sim::DecisionOption& o = d->options[static_cast<std::size_t>(d->doctrine)];
    std::string about = "HQ";
    if (d->violation < w.violations.size() && w.violations[d->violation].serial == d->serial) {
      const sim::Violation& v = w.violations[d->violation];
      about += ": " + std::string(sim::to_string(v.type)) + " in " +
               session.run().theatre().region(v.region).name + " at " + sim::format_clock(v.at);
    }
    sim::Inject in;
    in.kind = sim::InjectKind::Decide;
    in.decision = d->id;
    in.option = d->doctrine;
    in.note = about + " - " +
              (o.unit == sim::kNone ? std::string("record only")
                                    : "send " + unit_name(session.run(), o.unit)) +
              (low ? " (doctrine: below the level asked)" : " (doctrine: pace reached)");
    session.inject(in);
  }
  return session.run().awaiting_decision();
}

void panel_run(const Session& session, UiState& ui, const Layout& at) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(at.left_w, at.height));
  ImGui::Begin("Run", nullptr, kFixedPanel);
  run_controls(session, ui);
  // A failing autosave comes first, above the sections that fold: below them it fell out of
  // sight at 1280x800 once the MSEL section was added. It stays until an autosave works again.
  const saves::Autosaver* autosave = session.autosaver();
  if (autosave != nullptr && autosave->failure().has_value()) {
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
    ImGui::TextWrapped("Autosave failed: %s. The game goes on; it is tried again later.",
                       autosave->failure()->reason.c_str());
    ImGui::PopStyleColor();
    ImGui::Separator();
  }
  if (session.run().awaiting_decision()) {
    ImGui::SetNextItemOpen(true);
    if (ImGui::CollapsingHeader("Decision waiting")) decisions(session, ui);
  }
  if (session.run().scenario().decisions != sim::DecisionMode::Auto &&
      ImGui::CollapsingHeader("Pace of decisions")) {
    static constexpr const char* kLevels[] = {"everything", "show of force and up",
                                              "interpose and up", "engage only"};
    ImGui::TextWrapped("Put to the room:");
    ImGui::SetNextItemWidth(-1);
    ImGui::Combo("##ask_from", &ui.ask_from_level, kLevels, 4);
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderInt("##per_hour", &ui.ask_per_hour, 0, 20,
                     ui.ask_per_hour == 0 ? "no limit an hour" : "at most %d an hour");
    ImGui::TextDisabled("the rest: doctrine, logged as such");
  }
  if (ui.want_msel) ImGui::SetNextItemOpen(true);
  ui.want_msel = false;
  if (ImGui::CollapsingHeader("MSEL: injects to come")) msel_section(session, ui);
  if (ImGui::CollapsingHeader("Live injects", ImGuiTreeNodeFlags_DefaultOpen)) injects(session, ui);
  // Below the live injects, so that a decision waiting and the injects keep their place at
  // 1280x720 (the layout test clicks them there).
  const bool open_commands = ui.want_commands;
  if (open_commands) ImGui::SetNextItemOpen(true);
  ui.want_commands = false;
  if (ImGui::CollapsingHeader("Commands given")) {
    if (open_commands) ImGui::SetScrollHereY(0.0f);  // asked for: brought into sight
    commands_section(session, ui);
  }
  if (ImGui::CollapsingHeader("Display", ImGuiTreeNodeFlags_DefaultOpen)) display(ui);
  if (ImGui::CollapsingHeader("Keys")) keys();
  if (!ui.status.empty()) {
    ImGui::Separator();
    ImGui::TextWrapped("%s", ui.status.c_str());
  }
  ImGui::End();
}

}  // namespace rfsim::render::gui
