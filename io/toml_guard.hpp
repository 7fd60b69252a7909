// A check of TOML text before toml++ 3.3 (Debian 12's) parses it: that version reaches
// __builtin_unreachable() (undefined behaviour: a crash, or garbage) when it asks whether some
// non-ASCII code points are whitespace, among them all of Cyrillic (its issues #190, #295).
//   if (auto p = io::check_toml_text(text)) fail(p->line, p->column, p->message);
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rfsim::io {

/// Where text is refused and why.
struct TextProblem {
  std::size_t line = 0;    // 1-based
  std::size_t column = 0;  // 1-based, in code points, as toml++ counts them
  std::string message;     // what was found and what is expected instead
};

/// Refuses, with the line and column of the first one: bytes that are not UTF-8; non-ASCII
/// characters outside quoted strings and comments (TOML 1.0 allows none there); and, in
/// multi-line basic strings, the code points toml++ 3.3 cannot examine where it looks for
/// whitespace (after a backslash). Valid TOML is refused only in that last case. nullopt: the
/// text may be given to toml++.
std::optional<TextProblem> check_toml_text(std::string_view text);

/// Whether toml++ 3.3 reaches its unreachable branch when asked if `c` is whitespace:
/// U+00A1-U+0499 (Latin-1 symbols, Cyrillic...), U+2C5E-U+3057 except U+3000, U+FB26-U+FEFE.
bool trips_tomlpp_whitespace_table(char32_t c);

}  // namespace rfsim::io
