// Names of the cells, as the command line and the window write them.
#include "play/cell.hpp"

namespace rfsim::play {

std::string_view to_string(Cell c) {
  switch (c) {
    case Cell::White:
      return "white";
    case Cell::Blue:
      return "blue";
    case Cell::Red:
      return "red";
  }
  return "white";
}

std::string cell_title(Cell c) {
  std::string out(to_string(c));
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::optional<Cell> cell_from_string(std::string_view name) {
  for (const Cell c : {Cell::White, Cell::Blue, Cell::Red}) {
    if (name == to_string(c)) return c;
  }
  return std::nullopt;
}

bool may_take_notes(Cell c, bool observer) {
  return observer || c == Cell::White;
}

std::string_view why_no_notes(Cell c, bool observer) {
  if (may_take_notes(c, observer)) return "";
  return c == Cell::Blue
             ? "Blue's seat may not read or take notes: notes are White's and the observers' "
               "(they are written on the truth, and every reader of the save sees them)."
             : "Red's seat may not read or take notes: notes are White's and the observers' "
               "(they are written on the truth, and every reader of the save sees them).";
}

}  // namespace rfsim::play
