// Unit tests for src/text/strings: the one copy of the data-file helpers. A line read from
// a CRLF file must split like the same line from an LF file.
#include "text/strings.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace attache::text {
namespace {

using Views = std::vector<std::string_view>;

TEST(StringsTest, TrimTakesCarriageReturnsAndTabs) {
  EXPECT_EQ(Trim("  a b\t\r\n"), "a b");
  EXPECT_EQ(Trim("\r\n"), "");
  EXPECT_EQ(Trim(""), "");
}

TEST(StringsTest, FieldsKeepEmptiesAndListsDropThem) {
  EXPECT_EQ(SplitFields(" go | went || gone\r", '|'), (Views{"go", "went", "", "gone"}));
  EXPECT_EQ(SplitFields("", '|'), (Views{""}));
  EXPECT_EQ(SplitList("le, la ,, les,\r"), (Views{"le", "la", "les"}));
  EXPECT_EQ(SplitList("a;b", ';'), (Views{"a", "b"}));
}

TEST(StringsTest, WordsSplitOnAnyBlankRun) {
  EXPECT_EQ(SplitWords(" SFX  A\tY 2\r"), (Views{"SFX", "A", "Y", "2"}));
  EXPECT_TRUE(SplitWords(" \t ").empty());
}

TEST(StringsTest, ReadFileReturnsTheBytesOrNamesTheFile) {
  const std::string path = ::testing::TempDir() + "strings_test.txt";
  {
    std::ofstream out(path, std::ios::binary);
    out << "a\r\nb\n";
  }
  auto read = ReadFile(path);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.value(), "a\r\nb\n");
  std::remove(path.c_str());
  auto missing = ReadFile(path);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find(path), std::string::npos);
}

}  // namespace
}  // namespace attache::text
