// Checks that a save fits the scenario it carries and the theatre it is opened on.
#include "saves/open_save.hpp"

#include "saves/save_error.hpp"
#include "saves/snapshot.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::saves {

namespace {

void check_command(const Command& c, std::size_t i, const sim::Scenario& s, const map::Theatre& t,
                   const std::string& file) {
  const sim::Inject& in = c.inject;
  const bool ok = in.kind <= sim::kLast<sim::InjectKind> &&
                  in.line_kind <= sim::kLast<sim::InjectKind> && in.regime <= sim::Regime::Full &&
                  in.us <= sim::UsSupport::Withdrawn && in.nation < s.nations.size() &&
                  in.region < t.region_count() && in.region_b < t.region_count() &&
                  (in.unit == sim::Inject::kAnyUnit || in.unit < s.units.size()) &&
                  in.tier <= sim::Readiness::FollowOn && in.mode <= sim::DeployMode::Sealift &&
                  c.at >= sim::SimTime::start();
  if (!ok) {
    throw SaveError(file, "state", SaveError::kNoOffset,
                    "commands[" + std::to_string(i) + "] names something out of range");
  }
}

}  // namespace

sim::Scenario scenario_of(const Save& save, const map::Theatre& theatre, const std::string& file) {
  // Theatres grow by appending regions and links: a save recorded on an earlier one names a
  // part of today's, and its states grow to the whole when they are used.
  if (save.theatre_fingerprint != theatre_fingerprint(theatre) &&
      !recorded_theatre(save.theatre_fingerprint, theatre)) {
    throw SaveError(file, "theatre", SaveError::kNoOffset,
                    "the save was recorded on other map data (its regions or links differ from "
                    "the theatre in the assets, and are not an earlier part of it)");
  }
  sim::Scenario scenario;
  try {
    scenario = sim::parse_scenario(save.scenario_text, save.scenario_name, theatre);
  } catch (const std::exception& e) {
    throw SaveError(file, "scenario", SaveError::kNoOffset,
                    std::string("the scenario it carries no longer loads: ") + e.what());
  }
  scenario.seed = save.seed;
  for (std::size_t i = 0; i < save.keyframes.size(); ++i) {
    check_fits(save.keyframes[i].state, scenario, theatre, file,
               "keyframes[" + std::to_string(i) + "]");
  }
  check_fits(save.end.state, scenario, theatre, file, "end");
  for (std::size_t i = 0; i < save.commands.size(); ++i) {
    check_command(save.commands[i], i, scenario, theatre, file);
  }
  return scenario;
}

std::unique_ptr<sim::Simulation> start_run(const Save& save, const map::Theatre& theatre,
                                           const std::string& file) {
  return std::make_unique<sim::Simulation>(scenario_of(save, theatre, file), theatre);
}

}  // namespace rfsim::saves
