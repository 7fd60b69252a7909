// The MSEL in play: its lines in time order (the scenario's and those added in play), those to
// come with when they fire and the note the facilitator reads out, those fired greyed, those
// cancelled struck out; a jump to just before one; cancel, move, edit and add, each a command
// (cancel_msel, schedule_msel) checked before it is given. And the commands given: the last
// ones taken back, a logged answer to a decision answered differently, each forking the game.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "render/gui/panels.hpp"

namespace rfsim::render::gui {

std::string inject_words(const sim::Simulation& run, const sim::Inject& in) {
  const map::Theatre& th = run.theatre();
  const auto region = [&](map::RegionId r) {
    return r < th.region_count() ? th.region(r).name : std::string("?");
  };
  switch (in.kind) {
    case sim::InjectKind::SetRegime:
      return "regime becomes " + std::string(sim::to_string(in.regime));
    case sim::InjectKind::SetUsSupport:
      return "US support becomes " + std::string(sim::to_string(in.us));
    case sim::InjectKind::NationWithdraws:
      return (in.nation < run.scenario().nations.size() ? run.scenario().nations[in.nation].name
                                                        : std::string("a nation")) +
             " withdraws";
    case sim::InjectKind::Provocation:
      return "provocation: " + std::to_string(in.count) + " violations in " + region(in.region);
    case sim::InjectKind::CutLink:
      return "link cut: " + region(in.region) + " - " + region(in.region_b);
    case sim::InjectKind::RestoreLink:
      return "link restored: " + region(in.region) + " - " + region(in.region_b);
    case sim::InjectKind::Decide:
      return "decision " + std::to_string(in.decision) + ", option " + std::to_string(in.option);
    case sim::InjectKind::CancelMsel:
      return "MSEL line " + std::to_string(in.line) + " cancelled";
    case sim::InjectKind::ScheduleMsel: {
      sim::Inject line = in;
      line.kind = in.line_kind;
      return (in.line == sim::Inject::kNoLine
                  ? "MSEL line added at "
                  : "MSEL line " + std::to_string(in.line) + " moved or edited, now at ") +
             sim::format_clock(sim::SimTime::at(in.at)) + ": " + inject_words(run, line);
    }
    case sim::InjectKind::Surge:
    case sim::InjectKind::Deploy: {
      const auto& units = run.scenario().units;
      const std::string who = in.unit < units.size() ? units[in.unit].id
                              : in.kind == sim::InjectKind::Surge && !in.any_nation &&
                                      in.nation < run.scenario().nations.size()
                                  ? run.scenario().nations[in.nation].name + "'s units at home"
                                  : std::string("every unit at home");
      return in.kind == sim::InjectKind::Surge ? "surge: " + who
                                               : "deploy " + who + " to " + region(in.region);
    }
  }
  return std::string(sim::to_string(in.kind));
}

namespace {
// The kinds an MSEL line may have, in the form's order.
std::vector<sim::InjectKind> line_kinds() {
  std::vector<sim::InjectKind> out;
  for (std::size_t k = 0; k < sim::kInjectKindCount; ++k) {
    if (sim::schedulable(static_cast<sim::InjectKind>(k))) {
      out.push_back(static_cast<sim::InjectKind>(k));
    }
  }
  return out;
}

template <typename NameOf>
void form_combo(const char* label, int& current, int count, NameOf name_of) {
  const std::string preview = current >= 0 && current < count ? name_of(current) : "(choose)";
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo(label, preview.c_str())) {
    for (int i = 0; i < count; ++i) {
      if (ImGui::Selectable(name_of(i).c_str(), i == current)) current = i;
    }
    ImGui::EndCombo();
  }
}

template <std::size_t N>
void copy_text(std::array<char, N>& to, const std::string& from) {
  to.fill('\0');
  from.copy(to.data(), N - 1);
}

// Fills the form from line `line` (or, for a new line, a regime change an hour from now).
void open_form(const sim::Simulation& run, MselForm& f, int line) {
  f = MselForm{};
  f.line = line;
  sim::Inject in;
  in.at = run.now().since_start() + sim::Duration::hours(1);
  if (line >= 0) in = run.msel_line(static_cast<std::uint32_t>(line));
  f.kind = static_cast<int>(in.kind);
  copy_text(f.at, sim::format_duration(in.at));
  f.regime = static_cast<int>(in.regime);
  f.us = static_cast<int>(in.us);
  f.nation = static_cast<int>(in.nation);
  f.region = static_cast<int>(in.region);
  f.region_b = static_cast<int>(in.region_b);
  f.count = std::max(1, in.count);
  f.unit = in.unit == sim::Inject::kAnyUnit ? -1 : static_cast<int>(in.unit);
  f.any_nation = in.any_nation;
  copy_text(f.note, in.note);
}

// The schedule_msel command the form describes; throws std::invalid_argument for a time
// that does not read.
sim::Inject form_command(const MselForm& f) {
  sim::Inject in;
  in.kind = sim::InjectKind::ScheduleMsel;
  in.line_kind = static_cast<sim::InjectKind>(f.kind);
  in.line = f.line >= 0 ? static_cast<std::uint32_t>(f.line) : sim::Inject::kNoLine;
  in.at = sim::parse_duration(f.at.data());
  in.regime = static_cast<sim::Regime>(f.regime);
  in.us = static_cast<sim::UsSupport>(f.us);
  in.nation = static_cast<std::uint32_t>(std::max(0, f.nation));
  in.region = static_cast<map::RegionId>(std::max(0, f.region));
  in.region_b = static_cast<map::RegionId>(std::max(0, f.region_b));
  in.count = f.count;
  in.unit = f.unit < 0 ? sim::Inject::kAnyUnit : static_cast<std::uint32_t>(f.unit);
  in.any_nation = f.any_nation;
  in.note = f.note.data();
  return in;
}

void form(const Session& session, UiState& ui) {
  const sim::Simulation& run = session.run();
  const sim::Scenario& sc = run.scenario();
  const map::Theatre& th = run.theatre();
  MselForm& f = ui.msel;
  // Scrolled out of sight above (a line far down the list was opened): bring it into view.
  if (!f.shown && ImGui::GetCursorScreenPos().y < ImGui::GetWindowPos().y) {
    ImGui::SetScrollHereY(0.2f);
  }
  f.shown = true;
  ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
  ImGui::TextWrapped("%s", f.line < 0
                               ? "Add a line to the MSEL"
                               : ("Move or edit MSEL line " + std::to_string(f.line)).c_str());
  ImGui::PopStyleColor();
  const std::vector<sim::InjectKind> kinds = line_kinds();
  int k = static_cast<int>(
      std::find(kinds.begin(), kinds.end(), static_cast<sim::InjectKind>(f.kind)) - kinds.begin());
  form_combo("##kind", k, static_cast<int>(kinds.size()),
             [&](int i) { return std::string(sim::to_string(kinds[i])); });
  if (k >= 0 && k < static_cast<int>(kinds.size())) f.kind = static_cast<int>(kinds[k]);
  ImGui::TextDisabled("fires at, from the start (3d12h):");
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##at", "3d12h", f.at.data(), f.at.size());
  const auto region_name = [&](int i) { return th.region(static_cast<map::RegionId>(i)).name; };
  const int regions = static_cast<int>(th.region_count());
  const int nations = static_cast<int>(sc.nations.size());
  switch (static_cast<sim::InjectKind>(f.kind)) {
    case sim::InjectKind::SetRegime:
      form_combo("##regime", f.regime, static_cast<int>(sim::kRegimeCount),
                 [](int i) { return std::string(sim::to_string(static_cast<sim::Regime>(i))); });
      break;
    case sim::InjectKind::SetUsSupport:
      form_combo("##us", f.us, static_cast<int>(sim::kUsSupportCount),
                 [](int i) { return std::string(sim::to_string(static_cast<sim::UsSupport>(i))); });
      break;
    case sim::InjectKind::NationWithdraws:
      form_combo("##nation", f.nation, nations, [&](int i) { return sc.nations[i].name; });
      break;
    case sim::InjectKind::Provocation:
      form_combo("##region", f.region, regions, region_name);
      ImGui::SetNextItemWidth(-1);
      ImGui::SliderInt("##count", &f.count, 1, 30, "%d violations");
      break;
    case sim::InjectKind::CutLink:
    case sim::InjectKind::RestoreLink:
      form_combo("##region", f.region, regions, region_name);
      form_combo("##region_b", f.region_b, regions, region_name);
      break;
    case sim::InjectKind::Surge:
      ImGui::Checkbox("every nation", &f.any_nation);
      if (!f.any_nation) {
        form_combo("##nation", f.nation, nations, [&](int i) { return sc.nations[i].name; });
      }
      break;
    case sim::InjectKind::Deploy:
      form_combo("##unit", f.unit, static_cast<int>(sc.units.size()),
                 [&](int i) { return sc.units[i].id; });
      form_combo("##region", f.region, regions, region_name);
      break;
    default:
      break;
  }
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##note", "note to read out", f.note.data(), f.note.size());
  if (!f.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
    ImGui::TextWrapped("Refused: %s", f.error.c_str());
    ImGui::PopStyleColor();
  }
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (named_button(ui, "msel/form/save", f.line < 0 ? "Add line" : "Move / edit",
                   ImVec2(half, 0))) {
    // Checked here, so that a refusal is said in the form and nothing is logged.
    try {
      const sim::Inject in = form_command(f);
      f.error = run.check(in);
      if (f.error.empty()) {
        ui.actions.push_back([in](Session& s, UiState& u) {
          s.inject(in);
          u.status = sim::format_clock(s.now()) + "  " + inject_words(s.run(), in);
        });
        f.line = -1;
      }
    } catch (const std::invalid_argument& e) {
      f.error = std::string("time: ") + e.what();
    }
  }
  ImGui::SameLine();
  if (named_button(ui, "msel/form/close", "Close", ImVec2(half, 0))) f.line = -1;
  ImGui::Separator();
}

// A line drawn through each row of the last (wrapped) text: a cancelled line stays readable
// but struck out.
void strike_last_item() {
  const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
  const float row = ImGui::GetTextLineHeight();
  const ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text);
  for (float y = lo.y + row / 2; y < hi.y; y += row) {
    ImGui::GetWindowDrawList()->AddLine(ImVec2(lo.x, y), ImVec2(hi.x, y), colour, 1.5f);
  }
}

}  // namespace

