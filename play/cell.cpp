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

std::optional<Cell> cell_from_string(std::string_view name) {
  for (const Cell c : {Cell::White, Cell::Blue, Cell::Red}) {
    if (name == to_string(c)) return c;
  }
  return std::nullopt;
}

}  // namespace rfsim::play
