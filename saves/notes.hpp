// Notes and bookmarks on a game: a moment marked with a title, text and a place, for the
// debrief. They ride in the recording but are not game state: no hash, replay or command sees them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "map/theatre.hpp"
#include "sim/state_fields.hpp"
#include "sim/time.hpp"

namespace rfsim::saves {

/// Who wrote a note: White (control) or an observer. Blue and Red do not take notes
/// (play::may_take_notes says why).
enum class NoteAuthor : std::uint8_t { White, Observer };
/// Where a note points on the map, if anywhere.
enum class NotePlace : std::uint8_t { None, Point, Region };

struct Note {
  sim::SimTime at;  // the moment marked, within the game (0 .. the recording's end)
  std::string title;
  std::string text;
  NotePlace place = NotePlace::None;
  double lon = 0, lat = 0;   // place == Point: degrees
  std::uint32_t region = 0;  // place == Region: a theatre region's index
  NoteAuthor author = NoteAuthor::White;
  bool operator==(const Note&) const = default;
};

// Bounds checked when a note is added and when a save is read.
inline constexpr std::size_t kMaxNoteTitle = 200;  // bytes
inline constexpr std::size_t kMaxNoteText = 4000;  // bytes
inline constexpr std::size_t kMaxNotes = 10000;    // in one game

/// What is wrong with a note in a game that reaches `end` on `regions` regions, as
/// "FIELD: what was expected"; nullopt when it is fine. `regions` 0: not checked.
std::optional<std::string> note_problem(const Note& n, sim::SimTime end, std::size_t regions);

/// "white", "observer"; and back (nullopt for anything else).
const char* to_string(NoteAuthor a);
std::optional<NoteAuthor> note_author_from_string(const std::string& s);

/// The place of a note for people: "", "48.02N 37.80E" or the region's name.
std::string place_text(const Note& n, const map::Theatre* theatre);

/// Where `n` goes in `notes` to keep them in time order (after the notes at the same time).
std::size_t note_slot(const std::vector<Note>& notes, sim::SimTime at);

/// The bytes `notes` take in a save's payload (its length word and each note).
std::uint64_t notes_size(const std::vector<Note>& notes);

template <class V, sim::Of<Note> T>
void fields(V& v, T& n) {
  v("at", n.at);
  v("title", n.title);
  v("text", n.text);
  v("place", n.place);
  v("lon", n.lon);
  v("lat", n.lat);
  v("region", n.region);
  v("author", n.author);
}

}  // namespace rfsim::saves

namespace rfsim::sim {
template <>
inline constexpr saves::NoteAuthor kLast<saves::NoteAuthor> = saves::NoteAuthor::Observer;
template <>
inline constexpr saves::NotePlace kLast<saves::NotePlace> = saves::NotePlace::Region;
}  // namespace rfsim::sim
