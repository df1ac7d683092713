// ZKL702 no-kafka-services: a compose file zklint was asked about defines no Kafka or ZooKeeper container.
#include "support/deployment_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(NoKafkaServices)

namespace zklint::rules {

const RuleMeta& NoKafkaServices::meta() const {
  static const RuleMeta m{
      .code = "ZKL702",
      .name = "no-kafka-services",
      .severity = Severity::info,
      .applies_to = FileKinds::deployment(),
      .summary = "The docker-compose file has no Kafka or ZooKeeper service that zklint knows, so nothing in it was checked",
      .doc = R"md(
zklint reads the services whose image it knows (apache/kafka, confluentinc/cp-kafka,
cp-server and cp-zookeeper, bitnami/kafka and bitnami/zookeeper, the official `zookeeper`
image, wurstmeister/kafka) and any other image that is given `KAFKA_*` variables. A compose
file without any of them passes, but only because nothing was checked: this note says so,
so that a green run is not mistaken for a reviewed one.

If your Kafka image has another name and reads `KAFKA_*` variables, give it one and zklint
reads it as apache/kafka does (see `unknown-image`).

An env file named on the command line that sets none of the broker variables
(`KAFKA_ZOOKEEPER_CONNECT`, `KAFKA_PROCESS_ROLES`, `KAFKA_BROKER_ID`, `KAFKA_NODE_ID`,
`KAFKA_LISTENERS`, `KAFKA_ADVERTISED_LISTENERS`), such as a compose `.env` that only holds
image tags for interpolation, gets the same note.
)md",
      .bad = {{.text = "services:\n  web:\n    image: nginx:1.27\n", .file_name = "compose.yaml"}},
      .good = {{.text = "services:\n  web:\n    image: nginx:1.27\n  kafka:\n    image: apache/kafka:3.9.0\n    environment:\n      KAFKA_NODE_ID: 1\n      KAFKA_PROCESS_ROLES: broker,controller\n      KAFKA_LISTENERS: PLAINTEXT://:9092,CONTROLLER://:9093\n      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:9092\n      KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER\n      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT\n      KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka:9093\n      KAFKA_LOG_DIRS: /var/lib/kafka/data\n      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1\n      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1\n      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 1\n",
                .file_name = "compose.yaml"}},
  };
  return m;
}

void NoKafkaServices::check(const LintContext& ctx, Reporter& out) const { support::report_file_findings(ctx, out, FileFinding::Kind::no_kafka_services); }

}  // namespace zklint::rules
