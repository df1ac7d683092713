// ZKL701 invalid-yaml: the deployment file is not YAML that docker compose can read.
#include "support/deployment_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(InvalidYaml)

namespace zklint::rules {

const RuleMeta& InvalidYaml::meta() const {
  static const RuleMeta m{
      .code = "ZKL701",
      .name = "invalid-yaml",
      .severity = Severity::error,
      .applies_to = FileKinds::deployment(),
      .summary = "The docker-compose file is not valid YAML (or not UTF-8, or too large or deep to read): compose refuses it",
      .doc = R"md(
`docker compose` parses the file as YAML before it does anything else, and stops at the first
syntax error (`yaml: line 3: did not find expected key`), so not one container starts. zklint
reports the same kind of problem, at the place the parser gave up:

* a syntax error (an unclosed `[`, a tab in the indentation, a key without `:`);
* bytes that are not UTF-8 (YAML text is Unicode; compose refuses the file);
* an alias (`*name`) inside the very node its anchor names, which no tool can expand;
* a file over 16 MiB, more than a million YAML nodes or more than 256 levels of nesting,
  which no deployment file needs and which zklint stops reading rather than hang.

Nothing after the problem is checked. Fix it and run zklint again.
)md",
      .bad = {{.text = "services:\n  kafka:\n    image: apache/kafka:3.8.0\n    environment: [KAFKA_NODE_ID=1\n", .file_name = "compose.yaml"}},
      .good = {{.text = "services:\n  kafka:\n    image: apache/kafka:3.9.0\n    environment:\n      KAFKA_NODE_ID: 1\n      KAFKA_PROCESS_ROLES: broker,controller\n      KAFKA_LISTENERS: PLAINTEXT://:9092,CONTROLLER://:9093\n      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:9092\n      KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER\n      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT\n      KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka:9093\n      KAFKA_LOG_DIRS: /var/lib/kafka/data\n      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1\n      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1\n      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 1\n",
                .file_name = "compose.yaml"}},
  };
  return m;
}

void InvalidYaml::check(const LintContext& ctx, Reporter& out) const { support::report_file_findings(ctx, out, FileFinding::Kind::invalid_yaml); }

}  // namespace zklint::rules
