// Reading and writing the MSEL as CSV: an RFC 4180 reader that keeps each field's line and
// column, and the same checks the scenario loader makes of [[injects]].
#include "sim/msel_csv.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <stdexcept>

#include "io/spelling.hpp"

namespace rfsim::sim {
namespace {

constexpr std::int32_t kMaxCount = 10'000;  // as the scenario loader allows
constexpr std::int32_t kDefaultCount = 10;  // the loader's default for a provocation
constexpr std::size_t kColumnCount = std::size(kMselColumns);
enum Column : std::size_t {
  kTime,
  kKind,
  kRegime,
  kUs,
  kNation,
  kRegion,
  kTo,
  kCount,
  kNote,
  kUnit,
  kReadiness,
  kMode
};

struct Field {
  std::string text;
  int line = 0;
  int column = 0;
};

struct Row {
  std::vector<Field> fields;
  int line = 0;
  bool blank() const {
    return std::all_of(fields.begin(), fields.end(), [](const Field& f) {
      return f.text.find_first_not_of(" \t") == std::string::npos;
    });
  }
};

// Byte offset of the first byte that does not start or continue a valid UTF-8 sequence, or
// npos. Overlong forms and surrogates are refused as TOML refuses them.
std::size_t first_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > s.size()) return i;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    const std::uint32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

// Splits CSV text into rows of fields, each with where it starts. Syntax problems go to
// `problems`; an unclosed quote ends the reading there.
class CsvReader {
 public:
  CsvReader(std::string_view s, std::vector<MselProblem>& problems) : s_(s), problems_(problems) {}

  std::vector<Row> rows() {
    std::vector<Row> out;
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;  // a spreadsheet's byte order mark
    while (i_ < s_.size()) {
      Row row;
      row.line = line_;
      for (;;) {
        Field f;
        f.line = line_;
        f.column = column_;
        if (!field(f)) return out;
        row.fields.push_back(std::move(f));
        if (i_ < s_.size() && s_[i_] == ',') {
          next();
          continue;
        }
        end_of_line();
        break;
      }
      out.push_back(std::move(row));
    }
    return out;
  }

 private:
  void next() {
    const char c = s_[i_++];
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column_;  // columns count characters, not the bytes of a UTF-8 sequence
    }
  }
  bool at_delimiter() const {
    return i_ >= s_.size() || s_[i_] == ',' || s_[i_] == '\n' || s_[i_] == '\r';
  }
  void end_of_line() {
    if (i_ < s_.size() && s_[i_] == '\r') next();
    if (i_ < s_.size() && s_[i_] == '\n') next();
  }
  void problem(int line, int column, std::string message) {
    problems_.push_back(MselProblem{line, column, "", std::move(message)});
  }

  // Reads one field into f; false when the file ended inside a quoted field.
  bool field(Field& f) {
    if (i_ < s_.size() && s_[i_] == '"') {
      next();
      for (;;) {
        if (i_ >= s_.size()) {
          problem(f.line, f.column,
                  "this quoted field is never closed (expected a closing \"; a quote inside a "
                  "field is written twice: \"\")");
          return false;
        }
        if (s_[i_] == '"') {
          if (i_ + 1 < s_.size() && s_[i_ + 1] == '"') {
            f.text += '"';
            next();
            next();
            continue;
          }
          next();
          break;
        }
        f.text += s_[i_];
        next();
      }
      if (!at_delimiter()) {
        problem(line_, column_,
                "expected a comma or the end of the line after the closing quote (a quote inside "
                "a field is written twice: \"\")");
        while (!at_delimiter()) next();
      }
      return true;
    }
    while (!at_delimiter()) {
      if (s_[i_] == '"') {
        problem(line_, column_,
                "a quote inside a field that does not start with one (quote the whole field and "
                "write the quote twice: \"a \"\"b\"\"\")");
      }
      f.text += s_[i_];
      next();
    }
    return true;
  }

