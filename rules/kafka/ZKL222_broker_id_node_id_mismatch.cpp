// ZKL222 broker-id-node-id-mismatch: broker.id and node.id set to different values.
#include "kafka_releases.hpp"
#include "support/kafka_model.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaBrokerIdNodeIdMismatch)

namespace zklint::rules {

const RuleMeta& KafkaBrokerIdNodeIdMismatch::meta() const {
  static const RuleMeta m{
      .code = "ZKL222",
      .name = "broker-id-node-id-mismatch",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "broker.id and node.id are both set, to different values: the broker refuses to start (3.1+)",
      .doc = R"md(
`broker.id` (ZooKeeper mode) and `node.id` (KRaft) name the same thing. When only one is
set, Kafka copies it to the other. When both are set they must agree; from Kafka 3.1 a
mismatch stops the broker: `ConfigException: You must set node.id to the same value as
broker.id.`

In Kafka 2.8 and 3.0 there is no such check: a `node.id` of 0 or more silently wins and
`broker.id` is ignored (a warning here). Typical cause: a KRaft `node.id` added to a file
that still has its old `broker.id`. Keep one of them.
)md",
      .bad = {{.text = "process.roles=broker,controller\nnode.id=1\nbroker.id=0\ncontroller.quorum.voters=1@kafka1:9093\n"
                       "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                       "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                       "log.dirs=/var/lib/kafka/data\n"}},
      .good = {{.text = "process.roles=broker,controller\nnode.id=1\nbroker.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                        "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                        "log.dirs=/var/lib/kafka/data\n"}},
  };
  return m;
}

void KafkaBrokerIdNodeIdMismatch::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  const Entry* node = model.entry("node.id");
  const Entry* broker = model.entry("broker.id");
  if (node == nullptr || broker == nullptr) return;
  const auto node_id = model.integer("node.id");
  const auto broker_id = model.integer("broker.id");
  if (!node_id || !broker_id || *node_id == *broker_id || model.spec("node.id") == nullptr) return;
  const std::string values = "node.id is " + std::to_string(*node_id) + " but broker.id is " + std::to_string(*broker_id);
  if (kafka_fact::node_id_must_equal_broker_id.holds_in(model.version())) {
    out.report_value(*node, values + ", so Kafka refuses to start (ConfigException: you must set node.id to the same value as broker.id)")
        .related(broker->value_range, "broker.id is set here");
  } else if (*node_id >= 0) {
    out.report_value(*node, values + ": Kafka " + model.version_text() + " silently uses node.id and ignores broker.id")
        .severity(Severity::warning)
        .related(broker->value_range, "broker.id is set here");
  }
}

}  // namespace zklint::rules
