// The Kafka release facts: every change between release lines that a verdict of zklint depends on,
// each with the upstream source that shows it, in one table. Rules ask by name:
//
//     if (kafka_fact::zookeeper_mode_removed.holds_in(version)) ...
//
// and never compare versions themselves. The engine relies on this: when the version of a file is
// a guess (a range of releases), it runs each rule once per class of releases that answer alike
// every fact and catalog lookup that rule made (a ReleaseLog, zklint/lint/release_questions.hpp, notes them), so a
// threshold written anywhere else would be invisible to it. The catalog (kafka_catalog.hpp) holds what each
// release defines per key; this table holds what the catalog cannot say.
#pragma once

#include "release_facts.hpp"

namespace zklint::kafka_fact {

/// A behaviour that holds from one release line on (and, for a few, up to a last one).
using ReleaseFact = ReleaseFactOf<KafkaVersion>;

}  // namespace zklint::kafka_fact

template <>
bool zklint::ReleaseFactOf<zklint::KafkaVersion>::holds_in(KafkaVersion v) const;  // kafka_releases.cpp

namespace zklint::kafka_fact {

inline constexpr std::array<ReleaseFact, 34> release_facts = {{
    // ZooKeeper mode and KRaft.
    {"zookeeper_mode_removed", {4, 0}, {99, 99},
     "KIP-833; KRaftConfigs.java @4.0: process.roles is defined with NO_DEFAULT_VALUE, and no zookeeper.* key is defined"},
    {"node_id_has_no_default", {4, 0}, {99, 99},
     "KRaftConfigs.java @4.0: node.id is defined with NO_DEFAULT_VALUE and atLeast(0); KafkaConfig.scala @3.9: default -1"},
    {"kraft_production_ready", {3, 3}, {99, 99},
     "KIP-833; docs/upgrade.html @3.3: KRaft mode is production ready (2.8-3.2: early access, not for production)"},
    {"kraft_internal_keys_undocumented", {2, 8}, {2, 8},
     "KafkaConfig.scala @2.8 ~L1080-1087, ~L1314-1320: the KRaft keys are defineInternal, so the 2.8 docs table lacks them"},
    {"kraft_minimum_metadata_version", {3, 0}, {99, 99},
     "MetadataVersion.java @3.3 MINIMUM_KRAFT_VERSION = IBP_3_0_IV1 (KRaft needs inter.broker.protocol.version 3.0-IV1 or later)"},
    {"kraft_config_checks", {3, 0}, {99, 99},
     "KafkaConfig.scala @3.0 validateValues: process.roles checked against controller.quorum.voters (RaftConfig.parseVoterConnections)"},
    {"kraft_role_checks", {3, 1}, {99, 99},
     "KafkaConfig.scala @3.1 validateValues: \"... when running the KRaft controller role\", \"... with just the broker role\" (absent @3.0)"},
    {"kraft_default_controller_protocol_map", {3, 1}, {99, 99},
     "KafkaConfig.scala @3.1 effectiveListenerSecurityProtocolMap: controller listener names map to PLAINTEXT in KRaft (absent @3.0)"},
    {"node_id_must_equal_broker_id", {3, 1}, {99, 99},
     "KafkaConfig.scala @3.1 validateValues: \"You must set node.id to the same value as broker.id\""},
    {"controller_listener_names_checked_in_zookeeper_mode", {3, 1}, {99, 99},
     "KafkaConfig.scala @3.1 validateValues (ZooKeeper mode with controller.listener.names)"},
    {"early_start_listeners", {3, 3}, {99, 99}, "KIP-827; KafkaConfig.scala @3.3 defines early.start.listeners"},
    {"zookeeper_migration_minimum_ibp", {3, 4}, {99, 99},
     "KIP-866; KafkaConfig.scala @3.4 validateValues: \"Cannot enable ZooKeeper migration without setting "
     "'inter.broker.protocol.version' to 3.4 or higher\""},
    {"quorum_addresses_strict", {3, 8}, {99, 99},
     "QuorumConfig.java @3.8.0 parseVoterConnections (validHostPattern; requireRoutableAddresses from KafkaRaftServer) / "
     "Utils.java @3.8.0 HOST_PORT_PATTERN: voters must be [scheme://]host:port, 0.0.0.0 is refused (RaftConfig.java @3.7 accepted both)"},
    {"quorum_bootstrap_servers", {3, 9}, {99, 99}, "KIP-853; QuorumConfig.java @3.9 QUORUM_BOOTSTRAP_SERVERS_CONFIG"},
    {"advertised_listeners_checked_for_brokers_only", {3, 9}, {99, 99},
     "KafkaConfig.scala @3.9 effectiveAdvertisedBrokerListeners (validateValues checks broker listeners only)"},
    {"controller_listener_advertised_from_listeners", {3, 9}, {3, 9},
     "KAFKA-18281; KafkaConfig.scala @3.9 effectiveAdvertisedControllerListeners (fixed in 4.0)"},
    {"simple_acl_authorizer_removed", {3, 0}, {99, 99},
     "KIP-504; core/src/main/scala/kafka/security/auth/SimpleAclAuthorizer.scala is absent from the 3.0.0 tree"},
    {"acl_authorizer_removed", {4, 0}, {99, 99},
     "KIP-500; core/src/main/scala/kafka/security/authorizer/AclAuthorizer.scala is absent from the 4.0.0 tree"},
    {"consumer_rebalance_protocol_needs_kraft", {3, 8}, {99, 99},
     "KafkaConfig.scala @3.8.0 refuses 'consumer' in group.coordinator.rebalance.protocols without process.roles (@3.7.0 warned)"},
    {"message_format_ignorable", {3, 0}, {99, 99},
     "LogConfig.shouldIgnoreMessageFormatVersion @3.0.0: with IBP 3.0-IV1 or later the message format is ignored"},
    {"zookeeper_migration_jbod_refused", {3, 6}, {3, 6},
     "KafkaConfig.scala @3.6.0: \"Cannot enable ZooKeeper migration when multiple log directories (aka JBOD) are in use\""},
    {"zookeeper_migration_jbod_needs_ibp_3_7", {3, 7}, {3, 9},
     "KafkaConfig.scala @3.7.0 to @3.9.0: JBOD migration only below IBP 3.7-IV2 (MetadataVersion.isDirectoryAssignmentSupported)"},
    {"controller_advertised_listeners_refused", {3, 3}, {3, 8},
     "KafkaConfig.scala @3.3.2 to @3.8: \"The advertised.listeners config must be empty when process.roles=controller\" "
     "(absent @3.3.1 and @3.9.0, KIP-853)"},
    {"controller_advertised_listeners_refused_in_every_patch", {3, 4}, {3, 8},
     "KafkaConfig.scala @3.4.0 to @3.8 (3.3 refuses it only from 3.3.2)"},
    {"protocol_map_case_twins_fatal", {4, 1}, {99, 99},
     "AbstractKafkaConfig.effectiveListenerSecurityProtocolMap @4.1: Collectors.toMap throws on a second upper-cased name "
     "(KafkaConfig.scala @4.0 kept one silently)"},
    {"classic_group_coordinator_removed", {4, 0}, {99, 99},
     "KIP-848; CoordinatorPartitionWriter.scala @4.0: the new group coordinator, the only one from 4.0, appends offsets with acks=1"},
    {"config_providers_read", {2, 3}, {99, 99},
     "KIP-421; AbstractConfig.java @2.3.0 resolveConfigVariables reads config.providers (the broker's ConfigDef lists it from 4.2)"},
    // List values.
    {"controller_listener_names_trimmed", {4, 1}, {99, 99},
     "AbstractKafkaConfig.java @4.1 controllerListenerNames: Csv.parseCsvList (trims items, drops empty ones); "
     "KafkaConfig.scala @4.0: value.split(\",\")"},
    {"list_values_validated", {4, 2}, {99, 99},
     "KIP-1161; ConfigDef.java @4.2 ValidList: empty items and empty lists of the listed keys are rejected"},
    {"duplicate_list_items_deduplicated", {4, 2}, {99, 99},
     "KAFKA-19875; ConfigDef.java @4.2 parseValue: repeated list items are dropped with a WARN before validation"},
    // Values checked by KafkaConfig before ConfigDef validators took over.
    {"config_def_validates_compression_and_protocol", {3, 3}, {99, 99},
     "KafkaConfig.scala @3.3: compression.type and security.inter.broker.protocol get in(...) validators, case-sensitive; "
     "@3.2 only BrokerCompressionCodec.isValid / SecurityProtocol.forName checked them, in any case"},
    {"zstd_compression", {2, 1}, {99, 99}, "KIP-110; CompressionCodec.scala @2.1 ZStdCompressionCodec"},
    {"connection_override_hosts_checked", {2, 1}, {99, 99},
     "KafkaConfig.scala @2.1 validateValues: max.connections.per.ip.overrides hosts must match Utils.validHostPattern "
     "(\"contains invalid addresses\"; absent @2.0)"},
    {"zookeeper_client_3_5", {2, 4}, {99, 99}, "KAFKA-8634; gradle/dependencies.gradle @2.4: zookeeper 3.5.6 (@2.3: 3.4.14)"},
}};

/// The ZooKeeper client each Kafka release line ships (gradle/dependencies.gradle at each tag), newest patch.
std::string_view bundled_zookeeper_client(KafkaVersion kafka);

/// The fact named `name`; a misspelt name does not compile.
consteval const ReleaseFact& release_fact(std::string_view name) { return fact_named(release_facts, name); }

// The facts by name.
inline constexpr const ReleaseFact& zookeeper_mode_removed = release_fact("zookeeper_mode_removed");
inline constexpr const ReleaseFact& node_id_has_no_default = release_fact("node_id_has_no_default");
inline constexpr const ReleaseFact& kraft_production_ready = release_fact("kraft_production_ready");
inline constexpr const ReleaseFact& kraft_internal_keys_undocumented = release_fact("kraft_internal_keys_undocumented");
inline constexpr const ReleaseFact& kraft_minimum_metadata_version = release_fact("kraft_minimum_metadata_version");
inline constexpr const ReleaseFact& kraft_config_checks = release_fact("kraft_config_checks");
inline constexpr const ReleaseFact& kraft_role_checks = release_fact("kraft_role_checks");
inline constexpr const ReleaseFact& kraft_default_controller_protocol_map = release_fact("kraft_default_controller_protocol_map");
inline constexpr const ReleaseFact& node_id_must_equal_broker_id = release_fact("node_id_must_equal_broker_id");
inline constexpr const ReleaseFact& controller_listener_names_checked_in_zookeeper_mode =
    release_fact("controller_listener_names_checked_in_zookeeper_mode");
inline constexpr const ReleaseFact& early_start_listeners = release_fact("early_start_listeners");
inline constexpr const ReleaseFact& zookeeper_migration_minimum_ibp = release_fact("zookeeper_migration_minimum_ibp");
inline constexpr const ReleaseFact& quorum_addresses_strict = release_fact("quorum_addresses_strict");
inline constexpr const ReleaseFact& quorum_bootstrap_servers = release_fact("quorum_bootstrap_servers");
inline constexpr const ReleaseFact& advertised_listeners_checked_for_brokers_only =
    release_fact("advertised_listeners_checked_for_brokers_only");
inline constexpr const ReleaseFact& controller_listener_advertised_from_listeners =
    release_fact("controller_listener_advertised_from_listeners");
inline constexpr const ReleaseFact& controller_listener_names_trimmed = release_fact("controller_listener_names_trimmed");
inline constexpr const ReleaseFact& list_values_validated = release_fact("list_values_validated");
inline constexpr const ReleaseFact& duplicate_list_items_deduplicated = release_fact("duplicate_list_items_deduplicated");
inline constexpr const ReleaseFact& config_def_validates_compression_and_protocol =
    release_fact("config_def_validates_compression_and_protocol");
inline constexpr const ReleaseFact& zstd_compression = release_fact("zstd_compression");
inline constexpr const ReleaseFact& connection_override_hosts_checked = release_fact("connection_override_hosts_checked");
inline constexpr const ReleaseFact& zookeeper_client_3_5 = release_fact("zookeeper_client_3_5");
inline constexpr const ReleaseFact& simple_acl_authorizer_removed = release_fact("simple_acl_authorizer_removed");
inline constexpr const ReleaseFact& acl_authorizer_removed = release_fact("acl_authorizer_removed");
inline constexpr const ReleaseFact& consumer_rebalance_protocol_needs_kraft = release_fact("consumer_rebalance_protocol_needs_kraft");
inline constexpr const ReleaseFact& message_format_ignorable = release_fact("message_format_ignorable");
inline constexpr const ReleaseFact& zookeeper_migration_jbod_refused = release_fact("zookeeper_migration_jbod_refused");
inline constexpr const ReleaseFact& zookeeper_migration_jbod_needs_ibp_3_7 = release_fact("zookeeper_migration_jbod_needs_ibp_3_7");
inline constexpr const ReleaseFact& controller_advertised_listeners_refused = release_fact("controller_advertised_listeners_refused");
inline constexpr const ReleaseFact& controller_advertised_listeners_refused_in_every_patch =
    release_fact("controller_advertised_listeners_refused_in_every_patch");
inline constexpr const ReleaseFact& protocol_map_case_twins_fatal = release_fact("protocol_map_case_twins_fatal");
inline constexpr const ReleaseFact& classic_group_coordinator_removed = release_fact("classic_group_coordinator_removed");
inline constexpr const ReleaseFact& config_providers_read = release_fact("config_providers_read");

}  // namespace zklint::kafka_fact
