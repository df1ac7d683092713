// The networking view of a docker-compose file for the compose-network rules (rules/compose-network/):
//
//   const auto& reach = ctx.model<support::ComposeReach>();   // ctx: the deployment file
//   for (const auto& from : reach.containers())
//     for (const auto& path : from.paths) if (path.verdict == support::Reach::loopback) ...
//
// Each Kafka container whose settings zklint reads has paths: the host:port pairs it must reach at
// start (its zookeeper.connect hosts, the voters other than itself, a broker's bootstrap servers),
// each judged against the compose networking: service names, container_name, hostname and aliases
// are the host names on the project network, localhost is the container itself, containers reach
// each other on container ports (never on published ones). Data only: nothing here reports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zklint/lint/context.hpp"

namespace zklint::support {

/// A Kafka or ZooKeeper container of the deployment file being linted.
struct ComposeMember {
  const LintContext* ctx = nullptr;    ///< its settings
  const DeployedNode* node = nullptr;
  const ComposeService* service = nullptr;
};

/// The containers of the deployment file `file` (a context of kind deployment), in file order.
std::vector<ComposeMember> compose_members(const LintContext& file);

/// The service that answers to `host` on the project network (one of its host_names, or the
/// default container name compose gives it, `PROJECT-SERVICE-N` or `PROJECT_SERVICE_N`), or null.
const ComposeService* service_named(const ComposeModel& model, std::string_view host);

/// The container port behind `port` when `service` publishes `port` on the Docker host
/// (`ports: "29093:9093"`): containers reach the service on the container port, never on this one.
std::optional<std::uint32_t> published_as(const ComposeService& service, std::int64_t port);

/// The compose service whose container `member` is (a Kafka or ZooKeeper node of a compose file), or null.
const ComposeService* service_of(const LintContext& member);

/// True when `localhost` inside the container is the container alone: it has a network namespace
/// of its own (not network_mode host, service:... or container:...) that no other service joins.
bool alone_on_loopback(const ComposeModel& model, const ComposeService& service);

/// A name Docker's embedded DNS would have to resolve: one label, not an IP address, not localhost.
bool project_host_name(std::string_view host);

/// What a container finds at one host:port it must reach.
enum class Reach : std::uint8_t {
  unknown,        ///< a service that may answer, or nothing zklint can tell
  loopback,       ///< localhost: the container itself, which does not serve this (container-localhost)
  no_service,     ///< a single-label name no service answers to, in a file that runs such services (host-not-a-service)
  closed_port,    ///< a Kafka service whose container opens no such port (service-port-closed)
  not_zookeeper,  ///< zookeeper.connect names a Kafka service (service-port-closed)
  no_network,     ///< a service on none of this container's networks (no-shared-network)
};

/// One host:port a Kafka container must reach. Offsets are decoded offsets in `entry`'s value.
struct ReachPath {
  enum class Use : std::uint8_t { zookeeper, voter, bootstrap };
  Use use = Use::zookeeper;
  std::string_view host;  ///< "" is the loopback address (zookeeper.connect `:2181`)
  std::int64_t port = 0;
  std::optional<std::int32_t> voter_id;
  const Entry* entry = nullptr;
  std::uint32_t begin = 0, end = 0;            ///< the whole element (`2@kafka2:9093`, `zk:2181`)
  std::uint32_t host_begin = 0, host_end = 0;
  std::uint32_t port_begin = 0, port_end = 0;  ///< empty when ZooKeeper's default 2181 applies
  const ComposeService* target = nullptr;      ///< the service the host names, if any
  Reach verdict = Reach::unknown;

  /// "zookeeper.connect host localhost:2181", "voter 2@kafka2:9093", "bootstrap server kafka2:9093".
  std::string describe() const;
};

struct ReachingContainer {
  ComposeMember member;
  std::vector<ReachPath> paths;
  /// Every path of `use` fails (none is `unknown`): the container reaches none of its ZooKeeper
  /// hosts, voters or bootstrap servers, and cannot work; otherwise it fails over to the others.
  bool none_left(ReachPath::Use use) const;
};

class ComposeReach {
 public:
  explicit ComposeReach(const LintContext& file);
  const ComposeModel* model() const { return model_; }
  const std::vector<ComposeMember>& members() const { return members_; }
  /// The Kafka containers zklint can judge: a known image whose scripts run, with settings read.
  const std::vector<ReachingContainer>& containers() const { return containers_; }
  /// The member that runs `service`, or null.
  const ComposeMember* member_of(const ComposeService& service) const;

 private:
  /// The file runs a ZooKeeper (for zookeeper.connect) or a controller (for voters and bootstrap
  /// servers) itself. Otherwise they run elsewhere (another -f file of the project, another
  /// project), and a name zklint does not know is no evidence of a mistake.
  bool serves_here(ReachPath::Use use) const;

  const ComposeModel* model_ = nullptr;
  std::vector<ComposeMember> members_;
  std::vector<ReachingContainer> containers_;
};

}  // namespace zklint::support
