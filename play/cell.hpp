// The cells of an exercise: White (control), Blue (the coalition's HQ and its nations), Red.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rfsim::play {

/// Who a screen draws for. Observers and the presenter follow one of these pictures.
enum class Cell : std::uint8_t {
  White,  // control: the ground truth
  Blue,   // the coalition's HQ and Ukraine: what its sensors reported
  Red,    // the adversary: its own forces and what its intelligence would see
};

/// "white", "blue", "red".
std::string_view to_string(Cell c);
/// "White", "Blue", "Red": the cell as a title for people.
std::string cell_title(Cell c);
/// The cell named by "white", "blue" or "red"; nullopt for anything else.
std::optional<Cell> cell_from_string(std::string_view name);

/// Who may take notes and bookmarks (saves/notes.hpp): White, and observers whatever picture
/// they follow. Blue and Red may not: a note is seen by everyone who reads the save, so a
/// player's note would leak past the fog of war, and White's notes, written on the truth,
/// are not shown to them either.
bool may_take_notes(Cell c, bool observer = false);
/// Why a seat on `c` may not take notes, for the panel ("" when it may).
std::string_view why_no_notes(Cell c, bool observer = false);

}  // namespace rfsim::play
