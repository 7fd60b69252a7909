// The machine-readable outputs of a run: trace CSV (as it happens), measures as JSON and
// daily counts as CSV (at the end).
#pragma once

#include <string>

#include "app/output_file.hpp"
#include "sim/simulation.hpp"

namespace rfsim::app {

/// Streams trace records into a CSV file; commit the file when the run is done.
class CsvTrace : public sim::TraceSink {
 public:
  CsvTrace(OutputFile& out, const map::Theatre& theatre, const sim::Scenario& scenario);
  void record(const sim::TraceRecord& r) override;

 private:
  OutputFile& out_;
  const map::Theatre& theatre_;
  const sim::Scenario& scenario_;
  std::string line_;  // reused buffer
};

/// The measures as a JSON document.
std::string metrics_json(const sim::Simulation& run);

/// One row a day: day, regime, counts by type, detected, answered in standard, escalation.
std::string daily_csv(const sim::Simulation& run);

}  // namespace rfsim::app
