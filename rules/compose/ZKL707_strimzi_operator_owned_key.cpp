// ZKL707 strimzi-operator-owned-key: a key of a Strimzi config that the operator drops.
#include "support/deployment_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(StrimziOperatorOwnedKey)

namespace zklint::rules {

const RuleMeta& StrimziOperatorOwnedKey::meta() const {
  static const RuleMeta m{
      .code = "ZKL707",
      .name = "strimzi-operator-owned-key",
      .severity = Severity::warning,
      .applies_to = FileKinds::deployment(),
      .summary = "A key of a Strimzi Kafka resource's config that the operator sets itself or forbids: it is dropped, with only a line in the operator's log",
      .doc = R"md(
The Strimzi cluster operator writes listeners, node ids, roles, the controller quorum, log
directories, TLS, authentication and authorization into each broker's config itself, from the
other fields of the `Kafka` and `KafkaNodePool` resources. Keys of `spec.kafka.config` (and of
`spec.zookeeper.config`) in those areas are removed before the config reaches Kafka: the
operator logs `Configuration option "..." is forbidden and will be ignored`, and the resource
reconciles as if the key were not there. Nobody reads that log line, so the setting silently
does nothing.

A key is dropped when its lower-cased name starts with one of the operator's prefixes
(`listeners`, `advertised.`, `broker.`, `listener.`, `port`, `sasl.`, `ssl.`, `security.`,
`log.dir`, `authorizer.`, `super.user`, `node.id`, `process.roles`, `controller.`, ...) and is
not one of its exceptions (`ssl.cipher.suites`, `ssl.protocol`, `ssl.enabled.protocols`,
`broker.session.timeout.ms`, the `cruise.control.metrics.topic.*` sizing keys,
`listener.name.<name>-<port>.max.connections` for a listener of `spec.kafka.listeners`, ...).
zklint applies the lists of `KafkaClusterSpec.java` (`FORBIDDEN_PREFIXES`,
`FORBIDDEN_PREFIX_EXCEPTIONS`, `ALLOWED_PER_LISTENER_CONFIGS`) as
`AbstractConfiguration.filterForbidden` does, from strimzi/strimzi-kafka-operator 1.2.0 for
KRaft clusters and 0.45.0 (the last release that runs ZooKeeper) for clusters with
`spec.zookeeper`, and the list of `ZookeeperClusterSpec.java` @0.45.0 for `spec.zookeeper.config`.
The operator compares the lower-cased key with its prefixes as written, so its camel-case
ZooKeeper prefixes (`dataDir`, `clientPort`, ...) never match: those keys pass through, and
zklint checks them as ZooKeeper settings.

Set these through the resource's own fields instead: `spec.kafka.listeners` (with
`authentication` and `configuration`), `spec.kafka.authorization`, `spec.kafka.rack`, the node
pools' `roles` and `storage`.
)md",
      .bad = {{.text = "apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata:\n  name: my-cluster\n  annotations:\n    strimzi.io/kraft: enabled\n    strimzi.io/node-pools: enabled\nspec:\n  kafka:\n    version: 3.9.0\n    listeners:\n      - name: plain\n        port: 9092\n        type: internal\n        tls: false\n    config:\n      advertised.listeners: PLAINTEXT://kafka.example.com:9092\n      offsets.topic.replication.factor: 3\n      transaction.state.log.replication.factor: 3\n      transaction.state.log.min.isr: 2\n      default.replication.factor: 3\n      min.insync.replicas: 2\n---\napiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaNodePool\nmetadata:\n  name: dual\n  labels:\n    strimzi.io/cluster: my-cluster\nspec:\n  replicas: 3\n  roles: [controller, broker]\n  storage:\n    type: persistent-claim\n    size: 100Gi\n",
               .file_name = "kafka.yaml"}},
      .good = {{.text = "apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata:\n  name: my-cluster\n  annotations:\n    strimzi.io/kraft: enabled\n    strimzi.io/node-pools: enabled\nspec:\n  kafka:\n    version: 3.9.0\n    listeners:\n      - name: plain\n        port: 9092\n        type: internal\n        tls: false\n    config:\n      listener.name.plain-9092.max.connections: 1000\n      offsets.topic.replication.factor: 3\n      transaction.state.log.replication.factor: 3\n      transaction.state.log.min.isr: 2\n      default.replication.factor: 3\n      min.insync.replicas: 2\n---\napiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaNodePool\nmetadata:\n  name: dual\n  labels:\n    strimzi.io/cluster: my-cluster\nspec:\n  replicas: 3\n  roles: [controller, broker]\n  storage:\n    type: persistent-claim\n    size: 100Gi\n",
                .file_name = "kafka.yaml"}},
  };
  return m;
}

void StrimziOperatorOwnedKey::check(const LintContext& ctx, Reporter& out) const { support::report_file_findings(ctx, out, FileFinding::Kind::operator_owned_key); }

}  // namespace zklint::rules
