// ZKL316 controller-node-inter-broker-listener: a controller-only node's inter.broker.listener.name is a
// controller listener (Kafka 4.0+).
#include "kafka_releases.hpp"
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftControllerNodeInterBrokerListener)

namespace zklint::rules {

const RuleMeta& KraftControllerNodeInterBrokerListener::meta() const {
  static const RuleMeta m{
      .code = "ZKL316",
      .name = "controller-node-inter-broker-listener",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A controller-only node sets inter.broker.listener.name to one of its controller listeners (Kafka 4.0+)",
      .doc = R"md(
`inter.broker.listener.name` names the listener *brokers* replicate through; controller
listeners are never broker listeners. From Kafka 4.0 a controller-only node
(`process.roles=controller`) that sets it explicitly to one of its controller listeners
refuses to start: `IllegalArgumentException: requirement failed: controller.listener.names
must not contain an explicitly set inter.broker.listener.name configuration value when
process.roles=controller`.

A controller-only node does not need `inter.broker.listener.name` at all; remove the line
(or name the brokers' listener, if the file is shared with brokers).
)md",
      .bad = {{.text = "process.roles=controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093\n"
                       "listeners=CONTROLLER://:9093\ncontroller.listener.names=CONTROLLER\ninter.broker.listener.name=CONTROLLER\n"
                       "listener.security.protocol.map=CONTROLLER:PLAINTEXT\nlog.dirs=/var/lib/kafka/meta\n"}},
      .good = {{.text = "process.roles=controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093\n"
                        "listeners=CONTROLLER://:9093\ncontroller.listener.names=CONTROLLER\ninter.broker.listener.name=PLAINTEXT\n"
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\nlog.dirs=/var/lib/kafka/meta\n"}},
  };
  return m;
}

void KraftControllerNodeInterBrokerListener::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  if (node.roles() != support::NodeRoles::controller) return;
  const auto& inter = node.kafka().inter_broker_listener();
  if (!inter.known || !inter.from_listener_name || !node.names_controller_listener(inter.name)) return;
  // The release last: most files leave nothing to report whatever it is (release_questions.hpp).
  if (!node.role_checks_apply() || !kafka_fact::zookeeper_mode_removed.holds_in(node.version())) return;
  out.report_value(*inter.entry, "inter.broker.listener.name is " + inter.name +
                                     ", a controller listener of this controller-only node: brokers never replicate through a controller listener, and "
                                     "Kafka " + node.version_text() +
                                     " refuses to start (requirement failed: controller.listener.names must not contain an explicitly set "
                                     "inter.broker.listener.name)")
      .help("remove inter.broker.listener.name from the controller's file");
}

}  // namespace zklint::rules
