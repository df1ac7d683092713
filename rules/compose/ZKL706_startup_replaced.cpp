// ZKL706 startup-replaced: a Kafka or ZooKeeper service bypasses its image's start-up script.
#include "support/deployment_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(StartupReplaced)

namespace zklint::rules {

const RuleMeta& StartupReplaced::meta() const {
  static const RuleMeta m{
      .code = "ZKL706",
      .name = "startup-replaced",
      .severity = Severity::info,
      .applies_to = FileKinds::deployment(),
      .summary = "A service replaces its image's start-up script, so its environment is not read as the image reads it and it is not checked",
      .doc = R"md(
The images turn the environment into a config file in their start-up script:
`/etc/kafka/docker/run` (apache/kafka), `/etc/confluent/docker/run` (Confluent),
`start-kafka.sh` (wurstmeister), the scripts under `/opt/bitnami/scripts/` (Bitnami), the
entrypoint `docker-entrypoint.sh` (the official zookeeper image). A service whose
`entrypoint:` or `command:` runs something else (`kafka-server-start.sh` with a mounted
`server.properties`, a shell one-liner) starts Kafka or ZooKeeper with a config zklint does
not see, and its `KAFKA_*` variables may mean nothing at all.

zklint therefore does not read such a service's environment, and says so with this note. Lint
the config file the command uses instead (name it on the command line, or let the directory
walk find it).
)md",
      .bad = {{.text = "services:\n  kafka:\n    image: apache/kafka:3.9.0\n    command: [\"/opt/kafka/bin/kafka-server-start.sh\", \"/mnt/server.properties\"]\n",
               .file_name = "compose.yaml"}},
      .good = {{.text = "services:\n  kafka:\n    image: apache/kafka:3.9.0\n    command: [\"/etc/kafka/docker/run\"]\n    environment:\n      KAFKA_NODE_ID: 1\n      KAFKA_PROCESS_ROLES: broker,controller\n      KAFKA_LISTENERS: PLAINTEXT://:9092,CONTROLLER://:9093\n      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:9092\n      KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER\n      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT\n      KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka:9093\n      KAFKA_LOG_DIRS: /var/lib/kafka/data\n      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1\n      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1\n      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 1\n",
                .file_name = "compose.yaml"}},
  };
  return m;
}

void StartupReplaced::check(const LintContext& ctx, Reporter& out) const { support::report_file_findings(ctx, out, FileFinding::Kind::startup_replaced); }

}  // namespace zklint::rules
