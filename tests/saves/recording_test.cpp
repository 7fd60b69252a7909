// Seeking, stepping back and branching a recorded game: each equals a straight run.
#include <gtest/gtest.h>

#include <random>

#include "fixture.hpp"
#include "saves/branch.hpp"
#include "saves/replay.hpp"
#include "saves/save_file.hpp"
#include "saves/serialize.hpp"

namespace rfsim::saves {
namespace {

using testing::hours;

// The straight run with the short game's commands, to time t.
std::uint64_t straight_hash(sim::SimTime t, std::uint64_t seed = 7) {
  sim::Simulation run(testing::scenario(seed), testing::theatre());
  const auto pokrovsk = testing::theatre().require("sector_pokrovsk");
  if (t >= hours(20)) {
    run.run_until(hours(20));
    run.command(testing::provocation(pokrovsk, 5));
  }
  if (t >= hours(40)) {
    run.run_until(hours(40));
    run.command(testing::regime_inject(sim::Regime::None));
  }
  run.run_until(t);
  return run.state_hash();
}

TEST(Recording, KeyframesEveryInterval) {
  const Save s = testing::short_game();
  ASSERT_EQ(s.keyframes.size(), 13u);  // 0, 6h, ..., 72h
  for (std::size_t i = 0; i < s.keyframes.size(); ++i) {
    EXPECT_EQ(s.keyframes[i].at, hours(6 * static_cast<std::int64_t>(i)));
  }
  EXPECT_EQ(s.end.at, hours(72));
  EXPECT_EQ(s.commands.size(), 2u);
  EXPECT_EQ(s.commands[1].at, hours(40));
  EXPECT_EQ(s.keyframes[4].commands, 1u);  // 24h: after the provocation at 20h
}

TEST(Recording, SeekToArbitraryTimesEqualsStraightRuns) {
  Recording rec(testing::short_game(), testing::theatre(), "mem");
  std::mt19937_64 rng(5);
  std::vector<std::int64_t> times = {0, 1, 6, 20, 40, 71, 72};
  for (int i = 0; i < 8; ++i)
    times.push_back(static_cast<std::int64_t>(rng() % (72 * 60)) * 60'000);
  for (std::size_t i = 0; i < times.size(); ++i) {
    const sim::SimTime t = i < 7 ? hours(times[i]) : sim::SimTime::from_ms(times[i]);
    rec.seek(t);
    EXPECT_EQ(rec.run().now(), t);
    EXPECT_EQ(rec.run().state_hash(), straight_hash(t)) << "seek to " << sim::format_clock(t);
  }
  // Backwards too, and past the recorded end (which extends the log, live).
  rec.seek(hours(30));
  EXPECT_EQ(rec.run().state_hash(), straight_hash(hours(30)));
  rec.seek(hours(90));
  EXPECT_EQ(rec.run().state_hash(), straight_hash(hours(90)));
  EXPECT_EQ(rec.end(), hours(90));
}

TEST(Recording, StepBackUndoesOneEvent) {
  Recording rec(testing::short_game(), testing::theatre(), "mem");
  rec.seek(hours(45));
  const std::uint64_t executed = rec.run().world().loop.executed();
  ASSERT_TRUE(rec.step_back());
  EXPECT_EQ(rec.run().world().loop.executed(), executed - 1);
  // The same as running straight to that many events.
  sim::Simulation run(testing::scenario(7), testing::theatre());
  run.run_until(hours(20));
  run.command(testing::provocation(testing::theatre().require("sector_pokrovsk"), 5));
  run.run_until(hours(40));
  run.command(testing::regime_inject(sim::Regime::None));
  while (run.world().loop.executed() < executed - 1) run.step();
  EXPECT_EQ(rec.run().state_hash(), run.state_hash());
  // Forward again lands where we were.
  ASSERT_TRUE(rec.step());
  rec.run_until(hours(45));
  EXPECT_EQ(rec.run().state_hash(), straight_hash(hours(45)));
}

TEST(Recording, StepBackAcrossAKeyframeAndACommand) {
  Recording rec(testing::short_game(), testing::theatre(), "mem");
  rec.seek(hours(20));  // the provocation at 20h is applied
  const std::uint64_t executed = rec.run().world().loop.executed();
  ASSERT_TRUE(rec.step_back());
  EXPECT_EQ(rec.run().world().loop.executed(), executed - 1);
  // The last event was the provocation's first burst, which the 20h command scheduled for
  // that very moment: one step back is the command given, its burst not yet run.
  sim::Simulation run(testing::scenario(7), testing::theatre());
  run.run_until(hours(20));
  sim::CommandQueue given;
  given.push({hours(20), testing::provocation(testing::theatre().require("sector_pokrovsk"), 5)});
  run.advance(hours(20), given, run.world().loop.executed());  // no event after it yet
  EXPECT_EQ(rec.run().state_hash(), run.state_hash());
  ASSERT_TRUE(rec.step_back());
  EXPECT_EQ(rec.run().world().loop.executed(), executed - 2);
  rec.seek(hours(24));
  EXPECT_EQ(rec.run().state_hash(), straight_hash(hours(24)));
}

TEST(Recording, DoctrineAnswersAreLoggedAndReplayed) {
  // The scenario's own text says "ask": a save carries the text, and its replay reads it.
  const sim::Scenario ask = testing::ask_scenario(7);
  Recording rec(ask, testing::theatre());
  rec.answer_with_doctrine(true);
  rec.run_until(hours(30));
  ASSERT_GT(rec.doctrine_answers(), 0);
  EXPECT_EQ(rec.commands().size(), static_cast<std::size_t>(rec.doctrine_answers()));
  EXPECT_EQ(rec.run().now(), hours(30));
  // The same game with doctrine answering straight into the run: the same state.
  sim::Simulation plain(ask, testing::theatre());
  sim::CommandQueue doctrine(/*doctrine=*/true);
  plain.advance(hours(30), doctrine);
  EXPECT_EQ(doctrine.answered(), rec.doctrine_answers());
  EXPECT_EQ(plain.state_hash(), rec.run().state_hash());
  // Replayed from the log alone, with nobody answering: the same hashes all the way.
  EXPECT_TRUE(verify(rec.save(), testing::theatre(), "mem").ok());
}

TEST(Recording, ARedPlayersAnswersAreLoggedAndReplayed) {
  // Russia played: its ladder decisions pause the game; the answers are commands like HQ's.
  const sim::Scenario red =
      testing::scenario_with(7, "code = \"RU\"\nname = \"Russia\"\n", "decisions = \"ask\"\n");
  Recording rec(red, testing::theatre());
  int answered = 0;
  for (int i = 0; i < 60; ++i) {
    rec.run_until(hours(24 * 10));
    if (!rec.run().awaiting_decision()) break;
    const sim::Decision d = rec.run().pending_decisions().front();
    sim::Inject in;
    in.kind = sim::InjectKind::Decide;
    in.decision = d.id;
    // Red: escalate every other time; anything else as doctrine would.
    in.option = d.kind == sim::Decision::Kind::RedStep ? (answered++ % 2 == 0 ? 0 : 1) : d.doctrine;
    rec.command(in);
  }
  ASSERT_GT(answered, 3);
  EXPECT_EQ(rec.run().now(), hours(24 * 10));
  EXPECT_GT(rec.run().world().measures.red_escalations, 0);
  const Save s = rec.save();
  EXPECT_TRUE(verify(s, testing::theatre(), "mem").ok());
  // Loaded back and sought to its end: the same game.
  Recording again(decode_save(encode_save(s), "mem"), testing::theatre(), "mem");
  again.seek(s.end.at);
  EXPECT_EQ(again.run().state_hash(), s.end.hash);
}

TEST(Recording, ACommandThatDoesNotFitIsRefusedAndNotLogged) {
  Recording rec(testing::scenario(7), testing::theatre());
  rec.run_until(hours(5));
  sim::Inject bad;
  bad.kind = sim::InjectKind::Decide;
  bad.decision = 42;  // nothing is pending
  EXPECT_THROW(rec.command(bad), std::invalid_argument);
  sim::Inject cut;
  cut.kind = sim::InjectKind::CutLink;
  cut.region = testing::theatre().require("lviv");
  cut.region_b = testing::theatre().require("kharkiv");  // not neighbours
  EXPECT_THROW(rec.command(cut), std::invalid_argument);
  EXPECT_TRUE(rec.commands().empty());
}

TEST(Recording, StepBackAtStartRefuses) {
  Recording rec(testing::scenario(3), testing::theatre());
  EXPECT_FALSE(rec.step_back());
}

TEST(Recording, CommandBehindTheEndForksAndDropsTheFuture) {
  Recording rec(testing::short_game(), testing::theatre(), "mem");
  rec.seek(hours(30));
  rec.command(testing::regime_inject(sim::Regime::Full));
  const Save s = rec.save();
  ASSERT_EQ(s.commands.size(), 2u);  // the 20h provocation kept, the 40h change dropped
  EXPECT_EQ(s.commands[1].at, hours(30));
  EXPECT_EQ(s.commands[1].inject.regime, sim::Regime::Full);
  EXPECT_EQ(s.end.at, hours(30));
  for (const Keyframe& k : s.keyframes) EXPECT_LE(k.at, hours(30));
  for (const TraceEntry& e : s.trace) EXPECT_LE(e.record.time, hours(30));
  EXPECT_TRUE(verify(s, testing::theatre(), "mem").ok());
}

TEST(Branch, NamesItsParentAndReplays) {
  const Save parent = testing::short_game();
  BranchOptions b;
  b.at = hours(48);
  b.injects = {testing::regime_inject(sim::Regime::Full)};
  b.until = hours(72);
  const Save child = branch(parent, "parent.rfsave", testing::theatre(), b);
  EXPECT_EQ(child.meta.parent, "parent.rfsave");
  EXPECT_EQ(child.meta.forked_at_ms, hours(48).ms());
  EXPECT_EQ(child.meta.parent_hash, parent.end.hash);
  ASSERT_EQ(child.commands.size(), 3u);
  EXPECT_EQ(child.commands[2].at, hours(48));
  EXPECT_EQ(child.end.at, hours(72));
  EXPECT_NE(child.end.hash, parent.end.hash);
  // Up to the fork the two agree; the branch verifies on its own.
  EXPECT_EQ(child.keyframes[8].hash, parent.keyframes[8].hash);  // 48h, before the new order
  const VerifyResult v = verify(child, testing::theatre(), "child");
  EXPECT_TRUE(v.ok()) << v.divergence->describe();
}

TEST(Branch, DropsCommandsAfterTheFork) {
  BranchOptions b;
  b.at = hours(30);
  const Save child = branch(testing::short_game(), "p", testing::theatre(), b);
  ASSERT_EQ(child.commands.size(), 1u);
  EXPECT_EQ(child.end.at, hours(30));
  EXPECT_EQ(child.end.hash, straight_hash(hours(30)));
}

TEST(Replay, VerifyPassesAndNamesADivergence) {
  Save s = testing::short_game();
  const VerifyResult ok = verify(s, testing::theatre(), "mem");
  EXPECT_TRUE(ok.ok());
  EXPECT_EQ(ok.checked, s.keyframes.size() + 1);
  // Pretend the model changed: the recording at 36h says a unit held one more round.
  s.keyframes[6].state.world.units[0].munitions += 1;
  s.keyframes[6].parts = part_hashes(s.keyframes[6].state);
  s.keyframes[6].hash ^= 1;
  const VerifyResult bad = verify(s, testing::theatre(), "mem");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.divergence->at, hours(36));
  EXPECT_EQ(bad.checked, 6u);
  EXPECT_EQ(bad.divergence->parts, std::vector<std::string>{"units"});
  EXPECT_NE(bad.divergence->describe().find("units"), std::string::npos);
}

TEST(Replay, VerifyNamesTheFirstDifferingEvent) {
  Save s = testing::short_game();
  // A different recorded trace record stands in for a model that now does otherwise.
  const std::size_t i = s.trace.size() / 2;
  s.trace[i].record.detail = "something else";
  std::size_t k = 0;
  while (k + 1 < s.keyframes.size() && s.keyframes[k].executed < s.trace[i].executed) ++k;
  s.keyframes[k].hash ^= 1;
  const VerifyResult bad = verify(s, testing::theatre(), "mem");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.divergence->first_event.find("something else"), std::string::npos);
}

TEST(Replay, AutoModeResimulatesWhenTheModelReproduces) {
  const Save s = testing::short_game();
  const Replayed r = replay_to(s, testing::theatre(), hours(36) + sim::Duration::minutes(5),
                               ReplayMode::Auto, "mem");
  EXPECT_EQ(r.mode, ReplayMode::Resimulate);
  EXPECT_EQ(r.run->state_hash(), straight_hash(hours(36) + sim::Duration::minutes(5)));
}

TEST(Replay, AutoModeFallsBackToRecordedOutcomes) {
  Save s = testing::short_game();
  s.keyframes[7].hash ^= 1;  // 42h no longer reproduces: as after a model change
  const Replayed r = replay_to(s, testing::theatre(), hours(39), ReplayMode::Auto, "mem");
  EXPECT_EQ(r.mode, ReplayMode::Recorded);
  EXPECT_NE(r.why.find("diverged"), std::string::npos);
  EXPECT_EQ(r.run->now(), hours(36));  // the recorded keyframe's state
  EXPECT_EQ(r.run->state_hash(), s.keyframes[6].hash);
  ASSERT_FALSE(r.events.empty());
  for (const TraceEntry& e : r.events) {
    EXPECT_GE(e.record.time, hours(36));
    EXPECT_LE(e.record.time, hours(39));
  }
  // The regime change at 40h is past the target and not shown.
  for (const TraceEntry& e : r.events)
    EXPECT_EQ(e.record.detail.find("set_regime none"), std::string::npos);
}

}  // namespace
}  // namespace rfsim::saves
