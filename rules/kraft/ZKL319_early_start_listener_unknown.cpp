// ZKL319 early-start-listener-unknown: early.start.listeners names a listener the node does not have.
#include "kafka_releases.hpp"
#include "support/kraft_node.hpp"
#include "support/value_edits.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftEarlyStartListenerUnknown)

namespace zklint::rules {
namespace {
// KafkaConfig: value.split(",").map(_.trim()).filterNot(_.isEmpty); from 4.2 the list split gives
// the same names (empty items are the list check's business).
std::vector<support::NameSpan> early_start_names(std::string_view value) {
  std::vector<support::NameSpan> out;
  std::uint32_t from = 0;
  for (std::uint32_t i = 0; i <= value.size(); ++i) {
    if (i < value.size() && value[i] != ',') continue;
    const std::string_view piece = value.substr(from, i - from);
    const std::string_view name = java_trim(piece);
    const auto begin = static_cast<std::uint32_t>(from + (name.data() - piece.data()));
    if (!name.empty()) out.push_back({name, begin, begin + static_cast<std::uint32_t>(name.size())});
    from = i + 1;
  }
  return out;
}

}  // namespace

const RuleMeta& KraftEarlyStartListenerUnknown::meta() const {
  static const RuleMeta m{
      .code = "ZKL319",
      .name = "early-start-listener-unknown",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "early.start.listeners names a listener that is not in listeners (names are compared in upper case, exactly)",
      .doc = R"md(
`early.start.listeners` (Kafka 3.3+) lists the listeners that start accepting connections
before the authorizer is ready, typically the controller listener. Each name must be a
listener of this node, that is a name from `listeners` (which includes the controller
listeners of a controller or combined node). Kafka compares the names **exactly** with the
upper-cased listener names: `early.start.listeners=controller` does not match
`listeners=CONTROLLER://:9093`. Otherwise the node refuses to start with a
`ConfigException` (early.start.listeners contains listener X, but this is not contained in
listeners or controller.listener.names).

On a broker-only node the controller listener is not one of its own listeners, so it cannot
be started early there either. When only the case is wrong, the fix writes the name in upper
case.
)md",
      .bad = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                       "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                       "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                       "early.start.listeners=controller\nlog.dirs=/var/lib/kafka/data\n",
               .fixed = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                        "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                        "early.start.listeners=CONTROLLER\nlog.dirs=/var/lib/kafka/data\n"}},
      .good = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                        "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                        "early.start.listeners=CONTROLLER\nlog.dirs=/var/lib/kafka/data\n"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void KraftEarlyStartListenerUnknown::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  const auto& listeners = node.kafka().listeners();
  const Entry* e = ctx.find("early.start.listeners");
  if (e == nullptr || ctx.value_templated(*e) || !kafka_fact::early_start_listeners.holds_in(node.version()) || !listeners.all_parsed()) return;
  for (const support::NameSpan& n : early_start_names(e->value)) {
    if (listeners.find(n.text) != nullptr) continue;
    const std::string consequence = ", so the node refuses to start (ConfigException: early.start.listeners contains listener " + std::string(n.text) +
                                     ", but this is not contained in listeners or controller.listener.names)";
    if (support::case_twin(listeners, n.text) != nullptr) {
      const std::string upper = grammar::listeners::normalised(n.text);
      out.report_value_part(*e, n.begin, n.end,
                            "early.start.listeners names " + quoted(n.text) + ", but Kafka compares it exactly with the upper-cased listener name " + upper +
                                consequence)
          .suggest(upper)
          .fix("write the listener name in upper case", {support::replace_in_value(*e, n.begin, n.end, escape_properties_value(upper))});
      continue;
    }
    const bool controller_elsewhere = node.names_controller_listener(n.text);
    out.report_value_part(*e, n.begin, n.end,
                          "early.start.listeners names " + quoted(n.text) + ", which is not a listener of this node" +
                              (controller_elsewhere ? " (it is the controllers' listener, which a broker-only node does not open)" : "") + consequence)
        .help("list only names from listeners, in upper case");
  }
}

}  // namespace zklint::rules
