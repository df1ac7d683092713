// Golden reports of examples/ in every format: what a user of each integration sees, byte for byte.
// A rule or output change shows up here as a diff to review; rewrite the files with
// ZKLINT_UPDATE_GOLDEN=1 once the diff is what you meant (see expect_golden).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "cli_support.hpp"

using zklint::test::Scratch;

namespace {

// The version changes with every release, and the scratch directory (in the origin of a setting
// of examples/zookeeper/.zklint.json) with every run; the reports around them should not.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
  return text;
}

void check_examples(const std::string& format, const std::string& golden) {
  Scratch s;
  // A copy, so that the paths in the reports are the same relative paths wherever the tree is.
  std::filesystem::copy(std::filesystem::path(ZKLINT_SOURCE_DIR) / "examples", s.path() / "examples",
                        std::filesystem::copy_options::recursive);
  const std::string version_line = s.zklint("--version").out;  // "zklint X.Y.Z\n"
  REQUIRE(version_line.rfind("zklint ", 0) == 0);
  const std::string version = version_line.substr(7, version_line.find('\n') - 7);
  const auto r = s.zklint("--format " + format + " --color never examples");
  CHECK_MESSAGE(r.exit_code == 1, "examples/ holds broken configs on purpose: " << r.err);
  // The text format ends with its summary on standard error; the golden file keeps both.
  const std::string report = format == "text" ? r.out + "--- stderr ---\n" + r.err : r.out;
  zklint::test::expect_golden("examples/" + golden, replaced(replaced(report, version, "@VERSION@"), s.path().string() + "/", "@SCRATCH@/"));
}

}  // namespace

TEST_CASE("golden: examples/ in --format text") { check_examples("text", "report.txt"); }
TEST_CASE("golden: examples/ in --format json") { check_examples("json", "report.json"); }
TEST_CASE("golden: examples/ in --format sarif") { check_examples("sarif", "report.sarif"); }
TEST_CASE("golden: examples/ in --format github") { check_examples("github", "report.github.txt"); }
TEST_CASE("golden: examples/ in --format gitlab") { check_examples("gitlab", "report.gitlab.json"); }
TEST_CASE("golden: examples/ in --format checkstyle") { check_examples("checkstyle", "report.checkstyle.xml"); }
TEST_CASE("golden: examples/ in --format junit") { check_examples("junit", "report.junit.xml"); }
