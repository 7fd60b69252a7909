// "Did you mean": the known name nearest to a misspelt one, for every reader's messages.
//   if (auto near = io::nearest("kharkov", ids)) msg += io::did_you_mean(*near);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rfsim::io {

/// The name of `names` nearest to `word` (ignoring case) when it is near enough to be a typo:
/// at most a third of the word's letters changed, and at least one allowed. nullopt: none is.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& names);

/// ` (did you mean "NAME"?)`, or "" when there is no near name.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& names);

}  // namespace rfsim::io
