// ZKL324 kraft-control-plane-listener: control.plane.listener.name on a Kafka 3.x KRaft node.
#include "kafka_releases.hpp"
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(KraftControlPlaneListener)

namespace zklint::rules {

const RuleMeta& KraftControlPlaneListener::meta() const {
  static const RuleMeta m{
      .code = "ZKL324",
      .name = "kraft-control-plane-listener",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A Kafka 3.x KRaft node sets control.plane.listener.name, which only ZooKeeper mode supports",
      .doc = R"md(
`control.plane.listener.name` (KIP-291) gives the ZooKeeper-era controller its own listener
to the brokers. KRaft has its own controller listeners (`controller.listener.names`), and a
3.x KRaft node that sets `control.plane.listener.name` refuses to start:
`IllegalArgumentException: requirement failed: control.plane.listener.name is not supported
in KRaft mode`. Kafka 4.0 removed the setting altogether.

Remove it; in KRaft the controller traffic goes through the listeners in
`controller.listener.names`.
)md",
      .bad = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                       "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                       "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                       "control.plane.listener.name=CONTROLLER\nlog.dirs=/var/lib/kafka/data\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                        "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                        "log.dirs=/var/lib/kafka/data\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KraftControlPlaneListener::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  const Entry* e = ctx.find("control.plane.listener.name");
  if (e == nullptr || ctx.value_templated(*e) || !kafka_fact::kraft_config_checks.holds_in(node.version()) || node.kafka().spec("control.plane.listener.name") == nullptr) return;
  if (!node.has_broker_role() && !node.has_controller_role()) return;
  out.report_key(*e, "control.plane.listener.name is a ZooKeeper-mode setting: this KRaft " + std::string(node.roles_text()) +
                         " node refuses to start with it (requirement failed: control.plane.listener.name is not supported in KRaft mode)")
      .help("remove it; KRaft controller traffic uses the listeners in controller.listener.names");
}

}  // namespace zklint::rules