  std::string_view s_;
  std::vector<MselProblem>& problems_;
  std::size_t i_ = 0;
  int line_ = 1;
  int column_ = 1;
};

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  const auto e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string inject_kinds_but_decide() {
  std::string out;
  constexpr std::size_t kKinds = static_cast<std::size_t>(InjectKind::Deploy) + 1;
  for (std::size_t k = 0; k < kKinds; ++k) {
    if (static_cast<InjectKind>(k) == InjectKind::Decide) continue;
    if (!out.empty()) out += (k + 1 == kKinds) ? " or " : ", ";
    out += to_string(static_cast<InjectKind>(k));
  }
  return out;
}

// Checks one row against the scenario and theatre, as the loader checks [[injects]].
class RowReader {
 public:
  RowReader(const Scenario& scenario, const map::Theatre& theatre,
            const std::array<int, kColumnCount>& index, std::vector<MselProblem>& problems)
      : scenario_(scenario), theatre_(theatre), index_(index), problems_(problems) {}

  std::optional<Inject> read(const Row& row) {
    row_ = &row;
    bad_ = false;
    Inject in;
    in.at = time();
    const std::optional<InjectKind> kind = this->kind();
    in.note = has(kNote) ? field(kNote)->text : "";
    if (!kind) {
      return std::nullopt;
    }
    in.kind = *kind;
    const bool uses_regime = in.kind == InjectKind::SetRegime;
    const bool uses_us = in.kind == InjectKind::SetUsSupport;
    const bool surge = in.kind == InjectKind::Surge;
    const bool deploy = in.kind == InjectKind::Deploy;
    const bool uses_nation = in.kind == InjectKind::NationWithdraws || surge;
    const bool uses_region = in.kind == InjectKind::Provocation || in.kind == InjectKind::CutLink ||
                             in.kind == InjectKind::RestoreLink;
    const bool uses_to =
        in.kind == InjectKind::CutLink || in.kind == InjectKind::RestoreLink || deploy;
    const bool uses_count = in.kind == InjectKind::Provocation;
    unused(kUnit, surge || deploy, in.kind);
    unused(kReadiness, surge, in.kind);
    unused(kMode, deploy, in.kind);
    unused(kRegime, uses_regime, in.kind);
    unused(kUs, uses_us, in.kind);
    unused(kNation, uses_nation, in.kind);
    unused(kRegion, uses_region, in.kind);
    unused(kTo, uses_to, in.kind);
    unused(kCount, uses_count, in.kind);
    if (uses_regime) {
      in.regime = choice<Regime>(kRegime, regime_from, names_of_regimes()).value_or(Regime::Full);
    }
    if (uses_us) {
      in.us =
          choice<UsSupport>(kUs, us_support_from, names_of_us_support()).value_or(UsSupport::Full);
    }
    // A surge names a nation, a tier or a unit, each optional (none: every unit at home).
    if (uses_nation && (!surge || !value(kNation).empty())) {
      in.nation = nation();
      in.any_nation = !surge;  // only a surge reads it (a withdrawal keeps the default)
    }
    if (surge && !value(kReadiness).empty()) {
      in.tier = choice<Readiness>(kReadiness, readiness_from, names_of_readiness())
                    .value_or(Readiness::InTheatre);
    }
    if ((surge && !value(kUnit).empty()) || deploy) in.unit = unit();
    if (deploy) {
      if (const auto to = region(kTo)) in.region = *to;
      if (!value(kMode).empty()) {
        in.mode = choice<DeployMode>(kMode, deploy_mode_from, names_of_deploy_modes())
                      .value_or(DeployMode::Best);
      }
    }
    std::optional<map::RegionId> a, b;
    if (uses_region) a = region(kRegion);
    if (uses_to && !deploy) b = region(kTo);
    if (a) in.region = *a;
    if (b) in.region_b = *b;
    if (uses_to && a && b && !theatre_.link_between(*a, *b)) {
      problem(kTo, "no link between \"" + theatre_.region(*a).id + "\" and \"" +
                       theatre_.region(*b).id + "\" (expected two linked regions)");
    }
    if (uses_count) in.count = count();
    if (bad_) return std::nullopt;
    return in;
  }

