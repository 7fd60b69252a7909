// Splicing [[injects]] tables into a scenario's text, finding the old ones by the parser's
// source positions so that strings that merely contain "[[injects]]" are never touched.
#include "sim/msel_toml.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdio>

#include "io/toml_reader.hpp"
#include "sim/scenario_loader.hpp"

namespace rfsim::sim {
namespace {

// The text split into lines, each with its line end.
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t nl = text.find('\n', start);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

bool blank(std::string_view line) {
  return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Lines [first, last] (0-based) of one old [[injects]] table.
struct Block {
  std::size_t first = 0;
  std::size_t last = 0;
};

}  // namespace

std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

std::string injects_to_toml(const std::vector<Inject>& injects, const Scenario& scenario,
                            const map::Theatre& theatre, std::string_view eol) {
  std::string out;
  for (std::size_t i = 0; i < injects.size(); ++i) {
    const Inject& in = injects[i];
    auto line = [&](std::string_view key, const std::string& value) {
      out += key;
      out += " = ";
      out += value;
      out += eol;
    };
    if (i > 0) out += eol;
    out += "[[injects]]";
    out += eol;
    line("at", toml_string(format_duration(in.at)));
    line("kind", toml_string(to_string(in.kind)));
    switch (in.kind) {
      case InjectKind::SetRegime:
        line("regime", toml_string(to_string(in.regime)));
        break;
      case InjectKind::SetUsSupport:
        line("us_support", toml_string(to_string(in.us)));
        break;
      case InjectKind::NationWithdraws:
        line("nation", toml_string(scenario.nations.at(in.nation).code));
        break;
      case InjectKind::Provocation:
        line("region", toml_string(theatre.region(in.region).id));
        line("count", std::to_string(in.count));
        break;
      case InjectKind::CutLink:
      case InjectKind::RestoreLink:
        line("region", toml_string(theatre.region(in.region).id));
        line("to", toml_string(theatre.region(in.region_b).id));
        break;
      case InjectKind::Surge:
        if (!in.any_nation) line("nation", toml_string(scenario.nations.at(in.nation).code));
        if (in.tier != Readiness::InTheatre) line("readiness", toml_string(to_string(in.tier)));
        if (in.unit != Inject::kAnyUnit) line("unit", toml_string(scenario.units.at(in.unit).id));
        break;
      case InjectKind::Deploy:
        line("unit", toml_string(scenario.units.at(in.unit).id));
        line("to", toml_string(theatre.region(in.region).id));
        line("mode", toml_string(to_string(in.mode)));
        break;
      case InjectKind::Decide:
      case InjectKind::CancelMsel:
      case InjectKind::ScheduleMsel:
        break;
    }
    if (!in.note.empty()) line("note", toml_string(in.note));
  }
  return out;
}

std::string with_injects(std::string_view text, const std::string& file,
                         const std::vector<Inject>& injects, const map::Theatre& theatre) {
  const Scenario scenario = parse_scenario(text, file, theatre);  // throws ScenarioError
  const toml::table root = io::TomlReader::parse(text, file);     // parse_scenario just checked it
  std::vector<Block> blocks;
  if (const toml::array* array = root["injects"].as_array()) {
    for (const toml::node& n : *array) {
      const toml::table& t = *n.as_table();
      if (t.is_inline()) {
        throw ScenarioError(file, static_cast<int>(array->source().begin.line),
                            static_cast<int>(array->source().begin.column), "injects",
                            "the injects are an inline array; the MSEL can only replace "
                            "[[injects]] tables (expected one [[injects]] table per inject)");
      }
      Block b;
      b.first = t.source().begin.line - 1;
      b.last = b.first;
      for (auto&& [key, value] : t) {
        b.last = std::max<std::size_t>(b.last, value.source().end.line - 1);
      }
      blocks.push_back(b);
    }
  }
  std::sort(blocks.begin(), blocks.end(),
            [](const Block& a, const Block& b) { return a.first < b.first; });

  const std::vector<std::string_view> lines = lines_of(text);
  const std::string_view eol =
      !lines.empty() && lines.front().ends_with("\r\n") ? std::string_view("\r\n") : "\n";
  const std::string tables = injects_to_toml(injects, scenario, theatre, eol);

  // Which lines go: each old table's own lines, and the blank lines just before every table
  // after the first (the first's place is where the new tables go).
  std::vector<bool> drop(lines.size(), false);
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    for (std::size_t l = blocks[k].first; l <= blocks[k].last && l < lines.size(); ++l) {
      drop[l] = true;
    }
    if (k == 0 && !injects.empty()) continue;
    for (std::size_t l = blocks[k].first; l > 0 && blank(lines[l - 1]) && !drop[l - 1]; --l) {
      drop[l - 1] = true;
    }
  }
  std::string out;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    if (!blocks.empty() && l == blocks.front().first) out += tables;
    if (!drop[l]) out += lines[l];
  }
  if (blocks.empty() && !injects.empty()) {
    if (!out.empty() && !out.ends_with('\n')) out += eol;
    if (!out.empty()) out += eol;
    out += tables;
  }
  return out;
}

}  // namespace rfsim::sim
