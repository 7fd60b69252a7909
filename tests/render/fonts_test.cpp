// Font lookup: finds DejaVu where Debian puts it; a missing font names the paths tried.
#include "render/fonts.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace rfsim::render {
namespace {

using ::testing::HasSubstr;

TEST(Fonts, FindsDejaVuSans) {
  EXPECT_EQ(find_font().filename(), "DejaVuSans.ttf");
  EXPECT_EQ(find_font(FontFace::Bold).filename(), "DejaVuSans-Bold.ttf");
  EXPECT_TRUE(std::filesystem::exists(find_font(FontFace::Bold)));
}

TEST(Fonts, OverrideDirectoryIsTriedFirst) {
  const auto dir = find_font().parent_path();
  ::setenv("RFSIM_FONT_DIR", dir.c_str(), 1);
  EXPECT_EQ(find_font(), dir / "DejaVuSans.ttf");
  ::unsetenv("RFSIM_FONT_DIR");
}

TEST(Fonts, MissingFontNamesEveryPathTried) {
  try {
    find_font(FontFace::Regular, {"/nonexistent/a", "/nonexistent/b"});
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("/nonexistent/a/DejaVuSans.ttf"));
    EXPECT_THAT(e.what(), HasSubstr("/nonexistent/b/DejaVuSans.ttf"));
    EXPECT_THAT(e.what(), HasSubstr("fonts-dejavu-core"));
  }
}

}  // namespace
}  // namespace rfsim::render
