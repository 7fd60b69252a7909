// The one TOML reader: parsing behind toml_guard, and typed values checked where they are read.
#include "io/toml_reader.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "io/spelling.hpp"
#include "io/toml_guard.hpp"

namespace rfsim::io {

toml::table TomlReader::parse(std::string_view text, const std::string& file) {
  if (const auto problem = check_toml_text(text)) {
    throw TomlError(file, static_cast<int>(problem->line), static_cast<int>(problem->column), "",
                    "not valid TOML: " + problem->message);
  }
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw TomlError(file, static_cast<int>(e.source().begin.line),
                    static_cast<int>(e.source().begin.column), "",
                    "not valid TOML: " + std::string(e.description()));
  }
}

std::string TomlReader::join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string TomlReader::indexed(std::string_view key, std::size_t i) {
  return std::string(key) + "[" + std::to_string(i) + "]";
}

TomlError TomlReader::error_at(const toml::node* at, const std::string& path,
                               const std::string& message) const {
  int line = 0, column = 0;
  if (at != nullptr && at->source().begin) {
    line = static_cast<int>(at->source().begin.line);
    column = static_cast<int>(at->source().begin.column);
  }
  return TomlError(file_, line, column, path, message);
}

void TomlReader::fail(const toml::node* at, const std::string& path,
                      const std::string& message) const {
  throw error_at(at, path, message);
}

void TomlReader::only_keys(const toml::table& t, const std::string& path,
                           std::initializer_list<std::string_view> allowed) const {
  const std::vector<TomlError> unknown = unknown_keys(t, path, allowed);
  if (!unknown.empty()) throw unknown.front();
}

std::vector<TomlError> TomlReader::unknown_keys(
    const toml::table& t, const std::string& path,
    std::initializer_list<std::string_view> allowed) const {
  std::vector<TomlError> out;
  for (auto&& [key, value] : t) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      const std::vector<std::string> names(allowed.begin(), allowed.end());
      out.push_back(error_at(&value, join(path, key.str()),
                             "unknown field \"" + std::string(key.str()) + "\"" +
                                 did_you_mean(key.str(), names) + " (expected one of: " + list +
                                 ")"));
    }
  }
  return out;
}

std::string TomlReader::suggest(std::string_view word, const std::string& names) {
  std::vector<std::string> list;
  std::string_view rest = names;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(", "), orr = rest.find(" or ");
    const std::size_t end = std::min(comma, orr);
    list.emplace_back(rest.substr(0, end));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + (end == comma ? 2 : 4));
  }
  return did_you_mean(word, list);
}

const toml::node* TomlReader::require(const toml::table& t, const std::string& path,
                                      std::string_view key, std::string_view what) const {
  const toml::node* n = t.get(key);
  if (n == nullptr) fail(&t, join(path, key), "missing (expected " + std::string(what) + ")");
  return n;
}

std::string TomlReader::string(const toml::table& t, const std::string& path, std::string_view key,
                               std::optional<std::string> fallback) const {
  const toml::node* n = fallback ? t.get(key) : require(t, path, key, "a string");
  if (n == nullptr) return *fallback;
  if (!n->is_string()) fail(n, join(path, key), "expected a string");
  return n->as_string()->get();
}

std::int64_t TomlReader::integer(const toml::table& t, const std::string& path,
                                 std::string_view key, std::int64_t lo, std::int64_t hi,
                                 std::optional<std::int64_t> fallback) const {
  const toml::node* n = fallback ? t.get(key) : require(t, path, key, "an integer");
  if (n == nullptr) return *fallback;
  if (!n->is_integer()) fail(n, join(path, key), "expected an integer");
  const std::int64_t v = n->as_integer()->get();
  if (v < lo || v > hi) {
    fail(n, join(path, key),
         "expected an integer from " + std::to_string(lo) + " to " + std::to_string(hi) + ", got " +
             std::to_string(v));
  }
  return v;
}

double TomlReader::number(const toml::node& n, const std::string& path, double lo,
                          double hi) const {
  double v = 0;
  if (n.is_floating_point()) {
    v = n.as_floating_point()->get();
  } else if (n.is_integer()) {
    v = static_cast<double>(n.as_integer()->get());
  } else {
    fail(&n, path, "expected a number");
  }
  if (!std::isfinite(v) || v < lo || v > hi) {
    std::ostringstream os;
    os << "expected a number from " << lo << " to " << hi << ", got " << v;
    fail(&n, path, os.str());
  }
  return v;
}

double TomlReader::number(const toml::table& t, const std::string& path, std::string_view key,
                          double lo, double hi, std::optional<double> fallback) const {
  const toml::node* n = fallback ? t.get(key) : require(t, path, key, "a number");
  if (n == nullptr) return *fallback;
  return number(*n, join(path, key), lo, hi);
}

bool TomlReader::boolean(const toml::table& t, const std::string& path, std::string_view key,
                         std::optional<bool> fallback) const {
  const toml::node* n = fallback ? t.get(key) : require(t, path, key, "true or false");
  if (n == nullptr) return *fallback;
  if (!n->is_boolean()) fail(n, join(path, key), "expected true or false");
  return n->as_boolean()->get();
}

const toml::table& TomlReader::table(const toml::node* n, const std::string& path) const {
  if (!n->is_table()) fail(n, path, "expected a table");
  return *n->as_table();
}

const toml::array& TomlReader::array(const toml::table& t, const std::string& path,
                                     std::string_view key, std::string_view what) const {
  const toml::node* n = require(t, path, key, what);
  if (!n->is_array()) fail(n, join(path, key), "expected " + std::string(what));
  return *n->as_array();
}

std::vector<const toml::table*> TomlReader::tables(const toml::table& t,
                                                   std::string_view key) const {
  std::vector<const toml::table*> out;
  const toml::node* n = t.get(key);
  if (n == nullptr) return out;
  if (!n->is_array_of_tables()) {
    fail(n, std::string(key), "expected an array of tables, written [[" + std::string(key) + "]]");
  }
  for (const toml::node& e : *n->as_array()) out.push_back(e.as_table());
  return out;
}

}  // namespace rfsim::io
