// Snapshots of a run's state: taking, checking and restoring them.
#include "saves/snapshot.hpp"

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

void restore(sim::Simulation& run, const Snapshot& s) {
  run.restore(s.world, s.streams);
}

void check_fits(const Snapshot& s, const sim::Scenario& scenario, const map::Theatre& theatre,
                const std::string& file, const std::string& where) {
  const std::string problem = sim::check_state(s.world, scenario, theatre);
  if (!problem.empty()) {
    throw SaveError(file, "state", SaveError::kNoOffset, where + ".state.world." + problem);
  }
}

std::uint64_t theatre_fingerprint(const map::Theatre& theatre) {
  sim::StateHasher h;
  h.add(static_cast<std::uint64_t>(theatre.region_count()));
  for (map::RegionId r = 0; r < theatre.region_count(); ++r)
    h.add(std::string_view(theatre.region(r).id));
  h.add(static_cast<std::uint64_t>(theatre.link_count()));
  for (map::LinkId l = 0; l < theatre.link_count(); ++l) {
    h.add(theatre.link(l).a);
    h.add(theatre.link(l).b);
  }
  return h.digest();
}

}  // namespace rfsim::saves
