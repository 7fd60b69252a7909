// The theatre graph: lookups by id, links of a region, link conditions.
#include "map/theatre.hpp"

#include <stdexcept>

namespace rfsim::map {

Theatre Theatre::load(const std::filesystem::path&) { throw std::runtime_error("not yet"); }
std::optional<RegionId> Theatre::find(std::string_view) const { return std::nullopt; }
RegionId Theatre::require(std::string_view id) const {
  throw std::out_of_range("unknown region " + std::string(id));
}
std::vector<LinkId> Theatre::links_of(RegionId) const { return {}; }
std::optional<LinkId> Theatre::link_between(RegionId, RegionId) const { return std::nullopt; }
void Theatre::set_condition(LinkId, double) { ++revision_; }

}  // namespace rfsim::map
