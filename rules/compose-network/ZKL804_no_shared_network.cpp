// ZKL804 no-shared-network: a broker names a service that is on none of its networks.
#include <string>

#include "support/compose_network.hpp"
#include "support/kraft_compose_example.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(NoSharedNetwork)

namespace zklint::rules {

const RuleMeta& NoSharedNetwork::meta() const {
  static const RuleMeta m{
      .code = "ZKL804",
      .name = "no-shared-network",
      .severity = Severity::error,
      .applies_to = FileKinds::deployment(),
      .summary = "A ZooKeeper host, voter or bootstrap server names a service that shares no network with the container",
      .doc = R"md(
A container reaches another by name only over a network they are both attached to: a service
with `networks:` is on those networks only (without it, on the project's `default`
network), and Docker's embedded DNS on each network answers only for the containers attached
to it (docs.docker.com/compose/how-tos/networking, "Specify custom networks"). A service with
`network_mode: host` (or `service:...`) is on none of the project's networks, so its name
resolves nowhere. A broker that names such a service in `zookeeper.connect`,
`controller.quorum.voters` or `controller.quorum.bootstrap.servers` gets
`UnknownHostException` for it.

It is an error when the container is left with no ZooKeeper host, voter or bootstrap server
that works (the broker stops, or never gets the cluster metadata), and a warning when others
remain. Attach both services to a common network. zklint stays silent when the file uses an
external or fixed-name network, `extra_hosts` or `external_links`: a container from outside
the file may answer to the name there.
)md",
      .bad = {{.text = "services:\n" ZKLINT_KRAFT_CONTROLLER_SERVICE("    networks: [backend]\n") ZKLINT_KRAFT_BROKER_SERVICE("    networks: [frontend]\n", "1@controller:9093") "networks:\n  backend:\n  frontend:\n",
               .file_name = "compose.yaml"}},
      .good = {{.text = "services:\n" ZKLINT_KRAFT_CONTROLLER_SERVICE("    networks: [backend]\n") ZKLINT_KRAFT_BROKER_SERVICE("    networks: [frontend, backend]\n", "1@controller:9093") "networks:\n  backend:\n  frontend:\n",
                .file_name = "compose.yaml"}},
  };
  return m;
}

namespace {

std::string networks_text(const ComposeService& s) {
  if (s.host_network) return "network_mode: host";
  if (!s.joins.empty()) return "network_mode: service:" + s.joins;
  if (!s.project_dns) return "outside the project's networks";
  if (s.networks.empty()) return "default";
  std::string out;
  for (const std::string& n : s.networks) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

void NoSharedNetwork::check(const LintContext& ctx, Reporter& out) const {
  const auto& reach = ctx.model<support::ComposeReach>();
  for (const support::ReachingContainer& c : reach.containers()) {
    for (const support::ReachPath& path : c.paths) {
      if (path.verdict != support::Reach::no_network) continue;
      const bool none_left = c.none_left(path.use);
      const ComposeService& from = *c.member.service;
      auto d = out.report_value_part(*path.entry, path.host_begin, path.host_end,
                                     "service '" + from.name + "': " + path.describe() + " names the '" + path.target->name +
                                         "' service, which shares no network with this container ('" + from.name + "': " + networks_text(from) + "; '" +
                                         path.target->name + "': " + networks_text(*path.target) +
                                         "), so the name does not resolve here (UnknownHostException)" +
                                         (none_left ? ": the container reaches none of its " + std::string(path.use == support::ReachPath::Use::zookeeper ? "ZooKeeper hosts" : "controllers") +
                                                          " and cannot work"
                                                    : path.use == support::ReachPath::Use::zookeeper ? ": the ZooKeeper client fails over to the other hosts"
                                                                                                       : ": this node never reaches that controller"));
      if (!none_left) d.severity(Severity::warning);
      d.help("attach both services to a common network (`networks:`)");
    }
  }
}

}  // namespace zklint::rules
