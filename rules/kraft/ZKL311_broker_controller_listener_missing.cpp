// ZKL311 broker-controller-listener-missing: a broker-only node without controller.listener.names.
#include "kafka_releases.hpp"
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(KraftBrokerControllerListenerMissing)

namespace zklint::rules {
const RuleMeta& KraftBrokerControllerListenerMissing::meta() const {
  static const RuleMeta m{
      .code = "ZKL311",
      .name = "broker-controller-listener-missing",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A broker-only node has no controller.listener.names, so it cannot tell which listener reaches the controllers",
      .doc = R"md(
A broker-only node (`process.roles=broker`) talks to the controllers through the listener
named first in `controller.listener.names` (the controllers' listener, which the broker
itself does not open). Without it, the broker refuses to start:
`IllegalArgumentException: requirement failed: controller.listener.names must contain at
least one value when running KRaft with just the broker role`.

Set it to the name of the controllers' listener, in upper case, as in the controllers'
own files: `controller.listener.names=CONTROLLER`. Kafka 4.2 and later require the key in
every file; `missing-required-key` (ZKL208) reports it missing there, and
`kip1161-list-value` (ZKL323) an empty value.
)md",
      .bad = {{.text = "process.roles=broker\nnode.id=4\ncontroller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093\n"
                       "listeners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka4:9092\n"
                       "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\nlog.dirs=/var/lib/kafka/data\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "process.roles=broker\nnode.id=4\ncontroller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093\n"
                        "listeners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka4:9092\ncontroller.listener.names=CONTROLLER\n"
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\nlog.dirs=/var/lib/kafka/data\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KraftBrokerControllerListenerMissing::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  if (node.roles() != support::NodeRoles::broker || !node.controller_names() || !node.controller_names()->empty()) return;
  // The release last: most files leave nothing to report whatever it is (release_questions.hpp).
  if (!node.role_checks_apply() || kafka_fact::list_values_validated.holds_in(node.version())) return;
  const std::string message = "a broker-only node needs controller.listener.names to reach the controllers, and refuses to start without it "
                              "(requirement failed: controller.listener.names must contain at least one value when running KRaft with just the broker role)";
  const std::string help = "set controller.listener.names to the controllers' listener name, for example CONTROLLER";
  if (const Entry* e = node.controller_names_entry()) {
    out.report_value(*e, "controller.listener.names is empty: " + message).help(help);
  } else if (!node.template_structure()) {
    out.report_file("controller.listener.names is not set: " + message).help(help);
  }
}

}  // namespace zklint::rules
