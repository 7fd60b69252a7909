// Scenario loading: the default scenarios load, and every kind of bad input gets a message
// that names the file, the line:column, the field path and what was expected.
#include <gtest/gtest.h>

#include <filesystem>

#include "io/toml_error.hpp"
#include "model_fixture.hpp"

namespace rfsim::sim {
namespace {

using testing::base_toml;
using testing::parse;

// Expects parsing to fail and returns the error, for the message to be checked.
ScenarioError error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const ScenarioError& e) {
    return e;
  }
  ADD_FAILURE() << "expected a ScenarioError for:\n" << text;
  return ScenarioError("", 0, 0, "", "");
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(ScenarioLoader, BaseScenarioLoads) {
  const Scenario s = parse(base_toml());
  EXPECT_EQ(s.name, "test");
  EXPECT_EQ(s.seed, 7u);
  EXPECT_EQ(s.length, Duration::days(3));
  EXPECT_EQ(s.regime, Regime::Partial);
  ASSERT_EQ(s.units.size(), 1u);
  EXPECT_EQ(s.units[0].home, testing::theatre().require("dnipropetrovsk"));
  EXPECT_EQ(s.units[0].mobility, map::Mobility::Wheeled);  // the type's default
  EXPECT_EQ(s.source_text, base_toml());
}

TEST(ScenarioLoader, EveryShippedScenarioLoads) {
  int n = 0;
  for (const auto& f : std::filesystem::directory_iterator(RFSIM_ASSETS_DIR "/scenarios")) {
    if (f.path().extension() != ".toml") continue;
    SCOPED_TRACE(f.path().string());
    const Scenario s = load_scenario(f.path(), testing::theatre());
    EXPECT_FALSE(s.units.empty());
    ++n;
  }
  EXPECT_GE(n, 1);
}

TEST(ScenarioLoader, UnknownRegionNamesPlaceAndExpectation) {
  const ScenarioError e = error_of(replace(base_toml(), "\"dnipropetrovsk\"", "\"atlantis\""));
  EXPECT_EQ(e.file(), "test.toml");
  EXPECT_EQ(e.line(), 21);
  EXPECT_EQ(e.column(), 8);
  EXPECT_EQ(e.path(), "units[0].home");
  EXPECT_NE(
      std::string(e.what()).find("test.toml:21:8: units[0].home: unknown region \"atlantis\""),
      std::string::npos)
      << e.what();
  EXPECT_NE(e.message().find("expected a region id"), std::string::npos);
}

// A misspelt name gets the nearest real one: regions and nations here, fields and values in
// tests/io/toml_reader_test.cpp.
TEST(ScenarioLoader, TyposGetTheNearestName) {
  EXPECT_NE(
      std::string(error_of(replace(base_toml(), "\"dnipropetrovsk\"", "\"dnipropetrovk\"")).what())
          .find("unknown region \"dnipropetrovk\" (did you mean \"dnipropetrovsk\"?)"),
      std::string::npos);
  const ScenarioError nation =
      error_of(replace(base_toml(), "nation = \"UK\"", "nation = \"UKK\""));
  EXPECT_NE(std::string(nation.what()).find("unknown nation \"UKK\" (did you mean \"UK\"?)"),
            std::string::npos)
      << nation.what();
}

TEST(ScenarioLoader, DuplicateUnitId) {
  const std::string text = base_toml() + R"(
[[units]]
id = "uk-qrf"
nation = "UK"
type = "light_infantry"
strength = 100
home = "lviv"
)";
  const ScenarioError e = error_of(text);
  EXPECT_EQ(e.path(), "units[1].id");
  EXPECT_NE(e.message().find("duplicate unit id \"uk-qrf\""), std::string::npos) << e.what();
}

TEST(ScenarioLoader, DuplicateIdsMadeByCount) {
  const std::string text = replace(base_toml(), "notice = \"1h\"", "notice = \"1h\"\ncount = 2") +
                           R"(
[[units]]
id = "uk-qrf-2"
nation = "UK"
type = "light_infantry"
strength = 100
home = "lviv"
)";
  EXPECT_NE(error_of(text).message().find("duplicate unit id \"uk-qrf-2\""), std::string::npos);
}

TEST(ScenarioLoader, NegativeStrength) {
  const ScenarioError e = error_of(replace(base_toml(), "strength = 600", "strength = -5"));
  EXPECT_EQ(e.path(), "units[0].strength");
  EXPECT_EQ(e.line(), 20);
  EXPECT_NE(e.message().find("expected an integer from 1 to 100000, got -5"), std::string::npos)
      << e.what();
}

