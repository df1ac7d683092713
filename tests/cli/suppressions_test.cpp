// Suppression comments, end to end: scopes, codes and names, and the meta rules.
#include <doctest/doctest.h>

#include "cli_support.hpp"

using zklint::test::Scratch;

TEST_CASE("disable-next-line, disable/enable and disable-file silence what they name") {
  Scratch s;
  s.write("next.properties", "# zklint: disable-next-line ZKL002 -- both kept on purpose\nk=1\nk=2\n");
  CHECK(s.zklint("next.properties").exit_code == 0);
  s.write("range.properties", "# zklint: disable duplicate-key\nk=1\nk=2\n# zklint: enable duplicate-key\nj=1\nj=2\n");
  const auto range = s.zklint("range.properties");
  CHECK(range.exit_code == 1);
  CHECK(range.out.find("range.properties:5:1") != std::string::npos);  // after the range: reported
  CHECK(range.out.find("range.properties:2:1") == std::string::npos);
  s.write("file.properties", "k=1\n# zklint: disable-file properties\nk=2\n");
  CHECK(s.zklint("file.properties").exit_code == 0);
}

TEST_CASE("stale, unknown and unterminated suppressions are reported") {
  Scratch s;
  s.write("stale.properties", "# zklint: disable-next-line duplicate-key\nk=1\n");
  CHECK(s.zklint("stale.properties").out.find("ZKL901 unused-suppression") != std::string::npos);
  s.write("typo.properties", "# zklint: disable-next-line duplicate-keys\nk=1\n");
  const auto typo = s.zklint("typo.properties");
  CHECK(typo.out.find("ZKL902") != std::string::npos);
  CHECK(typo.out.find("did you mean: duplicate-key") != std::string::npos);
  s.write("open.properties", "# zklint: disable ZKL002\nk=1\nk=2\n");
  CHECK(s.zklint("open.properties").out.find("ZKL903") != std::string::npos);
  // A suppression of a rule switched off for the file is not "unused".
  CHECK(s.zklint("--ignore ZKL002 stale.properties").exit_code == 0);
}

