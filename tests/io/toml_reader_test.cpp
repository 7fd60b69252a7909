// The one TOML reader: every typed read checks its value and names the file, the line:column,
// the field path and what was expected.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/spelling.hpp"
#include "io/toml_reader.hpp"

namespace rfsim::io {
namespace {

// The message of what `read` throws on the document `text` ("" when it throws nothing).
template <class F>
std::string error_of(const std::string& text, F read) {
  try {
    const TomlReader r("test.toml");
    const toml::table root = TomlReader::parse(text, r.file());
    read(r, root);
  } catch (const TomlError& e) {
    return e.what();
  }
  return "";
}

TEST(TomlReader, NumbersMustBeFiniteAndInRange) {
  auto strength = [](const TomlReader& r, const toml::table& root) {
    r.number(*root["unit"].as_table(), "unit", "strength", 0, 1000, std::nullopt);
  };
  EXPECT_EQ(error_of("[unit]\nstrength = 500\n", strength), "");
  EXPECT_EQ(error_of("[unit]\nstrength = nan\n", strength),
            "test.toml:2:12: unit.strength: expected a number from 0 to 1000, got nan");
  EXPECT_NE(error_of("[unit]\nstrength = inf\n", strength).find("got inf"), std::string::npos);
  EXPECT_NE(error_of("[unit]\nstrength = -1\n", strength).find("got -1"), std::string::npos);
  EXPECT_EQ(error_of("[unit]\nstrength = \"big\"\n", strength),
            "test.toml:2:12: unit.strength: expected a number");
  EXPECT_EQ(error_of("[unit]\n", strength),
            "test.toml:1:1: unit.strength: missing (expected a number)");
}

TEST(TomlReader, AFallbackMakesAKeyOptional) {
  double got = 0;
  EXPECT_EQ(error_of("[unit]\n",
                     [&](const TomlReader& r, const toml::table& root) {
                       got = r.number(*root["unit"].as_table(), "unit", "strength", 0, 1, 0.5);
                     }),
            "");
  EXPECT_EQ(got, 0.5);
}

TEST(TomlReader, UnknownKeysAreNamedWithTheAllowedOnes) {
  EXPECT_EQ(error_of("[unit]\nstrenght = 5\n",
                     [](const TomlReader& r, const toml::table& root) {
                       r.only_keys(*root["unit"].as_table(), "unit", {"id", "strength"});
                     }),
            "test.toml:2:12: unit.strenght: unknown field \"strenght\" (did you mean "
            "\"strength\"?) (expected one of: id, strength)");
}

// unknown_keys lists every unknown key of a table, each as only_keys would throw it: what
// `rfsim validate` lists.
TEST(TomlReader, UnknownKeysListsEveryOne) {
  const TomlReader r("test.toml");
  const toml::table root = TomlReader::parse("[unit]\nidd = 1\nid = 2\nstrenght = 5\n", r.file());
  const std::vector<TomlError> all =
      r.unknown_keys(*root["unit"].as_table(), "unit", {"id", "strength"});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].path(), "unit.idd");
  EXPECT_EQ(all[0].line(), 2);
  EXPECT_EQ(all[1].path(), "unit.strenght");
  EXPECT_EQ(std::string(all[1].what()),
            "test.toml:4:12: unit.strenght: unknown field \"strenght\" (did you mean "
            "\"strength\"?) (expected one of: id, strength)");
}

std::optional<int> regime_from(std::string_view s) {
  if (s == "none") return 0;
  if (s == "partial") return 1;
  if (s == "full") return 2;
  return std::nullopt;
}

TEST(TomlReader, AChoiceNamesTheNearestValue) {
  auto regime = [](const TomlReader& r, const toml::table& root) {
    r.choice<int>(root, "scenario", "regime", regime_from, "none, partial or full", std::nullopt);
  };
  EXPECT_EQ(error_of("regime = \"parital\"\n", regime),
            "test.toml:1:10: scenario.regime: unknown value \"parital\" (did you mean "
            "\"partial\"?) (expected none, partial or full)");
  // Nothing near: no suggestion.
  EXPECT_EQ(error_of("regime = \"ceasefire\"\n", regime),
            "test.toml:1:10: scenario.regime: unknown value \"ceasefire\" (expected none, "
            "partial or full)");
}

TEST(Spelling, OnlyTyposAreSuggested) {
  const std::vector<std::string> ids{"kharkiv", "kherson", "kyiv_city", "sector_pokrovsk"};
  EXPECT_EQ(nearest("kharkov", ids), "kharkiv");
  EXPECT_EQ(nearest("KHERSON", ids), "kherson");
  EXPECT_EQ(nearest("sector_pokrovs", ids), "sector_pokrovsk");
  EXPECT_EQ(nearest("lviv", ids), std::nullopt);
  EXPECT_EQ(did_you_mean("kyiv", ids), "");
  EXPECT_EQ(did_you_mean("kyiv_cty", ids), " (did you mean \"kyiv_city\"?)");
}

TEST(TomlReader, IntegersBoolsAndTablesAreChecked) {
  EXPECT_NE(error_of("n = 1.5\n",
                     [](const TomlReader& r, const toml::table& root) {
                       r.integer(root, "", "n", 0, 10, std::nullopt);
                     })
                .find("n: expected an integer"),
            std::string::npos);
  EXPECT_NE(error_of("n = 11\n",
                     [](const TomlReader& r, const toml::table& root) {
                       r.integer(root, "", "n", 0, 10, std::nullopt);
                     })
                .find("expected an integer from 0 to 10, got 11"),
            std::string::npos);
  EXPECT_NE(error_of("b = 1\n", [](const TomlReader& r,
                                   const toml::table& root) { r.boolean(root, "", "b", false); })
                .find("b: expected true or false"),
            std::string::npos);
  EXPECT_NE(error_of("units = 3\n",
                     [](const TomlReader& r, const toml::table& root) { r.tables(root, "units"); })
                .find("expected an array of tables, written [[units]]"),
            std::string::npos);
}

TEST(TomlReader, ParseNamesThePlaceOfBrokenText) {
  const std::string broken = error_of("a = [1,\n", [](const TomlReader&, const toml::table&) {});
  EXPECT_EQ(broken.rfind("test.toml:", 0), 0u) << broken;
  EXPECT_NE(broken.find("not valid TOML"), std::string::npos) << broken;
  // Outside quotes TOML allows only ASCII; toml++ 3.3 would read past its buffer on this.
  const std::string cyrillic =
      error_of("a = 1 \xd0\x96\n", [](const TomlReader&, const toml::table&) {});
  EXPECT_EQ(cyrillic.rfind("test.toml:1:7:", 0), 0u) << cyrillic;
}

}  // namespace
}  // namespace rfsim::io
