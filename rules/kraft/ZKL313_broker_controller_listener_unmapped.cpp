// ZKL313 broker-controller-listener-unmapped: a broker-only node's controller listener has no security protocol.
#include "support/kraft_node.hpp"
#include "support/value_edits.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftBrokerControllerListenerUnmapped)

namespace zklint::rules {

const RuleMeta& KraftBrokerControllerListenerUnmapped::meta() const {
  static const RuleMeta m{
      .code = "ZKL313",
      .name = "broker-controller-listener-unmapped",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A broker-only node's controller listener has no security protocol in listener.security.protocol.map",
      .doc = R"md(
A broker-only node does not open the controller listener, but it connects to it, so it must
know its security protocol. Kafka looks each `controller.listener.names` entry up, upper-cased,
in the effective `listener.security.protocol.map`, and refuses to start when it is not there:
`ConfigException: Controller listener with name CONTROLLER defined in
controller.listener.names not found in listener.security.protocol.map (an explicit security
mapping for each controller listener is required if listener.security.protocol.map is
non-empty, or if there are security protocols other than PLAINTEXT in use)`.

- With an explicit `listener.security.protocol.map`, add the controller listener to it:
  `...,CONTROLLER:PLAINTEXT` (or `SSL`, `SASL_SSL`, as the controllers use).
- Without one, Kafka's KRaft default maps every controller listener name to PLAINTEXT, but
  only when no listener (and no controller listener name) is SSL or SASL_*; and it maps the
  names *as written*, while the lookup upper-cases them: `controller.listener.names=controller`
  is mapped as `controller` and looked up as `CONTROLLER`. For that case the fix writes the
  name in upper case.
- The other way round with an explicit map: `controller.listener.names=controller` passes
  that check (both sides upper-cased), but when the broker starts, its Raft client and its
  controller channel look the *first* controller listener up as written (`new
  ListenerName(controllerListenerNames.head)`) in the map, whose names Kafka upper-cased.
  `controller` is not found, and the fallback `SecurityProtocol.forName("controller")` stops
  the broker: `IllegalArgumentException: No enum constant ...SecurityProtocol.CONTROLLER`
  (`RaftManager.scala` @3.1.0 to @3.9.0, @4.0, @4.1; `KafkaRaftManager.scala` and
  `NodeToControllerChannelManager.scala` @4.2). The fix writes the name in upper case.
)md",
      .bad = {{.text = "process.roles=broker\nnode.id=4\ncontroller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093\n"
                       "listeners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka4:9092\ncontroller.listener.names=CONTROLLER\n"
                       "listener.security.protocol.map=PLAINTEXT:PLAINTEXT\nlog.dirs=/var/lib/kafka/data\n"},
              {.text = "process.roles=broker\nnode.id=4\ncontroller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093\n"
                       "listeners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka4:9092\ncontroller.listener.names=controller\n"
                       "log.dirs=/var/lib/kafka/data\n",
               .fixed = "process.roles=broker\nnode.id=4\ncontroller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093\n"
                        "listeners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka4:9092\ncontroller.listener.names=CONTROLLER\n"
                        "log.dirs=/var/lib/kafka/data\n"}},
      .good = {{.text = "process.roles=broker\nnode.id=4\ncontroller.quorum.voters=1@kafka1:9093,2@kafka2:9093,3@kafka3:9093\n"
                        "listeners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka4:9092\ncontroller.listener.names=CONTROLLER\n"
                        "log.dirs=/var/lib/kafka/data\n"}},
      .fix = FixSafety::safe,
  };
  return m;
}

namespace {

// The Raft client and the controller channel look the first controller listener up as written
// in the map; explicit map names are upper-cased, so only an upper-case (or protocol) name is found.
void check_first_name_as_written(const support::NameSpan& n, const Entry& e, const support::ProtocolMap& map, Reporter& out) {
  const std::string upper = grammar::listeners::normalised(n.text);
  if (map.entry == nullptr || n.text.empty() || upper == n.text || map.protocol_of(upper) == nullptr) return;
  if (grammar::listeners::is_security_protocol(upper)) return;  // SecurityProtocol.forName finds it
  out.report_value_part(e, n.begin, n.end,
                        "the first controller listener " + quoted(n.text) + " is looked up as written when the broker starts, but listener.security.protocol.map "
                        "holds it upper-cased (" + upper + "): the broker stops (IllegalArgumentException: No enum constant SecurityProtocol." + upper + ")")
      .related(map.entry->value_range, "listener.security.protocol.map")
      .suggest(upper)
      .fix("write the controller listener name in upper case", {support::replace_in_value(e, n.begin, n.end, escape_properties_value(upper))});
}

}  // namespace

void KraftBrokerControllerListenerUnmapped::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  const auto& map = node.kafka().protocol_map();
  const Entry* e = node.controller_names_entry();
  if (e == nullptr || !node.role_checks_apply() || node.roles() != support::NodeRoles::broker || !node.controller_names() || !map.known) return;
  if (!node.controller_names()->empty()) check_first_name_as_written(node.controller_names()->front(), *e, map, out);
  for (const support::NameSpan& n : *node.controller_names()) {
    const std::string upper = grammar::listeners::normalised(n.text);
    if (n.text.empty() || map.protocol_of(upper) != nullptr) continue;
    const std::string consequence = ", so the broker refuses to start (ConfigException: controller listener with name " + upper +
                                    " defined in controller.listener.names not found in listener.security.protocol.map)";
    if (map.entry != nullptr) {
      out.report_value_part(*e, n.begin, n.end, "controller listener " + quoted(n.text) + " has no security protocol: listener.security.protocol.map has no entry for " +
                                                    upper + consequence)
          .related(map.entry->value_range, "listener.security.protocol.map")
          .help("add " + upper + ":PLAINTEXT (or the protocol the controllers use) to listener.security.protocol.map");
    } else if (map.controller_defaults_added && upper != n.text) {
      out.report_value_part(*e, n.begin, n.end, "controller listener " + quoted(n.text) +
                                                    " has no security protocol: without listener.security.protocol.map, Kafka maps it to PLAINTEXT as written (" +
                                                    quoted(n.text) + ") but looks it up upper-cased (" + upper + ")" + consequence)
          .suggest(upper)
          .fix("write the controller listener name in upper case", {support::replace_in_value(*e, n.begin, n.end, escape_properties_value(upper))});
    } else {
      out.report_value_part(*e, n.begin, n.end, "controller listener " + quoted(n.text) +
                                                    " has no security protocol: listener.security.protocol.map is not set, and Kafka maps controller "
                                                    "listeners to PLAINTEXT by default only when no listener is SSL or SASL" + consequence)
          .help("set listener.security.protocol.map with an entry " + upper + ":<protocol> for the controller listener and one for each listener");
    }
  }
}

}  // namespace zklint::rules