TEST(ScenarioLoader, UnknownUnitType) {
  const ScenarioError e = error_of(replace(base_toml(), "\"quick_reaction\"", "\"cavalry\""));
  EXPECT_EQ(e.path(), "units[0].type");
  EXPECT_NE(e.message().find("unknown value \"cavalry\""), std::string::npos);
  EXPECT_NE(e.message().find("quick_reaction"), std::string::npos);  // lists what is accepted
}

TEST(ScenarioLoader, BadAndNegativeDurations) {
  ScenarioError e = error_of(replace(base_toml(), "length = \"3d\"", "length = \"3 days\""));
  EXPECT_EQ(e.path(), "scenario.length");
  EXPECT_NE(e.message().find("expected e.g. 90s, 90m, 72h, 30d"), std::string::npos) << e.what();
  e = error_of(replace(base_toml(), "notice = \"1h\"", "notice = \"-1h\""));
  EXPECT_EQ(e.path(), "units[0].notice");
  EXPECT_NE(e.message().find("negative"), std::string::npos) << e.what();
  e = error_of(replace(base_toml(), "length = \"3d\"", "length = 72"));
  EXPECT_NE(e.message().find("duration in quotes"), std::string::npos) << e.what();
  e = error_of(replace(base_toml(), "length = \"3d\"", "length = \"0\""));
  EXPECT_NE(e.message().find("positive"), std::string::npos) << e.what();
}

TEST(ScenarioLoader, TomlSyntaxErrorHasLineAndColumn) {
  const ScenarioError e = error_of(replace(base_toml(), "seed = 7", "seed = = 7"));
  EXPECT_EQ(e.line(), 3);
  EXPECT_GT(e.column(), 0);
  EXPECT_NE(e.message().find("not valid TOML"), std::string::npos) << e.what();
}

TEST(ScenarioLoader, UnknownFieldIsAnErrorNotASilentDefault) {
  const ScenarioError e = error_of(replace(base_toml(), "strength = 600", "strenght = 600"));
  EXPECT_EQ(e.path(), "units[0].strenght");
  EXPECT_NE(e.message().find("unknown field \"strenght\""), std::string::npos) << e.what();
}

TEST(ScenarioLoader, MissingRequiredField) {
  const ScenarioError e = error_of(replace(base_toml(), "regime = \"partial\"\n", ""));
  EXPECT_EQ(e.path(), "scenario.regime");
  EXPECT_NE(e.message().find("missing (expected one of none, partial or full)"), std::string::npos)
      << e.what();
}

TEST(ScenarioLoader, UnknownNationOfUnit) {
  const ScenarioError e = error_of(replace(base_toml(), "nation = \"UK\"", "nation = \"XX\""));
  EXPECT_EQ(e.path(), "units[0].nation");
  EXPECT_NE(e.message().find("unknown nation \"XX\""), std::string::npos);
}

TEST(ScenarioLoader, AtMost32Nations) {
  // A violation keeps the nations that refused it in 32 bits: a 33rd nation is refused at
  // load, not asked again and again at run time.
  std::string text = base_toml();
  int n = 0;
  for (std::size_t at = text.find("[[nations]]"); at != std::string::npos;
       at = text.find("[[nations]]", at + 1)) {
    ++n;
  }
  std::string more;
  for (int i = n; i <= static_cast<int>(kMaxNations); ++i) {
    more += "[[nations]]\ncode = \"N" + std::to_string(i) + "\"\n\n";
  }
  const std::size_t units = text.find("[[units]]");
  ASSERT_NE(units, std::string::npos);
  text.insert(units, more);
  const ScenarioError e = error_of(text);
  EXPECT_EQ(e.path(), "nations[32]");
  EXPECT_NE(e.message().find("too many nations (expected at most 32)"), std::string::npos)
      << e.what();
  // 32 load.
  text.erase(text.find("[[nations]]\ncode = \"N32\""),
             std::string("[[nations]]\ncode = \"N32\"\n\n").size());
  EXPECT_EQ(parse(text).nations.size(), kMaxNations);
}

TEST(ScenarioLoader, UnknownRegionInCaveats) {
  const ScenarioError e =
      error_of(replace(base_toml(), "[\"rzeszow\"]", "[\"rzeszow\", \"paris\"]"));
  EXPECT_EQ(e.path(), "nations[1].allowed_regions[1]");
}

TEST(ScenarioLoader, InjectAfterTheEnd) {
  const std::string text = base_toml() + R"(
[[injects]]
at = "5d"
kind = "set_regime"
regime = "none"
)";
  const ScenarioError e = error_of(text);
  EXPECT_EQ(e.path(), "injects[0].at");
  EXPECT_NE(e.message().find("after the scenario ends (3d)"), std::string::npos) << e.what();
}

