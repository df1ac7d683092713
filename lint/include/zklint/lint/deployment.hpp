// Kafka and ZooKeeper nodes defined by deployment files (docker-compose services): what the
// container gets, where each setting is written, and what the image's start-up scripts do with it.
// The adapters (lint/src/deploy/) build these; rules read them through FileProfile::deployed and
// FileProfile::compose.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "zklint/lint/diagnostic.hpp"
#include "zklint/lint/file_kind.hpp"
#include "zklint/source.hpp"

namespace zklint {

/// The images whose start-up scripts zklint knows, each turning environment variables into a
/// server.properties or zoo.cfg its own way.
enum class ImageFamily : std::uint8_t {
  apache_kafka,         ///< apache/kafka, apache/kafka-native
  confluent_kafka,      ///< confluentinc/cp-kafka, confluentinc/cp-server
  confluent_zookeeper,  ///< confluentinc/cp-zookeeper
  bitnami_kafka,        ///< bitnami/kafka
  bitnami_zookeeper,    ///< bitnami/zookeeper
  zookeeper,            ///< the official `zookeeper` image
  wurstmeister_kafka,   ///< wurstmeister/kafka
  unknown_kafka,        ///< another image that is given KAFKA_* variables: read as apache/kafka does
  strimzi,              ///< not an image: a Strimzi Kafka or KafkaNodePool resource, configured by the cluster operator
};

/// Where one setting of a node comes from, for `zklint dump` and messages.
struct SettingOrigin {
  std::string variable;  ///< the environment variable, or empty for an image default
  std::string how;       ///< "environment", "env_file kafka.env", "image default", "derived from KAFKA_ADVERTISED_LISTENERS"
};

/// Something the image's start-up script does with the environment that a user must hear about.
struct ContainerFinding {
  enum class Kind : std::uint8_t {
    exits_at_start,    ///< a required variable is missing or a forbidden one is set: the container exits
    ignored_variable,  ///< the image never reads this variable
    assumed_mapping,   ///< an unknown image read as apache/kafka does
  };
  Kind kind;
  std::string message;
  Range range;
};

/// A port a service publishes on the host (`ports: "29092:9092"`).
struct PublishedPort {
  std::string host_port;  ///< empty when the host side is chosen by Docker
  std::uint32_t container_port = 0;
  Range range;
};

/// One Kafka or ZooKeeper container of a deployment file.
struct DeployedNode {
  std::string service;           ///< the compose service name, or the Strimzi resource ("kafkanodepool/brokers")
  std::string image;             ///< as written (after interpolation)
  ImageFamily family = ImageFamily::unknown_kafka;
  FileKind kind = FileKind::kafka;
  Range service_range;           ///< the service's name in the file
  Range image_range;             ///< the image value (or the service name without one)
  std::optional<std::string> kafka_version;  ///< from the image tag ("3.8"), when it says
  std::optional<std::int64_t> server_id;     ///< a ZooKeeper container's myid, as its image writes it
  std::vector<SettingOrigin> origins;        ///< per Document entry index
  std::vector<ContainerFinding> findings;
  /// The container paths where the service mounts a volume or a host directory (compose
  /// `volumes:`), or nullopt when zklint cannot tell (no compose service, `volumes_from`, a
  /// target in an unset variable).
  std::optional<std::vector<std::string>> volume_targets;
};

/// A service of a compose file, as the networking checks see it (every service, Kafka or not).
struct ComposeService {
  std::string name;
  Range name_range;
  /// The names the other containers resolve it by: the service name, container_name, hostname,
  /// network aliases and link aliases.
  std::vector<std::string> host_names;
  std::vector<std::string> networks;    ///< empty: the default network
  bool host_network = false;            ///< network_mode: host
  std::string joins;                    ///< network_mode: service:NAME or container:NAME (another container's namespace)
  /// A network namespace of its own, where localhost is the container (not network_mode host,
  /// service:, container:, nor a mode an unset variable leaves unknown).
  bool own_namespace = true;
  /// On the project's networks, where Docker's embedded DNS answers for the names above (an own
  /// namespace, and not network_mode bridge or none).
  bool project_dns = true;
  std::vector<PublishedPort> ports;
  std::vector<std::string> depends_on;
  std::optional<std::size_t> node;      ///< index into ComposeModel::nodes when it is Kafka or ZooKeeper
};

/// A finding about the deployment file itself (its YAML, or the compose file as a whole).
struct FileFinding {
  enum class Kind : std::uint8_t {
    invalid_yaml,
    no_kafka_services,
    startup_replaced,  ///< a Kafka or ZooKeeper service whose command bypasses the image's scripts
    operator_owned_key,         ///< a Strimzi config key the operator drops (it sets it itself, or forbids it)
    config_value_type,          ///< a Strimzi config value that is not a scalar: the resource fails to reconcile
    unsupported_kafka_version,  ///< a Strimzi spec.kafka.version outside what zklint knows: not checked
    invalid_env_file,           ///< a line `docker run --env-file` refuses, so the container never starts
    chart_overridden_key,       ///< Helm values text the Bitnami chart ignores or overwrites: the setting has no effect
    even_controller_quorum,     ///< Strimzi node pools giving the KRaft quorum 2 or an even number of controllers
  };
  Kind kind;
  std::string message;
  Range range;
};

/// What a deployment file defines: the services of a docker-compose file, or the Kafka clusters of
/// Strimzi resources (one node per KafkaNodePool, or per Kafka and its ZooKeeper ensemble), of
/// Confluent for Kubernetes resources, or of Helm values of the Bitnami kafka chart.
struct ComposeModel {
  std::vector<ComposeService> services;
  std::vector<DeployedNode> nodes;
  std::vector<FileFinding> findings;
  /// Some host names may resolve from outside the file (an external or fixed-name network,
  /// extra_hosts, external_links), or a name is an unset variable.
  bool names_from_outside = false;
};

std::string_view to_string(ImageFamily family);

}  // namespace zklint
