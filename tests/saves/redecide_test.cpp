// Tests of saves/redecide.hpp: a past decision answered differently forks the game exactly
// where it was answered; the branch shares the parent's past and replays to its own hashes.
#include "saves/redecide.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixture.hpp"
#include "saves/replay.hpp"

namespace rfsim::saves {
namespace {

using ::testing::HasSubstr;
using testing::hours;
using testing::theatre;

// A game where HQ's taskings were asked and doctrine answered them, each logged.
const Save& asked_game() {
  static const Save save = [] {
    Recording rec(testing::ask_scenario(5), theatre());
    rec.answer_with_doctrine(true);
    rec.run_until(hours(30));
    return rec.save();
  }();
  return save;
}

std::string refusal(std::uint64_t id, std::int32_t option, const Save& save = asked_game()) {
  try {
    branch_deciding(save, "game.rfsave", theatre(), id, option, BranchOptions{});
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(Redecide, BranchSharesThePastAndDiffersFromTheDecisionOn) {
  const Save& parent = asked_game();
  const std::vector<LoggedDecision> logged = logged_decisions(parent);
  ASSERT_GT(logged.size(), 10u);
  const LoggedDecision d = logged[logged.size() / 2];
  ASSERT_EQ(d.option, 0);  // doctrine sends the nearest unit; option 1 is another choice
  BranchOptions o;
  o.until = parent.end.at;
  o.doctrine = true;
  const Save child = branch_deciding(parent, "game.rfsave", theatre(), d.decision, 1, o);

  EXPECT_EQ(child.meta.parent, "game.rfsave");
  EXPECT_EQ(child.meta.forked_at_ms, d.at.ms());
  EXPECT_EQ(child.meta.parent_hash, parent.end.hash);
  EXPECT_EQ(child.end.at, parent.end.at);
  // The same commands before the fork, then the new answer in the old one's place.
  ASSERT_GT(child.commands.size(), d.command);
  for (std::size_t i = 0; i < d.command; ++i) {
    EXPECT_EQ(child.commands[i].at, parent.commands[i].at) << i;
    EXPECT_EQ(child.commands[i].inject.decision, parent.commands[i].inject.decision) << i;
    EXPECT_EQ(child.commands[i].inject.option, parent.commands[i].inject.option) << i;
  }
  const sim::Command& answer = child.commands[d.command];
  EXPECT_EQ(answer.at, d.at);
  EXPECT_EQ(answer.inject.kind, sim::InjectKind::Decide);
  EXPECT_EQ(answer.inject.decision, d.decision);
  EXPECT_EQ(answer.inject.option, 1);
  // The same states before the fork, other ones after it.
  std::size_t before = 0, after_same = 0, after = 0;
  for (const Keyframe& pk : parent.keyframes) {
    const auto ck = std::find_if(child.keyframes.begin(), child.keyframes.end(),
                                 [&](const Keyframe& k) { return k.at == pk.at; });
    ASSERT_NE(ck, child.keyframes.end()) << sim::format_clock(pk.at);
    if (pk.at < d.at) {
      EXPECT_EQ(ck->hash, pk.hash) << sim::format_clock(pk.at);
      ++before;
    } else {
      after_same += ck->hash == pk.hash;
      ++after;
    }
  }
  EXPECT_GT(before, 0u);
  EXPECT_GT(after, 0u);
  EXPECT_EQ(after_same, 0u) << "a keyframe after the fork equal to the parent's";
  EXPECT_NE(child.end.hash, parent.end.hash);
  // The recorded trace is the parent's up to the fork.
  std::size_t shared = 0;
  while (shared < parent.trace.size() && parent.trace[shared].record.time < d.at) ++shared;
  ASSERT_GE(child.trace.size(), shared);
  for (std::size_t i = 0; i < shared; ++i) {
    EXPECT_EQ(child.trace[i].record.detail, parent.trace[i].record.detail) << i;
    EXPECT_EQ(child.trace[i].record.time, parent.trace[i].record.time) << i;
  }
  // And it replays to its own hashes.
  const VerifyResult v = verify(child, theatre(), "child");
  EXPECT_TRUE(v.ok()) << v.divergence->describe();
}

TEST(Redecide, RefusesWhatCannotBeAnsweredSaying) {
  const LoggedDecision d = logged_decisions(asked_game()).front();
  EXPECT_THAT(refusal(999999, 1), HasSubstr("no answer to decision 999999 is logged in "
                                            "game.rfsave; its logged decisions: " +
                                            std::to_string(d.decision) + " (at"));
  EXPECT_THAT(refusal(d.decision, d.option),
              HasSubstr("was answered with option " + std::to_string(d.option) +
                        " in game.rfsave already"));
  EXPECT_THAT(refusal(d.decision, 99),
              HasSubstr("decision " + std::to_string(d.decision) + " has options 0 to "));
  EXPECT_THAT(refusal(d.decision, 99), HasSubstr("not 99 (at " + sim::format_clock(d.at)));
  EXPECT_THAT(refusal(1, 1, testing::short_game()), HasSubstr("no decision was logged"));
}

}  // namespace
}  // namespace rfsim::saves
