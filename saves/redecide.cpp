// Forking a saved game just before a logged decision and answering it anew.
#include "saves/redecide.hpp"

#include <algorithm>
#include <stdexcept>

#include "saves/recording.hpp"

namespace rfsim::saves {
namespace {

std::string list_of(const std::vector<LoggedDecision>& logged) {
  std::string out;
  const std::size_t shown = std::min<std::size_t>(logged.size(), 8);
  for (std::size_t i = 0; i < shown; ++i) {
    const LoggedDecision& d = logged[i];
    out += (i > 0 ? ", " : "") + std::to_string(d.decision) + " (at " + sim::format_clock(d.at) +
           ", option " + std::to_string(d.option) + ")";
  }
  if (logged.size() > shown) out += " and " + std::to_string(logged.size() - shown) + " more";
  return out;
}

}  // namespace

Save log_before(const Save& parent, std::size_t command) {
  if (command >= parent.commands.size()) {
    throw std::out_of_range("log_before: command " + std::to_string(command) + " of " +
                            std::to_string(parent.commands.size()));
  }
  const sim::SimTime at = parent.commands[command].at;
  Save cut = parent;
  cut.commands.resize(command);
  std::erase_if(cut.keyframes,
                [&](const Keyframe& k) { return k.at > at || k.commands > command; });
  cut.end = cut.keyframes.back();  // keyframes[0] is the start: it always stays
  std::erase_if(cut.trace, [&](const TraceEntry& e) {
    return e.executed > cut.end.executed || e.commands > cut.end.commands;
  });
  return cut;
}

std::vector<LoggedDecision> logged_decisions(const Save& save) {
  std::vector<LoggedDecision> out;
  for (std::size_t i = 0; i < save.commands.size(); ++i) {
    const sim::Command& c = save.commands[i];
    if (c.inject.kind == sim::InjectKind::Decide) {
      out.push_back(LoggedDecision{i, c.at, c.inject.decision, c.inject.option});
    }
  }
  return out;
}

Save branch_deciding(const Save& parent, const std::string& parent_name,
                     const map::Theatre& theatre, std::uint64_t decision, std::int32_t option,
                     const BranchOptions& options) {
  const std::vector<LoggedDecision> logged = logged_decisions(parent);
  const auto it = std::find_if(logged.begin(), logged.end(),
                               [&](const LoggedDecision& d) { return d.decision == decision; });
  if (it == logged.end()) {
    throw std::invalid_argument(
        logged.empty()
            ? "no decision was logged in " + parent_name +
                  " (its decisions were taken by doctrine without asking: the scenario's "
                  "decisions are \"auto\")"
            : "no answer to decision " + std::to_string(decision) + " is logged in " + parent_name +
                  "; its logged decisions: " + list_of(logged));
  }
  if (it->option == option) {
    throw std::invalid_argument("decision " + std::to_string(decision) +
                                " was answered with option " + std::to_string(option) + " in " +
                                parent_name + " already (at " + sim::format_clock(it->at) +
                                "): choose another option");
  }
  Recording rec(log_before(parent, it->command), theatre, parent_name);
  rec.seek(it->at);
  rec.branch_here(parent_name);
  sim::Inject answer;
  answer.kind = sim::InjectKind::Decide;
  answer.decision = decision;
  answer.option = option;
  answer.note = "answered anew: option " + std::to_string(option) + " (the parent took " +
                std::to_string(it->option) + ")";
  try {
    rec.command(answer);  // checks that the decision is pending and the option is one of it
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(std::string(e.what()) + " (at " + sim::format_clock(it->at) +
                                ", where " + parent_name + " answered it)");
  }
  for (const sim::Inject& in : options.injects) rec.command(in);
  if (options.until && *options.until > it->at) {
    rec.answer_with_doctrine(options.doctrine);
    rec.run_until(*options.until);
  }
  Save out = rec.save();
  out.meta.parent_hash = parent.end.hash;  // the parent's end, as branch() records it
  out.meta.title = options.title.empty()
                       ? parent.meta.title + " (decision " + std::to_string(decision) +
                             " answered with option " + std::to_string(option) + ")"
                       : options.title;
  return out;
}

}  // namespace rfsim::saves
