// ZKL326 broker-quorum-auto-join: controller.quorum.auto.join.enable=true on a broker-only node (Kafka 4.2+).
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(KraftBrokerQuorumAutoJoin)

namespace zklint::rules {

const RuleMeta& KraftBrokerQuorumAutoJoin::meta() const {
  static const RuleMeta m{
      .code = "ZKL326",
      .name = "broker-quorum-auto-join",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A broker-only node enables controller.quorum.auto.join.enable, which only controllers support (Kafka 4.2+)",
      .doc = R"md(
`controller.quorum.auto.join.enable` (Kafka 4.2) lets a *controller* add itself to a dynamic
KRaft quorum when it starts. A broker is never a voter, and a broker-only node
(`process.roles=broker`) with the setting enabled refuses to start:
`IllegalArgumentException: requirement failed: controller.quorum.auto.join.enable is only
supported when process.roles contains the 'controller' role`.

Enable it only in the controllers' files. A shared template should set it per role.
)md",
      .bad = {{.text = "process.roles=broker\nnode.id=4\ncontroller.quorum.bootstrap.servers=kafka1:9093,kafka2:9093,kafka3:9093\n"
                       "listeners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka4:9092\ncontroller.listener.names=CONTROLLER\n"
                       "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\ncontroller.quorum.auto.join.enable=true\n"
                       "log.dirs=/var/lib/kafka/data\n"}},
      .good = {{.text = "process.roles=controller\nnode.id=1\ncontroller.quorum.bootstrap.servers=kafka1:9093,kafka2:9093,kafka3:9093\n"
                        "listeners=CONTROLLER://:9093\ncontroller.listener.names=CONTROLLER\ncontroller.quorum.auto.join.enable=true\n"
                        "log.dirs=/var/lib/kafka/meta\n"}},
  };
  return m;
}

void KraftBrokerQuorumAutoJoin::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  const Entry* e = ctx.find("controller.quorum.auto.join.enable");
  if (e == nullptr || node.roles() != support::NodeRoles::broker || node.kafka().spec("controller.quorum.auto.join.enable") == nullptr) return;
  const auto enabled = node.kafka().value("controller.quorum.auto.join.enable");
  if (!enabled || !enabled->boolean) return;
  out.report_value(*e, "controller.quorum.auto.join.enable=true on a broker-only node: only controllers join the quorum, and the broker refuses to "
                       "start (requirement failed: controller.quorum.auto.join.enable is only supported when process.roles contains the "
                       "'controller' role)")
      .help("remove the line from the broker's file; enable it on the controllers");
}

}  // namespace zklint::rules
