// ZKL314 broker-multiple-controller-listeners: a broker-only node uses only the first controller listener name.
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftBrokerMultipleControllerListeners)

namespace zklint::rules {

const RuleMeta& KraftBrokerMultipleControllerListeners::meta() const {
  static const RuleMeta m{
      .code = "ZKL314",
      .name = "broker-multiple-controller-listeners",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "A broker-only node lists several controller listener names, but only the first is used",
      .doc = R"md(
A broker-only node (`process.roles=broker`) reaches the controllers through one listener: the
first name in `controller.listener.names`. The others are ignored, and the broker says so
only in its log (WARN: controller.listener.names has multiple entries; only the first will be
used since process.roles=broker). Controllers may serve several controller listeners (for
example while moving from PLAINTEXT to SSL), but each broker picks exactly one.

Put the listener this broker should use first, and drop the others from the broker's file
to make that visible.
)md",
      .bad = {{.text = "process.roles=broker\nnode.id=4\ncontroller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093\n"
                       "listeners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka4:9092\ncontroller.listener.names=CONTROLLER,CONTROLLER_SSL\n"
                       "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,CONTROLLER_SSL:SSL\nlog.dirs=/var/lib/kafka/data\n"}},
      .good = {{.text = "process.roles=broker\nnode.id=4\ncontroller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093\n"
                        "listeners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka4:9092\ncontroller.listener.names=CONTROLLER_SSL\n"
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER_SSL:SSL\nlog.dirs=/var/lib/kafka/data\n"}},
  };
  return m;
}

void KraftBrokerMultipleControllerListeners::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  const Entry* e = node.controller_names_entry();
  if (e == nullptr || !node.role_checks_apply() || node.roles() != support::NodeRoles::broker || !node.controller_names()) return;
  const auto& names = *node.controller_names();
  if (names.size() < 2) return;
  out.report_value_part(*e, names[1].begin, names.back().end,
                        "a broker-only node uses only the first controller listener, " + quoted(names.front().text) + "; Kafka ignores " +
                            (names.size() == 2 ? quoted(names[1].text) : std::to_string(names.size() - 1) + " more names") +
                            " and logs a warning that only the first will be used")
      .help("keep only the controller listener this broker should connect through");
}

}  // namespace zklint::rules
