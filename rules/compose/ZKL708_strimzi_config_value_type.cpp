// ZKL708 strimzi-config-value-type: a Strimzi config value that is not a scalar.
#include "support/deployment_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(StrimziConfigValueType)

namespace zklint::rules {

const RuleMeta& StrimziConfigValueType::meta() const {
  static const RuleMeta m{
      .code = "ZKL708",
      .name = "strimzi-config-value-type",
      .severity = Severity::error,
      .applies_to = FileKinds::deployment(),
      .summary = "A value in a Strimzi Kafka resource's config is a map, a list or null: the operator refuses the config and the resource never reconciles",
      .doc = R"md(
The Strimzi cluster operator turns each value of `spec.kafka.config` and
`spec.zookeeper.config` into text: a string is taken as it is, a number or a boolean as Java
prints it. Anything else, a nested map, a list or a null (a key with nothing after its colon),
makes it throw `InvalidConfigParameterException` ("A null value is not allowed for this key",
"Unsupported type ... in configuration for this key"; `OrderedProperties.addIterablePairs` in
strimzi/strimzi-kafka-operator 1.2.0, the same in 0.45.0). That exception is an
`InvalidResourceException`: the reconciliation of the whole `Kafka` resource fails, its status
says so, and no change to the cluster is rolled out until the value is fixed.

A list of values is written as one comma-separated string in Kafka's configs
(`ssl.cipher.suites: TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256`). The config itself must be a
map; the API server refuses a resource whose `config` is a list or a string.
)md",
      .bad = {{.text = "apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata:\n  name: my-cluster\n  annotations:\n    strimzi.io/kraft: enabled\n    strimzi.io/node-pools: enabled\nspec:\n  kafka:\n    version: 3.9.0\n    listeners:\n      - name: plain\n        port: 9092\n        type: internal\n        tls: false\n    config:\n      ssl.cipher.suites:\n        - TLS_AES_256_GCM_SHA384\n        - TLS_AES_128_GCM_SHA256\n      offsets.topic.replication.factor: 3\n      transaction.state.log.replication.factor: 3\n      transaction.state.log.min.isr: 2\n      default.replication.factor: 3\n      min.insync.replicas: 2\n---\napiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaNodePool\nmetadata:\n  name: dual\n  labels:\n    strimzi.io/cluster: my-cluster\nspec:\n  replicas: 3\n  roles: [controller, broker]\n  storage:\n    type: persistent-claim\n    size: 100Gi\n",
               .file_name = "kafka.yaml"}},
      .good = {{.text = "apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata:\n  name: my-cluster\n  annotations:\n    strimzi.io/kraft: enabled\n    strimzi.io/node-pools: enabled\nspec:\n  kafka:\n    version: 3.9.0\n    listeners:\n      - name: plain\n        port: 9092\n        type: internal\n        tls: false\n    config:\n      ssl.cipher.suites: TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256\n      offsets.topic.replication.factor: 3\n      transaction.state.log.replication.factor: 3\n      transaction.state.log.min.isr: 2\n      default.replication.factor: 3\n      min.insync.replicas: 2\n---\napiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaNodePool\nmetadata:\n  name: dual\n  labels:\n    strimzi.io/cluster: my-cluster\nspec:\n  replicas: 3\n  roles: [controller, broker]\n  storage:\n    type: persistent-claim\n    size: 100Gi\n",
                .file_name = "kafka.yaml"}},
  };
  return m;
}

void StrimziConfigValueType::check(const LintContext& ctx, Reporter& out) const { support::report_file_findings(ctx, out, FileFinding::Kind::config_value_type); }

}  // namespace zklint::rules
