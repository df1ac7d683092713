// ZKL320 zk-migration-settings: zookeeper.metadata.migration.enable=true without what a migration needs.
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftZkMigrationSettings)

namespace zklint::rules {
namespace {

constexpr std::string_view migration_key = "zookeeper.metadata.migration.enable";

// "3.3-IV3" or "3.3" -> {3, 3}; nullopt for text MetadataVersion would not read as a release.
std::optional<KafkaVersion> ibp_release(std::string_view text) {
  const std::string_view release = text.substr(0, text.find('-'));
  return KafkaVersion::parse(release);
}

}  // namespace

const RuleMeta& KraftZkMigrationSettings::meta() const {
  static const RuleMeta m{
      .code = "ZKL320",
      .name = "zk-migration-settings",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A ZooKeeper-to-KRaft migration node (zookeeper.metadata.migration.enable=true) lacks a setting the migration needs",
      .doc = R"md(
During a ZooKeeper-to-KRaft migration (Kafka 3.4 to 3.9) both kinds of node carry
`zookeeper.metadata.migration.enable=true`, and both need settings of the other mode. Without
them the node refuses to start while reading its configuration:

- **KRaft controllers** (and KRaft brokers while the migration is not finalized) need
  `zookeeper.connect`: `ConfigException` (if using zookeeper.metadata.migration.enable in
  KRaft mode, zookeeper.connect must also be set).
- **ZooKeeper-mode brokers** (no `process.roles`) need
  - `controller.listener.names`, the KRaft controllers' listener: requirement failed,
    controller.listener.names must not be empty when running in ZooKeeper migration mode;
  - `controller.quorum.voters` or `controller.quorum.bootstrap.servers`: `ConfigException`
    (a migration needs the KRaft controllers);
  - `inter.broker.protocol.version` 3.4 or later when it is set: requirement failed, the
    migration needs IBP 3.4 or higher;
  - a fixed `broker.id` (not -1, the "generate an id" value): requirement failed, broker id
    generation is not compatible with the migration.

Kafka 4.0 removed both ZooKeeper mode and the migration; migrate with 3.9 first.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "zookeeper.metadata.migration.enable=true\ncontroller.quorum.voters=3000@ctrl1:9093\n"
                       "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n",
               .kafka_version = "3.9"},
              {.text = "process.roles=controller\nnode.id=3000\ncontroller.quorum.voters=3000@ctrl1:9093\nlisteners=CONTROLLER://:9093\n"
                       "controller.listener.names=CONTROLLER\nlog.dirs=/var/lib/kafka/meta\nzookeeper.metadata.migration.enable=true\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "zookeeper.metadata.migration.enable=true\ncontroller.quorum.voters=3000@ctrl1:9093\ncontroller.listener.names=CONTROLLER\n"
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\ninter.broker.protocol.version=3.9\n",
                .kafka_version = "3.9"},
               {.text = "process.roles=controller\nnode.id=3000\ncontroller.quorum.voters=3000@ctrl1:9093\nlisteners=CONTROLLER://:9093\n"
                        "controller.listener.names=CONTROLLER\nlog.dirs=/var/lib/kafka/meta\nzookeeper.metadata.migration.enable=true\n"
                        "zookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void KraftZkMigrationSettings::check(const LintContext& ctx, Reporter& out) const {
  const auto& node = ctx.model<support::KraftNode>();
  const auto& kafka = node.kafka();
  const Entry* flag = ctx.find(migration_key);
  if (flag == nullptr || !kafka.migration() || node.roles() == support::NodeRoles::unknown) return;
  const auto at_flag = [&](const std::string& message) { return out.report_value(*flag, message); };
  const bool may_be_templated = node.template_structure();

  if (node.roles() != support::NodeRoles::zookeeper) {
    if (ctx.find("zookeeper.connect") == nullptr && !may_be_templated) {
      at_flag("a KRaft " + std::string(node.roles_text()) + " node in a ZooKeeper migration needs zookeeper.connect, and refuses to start without it "
              "(ConfigException: if using zookeeper.metadata.migration.enable in KRaft mode, zookeeper.connect must also be set)")
          .help("add zookeeper.connect, the same as on the ZooKeeper-mode brokers");
    }
    return;
  }
  const std::string who = "a ZooKeeper-mode broker in a migration ";
  if (node.controller_names() && node.controller_names()->empty() && (node.controller_names_entry() != nullptr || !may_be_templated)) {
    at_flag(who + "needs controller.listener.names (the KRaft controllers' listener) and refuses to start without it (requirement failed: "
                  "controller.listener.names must not be empty when running in ZooKeeper migration mode)")
        .help("set controller.listener.names=CONTROLLER, as on the controllers");
  }
  const bool no_quorum = node.voters() && node.voters()->empty() && node.bootstrap_servers() && node.bootstrap_servers()->empty();
  if (no_quorum && (node.voters_entry() != nullptr || node.bootstrap_entry() != nullptr || !may_be_templated)) {
    at_flag(who + "needs the KRaft controllers in controller.quorum.voters" +
            std::string(kafka.spec("controller.quorum.bootstrap.servers") != nullptr ? " or controller.quorum.bootstrap.servers" : "") +
            " and refuses to start without them (ConfigException)")
        .help("set controller.quorum.voters to the controllers, as on the controllers");
  }
  if (const Entry* ibp = ctx.find("inter.broker.protocol.version"); ibp != nullptr && !ctx.value_templated(*ibp)) {
    const auto release = ibp_release(java_trim(ibp->value));
    if (release && *release < KafkaVersion{3, 4}) {
      out.report_value(*ibp, "inter.broker.protocol.version " + std::string(java_trim(ibp->value)) + " is older than 3.4, which a ZooKeeper migration "
                             "needs: the broker refuses to start (requirement failed: migration requires IBP 3.4 or higher)")
          .related(flag->value_range, std::string(migration_key))
          .help("raise inter.broker.protocol.version to this release (a rolling restart) before enabling the migration");
    }
  }
  // broker.id is what a ZooKeeper-mode broker uses; node.id stands in when only it is set.
  const support::NodeId& id = node.node_id();
  if (id.known && id.value && *id.value < 0 && (id.entry != nullptr || !may_be_templated)) {
    const std::string message = who + "needs a fixed broker.id, but " +
                                (id.entry != nullptr ? std::string(id.entry->key) + " is " + std::to_string(*id.value) : std::string("broker.id is not set")) +
                                ", which asks ZooKeeper to generate one: the broker refuses to start (requirement failed: broker id generation "
                                "is not compatible with ZooKeeper migration)";
    if (id.entry != nullptr) out.report_value(*id.entry, message).related(flag->value_range, std::string(migration_key));
    else at_flag(message).help("set broker.id to the id this broker already has (see meta.properties in its log directory)");
  }
}

}  // namespace zklint::rules
