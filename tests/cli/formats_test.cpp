// Report formats: structure, several --format/--output pairs in one run, atomic files, determinism.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

using nlohmann::json;
using zklint::test::Scratch;

TEST_CASE("JSON report: versioned schema with every field of a diagnostic") {
  Scratch s;
  s.write("a.properties", "k=1\nk=2\n");
  const auto r = s.zklint("--format json a.properties missing.properties");
  const json j = json::parse(r.out);
  CHECK(j["schema_version"] == 1);
  CHECK(j["exit_code"] == 2);
  CHECK(j["summary"]["warnings"] == 1);
  const json& file = j["files"][0];
  CHECK(file["path"] == "a.properties");
  CHECK(file["kind"] == "unknown");
  const json& d = file["diagnostics"][0];
  CHECK(d["code"] == "ZKL002");
  CHECK(d["name"] == "duplicate-key");
  CHECK(d["family"] == "properties");
  CHECK(d["severity"] == "warning");
  CHECK(d["range"]["start"]["line"] == 1);
  CHECK(d["range"]["end"]["column"] == 2);
  CHECK(d["related"][0]["range"]["start"]["line"] == 2);
  CHECK(d["fingerprint"].get<std::string>().size() == 16);
  CHECK(j["files"][1]["linted"] == false);
  CHECK(j["files"][1]["error"] == "does not exist");
}

TEST_CASE("JSON carries fixes as edits") {
  Scratch s;
  s.write("a.properties", "path=C:\\kafka\\logs\n");
  const json j = json::parse(s.zklint("--format json a.properties").out);
  const json& fix = j["files"][0]["diagnostics"][0]["fix"];
  CHECK(fix["safety"] == "safe");
  CHECK(fix["edits"][0]["replacement"] == "C:/kafka/logs");
  CHECK(fix["edits"][0]["range"]["start"]["column"] == 6);
}

TEST_CASE("SARIF: one run, rules, relative URIs, 1-based regions, fingerprints, fixes, empty results") {
  Scratch s;
  s.write("conf/a.properties", "k=1\nk=2\npath=C:\\kafka\\logs\n");
  s.write("clean.properties", "k=v\n");
  const json j = json::parse(s.zklint("--format sarif conf/a.properties").out);
  CHECK(j["version"] == "2.1.0");
  REQUIRE(j["runs"].size() == 1);
  const json& run = j["runs"][0];
  CHECK(run["columnKind"] == "utf16CodeUnits");
  CHECK(run["tool"]["driver"]["name"] == "zklint");
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
  const json& result = run["results"][0];
  const json& rule = run["tool"]["driver"]["rules"][result["ruleIndex"].get<std::size_t>()];
  CHECK(rule["id"] == result["ruleId"]);
  CHECK(!rule["help"]["markdown"].get<std::string>().empty());
  CHECK(rule["defaultConfiguration"]["level"] == "warning");
  const json& location = result["locations"][0]["physicalLocation"];
  CHECK(location["artifactLocation"]["uri"] == "conf/a.properties");
  CHECK(location["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  CHECK(location["region"]["startLine"] == 1);
  CHECK(location["region"]["startColumn"] == 1);
  CHECK(result["partialFingerprints"].contains("primaryLocationLineHash"));
  CHECK(run["results"][1]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "C:/kafka/logs");

  const json clean = json::parse(s.zklint("--format sarif clean.properties").out);
  CHECK(clean["runs"][0]["results"].is_array());
  CHECK(clean["runs"][0]["results"].empty());
}

TEST_CASE("SARIF reports unreadable files as failed-execution notifications") {
  Scratch s;
  const json j = json::parse(s.zklint("--format sarif missing.properties").out);
  const json& invocation = j["runs"][0]["invocations"][0];
  CHECK(invocation["executionSuccessful"] == false);
  CHECK(invocation["exitCode"] == 2);
  CHECK(invocation["toolExecutionNotifications"][0]["level"] == "error");
}

TEST_CASE("GitHub annotations") {
  Scratch s;
  s.write("a.properties", "k=1\nk=2\n");
  const auto r = s.zklint("--format github a.properties");
  CHECK(r.out.rfind("::warning file=a.properties,line=1,col=1,endLine=1,endColumn=2,title=ZKL002 duplicate-key::key 'k' is set again", 0) == 0);
}

TEST_CASE("several --format/--output pairs in one run; files are written whole, stdout keeps only its report") {
  Scratch s;
  s.write("a.properties", "k=1\nk=2\n");
  const auto r = s.zklint("--format sarif --output out.sarif --format json --output out.json --format text a.properties");
  CHECK(r.exit_code == 1);
  CHECK(json::parse(s.read("out.sarif"))["version"] == "2.1.0");
  CHECK(json::parse(s.read("out.json"))["summary"]["warnings"] == 1);
  CHECK(r.out.find("a.properties:1:1: warning:") == 0);
  for (const auto& entry : std::filesystem::directory_iterator(s.path())) {
    CHECK(entry.path().filename().string().find(".zklint-") == std::string::npos);  // no temporary files left
  }
  const auto sarif_stdout = s.zklint("--format sarif a.properties");
  CHECK(json::accept(sarif_stdout.out));  // nothing but SARIF on stdout
}

TEST_CASE("diagnostics come out in the same order whatever --jobs is") {
  Scratch s;
  for (int i = 0; i < 12; ++i) s.write("d" + std::to_string(i) + "/server.properties", "k=1\nk=2\n=x\nk=3\n");
  const auto one = s.zklint("--format json --kind unknown -j 1 .");
  const auto many = s.zklint("--format json --kind unknown -j 8 .");
  CHECK(one.out == many.out);
  CHECK(one.out.find("d0/server.properties") < one.out.find("d11/server.properties"));
}

TEST_CASE("text output: source line, caret under the exact columns, help, did-you-mean, summary on stderr") {
  Scratch s;
  s.write("a.properties", "path=C:\\kafka\\logs\n");
  const auto r = s.zklint("--color never a.properties");
  CHECK(r.out.find("1 | path=C:\\kafka\\logs\n") != std::string::npos);
  CHECK(r.out.find("  |      ^^^^^^^^^^^^^\n") != std::string::npos);
  CHECK(r.out.find("= did you mean: path=C:/kafka/logs") != std::string::npos);
  CHECK(r.err.find("zklint: 0 errors, 1 warning, 0 info in 1 file; 1 fixable with --fix") != std::string::npos);
  CHECK(s.zklint("--color always a.properties").out.find("\x1b[") != std::string::npos);
  CHECK(s.zklint("a.properties").out.find("\x1b[") == std::string::npos);  // not a terminal
}
