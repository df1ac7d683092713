// The exit-code contract: 0 clean (below --fail-on), 1 findings, 2 usage/config/input errors.
#include <doctest/doctest.h>

#include "cli_support.hpp"

using zklint::test::Scratch;

TEST_CASE("exit codes follow --fail-on") {
  Scratch s;
  s.write("clean.properties", "greeting=hello\n");
  s.write("warning.properties", zklint::test::duplicate_key_file);
  s.write("info.properties", "greeting=hello  \n");  // trailing blanks: info

  CHECK(s.zklint("clean.properties").exit_code == 0);
  CHECK(s.zklint("warning.properties").exit_code == 1);
  CHECK(s.zklint("--fail-on error warning.properties").exit_code == 0);
  CHECK(s.zklint("--fail-on never warning.properties").exit_code == 0);
  CHECK(s.zklint("info.properties").exit_code == 0);
  CHECK(s.zklint("--fail-on info info.properties").exit_code == 1);
}

TEST_CASE("a missing input exits 2 but everything else is still linted and reported") {
  Scratch s;
  s.write("warning.properties", zklint::test::duplicate_key_file);
  const auto r = s.zklint("missing.properties warning.properties");
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("missing.properties: error: does not exist") != std::string::npos);
  CHECK(r.out.find("warning.properties:1:1: warning:") != std::string::npos);
  CHECK(r.err.find("1 file could not be linted") != std::string::npos);
}

TEST_CASE("usage errors exit 2 with a helpful message") {
  Scratch s;
  s.write("a.properties", "k=v\n");
  CHECK(s.zklint("--no-such-option a.properties").exit_code == 2);
  const auto bad_select = s.zklint("--select duplicat-key a.properties");
  CHECK(bad_select.exit_code == 2);
  CHECK(bad_select.err.find("did you mean 'duplicate-key'") != std::string::npos);
  CHECK(s.zklint("--format yaml a.properties").exit_code == 2);
  CHECK(s.zklint("--kafka-version three a.properties").exit_code == 2);
  CHECK(s.zklint("--format json --format sarif a.properties").exit_code == 2);  // two formats on stdout
  CHECK(s.zklint("explain no-such-rule").exit_code == 2);
}

TEST_CASE("a Kafka version outside the catalog is refused, never replaced by a near one") {
  Scratch s;
  s.write("server.properties", "process.roles=broker\nnode.id=1\n");
  for (const std::string version : {"1.1", "2.9", "3.10", "5.0"}) {
    CAPTURE(version);
    const auto r = s.zklint("--kafka-version " + version + " server.properties");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--kafka-version " + version + ": Kafka " + version + " is not a release line zklint knows") != std::string::npos);
    CHECK(r.out.empty());
  }
  CHECK(s.zklint("--kafka-version 3.9.1 server.properties").exit_code != 2);  // a patch release of a known line
  s.write(".zklint.json", "{\"kafka-version\": \"5.0\"}\n");
  const auto config = s.zklint("server.properties");
  CHECK(config.exit_code == 2);
  CHECK(config.err.find("Kafka 5.0 is not a release line zklint knows") != std::string::npos);
}

TEST_CASE("a ZooKeeper version outside 3.5-3.9 is refused like a Kafka one") {
  Scratch s;
  s.write("zoo.cfg", "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\n");
  for (const std::string version : {"3.4", "4.0", "3.10"}) {
    CAPTURE(version);
    const auto r = s.zklint("--zookeeper-version " + version + " zoo.cfg");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--zookeeper-version " + version + ": ZooKeeper " + version + " is not a release line zklint knows; it knows 3.5–3.9") !=
          std::string::npos);
    CHECK(r.out.empty());
  }
  const auto garbage = s.zklint("--zookeeper-version latest zoo.cfg");
  CHECK(garbage.exit_code == 2);
  CHECK(garbage.err.find("--zookeeper-version must look like 3.8 or be auto, not 'latest'") != std::string::npos);
  CHECK(s.zklint("--zookeeper-version 3.8.4 zoo.cfg").exit_code != 2);  // a patch release of a known line
  CHECK(s.zklint("--zookeeper-version auto zoo.cfg").exit_code != 2);
  s.write(".zklint.json", "{\"zookeeper-version\": \"3.4\"}\n");
  const auto config = s.zklint("zoo.cfg");
  CHECK(config.exit_code == 2);
  CHECK(config.err.find("ZooKeeper 3.4 is not a release line zklint knows") != std::string::npos);
  s.write(".zklint.json", "{\"zookeeper-version\": 3.8}\n");
  CHECK(s.zklint("zoo.cfg").exit_code == 2);
}

TEST_CASE("--version, rules and explain") {
  Scratch s;
  const auto version = s.zklint("--version");
  CHECK(version.exit_code == 0);
  CHECK(version.out.rfind("zklint ", 0) == 0);
  const auto rules = s.zklint("rules");
  CHECK(rules.exit_code == 0);
  CHECK(rules.out.find("ZKL002  duplicate-key") != std::string::npos);
  const auto by_name = s.zklint("explain duplicate-key");
  const auto by_code = s.zklint("explain zkl002");
  CHECK(by_name.exit_code == 0);
  CHECK(by_name.out == by_code.out);
  CHECK(by_name.out.find("**Bad**") != std::string::npos);
}

TEST_CASE("--select and --ignore take codes, prefixes, names and families") {
  Scratch s;
  s.write("a.properties", "k=1\nk=2\n=orphan\n");  // ZKL002 and ZKL008
  CHECK(s.zklint("--select ZKL008 a.properties").out.find("ZKL002") == std::string::npos);
  CHECK(s.zklint("--select ZKL008 a.properties").out.find("ZKL008") != std::string::npos);
  CHECK(s.zklint("--ignore duplicate-key,empty-key a.properties").exit_code == 0);
  CHECK(s.zklint("--ignore properties a.properties").exit_code == 0);
  CHECK(s.zklint("--select ZKL00 --ignore ZKL008 a.properties").out.find("ZKL008") == std::string::npos);
}
