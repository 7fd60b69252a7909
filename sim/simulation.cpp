// The run: builds the starting world from a scenario, dispatches each event to its rule,
// and hashes the whole state.
#include "sim/simulation.hpp"

#include <cmath>
#include <stdexcept>

#include "sim/detail/rules.hpp"
#include "sim/sensors.hpp"
#include "sim/state_hash.hpp"

namespace rfsim::sim {

Simulation::Simulation(Scenario scenario, const map::Theatre& theatre)
    : scenario_(std::move(scenario)),
      theatre_(theatre),
      router_(theatre_),
      streams_(scenario_.seed),
      handles_(std::make_unique<Handles>()) {
  handles_->point_at(streams_, scenario_, theatre_);
  World& w = world_;
  w.regime = scenario_.regime;
  w.us_support = scenario_.us_support;
  w.nation_withdrawn.assign(scenario_.nations.size(), false);
  w.link_condition.assign(theatre_.link_count(), 1.0);
  router_.set_conditions(w.link_condition);
  w.measures.by_region.assign(theatre_.region_count(), 0);
  w.measures.today.day = 1;
  Rules::init_sectors(*this);
  Rules::init_threats(*this);
  w.units.resize(scenario_.units.size());
  for (std::uint32_t u = 0; u < w.units.size(); ++u) {
    Unit& unit = w.units[u];
    unit.spec = u;
    unit.at = unit.dest = scenario_.units[u].home;
    unit.munitions = scenario_.units[u].munitions;
    unit.strength = scenario_.units[u].strength;
    if (scenario_.units[u].readiness != Readiness::InTheatre) {
      unit.state = UnitState::AtHome;  // out of the force until a surge brings it
      continue;
    }
    Rules::set_presence(*this, u, unit.at, +1);
  }
  // The day's end first: a day closes before an inject at the same moment opens the next.
  w.loop.schedule_at(SimTime::at(Duration::days(1)), DayEnds{});
  for (std::uint32_t i = 0; i < scenario_.injects.size(); ++i) {
    w.loop.schedule_at(SimTime::at(scenario_.injects[i].at), InjectDue{i});
  }
}

Simulation::~Simulation() = default;

void Simulation::operator()(SimTime, const Event& event) {
  std::visit(
      [this](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, ThreatTick>)
          Rules::on_tick(*this, e);
        else if constexpr (std::is_same_v<E, Detected>)
          Rules::on_detected(*this, e);
        else if constexpr (std::is_same_v<E, StandardDue>)
          Rules::on_standard_due(*this, e);
        else if constexpr (std::is_same_v<E, ApprovalDue>)
          Rules::on_approval(*this, e);
        else if constexpr (std::is_same_v<E, Arrived>)
          Rules::on_arrived(*this, e);
        else if constexpr (std::is_same_v<E, TaskDone>)
          Rules::on_task_done(*this, e);
        else if constexpr (std::is_same_v<E, InjectDue>)
          Rules::on_inject_due(*this, e);
        else if constexpr (std::is_same_v<E, ProvocationDue>)
          Rules::on_provocation(*this, e);
        else if constexpr (std::is_same_v<E, DayEnds>)
          Rules::on_day_ends(*this);
        else if constexpr (std::is_same_v<E, RedReview>)
          Rules::on_red_review(*this, e);
        else if constexpr (std::is_same_v<E, TheatreReview>)
          Rules::on_theatre_review(*this);
        else if constexpr (std::is_same_v<E, CombatTick>)
          Rules::on_combat_tick(*this, e);
        else if constexpr (std::is_same_v<E, FlankDue>)
          Rules::on_flank(*this, e);
      },
      event);
}

namespace {

/// No commands at all: run_until() and step().
class NoCommands : public CommandSource {
 public:
  const Command* next() override { return nullptr; }
  void pop() override {}
};

}  // namespace

bool CommandSource::answer(const Simulation&) {
  return false;
}

void Simulation::advance(SimTime target, CommandSource& source, std::uint64_t max_executed) {
  EventLoop<Event>& loop = world_.loop;
  for (;;) {
    const std::optional<SimTime> next_event = loop.next_time();
    const Command* c = source.next();
    const bool command_due = c != nullptr && c->at <= target;
    // A run paused for a player's decision takes the next command at once: it was given while
    // the run waited, before the events due at the same moment. Otherwise a command at t comes
    // after every event at or before t.
    if (command_due && (awaiting_decision() || !next_event || c->at < *next_event)) {
      // No event lies before it, so this only moves the clock; a run that waits for a player
      // stays where it is (a command is stamped with the moment it was given, which is now).
      if (!awaiting_decision() && c->at > now()) loop.run_until(c->at, *this);
      const Inject in = c->inject;
      source.pop();
      apply(in);
      continue;
    }
    if (awaiting_decision()) {
      if (source.answer(*this)) continue;  // doctrine stands in for the player
      return;                              // the run waits for a person
    }
    if (next_event && *next_event <= target && loop.executed() < max_executed) {
      loop.step(*this);
      continue;
    }
    break;
  }
  const std::optional<SimTime> next_event = loop.next_time();
  if ((!next_event || *next_event > target) && now() < target) loop.run_until(target, *this);
}

void Simulation::run_until(SimTime t) {
  NoCommands none;
  advance(t, none);
}

bool Simulation::step() {
  const std::optional<SimTime> next = next_event_time();
  if (!next || awaiting_decision()) return false;
  const std::uint64_t before = world_.loop.executed();
  NoCommands none;
  advance(*next, none, before + 1);
  return world_.loop.executed() > before;
}

