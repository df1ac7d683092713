// Helm values of the Bitnami kafka chart and Confluent for Kubernetes resources: recognized by
// what only they hold, their properties text mapped back to the YAML line and column it is
// written at, and `zklint dump` of them (and of Strimzi manifests) per node.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

using zklint::test::Scratch;

namespace {

constexpr const char* chart_values = R"(kraft:
  enabled: true
controller:
  replicaCount: 3
extraConfig: |
  # tuning

  num.partitions=0
  num.io.threads = \
      0
)";

}  // namespace

TEST_CASE("Bitnami chart values: each line of extraConfig points at its own YAML line and column") {
  Scratch s;
  s.write("values.yaml", chart_values);
  const auto r = s.zklint("--no-config values.yaml");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("values.yaml:8:18: error: 'num.partitions' must be at least 1") != std::string::npos);
  // a value continued onto the next line points at where it continues
  CHECK(r.out.find("values.yaml:10:7: error:") != std::string::npos);
}

TEST_CASE("properties text that YAML rewrote (escapes, folding) points at the whole scalar, never at a wrong column") {
  Scratch s;
  s.write("values.yaml", "kraft:\n  enabled: true\nextraConfig: \"num.partitions=0\\nnum.io.threads=0\"\n");
  const auto quoted = s.zklint("--no-config values.yaml");
  CHECK(quoted.out.find("values.yaml:3:15: error: 'num.partitions' must be at least 1") != std::string::npos);
  CHECK(quoted.out.find("values.yaml:3:15: error: 'num.io.threads' must be at least 1") != std::string::npos);
  s.write("values.yaml", "kraft:\n  enabled: true\nextraConfig: >\n  num.partitions=0\n\n  num.io.threads=0\n");
  const auto folded = s.zklint("--no-config values.yaml");
  // the first line is as written; the second is where folding rewrote the text
  CHECK(folded.out.find("values.yaml:4:18: error: 'num.partitions' must be at least 1") != std::string::npos);
  CHECK(folded.out.find("values.yaml:4:3: error: 'num.io.threads' must be at least 1") != std::string::npos);
}

TEST_CASE("a ConfigMap of the user's own replaces the chart's: config and extraConfig then have no effect") {
  Scratch s;
  s.write("values.yaml", "kraft:\n  enabled: true\nexistingConfigmap: my-kafka-config\nextraConfig: |\n  num.partitions=0\n");
  const auto r = s.zklint("--no-config values.yaml");
  CHECK(r.out.find("values.yaml:4:1: warning: 'extraConfig' has no effect: the pods mount the ConfigMap 'my-kafka-config'") != std::string::npos);
  CHECK(r.out.find("num.partitions") == std::string::npos);  // not what the pods get: not checked
}

TEST_CASE("an existing Secret replaces the chart's: secretConfig then has no effect") {
  Scratch s;
  s.write("values.yaml", "kraft:\n  enabled: true\nexistingSecretConfig: my-kafka-secret\nsecretConfig: |\n  num.partitions=0\nextraConfig: |\n  num.io.threads=0\n");
  const auto r = s.zklint("--no-config values.yaml");
  CHECK(r.out.find("values.yaml:4:1: warning: 'secretConfig' has no effect: the pods append the Secret 'my-kafka-secret' of existingSecretConfig") !=
        std::string::npos);
  CHECK(r.out.find("num.partitions") == std::string::npos);  // not what the pods get: not checked
  CHECK(r.out.find("values.yaml:7:18: error: 'num.io.threads' must be at least 1") != std::string::npos);  // the rest still is
}

TEST_CASE("text a merge key brings into a role's section is read, and a finding about it points at its key under the anchor") {
  Scratch s;
  s.write("values.yaml",
          "kraft:\n  enabled: true\nshared: &shared\n  extraConfig: |\n    num.partitions=0\ncontroller:\n  <<: *shared\n  config: |\n    num.io.threads=0\n");
  const auto r = s.zklint("--no-config values.yaml");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("values.yaml:4:3: warning: 'controller.extraConfig' has no effect: 'controller.config' replaces the whole server.properties") !=
        std::string::npos);
  CHECK(r.out.find("values.yaml:9:20: error: 'num.io.threads' must be at least 1") != std::string::npos);
}

TEST_CASE("the walk takes Bitnami kafka chart values and CFK resources, and skips other charts' values") {
  Scratch s;
  s.write("deploy/kafka/values.yaml", chart_values);
  // another chart with a controller section and text of its own: not the kafka chart's
  s.write("deploy/ingress/values.yaml", "controller:\n  replicaCount: 2\nextraConfig: |\n  worker-processes: 4\n");
  s.write("deploy/cfk/kafka.yaml",
          "apiVersion: platform.confluent.io/v1beta1\nkind: Kafka\nmetadata:\n  name: kafka\nspec:\n  replicas: 3\n  image:\n"
          "    application: confluentinc/cp-server:7.6.0\n  configOverrides:\n    server:\n      - num.network.threads=0\n");
  s.write("deploy/cfk/connect.yaml", "apiVersion: platform.confluent.io/v1beta1\nkind: Connect\nmetadata:\n  name: connect\n");
  const auto r = s.zklint("--no-config deploy");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("deploy/kafka/values.yaml:8:18: error:") != std::string::npos);
  CHECK(r.out.find("deploy/cfk/kafka.yaml:11:29: error: 'num.network.threads' must be at least 1") != std::string::npos);
  CHECK(r.out.find("ingress") == std::string::npos);
  CHECK(r.out.find("connect.yaml") == std::string::npos);
  // nothing that CFK or the chart writes itself is reported missing
  CHECK(r.out.find("missing") == std::string::npos);
}

TEST_CASE("zklint dump of chart values and of a Strimzi manifest: per node, what Kafka gets and where each setting came from") {
  Scratch s;
  s.write("values.yaml", chart_values);
  const auto helm = s.zklint("dump values.yaml");
  CHECK(helm.exit_code == 0);
  const auto j = nlohmann::json::parse(helm.out);
  REQUIRE(j["services"].size() == 1);
  const auto& pods = j["services"][0]["properties"];
  CHECK(pods["num.partitions"]["value"] == "0");
  CHECK(pods["num.partitions"]["how"] == "extraConfig");
  CHECK(pods["num.partitions"]["range"]["start"]["line"] == 8);
  CHECK(pods["process.roles"]["value"] == "controller,broker");
  CHECK(pods["process.roles"]["how"].get<std::string>().find("written by the Bitnami kafka chart") == 0);
  CHECK(pods["node.id"]["how"] == "written by the chart's init script (kafka-init.sh)");

  s.write("kafka.yaml", R"(apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata:
  name: events
spec:
  kafka:
    version: 4.1.0
    config:
      num.partitions: 6
---
apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: brokers
  labels:
    strimzi.io/cluster: events
spec:
  replicas: 3
  roles: [broker]
)");
  const auto strimzi = s.zklint("dump kafka.yaml");
  CHECK(strimzi.exit_code == 0);
  const auto k = nlohmann::json::parse(strimzi.out);
  REQUIRE(k["services"].size() == 1);
  CHECK(k["services"][0]["service"] == "kafkanodepool/brokers");
  CHECK(k["services"][0]["properties"]["num.partitions"]["value"] == "6");
  CHECK(k["services"][0]["properties"]["num.partitions"]["how"] == "config");
  CHECK(k["services"][0]["properties"]["process.roles"]["value"] == "broker");
  CHECK(k["services"][0]["properties"]["process.roles"]["how"] == "written by the Strimzi cluster operator");
}
