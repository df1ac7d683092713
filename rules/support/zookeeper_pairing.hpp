// What a Kafka broker's ZooKeeper settings mean for the ZooKeeper server config it is paired with
// (same directory, --zookeeper-config, or `pairs` in .zklint.json): which server of that config a
// zookeeper.connect host names, and which client ports that server listens on. The cross-file
// rules (rules/cross-file/) use it from the Kafka side.
//
// A host of zookeeper.connect is judged against the paired server only when it names it:
//   - a host that a server.N line of the pair names (`zk1` and `server.1=zk1:2888:3888`);
//   - a loopback or wildcard host (`localhost`, `127.0.0.1`, `0.0.0.0`, ``): the ZooKeeper server
//     runs on the broker's machine, and the pair is the config it runs with.
// Any other host belongs to an ensemble zklint was not shown: it is never a mismatch.
#pragma once

#include <optional>
#include <vector>

#include "support/zookeeper_connect.hpp"
#include "support/zookeeper_model.hpp"
#include "zklint/lint/context.hpp"

namespace zklint::support {

/// The paired ZooKeeper config of a Kafka file, or null.
const LintContext* paired_zookeeper(const LintContext& ctx);

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

}  // namespace zklint::support
