// Re-simulating a save to collect its tracks, or reading them off its keyframes.
#include "saves/game_tracks.hpp"

#include <algorithm>
#include <unordered_map>

#include "saves/format.hpp"
#include "saves/geo_state.hpp"
#include "saves/open_save.hpp"
#include "saves/replay.hpp"
#include "saves/snapshot.hpp"

namespace rfsim::saves {
namespace {

// How often every unit is looked at between trace records: often enough to catch a move that
// starts without a record of its own (the way home after a task) before it ends.
constexpr sim::Duration kScanEvery = sim::Duration::minutes(10);

struct Plan {
  sim::UnitState state = sim::UnitState::Moving;
  sim::SimTime depart, arrive;
  map::RegionId dest = 0;
  std::vector<map::RegionId> route;
  bool operator==(const Plan&) const = default;
};

std::optional<Plan> plan_of(const sim::Unit& u) {
  const bool moving = u.state == sim::UnitState::Moving || u.state == sim::UnitState::Returning ||
                      u.state == sim::UnitState::Deploying;
  if (!moving || u.route.size() < 2) return std::nullopt;
  return Plan{u.state, u.depart, u.arrive, u.dest, u.route};
}

// When the plan passes each region of its route: the model moves a unit at an even pace along
// the great-circle legs between the regions' label points (Simulation::unit_position).
std::vector<sim::SimTime> pass_times(const Plan& p, const map::Theatre& t) {
  std::vector<double> along{0.0};
  for (std::size_t i = 1; i < p.route.size(); ++i) {
    along.push_back(along.back() +
                    map::distance_km(t.region(p.route[i - 1]).label, t.region(p.route[i]).label));
  }
  const double total = along.back();
  const auto span = static_cast<double>((p.arrive - p.depart).count_ms());
  std::vector<sim::SimTime> out;
  for (std::size_t i = 0; i < p.route.size(); ++i) {
    const double f = total > 0 ? along[i] / total : (i + 1 == p.route.size() ? 1.0 : 0.0);
    out.push_back(p.depart + sim::Duration::ms(static_cast<std::int64_t>(f * span + 0.5)));
  }
  out.back() = p.arrive;
  return out;
}

// Where the plan has the unit at time t, by the same rule.
map::LonLat position_on(const Plan& p, sim::SimTime t, const map::Theatre& theatre) {
  const std::vector<sim::SimTime> at = pass_times(p, theatre);
  if (t <= at.front()) return theatre.region(p.route.front()).label;
  for (std::size_t i = 1; i < at.size(); ++i) {
    if (t <= at[i]) {
      const auto leg = static_cast<double>((at[i] - at[i - 1]).count_ms());
      const double f = leg > 0 ? static_cast<double>((t - at[i - 1]).count_ms()) / leg : 1.0;
      const map::LonLat a = theatre.region(p.route[i - 1]).label;
      const map::LonLat b = theatre.region(p.route[i]).label;
      return {a.lon + f * (b.lon - a.lon), a.lat + f * (b.lat - a.lat)};
    }
  }
  return theatre.region(p.dest).label;
}

// Follows violations through their trace records (re-simulated or recorded alike).
class ViolationLog {
 public:
  explicit ViolationLog(std::vector<ViolationTrack>& out) : out_(out) {}
  void record(const sim::TraceRecord& r) {
    if (r.violation == 0) return;
    if (r.kind == sim::TraceKind::Violation) {
      ViolationTrack v;
      v.serial = r.violation;
      v.type = sim::violation_type_from(r.detail).value_or(sim::ViolationType::SmallArms);
      v.region = r.region;
      v.at = r.time;
      index_[v.serial] = out_.size();
      out_.push_back(v);
      return;
    }
    const auto it = index_.find(r.violation);
    if (it == index_.end()) return;  // happened before the records began
    ViolationTrack& v = out_[it->second];
    switch (r.kind) {
      case sim::TraceKind::Detected:
        v.detected = r.time;
        v.level = sim::response_level_from(r.detail);
        // Recording is the whole answer: the monitors' report is the response.
        if (v.level == sim::ResponseLevel::Record) v.answered = r.time;
        break;
      case sim::TraceKind::Dispatched:
        v.responder = r.unit;
        break;
      case sim::TraceKind::Arrived:
        v.answered = r.time;
        v.responder = r.unit;
        break;
      case sim::TraceKind::Refused:
        ++v.refusals;
        break;
      case sim::TraceKind::Blocked:
        v.blocked = true;
        break;
      case sim::TraceKind::Unanswered:
        if (!v.standard_passed) v.standard_passed = r.time;
        break;
      default:
        break;
    }
  }

