// ZKL712 strimzi-even-controller-quorum: the controller pools of a Strimzi KRaft cluster have two
// replicas in all, or an even number.
#include "support/deployment_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(StrimziEvenControllerQuorum)

namespace zklint::rules {

namespace {

// One Kafka resource and its pools; `controller_pool` is the pool with the controller role.
std::string strimzi_cluster(const std::string& controller_pool) {
  return "apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: events\nspec:\n  kafka:\n    version: 4.1.0\n"
         "    listeners:\n      - name: plain\n        port: 9092\n        type: internal\n        tls: false\n"
         "    config:\n      offsets.topic.replication.factor: 3\n      transaction.state.log.replication.factor: 3\n"
         "      transaction.state.log.min.isr: 2\n      default.replication.factor: 3\n      min.insync.replicas: 2\n"
         "---\napiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: brokers\n  labels:\n    strimzi.io/cluster: events\n"
         "spec:\n  replicas: 3\n  roles: [broker]\n  storage:\n    type: persistent-claim\n    size: 100Gi\n"
         "---\napiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: controllers\n  labels:\n    strimzi.io/cluster: events\n"
         "spec:\n" + controller_pool + "  roles: [controller]\n  storage:\n    type: persistent-claim\n    size: 10Gi\n";
}

}  // namespace

const RuleMeta& StrimziEvenControllerQuorum::meta() const {
  static const std::string two_controllers = strimzi_cluster("  replicas: 2\n"), three_controllers = strimzi_cluster("  replicas: 3\n");
  static const RuleMeta m{
      .code = "ZKL712",
      .name = "strimzi-even-controller-quorum",
      .severity = Severity::warning,
      .applies_to = FileKinds::deployment(),
      .summary = "The KafkaNodePools with the controller role of a Strimzi KRaft cluster have 2 replicas in all, or an even number: the quorum survives no more failures than one controller fewer",
      .doc = R"md(
In a Strimzi KRaft cluster every node of a `KafkaNodePool` whose `spec.roles` include
`controller` is a voter of the metadata quorum: the operator writes them all into
`controller.quorum.voters` (`KafkaBrokerConfigurationBuilder.withKRaft`, Strimzi 0.45.0 and
1.2.0). Raft keeps the quorum while a majority of the voters is up, so two controllers survive
no failure (a rolling restart of either one stops every metadata change, topic creation and
leader election included), and four survive one, no more than three. Kafka and the operator
accept it, so this is a warning. It is the node-pool form of `even-voter-set` (ZKL328).

The count is the sum of `spec.replicas` of the controller pools in the file that name the Kafka
resource in their `strimzi.io/cluster` label. A replica count that is a placeholder
(`{{ .Values.replicas }}`, `${REPLICAS}`) is not judged. Pools of the cluster kept in another
file are not counted: the message names the pools it added up.

Use an odd number of controllers: 3 or 5.
)md",
      .bad = {{.text = two_controllers, .file_name = "kafka.yaml"}},
      .good = {{.text = three_controllers, .file_name = "kafka.yaml"}},
  };
  return m;
}

void StrimziEvenControllerQuorum::check(const LintContext& ctx, Reporter& out) const {
  support::report_file_findings(ctx, out, FileFinding::Kind::even_controller_quorum);
}

}  // namespace zklint::rules
