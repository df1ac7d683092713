// ZKL704 variable-ignored-by-image: the image never reads this environment variable.
#include "support/deployment_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(VariableIgnoredByImage)

namespace zklint::rules {

const RuleMeta& VariableIgnoredByImage::meta() const {
  static const RuleMeta m{
      .code = "ZKL704",
      .name = "variable-ignored-by-image",
      .severity = Severity::warning,
      .applies_to = FileKinds::deployment(),
      .summary = "An environment variable that this image's scripts never read: the setting it was meant to make is not made",
      .doc = R"md(
Each image has its own naming scheme, and a variable written for another image is silently
ignored. The usual cause is a compose file copied between images:

* **bitnami/kafka** writes every `KAFKA_CFG_*` variable, but of the short `KAFKA_*` names only
  a fixed list (`KAFKA_BROKER_ID`, `KAFKA_ZOOKEEPER_CONNECT`, `KAFKA_LISTENERS`, ...): a
  Confluent-style `KAFKA_MIN_INSYNC_REPLICAS` does nothing; write `KAFKA_CFG_MIN_INSYNC_REPLICAS`.
* **confluentinc/cp-zookeeper** writes only its own list of `ZOOKEEPER_*` names
  (`ZOOKEEPER_CLIENT_PORT`, `ZOOKEEPER_TICK_TIME`, ...).
* the official **zookeeper** image reads only `ZOO_*` names of its own (`ZOO_MY_ID`,
  `ZOO_SERVERS`, `ZOO_TICK_TIME`, ...); `ZOOKEEPER_CLIENT_PORT` or Bitnami's
  `ALLOW_ANONYMOUS_LOGIN` there have no effect.
* **apache/kafka** formats the storage with `CLUSTER_ID` (its `configureDefaults` sets a fixed
  id when it is unset); `KAFKA_CLUSTER_ID`, Bitnami's and Confluent's habit elsewhere, only
  becomes a `cluster.id` property that no broker reads (`KafkaDockerWrapper.scala`
  formatStorageCmd @3.8.0).

The setting stays at the image's default, which is rarely what the line meant.
)md",
      .bad = {{.text = "services:\n  zookeeper:\n    image: zookeeper:3.9.2\n    environment:\n      ZOOKEEPER_CLIENT_PORT: 2181\n      ZOO_AUTOPURGE_PURGEINTERVAL: 24\n      ZOO_4LW_COMMANDS_WHITELIST: srvr,ruok,mntr\n",
               .file_name = "compose.yaml"}},
      .good = {{.text = "services:\n  zookeeper:\n    image: zookeeper:3.9.2\n    environment:\n      ZOO_AUTOPURGE_PURGEINTERVAL: 24\n      ZOO_4LW_COMMANDS_WHITELIST: srvr,ruok,mntr\n",
                .file_name = "compose.yaml"}},
  };
  return m;
}

void VariableIgnoredByImage::check(const LintContext& ctx, Reporter& out) const { support::report_container_findings(ctx, out, ContainerFinding::Kind::ignored_variable); }

}  // namespace zklint::rules
