// Tests of sim/msel_toml.hpp: a scenario's [[injects]] replaced in its text, every other byte
// kept, and the result still a valid scenario.
#include "sim/msel_toml.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "model_fixture.hpp"

namespace rfsim::sim {
namespace {

using testing::base_toml;
using ::testing::HasSubstr;
using testing::parse;
using testing::theatre;

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Inject regime_at(Duration at, Regime r, std::string note = "") {
  Inject in;
  in.at = at;
  in.kind = InjectKind::SetRegime;
  in.regime = r;
  in.note = std::move(note);
  return in;
}

TEST(MselToml, SameInjectsGiveTheSameFileByteForByte) {
  for (const auto& entry : std::filesystem::directory_iterator(RFSIM_ASSETS_DIR "/scenarios")) {
    const std::string text = slurp(entry.path());
    const Scenario s = parse_scenario(text, entry.path().string(), theatre());
    EXPECT_EQ(with_injects(text, entry.path().string(), s.injects, theatre()), text)
        << entry.path();
  }
}

TEST(MselToml, ReplacesOnlyTheInjectsAndKeepsComments) {
  const std::string before = base_toml() +
                             "\n# ---- MSEL ----\n\n"
                             "[[injects]]  # the first\n"
                             "at = \"1d\"\n"
                             "kind = \"set_regime\"\n"
                             "regime = \"full\"\n"
                             "note = \"\"\"\nsays [[injects]]\n\"\"\"\n"
                             "\n# kept: between two injects\n\n"
                             "[[injects]]\n"
                             "at = \"2d\"\n"
                             "kind = \"set_regime\"\n"
                             "regime = \"none\"\n"
                             "\n[rates.full]   # after the injects\n"
                             "per_day = 30\n";
  const std::string after = with_injects(
      before, "s.toml", {regime_at(Duration::hours(30), Regime::None, "a \"b\"\\c")}, theatre());
  EXPECT_EQ(after, base_toml() +
                       "\n# ---- MSEL ----\n\n"
                       "[[injects]]\n"
                       "at = \"1d6h\"\n"
                       "kind = \"set_regime\"\n"
                       "regime = \"none\"\n"
                       "note = \"a \\\"b\\\"\\\\c\"\n"
                       "\n# kept: between two injects\n"
                       "\n[rates.full]   # after the injects\n"
                       "per_day = 30\n");
  const Scenario s = parse_scenario(after, "s.toml", theatre());
  ASSERT_EQ(s.injects.size(), 1u);
  EXPECT_EQ(s.injects[0].note, "a \"b\"\\c");
  EXPECT_EQ(s.rates[static_cast<std::size_t>(start_step(Regime::Full))].per_day, 30);
}

TEST(MselToml, AppendsWhenThereWereNoneAndRemovesAllWhenEmpty) {
  const std::string text = base_toml();
  const std::string added = with_injects(
      text, "s.toml", {regime_at(Duration::days(1), Regime::Full, "line\nbreak\ttab")}, theatre());
  EXPECT_EQ(added.substr(0, text.size()), text);
  const Scenario s = parse_scenario(added, "s.toml", theatre());
  ASSERT_EQ(s.injects.size(), 1u);
  EXPECT_EQ(s.injects[0].note, "line\nbreak\ttab");
  EXPECT_EQ(with_injects(added, "s.toml", {}, theatre()), text);
}

TEST(MselToml, KeepsCrlfLineEnds) {
  std::string text = base_toml();
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const std::string out =
      with_injects(crlf, "s.toml", {regime_at(Duration::days(1), Regime::Full)}, theatre());
  EXPECT_EQ(out.substr(0, crlf.size()), crlf);
  EXPECT_THAT(out, HasSubstr("[[injects]]\r\nat = \"1d\"\r\nkind = \"set_regime\"\r\n"));
  EXPECT_EQ(parse_scenario(out, "s.toml", theatre()).injects.size(), 1u);
}

TEST(MselToml, RefusesAnInvalidScenarioOrInlineInjects) {
  EXPECT_THROW(with_injects("[scenario]\nname = 1\n", "bad.toml", {}, theatre()), ScenarioError);
  // At the top level: base_toml() ends inside a [[units]] table.
  const std::string text =
      "injects = [ { at = \"1d\", kind = \"set_regime\", regime = \"full\" } ]\n" + base_toml();
  try {
    with_injects(text, "inline.toml", {}, theatre());
    ADD_FAILURE() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_THAT(e.what(), HasSubstr("inline.toml:1:11: injects: the injects are an inline array"));
  }
}

}  // namespace
}  // namespace rfsim::sim
