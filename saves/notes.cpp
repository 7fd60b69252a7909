// Notes' checks and their wording for people.
#include "saves/notes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "saves/save_error.hpp"
#include "saves/save_file.hpp"
#include "saves/serialize.hpp"

namespace rfsim::saves {

std::optional<std::string> note_problem(const Note& n, sim::SimTime end, std::size_t regions) {
  if (n.at < sim::SimTime::start()) {
    return "at: " + sim::format_duration(n.at - sim::SimTime::start()) +
           " is before the game's start";
  }
  if (n.at > end) {
    return "at: " + sim::format_duration(n.at - sim::SimTime::start()) +
           " is after the game's end (" + sim::format_duration(end - sim::SimTime::start()) + ")";
  }
  if (n.title.empty()) return std::string("title: a note needs a title");
  if (n.title.size() > kMaxNoteTitle) {
    return "title: " + std::to_string(n.title.size()) + " bytes, at most " +
           std::to_string(kMaxNoteTitle) + " expected";
  }
  if (n.text.size() > kMaxNoteText) {
    return "text: " + std::to_string(n.text.size()) + " bytes, at most " +
           std::to_string(kMaxNoteText) + " expected";
  }
  if (n.place == NotePlace::Point && !(std::isfinite(n.lon) && std::isfinite(n.lat) &&
                                       std::abs(n.lon) <= 180 && std::abs(n.lat) <= 90)) {
    return std::string("lon/lat: a place on Earth expected (-180..180, -90..90)");
  }
  if (n.place == NotePlace::Region && regions != 0 && n.region >= regions) {
    return "region: " + std::to_string(n.region) + " is not a region of the theatre (0 to " +
           std::to_string(regions - 1) + ")";
  }
  return std::nullopt;
}

const char* to_string(NoteAuthor a) {
  return a == NoteAuthor::White ? "white" : "observer";
}

std::optional<NoteAuthor> note_author_from_string(const std::string& s) {
  if (s == "white") return NoteAuthor::White;
  if (s == "observer") return NoteAuthor::Observer;
  return std::nullopt;
}

std::string place_text(const Note& n, const map::Theatre* theatre) {
  switch (n.place) {
    case NotePlace::None:
      return "";
    case NotePlace::Point: {
      char buf[48];
      std::snprintf(buf, sizeof buf, "%.2f%c %.2f%c", std::abs(n.lat), n.lat < 0 ? 'S' : 'N',
                    std::abs(n.lon), n.lon < 0 ? 'W' : 'E');
      return buf;
    }
    case NotePlace::Region:
      if (theatre != nullptr && n.region < theatre->region_count()) {
        return theatre->regions()[n.region].name;
      }
      return "region " + std::to_string(n.region);
  }
  return "";
}

std::size_t note_slot(const std::vector<Note>& notes, sim::SimTime at) {
  const auto it = std::upper_bound(notes.begin(), notes.end(), at,
                                   [](sim::SimTime t, const Note& n) { return t < n.at; });
  return static_cast<std::size_t>(it - notes.begin());
}

}  // namespace rfsim::saves

// ---- Notes read from a file: saves/save_file.hpp declares check_notes. ----
namespace rfsim::saves {

namespace {
constexpr std::uint64_t kLengthWord = 8;  // cereal portable binary's size tag
}

std::uint64_t notes_size(const std::vector<Note>& notes) {
  std::uint64_t n = kLengthWord;
  // Each archive to_binary makes starts with one byte of its own (cereal's endianness flag),
  // which the payload holds once, at its very start.
  for (const Note& note : notes) n += to_binary(note).size() - 1;
  return n;
}

void check_notes(const Save& s, std::size_t regions, const std::string& file) {
  if (s.notes.size() > kMaxNotes) {
    throw SaveError(file, "notes", s.notes_offset,
                    "notes: " + std::to_string(s.notes.size()) + " notes, at most " +
                        std::to_string(kMaxNotes) + " expected (payload offset)");
  }
  std::uint64_t at = s.notes_offset + kLengthWord;
  for (std::size_t i = 0; i < s.notes.size(); ++i) {
    const Note& n = s.notes[i];
    // Each field's offset within the note, in the order fields(Note) writes them.
    const std::uint64_t title = at + 8;
    const std::uint64_t text = title + kLengthWord + n.title.size();
    const std::uint64_t place = text + kLengthWord + n.text.size();
    const std::uint64_t lon = place + 1;
    const std::uint64_t region = lon + 16;
    const std::pair<const char*, std::uint64_t> offsets[] = {
        {"at", at}, {"title", title}, {"text", text}, {"lon/lat", lon}, {"region", region}};
    std::optional<std::string> problem = note_problem(n, s.end.at, regions);
    if (!problem && i > 0 && n.at < s.notes[i - 1].at) {
      problem = "at: earlier than the note before it (notes are kept in time order)";
    }
    if (problem) {
      std::uint64_t where = at;
      for (const auto& [field, offset] : offsets) {
        if (problem->rfind(std::string(field) + ":", 0) == 0) where = offset;
      }
      throw SaveError(file, "notes", where,
                      "notes[" + std::to_string(i) + "]." + *problem + " (payload offset)");
    }
    at = region + 4 + 1;  // region (u32) and author (u8)
  }
}

}  // namespace rfsim::saves
