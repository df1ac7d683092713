// ZKL801 container-localhost: inside a container, localhost is that container, not the ZooKeeper
// or controller beside it.
#include <algorithm>
#include <optional>
#include <string>

#include "support/compose_network.hpp"
#include "support/kraft_compose_example.hpp"
#include "support/kafka_model.hpp"
#include "support/kraft_node.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(ContainerLocalhost)

namespace zklint::rules {

const RuleMeta& ContainerLocalhost::meta() const {
  static const RuleMeta m{
      .code = "ZKL801",
      .name = "container-localhost",
      .severity = Severity::error,
      .applies_to = FileKinds::deployment(),
      .summary = "A broker's zookeeper.connect, a voter of another node or a broker's bootstrap server is localhost inside a container: that is the container itself",
      .doc = R"md(
Each compose service runs in a network namespace of its own: inside the Kafka container,
`localhost`, `127.0.0.1` and `::1` are the Kafka container, not the ZooKeeper container
beside it and not the machine that runs Docker (each container reaches the others by their
service names: docs.docker.com/compose/how-tos/networking). `KAFKA_ZOOKEEPER_CONNECT=localhost:2181`
therefore reaches nothing: the ZooKeeper client gets `Connection refused` until
`zookeeper.connection.timeout.ms`, and the broker stops with
`ZooKeeperClientTimeoutException` (kafka.zookeeper.ZooKeeperClient). The kafka-docker project counted Kafka
networking in Docker as "a large percentage" of its issues; this is its most common form.

The same holds for KRaft: a voter `2@localhost:9093` in node 1's container is node 1, and
a broker's `controller.quorum.bootstrap.servers` at localhost is the broker, which runs no
controller.

It is an error when the container is left with no ZooKeeper host, voter or bootstrap server
that works (the broker cannot start, or never gets the cluster metadata), and a warning when
others remain: the client fails over to them, with one server fewer. Name the service
instead (`zookeeper:2181`, `2@kafka2:9093`). Containers that share a network namespace
(`network_mode: host`, `service:...`, `container:...`, or another service joining this one)
are not reported, and neither is a loopback ZooKeeper host on the broker's own listener port
(`zookeeper-connect-own-port` reports that).
)md",
      .bad = {{.text = "services:\n" ZKLINT_KRAFT_CONTROLLER_SERVICE("") ZKLINT_KRAFT_BROKER_SERVICE("", "1@localhost:9093"),
               .file_name = "compose.yaml"}},
      .good = {{.text = "services:\n" ZKLINT_KRAFT_CONTROLLER_SERVICE("") ZKLINT_KRAFT_BROKER_SERVICE("", "1@controller:9093"),
                .file_name = "compose.yaml"}},
  };
  return m;
}

namespace {

// The service to name instead: the only ZooKeeper service, or the service that runs voter N.
std::string suggestion(const support::ComposeReach& reach, const support::ReachPath& path) {
  const support::ComposeMember* found = nullptr;
  for (const support::ComposeMember& m : reach.members()) {
    const bool fits = path.use == support::ReachPath::Use::zookeeper
                          ? m.node->kind == FileKind::zookeeper
                          : path.voter_id && m.node->kind == FileKind::kafka && m.ctx->model<support::KraftNode>().node_id().value == *path.voter_id;
    if (!fits) continue;
    if (found != nullptr) return {};
    found = &m;
  }
  if (found == nullptr) return {};
  const std::string address = found->service->name + ":" + std::to_string(path.port);
  return path.voter_id ? std::to_string(*path.voter_id) + "@" + address : address;
}

// zookeeper-connect-own-port (ZKL224) reports a loopback ZooKeeper host on the broker's own listener port.
bool own_listener(const support::ReachPath& path, const LintContext& ctx) {
  if (path.use != support::ReachPath::Use::zookeeper) return false;
  const auto& listeners = ctx.model<support::KafkaModel>().listeners().listeners;
  return std::any_of(listeners.begin(), listeners.end(), [&](const support::Listener& l) { return l.endpoint.ok() && l.endpoint.port == path.port; });
}

std::string consequence(const support::ReachPath& path, bool none_left) {
  using Use = support::ReachPath::Use;
  if (path.use == Use::zookeeper) {
    return none_left ? "where no ZooKeeper runs: the broker gets 'Connection refused' and stops after zookeeper.connection.timeout.ms (ZooKeeperClientTimeoutException)"
                     : "where no ZooKeeper runs: the ZooKeeper client fails over to the other hosts, so the broker has one ZooKeeper server fewer";
  }
  const std::string who = path.use == Use::voter ? "node " + std::to_string(*path.voter_id) : "a controller";
  return none_left ? "not " + who + ": this node reaches no controller, so it never gets the cluster metadata"
                   : "not " + who + ": this node cannot reach it, and cannot follow it while it leads the quorum";
}

}  // namespace

void ContainerLocalhost::check(const LintContext& ctx, Reporter& out) const {
  const auto& reach = ctx.model<support::ComposeReach>();
  for (const support::ReachingContainer& c : reach.containers()) {
    for (const support::ReachPath& path : c.paths) {
      if (path.verdict != support::Reach::loopback || own_listener(path, *c.member.ctx)) continue;
      const bool none_left = c.none_left(path.use);
      const std::string& service = c.member.service->name;
      auto d = out.report_value_part(*path.entry, path.begin, path.end,
                                     "service '" + service + "': " + path.describe() + " is, inside the container, the '" + service + "' container itself, " +
                                         consequence(path, none_left));
      if (!none_left) d.severity(Severity::warning);
      if (const std::string instead = suggestion(reach, path); !instead.empty()) d.suggest(instead);
      d.help("name the service instead (its service name, container_name, hostname or a network alias)");
    }
  }
}

}  // namespace zklint::rules
