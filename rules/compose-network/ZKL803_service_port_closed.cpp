// ZKL803 service-port-closed: a broker names a service of the compose file at a port that service's
// container does not listen on.
#include <optional>
#include <string>

#include "support/cluster_nodes.hpp"
#include "support/compose_network.hpp"
#include "support/kraft_compose_example.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(ServicePortClosed)

namespace zklint::rules {

const RuleMeta& ServicePortClosed::meta() const {
  static const RuleMeta m{
      .code = "ZKL803",
      .name = "service-port-closed",
      .severity = Severity::error,
      .applies_to = FileKinds::deployment(),
      .summary = "A voter or bootstrap server names a Kafka service at a port its container does not open, or zookeeper.connect names a Kafka service",
      .doc = R"md(
Containers reach each other on the project network at the *container* port: `ports:`
publishes a port on the Docker host, for clients outside Docker, and changes nothing between
containers: "networked service-to-service communication uses the `CONTAINER_PORT`"
(docs.docker.com/compose/how-tos/networking). When `controller.quorum.voters`,
`controller.quorum.bootstrap.servers` or `zookeeper.connect` names a Kafka service of the
file, zklint knows from that service's listeners which ports its container opens; any other
port gets `Connection refused`.

- A voter or bootstrap server at a closed port is a controller this node never reaches. It
  is an error when the node then reaches no controller at all (a broker never gets the
  cluster metadata), and a warning when others remain.
- A `zookeeper.connect` host that is a Kafka service runs no ZooKeeper: an error when it is
  the only host (the broker stops after `zookeeper.connection.timeout.ms`), else a warning.

The usual cause is the published port used from inside Docker (`kafka1:29093` where
`ports: ["29093:9093"]`). A port that a ZooKeeper service does not open is
`zookeeper-connect-port-mismatch` (ZKL501); a voter at a port other than the controller
listener of the node with that id, when both list the same voters, is
`voter-controller-port` (ZKL506). Services zklint cannot read (other images, replaced
start-up commands, templated listeners) are not judged.
)md",
      .bad = {{.text = "services:\n" ZKLINT_KRAFT_CONTROLLER_SERVICE("    ports: [\"29093:9093\"]\n") ZKLINT_KRAFT_BROKER_SERVICE("", "1@controller:29093"),
               .file_name = "compose.yaml"}},
      .good = {{.text = "services:\n" ZKLINT_KRAFT_CONTROLLER_SERVICE("    ports: [\"29093:9093\"]\n") ZKLINT_KRAFT_BROKER_SERVICE("", "1@controller:9093"),
                .file_name = "compose.yaml"}},
  };
  return m;
}

namespace {

std::string ports_text(const support::Node& node) {
  std::string out;
  for (const support::NodePort& p : node.ports) out += (out.empty() ? "" : ", ") + std::to_string(p.port) + " (" + p.purpose + ")";
  return out;
}

// voter-controller-port (ZKL506) already reports a voter whose id's controller lists the same
// voters and does not listen on its port.
bool reported_by_zkl506(const support::ClusterNodes& nodes, const LintContext& from, const support::ReachPath& path) {
  const support::Node* me = nodes.find(from);
  if (me == nullptr || path.use != support::ReachPath::Use::voter) return false;
  for (const support::VoterLink& link : nodes.voter_links(*me)) {
    if (link.voter != nullptr && link.voter->id == path.voter_id && !link.reachable) return true;
  }
  return false;
}

void report_closed_port(const support::ComposeReach& reach, const support::ReachingContainer& c, const support::ReachPath& path, Reporter& out) {
  const auto& nodes = c.member.ctx->cluster()->model<support::ClusterNodes>();
  if (reported_by_zkl506(nodes, *c.member.ctx, path)) return;
  const ComposeService& target = *path.target;
  const support::Node* node = nodes.find(*reach.member_of(target)->ctx);
  if (node == nullptr) return;
  const bool none_left = c.none_left(path.use);
  const auto container_port = support::published_as(target, path.port);
  std::string message = "service '" + c.member.service->name + "': " + path.describe() + " names port " + std::to_string(path.port) + " of '" + target.name +
                        "', whose container listens on " + ports_text(*node);
  if (container_port) {
    message += "; " + std::to_string(path.port) + " is the port it publishes on the Docker host, and containers reach it on its container port " +
               std::to_string(*container_port);
  }
  message += none_left ? ": this node reaches no controller and never gets the cluster metadata" : ": this node never reaches it at this address";
  auto d = out.report_value_part(*path.entry, path.port_begin, path.port_end, std::move(message));
  if (!none_left) d.severity(Severity::warning);
  if (container_port) d.suggest(std::to_string(*container_port));
}

void report_not_zookeeper(const support::ReachingContainer& c, const support::ReachPath& path, Reporter& out) {
  const bool none_left = c.none_left(path.use);
  std::string message = "service '" + c.member.service->name + "': " + path.describe() + " is the '" + path.target->name + "' service, which runs Kafka, not ZooKeeper";
  message += none_left ? ": the broker gets no ZooKeeper session and stops after zookeeper.connection.timeout.ms (ZooKeeperClientTimeoutException)"
                       : ": the ZooKeeper client fails over to the other hosts";
  auto d = out.report_value_part(*path.entry, path.host_begin, path.host_end, std::move(message));
  if (!none_left) d.severity(Severity::warning);
}

}  // namespace

void ServicePortClosed::check(const LintContext& ctx, Reporter& out) const {
  const auto& reach = ctx.model<support::ComposeReach>();
  for (const support::ReachingContainer& c : reach.containers()) {
    for (const support::ReachPath& path : c.paths) {
      if (path.verdict == support::Reach::closed_port) report_closed_port(reach, c, path, out);
      if (path.verdict == support::Reach::not_zookeeper) report_not_zookeeper(c, path, out);
    }
  }
}

}  // namespace zklint::rules
