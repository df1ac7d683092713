// ZKL312 broker-controller-listener-in-listeners: a broker-only node opens a controller listener.
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftBrokerControllerListenerInListeners)

namespace zklint::rules {

const RuleMeta& KraftBrokerControllerListenerInListeners::meta() const {
  static const RuleMeta m{
      .code = "ZKL312",
      .name = "broker-controller-listener-in-listeners",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A broker-only node lists a controller listener in listeners",
      .doc = R"md(
On a broker-only node (`process.roles=broker`), `controller.listener.names` names the
listener *of the controllers* that the broker connects to; the broker does not serve it.
A broker whose `listeners` contains one of those names refuses to start:
`IllegalArgumentException: requirement failed: controller.listener.names must not contain a
value appearing in the 'listeners' configuration when running KRaft with just the broker
role`.

This typically happens when a combined node's file (`listeners=PLAINTEXT://:9092,CONTROLLER://:9093`)
is turned into a broker file by changing only `process.roles`. Remove the controller
listener from `listeners` (and from `advertised.listeners`), or keep the controller role.
)md",
      .bad = {{.text = "process.roles=broker\nnode.id=4\ncontroller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093\n"
                       "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka4:9092\ncontroller.listener.names=CONTROLLER\n"
                       "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\nlog.dirs=/var/lib/kafka/data\n"}},
      .good = {{.text = "process.roles=broker\nnode.id=4\ncontroller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093\n"
                        "listeners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka4:9092\ncontroller.listener.names=CONTROLLER\n"
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\nlog.dirs=/var/lib/kafka/data\n"}},
  };
  return m;
}

void KraftBrokerControllerListenerInListeners::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  const auto& listeners = node.kafka().listeners();
  if (!node.role_checks_apply() || node.roles() != support::NodeRoles::broker || !node.controller_names() || !listeners.known) return;
  for (const support::Listener& l : listeners.listeners) {
    if (!l.endpoint.ok() || !node.names_controller_listener(l.name)) continue;
    const std::string message = "listener " + quoted(l.endpoint.entry.of(l.text)) + " is the controller listener " + l.name +
                                ", but process.roles=broker: a broker-only node connects to the controllers' listener and must not open it, so it "
                                "refuses to start (requirement failed: controller.listener.names must not contain a value appearing in the "
                                "'listeners' configuration when running KRaft with just the broker role)";
    const std::string help = "remove " + l.name + " from listeners (and advertised.listeners), or add the controller role";
    if (listeners.entry != nullptr) {
      out.report_value_part(*listeners.entry, l.endpoint.entry.begin, l.endpoint.entry.end, message).help(help);
    } else if (const Entry* names = node.controller_names_entry()) {
      out.report_value(*names, "listeners is not set, so the broker listens on its default, and " + message).help(help);
    }
  }
}

}  // namespace zklint::rules
