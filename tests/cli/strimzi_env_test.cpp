// Strimzi resources and env files named alone: found (manifests) or named (env files), linted as
// the nodes the operator or the container makes of them, every finding pointing at the file.
#include <doctest/doctest.h>

#include "cli_support.hpp"
#include "deploy/strimzi.hpp"

using zklint::test::Scratch;

namespace {

// A ZooKeeper-based cluster (Strimzi 0.45) with a dropped key, a null value, a number YAML
// rewrites and a ZooKeeper tickTime the broker's session timeout falls under.
constexpr const char* strimzi = R"(apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: legacy
spec:
  kafka:
    version: 3.8.0
    replicas: 3
    listeners:
      - name: plain
        port: 9092
        type: internal
        tls: false
    config:
      advertised.listeners: PLAINTEXT://x:9092
      num.io.threads:
      num.partitions: 0x10
      offsets.topic.replication.factor: 3
      transaction.state.log.replication.factor: 3
      transaction.state.log.min.isr: 2
      default.replication.factor: 3
      min.insync.replicas: 2
    storage:
      type: ephemeral
  zookeeper:
    replicas: 3
    config:
      tickTime: 50000
    storage:
      type: ephemeral
)";

}  // namespace

TEST_CASE("a Strimzi Kafka resource: dropped keys, wrong types and the broker against its own ZooKeeper") {
  Scratch s;
  s.write("k8s/kafka.yaml", strimzi);
  s.write("k8s/topics.yaml", "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  partitions: 0\n");
  s.write("k8s/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n");
  const auto r = s.zklint("--no-config k8s");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("k8s/kafka.yaml:15:7: warning: Kafka 'legacy': the operator drops 'advertised.listeners'") != std::string::npos);
  CHECK(r.out.find("k8s/kafka.yaml:16:7: error: Kafka 'legacy': 'num.io.threads' in spec.kafka.config is null") != std::string::npos);
  CHECK(r.out.find("ZKL502") != std::string::npos);  // 18 s session timeout under 2 x tickTime of its own ensemble
  CHECK(r.out.find("zookeeper.connect is missing") == std::string::npos);  // the operator writes it
  // Only manifests with Kafka resources are linted: the others are skipped by the walk.
  CHECK(r.out.find("topics.yaml") == std::string::npos);
  CHECK(r.out.find("deploy.yaml") == std::string::npos);
  const auto verbose = s.zklint("--no-config -v k8s/kafka.yaml");
  CHECK(verbose.out.find("Kubernetes manifest with Strimzi Kafka resources") != std::string::npos);
}

TEST_CASE("a Strimzi version zklint has no facts for is refused with a note, not checked against another release") {
  Scratch s;
  std::string text = strimzi;
  text.replace(text.find("3.8.0"), 5, "1.1.0");
  s.write("kafka.yaml", text);
  const auto r = s.zklint("--no-config kafka.yaml");
  CHECK(r.out.find("kafka.yaml:7:14: info: Kafka 'legacy': spec.kafka.version '1.1.0' is not a Kafka release zklint knows") != std::string::npos);
  CHECK(r.out.find("ZKL502") == std::string::npos);
  CHECK(r.out.find("the operator drops 'advertised.listeners'") != std::string::npos);  // version-free checks still run
}

TEST_CASE("values reach Kafka as kubectl and the operator rewrite them") {
  using zklint::deploy::operator_scalar_text;
  CHECK(operator_scalar_text("yes") == "true");
  CHECK(operator_scalar_text("Off") == "false");
  CHECK(operator_scalar_text("2.10") == "2.1");
  CHECK(operator_scalar_text("3.0") == "3");
  CHECK(operator_scalar_text("0x10") == "16");
  CHECK(operator_scalar_text("010") == "8");
  CHECK(operator_scalar_text("1_000") == "1000");
  CHECK(operator_scalar_text("1e3") == "1000");
  CHECK(operator_scalar_text("0.0001") == "1.0E-4");
  CHECK(operator_scalar_text("12345678901234567890123") == "1.2345678901234568E22");
  CHECK(operator_scalar_text("PLAINTEXT://:9092") == "PLAINTEXT://:9092");
  CHECK(operator_scalar_text("-1") == "-1");
}

TEST_CASE("an env file named alone is one container's environment, read as docker run --env-file reads it") {
  Scratch s;
  s.write("kafka.env",
          "KAFKA_NODE_ID=1\nKAFKA_PROCESS_ROLES=broker,controller\nKAFKA_LISTENERS=PLAINTEXT://:9092,CONTROLLER://:9093\n"
          "KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://kafka:9092\nKAFKA_CONTROLLER_LISTENER_NAMES=CONTROLLER\n"
          "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT\nKAFKA_CONTROLLER_QUORUM_VOTERS=1@kafka:9093\n"
          "KAFKA_LOG_DIRS=/var/lib/kafka/data\nKAFKA_NUM_PARTITIONS=0\nKAFKA_NUM_NETWORK_THREADS=\"3\"\nexport KAFKA_X=1\n");
  s.write(".env", "KAFKA_VERSION=3.9.0\nNETWORK=kafka-net\n");
  const auto r = s.zklint("--no-config kafka.env .env");
  CHECK(r.out.find("kafka.env:1:1: info: service 'kafka.env': an env file names no image") != std::string::npos);
  CHECK(r.out.find("kafka.env:9:22: warning:") != std::string::npos);  // num.partitions=0, at the value
  CHECK(r.out.find("kafka.env:10:27: warning:") != std::string::npos);  // the quotes reach Kafka
  CHECK(r.out.find("kafka.env:11:1: error: variable 'export KAFKA_X' contains whitespaces") != std::string::npos);
  CHECK(r.out.find(".env:1:1: info: this env file sets none of") != std::string::npos);
  CHECK(r.exit_code == 1);
  // A walk never takes env files: only a name on the command line does.
  s.write("walk/kafka.env", "KAFKA_NODE_ID=x\n");
  s.write("walk/server.properties", "process.roles=broker\n");
  CHECK(s.zklint("--no-config walk").out.find("kafka.env") == std::string::npos);
}