void msel_section(const Session& session, UiState& ui) {
  const sim::Simulation& run = session.run();
  const std::uint32_t lines = run.msel_lines();
  const std::size_t scenario_lines = run.scenario().injects.size();
  ui.msel_rows.clear();
  if (named_button(ui, "msel/add", "Add a line")) open_form(run, ui.msel, -2);
  if (ui.msel.line != -1) form(session, ui);
  if (lines == 0) {
    ImGui::TextDisabled("The scenario has no MSEL.");
    return;
  }
  std::vector<std::uint32_t> order(lines);
  std::iota(order.begin(), order.end(), std::uint32_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return run.msel_line(a).at < run.msel_line(b).at;
  });
  const sim::SimTime now = session.now();
  int to_come = 0;
  for (std::uint32_t i : order) {
    to_come += sim::SimTime::at(run.msel_line(i).at) > now && !run.msel_cancelled(i);
  }
  ImGui::TextDisabled("%d to come of %u", to_come, lines);
  if (ui.msel_cancel >= 0 && static_cast<std::uint32_t>(ui.msel_cancel) < lines) {
    // The question is asked before anything is given, and names the line.
    const auto line = static_cast<std::uint32_t>(ui.msel_cancel);
    ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
    ImGui::TextWrapped("Cancel line %u at %s: %s?", line,
                       sim::format_clock(sim::SimTime::at(run.msel_line(line).at)).c_str(),
                       inject_words(run, run.msel_line(line)).c_str());
    ImGui::PopStyleColor();
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (named_button(ui, "msel/cancel/confirm", "Cancel the line", ImVec2(half, 0))) {
      sim::Inject in;
      in.kind = sim::InjectKind::CancelMsel;
      in.line = line;
      if (const std::string why = run.check(in); !why.empty()) {
        ui.status = "Not cancelled: " + why;
      } else {
        ui.actions.push_back([in](Session& s, UiState& u) {
          s.inject(in);
          u.status = sim::format_clock(s.now()) + "  " + inject_words(s.run(), in);
        });
      }
      ui.msel_cancel = -1;
    }
    ImGui::SameLine();
    if (named_button(ui, "msel/cancel/keep", "Keep it", ImVec2(half, 0))) ui.msel_cancel = -1;
    ImGui::Separator();
  }
  for (std::uint32_t i : order) {
    const sim::Inject& in = run.msel_line(i);
    const sim::SimTime at = sim::SimTime::at(in.at);
    const bool cancelled = run.msel_cancelled(i);
    const bool added = i >= scenario_lines;
    const bool fired = at <= now && !cancelled;
    const bool pending = at > now && !cancelled;
    ImGui::PushID(static_cast<int>(i));
    if (!pending)
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    std::string state = cancelled ? "cancelled in play"
                        : fired   ? "fired"
                                  : "in " + minutes_text(at - now);
    if (added) state += ", added in play";
    const std::string when = sim::format_clock(at) + "  (" + state + ")";
    ImGui::TextWrapped("%s", when.c_str());
    const std::string words = inject_words(run, in);
    ImGui::TextWrapped("%s", words.c_str());
    if (cancelled) strike_last_item();
    if (!in.note.empty()) {
      ImGui::Indent();
      ImGui::TextWrapped("\"%s\"", in.note.c_str());  // what the facilitator reads out
      if (cancelled) strike_last_item();
      ImGui::Unindent();
    }
    if (!pending) ImGui::PopStyleColor();
    ui.msel_rows.push_back(std::to_string(i) + " | " + sim::format_clock(at) + " | " + words +
                           " | " + state);
    if (pending) {
      const std::string n = std::to_string(i);
      if (named_button(ui, "msel/jump/" + n, "Jump before")) {
        ui.playing = false;
        ui.actions.push_back([t = at - sim::Duration::minutes(1)](Session& s, UiState& u) {
          s.jump_to(t);
          u.status = "Jumped to " + sim::format_clock(s.now()) + ", a minute before an inject";
        });
      }
      ImGui::SameLine();
      if (named_button(ui, "msel/edit/" + n, "Move / edit")) {
        ui.playing = false;
        open_form(run, ui.msel, static_cast<int>(i));
      }
      ImGui::SameLine();
      if (named_button(ui, "msel/cancel/" + n, "Cancel")) {
        ui.playing = false;
        ui.msel_cancel = static_cast<int>(i);
      }
    }
    ImGui::PopID();
    ImGui::Separator();
  }
}

