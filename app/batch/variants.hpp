// The variants of a batch: `--vary PARAM=V1,V2,...` turned into scenario changes, checked
// against the scenario so that a bad name or value fails before anything runs.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "sim/scenario.hpp"

namespace rfsim::app::batch {

/// One variant: what it changes, as written ("us_support=withdrawn"), and how.
struct Variant {
  std::string label;                                          // "base" or "a=x;b=y"
  std::vector<std::pair<std::string, std::string>> settings;  // (param, value), in --vary order
  sim::Scenario scenario;              // the base scenario with the changes made at t = 0
  std::vector<sim::Inject> at_resume;  // the same changes as injects, for `--from` runs
  std::string fresh_only;  // a setting that exists only at t = 0 ("coalition=half"), if any
};

/// The cartesian product of the `--vary` specs, in the order given (first spec slowest);
/// one "base" variant when there are none. Throws InputError naming the param and the
/// accepted values.
std::vector<Variant> make_variants(const sim::Scenario& base, const std::vector<std::string>& vary);

/// "us_support, regime, ...": the params `--vary` accepts, for help and messages.
std::string accepted_params();

}  // namespace rfsim::app::batch
