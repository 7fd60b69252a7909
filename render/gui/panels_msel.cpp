// The MSEL in play: its lines in time order (the scenario's and those added in play), those to
// come with when they fire and the note the facilitator reads out, those fired greyed, those
// cancelled struck out; a jump to just before one; cancel, move, edit and add, each a command
// (cancel_msel, schedule_msel) checked before it is given (the form is inject_form's). And the
// commands given: any taken back, a logged answer to a decision answered differently (here or
// in the inspector: redecide_form), each forking the game.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "render/gui/inject_form.hpp"
#include "render/gui/panels.hpp"

namespace rfsim::render::gui {

std::string inject_words(const sim::Simulation& run, const sim::Inject& in) {
  return inject_words(run.scenario(), run.theatre(), in);
}

namespace {

// Fills the form from line `line` (or, for a new line, a regime change an hour from now).
void open_msel_form(const sim::Simulation& run, MselForm& f, int line) {
  f = MselForm{};
  f.line = line;
  sim::Inject in;
  in.at = run.now().since_start() + sim::Duration::hours(1);
  if (line >= 0) in = run.msel_line(static_cast<std::uint32_t>(line));
  fill_inject_form(f, in);
}

void msel_form(const Session& session, UiState& ui) {
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
  inject_form_fields(ui, "msel/form/", f, sc, th);
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
      const sim::Inject in = msel_command_of_form(f);
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
  if (named_button(ui, "msel/add", "Add a line")) open_msel_form(run, ui.msel, -2);
  if (ui.msel.line != -1) msel_form(session, ui);
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
      same_line_if_fits(button_width("Move / edit"));
      if (named_button(ui, "msel/edit/" + n, "Move / edit")) {
        ui.playing = false;
        open_msel_form(run, ui.msel, static_cast<int>(i));
      }
      same_line_if_fits(button_width("Cancel"));
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

std::optional<std::size_t> answer_command(const Session& session, std::uint64_t decision) {
  const std::vector<saves::Command>& log = session.recording().commands();
  for (std::size_t c = 0; c < log.size() && log[c].at <= session.now(); ++c) {
    if (log[c].inject.kind == sim::InjectKind::Decide && log[c].inject.decision == decision) {
      return c;
    }
  }
  return std::nullopt;
}

void ask_redecide(UiState& ui, std::size_t command, RedecideAt where) {
  ui.playing = false;
  ui.redecide = static_cast<int>(command);
  ui.redecide_option = -1;
  ui.redecide_at = where;
}

void redecide_form(const Session& session, UiState& ui, RedecideAt where) {
  const std::vector<saves::Command>& log = session.recording().commands();
  if (ui.redecide < 0 || ui.redecide_at != where ||
      static_cast<std::size_t>(ui.redecide) >= log.size() ||
      log[static_cast<std::size_t>(ui.redecide)].at > session.now() ||
      log[static_cast<std::size_t>(ui.redecide)].inject.kind != sim::InjectKind::Decide) {
    return;
  }
  const sim::Simulation& run = session.run();
  const sim::Command& c = log[static_cast<std::size_t>(ui.redecide)];
  const auto& asked = session.decisions_asked();
  const auto it = asked.find(c.inject.decision);
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
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
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%zu given up to now; any may be taken back", given);
  ImGui::PopStyleColor();
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
  redecide_form(session, ui, RedecideAt::Commands);
  // Every command given, newest first, in a list that scrolls: any may be taken back (with
  // those after it); any logged answer to a decision may be answered differently. Rows of one
  // height (a line of text, a line of buttons), so that the clipper draws only those in sight
  // of a long game's log.
  // In a narrow panel (1280x720) "Answer differently" goes under "Take back": every row then
  // has both lines of buttons, so that the rows keep one height.
  const float inside = ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().WindowPadding.x -
                       ImGui::GetStyle().ScrollbarSize;
  const bool two_lines = button_width("Take back") + ImGui::GetStyle().ItemSpacing.x +
                             button_width("Answer differently") >
                         inside;
  const float row_h = ImGui::GetTextLineHeightWithSpacing() +
                      ImGui::GetFrameHeightWithSpacing() * (two_lines ? 2.0f : 1.0f);
  const float h =
      row_h * std::min(6.0f, static_cast<float>(given)) + ImGui::GetStyle().WindowPadding.y * 2;
  ImGui::BeginChild("##commands", ImVec2(0, h), true);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(given), row_h);
  while (clipper.Step()) {
    for (int n = clipper.DisplayStart; n < clipper.DisplayEnd; ++n) {
      const std::size_t c = given - 1 - static_cast<std::size_t>(n);
      const sim::Command& cmd = log[c];
      ImGui::PushID(static_cast<int>(c));
      const std::string words =
          cmd.inject.note.empty() ? inject_words(run, cmd.inject) : cmd.inject.note;
      ImGui::TextDisabled("%s", sim::format_clock(cmd.at).c_str());
      ImGui::SameLine();
      ImGui::TextUnformatted(words.c_str());  // one line, cut at the edge; whole when hovered
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", words.c_str());
      const std::string id = std::to_string(c);
      if (named_button(ui, "takeback/" + id, "Take back")) {
        ui.playing = false;
        ui.take_back = static_cast<int>(c);
      }
      if (cmd.inject.kind == sim::InjectKind::Decide) {
        if (!two_lines) ImGui::SameLine();
        if (named_button(ui, "redecide/" + id, "Answer differently")) {
          ask_redecide(ui, c, RedecideAt::Commands);
        }
      } else if (two_lines) {
        ImGui::Dummy(ImVec2(0, ImGui::GetFrameHeight()));  // the row's height, as the others
      }
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
}

}  // namespace rfsim::render::gui