 private:
  bool has(Column c) const { return index_[c] >= 0; }
  // The row's field for column c (nullptr when the row is short or the column absent).
  const Field* field(Column c) const {
    if (!has(c)) return nullptr;
    const auto k = static_cast<std::size_t>(index_[c]);
    return k < row_->fields.size() ? &row_->fields[k] : nullptr;
  }
  std::string value(Column c) const {
    const Field* f = field(c);
    return f == nullptr ? "" : trim(f->text);
  }
  void problem(Column c, std::string message) {
    const Field* f = field(c);
    problems_.push_back(MselProblem{f ? f->line : row_->line, f ? f->column : 0,
                                    std::string(kMselColumns[c]), std::move(message)});
    bad_ = true;
  }
  void unused(Column c, bool used, InjectKind kind) {
    if (!used && !value(c).empty()) {
      problem(c, "not used by " + std::string(to_string(kind)) + " (expected it empty)");
    }
  }

  Duration time() {
    const std::string v = value(kTime);
    if (v.empty()) {
      problem(kTime, "missing (expected a time from the start like T+2d6h)");
      return Duration();
    }
    if (v.size() < 2 || (v[0] != 'T' && v[0] != 't') || v[1] != '+') {
      problem(kTime, "\"" + v + "\": expected a time from the start like T+2d6h, T+90m or T+0");
      return Duration();
    }
    Duration d;
    try {
      d = parse_duration(std::string_view(v).substr(2));
    } catch (const std::invalid_argument& e) {
      problem(kTime, std::string(e.what()) + " after T+");
      return Duration();
    }
    if (d > scenario_.length) {
      problem(kTime, "the inject fires at " + format_duration(d) + ", after the scenario ends (" +
                         format_duration(scenario_.length) + ")");
    }
    return d;
  }

  std::optional<InjectKind> kind() {
    const std::string v = value(kKind);
    const std::string expected = "expected " + inject_kinds_but_decide();
    if (v.empty()) {
      problem(kKind, "missing (" + expected + ")");
      return std::nullopt;
    }
    const std::optional<InjectKind> k = inject_kind_from(v);
    if (!k) {
      problem(kKind, "unknown kind \"" + v + "\" (" + expected + ")");
    } else if (!schedulable(*k)) {
      problem(kKind, "\"" + v + "\" " +
                         (*k == InjectKind::Decide ? "answers a decision" : "edits the MSEL") +
                         " during play and cannot be scheduled (" + expected + ")");
      return std::nullopt;
    }
    return k;
  }

  template <class E>
  std::optional<E> choice(Column c, std::optional<E> (*from)(std::string_view),
                          const std::string& names) {
    const std::string v = value(c);
    if (v.empty()) {
      problem(c, "missing (expected " + names + ")");
      return std::nullopt;
    }
    const std::optional<E> e = from(v);
    if (!e) problem(c, "unknown value \"" + v + "\" (expected " + names + ")");
    return e;
  }

  std::uint32_t nation() {
    const std::string v = value(kNation);
    std::vector<std::string> codes;
    std::string list;
    for (const Nation& n : scenario_.nations) {
      codes.push_back(n.code);
      list += (list.empty() ? "" : ", ") + n.code;
    }
    if (v.empty()) {
      problem(kNation, "missing (expected the code of a nation of the scenario: " + list + ")");
      return 0;
    }
    const auto it = std::find(codes.begin(), codes.end(), v);
    if (it == codes.end()) {
      const auto near = io::nearest(v, codes);
      problem(kNation, "unknown nation \"" + v + "\"" +
                           (near ? " (did you mean \"" + *near + "\"?)" : std::string()) +
                           " (expected one of " + list + ")");
      return 0;
    }
    return static_cast<std::uint32_t>(it - codes.begin());
  }

