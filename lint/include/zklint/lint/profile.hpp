// The profile stage: between parsing and rules, decide what a file is (Kafka, ZooKeeper, unknown,
// foreign), which Kafka and ZooKeeper versions to assume, and which entries are template syntax.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "zklint/document.hpp"
#include "zklint/lint/context.hpp"

namespace zklint {

struct ProfileSettings {
  std::optional<FileKind> kind;  ///< forced by --kind or the config file
  std::string kind_origin;
  std::optional<KafkaVersion> kafka_version;  ///< forced by --kafka-version or the config file
  std::string kafka_version_origin;
  std::optional<ZooKeeperVersion> zookeeper_version;  ///< forced by --zookeeper-version or the config file
  std::string zookeeper_version_origin;
  /// For a Document of settings from another syntax (Document::derived): which entries hold
  /// template syntax, as its adapter knows (the raw YAML around them says nothing).
  std::vector<std::uint8_t> derived_template_flags;
};

FileProfile make_profile(const Document& doc, const ProfileSettings& settings);

/// Why zklint cannot judge a file as Kafka `v` (a line outside the catalog, such as 1.1, 2.9 or
/// 5.0), or nullopt when it can. Such a version is refused, never replaced by a near one.
std::optional<std::string> unsupported_kafka_version(KafkaVersion v);

/// Catalog lines as runs: {2.8, 3.0, 3.1, 4.1} -> "2.8–3.1, 4.1" (2.8 and 3.0 are neighbours).
std::string describe_kafka_versions(std::span<const KafkaVersion> versions);

/// Why zklint cannot judge a file as ZooKeeper `v` (3.4, 4.0: a line outside 3.5-3.9), or nullopt
/// when it can. Such a version is refused, never replaced by a near one.
std::optional<std::string> unsupported_zookeeper_version(ZooKeeperVersion v);

/// ZooKeeper lines as runs: {3.5, 3.6, 3.7} -> "3.5–3.7".
std::string describe_zookeeper_versions(std::span<const ZooKeeperVersion> versions);

/// The file name with template suffixes (.j2, .erb, .tmpl, ...) removed: "server.properties.j2" -> "server.properties".
std::string config_base_name(std::string_view path);

/// True for a file or folder name of what Kafka and Confluent ship beside the broker configs:
/// clients, Connect, MirrorMaker, log4j, Trogdor, ksqlDB, Schema Registry, REST Proxy
/// (`kafka-rest.properties`, `etc/kafka-connect-jdbc/`). A `kafka-`, `kafka_` or `confluent-`
/// prefix does not hide it.
bool is_non_broker_name(std::string_view name);

/// A `.cfg` file named like a ZooKeeper config: `*zoo*.cfg`, `zk*.cfg`, or any `.cfg` in a folder
/// whose name contains "zookeeper" (`examples/zookeeper/broken.cfg`).
bool is_zookeeper_cfg_name(std::string_view path);

/// A lower-case `.properties` base name that alone makes a directory walk lint the file
/// (server-1.properties, zookeeper.properties; not kafka.properties, see profile.cpp).
bool names_node_properties(std::string_view lower_name);

/// What the file name alone says: kafka, zookeeper, or unknown.
FileKind kind_from_name(std::string_view path);

}  // namespace zklint
