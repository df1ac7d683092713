// The pre-commit hooks' `files` pattern selects exactly what zklint's directory walk selects
// (is_config_name), so a hook never skips a config zklint would lint, nor passes it a log4j file.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "zklint/lint/discover.hpp"

namespace {

// The `files:` value of the first hook (the second reuses it through a YAML anchor).
std::string hook_files_pattern() {
  std::ifstream in(std::string(ZKLINT_SOURCE_DIR) + "/.pre-commit-hooks.yaml");
  std::string line;
  while (std::getline(in, line)) {
    const std::string key = "  files: &config_files ";
    if (line.rfind(key, 0) == 0) return line.substr(key.size());
  }
  return {};
}

}  // namespace

TEST_CASE("the pre-commit hooks' files pattern agrees with zklint's directory walk") {
  std::string pattern = hook_files_pattern();
  REQUIRE(pattern.rfind("(?i)", 0) == 0);  // Python's inline flag; std::regex takes it as an option
  pattern.erase(0, 4);
  const std::regex files(pattern, std::regex::ECMAScript | std::regex::icase);
  const char* const paths[] = {
      "server.properties", "config/server.properties", "kafka_2.13-3.9.0/config/server.properties", "etc/kafka/server-1.properties",
      "kafka/config/kraft/broker.properties", "kafka/config/kraft/controller.properties", "kraft/custom.properties",
      "zookeeper.properties", "config/zookeeper.properties", "zoo.cfg", "conf/zoo_sample.cfg", "zoo1.cfg", "myzoo.cfg",
      "zoo.properties", "ansible/roles/kafka/templates/server.properties.j2", "templates/zoo.cfg.erb", "chart/server.properties.tmpl",
      "etc/kafka/custom.properties", "deploy/Kafka-Prod/broker-a.properties", "SERVER.PROPERTIES",
      "kafka/config/producer.properties", "kafka/config/consumer.properties", "kafka/config/connect-distributed.properties",
      "kafka/config/log4j.properties", "kafka/config/tools-log4j.properties", "kafka/config/trogdor.conf",
      "kafka/config/zookeeper-client.properties", "kafka/config/client-ssl.properties", "ksql-server.properties",
      "app/application.properties", "src/main/resources/application.properties", "gradle.properties", "server.cfg",
      "zoo.txt", "notes/zoo.cfg.bak", "kafka.properties", "kafka/readme.md", "mirror-maker.properties", "rest-server.properties",
      // Confluent Platform's etc/: the REST Proxy, connectors and ksqlDB are not brokers.
      "etc/kafka-rest/kafka-rest.properties", "etc/kafka-rest/log4j.properties", "etc/kafka-rest/custom.properties",
      "etc/kafka-connect-jdbc/source-quickstart-sqlite.properties", "etc/kafka/connect-distributed.properties",
      "etc/kafka/server.properties", "etc/kafka/kraft/broker.properties", "etc/confluent-rest/server.properties", "kafka_2.13/config/kafka-run-class.properties",
      // ZooKeeper configs not named zoo*.cfg.
      "zk1.cfg", "conf/zk-prod.cfg", "examples/zookeeper/broken.cfg", "zookeeper-3.8.4/conf/custom.cfg", "deploy/zk/ensemble.cfg",
      "zookeeper/client.cfg", "setup.cfg", "zk1.cfg.j2",
  };
  for (const char* path : paths) {
    CAPTURE(path);
    CHECK(std::regex_search(path, files) == zklint::is_config_name(path));
  }
}
