// ZKL302 kraft-node-id-negative: a KRaft node whose node id (node.id, or broker.id copied into it) is negative.
#include "kafka_releases.hpp"
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(KraftNodeIdNegative)

namespace zklint::rules {

const RuleMeta& KraftNodeIdNegative::meta() const {
  static const RuleMeta m{
      .code = "ZKL302",
      .name = "kraft-node-id-negative",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A KRaft node's id is negative: node.id=-1, or broker.id=-1 copied into an unset node.id",
      .doc = R"md(
A KRaft node needs an id of 0 or more, unique in the cluster; a controller's id is the one
it has in `controller.quorum.voters`. `node.id` and `broker.id` are synonyms: when only one of
them is set, Kafka copies it into the other before it checks anything.

- **Kafka 3.x** (with `process.roles` set): the default, -1, stands for "not set", and any
  negative id counts as missing. The node refuses to start: `ConfigException` (missing
  configuration `node.id`, which is required when `process.roles` is defined). A
  `node.id=-1` or `broker.id=-1` left over from a ZooKeeper-mode config (where -1 asks
  ZooKeeper to generate an id) does exactly this.
- **Kafka 4.x**: `node.id` must be at least 0 (`ConfigException`: invalid value for
  configuration node.id: value must be at least 0). A negative `node.id` line is reported
  with the other range checks; this rule reports the case where the negative value comes
  from `broker.id`.

A missing id is reported by `missing-required-key` (ZKL208), and `node.id` differing from
`broker.id` by `broker-id-node-id-mismatch` (ZKL222).
)md",
      .bad = {{.text = "process.roles=broker,controller\nnode.id=-1\ncontroller.quorum.voters=1@kafka1:9093\n"
                       "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                       "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                       "log.dirs=/var/lib/kafka/data\n",
               .kafka_version = "3.9"},
              {.text = "process.roles=broker\nbroker.id=-1\ncontroller.quorum.bootstrap.servers=kafka1:9093\n"
                       "listeners=PLAINTEXT://:9092\nadvertised.listeners=PLAINTEXT://kafka4:9092\ncontroller.listener.names=CONTROLLER\n"
                       "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\nlog.dirs=/var/lib/kafka/data\n"}},
      .good = {{.text = "process.roles=broker,controller\nbroker.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                        "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                        "log.dirs=/var/lib/kafka/data\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KraftNodeIdNegative::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  if (!node.kraft() || node.roles() == support::NodeRoles::unknown) return;
  const support::NodeId& id = node.node_id();
  if (id.entry == nullptr || !id.known || !id.value || *id.value >= 0) return;
  const bool kafka4 = kafka_fact::node_id_has_no_default.holds_in(node.version());
  if (kafka4 && !id.from_broker_id) return;  // the catalog's range check reports node.id=-1
  const std::string n = std::to_string(*id.value);
  const std::string what = id.from_broker_id ? "node.id is not set, so Kafka copies broker.id=" + n + " into it" : "node.id=" + n + " is negative";
  const std::string why = kafka4 ? ", and node.id must be at least 0: the node refuses to start (ConfigException: invalid value for configuration node.id)"
                                 : ", which a KRaft node treats as missing: it refuses to start (ConfigException: missing configuration node.id, "
                                   "which is required when process.roles is defined)";
  out.report_value(*id.entry, what + why).help("set node.id to this node's id: 0 or more, unique in the cluster");
}

}  // namespace zklint::rules
