// ZKL322 zookeeper-keys-on-kafka-4: Kafka 4.x has no ZooKeeper mode; zookeeper.* settings are ignored.
#include <algorithm>

#include "kafka_releases.hpp"
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftZookeeperKeysOnKafka4)

namespace zklint::rules {
namespace {
// The KRaft settings a ZooKeeper-mode file lacks, for the message.
std::string missing_kraft_settings(const LintContext& ctx, const support::KraftNode& node) {
  std::vector<std::string> missing;
  if (ctx.find("process.roles") == nullptr) missing.emplace_back("process.roles");
  if (ctx.find("node.id") == nullptr && ctx.find("broker.id") == nullptr) missing.emplace_back("node.id");
  if (ctx.find("controller.quorum.voters") == nullptr && ctx.find("controller.quorum.bootstrap.servers") == nullptr) {
    missing.emplace_back("controller.quorum.voters (or controller.quorum.bootstrap.servers)");
  }
  if (node.controller_names_entry() == nullptr) missing.emplace_back("controller.listener.names");
  std::string out;
  for (std::size_t i = 0; i < missing.size(); ++i) out += (i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ") + missing[i];
  return out;
}

}  // namespace

const RuleMeta& KraftZookeeperKeysOnKafka4::meta() const {
  static const RuleMeta m{
      .code = "ZKL322",
      .name = "zookeeper-keys-on-kafka-4",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "Kafka 4.x has no ZooKeeper mode: the file still configures ZooKeeper",
      .doc = R"md(
Kafka 4.0 removed ZooKeeper mode, and with it every `zookeeper.*` setting
(`zookeeper.connect`, the timeouts, `zookeeper.set.acl`, the `zookeeper.ssl.*` keys, the
migration switch). A 4.x node silently ignores them: it does not log that they are unknown.
What it needs instead are the KRaft settings, and a ZooKeeper-era `server.properties` has
none of them, so the node stops at once: `ConfigException: Missing required configuration
"process.roles" which has no default value` (then `node.id`, and from 4.2
`controller.listener.names`). The ZooKeeper connection problem of old, in its 2026 form.

- **An error** when the file has no `process.roles`: it is a ZooKeeper-mode config, and the
  message lists the KRaft settings to add (`process.roles`, `node.id`,
  `controller.quorum.voters` or `controller.quorum.bootstrap.servers`,
  `controller.listener.names`, plus a controller listener in `listeners` on controllers).
- **A warning** when the file is otherwise a KRaft config (or its keys come partly from
  template code): the leftover keys do nothing.

An existing ZooKeeper-based cluster cannot be upgraded to 4.x in place: migrate it to KRaft
on Kafka 3.x first (3.9 is the bridge release: KRaft controllers plus
`zookeeper.metadata.migration.enable=true` on all nodes, then finalize), and only then
upgrade to 4.x. A new cluster starts in KRaft directly (format the log directories with
`kafka-storage.sh format`).

Without `--kafka-version`, `zookeeper.*` keys make the file one for 3.x (the releases that
define them), so the rule speaks only when keys that only 4.x defines outweigh them, and then
as a warning that names the 4.x releases.
)md",
      // The error form (a ZooKeeper-mode file on 4.x) is in rules/kraft/fixtures/zookeeper_on_kafka_4.properties.
      .bad = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                       "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                       "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                       "log.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
               .kafka_version = "4.0"}},
      .good = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                        "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                        "log.dirs=/var/lib/kafka/data\n",
                .kafka_version = "4.0"}},
      .tag = FindingTag::deprecated,
  };
  return m;
}

void KraftZookeeperKeysOnKafka4::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  const auto& keys = node.zookeeper_entries();
  if (!kafka_fact::zookeeper_mode_removed.holds_in(node.version()) || keys.empty()) return;
  const auto connect = std::find_if(keys.begin(), keys.end(), [](const Entry* e) { return e->key == "zookeeper.connect"; });
  const Entry& first = connect != keys.end() ? **connect : *keys.front();
  const std::string version = node.version_text();
  const std::size_t more = keys.size() - 1;
  const std::string subject = std::string(first.key) +
                              (more == 0 ? "" : " and " + std::to_string(more) + " more zookeeper.* setting" + (more == 1 ? "" : "s"));
  const std::string it = more == 0 ? "it" : "them";
  const std::string configure = more == 0 ? " configures" : " configure";
  const bool zookeeper_config = ctx.find("process.roles") == nullptr && !node.template_structure();
  auto report = zookeeper_config
                    ? out.report_key(first, subject + configure + " ZooKeeper mode, which Kafka 4.0 removed: Kafka " + version + " ignores " + it +
                                                " and refuses to start without the KRaft settings " + missing_kraft_settings(ctx, node) +
                                                " (ConfigException: missing required configuration \"process.roles\" which has no default value)")
                    : out.report_key(first, subject + configure + " ZooKeeper mode, which Kafka 4.0 removed: Kafka " + version + " silently ignores " + it);
  if (zookeeper_config) {
    report.help("a ZooKeeper-based cluster must first migrate to KRaft on Kafka 3.9 (KRaft controllers plus zookeeper.metadata.migration.enable=true), "
                "then upgrade to 4.x; a new cluster starts in KRaft: add the settings above and format the log directories with kafka-storage.sh");
  } else {
    report.severity(Severity::warning).help("remove the zookeeper.* settings");
  }
  for (const Entry* e : keys) {
    if (e != &first) report.related(e->key_range, std::string(e->key) + " is ignored too");
  }
}

}  // namespace zklint::rules
