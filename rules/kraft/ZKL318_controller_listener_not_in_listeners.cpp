// ZKL318 controller-listener-not-in-listeners: a controller or combined node whose controller.listener.names
// are missing from listeners.
#include <algorithm>

#include "kafka_releases.hpp"
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftControllerListenerNotInListeners)

namespace zklint::rules {
const RuleMeta& KraftControllerListenerNotInListeners::meta() const {
  static const RuleMeta m{
      .code = "ZKL318",
      .name = "controller-listener-not-in-listeners",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A controller or combined node names a controller listener that is not in listeners",
      .doc = R"md(
A node with the controller role serves the listeners named in `controller.listener.names`,
so each of them must be in `listeners` (with the same name, in upper case). Kafka checks two
things and refuses to start with an `IllegalArgumentException`:

- at least one name must appear in `listeners`: requirement failed: controller.listener.names
  must contain at least one value appearing in the 'listeners' configuration when running the
  KRaft controller role. An empty or missing `controller.listener.names` fails here too;
- every name must appear in `listeners`: requirement failed: controller.listener.names must
  only contain values appearing in the 'listeners' configuration when running the KRaft
  controller role.

Add the controller listener to `listeners` (`listeners=PLAINTEXT://:9092,CONTROLLER://:9093`
on a combined node) or fix the name. Names that differ only in case are reported by
`controller-listener-name-case` (ZKL309). In Kafka 3.x and 4.0 the names are not trimmed, so
`CONTROLLER, CONTROLLER_SSL` has a second name with a leading blank that matches nothing.
)md",
      .bad = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                       "listeners=PLAINTEXT://:9092,CONTROL_PLANE://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                       "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROL_PLANE:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                       "log.dirs=/var/lib/kafka/data\n"}},
      .good = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                        "listeners=PLAINTEXT://:9092,CONTROL_PLANE://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROL_PLANE\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROL_PLANE:PLAINTEXT\n"
                        "log.dirs=/var/lib/kafka/data\n"}},
  };
  return m;
}

void KraftControllerListenerNotInListeners::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  if (!node.has_controller_role() || !node.controller_names()) return;
  const auto& listeners = node.kafka().listeners();
  if (!listeners.all_parsed() || !node.role_checks_apply()) return;
  const auto& names = *node.controller_names();
  const std::string role = "running the KRaft controller role";
  if (names.empty()) {
    if (kafka_fact::list_values_validated.holds_in(node.version())) return;
    const std::string message = "a " + std::string(node.roles_text()) + " node needs controller.listener.names to know which listener it serves as a "
                                "controller, and refuses to start without it (requirement failed: controller.listener.names must contain at least "
                                "one value appearing in the 'listeners' configuration when " + role + ")";
    const std::string help = "set controller.listener.names to the controller listener's name in listeners, for example CONTROLLER";
    if (const Entry* e = node.controller_names_entry()) out.report_value(*e, "controller.listener.names is empty: " + message).help(help);
    else if (!node.template_structure()) out.report_file("controller.listener.names is not set: " + message).help(help);
    return;
  }
  // Kafka's first check also accepts a name found only among the advertised listeners (read only
  // when a name is missing: the advertised listeners differ across releases, release_questions.hpp).
  const auto any_found = [&] {
    const auto& advertised = node.kafka().advertised_listeners();
    return std::any_of(names.begin(), names.end(), [&](const support::NameSpan& n) {
      return listeners.find(n.text) != nullptr || (advertised.known && advertised.find(n.text) != nullptr);
    });
  };
  const Entry& e = *node.controller_names_entry();
  for (const support::NameSpan& n : names) {
    if (listeners.find(n.text) != nullptr || support::case_twin(listeners, n.text) != nullptr) continue;
    if (n.text.empty() && kafka_fact::list_values_validated.holds_in(node.version())) continue;  // the 4.2 list check rejects empty names first
    const std::string check = any_found() ? "must only contain values appearing in the 'listeners' configuration"
                                        : "must contain at least one value appearing in the 'listeners' configuration";
    const bool blank_edge = !n.text.empty() && (java_trim(n.text) != n.text);
    std::string name = quoted(n.text);
    if (blank_edge) name += " (with the blank, which Kafka " + node.version_text() + " keeps)";
    out.report_value_part(e, n.begin, n.end,
                          "controller listener " + name + " is not in listeners, so this " + std::string(node.roles_text()) +
                              " node refuses to start (requirement failed: controller.listener.names " + check + " when " + role + ")")
        .help(blank_edge ? "remove the blanks around the commas in controller.listener.names"
                         : "add the controller listener to listeners (for example " + std::string(java_trim(n.text)) + "://:9093), or fix the name");
  }
}

}  // namespace zklint::rules
