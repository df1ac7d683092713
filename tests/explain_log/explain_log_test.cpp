// `zklint explain-log` on real log excerpts quoted in public issue threads (tests/explain_log/corpus:
// each file cites its source). Header lines: `#! source:` (where the excerpt comes from),
// `#! config: key=value` (the node's config, as the thread gives it), `#! expect: SIGNATURE SUBJECT
// KEY` (SUBJECT `-` for none; KEY the config key explain-log must point at, `-` when the config sets
// none of the signature's keys) or `#! expect: none`.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../cli/cli_support.hpp"

using zklint::test::Scratch;

namespace {

struct Expectation {
  std::string signature, subject, key;
};

struct Fixture {
  std::string source, log, config;
  std::vector<Expectation> expected;
  bool expect_none = false;
};

Fixture read_fixture(const std::filesystem::path& path) {
  std::ifstream in(path);
  Fixture f;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("#! source: ", 0) == 0) f.source = line.substr(11);
    else if (line.rfind("#! config: ", 0) == 0) f.config += line.substr(11) + "\n";
    else if (line == "#! expect: none") f.expect_none = true;
    else if (line.rfind("#! expect: ", 0) == 0) {
      std::istringstream fields(line.substr(11));
      Expectation e;
      fields >> e.signature >> e.subject >> e.key;
      if (e.subject == "-") e.subject.clear();
      f.expected.push_back(e);
    } else {
      f.log += line + "\n";
    }
  }
  return f;
}

}  // namespace

TEST_CASE("explain-log: the corpus of real log excerpts") {
  const auto corpus = std::filesystem::path(ZKLINT_SOURCE_DIR) / "tests" / "explain_log" / "corpus";
  std::size_t fixtures = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    const Fixture f = read_fixture(entry.path());
    CAPTURE(entry.path().filename().string());
    REQUIRE_MESSAGE(f.source.rfind("https://", 0) == 0, "every excerpt cites its source");
    REQUIRE((f.expect_none || !f.expected.empty()));
    ++fixtures;
    Scratch s;
    s.write("server.log", f.log);
    s.write("node.properties", f.config);
    const auto r = s.zklint("explain-log --format json --config node.properties server.log");
    const auto report = nlohmann::json::parse(r.out);
    const auto& found = report.at("findings");
    CHECK(r.exit_code == (f.expect_none ? 0 : 1));
    CHECK(found.size() == f.expected.size());
    for (const Expectation& e : f.expected) {
      CAPTURE(e.signature);
      CAPTURE(e.subject);
      const auto match = std::find_if(found.begin(), found.end(), [&](const nlohmann::json& j) { return j["signature"] == e.signature && j["subject"] == e.subject; });
      REQUIRE_MESSAGE(match != found.end(), r.out);
      if (e.key == "-") {  // the config sets none of the keys: their defaults apply
        CHECK_MESSAGE((*match)["config"].is_null(), r.out);
        continue;
      }
      REQUIRE_MESSAGE(!(*match)["config"].is_null(), r.out);
      CHECK((*match)["config"]["key"] == e.key);
      CHECK((*match)["config"]["path"] == "node.properties");
    }
  }
  CHECK(fixtures >= 12);
}

TEST_CASE("explain-log: the text report names the config line, and repeated lines count once") {
  Scratch s;
  s.write("server.properties", "broker.id=1\nzookeeper.connect=zk1:2181,localhost:2182/kafka\n");
  std::string log;
  for (int i = 0; i < 3; ++i) {
    log += "[2024-01-01 00:00:0" + std::to_string(i) + ",000] INFO Opening socket connection to server localhost/127.0.0.1:2182. (org.apache.zookeeper.ClientCnxn)\n"
           "java.net.ConnectException: Connection refused\n";
  }
  s.write("server.log", log);
  const auto r = s.zklint("explain-log --config server.properties server.log");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("server.log:2: java.net.ConnectException: Connection refused (localhost:2182) [connect-refused]") != std::string::npos);
  CHECK(r.out.find("lines 2-6, 3 times") != std::string::npos);
  CHECK(r.out.find("most likely cause: server.properties:2:1: zookeeper.connect=zk1:2181,localhost:2182/kafka (names localhost:2182)") != std::string::npos);
}

TEST_CASE("explain-log: a quiet log exits 0, an unreadable one 2") {
  Scratch s;
  s.write("server.log", "[2024-01-01 00:00:00,000] INFO [KafkaServer id=1] started (kafka.server.KafkaServer)\n");
  CHECK(s.zklint("explain-log server.log").exit_code == 0);
  CHECK(s.zklint("explain-log missing.log").exit_code == 2);
  CHECK(s.zklint("explain-log --config missing.properties server.log").exit_code == 2);
}

TEST_CASE("explain-log: a KRaft voter set that differs from the quorum-state file, as QuorumState.java words it") {
  // No public thread quotes this one as text; the line is built the way QuorumState.initialize
  // (apache/kafka raft/src/main/java/org/apache/kafka/raft/QuorumState.java, before #15859) builds it.
  Scratch s;
  s.write("controller.properties", "process.roles=controller\nnode.id=0\ncontroller.quorum.voters=0@c0:9093,1@c1:9093\n");
  s.write("server.log",
          "java.lang.IllegalStateException: Configured voter set: [0, 1] is different from the voter set read from the state file: [0]. "
          "Check if the quorum configuration is up to date, or wipe out the local state file if necessary\n");
  const auto r = s.zklint("explain-log --config controller.properties server.log");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("[raft-voters-mismatch]") != std::string::npos);
  CHECK(r.out.find("([0, 1])") != std::string::npos);
  CHECK(r.out.find("most likely cause: controller.properties:3:1: controller.quorum.voters=") != std::string::npos);
}
