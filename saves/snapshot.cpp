// Snapshots of a run's state: taking, checking and restoring them.
#include "saves/snapshot.hpp"

#include "saves/save_error.hpp"
#include "saves/serialize.hpp"
#include "sim/state_hash.hpp"

namespace rfsim::saves {

Snapshot take_snapshot(const sim::Simulation& run) {
  Snapshot s;
  s.world = run.world();
  s.streams.reserve(run.streams().all().size());
  for (const auto& [name, stream] : run.streams().all())
    s.streams.emplace_back(name, stream.draws());
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

namespace {

class Checker {
 public:
  Checker(const std::string& file, const std::string& where) : file_(file), where_(where) {}
  void require(bool ok, const std::string& what) const {
    if (!ok) throw SaveError(file_, "state", SaveError::kNoOffset, where_ + ": " + what);
  }

 private:
  const std::string& file_;
  const std::string& where_;
};

}  // namespace

void check_fits(const Snapshot& s, const sim::Scenario& scenario, const map::Theatre& theatre,
                const std::string& file, const std::string& where) {
  const Checker c(file, where);
  const sim::World& w = s.world;
  const std::size_t regions = theatre.region_count();
  const std::size_t units = scenario.units.size();
  const std::size_t slots = w.violations.size();
  auto region_ok = [&](map::RegionId r) { return r < regions; };
  auto unit_ok = [&](std::uint32_t u) { return u < units; };

  c.require(w.regime <= sim::Regime::Full, "regime out of range");
  c.require(w.us_support <= sim::UsSupport::Withdrawn, "US support out of range");
  c.require(w.units.size() == units, "holds " + std::to_string(w.units.size()) +
                                         " units, the scenario has " + std::to_string(units));
  for (std::size_t i = 0; i < w.units.size(); ++i) {
    const sim::Unit& u = w.units[i];
    const std::string at = "units[" + std::to_string(i) + "]";
    c.require(unit_ok(u.spec), at + ".spec out of range");
    c.require(u.state <= sim::UnitState::Withdrawn, at + ".state out of range");
    c.require(region_ok(u.at) && region_ok(u.dest), at + ": region out of range");
    for (map::RegionId r : u.route) c.require(region_ok(r), at + ".route: region out of range");
    c.require(u.task == sim::kNone || u.task < slots, at + ".task out of range");
  }
  for (std::size_t i = 0; i < w.violations.size(); ++i) {
    const sim::Violation& v = w.violations[i];
    const std::string at = "violations[" + std::to_string(i) + "]";
    c.require(region_ok(v.region), at + ".region out of range");
    c.require(static_cast<std::size_t>(v.type) < sim::kViolationTypeCount,
              at + ".type out of range");
    c.require(v.level <= sim::ResponseLevel::Engage, at + ".level out of range");
    c.require(v.responder == sim::kNone || unit_ok(v.responder), at + ".responder out of range");
  }
  for (std::uint32_t f : w.free_violation_slots) c.require(f < slots, "free slot out of range");
  c.require(w.threats.size() == regions, "threats: one per theatre region expected");
  c.require(w.nation_withdrawn.size() == scenario.nations.size(),
            "nation_withdrawn: one per scenario nation expected");
  c.require(w.link_condition.size() == theatre.link_count(),
            "link_condition: one per theatre link expected");
  for (double x : w.link_condition) c.require(x >= 0 && x <= 1, "link condition out of 0..1");
  c.require(w.measures.by_region.size() == regions, "measures.by_region: one per region expected");
  for (const sim::Decision& d : w.decisions) {
    c.require(d.kind <= sim::Decision::Kind::Approval, "decision kind out of range");
    c.require(d.unit == sim::kNone || unit_ok(d.unit), "decision unit out of range");
    for (const sim::DecisionOption& o : d.options) {
      c.require(o.unit == sim::kNone || unit_ok(o.unit), "decision option unit out of range");
    }
  }
  for (const auto& p : w.loop.pending_in_order()) {
    const bool ok = std::visit(
        [&](const auto& e) {
          using E = std::decay_t<decltype(e)>;
          if constexpr (std::is_same_v<E, sim::ThreatTick>)
            return region_ok(e.region);
          else if constexpr (std::is_same_v<E, sim::ProvocationDue>)
            return region_ok(e.region);
          else if constexpr (std::is_same_v<E, sim::ApprovalDue>)
            return unit_ok(e.unit);
          else if constexpr (std::is_same_v<E, sim::Arrived> || std::is_same_v<E, sim::TaskDone>)
            return unit_ok(e.unit);
          else if constexpr (std::is_same_v<E, sim::InjectDue>)
            return e.index < scenario.injects.size();
          else
            return true;  // violations are looked up with a bounds check by the model
        },
        p.event);
    c.require(ok, "pending event " + std::to_string(p.id.seq) + " names something out of range");
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
