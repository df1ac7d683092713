// docker-compose files: found by the walk, linted per service with every finding pointing into the
// YAML, `zklint dump` per container, and YAML that is not a compose file refused once, clearly.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

using zklint::test::Scratch;

namespace {

// A ZooKeeper-mode pair on the official zookeeper image and cp-kafka, with a broker that sets
// num.partitions=0 through a .env variable and a list-form environment.
constexpr const char* compose = R"(services:
  zookeeper:
    image: zookeeper:3.9.2
    environment:
      ZOO_AUTOPURGE_PURGEINTERVAL: 24
      ZOO_4LW_COMMANDS_WHITELIST: srvr,ruok,mntr
  broker:
    image: confluentinc/cp-kafka:7.6.1
    environment:
      - KAFKA_BROKER_ID=1
      - KAFKA_ZOOKEEPER_CONNECT=zookeeper:2181/kafka
      - KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://broker:9092
      - KAFKA_NUM_PARTITIONS=${PARTITIONS}
      - KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR=1
      - KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR=1
      - KAFKA_TRANSACTION_STATE_LOG_MIN_ISR=1
)";

}  // namespace

TEST_CASE("a compose file named alone: each service is a node, findings point at the YAML, .env is read") {
  Scratch s;
  s.write("deploy/docker-compose.yml", compose);
  s.write("deploy/.env", "PARTITIONS=0\n");
  const auto r = s.zklint("--no-config --select value-out-of-range,zk-single-host deploy/docker-compose.yml");
  CHECK(r.exit_code == 1);
  // Line 13, at ${PARTITIONS}: the value came from .env through that placeholder.
  CHECK(r.out.find("deploy/docker-compose.yml:13:30: error: 'num.partitions' must be at least 1, not 0") != std::string::npos);
  CHECK(r.out.find("      - KAFKA_NUM_PARTITIONS=${PARTITIONS}") != std::string::npos);  // the YAML line is shown
  CHECK(r.out.find("deploy/docker-compose.yml:11:33: info: zookeeper.connect lists only") != std::string::npos);
  CHECK(r.err.find("in 1 file") != std::string::npos);  // the services are reported with their file

  // Without the .env, the variable is a placeholder: never judged as a value.
  s.write("deploy/.env", "");
  const auto unset = s.zklint("--no-config --select value-out-of-range deploy/docker-compose.yml");
  CHECK(unset.exit_code == 0);
}

TEST_CASE("every output format points into the YAML") {
  Scratch s;
  s.write("compose.yaml", compose);
  s.write(".env", "PARTITIONS=0\n");
  const auto json = s.zklint("--no-config --select value-out-of-range --format json compose.yaml");
  const auto j = nlohmann::json::parse(json.out);
  REQUIRE(j["files"].size() == 1);
  CHECK(j["files"][0]["path"] == "compose.yaml");
  CHECK(j["files"][0]["diagnostics"][0]["range"]["start"]["line"] == 13);
  const auto sarif = nlohmann::json::parse(s.zklint("--no-config --select value-out-of-range --format sarif compose.yaml").out);
  CHECK(sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 13);
  CHECK(s.zklint("--no-config --select value-out-of-range --format github compose.yaml").out.find("file=compose.yaml,line=13") != std::string::npos);
}

TEST_CASE("zklint dump of a compose file: per service, what the container gets and from which variable") {
  Scratch s;
  s.write("compose.yaml", compose);
  s.write(".env", "PARTITIONS=3\n");
  const auto r = s.zklint("dump compose.yaml");
  CHECK(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["services"].size() == 2);
  const auto& zk = j["services"][0];
  CHECK(zk["service"] == "zookeeper");
  CHECK(zk["kind"] == "zookeeper");
  CHECK(zk["properties"]["dataDir"]["value"] == "/data");  // the image's default
  CHECK(zk["properties"]["dataDir"]["from"].is_null());
  CHECK(zk["properties"]["autopurge.purgeInterval"]["from"] == "ZOO_AUTOPURGE_PURGEINTERVAL");
  const auto& broker = j["services"][1];
  CHECK(broker["properties"]["num.partitions"]["value"] == "3");
  CHECK(broker["properties"]["num.partitions"]["from"] == "KAFKA_NUM_PARTITIONS");
  CHECK(broker["properties"]["listeners"]["value"] == "PLAINTEXT://0.0.0.0:9092");  // derived by the image
  CHECK(broker["properties"]["log.dirs"]["value"] == "/var/lib/kafka/data");
}

TEST_CASE("YAML or JSON that is not a compose file, named where a config is expected, is one clear error") {
  Scratch s;
  s.write("values.yaml", "replicaCount: 3\nimage:\n  tag: latest\n");
  s.write("config.json", "{\"broker.id\": 1}\n");
  s.write("templates/kafka.yaml", "kind: Kafka\nspec:\n  {{- with .Values.kafka }}\n  - x\n");  // a Helm template
  const auto r = s.zklint("values.yaml config.json templates/kafka.yaml");
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("values.yaml: error: is a YAML file but not a docker-compose file") != std::string::npos);
  CHECK(r.out.find("config.json: error: is a JSON file but not a docker-compose file") != std::string::npos);
  CHECK(r.out.find("templates/kafka.yaml: error: is a YAML file but not a docker-compose file") != std::string::npos);
  CHECK(r.out.find("warning") == std::string::npos);
  // A directory walk takes compose files, whatever their name, and skips other YAML silently.
  s.write("stack/kafka-cluster.yml", compose);
  const auto walk = s.zklint("--no-config --select zk-single-host stack values.yaml");
  CHECK(walk.out.find("stack/kafka-cluster.yml:11:33") != std::string::npos);
}

TEST_CASE("malformed YAML and hostile input: one finding with a position, never a crash") {
  Scratch s;
  s.write("compose.yaml", "services:\n  kafka:\n    environment: [KAFKA_NODE_ID=1\n");
  const auto r = s.zklint("--no-config compose.yaml");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("compose.yaml:4:1: error: not valid YAML") != std::string::npos);
  s.write("bomb/compose.yaml", "services:\n  a: &a {environment: &e [x, *e]}\n");
  const auto bomb = s.zklint("--no-config bomb/compose.yaml");
  CHECK(bomb.out.find("invalid-yaml") != std::string::npos);
  CHECK(bomb.exit_code == 1);
}

TEST_CASE("on an image zklint does not know, an error is a warning and says why at the image") {
  Scratch s;
  s.write("compose.yaml", R"(services:
  broker:
    image: example.org/own/kafka:1.0
    environment:
      KAFKA_BROKER_ID: 1
      KAFKA_ZOOKEEPER_CONNECT: zookeeper:2181/kafka
      KAFKA_NUM_PARTITIONS: 0
)");
  const auto r = s.zklint("--no-config --select value-out-of-range --format json compose.yaml");
  CHECK(r.exit_code == 1);  // warnings fail by default; what matters is the severity below
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["files"].size() == 1);
  REQUIRE(j["files"][0]["diagnostics"].size() == 1);
  const auto& d = j["files"][0]["diagnostics"][0];
  CHECK(d["severity"] == "warning");
  REQUIRE(d["related"].size() == 1);
  CHECK(d["related"][0]["message"].get<std::string>().find("image 'example.org/own/kafka:1.0' hands these settings to Kafka") != std::string::npos);
  CHECK(d["related"][0]["range"]["start"]["line"] == 3);  // the image value
}