 private:
  std::vector<ViolationTrack>& out_;
  std::unordered_map<std::uint64_t, std::size_t> index_;
};

// Watches a re-simulation: every unit's moves and states, every violation.
class Collector : public sim::TraceSink {
 public:
  Collector(const sim::Simulation& run, GameTracks& out)
      : run_(run), out_(out), known_(run.world().units.size()), violations_(out.violations) {
    out_.units.assign(run.world().units.size(), {});
  }

  void record(const sim::TraceRecord& r) override {
    if (r.unit < known_.size()) observe(r.unit, true);
    if (r.kind == sim::TraceKind::Inject) sample_all();  // a withdrawal stops units at once
    violations_.record(r);
  }
  void scan() {
    for (std::uint32_t u = 0; u < known_.size(); ++u) observe(u, false);
  }
  void sample_all() {
    for (std::uint32_t u = 0; u < known_.size(); ++u) observe(u, true);
  }

 private:
  struct Known {
    std::optional<Plan> plan;
    sim::UnitState state = sim::UnitState::Idle;
    bool seen = false;
  };

  void observe(std::uint32_t u, bool sample) {
    const sim::Unit& unit = run_.world().units[u];
    const map::Theatre& t = run_.theatre();
    const sim::SimTime now = run_.now();
    std::vector<TrackPoint>& points = out_.units[u];
    Known& k = known_[u];
    const std::optional<Plan> plan = plan_of(unit);
    const bool new_plan = plan != k.plan;
    if (new_plan && k.plan && now < k.plan->arrive) {
      // Cut short (a withdrawal): what the old plan foresaw after now did not happen.
      std::erase_if(points, [&](const TrackPoint& p) { return p.at > now; });
      points.push_back({now, position_on(*k.plan, now, t), k.plan->state});
    }
    if (sample || new_plan || unit.state != k.state || !k.seen) {
      points.push_back({now, run_.unit_position(u), unit.state});
    }
    if (new_plan && plan) {
      // The whole move on the model's route, also where it was found late (the way home).
      const std::vector<sim::SimTime> at = pass_times(*plan, t);
      for (std::size_t i = 0; i < at.size(); ++i) {
        points.push_back({at[i], t.region(plan->route[i]).label, plan->state});
      }
    }
    k.plan = plan;
    k.state = unit.state;
    k.seen = true;
  }

