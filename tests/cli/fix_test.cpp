// --fix, --unsafe-fixes and --diff on real files: bytes outside the fixes are kept (CRLF, escapes,
// encoding, comments), a second --fix changes nothing, files are written atomically with their
// mode, and never through a symbolic link into another tree.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "zklint/lint/registry.hpp"
#include "zklint/lint/rule.hpp"

using nlohmann::json;
using zklint::test::Scratch;
namespace fs = std::filesystem;

namespace {

// Generic .properties rules only, so other families' rules cannot change these expectations.
constexpr const char* props = "--no-config --select properties,meta ";

// CRLF lines, a comment with a backslash, an escape, Latin-1 text written as an escape, and three
// safe fixes (Windows path, trailing blanks, UTF-8 text) plus one unsafe (an inline comment).
const std::string crlf_file =
    "# Broker settings \\ edited by hand\r\n"
    "k=1\r\n"
    "k=2\r\n"
    "path=C:\\kafka\\logs\r\n"
    "greeting=hello  \r\n"
    "owner=Ren\xC3\xA9\r\n"
    "tab=a\\tb\r\n"
    "port=2181 # zk\r\n";
const std::string crlf_fixed =
    "# Broker settings \\ edited by hand\r\n"
    "k=1\r\n"
    "k=2\r\n"
    "path=C:/kafka/logs\r\n"
    "greeting=hello\r\n"
    "owner=Ren\\u00e9\r\n"
    "tab=a\\tb\r\n"
    "port=2181 # zk\r\n";

std::string mode_of(const fs::path& p) {
  struct stat st {};
  ::stat(p.c_str(), &st);
  return std::to_string(st.st_mode & 0777);
}

}  // namespace

TEST_CASE("--fix applies the safe fixes, keeps every other byte, and a second --fix changes nothing") {
  Scratch s;
  s.write("a.properties", crlf_file);
  const auto first = s.zklint(std::string(props) + "--fix a.properties");
  CHECK(s.read("a.properties") == crlf_fixed);
  CHECK(first.exit_code == 1);  // the duplicate key and the inline comment remain
  CHECK(first.err.find("a.properties:4:6: fixed: ") != std::string::npos);
  CHECK(first.err.find("[ZKL006 backslash-path] (use forward slashes)") != std::string::npos);
  CHECK(first.err.find("fixed 3 in 1 file") != std::string::npos);
  CHECK(first.out.find("a.properties:2:1: warning:") != std::string::npos);   // what remains is reported
  CHECK(first.out.find("ZKL006") == std::string::npos);

  const auto second = s.zklint(std::string(props) + "--fix a.properties");
  CHECK(s.read("a.properties") == crlf_fixed);
  CHECK(second.err.find("fixed") == std::string::npos);
  CHECK(second.out == first.out);
  for (const auto& entry : fs::directory_iterator(s.path())) {
    CHECK(entry.path().filename().string().find(".zklint-") == std::string::npos);  // no temporary file left
  }
}

TEST_CASE("--unsafe-fixes also applies the fixes rules mark unsafe") {
  Scratch s;
  s.write("a.properties", crlf_file);
  s.zklint(std::string(props) + "--fix --unsafe-fixes a.properties");
  const std::string text = s.read("a.properties");
  CHECK(text.find("# zk\r\nport=2181\r\n") != std::string::npos);  // the comment moved above, with the file's CRLF
  CHECK(text.find("path=C:/kafka/logs\r\n") != std::string::npos);
  CHECK(s.zklint(std::string(props) + "--unsafe-fixes a.properties").exit_code == 2);  // needs --fix or --diff
}

