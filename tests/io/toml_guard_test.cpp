// The TOML text check: what toml++ 3.3 cannot be given, and what it still gets.
#include <gtest/gtest.h>

#include "io/toml_guard.hpp"

namespace rfsim::io {
namespace {

TEST(TomlGuard, PassesOrdinaryTomlWithCyrillicInStringsAndComments) {
  const char* text =
      "# Сценарій: Київ\n"
      "[scenario]\n"
      "name = \"Київ, Харків\"  # коментар\n"
      "note = 'Запоріжжя'\n"
      "long = \"\"\"\n"
      "Перший рядок \\\"лапки\\\"\n"
      "§ and И in the middle of a line\"\"\"\n"
      "raw = '''Одеса\n"
      "Миколаїв'''\n"
      "\"ключ\" = 1\n"
      "list = [\"Львів\", # Lviv\n"
      "  'Луцьк']\n";
  EXPECT_EQ(check_toml_text(text), std::nullopt);
}

TEST(TomlGuard, PassesTextAfterALineEndingBackslashThatTomlppCanRead) {
  // Latin letters, CJK and whitespace that toml++ knows are all fine there.
  EXPECT_EQ(check_toml_text("s = \"\"\"\\\n   plain\"\"\"\n"), std::nullopt);
  EXPECT_EQ(check_toml_text("s = \"\"\"\\\n\xE4\xB8\xAD\"\"\"\n"), std::nullopt);  // U+4E2D
  EXPECT_EQ(check_toml_text("s = \"\"\"a \\n b\"\"\"\n"), std::nullopt);
}

// toml++'s issue #190: a line-ending backslash, then U+00A7 first on the next line.
TEST(TomlGuard, RefusesWhatTomlppCannotReadAfterABackslash) {
  const auto p = check_toml_text("s = \"\"\"\\\n\xC2\xA7\"\"\"\n");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->line, 2u);
  EXPECT_EQ(p->column, 1u);
  EXPECT_NE(p->message.find("U+00A7"), std::string::npos) << p->message;
  EXPECT_NE(p->message.find("backslash"), std::string::npos) << p->message;

  const auto cyrillic = check_toml_text("a = 1\ns = \"\"\"x \\\n    \n   Київ\"\"\"\n");
  ASSERT_TRUE(cyrillic);
  EXPECT_EQ(cyrillic->line, 4u);
  EXPECT_EQ(cyrillic->column, 4u);
  EXPECT_NE(cyrillic->message.find("U+041A"), std::string::npos) << cyrillic->message;

  const auto escaped = check_toml_text("s = \"\"\"\\Ж\"\"\"");  // right after the backslash
  ASSERT_TRUE(escaped);
  EXPECT_EQ(escaped->column, 9u);
}

// toml++'s issue #295: U+032A where a key or a value should start.
TEST(TomlGuard, RefusesNonAsciiOutsideQuotesWithItsPlace) {
  const auto p = check_toml_text("\xCC\xAA");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->line, 1u);
  EXPECT_EQ(p->column, 1u);
  EXPECT_NE(p->message.find("U+032A is outside quotes"), std::string::npos) << p->message;

  const auto key = check_toml_text("[scenario]\nназва = \"x\"\n");
  ASSERT_TRUE(key);
  EXPECT_EQ(key->line, 2u);
  EXPECT_EQ(key->column, 1u);

  const auto after_value = check_toml_text("a = \"x\"\nb = 12ї\n");
  ASSERT_TRUE(after_value);
  EXPECT_EQ(after_value->line, 2u);
  EXPECT_EQ(after_value->column, 7u);

  // The string before it closed: the quote inside was escaped.
  const auto escaped_quote = check_toml_text("a = \"x\\\"\" й\n");
  ASSERT_TRUE(escaped_quote);
  EXPECT_EQ(escaped_quote->column, 11u);
}

TEST(TomlGuard, RefusesBytesThatAreNotUtf8) {
  for (const char* bad : {"a = \"\xFF\"", "a = \"\xC0\xAF\"", "a = \"\xED\xA0\x80\"",
                          "a = \"\xE2\x82\"", "# \xF4\x90\x80\x80"}) {
    const auto p = check_toml_text(bad);
    ASSERT_TRUE(p) << bad;
    EXPECT_NE(p->message.find("not UTF-8"), std::string::npos) << p->message;
  }
  EXPECT_EQ(check_toml_text("\xEF\xBB\xBF" "a = 1\n"), std::nullopt);  // a BOM
}

TEST(TomlGuard, KnowsToml33sUnreachableBlocks) {
  for (char32_t c : {0xA1, 0xA7, 0x32A, 0x400, 0x418, 0x499, 0x2C5E, 0x3001, 0x3057, 0xFB26,
                     0xFEFE}) {
    EXPECT_TRUE(trips_tomlpp_whitespace_table(c)) << std::hex << static_cast<unsigned>(c);
  }
  for (char32_t c : {0x41, 0xA0, 0x49A, 0x1680, 0x2000, 0x2C5D, 0x3000, 0x3058, 0x4E2D, 0xFB25,
                     0xFEFF, 0x1F600}) {
    EXPECT_FALSE(trips_tomlpp_whitespace_table(c)) << std::hex << static_cast<unsigned>(c);
  }
}

}  // namespace
}  // namespace rfsim::io
