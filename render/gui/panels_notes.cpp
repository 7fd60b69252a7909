// The notes and bookmarks window: a note at the current time (and a place on the map), the
// list that jumps to one, edit and delete; the notes' marks on the timeline; and the buttons
// over the map's corner that open it and the presenter view.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "play/cell.hpp"
#include "render/gui/panels.hpp"

namespace rfsim::render::gui {

namespace {

const ImU32 kNoteColour = IM_COL32(110, 190, 255, 255);

bool may_see_notes(const UiState& ui) {
  return play::may_take_notes(ui.cell, ui.observer);
}

void open_note_form(UiState& ui, const Session& session, int editing) {
  NoteForm& f = ui.note;
  f = NoteForm{};
  f.editing = editing;
  if (editing >= 0) {
    const saves::Note& n = session.notes()[static_cast<std::size_t>(editing)];
    f.at = n.at;
    copy_into(f.title, n.title);
    copy_into(f.text, n.text);
    f.place = static_cast<int>(n.place);
    if (n.place == saves::NotePlace::Point) f.point = map::LonLat{n.lon, n.lat};
    if (n.place == saves::NotePlace::Region) f.region = n.region;
  } else {
    f.at = session.now();
    if (ui.selected.region) {
      f.place = 1;
      f.region = *ui.selected.region;
    }
  }
}

// A Selectable that the tests and the script driver can click by name, as named_button.
bool named_selectable(UiState& ui, const std::string& name, const std::string& label) {
  const bool pressed = ImGui::Selectable(label.c_str());
  mark_control(ui, name);
  return pressed;
}

void note_form(const Session& session, UiState& ui) {
  NoteForm& f = ui.note;
  const map::Theatre& th = session.run().theatre();
  ImGui::Text("%s at %s", f.editing >= 0 ? "Editing the note" : "New note",
              sim::format_clock(f.at).c_str());
  ImGui::SameLine();
  if (named_button(ui, "notes/now", "Set to now")) f.at = session.now();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##title", "title", f.title.data(), f.title.size());
  mark_control(ui, "notes/title");
  ImGui::InputTextMultiline("##text", f.text.data(), f.text.size(),
                            ImVec2(-1, ImGui::GetTextLineHeight() * 4.5f));
  // The region selected on the map follows the form while "region" is chosen.
  if (f.place == 1 && ui.selected.region) f.region = *ui.selected.region;
  ImGui::RadioButton("no place", &f.place, 0);
  ImGui::SameLine();
  const std::string region_label =
      f.region && *f.region < th.region_count() ? th.region(*f.region).name : "selected region";
  ImGui::RadioButton(region_label.c_str(), &f.place, 1);
  ImGui::SameLine();
  ImGui::RadioButton("point", &f.place, 2);
  if (f.place == 2) {
    ImGui::SameLine();
    if (named_button(ui, "notes/pick", f.picking ? "click the map..." : "Pick on map")) {
      f.picking = !f.picking;
    }
    if (f.point) {
      ImGui::SameLine();
      ImGui::TextDisabled("%.2f, %.2f", f.point->lat, f.point->lon);
    }
  } else {
    f.picking = false;
  }
  if (!f.error.empty()) ImGui::TextColored(kWarning, "%s", f.error.c_str());
  if (named_button(ui, "notes/save", "Save note")) {
    saves::Note n;
    n.at = f.at;
    n.title = f.title.data();
    n.text = f.text.data();
    n.author = ui.observer ? saves::NoteAuthor::Observer : saves::NoteAuthor::White;
    f.error.clear();
    if (f.place == 1) {
      if (f.region) {
        n.place = saves::NotePlace::Region;
        n.region = *f.region;
      } else {
        f.error = "Select a region on the map first.";
      }
    } else if (f.place == 2) {
      if (f.point) {
        n.place = saves::NotePlace::Point;
        n.lon = f.point->lon;
        n.lat = f.point->lat;
      } else {
        f.error = "Pick the point on the map first.";
      }
    }
    if (f.error.empty()) {
      ui.actions.push_back([n, editing = f.editing](Session& s, UiState& u) {
        try {
          if (editing >= 0) {
            s.edit_note(static_cast<std::size_t>(editing), n);
          } else {
            s.add_note(n);
          }
          u.note = NoteForm{};
          u.status = "Note saved: " + n.title;
        } catch (const std::invalid_argument& e) {
          u.note.error = std::string("Not saved: ") + e.what();
        }
      });
    }
  }
  ImGui::SameLine();
  if (named_button(ui, "notes/cancel", "Cancel")) ui.note = NoteForm{};
}

void note_list(const Session& session, UiState& ui) {
  const std::vector<saves::Note>& notes = session.notes();
  if (notes.empty()) {
    ImGui::TextDisabled("No notes yet.");
    return;
  }
  const map::Theatre& th = session.run().theatre();
  for (std::size_t i = 0; i < notes.size(); ++i) {
    const saves::Note& n = notes[i];
    ImGui::PushID(static_cast<int>(i));
    const std::string id = std::to_string(i);
    const std::string label = sim::format_clock(n.at) + "  " + n.title;
    if (named_button(ui, "notes/edit/" + id, "Edit"))
      open_note_form(ui, session, static_cast<int>(i));
    ImGui::SameLine();
    if (named_button(ui, "notes/delete/" + id, "Delete")) {
      ui.actions.push_back([i](Session& s, UiState& u) {
        if (i >= s.notes().size()) return;
        u.status = "Note deleted: " + s.notes()[i].title;
        s.remove_note(i);
        if (u.note.editing == static_cast<int>(i)) u.note = NoteForm{};
      });
    }
    ImGui::SameLine();
    if (named_selectable(ui, "notes/jump/" + id, label)) {
      ui.playing = false;
      ui.actions.push_back([i](Session& s, UiState& u) {
        if (i >= s.notes().size()) return;
        const saves::Note note = s.notes()[i];
        s.jump_to(note.at);
        if (const auto where = note_place(s, note)) u.centre_on = *where;
        if (note.place == saves::NotePlace::Region)
          u.selected = Pick{std::nullopt, note.region, std::nullopt};
        u.status = "Note " + std::to_string(i + 1) + ": " + note.title + " (" +
                   sim::format_clock(s.now()) + ")";
      });
    }
    if (ImGui::IsItemHovered() && (!n.text.empty() || n.place != saves::NotePlace::None)) {
      const std::string where = saves::place_text(n, &th);
      ImGui::SetTooltip("%s%s%s\nby %s", n.text.c_str(), n.text.empty() ? "" : "\n",
                        where.empty() ? "no place" : where.c_str(), saves::to_string(n.author));
    }
    ImGui::PopID();
  }
}

// "Notes (B)" and "Presenter (F5)" over the map's top-right corner.
void corner_buttons(UiState& ui, const Layout& l) {
  // Under the map's banner (clock and scenario) and the Saves bar, at its right.
  ImGui::SetNextWindowPos(ImVec2(l.width - l.right_w - 8, map_bar_top(3)), ImGuiCond_Always,
                          ImVec2(1, 0));
  ImGui::SetNextWindowBgAlpha(0.75f);
  ImGui::Begin("##map-corner", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav);
  if (named_button(ui, "notes/toggle", ui.show_notes ? "Hide notes (B)" : "Notes (B)")) {
    ui.show_notes = !ui.show_notes;
  }
  ImGui::SameLine();
  if (named_button(ui, "presenter/toggle", "Presenter (F5)")) ui.presenter = true;
  ImGui::End();
}

}  // namespace

std::optional<map::LonLat> note_place(const Session& session, const saves::Note& n) {
  switch (n.place) {
    case saves::NotePlace::Point:
      return map::LonLat{n.lon, n.lat};
    case saves::NotePlace::Region:
      if (n.region < session.run().theatre().region_count()) {
        return session.run().theatre().region(n.region).label;
      }
      return std::nullopt;
    case saves::NotePlace::None:
      return std::nullopt;
  }
  return std::nullopt;
}

void panel_notes(const Session& session, UiState& ui, const Layout& at) {
  corner_buttons(ui, at);
  if (!ui.show_notes) return;
  const float map_w = at.width - at.left_w - at.right_w;
  ImGui::SetNextWindowPos(ImVec2(at.left_w + 8, 112 * ui.ui_scale), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(std::min(500.0f * ui.ui_scale, map_w - 16),
                                  std::min(250.0f * ui.ui_scale, at.height - at.bottom_h - 16)),
                           ImGuiCond_FirstUseEver);
  ImGui::Begin("Notes and bookmarks", &ui.show_notes, ImGuiWindowFlags_NoSavedSettings);
  if (!may_see_notes(ui)) {
    ImGui::TextWrapped("%s", std::string(play::why_no_notes(ui.cell, ui.observer)).c_str());
    ImGui::End();
    return;
  }
  if (ui.note.editing == -1) {
    const std::string label = "Add note at " + sim::format_clock(session.now());
    if (named_button(ui, "notes/add", label.c_str())) open_note_form(ui, session, -2);
    ImGui::SameLine();
    ImGui::TextDisabled("%zu notes, by %s", session.notes().size(),
                        ui.observer ? "an observer" : "White");
  } else {
    note_form(session, ui);
  }
  ImGui::Separator();
  note_list(session, ui);
  ImGui::End();
}

void timeline_note_marks(const Session& session, const UiState& ui, ImVec2 p0, ImVec2 p1) {
  if (!may_see_notes(ui)) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const double end_ms = static_cast<double>(std::max<std::int64_t>(1, session.end().ms()));
  for (const saves::Note& n : session.notes()) {
    const float x = p0.x + static_cast<float>(n.at.ms() / end_ms) * (p1.x - p0.x);
    // A flag on a pole from the bottom edge: apart from the injects' triangles at the top.
    dl->AddLine(ImVec2(x, p1.y), ImVec2(x, p1.y - 14), kNoteColour, 2);
    dl->AddTriangleFilled(ImVec2(x, p1.y - 14), ImVec2(x + 8, p1.y - 11), ImVec2(x, p1.y - 8),
                          kNoteColour);
  }
}

}  // namespace rfsim::render::gui
