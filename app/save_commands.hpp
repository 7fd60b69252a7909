// What `rfsim run --save` shares with the save subcommands: starting and writing a recording,
// and reading a live inject from the command line.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "map/theatre.hpp"
#include "saves/recording.hpp"
#include "sim/scenario.hpp"

namespace rfsim::app {

/// A recording of `scenario`, after checking that `save` can be written (folder exists, not a
/// folder) and that `keyframe_every` is a positive duration. Throws InputError.
std::unique_ptr<saves::Recording> start_recording(sim::Scenario scenario,
                                                  const map::Theatre& theatre,
                                                  const std::filesystem::path& save,
                                                  const std::string& keyframe_every);

/// Writes the recording to `save` atomically. Throws RunError when the write fails.
void finish_recording(const saves::Recording& recording, const std::filesystem::path& save);

/// A live inject written as KIND=VALUE: regime=full, us=withdrawn, withdraw=UK,
/// provocation=REGION:COUNT, cut=REGION:REGION, restore=REGION:REGION, surge=all|NATION|TIER,
/// deploy=UNIT:REGION[:MODE], cancel-msel=LINE, msel=TIME:KIND=VALUE (a new MSEL line: TIME
/// from the start as 2d6h or T+2d6h, then any of the others but cancel-msel). Throws InputError.
sim::Inject parse_inject(const std::string& text, const sim::Scenario& scenario,
                         const map::Theatre& theatre);

}  // namespace rfsim::app
