// ZKL231 broker-id-out-of-range: a ZooKeeper-mode broker.id that KafkaConfig.validateValues refuses.
#include "support/kafka_model.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaBrokerIdOutOfRange)

namespace zklint::rules {

const RuleMeta& KafkaBrokerIdOutOfRange::meta() const {
  static const RuleMeta m{
      .code = "ZKL231",
      .name = "broker-id-out-of-range",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A ZooKeeper-mode broker.id is above reserved.broker.max.id or below -1, or missing with broker.id.generation.enable=false",
      .doc = R"md(
In ZooKeeper mode (Kafka 2.x, and 3.x without `process.roles`) `broker.id=-1` (the default)
asks ZooKeeper to generate an id, and generated ids start above `reserved.broker.max.id`
(default 1000). So a configured id must lie in `[-1, reserved.broker.max.id]`; with
`broker.id.generation.enable=false` nothing is generated and the id must be 0 or more. Every
2.x and 3.x release checks this while reading the configuration and refuses to start
(`KafkaConfig.scala` `validateValues`, @2.0 and @3.9.0):

- `requirement failed: broker.id must be greater than or equal to -1 and not greater than
  reserved.broker.max.id` (`broker.id=1001` with the default limit is the usual case);
- `requirement failed: broker.id must be greater than or equal to 0` when generation is off
  and no id is set.

KRaft nodes (`node.id`) have no such limit. Pick an id in range, or raise
`reserved.broker.max.id` above it.
)md",
      .bad = {{.text = "broker.id=1001\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n", .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1001\nreserved.broker.max.id=2000\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaBrokerIdOutOfRange::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  if (model.mode() != support::KafkaMode::zookeeper) return;
  if (model.templated("broker.id") || model.templated("node.id") || model.templated("broker.id.generation.enable") ||
      model.templated("reserved.broker.max.id"))
    return;
  // KafkaConfig copies node.id into an unset broker.id (2.8+); a mismatch of both is ZKL222's.
  const Entry* id_entry = model.entry("broker.id");
  std::optional<std::int64_t> id = model.integer("broker.id");
  if (id_entry == nullptr && model.entry("node.id") != nullptr && model.spec("node.id") != nullptr) {
    id_entry = model.entry("node.id");
    id = model.integer("node.id");
  }
  const auto generation = model.value("broker.id.generation.enable");
  const auto max_id = model.integer("reserved.broker.max.id");
  if (!id || !generation || !max_id) return;
  if (!generation->boolean) {
    if (*id >= 0 || (id_entry == nullptr && model.template_structure())) return;
    const std::string message = (id_entry == nullptr ? std::string("broker.id is not set (-1)") : std::string(id_entry->key) + " is " + std::to_string(*id)) +
                                " and broker.id.generation.enable=false, so the broker has no id and refuses to start (requirement failed: broker.id must "
                                "be greater than or equal to 0)";
    const Entry* generation_entry = model.entry("broker.id.generation.enable");
    auto d = id_entry != nullptr ? out.report_value(*id_entry, message) : out.report_value(*generation_entry, message);
    d.help("set broker.id to this broker's id (see meta.properties in its log directory)");
    return;
  }
  if (*id >= -1 && *id <= *max_id) return;
  if (id_entry == nullptr) return;  // the default -1 is always in range
  const Entry* limit = model.entry("reserved.broker.max.id");
  std::string message = std::string(id_entry->key) + " is " + std::to_string(*id) + ", " +
                        (*id < -1 ? std::string("below -1")
                                  : "above reserved.broker.max.id (" + std::to_string(*max_id) + (limit == nullptr ? ", the default" : "") +
                                        "), the range kept for generated ids") +
                        ": the broker refuses to start (requirement failed: broker.id must be greater than or equal to -1 and not greater than "
                        "reserved.broker.max.id)";
  auto d = out.report_value(*id_entry, message);
  if (limit != nullptr) d.related(limit->value_range, "reserved.broker.max.id is set here");
  d.help(*id < -1 ? "use an id of 0 or more, or -1 to let ZooKeeper generate one"
                  : "use an id of at most reserved.broker.max.id, or raise reserved.broker.max.id above " + std::to_string(*id));
}

}  // namespace zklint::rules
