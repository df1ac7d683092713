// What `zklint probe` connects to for one config, and where the config names each endpoint:
//
//   const auto& targets = ctx.model<support::LiveTargets>();
//   for (const auto& t : targets.remote) ...   // zookeeper.connect hosts, KRaft voters, listeners
//   for (const auto& p : targets.local) ...    // --local: the ports this node binds
//
// The prober (lint/src/probe/) probes exactly these, and the rules of rules/live/ read the
// observations back through the same list, so a finding lands on the text that named the endpoint.
// Only endpoints the software itself would use are listed: elements of zookeeper.connect the
// client accepts (support::classify_hosts), readable voter and bootstrap addresses, and advertised
// listeners with a concrete host (an empty or wildcard host is ZKL212's subject, not a network fact).
// Data only: nothing here reports. Templated values give no endpoints.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zklint/lint/context.hpp"

namespace zklint::support {

enum class TargetRole : std::uint8_t {
  zookeeper_server,     ///< an element of zookeeper.connect
  quorum_voter,         ///< an address of controller.quorum.voters
  quorum_bootstrap,     ///< an address of controller.quorum.bootstrap.servers
  advertised_listener,  ///< an advertised listener (what clients and other brokers connect to)
};
/// "ZooKeeper server", "controller quorum voter", ... for messages.
std::string_view to_string(TargetRole role);

/// An endpoint the config names, with the decoded value offsets [begin, end) of its host:port text.
struct RemoteTarget {
  TargetRole role = TargetRole::zookeeper_server;
  const Entry* entry = nullptr;
  std::uint32_t begin = 0, end = 0;
  std::string host;  ///< "" means the loopback address (as Java resolves an empty name)
  std::int64_t port = 0;
};

/// A port this node binds at startup (--local).
struct LocalTarget {
  std::string what;  ///< "listener PLAINTEXT", "clientPort", "election port of server.2", ...
  const Entry* entry = nullptr;  ///< null for a default (the admin server's 8080)
  std::uint32_t begin = 0, end = 0;
  std::string host;  ///< "" for every interface
  std::int64_t port = 0;
};

/// The broker's ZooKeeper session as Kafka opens it: the servers, chroot, timeout and broker.id.
struct SessionTarget {
  const Entry* connect = nullptr;
  std::string chroot;
  std::optional<std::int64_t> session_timeout_ms;
  const Entry* session_timeout_entry = nullptr;  ///< null when the version default applies
  std::optional<std::int64_t> broker_id;          ///< broker.id when set to a fixed id (>= 0)
  const Entry* broker_id_entry = nullptr;
};

class LiveTargets {
 public:
  explicit LiveTargets(const LintContext& ctx);

  std::vector<RemoteTarget> remote;
  std::vector<LocalTarget> local;
  /// Set for a ZooKeeper-mode broker with at least one usable zookeeper.connect element.
  std::optional<SessionTarget> session;

  /// The targets of one role, in file order.
  std::vector<const RemoteTarget*> of_role(TargetRole role) const;

 private:
  void add_zookeeper(const LintContext& ctx);
  void add_kraft(const LintContext& ctx);
  void add_local_kafka(const LintContext& ctx);
  void add_local_zookeeper(const LintContext& ctx);
};

}  // namespace zklint::support