TEST_CASE("--diff prints a unified diff git can apply, writes nothing, and exits 1 only when there is something to fix") {
  Scratch s;
  s.write("a.properties", crlf_file);
  const auto r = s.zklint(std::string(props) + "--diff a.properties");
  CHECK(r.exit_code == 1);
  CHECK(s.read("a.properties") == crlf_file);
  CHECK(r.out ==
        "--- a/a.properties\n+++ b/a.properties\n@@ -1,8 +1,8 @@\n"
        " # Broker settings \\ edited by hand\r\n k=1\r\n k=2\r\n"
        "-path=C:\\kafka\\logs\r\n-greeting=hello  \r\n-owner=Ren\xC3\xA9\r\n"
        "+path=C:/kafka/logs\r\n+greeting=hello\r\n+owner=Ren\\u00e9\r\n"
        " tab=a\\tb\r\n port=2181 # zk\r\n");
  // git apply turns the file into exactly what --fix writes.
  s.write("b/a.properties", crlf_file);
  std::ofstream(s.path() / "fix.patch", std::ios::binary) << r.out;
  const int applied = std::system(("cd '" + (s.path() / "b").string() + "' && git apply --unsafe-paths ../fix.patch 2>/dev/null").c_str());
  if (applied == 0) CHECK(s.read("b/a.properties") == crlf_fixed);
  else MESSAGE("git is not installed: skipped applying the diff");

  s.write("clean.properties", "k=v\n");
  const auto clean = s.zklint(std::string(props) + "--diff clean.properties");
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.empty());
  CHECK(s.zklint(std::string(props) + "--diff --format json clean.properties").exit_code == 2);  // stdout is the diff's
  CHECK(s.zklint(std::string(props) + "--diff --format json --output r.json clean.properties").exit_code == 0);
  CHECK(s.zklint(std::string(props) + "--fix --diff clean.properties").exit_code == 2);
}

TEST_CASE("--diff marks a last line without a newline, and handles standard input") {
  Scratch s;
  const auto r = s.zklint(std::string(props) + "--diff --stdin-filename conf/app.properties -", "a=1\ngreeting=hi  ");
  CHECK(r.exit_code == 1);
  CHECK(r.out == "--- a/conf/app.properties\n+++ b/conf/app.properties\n@@ -1,2 +1,2 @@\n a=1\n-greeting=hi  \n\\ No newline at end of file\n+greeting=hi\n\\ No newline at end of file\n");
}

TEST_CASE("--fix - prints the fixed text of standard input, and the findings left on standard error") {
  Scratch s;
  const auto fixed = s.zklint(std::string(props) + "--fix -", "a=1\ngreeting=hi  \nk=1\nk=2\n");
  CHECK(fixed.exit_code == 1);  // the duplicate key has no fix and stays
  CHECK(fixed.out == "a=1\ngreeting=hi\nk=1\nk=2\n");
  CHECK(fixed.err.find("-:3:1: warning: key 'k' is set again") != std::string::npos);
  const auto clean = s.zklint(std::string(props) + "--fix -", "a=1\n");
  CHECK(clean.exit_code == 0);
  CHECK(clean.out == "a=1\n");  // nothing to fix: the text as it came
  CHECK(s.zklint(std::string(props) + "--fix --format json -", "a=1\n").exit_code == 2);  // standard output is the text's
  const auto report = s.zklint(std::string(props) + "--fix -o json=r.json -", "greeting=hi  \n");
  CHECK(report.out == "greeting=hi\n");
  CHECK(s.read("r.json").find("\"schema_version\": 1") != std::string::npos);
}

TEST_CASE("--diff names files from the root of their git repository, so git apply takes --diff ../x") {
  Scratch s;
  if (std::system(("git init -q '" + (s.path() / "repo").string() + "' 2>/dev/null").c_str()) != 0) {
    MESSAGE("SKIPPED: git is not installed; --diff was not applied with git");
    return;
  }
  const std::string broker = "log.dirs=/data\nzookeeper.connect=zk1:2181\n";
  s.write("repo/conf/server.properties", "broker.id=1  \n" + broker);
  s.write("repo/tools/.keep", "");
  const auto r = s.zklint(std::string(props) + "--diff ../conf", "", "cd repo/tools && ");
  REQUIRE(r.exit_code == 1);
  CHECK(r.out.rfind("--- a/conf/server.properties\n+++ b/conf/server.properties\n", 0) == 0);
  std::ofstream(s.path() / "fix.patch", std::ios::binary) << r.out;
  CHECK(std::system(("cd '" + (s.path() / "repo").string() + "' && git apply --check ../fix.patch && git apply ../fix.patch").c_str()) == 0);
  CHECK(s.read("repo/conf/server.properties") == "broker.id=1\n" + broker);
}

TEST_CASE("--fix keeps the file's permission bits") {
  Scratch s;
  const auto file = s.write("a.properties", "greeting=hi  \n");
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
  s.zklint(std::string(props) + "--fix a.properties");
  CHECK(s.read("a.properties") == "greeting=hi\n");
  CHECK(mode_of(file) == std::to_string(0600));
}

