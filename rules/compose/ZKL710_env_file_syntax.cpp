// ZKL710 env-file-syntax: a line that `docker run --env-file` refuses.
#include "support/deployment_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(EnvFileSyntax)

namespace zklint::rules {

const RuleMeta& EnvFileSyntax::meta() const {
  static const RuleMeta m{
      .code = "ZKL710",
      .name = "env-file-syntax",
      .severity = Severity::error,
      .applies_to = FileKinds::deployment(),
      .summary = "A line of an env file that docker run --env-file refuses (a blank in the variable name, no name, bytes that are not UTF-8): the container is never created",
      .doc = R"md(
`docker run --env-file FILE` reads `KEY=value` lines far more simply than docker compose does
(docker/cli `opts/file.go`, `parseKeyValueFile`): leading blanks and `#` lines are skipped,
everything after the first `=` is the value, untouched. It refuses the whole file, and so never
creates the container, when a variable name has a blank in it (`export KAFKA_NODE_ID=1`,
`KAFKA_NODE_ID = 1`: "poorly formatted environment: variable '...' contains whitespaces"), when
a line has no name (`=1`), or when a line is not UTF-8.

zklint reads an env file named on its command line this way. It reads `.env` and `.env.*`
files as docker compose reads them (quotes, `export` and ` #` comments allowed), since those
names are compose's own; this rule does not apply to them.

Note that the value is taken as written: `KAFKA_LISTENERS="PLAINTEXT://:9092"` gives Kafka the
quotes too (the quoted-value check reports that).
)md",
      .bad = {{.text = "KAFKA_NODE_ID=1\nKAFKA_PROCESS_ROLES=broker,controller\nKAFKA_LISTENERS=PLAINTEXT://:9092,CONTROLLER://:9093\nKAFKA_ADVERTISED_LISTENERS=PLAINTEXT://kafka:9092\nKAFKA_CONTROLLER_LISTENER_NAMES=CONTROLLER\nKAFKA_LISTENER_SECURITY_PROTOCOL_MAP=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT\nKAFKA_CONTROLLER_QUORUM_VOTERS=1@kafka:9093\nKAFKA_LOG_DIRS=/var/lib/kafka/data\nKAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR=1\nKAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR=1\nKAFKA_TRANSACTION_STATE_LOG_MIN_ISR=1\nexport KAFKA_NUM_PARTITIONS=3\n",
               .file_name = "kafka.env"}},
      .good = {{.text = "KAFKA_NODE_ID=1\nKAFKA_PROCESS_ROLES=broker,controller\nKAFKA_LISTENERS=PLAINTEXT://:9092,CONTROLLER://:9093\nKAFKA_ADVERTISED_LISTENERS=PLAINTEXT://kafka:9092\nKAFKA_CONTROLLER_LISTENER_NAMES=CONTROLLER\nKAFKA_LISTENER_SECURITY_PROTOCOL_MAP=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT\nKAFKA_CONTROLLER_QUORUM_VOTERS=1@kafka:9093\nKAFKA_LOG_DIRS=/var/lib/kafka/data\nKAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR=1\nKAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR=1\nKAFKA_TRANSACTION_STATE_LOG_MIN_ISR=1\n",
                .file_name = "kafka.env"}},
  };
  return m;
}

void EnvFileSyntax::check(const LintContext& ctx, Reporter& out) const { support::report_file_findings(ctx, out, FileFinding::Kind::invalid_env_file); }

}  // namespace zklint::rules
