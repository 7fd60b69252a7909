// Notes and bookmarks in the recording: they round-trip through a save, are not game state
// (adding them while replaying leaves every hash as it was), and a crafted notes section is
// refused naming the note, its field and its byte offset.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "fixture.hpp"
#include "saves/format.hpp"
#include "saves/recording.hpp"
#include "saves/replay.hpp"
#include "saves/save_error.hpp"
#include "saves/save_file.hpp"
#include "saves/serialize.hpp"

namespace rfsim::saves {
namespace {

using namespace testing;

Note note_at(sim::SimTime at, std::string title) {
  Note n;
  n.at = at;
  n.title = std::move(title);
  n.text = "what the room should discuss";
  return n;
}

TEST(Notes, RoundTripThroughASave) {
  Recording rec(scenario(7), theatre(), RecordingOptions{sim::Duration::hours(6), false, "n"});
  rec.run_until(hours(30));
  Note a = note_at(hours(10), "Patrol gap");
  a.place = NotePlace::Region;
  a.region = theatre().require("kharkiv");
  Note b = note_at(hours(30), "Observer: a late QRF");
  b.place = NotePlace::Point;
  b.lon = 37.5;
  b.lat = 48.1;
  b.author = NoteAuthor::Observer;
  b.text = std::string(kMaxNoteText, 'x');
  EXPECT_EQ(rec.add_note(b), 0u);
  EXPECT_EQ(rec.add_note(a), 0u);  // kept in time order
  const Save back = decode_save(encode_save(rec.save()), "mem.rfsave");
  ASSERT_EQ(back.notes.size(), 2u);
  EXPECT_EQ(back.notes[0], a);
  EXPECT_EQ(back.notes[1], b);
  const Recording reopened(back, theatre(), "mem.rfsave");
  EXPECT_EQ(reopened.notes(), back.notes);
}

TEST(Notes, AddingNotesToAReplayKeepsEveryHash) {
  const Save original = short_game();
  Recording rec(original, theatre(), "game.rfsave");
  rec.seek(hours(30));
  const std::uint64_t hash_at_30 = rec.run().state_hash();
  rec.add_note(note_at(hours(30), "During the replay"));
  const std::size_t i = rec.add_note(note_at(hours(12), "Before the provocation"));
  rec.edit_note(i, note_at(hours(14), "Before the provocation, moved"));
  rec.add_note(note_at(hours(50), "Later, a note that goes"));
  rec.remove_note(2);
  EXPECT_EQ(rec.run().state_hash(), hash_at_30);
  EXPECT_EQ(rec.end(), original.end.at) << "a note cut the log";
  rec.seek(original.end.at);
  const Save annotated = rec.save();
  EXPECT_EQ(annotated.notes.size(), 2u);
  EXPECT_EQ(annotated.commands.size(), original.commands.size());
  ASSERT_EQ(annotated.keyframes.size(), original.keyframes.size());
  for (std::size_t k = 0; k < original.keyframes.size(); ++k) {
    EXPECT_EQ(annotated.keyframes[k].hash, original.keyframes[k].hash) << "keyframe " << k;
  }
  EXPECT_EQ(annotated.end.hash, original.end.hash);
  const Save back = decode_save(encode_save(annotated), "annotated.rfsave");
  const VerifyResult v = verify(back, theatre(), "annotated.rfsave");
  EXPECT_TRUE(v.ok()) << v.divergence->describe();
}

TEST(Notes, AForkDropsTheNotesAfterIt) {
  Recording rec(short_game(), theatre(), "game.rfsave");
  rec.add_note(note_at(hours(10), "kept"));
  rec.add_note(note_at(hours(60), "after the fork"));
  rec.seek(hours(30));
  rec.command(regime_inject(sim::Regime::Full));
  ASSERT_EQ(rec.notes().size(), 1u);
  EXPECT_EQ(rec.notes()[0].title, "kept");
}

TEST(Notes, ANoteThatDoesNotFitTheGameIsRefusedWhenAdded) {
  Recording rec(short_game(), theatre(), "game.rfsave");
  EXPECT_THROW(rec.add_note(note_at(hours(73), "after the end")), std::invalid_argument);
  EXPECT_THROW(rec.add_note(note_at(hours(1), std::string(kMaxNoteTitle + 1, 't'))),
               std::invalid_argument);
  EXPECT_THROW(rec.add_note(note_at(hours(1), "")), std::invalid_argument);
  Note far = note_at(hours(1), "nowhere");
  far.place = NotePlace::Region;
  far.region = static_cast<std::uint32_t>(theatre().region_count());
  EXPECT_THROW(rec.add_note(far), std::invalid_argument);
  EXPECT_TRUE(rec.notes().empty());
}

std::int64_t i64_at(const std::string& bytes, std::uint64_t offset) {
  std::int64_t v = 0;
  std::memcpy(&v, bytes.data() + offset, sizeof v);  // little-endian, as the test machine
  return v;
}

// A save whose second note lies after the game's end: refused at that note's `at`.
TEST(Notes, ACraftedNoteIsRefusedNamingItsFieldAndByteOffset) {
  Save s = short_game();
  s.notes = {note_at(hours(5), "fine"), note_at(hours(500), "after the end")};
  const std::string payload = to_binary(s);
  try {
    decode_save(encode_save(s), "crafted.rfsave");
    FAIL() << "a note after the game's end was read";
  } catch (const SaveError& e) {
    EXPECT_EQ(e.check(), "notes");
    EXPECT_NE(std::string(e.what()).find("crafted.rfsave"), std::string::npos) << e.what();
    EXPECT_NE(e.detail().find("notes[1].at"), std::string::npos) << e.what();
    ASSERT_LT(e.offset() + 8, payload.size());
    EXPECT_EQ(i64_at(payload, e.offset()), hours(500).ms()) << "the offset is not the note's at";
  }
}

TEST(Notes, ACraftedTitleTooLongOrNotesOutOfOrderAreRefused) {
  Save s = short_game();
  s.notes = {note_at(hours(5), std::string(kMaxNoteTitle + 1, 'x'))};
  const std::string payload = to_binary(s);
  try {
    decode_save(encode_save(s), "long.rfsave");
    FAIL() << "an over-long title was read";
  } catch (const SaveError& e) {
    EXPECT_NE(e.detail().find("notes[0].title"), std::string::npos) << e.what();
    // The offset is the title's length word.
    EXPECT_EQ(i64_at(payload, e.offset()), static_cast<std::int64_t>(kMaxNoteTitle + 1));
  }
  s.notes = {note_at(hours(9), "b"), note_at(hours(5), "a")};
  EXPECT_THROW(decode_save(encode_save(s), "order.rfsave"), SaveError);
  // A region the theatre does not have passes the file's checks and is refused on opening.
  s.notes = {note_at(hours(9), "b")};
  s.notes[0].place = NotePlace::Region;
  s.notes[0].region = 1u << 30;
  const Save read = decode_save(encode_save(s), "region.rfsave");
  try {
    Recording rec(read, theatre(), "region.rfsave");
    FAIL() << "a note on a region the theatre lacks was opened";
  } catch (const SaveError& e) {
    EXPECT_NE(e.detail().find("notes[0].region"), std::string::npos) << e.what();
  }
}

// Notes came with format 3, on state layout 2; formats 4 (the flank states), 5 (flank
// incidents' kinds, the surge decision, the MSEL edited in play), 6 (lift capacity) and 7 (the
// sensor that saw a violation) changed the layout, so only format 7's hashes check today.
TEST(Notes, AFormat2SaveHasNoNotesAndFormat3KeepsFormat2sLayout) {
  EXPECT_TRUE(hashes_checkable(7));
  EXPECT_FALSE(hashes_checkable(6));
  EXPECT_FALSE(hashes_checkable(5));
  EXPECT_FALSE(hashes_checkable(4));
  EXPECT_FALSE(hashes_checkable(3));
  EXPECT_FALSE(hashes_checkable(2));
  EXPECT_FALSE(hashes_checkable(1));
  EXPECT_EQ(state_layout(FormatVersion::V3), state_layout(FormatVersion::V2));
  const Save v2 = read_save(std::string(RFSIM_GOLDEN_DIR) + "/v2-partial.rfsave");
  EXPECT_EQ(v2.format, 2u);
  EXPECT_TRUE(v2.notes.empty());
  const Save v3 = read_save(std::string(RFSIM_GOLDEN_DIR) + "/v3-partial.rfsave");
  EXPECT_EQ(v3.notes.size(), 2u);
}

}  // namespace
}  // namespace rfsim::saves
