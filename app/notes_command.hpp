// `rfsim notes SAVE [--format md|csv|json] [--out FILE]`: a save's notes and bookmarks, for
// the debrief, as Markdown, CSV or JSON.
#pragma once

#include <filesystem>
#include <string>

#include "app/commands.hpp"

namespace CLI {
class App;
}

namespace rfsim::app {

struct NotesOptions {
  std::filesystem::path save;
  std::string format = "md";  // md, csv or json
  std::filesystem::path out;  // empty: stdout
  CLI::App* command = nullptr;
};

/// Registers `notes` on `cli`; `opts` must outlive parsing.
void add_notes_command(CLI::App& cli, NotesOptions& opts);
/// Runs it when it was chosen; -1 when it was not.
int run_notes_command(const NotesOptions& opts, const Common& common);

}  // namespace rfsim::app