  std::uint32_t unit() {
    const std::string v = value(kUnit);
    if (v.empty()) {
      problem(kUnit, "missing (expected the id of a unit of the scenario)");
      return 0;
    }
    for (std::uint32_t u = 0; u < scenario_.units.size(); ++u) {
      if (scenario_.units[u].id == v) return u;
    }
    std::vector<std::string> ids;
    for (const UnitSpec& u : scenario_.units) ids.push_back(u.id);
    const auto near = io::nearest(v, ids);
    problem(kUnit, "unknown unit \"" + v + "\"" +
                       (near ? " (did you mean \"" + *near + "\"?)" : std::string()) +
                       " (expected the id of a unit of the scenario)");
    return 0;
  }

  std::optional<map::RegionId> region(Column c) {
    const std::string v = value(c);
    const std::string expected =
        "expected a region id of the theatre, e.g. kharkiv, kyiv_city, sector_pokrovsk, rzeszow; "
        "see docs/theatre.md";
    if (v.empty()) {
      problem(c, "missing (" + expected + ")");
      return std::nullopt;
    }
    const std::optional<map::RegionId> r = theatre_.find(v);
    if (!r) {
      std::vector<std::string> ids;
      for (const map::Region& reg : theatre_.regions()) ids.push_back(reg.id);
      const auto near = io::nearest(v, ids);
      problem(c, "unknown region \"" + v + "\"" +
                     (near ? " (did you mean \"" + *near + "\"?)" : std::string()) + " (" +
                     expected + ")");
    }
    return r;
  }

  std::int32_t count() {
    const std::string v = value(kCount);
    if (v.empty()) return kDefaultCount;
    const bool digits = v.size() <= 9 && std::all_of(v.begin(), v.end(), [](char ch) {
                          return ch >= '0' && ch <= '9';
                        });
    const std::int64_t n = digits ? std::stoll(v) : -1;
    if (n < 1 || n > kMaxCount) {
      problem(kCount,
              "expected an integer from 1 to " + std::to_string(kMaxCount) + ", got \"" + v + "\"");
      return kDefaultCount;
    }
    return static_cast<std::int32_t>(n);
  }

  const Scenario& scenario_;
  const map::Theatre& theatre_;
  const std::array<int, kColumnCount>& index_;
  std::vector<MselProblem>& problems_;
  const Row* row_ = nullptr;
  bool bad_ = false;
};

bool needs_quotes(std::string_view s) {
  return s.find_first_of(",\"\r\n") != std::string_view::npos ||
         (!s.empty() &&
          (s.front() == ' ' || s.front() == '\t' || s.back() == ' ' || s.back() == '\t'));
}

