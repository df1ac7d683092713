// ZKL321 controller-listener-names-zookeeper-mode: controller.listener.names on a ZooKeeper-mode broker
// outside a migration.
#include "kafka_releases.hpp"
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(KraftControllerListenerNamesZookeeperMode)

namespace zklint::rules {
const RuleMeta& KraftControllerListenerNamesZookeeperMode::meta() const {
  static const RuleMeta m{
      .code = "ZKL321",
      .name = "controller-listener-names-zookeeper-mode",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A ZooKeeper-mode broker sets controller.listener.names outside a ZooKeeper-to-KRaft migration",
      .doc = R"md(
`controller.listener.names` belongs to KRaft. A ZooKeeper-mode broker (Kafka 3.1 to 3.9
without `process.roles`) accepts it only during a migration
(`zookeeper.metadata.migration.enable=true`, where it names the KRaft controllers'
listener); otherwise it refuses to start: `IllegalArgumentException: requirement failed:
controller.listener.names must be empty when not running in KRaft mode: [CONTROLLER]`.

Most often `process.roles` was forgotten in a file meant for KRaft (or the file is linted
with the wrong `--kafka-version`). Set `process.roles` for a KRaft node, enable the migration
if that is what the broker is doing, or remove the line.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\ncontroller.listener.names=CONTROLLER\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n", .kafka_version = "3.9"}},
  };
  return m;
}

void KraftControllerListenerNamesZookeeperMode::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  const Entry* e = node.controller_names_entry();
  if (e == nullptr || node.roles() != support::NodeRoles::zookeeper || !kafka_fact::controller_listener_names_checked_in_zookeeper_mode.holds_in(node.version())) return;
  if (node.kafka().templated("zookeeper.metadata.migration.enable") || node.kafka().migration()) return;
  if (!node.controller_names() || node.controller_names()->empty() || node.template_structure()) return;
  out.report_value(*e, "controller.listener.names is set, but process.roles is not, so this is a ZooKeeper-mode broker, which refuses to start "
                       "with controller listeners outside a migration (requirement failed: controller.listener.names must be empty when not "
                       "running in KRaft mode)")
      .help("set process.roles for a KRaft node, set zookeeper.metadata.migration.enable=true during a migration, or remove the line");
}

}  // namespace zklint::rules