TEST_CASE("--fix writes through a symbolic link inside the working directory, keeping the link") {
  Scratch s;
  s.write("real/a.properties", "greeting=hi  \n");
  fs::create_directories(s.path() / "conf");
  fs::create_symlink("../real/a.properties", s.path() / "conf/a.properties");
  const auto r = s.zklint(std::string(props) + "--fix conf/a.properties");
  CHECK(r.exit_code == 0);
  CHECK(fs::is_symlink(s.path() / "conf/a.properties"));
  CHECK(s.read("real/a.properties") == "greeting=hi\n");
}

TEST_CASE("--fix never writes through a symbolic link into another tree") {
  Scratch s;
  s.write("outside/a.properties", "greeting=hi  \n");
  fs::create_directories(s.path() / "project");
  fs::create_symlink("../outside/a.properties", s.path() / "project/linked.properties");
  fs::create_directory_symlink("../outside", s.path() / "project/conf");
  for (const char* target : {"linked.properties", "conf/a.properties"}) {
    CAPTURE(target);
    // Run inside project/, where outside/ is another tree.
    const std::string command = "cd '" + (s.path() / "project").string() + "' && '" + std::string(ZKLINT_BINARY) + "' " + props + "--fix " +
                                target + " >/dev/null 2>'" + (s.path() / "err.txt").string() + "'";
    const int raw = std::system(command.c_str());
    CHECK(WEXITSTATUS(raw) == 2);
    CHECK(s.read("err.txt").find("not fixing " + std::string(target) + ": it is reached through a symbolic link") != std::string::npos);
    CHECK(s.read("outside/a.properties") == "greeting=hi  \n");
  }
  CHECK(fs::is_symlink(s.path() / "project/linked.properties"));
}

TEST_CASE("every fixable rule through the CLI: --fix turns its bad example into its fixed text, which no longer raises it") {
  std::size_t checked = 0;
  for (const zklint::Rule* rule : zklint::RuleRegistry::instance().rules()) {
    const zklint::RuleMeta& m = rule->meta();
    for (const zklint::Example& bad : m.bad) {
      if (bad.fixed.empty()) continue;
      CAPTURE(m.code);
      Scratch s;
      std::string name(bad.file_name);
      if (name.empty()) {
        const bool kafka = m.applies_to.contains(zklint::FileKind::kafka), zookeeper = m.applies_to.contains(zklint::FileKind::zookeeper);
        name = kafka && !zookeeper ? "server.properties" : zookeeper && !kafka ? "zoo.cfg" : "example.properties";
      }
      std::string args = "--no-config ";
      // A rule whose fix is unsafe shows the text with that fix applied.
      const std::string fix = m.fix == zklint::FixSafety::unsafe ? "--fix --unsafe-fixes " : "--fix ";
      const std::string diff = m.fix == zklint::FixSafety::unsafe ? "--diff --unsafe-fixes " : "--diff ";
      if (!bad.kafka_version.empty()) args += "--kafka-version " + std::string(bad.kafka_version) + " ";
      if (!bad.zookeeper_version.empty()) args += "--zookeeper-version " + std::string(bad.zookeeper_version) + " ";
      if (!bad.companion.empty()) {
        // The paired file is read for cross-file checks but is not itself linted or fixed.
        const std::string companion = "companion/" + (bad.companion_name.empty() ? std::string("companion") : std::string(bad.companion_name));
        s.write(companion, std::string(bad.companion));
        args += "--zookeeper-config " + companion + " ";
      }
      s.write("conf/" + name, std::string(bad.text));
      const std::string file = "conf/" + name;
      s.zklint(args + fix + file);
      CHECK_MESSAGE(s.read(file) == std::string(bad.fixed), m.code << ": zklint --fix wrote:\n" << s.read(file));
      const json again = json::parse(s.zklint(args + "--format json " + file).out);
      for (const json& d : again["files"][0]["diagnostics"]) CHECK_MESSAGE(d["code"] != m.code, m.code << " is still raised after --fix");
      const auto second = s.zklint(args + diff + file);
      CHECK_MESSAGE(second.out.empty(), m.code << ": a second --fix would still change:\n" << second.out);
      ++checked;
    }
  }
  CHECK(checked >= 6);
}

