// Reading a results CSV back, every field checked, errors naming the file and line.
#include "app/batch/results_csv.hpp"

#include <cmath>
#include <fstream>
#include <limits>

#include "app/errors.hpp"

namespace rfsim::app::batch {

ResultsTable read_results_csv(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw InputError(file.string() + ": cannot be read");
  std::string line;
  std::getline(in, line);
  if (line + '\n' != csv_header()) {
    throw InputError(file.string() + ":1: not a results file of this rfsim: expected the header " +
                     csv_header().substr(0, 40) + "...");
  }
  ResultsTable t;
  const std::size_t want = 3 + measures().size() + 1;
  for (std::size_t n = 2; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    std::vector<std::string> f;
    std::size_t from = 0;
    while (true) {
      const std::size_t at = line.find(',', from);
      f.push_back(line.substr(from, at - from));
      if (at == std::string::npos) break;
      from = at + 1;
    }
    const std::string where = file.string() + ":" + std::to_string(n);
    if (f.size() != want) {
      throw InputError(where + ": expected " + std::to_string(want) + " fields, found " +
                       std::to_string(f.size()));
    }
    RunRow row;
    std::size_t v = 0;
    while (v < t.variants.size() && t.variants[v] != f[0]) ++v;
    if (v == t.variants.size()) t.variants.push_back(f[0]);
    row.variant = v;
    try {
      row.replication = static_cast<std::uint32_t>(std::stoul(f[1]));
      row.seed = std::stoull(f[2]);
      for (std::size_t i = 0; i < measures().size(); ++i) {
        row.values.push_back(f[3 + i].empty() ? std::numeric_limits<double>::quiet_NaN()
                                              : std::stod(f[3 + i]));
      }
      row.state_hash = std::stoull(f.back(), nullptr, 16);
    } catch (const std::exception&) {
      throw InputError(where + ": a field is not a number");
    }
    t.rows.push_back(std::move(row));
  }
  if (t.rows.empty()) throw InputError(file.string() + ": no runs in it");
  return t;
}

}  // namespace rfsim::app::batch