void Simulation::command(const Inject& in) {
  if (const std::string why = check(in); !why.empty()) throw std::invalid_argument(why);
  CommandQueue one;
  one.push(Command{now(), in});
  advance(now(), one);
}

void Simulation::apply(const Inject& in) {
  // A logged command that no longer fits (a save edited by hand, a model that changed) is
  // refused here too, before it can touch the state.
  if (const std::string why = check(in); !why.empty()) throw std::invalid_argument(why);
  Rules::apply(*this, in);
}

void Simulation::restore(const World& world, const std::vector<StreamPosition>& streams) {
  world_ = world;
  streams_ = RandomStreams::at(streams_.seed(), streams);
  router_.set_conditions(world_.link_condition);
  handles_->point_at(streams_, scenario_, theatre_);
  Rules::complete(*this);
}

void Simulation::Handles::point_at(RandomStreams& streams, const Scenario& sc,
                                   const map::Theatre& t) {
  regions = t.region_count();
  threat.clear();
  for (map::RegionId r = 0; r < regions; ++r)
    threat.push_back(&streams.get("threat/" + t.region(r).id));
  detect.clear();
  for (const UnitSpec& u : sc.units) detect.push_back(&streams.get("detect/" + u.id));
  sensors.clear();
  for (std::uint32_t u = 0; u < sc.units.size(); ++u) {
    const UnitType t = sc.units[u].type;
    const bool coalition = sc.nations[sc.units[u].nation].side == Side::Coalition;
    if (coalition && (t == UnitType::MonitoringTeam || sensor_range_km(t) > 0)) {
      sensors.push_back(u);
    }
  }
  approval.clear();
  for (const Nation& n : sc.nations) approval.push_back(&streams.get("approval/" + n.code));
  cameras = &streams.get("detect/cameras");
  us_intel = &streams.get("detect/us_intel");
  host_nation = &streams.get("detect/host_nation");
  engage.clear();
  for (const UnitSpec& u : sc.units) engage.push_back(&streams.get("engage/" + u.id));
  red_theatre = &streams.get("red/theatre");
  sector_of.assign(t.region_count(), kNone);
  sector_regions.clear();
  sector_km.clear();
  red.clear();
  combat.clear();
  for (map::RegionId r = 0; r < t.region_count(); ++r) {
    const map::Region& g = t.region(r);
    if (g.kind != map::RegionKind::ContactSector) continue;
    sector_of[r] = static_cast<std::uint32_t>(sector_regions.size());
    sector_regions.push_back(r);
    double line = 0;
    for (std::size_t i = 1; i < g.line.size(); ++i)
      line += map::distance_km(g.line[i - 1], g.line[i]);
    sector_km.push_back(line);
    red.push_back(&streams.get("red/" + g.id));
    combat.push_back(&streams.get("combat/" + g.id));
  }
  flank.clear();
  flank_regions.clear();
  flank_of.assign(t.region_count(), kNone);
  flank_staging.clear();
  for (map::RegionId r = 0; r < t.region_count(); ++r) {
    const map::Region& g = t.region(r);
    if (g.kind != map::RegionKind::Flank) continue;
    flank_of[r] = static_cast<std::uint32_t>(flank_regions.size());
    flank_regions.push_back(r);
    flank.push_back(&streams.get("flank/" + g.id));
    std::vector<map::RegionId> staging;
    for (map::RegionId x = 0; x < t.region_count(); ++x) {
      const map::Region& h = t.region(x);
      if (h.kind == map::RegionKind::Staging && h.country == g.country) staging.push_back(x);
    }
    flank_staging.push_back(std::move(staging));
  }
  if (weights.size() != t.region_count()) weights = violation_weights(t);
  if (km.size() != regions * regions) {
    km.resize(regions * regions);
    for (map::RegionId a = 0; a < regions; ++a) {
      for (map::RegionId b = 0; b < regions; ++b) {
        km[a * regions + b] = map::distance_km(t.region(a).label, t.region(b).label);
      }
    }
  }
}

std::uint64_t Simulation::state_hash() const {
  return sim::state_hash(world_, streams_.positions());
}

map::LonLat Simulation::unit_position(std::uint32_t u) const {
  const Unit& unit = world_.units.at(u);
  const map::LonLat at = theatre_.region(unit.at).label;
  const bool moving = unit.state == UnitState::Moving || unit.state == UnitState::Returning ||
                      unit.state == UnitState::Deploying;
  if (!moving || unit.route.size() < 2 || now() <= unit.depart) return at;
  if (now() >= unit.arrive) return theatre_.region(unit.dest).label;
  // Interpolate along the route's label points by distance (the distances between regions'
  // label points are the ones the model computed once, in handles_).
  double total = 0;
  for (std::size_t i = 1; i < unit.route.size(); ++i) {
    total += handles_->distance(unit.route[i - 1], unit.route[i]);
  }
  double along =
      total * static_cast<double>((now() - unit.depart).count_ms()) /
      static_cast<double>(std::max<std::int64_t>(1, (unit.arrive - unit.depart).count_ms()));
  for (std::size_t i = 1; i < unit.route.size(); ++i) {
    const double leg = handles_->distance(unit.route[i - 1], unit.route[i]);
    if (along <= leg || i + 1 == unit.route.size()) {
      const double f = leg > 0 ? std::min(1.0, along / leg) : 1.0;
      const map::LonLat a = theatre_.region(unit.route[i - 1]).label;
      const map::LonLat b = theatre_.region(unit.route[i]).label;
      return {a.lon + f * (b.lon - a.lon), a.lat + f * (b.lat - a.lat)};
    }
    along -= leg;
  }
  return theatre_.region(unit.dest).label;
}

}  // namespace rfsim::sim
