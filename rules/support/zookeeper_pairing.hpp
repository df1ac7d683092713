// What a Kafka broker's ZooKeeper settings mean for the ZooKeeper server configs of its cluster
// (same directory, --zookeeper-config, or `pairs` in .zklint.json): which server of such a config a
// zookeeper.connect host names, and which client ports that server listens on. The cross-file
// rules (rules/cross-file/) use it from the Kafka side.
//
// A host of zookeeper.connect is judged against a ZooKeeper config only when it names it:
//   - a host that a server.N line of the pair names (`zk1` and `server.1=zk1:2888:3888`);
//   - a loopback or wildcard host (`localhost`, `127.0.0.1`, `0.0.0.0`, ``): the ZooKeeper server
//     runs on the broker's machine, and one of the cluster's ZooKeeper configs is what it runs with.
// Any other host belongs to an ensemble zklint was not shown: it is never a mismatch.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "support/zookeeper_connect.hpp"
#include "support/zookeeper_model.hpp"
#include "zklint/lint/context.hpp"

namespace zklint::support {

/// The ZooKeeper server configs of the file's cluster, other than the file itself, in path order.
std::vector<const LintContext*> cluster_zookeepers(const LintContext& ctx);

/// How messages name a member of the cluster: its path as reported (and its service, for a
/// container of a deployment file).
std::string node_name(const LintContext& ctx);

struct PairedHost {
  /// The server.N line the host names; null when the host is this machine (loopback/wildcard).
  const ZkServer* member = nullptr;
  /// The client listeners (plain and TLS) of the named server that a client on this host can
  /// reach at this address. Empty: ZooKeeper opens no such port.
  std::vector<ZkBinding> client_ports;
};

/// How the paired config answers for one host of zookeeper.connect; nullopt when the host is
/// not one of its servers, or when the pair's client ports are unknown (templates).
std::optional<PairedHost> judge_host(const ZookeeperModel& zk, const ZooKeeperServer& host);

/// True when some host of zookeeper.connect is this machine and the pair answers for it: the
/// ZooKeeper server of the pair runs on the broker's host.
bool colocated(const ZookeeperModel& zk, const ZooKeeperClientSettings& client);

/// judge_host for a member of the cluster. A container of a deployment file (a docker-compose
/// service) has a config of its own: it answers only for its own host names (service name,
/// container_name, network aliases), with its own client ports, and a loopback host inside the
/// broker's container is never it.
std::optional<PairedHost> judge_member(const LintContext& zk, const ZooKeeperServer& host);

/// colocated() for a member of the cluster: never for a container of a deployment file.
bool colocated_member(const LintContext& zk, const ZooKeeperClientSettings& client);

}  // namespace zklint::support
