// One form for an MSEL line, drawn by the MSEL panel in play and by the scenario editor's MSEL:
// its kind, its time from the start (3d12h or T+3d12h), the kind's parameters and its note.
#pragma once

#include <string>
#include <string_view>

#include "map/theatre.hpp"
#include "render/gui/panels.hpp"
#include "sim/scenario.hpp"

namespace rfsim::render::gui {

/// The form filled from an MSEL line (f.line, f.error and f.shown are left as they are).
void fill_inject_form(MselForm& f, const sim::Inject& line);

/// The form's fields for the units and nations of `scenario`: kind, time, the kind's
/// parameters, note. Controls are named `prefix` + "kind", "at", "note"... in ui.controls.
void inject_form_fields(UiState& ui, const std::string& prefix, MselForm& f,
                        const sim::Scenario& scenario, const map::Theatre& theatre);

/// The MSEL line the form describes (kind f.kind). Throws std::invalid_argument naming what is
/// wrong with the time.
sim::Inject inject_of_form(const MselForm& f);

/// The schedule_msel command that adds the form's line (f.line -2) or moves or edits line
/// f.line: White's desk and a White seat give the same. Throws as inject_of_form().
sim::Inject msel_command_of_form(const MselForm& f);

/// A time from the start as an MSEL's CSV and the forms write it: "2d6h" or "T+2d6h". Throws
/// std::invalid_argument.
sim::Duration parse_msel_time(std::string_view text);

/// An inject in words for the units and nations of `scenario`: "provocation: 5 violations in
/// Donetsk Oblast".
std::string inject_words(const sim::Scenario& scenario, const map::Theatre& theatre,
                         const sim::Inject& in);

}  // namespace rfsim::render::gui
