// ZKL315 controller-node-broker-listener: a controller-only node lists a listener that is not a controller listener.
#include <algorithm>

#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftControllerNodeBrokerListener)

namespace zklint::rules {
namespace {

// KafkaConfig counts, per controller.listener.names entry, the advertised or plain listener of
// exactly that name, and requires as many as there are listeners.
std::size_t controller_listener_count(const support::KraftNode& node) {
  const auto& advertised = node.kafka().advertised_listeners();
  const auto& listeners = node.kafka().listeners();
  std::size_t count = 0;
  for (const support::NameSpan& n : *node.controller_names()) {
    if ((advertised.known && advertised.find(n.text) != nullptr) || listeners.find(n.text) != nullptr) ++count;
  }
  return count;
}

}  // namespace

const RuleMeta& KraftControllerNodeBrokerListener::meta() const {
  static const RuleMeta m{
      .code = "ZKL315",
      .name = "controller-node-broker-listener",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A controller-only node lists a listener that is not named in controller.listener.names",
      .doc = R"md(
A controller-only node (`process.roles=controller`) serves only the controller listeners, the
ones named in `controller.listener.names`. Any other listener in `listeners` stops it:
`IllegalArgumentException: requirement failed: The listeners config must only contain KRaft
controller listeners from controller.listener.names when process.roles=controller`.

Two common causes: a broker listener (`PLAINTEXT://:9092`) left in a file that was turned
into a controller file, and a controller file **without** `listeners`, where Kafka uses the
default `PLAINTEXT://:9092`. Use `listeners=CONTROLLER://:9093` with
`controller.listener.names=CONTROLLER`. A name that differs only in case is reported by
`controller-listener-name-case` (ZKL309) instead.
)md",
      .bad = {{.text = "process.roles=controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093\n"
                       "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\ncontroller.listener.names=CONTROLLER\n"
                       "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\nlog.dirs=/var/lib/kafka/meta\n"}},
      .good = {{.text = "process.roles=controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093\n"
                        "listeners=CONTROLLER://:9093\ncontroller.listener.names=CONTROLLER\n"
                        "listener.security.protocol.map=CONTROLLER:PLAINTEXT\nlog.dirs=/var/lib/kafka/meta\n"}},
  };
  return m;
}

void KraftControllerNodeBrokerListener::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  const auto& listeners = node.kafka().listeners();
  if (!node.role_checks_apply() || node.roles() != support::NodeRoles::controller || !node.controller_names() || !listeners.all_parsed()) return;
  if (controller_listener_count(node) == listeners.listeners.size()) return;
  const std::string consequence = "so the node refuses to start (requirement failed: the listeners config must only contain KRaft controller listeners "
                                  "from controller.listener.names when process.roles=controller)";
  for (const support::Listener& l : listeners.listeners) {
    if (node.names_controller_listener(l.name)) continue;
    const bool case_only = std::any_of(node.controller_names()->begin(), node.controller_names()->end(),
                                       [&](const support::NameSpan& n) { return support::case_twin(listeners, n.text) == &l; });
    if (case_only) continue;  // controller-listener-name-case
    const std::string entry = quoted(l.endpoint.entry.of(l.text));
    if (listeners.entry != nullptr) {
      out.report_value_part(*listeners.entry, l.endpoint.entry.begin, l.endpoint.entry.end,
                            "listener " + entry + " is not a controller listener (not in controller.listener.names), but process.roles=controller, " +
                                consequence)
          .help("remove it from listeners, or add the broker role (process.roles=broker,controller)");
    } else if (!node.template_structure()) {
      out.report_file("listeners is not set, so this controller-only node gets the default " + entry + ", which is not a controller listener, " + consequence)
          .help("set listeners=CONTROLLER://:9093 (the name from controller.listener.names)");
    }
  }
}

}  // namespace zklint::rules
