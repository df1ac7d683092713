// --write-baseline and --baseline: findings matched by file, rule and the offending setting, not
// by line; entries whose finding is gone are reported as fixed. (Files are named: a directory walk
// would skip a.properties, which is not a Kafka or ZooKeeper config name.)
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

using nlohmann::json;
using zklint::test::Scratch;

namespace {

constexpr const char* props = "--no-config --select properties,meta ";
const std::string legacy = "k=1\nk=2\npath=C:\\kafka\\logs\nother=value\n";  // a duplicate key and a Windows path

void legacy_estate(const Scratch& s) {
  s.write("conf/a.properties", legacy);
  s.write("conf/b.properties", "greeting=hi\ngreeting=hello\n");
}

}  // namespace

TEST_CASE("--write-baseline records the current findings by path, rule and fingerprint, and accepts them") {
  Scratch s;
  legacy_estate(s);
  const auto r = s.zklint(std::string(props) + "--write-baseline zklint-baseline.json conf/a.properties conf/b.properties");
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.find("wrote 3 findings to the baseline zklint-baseline.json") != std::string::npos);
  CHECK(r.err.find("3 in the baseline") != std::string::npos);
  const json baseline = json::parse(s.read("zklint-baseline.json"));
  CHECK(baseline["schema_version"] == 1);
  REQUIRE(baseline["findings"].size() == 3);
  const json& first = baseline["findings"][0];
  CHECK(first["path"] == "conf/a.properties");
  CHECK(first["code"] == "ZKL002");
  CHECK(first["name"] == "duplicate-key");
  CHECK(first["fingerprint"].get<std::string>().size() == 16);
  CHECK(first["line"] == 1);
  // The same fingerprint as the JSON report when run from the baseline's folder.
  const json report = json::parse(s.zklint(std::string(props) + "--format json conf/a.properties conf/b.properties").out);
  CHECK(report["files"][0]["diagnostics"][0]["fingerprint"] == first["fingerprint"]);

  const auto again = s.zklint(std::string(props) + "--baseline zklint-baseline.json conf/a.properties conf/b.properties");
  CHECK(again.exit_code == 0);
  CHECK(again.out.empty());
}

TEST_CASE("baselined findings stay hidden when lines move or other settings change") {
  Scratch s;
  legacy_estate(s);
  s.zklint(std::string(props) + "--write-baseline zklint-baseline.json conf/a.properties conf/b.properties");
  s.write("conf/a.properties", "# a new header\n\nnew.setting=1\n" + std::string("k=1\nk=2\n\n# moved down\npath=C:\\kafka\\logs\nother=changed\n"));
  const auto r = s.zklint(std::string(props) + "--format json --baseline zklint-baseline.json conf/a.properties conf/b.properties");
  CHECK(r.exit_code == 0);
  const json j = json::parse(r.out);
  CHECK(j["summary"]["warnings"] == 0);
  CHECK(j["baseline"]["matched"] == 3);
  CHECK(j["baseline"]["fixed"].empty());
  CHECK(j["files"][0]["baselined"] == 2);
}

TEST_CASE("editing the offending setting makes its finding new, and its old entry is reported fixed") {
  Scratch s;
  legacy_estate(s);
  s.zklint(std::string(props) + "--write-baseline zklint-baseline.json conf/a.properties conf/b.properties");
  s.write("conf/a.properties", "k=1\nk=2\npath=D:\\kafka\\logs\nother=value\n");
  const auto r = s.zklint(std::string(props) + "--baseline zklint-baseline.json conf/a.properties conf/b.properties");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("conf/a.properties:3:6: warning:") != std::string::npos);
  CHECK(r.out.find("ZKL002") == std::string::npos);
  CHECK(r.err.find("zklint: baseline zklint-baseline.json: fixed: conf/a.properties (was line 3): ") != std::string::npos);
  CHECK(r.err.find("1 baseline entry fixed") != std::string::npos);
}

TEST_CASE("a fixed finding is reported as a fixed baseline entry, on stderr and in JSON") {
  Scratch s;
  legacy_estate(s);
  s.zklint(std::string(props) + "--write-baseline zklint-baseline.json conf/a.properties conf/b.properties");
  s.write("conf/b.properties", "greeting=hello\n");
  const auto r = s.zklint(std::string(props) + "--format json --baseline zklint-baseline.json conf/a.properties conf/b.properties");
  CHECK(r.exit_code == 0);
  const json j = json::parse(r.out);
  REQUIRE(j["baseline"]["fixed"].size() == 1);
  CHECK(j["baseline"]["fixed"][0]["path"] == "conf/b.properties");
  CHECK(j["baseline"]["fixed"][0]["code"] == "ZKL002");
  CHECK(j["baseline"]["file"] == "zklint-baseline.json");
  CHECK(r.err.find("fixed: conf/b.properties (was line 1)") != std::string::npos);
  // Rewriting the baseline drops the entry.
  s.zklint(std::string(props) + "--write-baseline zklint-baseline.json conf/a.properties conf/b.properties");
  CHECK(json::parse(s.read("zklint-baseline.json"))["findings"].size() == 2);
}

TEST_CASE("a new finding is reported even in a file the baseline covers") {
  Scratch s;
  legacy_estate(s);
  s.zklint(std::string(props) + "--write-baseline zklint-baseline.json conf/a.properties conf/b.properties");
  s.write("conf/a.properties", legacy + "other=again\n");
  const auto r = s.zklint(std::string(props) + "--baseline zklint-baseline.json conf/a.properties conf/b.properties");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("conf/a.properties:4:1: warning: key 'other' is set again") != std::string::npos);
}

TEST_CASE("baseline paths are relative to the baseline file, so it works from any directory") {
  Scratch s;
  legacy_estate(s);
  s.zklint(std::string(props) + "--write-baseline zklint-baseline.json conf/a.properties conf/b.properties");
  const std::string command = "cd '" + (s.path() / "conf").string() + "' && '" + std::string(ZKLINT_BINARY) + "' " + props +
                              "--baseline ../zklint-baseline.json a.properties b.properties >/dev/null 2>&1";
  CHECK(WEXITSTATUS(std::system(command.c_str())) == 0);
}

TEST_CASE("linting part of the estate does not report the other files' entries as fixed") {
  Scratch s;
  legacy_estate(s);
  s.zklint(std::string(props) + "--write-baseline zklint-baseline.json conf/a.properties conf/b.properties");
  const json j = json::parse(s.zklint(std::string(props) + "--format json --baseline zklint-baseline.json conf/a.properties").out);
  CHECK(j["baseline"]["matched"] == 2);
  CHECK(j["baseline"]["fixed"].empty());
}

TEST_CASE("a missing or malformed baseline is a usage error") {
  Scratch s;
  legacy_estate(s);
  const auto missing = s.zklint(std::string(props) + "--baseline nope.json conf/a.properties conf/b.properties");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("nope.json does not exist") != std::string::npos);
  s.write("bad.json", "{\"schema_version\": 1, \"findings\": [{\"path\": 3}]}");
  const auto bad = s.zklint(std::string(props) + "--baseline bad.json conf/a.properties conf/b.properties");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("bad.json: finding 1 has no string \"path\"") != std::string::npos);
  s.write("other.json", "[1, 2]");
  CHECK(s.zklint(std::string(props) + "--baseline other.json conf/a.properties conf/b.properties").err.find("not a zklint baseline") != std::string::npos);
}
