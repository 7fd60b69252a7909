// Branching a save at a time, through a Recording positioned there.
#include "saves/branch.hpp"

#include "saves/recording.hpp"

namespace rfsim::saves {

Save branch(const Save& parent, const std::string& parent_name, const map::Theatre& theatre,
            const BranchOptions& options) {
  Recording rec(parent, theatre, parent_name);
  rec.seek(options.at);
  rec.branch_here(parent_name);
  for (const sim::Inject& in : options.injects) rec.command(in);
  if (options.until && *options.until > options.at) {
    rec.answer_with_doctrine(options.doctrine);
    rec.run_until(*options.until);
  }
  Save out = rec.save();
  out.meta.title = options.title.empty() ? parent.meta.title + " (branch at " +
                                               sim::format_duration(options.at.since_start()) + ")"
                                         : options.title;
  return out;
}

}  // namespace rfsim::saves
