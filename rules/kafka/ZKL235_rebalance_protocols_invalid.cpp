// ZKL235 rebalance-protocols-invalid: group.coordinator.rebalance.protocols without classic, or
// with consumer on a ZooKeeper-mode broker.
#include <algorithm>

#include "kafka_releases.hpp"
#include "support/kafka_model.hpp"
#include "support/kafka_reporting.hpp"
#include "support/kafka_values.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaRebalanceProtocolsInvalid)

namespace zklint::rules {

namespace {

constexpr std::string_view key = "group.coordinator.rebalance.protocols";

}  // namespace

const RuleMeta& KafkaRebalanceProtocolsInvalid::meta() const {
  static const RuleMeta m{
      .code = "ZKL235",
      .name = "rebalance-protocols-invalid",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "group.coordinator.rebalance.protocols leaves out classic, or enables consumer on a ZooKeeper-mode broker: the broker refuses to start",
      .doc = R"md(
`group.coordinator.rebalance.protocols` (Kafka 3.7+) lists the group protocols the broker
serves. `KafkaConfig` reads it while it starts (`groupCoordinatorRebalanceProtocols`,
`KafkaConfig.scala` @3.7.0 to @4.2) and stops:

- when `classic` is missing, on every release that has the setting: `ConfigException:
  Disabling the 'CLASSIC' protocol is not supported.` Every consumer that is not a KIP-848
  consumer speaks the classic protocol;
- when `consumer` is listed on a ZooKeeper-mode broker, on 3.8 and 3.9: `ConfigException:
  The new 'CONSUMER' rebalance protocol is only supported in KRaft cluster.` (3.7 only
  warned).

Keep `classic` in the list (the default is `classic`, and from 4.0 `classic,consumer`); use
`consumer` only on KRaft clusters.
)md",
      .bad = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                       "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                       "controller.listener.names=CONTROLLER\nlog.dirs=/var/lib/kafka/data\ngroup.coordinator.rebalance.protocols=consumer\n",
               .kafka_version = "4.0"}},
      .good = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                        "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROLLER\nlog.dirs=/var/lib/kafka/data\ngroup.coordinator.rebalance.protocols=classic,consumer\n",
                .kafka_version = "4.0"}},
  };
  return m;
}

void KafkaRebalanceProtocolsInvalid::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  const Entry* e = model.entry(key);
  if (e == nullptr || ctx.value_templated(*e)) return;
  const auto* spec = model.spec(key);  // asked of the release only when the file sets the key
  if (spec == nullptr) return;
  const auto protocols = model.value(key);
  if (!protocols) return;
  // ConfigDef's ValidList runs first: a misspelt item is ZKL206's, an empty item or list from 4.2 ZKL323's.
  if (support::kafka::validate(*spec, model.version(), *protocols)) return;
  if (protocols->items.empty() && support::kafka::rejects_empty_items(model.version(), key)) return;
  const auto has = [&](std::string_view name) {
    return std::any_of(protocols->items.begin(), protocols->items.end(), [&](const support::kafka::Span& s) { return s.text == name; });
  };
  if (!has("classic")) {
    out.report_value(*e, std::string(key) + " does not list classic, which every release refuses: the broker does not start (ConfigException: "
                                            "Disabling the 'CLASSIC' protocol is not supported)")
        .help("add classic: " + std::string(key) + "=classic" + (has("consumer") ? ",consumer" : ""));
  }
  if (has("consumer") && model.mode() == support::KafkaMode::zookeeper && kafka_fact::consumer_rebalance_protocol_needs_kraft.holds_in(model.version())) {
    out.report_value(*e, std::string(key) + " enables the consumer protocol on a ZooKeeper-mode broker: Kafka " + model.version_text() +
                             " refuses to start (ConfigException: the new 'CONSUMER' rebalance protocol is only supported in KRaft cluster)")
        .help("remove consumer; the KIP-848 protocol needs a KRaft cluster");
  }
}

}  // namespace zklint::rules
