// ZKL303 process-roles-value: process.roles is blank or lists a role twice.
#include "kafka_releases.hpp"
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftProcessRolesValue)

namespace zklint::rules {
namespace {

}  // namespace

const RuleMeta& KraftProcessRolesValue::meta() const {
  static const RuleMeta m{
      .code = "ZKL303",
      .name = "process-roles-value",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "process.roles is blank, or names a role twice (fatal before 4.2)",
      .doc = R"md(
`process.roles` is a comma-separated list of `broker` and `controller`, each at most once:
`broker` (a broker-only node), `controller` (a controller-only node) or `broker,controller`
(a combined node). Kafka compares the roles exactly, so `Broker` or `CONTROLLER` are
unknown roles; the allowed-values check of the Kafka rules reports those.

- **A role listed twice** (`broker,broker`): up to 4.1 the node refuses to start with a
  `ConfigException` (`Duplicate role names found in process.roles`, `KafkaConfig.scala @4.1.0`),
  an error. From 4.2 `ConfigDef.parseValue` drops the repeat and logs a warning before the
  list is validated (KAFKA-19875, `ConfigDef.java @4.2.0`), and the duplicate check is gone
  from `KafkaConfig.parseProcessRoles`: the node starts, so it is a warning.
- **A blank value** (`process.roles=`): in Kafka 3.x an empty role list means ZooKeeper
  mode, so the line is misleading at best (a warning): the node is a ZooKeeper-mode broker
  and needs `zookeeper.connect`. Kafka 4.x has no ZooKeeper mode, so a node without a role
  cannot work: 4.2 and later refuse the empty list while reading the configuration
  (`ConfigException`: the list must not be empty), and 4.0/4.1 have no mode to fall back to.
  That is an error.
)md",
      .bad = {{.text = "process.roles=broker,controller,broker\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                       "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                       "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                       "log.dirs=/var/lib/kafka/data\n",
               .kafka_version = "4.1"},
              {.text = "process.roles=\nbroker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "process.roles=controller, broker\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                        "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                        "log.dirs=/var/lib/kafka/data\n"}},
  };
  return m;
}

void KraftProcessRolesValue::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  const Entry* e = node.roles_entry();
  if (e == nullptr || ctx.value_templated(*e) || node.kafka().spec("process.roles") == nullptr) return;
  const auto items = support::kafka::split_list(e->value);
  if (items.empty()) {
    if (!kafka_fact::zookeeper_mode_removed.holds_in(node.version())) {
      out.report_value(*e, "process.roles is blank, which in Kafka " + node.version_text() +
                               " means ZooKeeper mode: this node is a ZooKeeper-mode broker, not a KRaft node")
          .severity(Severity::warning)
          .help("for a KRaft node set process.roles=broker, controller or broker,controller; for a ZooKeeper-mode broker remove the line");
    } else {
      out.report_value(*e, "process.roles is blank: Kafka " + node.version_text() +
                               " has no ZooKeeper mode, so the node needs a role (4.2 and later refuse the empty list with a ConfigException)")
          .help("set process.roles=broker, controller or broker,controller");
    }
    return;
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (items[i].text.empty() || items[i].text != items[j].text) continue;
      const std::string twice = "the role " + quoted(items[i].text) + " is listed twice: ";
      if (kafka_fact::duplicate_list_items_deduplicated.holds_in(node.version())) {
        out.report_value_part(*e, items[i].begin, items[i].end, twice + "Kafka 4.2 and later drop the repeat and log a warning (contains duplicate values)")
            .severity(Severity::warning)
            .help("list each role once: broker, controller or broker,controller");
      } else {
        out.report_value_part(*e, items[i].begin, items[i].end,
                              twice + "Kafka " + node.version_text() + " refuses to start (ConfigException: Duplicate role names found in `process.roles`)")
            .help("list each role once: broker, controller or broker,controller");
      }
      break;
    }
  }
}

}  // namespace zklint::rules
