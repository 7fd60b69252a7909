// `rfsim notes`: the notes of a save (saves/notes.hpp) written out for the debrief.
#include "app/notes_command.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

#include "app/errors.hpp"
#include "app/load.hpp"
#include "app/output_file.hpp"
#include "saves/save_file.hpp"

namespace rfsim::app {
namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (const char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

const char* place_kind(saves::NotePlace p) {
  switch (p) {
    case saves::NotePlace::None:
      return "none";
    case saves::NotePlace::Point:
      return "point";
    case saves::NotePlace::Region:
      return "region";
  }
  return "none";
}

std::string markdown(const saves::Save& s, const std::string& file, const map::Theatre& th) {
  std::string out = "# Notes: " + (s.meta.title.empty() ? file : s.meta.title) + "\n\n" +
                    std::to_string(s.notes.size()) + " note(s) in " + file + ", to " +
                    sim::format_clock(s.end.at) + ".\n";
  for (std::size_t i = 0; i < s.notes.size(); ++i) {
    const saves::Note& n = s.notes[i];
    const std::string where = saves::place_text(n, &th);
    out += "\n## " + std::to_string(i + 1) + ". " + sim::format_clock(n.at) + ": " + n.title +
           "\n\n*" + saves::to_string(n.author) + (where.empty() ? "" : ", " + where) + "*\n";
    if (!n.text.empty()) out += "\n" + n.text + "\n";
  }
  return out;
}

std::string csv(const saves::Save& s, const map::Theatre& th) {
  std::string out = "index,at_ms,clock,title,text,author,place,lon,lat,region\n";
  for (std::size_t i = 0; i < s.notes.size(); ++i) {
    const saves::Note& n = s.notes[i];
    const bool point = n.place == saves::NotePlace::Point;
    const bool region = n.place == saves::NotePlace::Region;
    out += std::to_string(i + 1) + "," + std::to_string(n.at.ms()) + "," + sim::format_clock(n.at) +
           "," + csv_field(n.title) + "," + csv_field(n.text) + "," + saves::to_string(n.author) +
           "," + place_kind(n.place) + "," + (point ? std::to_string(n.lon) : "") + "," +
           (point ? std::to_string(n.lat) : "") + "," +
           (region ? csv_field(th.region(n.region).id) : "") + "\n";
  }
  return out;
}

std::string json(const saves::Save& s, const std::string& file, const map::Theatre& th) {
  nlohmann::ordered_json notes = nlohmann::ordered_json::array();
  for (const saves::Note& n : s.notes) {
    nlohmann::ordered_json j = {{"at_ms", n.at.ms()},
                                {"clock", sim::format_clock(n.at)},
                                {"title", n.title},
                                {"text", n.text},
                                {"author", saves::to_string(n.author)},
                                {"place", place_kind(n.place)}};
    if (n.place == saves::NotePlace::Point) {
      j["lon"] = n.lon;
      j["lat"] = n.lat;
    }
    if (n.place == saves::NotePlace::Region) {
      j["region"] = th.region(n.region).id;
      j["region_name"] = th.region(n.region).name;
    }
    notes.push_back(std::move(j));
  }
  const nlohmann::ordered_json doc = {
      {"save", file}, {"title", s.meta.title}, {"end_ms", s.end.at.ms()}, {"notes", notes}};
  return doc.dump(2) + "\n";
}

}  // namespace

void add_notes_command(CLI::App& cli, NotesOptions& opts) {
  opts.command = cli.add_subcommand(
      "notes", "print a save's notes and bookmarks for the debrief (Markdown, CSV or JSON)");
  opts.command->add_option("save", opts.save, ".rfsave file")->required();
  opts.command->add_option("--format", opts.format, "md (default), csv or json");
  opts.command->add_option("--out", opts.out, "write to this file (default: stdout)");
}

int run_notes_command(const NotesOptions& opts, const Common& common) {
  if (opts.command == nullptr || !*opts.command) return -1;
  if (opts.format != "md" && opts.format != "csv" && opts.format != "json") {
    throw InputError("--format " + opts.format + ": expected md, csv or json");
  }
  std::unique_ptr<OutputFile> out;
  if (!opts.out.empty()) out = std::make_unique<OutputFile>(opts.out);
  const map::Theatre theatre = load_theatre(common.assets);
  const std::string file = opts.save.string();
  const saves::Save save = saves::read_save(opts.save);
  saves::check_notes(save, theatre.region_count(), file);
  const std::string text = opts.format == "md"    ? markdown(save, file, theatre)
                           : opts.format == "csv" ? csv(save, theatre)
                                                  : json(save, file, theatre);
  if (!out) {
    std::cout << text;
    return 0;
  }
  out->write(text);
  out->commit();
  std::cout << "wrote " << opts.out.string() << ": " << save.notes.size() << " notes of " << file
            << "\n";
  return 0;
}

}  // namespace rfsim::app
