// unified_diff: the hunks --diff prints, checked against what diff -u and git apply expect.
#include <doctest/doctest.h>

#include <string>

#include "zklint/lint/unified_diff.hpp"

using zklint::unified_diff;

namespace {
std::string numbered(int from, int to, const std::string& ending = "\n") {
  std::string out;
  for (int i = from; i <= to; ++i) out += "line" + std::to_string(i) + ending;
  return out;
}
}  // namespace

TEST_CASE("unified_diff: equal texts give no diff") { CHECK(unified_diff("a\nb\n", "a\nb\n", "f").empty()); }

TEST_CASE("unified_diff: changes far apart make separate hunks with three lines of context") {
  const std::string before = numbered(1, 20);
  std::string after = before;
  after.replace(after.find("line2\n"), 6, "LINE2\n");
  after.replace(after.find("line18\n"), 7, "LINE18\n");
  CHECK(unified_diff(before, after, "f.properties") ==
        "--- a/f.properties\n+++ b/f.properties\n"
        "@@ -1,5 +1,5 @@\n line1\n-line2\n+LINE2\n line3\n line4\n line5\n"
        "@@ -15,6 +15,6 @@\n line15\n line16\n line17\n-line18\n+LINE18\n line19\n line20\n");
}

TEST_CASE("unified_diff: changes close together share a hunk") {
  const std::string before = numbered(1, 12);
  std::string after = before;
  after.replace(after.find("line3\n"), 6, "LINE3\n");
  after.replace(after.find("line9\n"), 6, "LINE9\n");
  const std::string diff = unified_diff(before, after, "f");
  CHECK(diff.find("@@ -1,12 +1,12 @@\n") != std::string::npos);
  CHECK(diff.find("\n@@ ", diff.find("@@ -1,12")) == std::string::npos);  // only one hunk header
}

TEST_CASE("unified_diff: inserted and deleted lines, and an empty side") {
  CHECK(unified_diff("a\nc\n", "a\n# b\nc\n", "f") == "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n+# b\n c\n");
  CHECK(unified_diff("a\nb\nc\n", "a\nc\n", "f") == "--- a/f\n+++ b/f\n@@ -1,3 +1,2 @@\n a\n-b\n c\n");
  CHECK(unified_diff("", "a\n", "f") == "--- a/f\n+++ b/f\n@@ -0,0 +1,1 @@\n+a\n");
  CHECK(unified_diff("a\n", "", "f") == "--- a/f\n+++ b/f\n@@ -1,1 +0,0 @@\n-a\n");
}

TEST_CASE("unified_diff: line endings are part of the line") {
  CHECK(unified_diff("a\r\nb\r\n", "a\r\nB\r\n", "f") == "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+B\r\n");
  CHECK(unified_diff("a\n", "a\r\n", "f") == "--- a/f\n+++ b/f\n@@ -1,1 +1,1 @@\n-a\n+a\r\n");
}

TEST_CASE("unified_diff: a rewrite too large for the shortest script is still a correct diff") {
  std::string before, after;
  for (int i = 0; i < 3000; ++i) {
    before += "a" + std::to_string(i) + "\n";
    after += "b" + std::to_string(i) + "\n";
  }
  const std::string diff = unified_diff(before, after, "f");
  CHECK(diff.rfind("--- a/f\n+++ b/f\n@@ -1,3000 +1,3000 @@\n-a0\n", 0) == 0);
  CHECK(diff.find("+b2999\n") != std::string::npos);
}
