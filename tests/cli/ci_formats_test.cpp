// The CI report formats (gitlab, checkstyle, junit): golden files for a fixed input, GitLab's
// documented required fields, and fingerprints that survive line shifts.
// Set ZKLINT_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change (see expect_golden).
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "cli_support.hpp"

using nlohmann::json;
using zklint::test::Scratch;

namespace {

// Only the generic .properties rules run, so other rule families cannot change the golden output.
constexpr const char* golden_args = "--select properties,meta a.properties clean.properties missing.properties";

void write_golden_inputs(const Scratch& s) {
  s.write("a.properties", "tag<&\"x\">=1\ntag<&\"x\">=2\npath=C:\\kafka\\logs\ngreeting=hello  \nowner=Ren\xC3\xA9\n");
  s.write("clean.properties", "k=v\n");
}

void check_golden(const std::string& format, const std::string& file) {
  Scratch s;
  write_golden_inputs(s);
  const auto r = s.zklint("--format " + format + " " + golden_args);
  CHECK(r.exit_code == 2);  // missing.properties
  zklint::test::expect_golden(file, r.out);
}

// A tiny well-formedness check that needs no XML library: every tag that opens is closed, in order.
bool balanced_xml(const std::string& text) {
  std::vector<std::string> open;
  const std::regex tag("<(/?)([A-Za-z][A-Za-z0-9_-]*)[^>]*?(/?)>");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), tag); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    if (m[1] == "/") {
      if (open.empty() || open.back() != m[2]) return false;
      open.pop_back();
    } else if (m[3] != "/") {
      open.push_back(m[2]);
    }
  }
  return open.empty();
}

}  // namespace

TEST_CASE("golden: --format gitlab") { check_golden("gitlab", "report.gitlab.json"); }
TEST_CASE("golden: --format checkstyle") { check_golden("checkstyle", "report.checkstyle.xml"); }
TEST_CASE("golden: --format junit") { check_golden("junit", "report.junit.xml"); }

TEST_CASE("GitLab Code Quality: every issue has the fields GitLab documents as required") {
  // docs.gitlab.com, "Code Quality", section "Implement a custom tool": a JSON array of objects
  // with description, check_name, fingerprint (unique), severity (info, minor, major, critical,
  // blocker), location.path (relative) and location.lines.begin (or positions.begin.line); no BOM.
  Scratch s;
  write_golden_inputs(s);
  s.write("kafka/server.properties", "broker.id=1\nbroker.id=2\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181/kafka\n");
  const auto r = s.zklint("--format gitlab a.properties clean.properties missing.properties kafka " + s.path().string() + "/a.properties");
  REQUIRE(!r.out.empty());
  CHECK(r.out.rfind("\xEF\xBB\xBF", 0) != 0);
  const json report = json::parse(r.out);
  REQUIRE(report.is_array());
  REQUIRE(report.size() >= 6);
  const std::set<std::string> severities = {"info", "minor", "major", "critical", "blocker"};
  std::set<std::string> fingerprints;
  for (const json& issue : report) {
    CAPTURE(issue.dump());
    REQUIRE(issue.is_object());
    CHECK(issue["description"].is_string());
    CHECK(!issue["description"].get<std::string>().empty());
    CHECK(issue["check_name"].is_string());
    CHECK(!issue["check_name"].get<std::string>().empty());
    REQUIRE(issue["fingerprint"].is_string());
    CHECK(fingerprints.insert(issue["fingerprint"].get<std::string>()).second);
    CHECK(severities.count(issue["severity"].get<std::string>()) == 1);
    const std::string path = issue["location"]["path"].get<std::string>();
    CHECK(!path.empty());
    CHECK(path[0] != '/');  // relative, also for an absolute path inside the working directory
    CHECK(path.rfind("./", 0) != 0);
    REQUIRE(issue["location"]["lines"]["begin"].is_number_integer());
    CHECK(issue["location"]["lines"]["begin"].get<int>() >= 1);
  }
  const json clean = json::parse(s.zklint("--format gitlab clean.properties").out);
  CHECK(clean == json::array());
}

TEST_CASE("GitLab fingerprints stay the same when lines move, and change when the offending setting does") {
  Scratch s;
  s.write("a.properties", "k=1\nk=2\npath=C:\\kafka\\logs\n");
  const json before = json::parse(s.zklint("--format gitlab a.properties").out);
  s.write("a.properties", "# a new comment\n\nother=value\nk=1\nk=2\n\npath=C:\\kafka\\logs\n");
  const json shifted = json::parse(s.zklint("--format gitlab a.properties").out);
  REQUIRE(before.size() == 2);
  REQUIRE(shifted.size() == 2);
  CHECK(before[0]["fingerprint"] == shifted[0]["fingerprint"]);
  CHECK(before[1]["fingerprint"] == shifted[1]["fingerprint"]);
  CHECK(before[1]["location"]["lines"]["begin"] == 3);
  CHECK(shifted[1]["location"]["lines"]["begin"] == 7);
  s.write("a.properties", "k=1\nk=2\npath=D:\\kafka\\logs\n");
  const json edited = json::parse(s.zklint("--format gitlab a.properties").out);
  CHECK(edited[1]["fingerprint"] != before[1]["fingerprint"]);
}

TEST_CASE("Checkstyle and JUnit reports are well-formed XML with escaped text") {
  Scratch s;
  write_golden_inputs(s);
  for (const char* format : {"checkstyle", "junit"}) {
    CAPTURE(format);
    const auto r = s.zklint(std::string("--format ") + format + " " + golden_args);
    CHECK(r.out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0) == 0);
    CHECK(balanced_xml(r.out));
    CHECK(r.out.find("tag&lt;&amp;&quot;x&quot;&gt;") != std::string::npos);
  }
}

TEST_CASE("JUnit failures follow --fail-on; findings below it stay visible as passing test cases") {
  Scratch s;
  s.write("a.properties", "k=1\nk=2\ngreeting=hello  \n");  // a warning and an info
  const auto by_default = s.zklint("--format junit a.properties");
  CHECK(by_default.out.find("<testsuites name=\"zklint\" tests=\"2\" failures=\"1\" errors=\"0\">") != std::string::npos);
  CHECK(by_default.out.find("<system-out>a.properties:3:15: info:") != std::string::npos);
  const auto strict = s.zklint("--format junit --fail-on info a.properties");
  CHECK(strict.out.find("tests=\"2\" failures=\"2\"") != std::string::npos);
  const auto never = s.zklint("--format junit --fail-on never a.properties");
  CHECK(never.out.find("tests=\"2\" failures=\"0\"") != std::string::npos);
}
