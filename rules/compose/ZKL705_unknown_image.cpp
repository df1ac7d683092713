// ZKL705 unknown-image: a service with KAFKA_* variables runs an image zklint does not know.
#include "support/deployment_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(UnknownImage)

namespace zklint::rules {

const RuleMeta& UnknownImage::meta() const {
  static const RuleMeta m{
      .code = "ZKL705",
      .name = "unknown-image",
      .severity = Severity::info,
      .applies_to = FileKinds::deployment(),
      .summary = "A service with KAFKA_* variables runs an image zklint does not know: its variables are read as apache/kafka reads them",
      .doc = R"md(
Images differ in how they turn variables into `server.properties` (`KAFKA_CFG_*` for Bitnami,
`KAFKA_*` with `__` for `_` and `___` for `-` for Apache's and Confluent's images, the first
`_` field dropped for wurstmeister's). For an image it does not know, zklint assumes the
apache/kafka rule, the most common one, and says so with this note: if your image maps
variables differently, the findings on that service may not hold. A service with `build:` and
no `image:` runs an image built from its own Dockerfile, which zklint cannot see: the note says
so, at the `build:` value. Since such an image may also
set what zklint does not see, findings that would be errors are reported as warnings there,
each with a note at the image that says so.
)md",
      .bad = {{.text = "services:\n  kafka:\n    build: ./kafka\n    environment:\n      KAFKA_PROCESS_ROLES: broker,controller\n      KAFKA_NODE_ID: 1\n      KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka:9093\n      KAFKA_LISTENERS: PLAINTEXT://:9092,CONTROLLER://:9093\n      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:9092\n      KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER\n      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT\n      KAFKA_LOG_DIRS: /var/lib/kafka/data\n",
               .file_name = "compose.yaml"}},
      .good = {{.text = "services:\n  kafka:\n    image: apache/kafka-native:3.9.0\n    environment:\n      KAFKA_NODE_ID: 1\n      KAFKA_PROCESS_ROLES: broker,controller\n      KAFKA_LISTENERS: PLAINTEXT://:9092,CONTROLLER://:9093\n      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:9092\n      KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER\n      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT\n      KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka:9093\n      KAFKA_LOG_DIRS: /var/lib/kafka/data\n      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1\n      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1\n      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 1\n",
                .file_name = "compose.yaml"}},
  };
  return m;
}

void UnknownImage::check(const LintContext& ctx, Reporter& out) const { support::report_container_findings(ctx, out, ContainerFinding::Kind::assumed_mapping); }

}  // namespace zklint::rules