TEST(ScenarioLoader, CutLinkNeedsLinkedRegions) {
  const std::string text = base_toml() + R"(
[[injects]]
at = "1d"
kind = "cut_link"
region = "lviv"
to = "luhansk"
)";
  EXPECT_NE(error_of(text).message().find("no link between \"lviv\" and \"luhansk\""),
            std::string::npos);
}

TEST(ScenarioLoader, RateSharesMustAddUp) {
  const std::string text = base_toml() + R"(
[rates.full]
per_day = 30
shares = { artillery = 0.5, small_arms = 0.4 }
)";
  const ScenarioError e = error_of(text);
  EXPECT_EQ(e.path(), "rates.full.shares");
  EXPECT_NE(e.message().find("add up to 1"), std::string::npos) << e.what();
}

TEST(ScenarioLoader, DecisionModes) {
  EXPECT_EQ(parse(replace(base_toml(), "regime = \"partial\"",
                          "regime = \"partial\"\ndecisions = \"ask_major\""))
                .decisions,
            DecisionMode::AskMajor);
  ScenarioError e = error_of(
      replace(base_toml(), "regime = \"partial\"", "regime = \"partial\"\ndecisions = \"maybe\""));
  EXPECT_EQ(e.path(), "scenario.decisions");
  EXPECT_NE(e.message().find("auto, ask or ask_major"), std::string::npos) << e.what();
  e = error_of(replace(base_toml(), "code = \"DE\"", "code = \"DE\"\ndecisions = \"sometimes\""));
  EXPECT_EQ(e.path(), "nations[1].decisions");
  EXPECT_TRUE(parse(replace(base_toml(), "code = \"DE\"", "code = \"DE\"\ndecisions = \"ask\""))
                  .nations[1]
                  .ask);
}

TEST(ScenarioLoader, DecideCannotBeScheduled) {
  const ScenarioError e = error_of(base_toml() + "[[injects]]\nat = \"1h\"\nkind = \"decide\"\n");
  EXPECT_EQ(e.path(), "injects[0].kind");
  EXPECT_NE(e.message().find("cannot be scheduled"), std::string::npos) << e.what();
}

TEST(ScenarioLoader, AtMostTenThousandUnitsCopiesIncluded) {
  // Ten tables of 1000 copies reach the cap; one more unit is refused where it is asked for,
  // before its copies are made.
  std::string text = replace(base_toml(), "notice = \"1h\"\n", "notice = \"1h\"\ncount = 1000\n");
  for (int i = 1; i < 10; ++i) {
    text += "[[units]]\nid = \"u" + std::to_string(i) +
            "\"\nnation = \"UK\"\ntype = \"light_infantry\"\nstrength = 100\n"
            "home = \"kyiv_oblast\"\ncount = 1000\n";
  }
  EXPECT_EQ(parse(text).units.size(), kMaxUnits);
  text +=
      "[[units]]\nid = \"one_more\"\nnation = \"UK\"\ntype = \"logistics\"\n"
      "strength = 10\nhome = \"kyiv_oblast\"\n";
  const ScenarioError e = error_of(text);
  EXPECT_EQ(e.path(), "units[10]");
  EXPECT_NE(e.message().find("too many units: 10001 with these (expected at most 10000"),
            std::string::npos)
      << e.what();
}

// toml++ 3.3 reaches __builtin_unreachable() on Cyrillic where it looks for whitespace (its
// issues #190 and #295): such text is refused first, with its place; Cyrillic in strings
// and comments still loads.
TEST(ScenarioLoader, CyrillicWhereTomlppCannotReadItIsRefusedWithItsPlace) {
  ScenarioError e = error_of(replace(base_toml(), "seed = 7", "seed = 7\nнасіння = 7"));
  EXPECT_EQ(e.line(), 4);
  EXPECT_EQ(e.column(), 1);
  EXPECT_NE(e.message().find("U+043D is outside quotes"), std::string::npos) << e.what();

  e = error_of(replace(base_toml(), "seed = 7", "description = \"\"\"\\\n  Київ\"\"\"\nseed = 7"));
  EXPECT_EQ(e.line(), 4);
  EXPECT_EQ(e.column(), 3);
  EXPECT_NE(e.message().find("U+041A"), std::string::npos) << e.what();
  EXPECT_NE(e.message().find("#190"), std::string::npos) << e.what();

  const Scenario s = parse(replace(base_toml(), "name = \"test\"",
                                   "name = \"Київ\"  # Київ\ndescription = \"\"\"\nХарків\"\"\""));
  EXPECT_EQ(s.name, "Київ");
  EXPECT_EQ(s.description, "Харків");
}