  const sim::Simulation& run_;
  GameTracks& out_;
  std::vector<Known> known_;
  ViolationLog violations_;
};

// Re-simulates the save with a Collector watching; "" when every recorded hash matched, else why
// not.
std::string resimulate(const Save& save, const map::Theatre& theatre, const std::string& file,
                       GameTracks& out) {
  if (!hashes_checkable(save.format)) {
    return "the save is of format " + std::to_string(save.format) +
           ", whose hashes this rfsim cannot check";
  }
  std::unique_ptr<sim::Simulation> run = start_run(save, theatre, file);
  Collector watch(*run, out);
  run->set_trace(&watch);
  watch.sample_all();
  std::size_t next_command = 0;
  for (const Keyframe* k : recorded_points(save)) {
    sim::CommandList log(save.commands, next_command, k->commands);
    for (;;) {
      const std::int64_t step = kScanEvery.count_ms();
      const sim::SimTime scan = sim::SimTime::from_ms((run->now().ms() / step + 1) * step);
      const sim::SimTime target = std::min(k->at, scan);
      run->advance(target, log, k->executed);
      const bool reached = run->now() == target;
      watch.scan();
      if (!reached || target == k->at) break;
    }
    next_command = log.position();
    if (!at_keyframe(*run, *k)) {
      run->set_trace(nullptr);
      return "re-simulation left the recording by " + sim::format_clock(k->at) +
             " (the model has changed since the save was written)";
    }
    watch.sample_all();
  }
  run->set_trace(nullptr);
  return "";
}

void from_keyframes(const Save& save, const map::Theatre& theatre, const std::string& file,
                    GameTracks& out) {
  std::unique_ptr<sim::Simulation> run = start_run(save, theatre, file);
  out.units.assign(run->world().units.size(), {});
  for (const Keyframe* k : recorded_points(save)) {
    restore(*run, k->state);
    for (std::uint32_t u = 0; u < out.units.size(); ++u) {
      out.units[u].push_back({k->at, run->unit_position(u), run->world().units[u].state});
    }
  }
  ViolationLog log(out.violations);
  for (const TraceEntry& e : save.trace) log.record(e.record);
}

bool same_place(const TrackPoint& a, const TrackPoint& b) {
  return a.where.lon == b.where.lon && a.where.lat == b.where.lat;
}

// In time order up to the game's end (a move still under way at the end was foreseen past it),
// without repeats, and a stay in one place as its first and last point only.
void tidy(std::vector<TrackPoint>& points, sim::SimTime end) {
  std::erase_if(points, [&](const TrackPoint& p) { return p.at > end; });
  std::stable_sort(points.begin(), points.end(),
                   [](const TrackPoint& a, const TrackPoint& b) { return a.at < b.at; });
  std::vector<TrackPoint> out;
  for (const TrackPoint& p : points) {
    if (!out.empty() && out.back().at == p.at && same_place(out.back(), p)) {
      out.back().state = p.state;  // the later observation of the same moment
      continue;
    }
    if (out.size() >= 2 && same_place(out[out.size() - 2], out.back()) &&
        same_place(out.back(), p) && out[out.size() - 2].state == out.back().state &&
        out.back().state == p.state) {
      out.back() = p;  // the stay goes on: move its last point
      continue;
    }
    out.push_back(p);
  }
  points = std::move(out);
}

}  // namespace

GameTracks game_tracks(const Save& save, const map::Theatre& theatre, const std::string& file) {
  GameTracks out;
  out.end = save.end.at;
  const std::string why = resimulate(save, theatre, file, out);
  if (why.empty()) {
    out.resimulated = true;
    out.how = "re-simulated from the start; every keyframe's hash matched";
  } else {
    out = GameTracks{};
    out.end = save.end.at;
    from_keyframes(save, theatre, file, out);
    out.how = why + ": positions at the recorded keyframes only (every " +
              sim::format_duration(sim::Duration::ms(save.keyframe_every_ms)) + ")" +
              (save.has_trace ? ", violations from the recorded trace"
                              : ", no violations (the save has no trace)");
  }
  for (std::vector<TrackPoint>& points : out.units) tidy(points, out.end);
  return out;
}

GeoDocument tracks_document(const GameTracks& tracks, const sim::Scenario& scenario,
                            const map::Theatre& theatre) {
  GeoDocument doc;
  doc.title = scenario.name + ": the whole game";
  doc.layers = {"tracks", "positions", "violations"};
  doc.about = {{"scenario", scenario.name},
               {"seed", static_cast<std::int64_t>(scenario.seed)},
               {"end", tracks.end},
               {"resimulated", tracks.resimulated},
               {"how", tracks.how}};
  for (std::uint32_t u = 0; u < tracks.units.size(); ++u) {
    const std::vector<TrackPoint>& points = tracks.units[u];
    if (points.empty()) continue;
    const std::vector<GeoProperty> about = unit_properties(scenario, theatre, u);
    if (points.size() >= 2) {
      GeoFeature line;
      line.layer = "tracks";
      line.name = scenario.units[u].id;
      line.style = "track";
      line.shape = GeoShape::LineString;
      for (const TrackPoint& p : points) {
        line.points.push_back(p.where);
        line.times.push_back(p.at);
      }
      line.time = points.front().at;
      line.time_end = points.back().at;
      line.properties = about;
      doc.features.push_back(std::move(line));
    }
    const std::string style = side_of(scenario, u) == "russia" ? "hostile" : "friend";
    for (std::size_t i = 0; i < points.size(); ++i) {
      GeoFeature f;
      f.layer = "positions";
      f.name = scenario.units[u].id;
      f.style = style;
      f.points = {points[i].where};
      f.time = points[i].at;
      f.time_end = i + 1 < points.size() ? points[i + 1].at : std::max(tracks.end, points[i].at);
      for (const GeoProperty& p : about) {
        if (p.name == "id" || p.name == "nation" || p.name == "side" || p.name == "type" ||
            p.name == "sidc") {
          f.properties.push_back(p);
        }
      }
      f.properties.push_back({"state", std::string(to_string(points[i].state))});
      doc.features.push_back(std::move(f));
    }
  }
  for (const ViolationTrack& v : tracks.violations) {
    GeoFeature f;
    f.layer = "violations";
    f.name = std::string(sim::to_string(v.type)) + " #" + std::to_string(v.serial);
    f.style = "violation";
    f.points = {theatre.region(v.region).label};
    f.time = v.at;
    f.time_end = v.answered ? *v.answered : v.standard_passed ? *v.standard_passed : tracks.end;
    if (*f.time_end < v.at) f.time_end = v.at;
    auto time = [](const std::optional<sim::SimTime>& t) { return t ? GeoValue{*t} : GeoValue{}; };
    f.properties = {
        {"id", static_cast<std::int64_t>(v.serial)},
        {"type", std::string(sim::to_string(v.type))},
        {"region", theatre.region(v.region).id},
        {"detected", v.detected.has_value()},
        {"detected_time", time(v.detected)},
        {"level", v.level ? GeoValue{std::string(sim::to_string(*v.level))} : GeoValue{}},
        {"answered_time", time(v.answered)},
        {"responder", v.responder < scenario.units.size() ? GeoValue{scenario.units[v.responder].id}
                                                          : GeoValue{}},
        {"refusals", std::int64_t{v.refusals}},
        {"blocked_by_caveats", v.blocked},
        {"standard_passed_time", time(v.standard_passed)},
    };
    doc.features.push_back(std::move(f));
  }
  return doc;
}

}  // namespace rfsim::saves
