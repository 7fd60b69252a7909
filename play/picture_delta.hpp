// A change to a cell's picture: what a seat is sent between whole pictures (units that moved,
// violations added or closed, sectors, links' conditions; the rest of the picture whole, it is
// small), and how the seat applies it to the picture it holds.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "play/picture.hpp"

namespace rfsim::play {

struct LinkChange {
  std::uint32_t link = 0;  // index into the theatre's links
  double condition = 1;
};

struct PictureDelta {
  Picture head;  // the picture but for its units, violations, sectors and links (left empty)
  std::vector<UnitView> units;  // added or changed, by id
  std::vector<std::uint32_t> units_gone;
  std::vector<ViolationView> violations;  // added or changed, by slot
  std::vector<std::uint32_t> violations_gone;
  std::vector<SectorView> sectors;  // changed, by index
  std::vector<std::uint32_t> sectors_gone;
  std::vector<LinkChange> links;  // conditions changed
};

/// What turns `before` into `after`; nullopt when only a whole picture will do (another cell,
/// another number of links).
std::optional<PictureDelta> delta_between(const Picture& before, const Picture& after);

/// `p` changed by `d`, its lists kept in their order (ids, slots, indices rising). Throws
/// std::invalid_argument when `d` does not fit `p` (a link out of range).
void apply_delta(Picture& p, const PictureDelta& d);

}  // namespace rfsim::play
