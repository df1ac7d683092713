// ZKL309 controller-listener-name-case: controller.listener.names=controller against listeners=controller://...
// Kafka upper-cases listener names but compares controller.listener.names exactly.
#include <algorithm>

#include "support/kraft_node.hpp"
#include "support/value_edits.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftControllerListenerNameCase)

namespace zklint::rules {

const RuleMeta& KraftControllerListenerNameCase::meta() const {
  static const RuleMeta m{
      .code = "ZKL309",
      .name = "controller-listener-name-case",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "controller.listener.names is not in upper case, so it never matches the listener Kafka upper-cased",
      .doc = R"md(
Kafka upper-cases every listener name it reads from `listeners`: `controller://:9093` is
the listener **CONTROLLER**. It does **not** upper-case `controller.listener.names`; it
compares those names with the upper-cased listener names exactly as written. So

```properties
listeners=PLAINTEXT://:9092,controller://:9093
controller.listener.names=controller
```

has no controller listener at all: `controller` is not `CONTROLLER`. A combined node refuses
to start with `IllegalArgumentException: requirement failed: controller.listener.names must
contain at least one value appearing in the 'listeners' configuration when running the KRaft
controller role` (or, when another name matches, "must only contain values appearing in the
'listeners' configuration"); a controller-only node stops one check earlier, because its
listener is then no controller listener ("The listeners config must only contain KRaft
controller listeners from controller.listener.names when process.roles=controller"). Without an explicit
`listener.security.protocol.map` it may not even get there: the KRaft default maps the
controller listener names *as written* to PLAINTEXT, so the listener CONTROLLER has no
security protocol either (`No security protocol defined for listener CONTROLLER`).

The same lowercase name works in `listener.security.protocol.map` and in `listeners`, which
is what makes this trap hard to see. Write controller listener names in upper case; the fix
does that, which also makes the default protocol mapping line up.
)md",
      .bad = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                       "listeners=PLAINTEXT://:9092,controller://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                       "controller.listener.names=controller\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,controller:PLAINTEXT\n"
                       "log.dirs=/var/lib/kafka/data\n",
               .fixed = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                        "listeners=PLAINTEXT://:9092,controller://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,controller:PLAINTEXT\n"
                        "log.dirs=/var/lib/kafka/data\n"}},
      .good = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                        "listeners=PLAINTEXT://:9092,controller://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,controller:PLAINTEXT\n"
                        "log.dirs=/var/lib/kafka/data\n"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void KraftControllerListenerNameCase::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  const auto& listeners = node.kafka().listeners();
  const Entry* e = node.controller_names_entry();
  if (e == nullptr || !node.role_checks_apply() || !node.has_controller_role() || !node.controller_names() || !listeners.all_parsed()) return;
  const auto& names = *node.controller_names();
  const bool any_exact = std::any_of(names.begin(), names.end(), [&](const support::NameSpan& n) { return listeners.find(n.text) != nullptr; });
  for (const support::NameSpan& n : names) {
    const support::Listener* twin = support::case_twin(listeners, n.text);
    if (twin == nullptr) continue;
    const std::string upper = grammar::listeners::normalised(n.text);
    // A controller-only node fails its first role check, that every listener is a controller listener.
    const std::string consequence =
        node.roles() == support::NodeRoles::controller
            ? "the listeners config must only contain KRaft controller listeners from controller.listener.names when process.roles=controller"
        : any_exact ? "controller.listener.names must only contain values appearing in the 'listeners' configuration"
                    : "controller.listener.names must contain at least one value appearing in the 'listeners' configuration when running the KRaft controller role";
    auto report = out.report_value_part(*e, n.begin, n.end,
                                        "controller listener name " + quoted(n.text) + " does not match the listener " +
                                            quoted(twin->endpoint.entry.of(twin->text)) + ": Kafka upper-cases names in listeners (that one is " + upper +
                                            ") but compares controller.listener.names exactly as written, so the " + std::string(node.roles_text()) +
                                            " node refuses to start (requirement failed: " + consequence + ")");
    report.suggest(upper).fix("write the controller listener name in upper case", {support::replace_in_value(*e, n.begin, n.end, escape_properties_value(upper))});
    if (node.kafka().protocol_map().controller_defaults_added) {
      report.help("listener.security.protocol.map is not set, and its KRaft default maps " + quoted(n.text) + " (as written) to PLAINTEXT, so the listener " +
                  upper + " has no security protocol either; the upper-case name fixes both");
    }
  }
}

}  // namespace zklint::rules