// `rfsim validate` lists every problem: five problems in five places give five messages, in the
// order of the file, each the message loading gives when it is the only problem.
TEST(ScenarioLoader, CheckListsEveryProblemInFileOrder) {
  std::string text = base_toml();
  text = replace(text, "max_response = \"engage\"", "max_response = \"engag\"");  // line 9
  text = replace(text, "[\"rzeszow\"]", "[\"rzeszw\"]");                          // line 14
  text = replace(text, "regime = \"partial\"", "regime = \"partal\"");            // line 5
  text = replace(text, "strength = 600", "strenght = 600");                       // line 20
  text = replace(text, "\"dnipropetrovsk\"", "\"atlantis\"");                     // line 21
  text += "\n[[injects]]\nat = \"1d\"\nkind = \"nation_withdraws\"\nnation = \"GE\"\n";
  const ScenarioCheck c = check_scenario(text, "test.toml", testing::theatre());
  EXPECT_FALSE(c.scenario.has_value());
  std::vector<std::string> got;
  for (const ScenarioError& e : c.problems) got.push_back(e.what());
  ASSERT_EQ(got.size(), 6u) << ::testing::PrintToString(got);
  EXPECT_EQ(got[0],
            "test.toml:5:10: scenario.regime: unknown value \"partal\" (did you mean "
            "\"partial\"?) (expected " +
                names_of_regimes() + ")");
  EXPECT_EQ(got[1].rfind("test.toml:9:16: nations[0].max_response: unknown value \"engag\" (did "
                         "you mean \"engage\"?)",
                         0),
            0u)
      << got[1];
  EXPECT_EQ(got[2].rfind("test.toml:14:20: nations[1].allowed_regions[0]: unknown region "
                         "\"rzeszw\" (did you mean \"rzeszow\"?)",
                         0),
            0u)
      << got[2];
  // A misspelt field is one problem, not also the field it misspells missing.
  EXPECT_EQ(got[3].rfind("test.toml:20:12: units[0].strenght: unknown field \"strenght\" (did you "
                         "mean \"strength\"?)",
                         0),
            0u)
      << got[3];
  EXPECT_EQ(got[4].rfind("test.toml:21:8: units[0].home: unknown region \"atlantis\"", 0), 0u)
      << got[4];
  EXPECT_EQ(got[5].rfind("test.toml:27:10: injects[0].nation: unknown nation \"GE\" (did you mean "
                         "\"DE\"?)",
                         0),
            0u)
      << got[5];
  // Loading refuses at the first of them, with the same message.
  EXPECT_EQ(std::string(error_of(text).what()), got[0]);
}

// Text that is not TOML has nothing to go on with: one problem, the parser's.
TEST(ScenarioLoader, CheckStopsAtTextThatIsNotToml) {
  const std::string text =
      replace(replace(base_toml(), "seed = 7", "seed = = 7"), "\"dnipropetrovsk\"", "\"atlantis\"");
  const ScenarioCheck c = check_scenario(text, "test.toml", testing::theatre());
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].line(), 3);
  EXPECT_NE(c.problems[0].message().find("not valid TOML"), std::string::npos);
}

// One problem is not reported again where it is used: a nation whose code cannot be read does
// not make every unit of it an "unknown nation".
TEST(ScenarioLoader, CheckDoesNotRepeatAProblemWhereItIsUsed) {
  const std::string text = replace(base_toml(), "code = \"UK\"", "code = 44");
  const ScenarioCheck c = check_scenario(text, "test.toml", testing::theatre());
  ASSERT_EQ(c.problems.size(), 1u) << c.problems.back().what();
  EXPECT_EQ(c.problems[0].path(), "nations[0].code");
  const ScenarioCheck ok = check_scenario(base_toml(), "test.toml", testing::theatre());
  EXPECT_TRUE(ok.problems.empty());
  ASSERT_TRUE(ok.scenario.has_value());
  EXPECT_EQ(ok.scenario->units.size(), 1u);
}

TEST(ScenarioLoader, MissingFileNamesIt) {
  try {
    load_scenario("/nonexistent/s.toml", testing::theatre());
    FAIL();
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/s.toml: cannot open"), std::string::npos);
  }
}

// A scenario's error is the TOML reader's (io/toml_error.hpp): whoever catches that one, for
// the theatre or the MSEL, catches a scenario's too, with its place.
TEST(ScenarioLoader, ErrorIsTheTomlReadersError) {
  const std::string text = replace(base_toml(), "strength = 600", "strength = \"many\"");
  try {
    parse(text);
    ADD_FAILURE() << "expected an error";
  } catch (const io::TomlError& e) {
    EXPECT_EQ(e.file(), "test.toml");
    EXPECT_GT(e.line(), 0);
    EXPECT_EQ(e.path(), "units[0].strength");
  }
}

}  // namespace
}  // namespace rfsim::sim
