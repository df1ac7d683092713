// Directory discovery: what the walk lints, what it skips and why (--verbose), the REST Proxy and
// other non-broker files of a Confluent layout, ZooKeeper configs not named zoo*.cfg, and the
// include/exclude globs of .zklint.json.
#include <doctest/doctest.h>

#include "cli_support.hpp"

using zklint::test::Scratch;

namespace {
constexpr const char* zookeeper_config = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\ninitLimit=5\nsyncLimit=2\n";
// Confluent Platform 7.x etc/kafka-rest/kafka-rest.properties, as shipped (comments dropped).
constexpr const char* rest_proxy_config = "id=kafka-rest-test-server\nschema.registry.url=http://localhost:8081\n"
                                          "zookeeper.connect=localhost:2181\nbootstrap.servers=PLAINTEXT://localhost:9092\n";

bool lints(const zklint::test::Run& r, const std::string& path) { return r.err.find("skipped " + path + ":") == std::string::npos && r.out.find(path + ":") != std::string::npos; }
}  // namespace

TEST_CASE("a Confluent layout: the REST Proxy and connectors are not linted as brokers") {
  Scratch s;
  s.write("etc/kafka-rest/kafka-rest.properties", rest_proxy_config);
  s.write("etc/kafka-connect-jdbc/source-quickstart-sqlite.properties", "name=test-source-sqlite-jdbc-autoincrement\nconnector.class=io.confluent.connect.jdbc.JdbcSourceConnector\n");
  s.write("etc/kafka/server.properties", "broker.id=0\nlog.dirs=/tmp/kafka-logs\nzookeeper.connect=localhost:2181\n");
  const auto r = s.zklint("--verbose etc");
  CHECK(r.out.find("kafka-rest.properties:") == std::string::npos);
  CHECK(r.err.find("skipped etc/kafka-rest/kafka-rest.properties: named like a Kafka client, Connect, MirrorMaker, log4j, ksqlDB, Schema Registry or REST Proxy config") != std::string::npos);
  CHECK(r.err.find("skipped etc/kafka-connect-jdbc/source-quickstart-sqlite.properties: in the folder of a Kafka component that is not a broker") != std::string::npos);
  CHECK(r.out.find("etc/kafka/server.properties: kafka") != std::string::npos);  // --verbose: linted, with its kind
  CHECK(r.err.find("in 1 file") != std::string::npos);
}

TEST_CASE("ZooKeeper configs not named zoo*.cfg are found by name or by their keys") {
  Scratch s;
  s.write("zk1.cfg", zookeeper_config);
  s.write("examples/zookeeper/broken.cfg", std::string(zookeeper_config) + "maxSessionTimeout=3000\n");
  s.write("ensemble/quorum.cfg", zookeeper_config);  // ambiguous name: the keys decide
  s.write("setup.cfg", "[metadata]\nname = example\nversion = 1.0\n");  // a Python project's: not ours
  const auto r = s.zklint("--verbose .");
  CHECK(r.out.find("zk1.cfg: zookeeper") != std::string::npos);
  CHECK(r.out.find("examples/zookeeper/broken.cfg: zookeeper") != std::string::npos);
  CHECK(r.out.find("examples/zookeeper/broken.cfg:6:19: error: maxSessionTimeout 3000") != std::string::npos);
  CHECK(r.out.find("ensemble/quorum.cfg: zookeeper") != std::string::npos);
  CHECK(r.out.find("setup.cfg") == std::string::npos);
  CHECK(r.err.find("skipped setup.cfg: its keys are not a Kafka or ZooKeeper config's") != std::string::npos);
  CHECK(r.err.find("in 3 files") != std::string::npos);
}

TEST_CASE("--verbose lists skipped folders and files with the reason; without it nothing is listed") {
  Scratch s;
  s.write("conf/server.properties", "broker.id=0\nlog.dirs=/tmp/kafka-logs\nzookeeper.connect=localhost:2181\n");
  s.write("conf/notes.txt", "x\n");
  s.write("node_modules/kafka/server.properties", "broker.id=0\n");
  const auto verbose = s.zklint("--verbose .");
  CHECK(verbose.err.find("skipped conf/notes.txt: not named like a Kafka or ZooKeeper config") != std::string::npos);
  CHECK(verbose.err.find("skipped node_modules/: a version-control, dependency or build folder") != std::string::npos);
  CHECK(s.zklint(".").err.find("skipped") == std::string::npos);
}

TEST_CASE("include and exclude globs in .zklint.json") {
  Scratch s;
  s.write("deploy/broker-a.conf", "broker.id=1\nlog.dirs=/data\nzookeeper.connect=zk1:2181 zk2:2181\n");
  s.write("deploy/legacy/server.properties", "broker.id=2\nlog.dirs=/data\nzookeeper.connect=zk1:2181 zk2:2181\n");
  s.write("deploy/notes.conf", "not a config\n");
  s.write(".zklint.json", "{\n  // a comment, as JSON with comments allows\n  \"include\": [\"deploy/broker-*.conf\"],\n  \"exclude\": [\"deploy/legacy\"]\n}\n");
  const auto r = s.zklint("--verbose --kind kafka .");
  CHECK(r.out.find("deploy/broker-a.conf:3:19: error:") != std::string::npos);
  CHECK(r.out.find("legacy/server.properties:") == std::string::npos);
  CHECK(r.err.find("skipped deploy/legacy/server.properties: excluded by \"deploy/legacy\" (" + (s.path() / ".zklint.json").string() + ":4:15)") != std::string::npos);
  CHECK(r.err.find("skipped deploy/notes.conf: not named like") != std::string::npos);
  CHECK(lints(r, "deploy/broker-a.conf"));
}
