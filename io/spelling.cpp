// Nearest names by edit distance (Levenshtein), for the readers' "did you mean".
#include "io/spelling.hpp"

#include <algorithm>
#include <cctype>

namespace rfsim::io {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& names) {
  std::optional<std::string> best;
  std::size_t best_d = std::max<std::size_t>(1, word.size() / 3) + 1;  // typos only
  const std::string w = lower(word);
  for (const std::string& n : names) {
    const std::size_t d = edit_distance(w, lower(n));
    if (d < best_d) {
      best_d = d;
      best = n;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& names) {
  const std::optional<std::string> near = nearest(word, names);
  return near ? " (did you mean \"" + *near + "\"?)" : std::string();
}

}  // namespace rfsim::io