namespace {

// One option of a decision in words, with its odds: what "answer differently" offers (the
// Run panel's words, on one line).
std::string option_words(const sim::Simulation& run, const sim::Decision& d, std::size_t i) {
  const sim::DecisionOption& o = d.options[i];
  std::string text =
      option_text(d, i, o.unit == sim::kNone ? "" : unit_name(run, o.unit), std::nullopt, nullptr);
  for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at)) {
    text.replace(at, 1, ", ");
  }
  return text;
}

}  // namespace

void commands_section(const Session& session, UiState& ui) {
  const sim::Simulation& run = session.run();
  const std::vector<saves::Command>& log = session.recording().commands();
  const sim::SimTime now = session.now();
  std::size_t given = 0;  // commands at or before now
  while (given < log.size() && log[given].at <= now) ++given;
  if (given == 0) {
    ImGui::TextDisabled("No command given yet.");
    return;
  }
  ImGui::TextDisabled("%zu given up to now", given);
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (ui.take_back >= 0 && static_cast<std::size_t>(ui.take_back) < given) {
    const auto c = static_cast<std::size_t>(ui.take_back);
    ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
    ImGui::TextWrapped("Takes the game back to %s and drops %zu command%s; the later play is %s.",
                       sim::format_clock(log[c].at).c_str(), log.size() - c,
                       log.size() - c == 1 ? "" : "s", session.later_play_fate().c_str());
    ImGui::PopStyleColor();
    if (named_button(ui, "takeback/confirm", "Take back", ImVec2(half, 0))) {
      ui.playing = false;
      ui.actions.push_back([c](Session& s, UiState& u) {
        const std::size_t dropped = s.recording().commands().size() - c;
        const std::string fate = s.take_back(c);
        u.status = "Took back " + std::to_string(dropped) + " command" + (dropped == 1 ? "" : "s") +
                   ": the game is at " + sim::format_clock(s.now()) +
                   " as if never given; the later play is " + fate + ".";
      });
      ui.take_back = -1;
    }
    ImGui::SameLine();
    if (named_button(ui, "takeback/keep", "Keep it", ImVec2(half, 0))) ui.take_back = -1;
    ImGui::Separator();
  }
  if (ui.redecide >= 0 && static_cast<std::size_t>(ui.redecide) < given &&
      log[ui.redecide].inject.kind == sim::InjectKind::Decide) {
    const sim::Command& c = log[ui.redecide];
    const auto& asked = session.decisions_asked();
    const auto it = asked.find(c.inject.decision);
    ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
    ImGui::TextWrapped("Answer decision %llu differently (answered at %s with option %d):",
                       static_cast<unsigned long long>(c.inject.decision),
                       sim::format_clock(c.at).c_str(), c.inject.option);
    ImGui::PopStyleColor();
    if (it == asked.end()) {
      ImGui::TextWrapped("Its options are not known in this window (asked before it opened).");
    } else {
      const sim::Decision& d = it->second;
      for (std::size_t i = 0; i < d.options.size(); ++i) {
        const std::string text = option_words(run, d, i);  // doctrine's choice marked
        ImGui::PushID(static_cast<int>(i));
        if (static_cast<std::int32_t>(i) == c.inject.option) {
          ImGui::BulletText("%s  (the answer given)", text.c_str());
        } else if (named_button(ui, "redecide/option/" + std::to_string(i), text.c_str(),
                                ImVec2(-1, 0))) {
          ui.redecide_option = static_cast<int>(i);
        }
        ImGui::PopID();
      }
    }
    if (ui.redecide_option >= 0) {
      ImGui::TextWrapped("Forks the game at %s with option %d instead; the later play is %s.",
                         sim::format_clock(c.at).c_str(), ui.redecide_option,
                         session.later_play_fate().c_str());
      if (named_button(ui, "redecide/confirm", "Answer differently", ImVec2(half, 0))) {
        ui.playing = false;
        ui.actions.push_back(
            [id = c.inject.decision, o = ui.redecide_option](Session& s, UiState& u) {
              try {
                const std::string fate = s.answer_differently(id, o);
                u.status = "Decision " + std::to_string(id) + " answered with option " +
                           std::to_string(o) + ": a branch at " + sim::format_clock(s.now()) +
                           " (not saved yet); the later play is " + fate + ".";
              } catch (const std::exception& e) {
                u.status = std::string("Not answered differently: ") + e.what();
              }
            });
        ui.redecide = ui.redecide_option = -1;
      }
      ImGui::SameLine();
    }
    if (named_button(ui, "redecide/keep", "Keep it", ImVec2(half, 0))) {
      ui.redecide = ui.redecide_option = -1;
    }
    ImGui::Separator();
  }
  // The last commands, newest first: the last three may be taken back; any logged answer to a
  // decision may be answered differently.
  constexpr std::size_t kShown = 12, kTakeBack = 3;
  for (std::size_t n = 0; n < std::min(given, kShown); ++n) {
    const std::size_t c = given - 1 - n;
    const sim::Command& cmd = log[c];
    ImGui::PushID(static_cast<int>(c));
    ImGui::TextDisabled("%s", sim::format_clock(cmd.at).c_str());
    ImGui::TextWrapped(
        "%s", (cmd.inject.note.empty() ? inject_words(run, cmd.inject) : cmd.inject.note).c_str());
    const std::string id = std::to_string(c);
    if (n < kTakeBack && named_button(ui, "takeback/" + id, "Take back")) {
      ui.playing = false;
      ui.take_back = static_cast<int>(c);
    }
    if (cmd.inject.kind == sim::InjectKind::Decide) {
      if (n < kTakeBack) ImGui::SameLine();
      if (named_button(ui, "redecide/" + id, "Answer differently")) {
        ui.playing = false;
        ui.redecide = static_cast<int>(c);
        ui.redecide_option = -1;
      }
    }
    ImGui::PopID();
    ImGui::Separator();
  }
}

}  // namespace rfsim::render::gui