std::string csv_field(std::string_view s) {
  if (!needs_quotes(s)) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string MselProblem::describe(const std::string& file) const {
  std::string out = file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  out += ": ";
  if (!column_name.empty()) out += column_name + ": ";
  return out + message;
}

MselRead msel_from_csv(std::string_view text, const Scenario& scenario,
                       const map::Theatre& theatre) {
  MselRead out;
  if (const std::size_t bad = first_invalid_utf8(text); bad != std::string_view::npos) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < bad; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    out.problems.push_back(MselProblem{
        line, column, "",
        "not UTF-8 (expected the CSV saved as UTF-8; a spreadsheet's \"CSV UTF-8\" format)"});
    return out;
  }
  std::vector<Row> rows = CsvReader(text, out.problems).rows();
  std::erase_if(rows, [](const Row& r) { return r.blank(); });
  if (rows.empty()) {
    out.problems.push_back(
        MselProblem{1, 1, "",
                    "no header row (expected the columns time, kind, regime, us_support, nation, "
                    "region, to, count, note, unit, readiness, mode)"});
    return out;
  }
  // The header names the columns, in any order; only time and kind must be there.
  std::array<int, kColumnCount> index;
  index.fill(-1);
  const Row& header = rows.front();
  std::string names;
  for (std::string_view c : kMselColumns) names += (names.empty() ? "" : ", ") + std::string(c);
  for (std::size_t k = 0; k < header.fields.size(); ++k) {
    const Field& f = header.fields[k];
    const std::string name = lower(trim(f.text));
    const auto it = std::find(std::begin(kMselColumns), std::end(kMselColumns), name);
    if (it == std::end(kMselColumns)) {
      out.problems.push_back(MselProblem{
          f.line, f.column, "",
          "unknown column \"" + trim(f.text) + "\" in the header (expected " + names + ")"});
      continue;
    }
    const auto c = static_cast<std::size_t>(it - std::begin(kMselColumns));
    if (index[c] >= 0) {
      out.problems.push_back(
          MselProblem{f.line, f.column, "", "column \"" + name + "\" named twice in the header"});
      continue;
    }
    index[c] = static_cast<int>(k);
  }
  for (Column required : {kTime, kKind}) {
    if (index[required] < 0) {
      out.problems.push_back(MselProblem{header.line, 0, "",
                                         "the header has no column \"" +
                                             std::string(kMselColumns[required]) + "\" (expected " +
                                             names + ")"});
    }
  }
  if (!out.problems.empty()) return out;

  RowReader reader(scenario, theatre, index, out.problems);
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const Row& row = rows[r];
    if (row.fields.size() > header.fields.size()) {
      const Field& extra = row.fields[header.fields.size()];
      out.problems.push_back(
          MselProblem{extra.line, extra.column, "",
                      "this row has " + std::to_string(row.fields.size()) +
                          " fields, the header names " + std::to_string(header.fields.size()) +
                          " columns (a comma inside a value needs the value in double quotes)"});
      continue;
    }
    if (std::optional<Inject> in = reader.read(row)) out.injects.push_back(std::move(*in));
  }
  if (!out.problems.empty()) {
    out.injects.clear();
    std::stable_sort(out.problems.begin(), out.problems.end(),
                     [](const MselProblem& a, const MselProblem& b) {
                       return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                     });
    return out;
  }
  std::stable_sort(out.injects.begin(), out.injects.end(),
                   [](const Inject& a, const Inject& b) { return a.at < b.at; });
  return out;
}

std::string msel_to_csv(const std::vector<Inject>& injects, const Scenario& scenario,
                        const map::Theatre& theatre) {
  std::string out;
  for (std::size_t c = 0; c < kColumnCount; ++c) {
    if (c > 0) out += ',';
    out += kMselColumns[c];
  }
  out += '\n';
  for (const Inject& in : injects) {
    std::array<std::string, kColumnCount> row;
    row[kTime] = "T+" + format_duration(in.at);
    row[kKind] = std::string(to_string(in.kind));
    switch (in.kind) {
      case InjectKind::SetRegime:
        row[kRegime] = std::string(to_string(in.regime));
        break;
      case InjectKind::SetUsSupport:
        row[kUs] = std::string(to_string(in.us));
        break;
      case InjectKind::NationWithdraws:
        row[kNation] = scenario.nations.at(in.nation).code;
        break;
      case InjectKind::Provocation:
        row[kRegion] = theatre.region(in.region).id;
        row[kCount] = std::to_string(in.count);
        break;
      case InjectKind::CutLink:
      case InjectKind::RestoreLink:
        row[kRegion] = theatre.region(in.region).id;
        row[kTo] = theatre.region(in.region_b).id;
        break;
      case InjectKind::Surge:
        if (!in.any_nation) row[kNation] = scenario.nations.at(in.nation).code;
        if (in.tier != Readiness::InTheatre) row[kReadiness] = std::string(to_string(in.tier));
        if (in.unit != Inject::kAnyUnit) row[kUnit] = scenario.units.at(in.unit).id;
        break;
      case InjectKind::Deploy:
        row[kUnit] = scenario.units.at(in.unit).id;
        row[kTo] = theatre.region(in.region).id;
        row[kMode] = std::string(to_string(in.mode));
        break;
      case InjectKind::Decide:
      case InjectKind::CancelMsel:
      case InjectKind::ScheduleMsel:
        break;
    }
    row[kNote] = in.note;
    for (std::size_t c = 0; c < kColumnCount; ++c) {
      if (c > 0) out += ',';
      out += csv_field(row[c]);
    }
    out += '\n';
  }
  return out;
}

}  // namespace rfsim::sim
