// Writes the golden save of the current format: a two-day game of the default scenario with
// one live command (and, since format 3, two notes), every 6 hours a keyframe, with its trace. Run
// it only when a new format version is added (see tests/golden/README.md); older golden files must
// never be rewritten.
#include <cstdio>
#include <exception>
#include <string>

#include "saves/format.hpp"
#include "saves/recording.hpp"
#include "saves/save_file.hpp"
#include "sim/scenario_loader.hpp"
#include "sim/state_hash.hpp"

int main(int argc, char** argv) {
  using namespace rfsim;
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_golden_save OUT.rfsave\n");
    return 2;
  }
  try {
    const map::Theatre theatre = map::Theatre::load(RFSIM_ASSETS_DIR);
    sim::Scenario scenario = sim::load_scenario(
        std::string(RFSIM_ASSETS_DIR) + "/scenarios/partial-ceasefire.toml", theatre);
    saves::Recording rec(std::move(scenario), theatre,
                         saves::RecordingOptions{sim::Duration::hours(6), true, "golden"});
    rec.run_until(sim::SimTime::at(sim::Duration::hours(30)));
    sim::Inject in;
    in.kind = sim::InjectKind::Provocation;
    in.region = theatre.require("sector_pokrovsk");
    in.count = 4;
    in.note = "golden: staged provocation";
    rec.command(in);
    rec.run_until(sim::SimTime::at(sim::Duration::days(2)));
    // Since format 3: two notes, one on a region and one on a point (not game state).
    saves::Note note;
    note.at = sim::SimTime::at(sim::Duration::hours(30));
    note.title = "Provocation at Pokrovsk";
    note.text = "golden: debrief the 4-violation provocation";
    note.place = saves::NotePlace::Region;
    note.region = in.region;
    rec.add_note(note);
    note.at = sim::SimTime::at(sim::Duration::hours(40));
    note.title = "Observer: QRF late";
    note.text = "";
    note.place = saves::NotePlace::Point;
    note.lon = 37.18;
    note.lat = 48.28;
    note.author = saves::NoteAuthor::Observer;
    rec.add_note(note);
    saves::Save save = rec.save();
    save.meta.created = "2026-01-01T00:00:00Z";  // stable bytes for a stable file
    saves::write_save(argv[1], save);
    std::printf("wrote %s: format %u, end hash %s\n", argv[1],
                static_cast<unsigned>(saves::kCurrentFormat),
                sim::format_hash(save.end.hash).c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_golden_save: %s\n", e.what());
    return 1;
  }
  return 0;
}