namespace {

// Two services, each with one finding at a line of its own (log.dirs under /tmp, ZKL223).
std::string compose_with(const std::string& controller_comment, const std::string& broker_comment) {
  return "services:\n"
         "  controller:\n"
         "    image: apache/kafka:3.8.0\n"
         "    environment:\n"
         "      KAFKA_NODE_ID: 1\n"
         "      KAFKA_PROCESS_ROLES: controller\n"
         "      KAFKA_LISTENERS: CONTROLLER://:9093\n"
         "      KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER\n"
         "      KAFKA_CONTROLLER_QUORUM_VOTERS: 1@controller:9093\n" +
         controller_comment +
         "      KAFKA_LOG_DIRS: /tmp/controller\n"
         "  broker:\n"
         "    image: apache/kafka:3.8.0\n"
         "    depends_on: [controller]\n"
         "    x-notes: |\n"
         "      # zklint: disable-file all -- content of a block scalar, not a comment\n"
         "      a note\n"
         "    environment:\n"
         "      KAFKA_NODE_ID: 2\n"
         "      KAFKA_PROCESS_ROLES: broker\n"
         "      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://broker:9092\n"
         "      KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER\n"
         "      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT\n"
         "      KAFKA_CONTROLLER_QUORUM_VOTERS: 1@controller:9093\n" +
         broker_comment +
         "      KAFKA_LOG_DIRS: /tmp/broker\n"
         "      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1\n"
         "      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1\n"
         "      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 1\n";
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("in a compose file, YAML comments of their own line are directives for every service") {
  Scratch s;
  s.write("plain/compose.yaml", compose_with("", ""));
  const auto plain = s.zklint("--select ZKL223,meta plain/compose.yaml");
  CHECK(count(plain.out, "[ZKL223") == 2);  // the block scalar's '#' line silences nothing

  s.write("next/compose.yaml", compose_with("      # zklint: disable-next-line log-dirs-in-tmp -- a throwaway controller\n", ""));
  const auto next = s.zklint("--select ZKL223,meta next/compose.yaml");
  CHECK(count(next.out, "[ZKL223") == 1);
  CHECK(next.out.find("/tmp/broker") != std::string::npos);
  CHECK(next.out.find("ZKL901") == std::string::npos);  // used by the controller, not "unused" for the broker

  s.write("stale/compose.yaml", compose_with("      # zklint: disable-next-line ZKL223\n      KAFKA_NUM_PARTITIONS: 3\n", ""));
  const auto stale = s.zklint("--select ZKL223,meta stale/compose.yaml");
  CHECK(count(stale.out, "[ZKL901") == 1);  // once for the file, not once per service
  CHECK(count(stale.out, "[ZKL223") == 2);

  s.write("trailing/compose.yaml", compose_with("", "      KAFKA_NUM_PARTITIONS: 3  # zklint: disable-next-line ZKL223\n"));
  const auto trailing = s.zklint("--select ZKL223,meta trailing/compose.yaml");
  CHECK(count(trailing.out, "[ZKL904") == 1);
  CHECK(trailing.out.find("a comment line of its own") != std::string::npos);
  CHECK(count(trailing.out, "[ZKL223") == 2);

  s.write("file/compose.yaml", "# zklint: disable-file ZKL223 -- a demo stack\n" + compose_with("", ""));
  const auto file = s.zklint("--select ZKL223,meta file/compose.yaml");
  CHECK(file.exit_code == 0);
  CHECK(file.err.find("2 suppressed") != std::string::npos);
}

TEST_CASE("a directive above a YAML key covers the lines indented below it") {
  Scratch s;
  s.write("compose.yaml", compose_with("", "").insert(std::string("services:\n").size(), "  # zklint: disable-next-line ZKL223\n"));
  const auto r = s.zklint("--select ZKL223,meta compose.yaml");
  CHECK(count(r.out, "[ZKL223") == 1);
  CHECK(r.out.find("/tmp/broker") != std::string::npos);
}

namespace {

// Values of the Bitnami kafka chart: the controller and the broker pods both get extraConfig,
// whose log.dirs under /tmp is one finding (ZKL223) at one line of the file, reported once.
std::string chart_values_with(const std::string& above_extra_config, const std::string& in_text) {
  return "kraft:\n"
         "  enabled: true\n"
         "controller:\n"
         "  replicaCount: 3\n"
         "  controllerOnly: true\n"
         "broker:\n"
         "  replicaCount: 3\n" +
         above_extra_config + "extraConfig: |\n" + in_text +
         "  log.dirs=/tmp/kafka-logs\n"
         "  num.partitions=3\n";
}

}  // namespace

TEST_CASE("in Helm chart values, YAML comments and the '#' lines of properties text are directives") {
  Scratch s;
  s.write("plain/values.yaml", chart_values_with("", ""));
  const auto plain = s.zklint("--select ZKL223,meta plain/values.yaml");
  CHECK(count(plain.out, "[ZKL223") == 1);
  CHECK(plain.out.find("values.yaml:9:12:") != std::string::npos);

  // a directive above `extraConfig:` covers the block below it, for both pod sets
  s.write("above/values.yaml", chart_values_with("# zklint: disable-next-line ZKL223 -- a throwaway cluster\n", ""));
  const auto above = s.zklint("--select ZKL223,meta above/values.yaml");
  CHECK(above.out.find("[ZKL223") == std::string::npos);
  CHECK(above.out.find("ZKL901") == std::string::npos);
  CHECK(above.err.find("1 suppressed") != std::string::npos);

  // a properties comment inside the block: Properties.load skips it, zklint reads it
  s.write("in-text/values.yaml", chart_values_with("", "  # zklint: disable-next-line log-dirs-in-tmp -- a throwaway cluster\n"));
  const auto in_text = s.zklint("--select ZKL223,meta in-text/values.yaml");
  CHECK(in_text.out.find("[ZKL223") == std::string::npos);
  CHECK(in_text.err.find("1 suppressed") != std::string::npos);

  s.write("stale/values.yaml", chart_values_with("", "  # zklint: disable-next-line ZKL223\n  num.io.threads=8\n"));
  const auto stale = s.zklint("--select ZKL223,meta stale/values.yaml");
  CHECK(count(stale.out, "[ZKL901") == 1);  // once for the file, not once per pod set
  CHECK(count(stale.out, "[ZKL223") == 1);

  // after the block header `|` a comment may follow; a directive there is no directive
  std::string trailing = chart_values_with("", "");
  trailing.replace(trailing.find("extraConfig: |\n"), std::string("extraConfig: |\n").size(), "extraConfig: |  # zklint: disable-next-line ZKL223\n");
  s.write("trailing/values.yaml", trailing);
  const auto after_header = s.zklint("--select ZKL223,meta trailing/values.yaml");
  CHECK(count(after_header.out, "[ZKL904") == 1);
  CHECK(count(after_header.out, "[ZKL223") == 1);

  // text on the line of its key: the comment shares that line, as a directive after a value does
  s.write("one-line/values.yaml", chart_values_with("secretConfig: \"# zklint: disable-next-line ZKL223\"\n", ""));
  const auto one_line = s.zklint("--select ZKL223,meta one-line/values.yaml");
  CHECK(count(one_line.out, "[ZKL904") == 1);
  CHECK(count(one_line.out, "[ZKL223") == 1);
}

TEST_CASE("in a Confluent for Kubernetes resource, YAML comments are directives") {
  Scratch s;
  const auto resource = [](const std::string& comment) {
    return "apiVersion: platform.confluent.io/v1beta1\nkind: Kafka\nmetadata:\n  name: kafka\nspec:\n  replicas: 3\n  image:\n"
           "    application: confluentinc/cp-server:7.6.0\n  configOverrides:\n    server:\n" +
           comment + "      - log.dirs=/tmp/kafka-logs\n";
  };
  s.write("plain/kafka.yaml", resource(""));
  CHECK(count(s.zklint("--select ZKL223,meta plain/kafka.yaml").out, "[ZKL223") == 1);
  s.write("next/kafka.yaml", resource("      # zklint: disable-next-line ZKL223 -- a throwaway cluster\n"));
  const auto next = s.zklint("--select ZKL223,meta next/kafka.yaml");
  CHECK(next.out.find("[ZKL223") == std::string::npos);
  CHECK(next.err.find("1 suppressed") != std::string::npos);
}

TEST_CASE("in an env file, '#' lines are directives") {
  Scratch s;
  s.write("kafka.env",
          "KAFKA_NODE_ID=1\nKAFKA_PROCESS_ROLES=broker,controller\nKAFKA_LISTENERS=PLAINTEXT://:9092,CONTROLLER://:9093\n"
          "KAFKA_CONTROLLER_LISTENER_NAMES=CONTROLLER\nKAFKA_CONTROLLER_QUORUM_VOTERS=1@localhost:9093\n"
          "# zklint: disable-next-line ZKL223 -- a laptop\nKAFKA_LOG_DIRS=/tmp/kafka\n");
  const auto r = s.zklint("--select ZKL223,meta kafka.env");
  CHECK(r.out.find("[ZKL223") == std::string::npos);
  CHECK(r.err.find("1 suppressed") != std::string::npos);
}
