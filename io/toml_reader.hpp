// The one TOML reader of rfsim (the theatre, scenarios, the MSEL): parses text checked by
// toml_guard, and reads typed, range-checked values whose errors name the file, the
// line:column, the field path ("units[3].strength") and what was expected.
//   io::TomlReader r("scenario.toml");
//   const toml::table root = io::TomlReader::parse(text, r.file());
//   double s = r.number(unit, "units[3]", "strength", 0, 1e6, std::nullopt);
#pragma once

#include <toml++/toml.h>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "io/toml_error.hpp"

namespace rfsim::io {

/// Typed access to a parsed document. Every reader takes the path of the table it reads
/// from, so an error can name the field; a `fallback` makes the key optional.
class TomlReader {
 public:
  explicit TomlReader(std::string file) : file_(std::move(file)) {}
  const std::string& file() const { return file_; }

  /// Checks `text` (toml_guard) and parses it. Throws TomlError naming `file`.
  static toml::table parse(std::string_view text, const std::string& file);

  /// "path.key", or "key" at the top.
  static std::string join(const std::string& path, std::string_view key);
  /// "key[i]"
  static std::string indexed(std::string_view key, std::size_t i);

  /// The error at `at`'s place (line and column when the parser knows them).
  TomlError error_at(const toml::node* at, const std::string& path,
                     const std::string& message) const;
  [[noreturn]] void fail(const toml::node* at, const std::string& path,
                         const std::string& message) const;

  /// Unknown keys are errors: a typo ("strenght") must not silently fall back to a default.
  void only_keys(const toml::table& t, const std::string& path,
                 std::initializer_list<std::string_view> allowed) const;
  /// Every unknown key of `t`, in the table's order, each with the message only_keys throws.
  std::vector<TomlError> unknown_keys(const toml::table& t, const std::string& path,
                                      std::initializer_list<std::string_view> allowed) const;

  const toml::node* require(const toml::table& t, const std::string& path, std::string_view key,
                            std::string_view what) const;
  std::string string(const toml::table& t, const std::string& path, std::string_view key,
                     std::optional<std::string> fallback = std::nullopt) const;
  std::int64_t integer(const toml::table& t, const std::string& path, std::string_view key,
                       std::int64_t lo, std::int64_t hi,
                       std::optional<std::int64_t> fallback) const;
  /// A finite number (an integer is accepted) from `lo` to `hi`.
  double number(const toml::node& n, const std::string& path, double lo, double hi) const;
  double number(const toml::table& t, const std::string& path, std::string_view key, double lo,
                double hi, std::optional<double> fallback) const;
  bool boolean(const toml::table& t, const std::string& path, std::string_view key,
               std::optional<bool> fallback) const;
  const toml::table& table(const toml::node* n, const std::string& path) const;
  const toml::array& array(const toml::table& t, const std::string& path, std::string_view key,
                           std::string_view what) const;
  /// An optional array of tables (`[[units]]`) under `key` of a top-level table; empty when
  /// absent.
  std::vector<const toml::table*> tables(const toml::table& t, std::string_view key) const;

  /// One of a set of names, parsed by `from`; `names` lists them for the message.
  template <class E>
  E choice(const toml::table& t, const std::string& path, std::string_view key,
           std::optional<E> (*from)(std::string_view), const std::string& names,
           std::optional<E> fallback) const {
    const toml::node* n = fallback ? t.get(key) : require(t, path, key, "one of " + names);
    if (n == nullptr) return *fallback;
    if (!n->is_string()) fail(n, join(path, key), "expected a string, one of " + names);
    const std::string& s = n->as_string()->get();
    const std::optional<E> v = from(s);
    if (!v) {
      fail(n, join(path, key),
           "unknown value \"" + s + "\"" + suggest(s, names) + " (expected " + names + ")");
    }
    return *v;
  }

  /// ` (did you mean "x"?)` for `word` among `names` written "a, b or c"; "" when none is near.
  static std::string suggest(std::string_view word, const std::string& names);

 private:
  std::string file_;
};

}  // namespace rfsim::io
