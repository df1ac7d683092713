// Hostile and odd inputs through the real binary (issue 8): each one gets a complete report or a
// clear message with a defined exit code, never a crash, a hang or a half-written report. Speed is
// measured in tests/bench, not here.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_support.hpp"

using nlohmann::json;
using zklint::test::Scratch;

namespace {

// The whole report parses, and it covers `files` inputs.
json complete_json(const std::string& out, std::size_t files) {
  json report;
  REQUIRE_NOTHROW(report = json::parse(out));
  CHECK(report["files"].size() == files);
  return report;
}

}  // namespace

TEST_CASE("a 100 MB line, 1,000,000 continuation lines and 1,000,000 keys are read whole") {
  Scratch s;
  s.write("line.properties", "k=" + std::string(100u << 20, 'x') + "\n");
  std::string continued = "k=";
  for (int i = 0; i < 1'000'000; ++i) continued += "a\\\n ";
  s.write("continued.properties", continued + "z\n");
  std::string keys;
  for (int i = 0; i < 1'000'000; ++i) keys += "key" + std::to_string(i) + "=v\n";
  s.write("keys.properties", keys);

  const auto r = s.zklint("--format json line.properties continued.properties keys.properties");
  CHECK(r.exit_code == 0);
  const json report = complete_json(r.out, 3);
  for (const auto& f : report["files"]) CHECK(f["linted"] == true);

  // What Java loads: dump streams the value of the long line and the joined continuations.
  const auto dump = s.zklint("dump continued.properties");
  CHECK(dump.exit_code == 0);
  CHECK(json::parse(dump.out)["properties"]["k"].get<std::string>().size() == 1'000'001);
}

TEST_CASE("100,000 findings in one file are all reported, in every format") {
  Scratch s;
  std::string keys;
  // Overrides of no broker setting: warnings (a plain unknown key is only an info note).
  for (int i = 0; i < 100'000; ++i) keys += "listener.name.plaintext.not.a.broker.key" + std::to_string(i) + "=v\n";
  s.write("server.properties", "process.roles=broker\n" + keys);
  const auto r = s.zklint("--kind kafka --kafka-version 3.9 --select unknown-key --format sarif server.properties");
  CHECK(r.exit_code == 1);
  json sarif;
  REQUIRE_NOTHROW(sarif = json::parse(r.out));
  CHECK(sarif["runs"][0]["results"].size() == 100'000);
  const auto text = s.zklint("--kind kafka --kafka-version 3.9 --select unknown-key server.properties");
  CHECK(text.err.find("100000 warnings") != std::string::npos);
}

TEST_CASE("deeply nested templates are neither a crash nor a finding") {
  Scratch s;
  std::string text = "zookeeper.connect=" + std::string(200'000, '{') + std::string(200'000, '}') + "\n";
  for (int i = 0; i < 100'000; ++i) text += "{% if x %}\n";
  text += "broker.id=1\n";
  for (int i = 0; i < 100'000; ++i) text += "{% endif %}\n";
  std::string nested;
  for (int i = 0; i < 100'000; ++i) nested += "${";
  text += "log.dirs=" + nested + std::string(100'000, '}') + "\n";
  s.write("server.properties", text);
  const auto r = s.zklint("--format json server.properties");
  CHECK(r.exit_code <= 1);
  complete_json(r.out, 1);
}

TEST_CASE("a symlink loop and a file that vanished inside a linted directory: clear messages, exit 2, the rest linted") {
  Scratch s;
  s.write("conf/zoo.cfg", "tickTime=2000\ntickTime=3000\n");
  ::symlink("server.properties", (s.path() / "conf/broker.properties").c_str());   // a loop of two links
  ::symlink("broker.properties", (s.path() / "conf/server.properties").c_str());
  ::symlink("deleted.properties", (s.path() / "conf/controller.properties").c_str());  // listed, then gone
  const auto r = s.zklint("--format json --select duplicate-key conf");
  CHECK(r.exit_code == 2);
  const json report = complete_json(r.out, 4);
  std::size_t not_linted = 0;
  for (const auto& f : report["files"]) {
    if (f["linted"] == true) {
      CHECK(f["path"] == "conf/zoo.cfg");
      CHECK(f["diagnostics"].size() == 1);
    } else {
      ++not_linted;
      CHECK(!f["error"].get<std::string>().empty());
    }
  }
  CHECK(not_linted == 3);
  const auto text = s.zklint("conf");
  CHECK(text.out.find("conf/controller.properties: error:") != std::string::npos);
  CHECK(text.out.find("symbolic link") != std::string::npos);
}

TEST_CASE("bytes that are not UTF-8 still give valid UTF-8 JSON and SARIF") {
  Scratch s;
  // Java reads every byte as ISO-8859-1; the reports are UTF-8 and must stay parseable.
  s.write("app.properties", "owner=\xff\xfe\xc3\x28 caf\xe9\nk\xe9y=1\nk\xe9y=2\n");
  for (const std::string format : {"json", "sarif", "gitlab"}) {
    CAPTURE(format);
    const auto r = s.zklint("--format " + format + " app.properties");
    CHECK(r.exit_code == 1);  // the duplicate key
    CHECK(json::accept(r.out));
  }
}

TEST_CASE("an unreadable file, also when the tests run as root") {
  Scratch s;
  s.write("a.properties", zklint::test::duplicate_key_file);
  const auto secret = s.write("secret.properties", "k=v\n");
  ::chmod(secret.c_str(), 0);
  std::string as_user;
  if (::geteuid() == 0) {
    // Root reads any file; run zklint as nobody instead, when util-linux's setpriv is there.
    if (std::system("command -v setpriv >/dev/null 2>&1") != 0) {
      WARN_MESSAGE(false, "running as root without setpriv: an unreadable file could not be tested");
      return;
    }
    ::chmod(s.path().c_str(), 0755);
    ::chmod((s.path() / "a.properties").c_str(), 0644);
    as_user = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  }
  const auto r = s.zklint("secret.properties a.properties", "", as_user);
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("secret.properties: error: cannot be read: permission denied") != std::string::npos);
  CHECK(r.out.find("a.properties:1:1") != std::string::npos);
}
