// Snapshots of a run's state: taking, checking and restoring them.
#include "saves/snapshot.hpp"

#include <algorithm>
#include <string_view>

#include "saves/save_error.hpp"
#include "saves/serialize.hpp"
#include "sim/state_check.hpp"
#include "sim/state_hash.hpp"

namespace rfsim::saves {

Snapshot take_snapshot(const sim::Simulation& run) {
  Snapshot s;
  s.world = run.world();
  s.streams = run.streams().positions();
  return s;
}

Keyframe take_keyframe(const sim::Simulation& run, std::uint64_t commands) {
  Keyframe k;
  k.at = run.now();
  k.executed = run.world().loop.executed();
  k.commands = commands;
  k.hash = run.state_hash();
  k.state = take_snapshot(run);
  k.parts = part_hashes(k.state);
  return k;
}

namespace {

// A state recorded on an earlier, smaller theatre (fewer regions or links) than the run's.
bool recorded_on_less(const Snapshot& s, const map::Theatre& theatre) {
  return s.world.threats.size() < theatre.region_count() ||
         s.world.link_condition.size() < theatre.link_count();
}

}  // namespace

void restore(sim::Simulation& run, const Snapshot& s) {
  if (recorded_on_less(s, run.theatre())) {
    Snapshot grown = s;
    grow_to_theatre(grown, run.theatre());
    run.restore(grown.world, grown.streams);
    return;
  }
  run.restore(s.world, s.streams);
}

void check_fits(const Snapshot& s, const sim::Scenario& scenario, const map::Theatre& theatre,
                const std::string& file, const std::string& where) {
  std::string problem;
  if (recorded_on_less(s, theatre)) {
    Snapshot grown = s;
    grow_to_theatre(grown, theatre);
    problem = sim::check_state(grown.world, scenario, theatre);
  } else {
    problem = sim::check_state(s.world, scenario, theatre);
  }
  if (!problem.empty()) {
    throw SaveError(file, "state", SaveError::kNoOffset, where + ".state.world." + problem);
  }
}

std::uint64_t theatre_fingerprint(const map::Theatre& theatre, std::size_t regions,
                                  std::size_t links) {
  regions = std::min(regions, theatre.region_count());
  links = std::min(links, theatre.link_count());
  sim::StateHasher h;
  h.add(static_cast<std::uint64_t>(regions));
  for (map::RegionId r = 0; r < regions; ++r) h.add(std::string_view(theatre.region(r).id));
  h.add(static_cast<std::uint64_t>(links));
  for (map::LinkId l = 0; l < links; ++l) {
    h.add(theatre.link(l).a);
    h.add(theatre.link(l).b);
  }
  return h.digest();
}

std::optional<TheatrePrefix> recorded_theatre(std::uint64_t fingerprint,
                                              const map::Theatre& theatre) {
  // Newest first: today's whole theatre is the usual answer.
  for (std::size_t r = theatre.region_count(); r > 0; --r) {
    for (std::size_t l = theatre.link_count() + 1; l-- > 0;) {
      if (theatre_fingerprint(theatre, r, l) == fingerprint) return TheatrePrefix{r, l};
    }
  }
  return std::nullopt;
}

void grow_to_theatre(Snapshot& s, const map::Theatre& theatre) {
  sim::World& w = s.world;
  const std::size_t regions = theatre.region_count();
  if (w.threats.size() < regions) w.threats.resize(regions);
  if (w.measures.by_region.size() < regions) w.measures.by_region.resize(regions, 0);
  if (w.link_condition.size() < theatre.link_count()) {
    w.link_condition.resize(theatre.link_count(), 1.0);
  }
}

}  // namespace rfsim::saves
