// ZKL320 zk-migration-settings: zookeeper.metadata.migration.enable=true without what a migration needs.
#include "kafka_releases.hpp"
#include "support/kraft_node.hpp"
#include "support/protocol_version.hpp"
#include "zklint/grammar/listeners.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KraftZkMigrationSettings)

namespace zklint::rules {
namespace {

constexpr std::string_view migration_key = "zookeeper.metadata.migration.enable";

// Several log directories (JBOD): refused outright on 3.6, below IBP 3.7-IV2 from 3.7.
void check_jbod(const support::KafkaModel& kafka, const Entry* ibp, const std::optional<support::ProtocolVersion>& ibp_version,
                Reporter& out) {
  const Entry* dirs = kafka.log_dirs_entry();
  if (dirs == nullptr || !kafka.log_dirs() || kafka.log_dirs()->size() < 2 || !(kafka_fact::zookeeper_migration_jbod_refused.holds_in(kafka.version()) || kafka_fact::zookeeper_migration_jbod_needs_ibp_3_7.holds_in(kafka.version()))) return;
  const std::string count = std::to_string(kafka.log_dirs()->size());
  if (kafka_fact::zookeeper_migration_jbod_refused.holds_in(kafka.version())) {
    out.report_value(*dirs, std::string(dirs->key) + " has " + count + " directories: Kafka " + kafka.version_text() +
                                " refuses a ZooKeeper migration with several log directories (requirement failed: cannot enable ZooKeeper migration "
                                "when multiple log directories (aka JBOD) are in use)")
        .help("upgrade to Kafka 3.7 or later (with inter.broker.protocol.version 3.7-IV2 or later) before migrating a JBOD broker");
    return;
  }
  if (ibp == nullptr || !ibp_version || ibp_version->at_least(3, 7, 2) || !ibp_version->at_least(3, 4)) return;  // below 3.4: reported above
  out.report_value(*ibp, "inter.broker.protocol.version " + std::string(java_trim(ibp->value)) + " is older than 3.7-IV2, and " + std::string(dirs->key) + " has " + count +
                             " directories: the broker refuses to start (requirement failed: cannot enable ZooKeeper migration with multiple log "
                             "directories (aka JBOD) without setting inter.broker.protocol.version to 3.7-IV2 or higher)")
      .related(dirs->value_range, std::string(dirs->key) + " is set here")
      .help("raise inter.broker.protocol.version to 3.7-IV2 or later (a rolling restart) before enabling the migration");
}

// The broker reaches the controllers through the first controller listener. KafkaServer's
// RaftManager and NodeToControllerChannelManager look it up as written (new ListenerName, not
// upper-cased) in listener.security.protocol.map, whose names are upper-cased, and fall back to
// SecurityProtocol.forName(name): IllegalArgumentException unless the name is a protocol name.
// In ZooKeeper mode the map has no KRaft default entries for controller listeners
// (KafkaConfig.effectiveListenerSecurityProtocolMap @3.9.0 adds them only with process.roles).
void check_controller_protocol(const LintContext& ctx, const support::KraftNode& node, Reporter& out) {
  const auto& map = node.kafka().protocol_map();
  const Entry* names = node.controller_names_entry();
  if (names == nullptr || ctx.value_templated(*names) || !node.controller_names() || node.controller_names()->empty() || !map.known) return;
  const support::NameSpan& first = node.controller_names()->front();
  const std::string name(first.text);
  if (grammar::listeners::is_security_protocol(grammar::listeners::normalised(name))) return;
  for (const auto& [mapped, protocol] : map.names) {
    if (mapped == name) return;
  }
  const bool other_case = map.protocol_of(grammar::listeners::normalised(name)) != nullptr;
  out.report_value_part(*names, first.begin, first.end,
                        "the controller listener " + quoted(name) + " of this ZooKeeper-mode migration broker has no security protocol in "
                        "listener.security.protocol.map" + (other_case ? std::string(" as written (the map's names are upper-cased, and the broker looks this one up as written)") : "") +
                        ": the broker fails at startup when it connects to the controllers (IllegalArgumentException: No enum constant "
                        "SecurityProtocol." + grammar::listeners::normalised(name) + ")")
      .help(other_case ? "write the controller listener name in upper case, here and on the controllers" : "add " + grammar::listeners::normalised(name) + ":PLAINTEXT (or the controllers' protocol) to listener.security.protocol.map");
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
    generation is not compatible with the migration;
  - with several `log.dirs` (JBOD): Kafka 3.6 refuses the migration outright, 3.7 to 3.9
    unless `inter.broker.protocol.version` is 3.7-IV2 or later (requirement failed: cannot
    enable ZooKeeper migration with multiple log directories (aka JBOD); `KafkaConfig.scala`
    @3.6.0, @3.7.0);
  - a protocol for the first controller listener: a ZooKeeper-mode broker gets no KRaft
    default mapping, and `KafkaServer` looks the name up *as written* in
    `listener.security.protocol.map`, whose names are upper-cased. An unmapped or lower-case
    name (`controller`) stops the broker when it starts its controller channel
    (`IllegalArgumentException: No enum constant ...SecurityProtocol.CONTROLLER`;
    `RaftManager.scala`, `NodeToControllerChannelManager.scala` @3.9.0).

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
  const Entry* ibp = ctx.find("inter.broker.protocol.version");
  const auto ibp_version = ibp != nullptr && !ctx.value_templated(*ibp) ? support::parse_protocol_version(java_trim(ibp->value)) : std::nullopt;
  if (ibp_version && !ibp_version->at_least(3, 4)) {
    out.report_value(*ibp, "inter.broker.protocol.version " + std::string(java_trim(ibp->value)) + " is older than 3.4, which a ZooKeeper migration "
                             "needs: the broker refuses to start (requirement failed: Cannot enable ZooKeeper migration without setting 'inter.broker.protocol.version' to 3.4 or higher)")
          .related(flag->value_range, std::string(migration_key))
        .help("raise inter.broker.protocol.version to this release (a rolling restart) before enabling the migration");
  }
  check_jbod(kafka, ibp, ibp_version, out);
  check_controller_protocol(ctx, node, out);
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
