// The MSEL edited in play (cancel_msel, schedule_msel) and a command taken back: a cancelled
// line does not fire, a moved one fires at its new time, an added one fires by its own event;
// every edit is checked, logged, saved, replayed and hashed; a crafted save is refused.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "saves/redecide.hpp"
#include "saves/replay.hpp"
#include "saves/save_error.hpp"
#include "saves/save_file.hpp"
#include "sim/state_compare.hpp"

namespace rfsim::saves {
namespace {

using ::testing::HasSubstr;
using testing::hours;
using testing::theatre;

// The default scenario's MSEL, by time: 0 provocation 5d, 1 surge 5d12h, 2 cut_link 12d,
// 3 set_us_support intel_only 18d, 4 nation_withdraws NL 24d.
constexpr std::uint32_t kUsLine = 3;

sim::Inject cancel(std::uint32_t line) {
  sim::Inject in;
  in.kind = sim::InjectKind::CancelMsel;
  in.line = line;
  return in;
}

sim::Inject schedule(sim::Inject line, sim::Duration at, std::uint32_t replaces) {
  sim::Inject in = line;
  in.line_kind = line.kind;
  in.kind = sim::InjectKind::ScheduleMsel;
  in.at = at;
  in.line = replaces;
  return in;
}

sim::Inject regime_none_at(sim::Duration at) {
  return schedule(testing::regime_inject(sim::Regime::None), at, sim::Inject::kNoLine);
}

std::string refusal(Recording& rec, const sim::Inject& in) {
  try {
    rec.command(in);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(MselEdit, TheScenarioLinesAreTheOnesTheTestsName) {
  const sim::Scenario s = testing::scenario();
  ASSERT_EQ(s.injects.size(), 5u);
  EXPECT_EQ(s.injects[kUsLine].kind, sim::InjectKind::SetUsSupport);
  EXPECT_EQ(s.injects[kUsLine].at, sim::Duration::days(18));
}

TEST(MselEdit, ACancelledLineDoesNotFire) {
  Recording rec(testing::scenario(), theatre());
  rec.run_until(hours(24 * 17));
  rec.command(cancel(kUsLine));
  EXPECT_TRUE(rec.run().msel_cancelled(kUsLine));
  rec.run_until(hours(24 * 19));
  EXPECT_EQ(rec.run().world().us_support, sim::UsSupport::Full);

  Recording plain(testing::scenario(), theatre());  // without the cancel it fires
  plain.run_until(hours(24 * 19));
  EXPECT_EQ(plain.run().world().us_support, sim::UsSupport::IntelOnly);
}

TEST(MselEdit, AMovedLineFiresAtItsNewTimeOnly) {
  Recording rec(testing::scenario(), theatre());
  rec.run_until(hours(24 * 17));
  const sim::Inject line = rec.run().msel_line(kUsLine);
  rec.command(schedule(line, sim::Duration::days(20), kUsLine));
  ASSERT_EQ(rec.run().msel_lines(), 6u);
  EXPECT_TRUE(rec.run().msel_cancelled(kUsLine));
  EXPECT_EQ(rec.run().msel_line(5).kind, sim::InjectKind::SetUsSupport);
  EXPECT_EQ(rec.run().msel_line(5).at, sim::Duration::days(20));
  rec.run_until(hours(24 * 20) - sim::Duration::minutes(1));
  EXPECT_EQ(rec.run().world().us_support, sim::UsSupport::Full);  // not at 18d
  rec.run_until(hours(24 * 20));
  EXPECT_EQ(rec.run().world().us_support, sim::UsSupport::IntelOnly);
}

TEST(MselEdit, AnAddedLineFiresByItsOwnEvent) {
  Recording rec(testing::scenario(), theatre());
  rec.run_until(hours(10));
  sim::Inject add = regime_none_at(sim::Duration::hours(30));
  add.note = "talks collapse";
  rec.command(add);
  rec.run_until(hours(30) - sim::Duration::ms(1));
  EXPECT_EQ(rec.run().world().regime, sim::Regime::Partial);
  rec.run_until(hours(30));
  EXPECT_EQ(rec.run().world().regime, sim::Regime::None);
  EXPECT_EQ(rec.run().msel_line(5).note, "talks collapse");
}

TEST(MselEdit, WrongValuesAreRefusedAndNeverApplied) {
  Recording rec(testing::scenario(), theatre());
  rec.run_until(hours(24 * 6));
  const std::uint64_t before = rec.run().state_hash();
  EXPECT_THAT(refusal(rec, regime_none_at(sim::Duration::hours(24))),
              HasSubstr("a time before now"));
  EXPECT_THAT(refusal(rec, regime_none_at(sim::Duration::days(40))),
              HasSubstr("after the scenario ends"));
  EXPECT_THAT(refusal(rec, cancel(9)), HasSubstr("MSEL line 9 out of range: the MSEL has 5"));
  EXPECT_THAT(refusal(rec, cancel(0)), HasSubstr("MSEL line 0 fired at"));
  sim::Inject far =
      schedule(testing::provocation(100000, 3), sim::Duration::days(7), sim::Inject::kNoLine);
  EXPECT_THAT(refusal(rec, far), HasSubstr("region out of range"));
  sim::Inject nation;
  nation.kind = sim::InjectKind::NationWithdraws;
  nation.nation = 99;
  EXPECT_THAT(refusal(rec, schedule(nation, sim::Duration::days(7), sim::Inject::kNoLine)),
              HasSubstr("nation 99 out of range"));
  sim::Inject decide;
  decide.kind = sim::InjectKind::Decide;
  EXPECT_THAT(refusal(rec, schedule(decide, sim::Duration::days(7), sim::Inject::kNoLine)),
              HasSubstr("cannot be scheduled"));
  EXPECT_EQ(rec.run().state_hash(), before);
  EXPECT_TRUE(rec.commands().empty());
  rec.command(cancel(kUsLine));
  EXPECT_THAT(refusal(rec, cancel(kUsLine)), HasSubstr("cancelled already"));
}

// A game with one edit of each kind: a line cancelled, one moved, one added.
Save edited_game() {
  Recording rec(testing::scenario(11), theatre());
  rec.run_until(hours(20));
  rec.command(cancel(0));  // the Pokrovsk provocation
  rec.command(regime_none_at(sim::Duration::hours(50)));
  rec.run_until(hours(30));
  sim::Inject moved = rec.run().msel_line(1);  // the surge, to 2d
  rec.command(schedule(moved, sim::Duration::days(2), 1));
  rec.run_until(hours(72));
  return rec.save();
}

TEST(MselEdit, EditsRoundTripThroughASaveAndReplayToTheSameHash) {
  const Save game = edited_game();
  ASSERT_EQ(game.commands.size(), 3u);
  EXPECT_EQ(game.end.state.world.msel_cancelled, (std::vector<std::uint32_t>{0, 1}));
  ASSERT_EQ(game.end.state.world.msel_added.size(), 2u);
  const Save back = decode_save(encode_save(game), "edited.rfsave");
  EXPECT_EQ(back.commands[2].inject.kind, sim::InjectKind::ScheduleMsel);
  EXPECT_EQ(back.commands[2].inject.line, 1u);
  EXPECT_EQ(back.commands[2].inject.line_kind, sim::InjectKind::Surge);
  EXPECT_EQ(sim::first_difference(back.end.state.world, game.end.state.world), "");
  const VerifyResult v = verify(back, theatre(), "edited.rfsave");
  EXPECT_TRUE(v.ok()) << (v.divergence ? v.divergence->describe() : "");
  EXPECT_GT(v.checked, 3u);
  // And the edits are in the hash: the same game without them ends elsewhere.
  Recording plain(testing::scenario(11), theatre());
  plain.run_until(hours(72));
  EXPECT_NE(plain.run().state_hash(), game.end.hash);
}

TEST(MselEdit, ACraftedSaveIsRefusedNamingTheField) {
  Save game = edited_game();
  game.end.state.world.msel_cancelled.push_back(40);
  try {
    decode_save(encode_save(game), "crafted.rfsave");
    Recording rec(game, theatre(), "crafted.rfsave");
    FAIL() << "a cancelled line 40 of 7 was accepted";
  } catch (const SaveError& e) {
    EXPECT_THAT(e.what(), HasSubstr("msel_cancelled[2]"));
    EXPECT_THAT(e.what(), HasSubstr("out of range"));
  }
  Save kinds = edited_game();
  kinds.end.state.world.msel_added[0].kind = sim::InjectKind::Decide;
  try {
    Recording rec(kinds, theatre(), "crafted.rfsave");
    FAIL() << "an added line of kind decide was accepted";
  } catch (const SaveError& e) {
    EXPECT_THAT(e.what(), HasSubstr("msel_added[0]"));
    EXPECT_THAT(e.what(), HasSubstr("cannot be an MSEL line"));
  }
  Save command = edited_game();
  command.commands[1].inject.at = sim::Duration::hours(2);  // before the moment it was given
  try {
    Recording rec(command, theatre(), "crafted.rfsave");
    rec.run_until(hours(72));
    FAIL() << "a line scheduled in the past was applied";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), HasSubstr("a time before now"));
  }
}

TEST(MselEdit, TakingBackACommandGivesTheGameThatNeverHadIt) {
  const Save game = edited_game();
  // Take back the move (the last command): the game at 30h without it.
  Recording back(log_before(game, 2), theatre(), "game.rfsave");
  back.seek(game.commands[2].at);
  EXPECT_EQ(back.run().now(), hours(30));
  EXPECT_EQ(back.commands().size(), 2u);
  Recording never(testing::scenario(11), theatre());
  never.run_until(hours(20));
  never.command(cancel(0));
  never.command(regime_none_at(sim::Duration::hours(50)));
  never.run_until(hours(30));
  EXPECT_EQ(back.run().state_hash(), never.run().state_hash());
  back.run_until(hours(72));
  never.run_until(hours(72));
  EXPECT_EQ(back.run().state_hash(), never.run().state_hash());
  EXPECT_NE(back.run().state_hash(), game.end.hash);
  EXPECT_THROW(log_before(game, 3), std::out_of_range);
}

}  // namespace
}  // namespace rfsim::saves