namespace {

// A ZooKeeper-mode broker whose ZooKeeper hosts are separated by a blank (ZKL103, a safe fix), once
// as a map entry and once in a second service's list-form environment, plus one whose value comes
// from an interpolation default, which --fix leaves alone.
constexpr const char* blank_separated_compose = R"(services:
  zk1:
    image: zookeeper:3.9.2
  zk2:
    image: zookeeper:3.9.2
  kafka-a:
    image: confluentinc/cp-kafka:7.6.1
    environment:
      KAFKA_BROKER_ID: 1
      KAFKA_ZOOKEEPER_CONNECT: zk1:2181 zk2:2181
  kafka-b:
    image: confluentinc/cp-kafka:7.6.1
    environment:
      - KAFKA_BROKER_ID=2
      - "KAFKA_ZOOKEEPER_CONNECT=zk1:2181 zk2:2181"
  kafka-c:
    image: confluentinc/cp-kafka:7.6.1
    environment:
      KAFKA_BROKER_ID: 3
      KAFKA_ZOOKEEPER_CONNECT: ${ZK:-zk1:2181 zk2:2181}
)";

}  // namespace

TEST_CASE("--fix edits a compose file's YAML in place where the value is written as it is read") {
  Scratch s;
  s.write("docker-compose.yml", blank_separated_compose);
  const std::string select = "--no-config --select zk-hosts-not-comma-separated ";
  const auto before = s.zklint(select + "docker-compose.yml");
  CHECK(before.exit_code == 1);
  CHECK(before.out.find("docker-compose.yml:10:32: error: ZooKeeper hosts separated by blanks") != std::string::npos);
  CHECK(before.out.find("fix (--fix): ") != std::string::npos);
  CHECK(before.err.find("2 fixable with --fix") != std::string::npos);  // not the interpolated one

  const auto diff = s.zklint(select + "--diff docker-compose.yml");
  CHECK(diff.exit_code == 1);
  CHECK(diff.out.find("-      KAFKA_ZOOKEEPER_CONNECT: zk1:2181 zk2:2181\n+      KAFKA_ZOOKEEPER_CONNECT: zk1:2181,zk2:2181\n") != std::string::npos);
  CHECK(diff.out.find("+      - \"KAFKA_ZOOKEEPER_CONNECT=zk1:2181,zk2:2181\"\n") != std::string::npos);

  const auto fixed = s.zklint(select + "--fix docker-compose.yml");
  std::string expected = blank_separated_compose;
  for (const std::string written : {"KAFKA_ZOOKEEPER_CONNECT: zk1:2181 zk2", "KAFKA_ZOOKEEPER_CONNECT=zk1:2181 zk2"}) {
    expected.replace(expected.find(written) + written.find(" zk2"), 1, ",");
  }
  CHECK(s.read("docker-compose.yml") == expected);
  CHECK(fixed.err.find("fixed 2 in 1 file") != std::string::npos);
  // What is left is the interpolated value, reported and not fixable.
  CHECK(fixed.exit_code == 1);
  const auto after = s.zklint(select + "docker-compose.yml");
  CHECK(after.out.find("docker-compose.yml:20:") != std::string::npos);
  CHECK(after.out.find("docker-compose.yml:10:") == std::string::npos);
  CHECK(after.out.find("docker-compose.yml:15:") == std::string::npos);
  CHECK(after.err.find("fixable") == std::string::npos);
}

TEST_CASE("--fix leaves a compose file alone where the edit would change how the YAML reads") {
  Scratch s;
  // In a flow mapping a comma ends the entry: the value would become two keys.
  const std::string flow = "services:\n  zk1:\n    image: zookeeper:3.9.2\n  zk2:\n    image: zookeeper:3.9.2\n  kafka:\n"
                           "    image: confluentinc/cp-kafka:7.6.1\n"
                           "    environment: {KAFKA_BROKER_ID: 1, KAFKA_ZOOKEEPER_CONNECT: zk1:2181 zk2:2181}\n";
  s.write("compose.yaml", flow);
  const auto r = s.zklint("--no-config --select zk-hosts-not-comma-separated --fix compose.yaml");
  CHECK(r.exit_code == 1);
  CHECK(s.read("compose.yaml") == flow);
  CHECK(r.out.find("error: ZooKeeper hosts separated by blanks") != std::string::npos);
}

TEST_CASE("--fix edits an env file named alone, read as docker run --env-file reads it") {
  Scratch s;
  s.write("kafka.env", "KAFKA_BROKER_ID=1\nKAFKA_ZOOKEEPER_CONNECT=zk1:2181 zk2:2181/kafka\n");
  const auto r = s.zklint("--no-config --select zk-hosts-not-comma-separated --fix kafka.env");
  CHECK(r.exit_code == 0);
  CHECK(s.read("kafka.env") == "KAFKA_BROKER_ID=1\nKAFKA_ZOOKEEPER_CONNECT=zk1:2181,zk2:2181/kafka\n");
}
