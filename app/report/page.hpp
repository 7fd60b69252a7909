// The after-action report's HTML: one self-contained page (inline CSS and SVG; the map PNGs
// sit beside it) for a single run or for a batch's results.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/batch/results_csv.hpp"
#include "saves/notes.hpp"
#include "sim/simulation.hpp"

namespace rfsim::app::report {

/// What the report keeps of a run's trace: the key events and decisions, and the counts
/// of refusals and caveat blocks by nation and region. Attach before the run starts.
class TraceDigest : public sim::TraceSink {
 public:
  explicit TraceDigest(const sim::Scenario& scenario);
  void record(const sim::TraceRecord& r) override;

  struct Entry {
    sim::SimTime at;
    sim::TraceKind kind;
    std::uint32_t region;
    std::uint32_t unit;
    std::string detail;
  };
  std::vector<Entry> timeline;                   // injects, ceasefire, refusals, blocks (capped)
  std::map<std::string, std::int64_t> omitted;   // kind -> records left out of the timeline
  std::vector<std::int64_t> refusals_by_nation;  // per Scenario::nations
  std::map<std::uint32_t, std::int64_t> blocks_by_region;
  std::map<std::string, std::int64_t> levels;  // HQ's chosen response levels, by name

 private:
  const sim::Scenario& scenario_;
  std::map<sim::TraceKind, int> kept_;
};

/// A map rendered beside the report (or not, and why).
struct MapShot {
  std::string file;  // name beside the HTML
  sim::SimTime at;
  std::string caption;
  std::string missing;  // why it was not rendered; empty when it was
};

struct Origin {
  std::string kind;                // "scenario" or "save"
  std::string source;              // the file
  std::string note;                // e.g. the save's title and commands
  std::vector<saves::Note> notes;  // a save's notes: the debrief list (empty for a scenario)
};

/// The report of one run at its end.
std::string run_report(const sim::Simulation& run, const TraceDigest& digest,
                       const std::vector<MapShot>& maps, const Origin& origin);

/// The report of a batch: distributions per variant side by side.
std::string batch_report(const batch::ResultsTable& results, const std::string& source,
                         const std::string& scenario_name);

}  // namespace rfsim::app::report
