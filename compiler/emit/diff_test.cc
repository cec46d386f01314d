#include "compiler/emit/diff.h"

#include <catch2/catch.hpp>

namespace trigc::emit {
namespace {

TEST_CASE("a unified diff shows each change with three lines of context", "[diff]") {
  std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n";
  std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\nsixteen\n";
  CHECK(UnifiedDiff(before, after, "a", "b") ==
        "--- a\n+++ b\n"
        "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
        "@@ -13,3 +13,4 @@\n 13\n 14\n 15\n+sixteen\n");
}

TEST_CASE("nearby changes share a hunk, and equal texts give no diff", "[diff]") {
  CHECK(UnifiedDiff("a\nb\nc\n", "a\nb\nc\n", "x", "y").empty());
  CHECK(UnifiedDiff("a\nb\nc\nd\n", "A\nb\nc\nD\n", "x", "y") ==
        "--- x\n+++ y\n@@ -1,4 +1,4 @@\n-a\n+A\n b\n c\n-d\n+D\n");
  CHECK(UnifiedDiff("", "new\n", "x", "y") == "--- x\n+++ y\n@@ -0,0 +1,1 @@\n+new\n");
  CHECK(UnifiedDiff("old\n", "", "x", "y") == "--- x\n+++ y\n@@ -1,1 +0,0 @@\n-old\n");
  CHECK(UnifiedDiff("a", "a\n", "x", "y") ==
        "--- x\n+++ y\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+a\n");
}

TEST_CASE("a long diff is cut after max_lines lines", "[diff]") {
  std::string before, after;
  for (int i = 0; i < 100; ++i) {
    before += "line " + std::to_string(i) + "\n";
    after += "LINE " + std::to_string(i) + "\n";
  }
  std::string diff = UnifiedDiff(before, after, "x", "y", 3, 10);
  size_t lines = 0;
  for (char c : diff) lines += c == '\n';
  CHECK(lines == 2 + 1 + 10 + 1);  // ---/+++, one hunk header, 10 diff lines, the note
  CHECK(diff.find("... 190 more diff lines\n") != std::string::npos);
}

}  // namespace
}  // namespace trigc::emit
