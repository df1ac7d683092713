// ZKL301 kraft-mode-mismatch: process.roles picks the mode; settings of the other mode are ignored.
#include <algorithm>
#include <array>

#include "kafka_releases.hpp"
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftModeMismatch)

namespace zklint::rules {
namespace {
constexpr std::string_view migration_key = "zookeeper.metadata.migration.enable";
constexpr std::array<std::string_view, 2> quorum_keys = {"controller.quorum.voters", "controller.quorum.bootstrap.servers"};

std::string also(std::size_t others, std::string_view what) {
  if (others == 0) return "";
  return " (and " + std::to_string(others) + " other " + std::string(what) + (others == 1 ? " setting" : " settings") + ")";
}

}  // namespace

const RuleMeta& KraftModeMismatch::meta() const {
  static const RuleMeta m{
      .code = "ZKL301",
      .name = "kraft-mode-mismatch",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "The file mixes ZooKeeper-mode and KRaft settings; process.roles decides, and the others are ignored",
      .doc = R"md(
In Kafka 3.x, `process.roles` decides how a node runs, and with it which settings matter:

- **unset or blank**: a ZooKeeper-mode broker. It reads `zookeeper.connect` and ignores the
  KRaft quorum settings `controller.quorum.voters` and `controller.quorum.bootstrap.servers`;
- **`broker`**, **`controller`** or **`broker,controller`**: a KRaft node (broker only,
  controller only, or combined). It ignores `zookeeper.connect` and every other `zookeeper.*`
  setting.

The exception is a ZooKeeper-to-KRaft migration (`zookeeper.metadata.migration.enable=true`),
where ZooKeeper-mode brokers also read the quorum settings and KRaft nodes also read
`zookeeper.connect`. Outside a migration, settings of the other mode are silently ignored:
Kafka logs nothing about them. A file that has both usually means the node runs in a
different mode than its author thinks: a forgotten `process.roles` line turns an intended
KRaft broker into a ZooKeeper-mode broker, which then fails on the missing or wrong
`zookeeper.connect` (`ConfigException: Missing required configuration "zookeeper.connect"`).

This is a warning, reported once per file at the first ignored setting. Remove the settings
of the mode you do not use, or add `process.roles` (with `node.id`) for KRaft. Kafka 4.x has
no ZooKeeper mode at all: `zookeeper-keys-on-kafka-4` (ZKL322) reports `zookeeper.*` there.
Without `--kafka-version`, `zookeeper.*` keys make the file one for 3.x (the releases that
define them), unless keys that only 4.x defines outweigh them.
)md",
      .bad = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                       "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                       "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                       "log.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
               .kafka_version = "3.9"},
              {.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "controller.quorum.voters=1@kafka1:9093\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\n"
                        "listeners=PLAINTEXT://:9092,CONTROLLER://:9093\nadvertised.listeners=PLAINTEXT://kafka1:9092\n"
                        "controller.listener.names=CONTROLLER\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                        "log.dirs=/var/lib/kafka/data\n",
                .kafka_version = "3.9"},
               {.text = "process.roles=controller\nnode.id=1\ncontroller.quorum.voters=1@kafka1:9093\nlisteners=CONTROLLER://:9093\n"
                        "controller.listener.names=CONTROLLER\nlog.dirs=/var/lib/kafka/meta\n"
                        "zookeeper.metadata.migration.enable=true\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KraftModeMismatch::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  const auto& kafka = node.kafka();
  // Without ZooKeeper mode, zookeeper-keys-on-kafka-4 reports these.
  if (kafka_fact::zookeeper_mode_removed.holds_in(node.version()) || node.roles() == support::NodeRoles::unknown) return;
  const Entry* migration = ctx.find(migration_key);
  if (migration != nullptr && (ctx.value_templated(*migration) || support::kafka::parse_boolean(java_trim(migration->value)).value_or(false))) return;

  if (node.roles() != support::NodeRoles::zookeeper) {
    std::vector<const Entry*> ignored;
    for (const Entry* e : node.zookeeper_entries()) {
      if (e->key != migration_key && support::kafka::broker_spec(node.version(), e->key) != nullptr) ignored.push_back(e);
    }
    if (ignored.empty()) return;
    const auto connect = std::find_if(ignored.begin(), ignored.end(), [](const Entry* e) { return e->key == "zookeeper.connect"; });
    const Entry& first = connect != ignored.end() ? **connect : *ignored.front();
    auto report = out.report_key(first, std::string(first.key) + also(ignored.size() - 1, "zookeeper.*") + " is ignored: process.roles makes this a KRaft " +
                                            std::string(node.roles_text()) + " node, which reads ZooKeeper settings only during a ZooKeeper-to-KRaft migration");
    report.help("remove the ZooKeeper settings, or set " + std::string(migration_key) + "=true if this node takes part in a migration");
    for (const Entry* e : ignored) {
      if (e != &first) report.related(e->key_range, std::string(e->key) + " is ignored too");
    }
    return;
  }
  if (node.template_structure()) return;  // process.roles may come from template code
  std::vector<const Entry*> ignored;
  for (const std::string_view key : quorum_keys) {
    const Entry* e = ctx.find(key);
    if (e != nullptr && kafka.spec(key) != nullptr) ignored.push_back(e);
  }
  if (ignored.empty()) return;
  const Entry& first = *ignored.front();
  auto report = out.report_key(first, std::string(first.key) + also(ignored.size() - 1, "KRaft quorum") + " is ignored: process.roles is not set, so Kafka " +
                                          node.version_text() + " runs this node as a ZooKeeper-mode broker");
  report.help("for a KRaft node set process.roles (broker, controller, or broker,controller) and node.id; otherwise remove the KRaft settings");
  if (ignored.size() > 1) report.related(ignored[1]->key_range, std::string(ignored[1]->key) + " is ignored too");
}

}  // namespace zklint::rules
