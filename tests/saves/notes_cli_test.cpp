// `rfsim notes` and the report's debrief list, run as processes: a save's notes as Markdown,
// CSV and JSON; a crafted notes section refused with the file, the byte and exit code 2,
// nothing written; the after-action report lists the notes.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_process.hpp"
#include "fixture.hpp"
#include "saves/save_file.hpp"

namespace rfsim::saves {
namespace {

using testing_cli::read_all;
using testing_cli::Result;
using testing_cli::rfsim;

class NotesCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("rfsim-notes-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  const std::string golden_ = std::string(RFSIM_GOLDEN_DIR) + "/v3-partial.rfsave";
};

TEST_F(NotesCli, PrintsTheNotesAsMarkdownCsvAndJson) {
  Result md = rfsim("notes " + golden_);
  ASSERT_EQ(md.code, 0) << md.out;
  EXPECT_NE(md.out.find("## 1. D+1 06:00:00: Provocation at Pokrovsk"), std::string::npos)
      << md.out;
  EXPECT_NE(md.out.find("*observer, 48.28N 37.18E*"), std::string::npos) << md.out;
  Result csv = rfsim("notes " + golden_ + " --format csv");
  ASSERT_EQ(csv.code, 0) << csv.out;
  EXPECT_NE(csv.out.find("1,108000000,D+1 06:00:00,Provocation at Pokrovsk,"), std::string::npos)
      << csv.out;
  EXPECT_NE(csv.out.find(",white,region,,,sector_pokrovsk\n"), std::string::npos) << csv.out;
  const auto out = dir_ / "notes.json";
  Result json = rfsim("notes " + golden_ + " --format json --out " + out.string());
  ASSERT_EQ(json.code, 0) << json.out;
  const std::string j = read_all(out);
  EXPECT_NE(j.find("\"title\": \"Observer: QRF late\""), std::string::npos) << j;
  EXPECT_NE(j.find("\"region\": \"sector_pokrovsk\""), std::string::npos) << j;
  EXPECT_EQ(rfsim("notes " + golden_ + " --format xml").code, 2);
}

TEST_F(NotesCli, ACraftedNotesSectionIsRefusedWithExitCode2) {
  Save s = testing::short_game();
  Note n;
  n.at = testing::hours(9999);
  n.title = "after the end";
  s.notes = {n};
  const auto bad = dir_ / "crafted.rfsave";
  write_save(bad, s);
  const auto out = dir_ / "notes.md";
  const Result r = rfsim("notes " + bad.string() + " --out " + out.string());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("crafted.rfsave: notes check failed at byte"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("notes[0].at"), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(out)) << "a refused save wrote output";
  // The window and every other command refuse it the same way.
  EXPECT_EQ(rfsim("save-info " + bad.string()).code, 2);
}

TEST_F(NotesCli, TheReportListsTheNotesAsTheDebrief) {
  const Result r = rfsim("report " + golden_ + " --no-maps --out " + dir_.string());
  ASSERT_EQ(r.code, 0) << r.out;
  const std::string html = read_all(dir_ / "report.html");
  const auto at = html.find("id=\"debrief\"");
  ASSERT_NE(at, std::string::npos);
  EXPECT_NE(html.find("Provocation at Pokrovsk", at), std::string::npos);
  EXPECT_NE(html.find("Observer: QRF late", at), std::string::npos);
  EXPECT_LT(html.find("Provocation at Pokrovsk", at), html.find("Observer: QRF late", at))
      << "not in time order";
}

}  // namespace
}  // namespace rfsim::saves
