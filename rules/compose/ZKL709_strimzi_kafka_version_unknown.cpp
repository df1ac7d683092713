// ZKL709 strimzi-kafka-version-unknown: spec.kafka.version is not a release zklint knows.
#include "support/deployment_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(StrimziKafkaVersionUnknown)

namespace zklint::rules {

const RuleMeta& StrimziKafkaVersionUnknown::meta() const {
  static const RuleMeta m{
      .code = "ZKL709",
      .name = "strimzi-kafka-version-unknown",
      .severity = Severity::info,
      .applies_to = FileKinds::deployment(),
      .summary = "A Strimzi Kafka resource names a Kafka version zklint has no facts for (outside 2.0 to 4.3): its config is not checked",
      .doc = R"md(
Strimzi runs the Kafka release that `spec.kafka.version` names, and which settings that release
accepts decides what zklint may say about `spec.kafka.config`. zklint's catalog of broker
settings covers Kafka 2.0 to 4.3. For a version outside it, or a text that is no version at
all, zklint does not guess: the resource's Kafka and ZooKeeper configs are not checked, and this
note says so. (The operator itself refuses a version its release does not ship, with
`Unsupported Kafka.spec.kafka.version`; which versions those are depends on the operator
release, which the resource does not name.) The keys the operator drops (ZKL707) and values of
the wrong type (ZKL708) are still reported.

A placeholder such as `${KAFKA_VERSION}` is not judged: the config is checked without a known
version, as for a resource without `spec.kafka.version`.
)md",
      .bad = {{.text = "apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    version: 1.1.0\n    replicas: 3\n    listeners:\n      - name: plain\n        port: 9092\n        type: internal\n        tls: false\n    storage:\n      type: ephemeral\n  zookeeper:\n    replicas: 3\n    storage:\n      type: ephemeral\n",
               .file_name = "kafka.yaml"}},
      .good = {{.text = "apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    version: 3.9.0\n    replicas: 3\n    listeners:\n      - name: plain\n        port: 9092\n        type: internal\n        tls: false\n    config:\n      offsets.topic.replication.factor: 3\n      transaction.state.log.replication.factor: 3\n      transaction.state.log.min.isr: 2\n      default.replication.factor: 3\n      min.insync.replicas: 2\n    storage:\n      type: ephemeral\n  zookeeper:\n    replicas: 3\n    storage:\n      type: ephemeral\n",
                .file_name = "kafka.yaml"}},
  };
  return m;
}

void StrimziKafkaVersionUnknown::check(const LintContext& ctx, Reporter& out) const {
  support::report_file_findings(ctx, out, FileFinding::Kind::unsupported_kafka_version);
}

}  // namespace zklint::rules
