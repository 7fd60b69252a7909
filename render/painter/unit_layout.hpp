// Where unit symbols go on the map: units at or near one place stack in columns of four, a
// stack of more than eight shows seven and a counted deck, stacks that overlap push apart (and
// stay on the map) and a leader line ties a moved stack to its place. Plain arithmetic on pixel
// positions, no GL.
#pragma once

#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/Vector2.hpp>

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace rfsim::render::painter {

/// A stack takes at most two columns of four slots. Up to this many units show one by one; a
/// bigger stack shows one fewer and, in the last slot, a deck marker counting the rest.
inline constexpr std::size_t kStackSlots = 8;

/// Groups points that coincide (within a pixel), then folds each group into a bigger one
/// within `reach` pixels, so stacks form where most things already are and stay put while a
/// single moving thing passes by. Each group: its anchor (the biggest exact group's point)
/// and its members' indices into `pts`, in increasing order.
std::vector<std::pair<sf::Vector2f, std::vector<std::size_t>>> cluster(
    const std::vector<sf::Vector2f>& pts, float reach);

/// One unit to place: where it really is, in pixels, and whether it is selected (a selected
/// unit is never hidden in a stack's deck).
struct UnitPlace {
  sf::Vector2f at;
  bool selected = false;
};

/// Where everything went. Unit indices are into the layout's input.
struct UnitLayout {
  struct Placed {  // a unit's symbol, centred here
    sf::Vector2f at;
    std::size_t unit;
  };
  struct Aggregate {  // a big stack's deck, centred here, for the units it does not show
    sf::Vector2f at;
    std::vector<std::size_t> units;
  };
  std::vector<Placed> placed;
  std::vector<Aggregate> aggregates;
  std::vector<std::pair<sf::Vector2f, sf::Vector2f>> leaders;  // true place -> moved stack
  std::vector<sf::FloatRect> boxes;  // per stack: its frames with their labels to the right
};

/// Lays out every unit (symbols 30 x 20 pixels, labels up to 52 pixels to their right). A
/// stack whose place lies `within` the given pixels (the map's free area) is kept inside it.
UnitLayout layout_units(const std::vector<UnitPlace>& units,
                        std::optional<sf::FloatRect> within = std::nullopt);

}  // namespace rfsim::render::painter
