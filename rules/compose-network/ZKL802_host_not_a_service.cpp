// ZKL802 host-not-a-service: a broker names a host that no service of the compose file answers to.
#include <algorithm>
#include <string>
#include <vector>

#include "support/compose_network.hpp"
#include "support/kraft_compose_example.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(HostNotAService)

namespace zklint::rules {

const RuleMeta& HostNotAService::meta() const {
  static const RuleMeta m{
      .code = "ZKL802",
      .name = "host-not-a-service",
      .severity = Severity::warning,
      .applies_to = FileKinds::deployment(),
      .summary = "A ZooKeeper host, voter or bootstrap server is a single-label name that no service of the compose file answers to",
      .doc = R"md(
On a compose project's network, Docker's embedded DNS answers for each container's service
name, `container_name`, `hostname`, network `aliases` and link aliases, and for its default
container name (`PROJECT-SERVICE-1`): Compose gives the container those names as aliases
(docker/compose `pkg/compose/create.go` getAliases @v2.29.0) and the engine adds the container
name and hostname (moby `daemon/container_operations.go` @v28.5.2). A single-label host that is
none of these does not resolve inside the broker's container. A typo (`zookeper`) or a name
from another compose file is the usual cause.

A broker whose every ZooKeeper host fails to resolve stops after
`zookeeper.connection.timeout.ms`; an unresolvable voter or bootstrap server is a controller
it never reaches. It is a warning, not an error, because the name may come from outside the file: a container of
another project on a shared network, or another `-f` file of the same project. zklint reports
a ZooKeeper host only in a file that runs a ZooKeeper service, and a voter or bootstrap server
only in one that runs a controller; it stays silent when the file uses an external or
fixed-name network, `extra_hosts` or `external_links`, for a service outside the project's networks (`network_mode: host`,
`bridge`, `none`, `service:...`), and for hosts with a dot or an IP address.
)md",
      .bad = {{.text = "services:\n" ZKLINT_KRAFT_CONTROLLER_SERVICE("") ZKLINT_KRAFT_BROKER_SERVICE("", "1@controler:9093"),
               .file_name = "compose.yaml"}},
      .good = {{.text = "services:\n" ZKLINT_KRAFT_CONTROLLER_SERVICE("") ZKLINT_KRAFT_BROKER_SERVICE("", "1@controller:9093"),
                .file_name = "compose.yaml"}},
  };
  return m;
}

namespace {

std::string service_list(const ComposeModel& model) {
  std::string out;
  for (const ComposeService& s : model.services) out += (out.empty() ? "" : ", ") + s.name;
  return out;
}

std::vector<std::string_view> all_names(const ComposeModel& model) {
  std::vector<std::string_view> out;
  for (const ComposeService& s : model.services) out.insert(out.end(), s.host_names.begin(), s.host_names.end());
  return out;
}

std::string consequence(const support::ReachPath& path, bool none_left) {
  using Use = support::ReachPath::Use;
  if (path.use == Use::zookeeper) {
    return none_left ? "the broker reaches no ZooKeeper and stops after zookeeper.connection.timeout.ms (ZooKeeperClientTimeoutException)"
                     : "the ZooKeeper client skips it for the other hosts";
  }
  return none_left ? "this node reaches no controller and never gets the cluster metadata" : "this node never reaches that controller";
}

}  // namespace

void HostNotAService::check(const LintContext& ctx, Reporter& out) const {
  const auto& reach = ctx.model<support::ComposeReach>();
  if (reach.model() == nullptr) return;
  const auto names = all_names(*reach.model());
  for (const support::ReachingContainer& c : reach.containers()) {
    for (const support::ReachPath& path : c.paths) {
      if (path.verdict != support::Reach::no_service) continue;
      auto d = out.report_value_part(*path.entry, path.host_begin, path.host_end,
                                     "service '" + c.member.service->name + "': " + path.describe() + " names '" + std::string(path.host) +
                                         "', which no service of this file answers to, so it does not resolve on the project network (UnknownHostException): " +
                                         consequence(path, c.none_left(path.use)));
      if (const auto near = closest_match(path.host, names)) d.suggest(std::string(*near));
      d.help("name a service (its service name, container_name, hostname or a network alias); the services are " + service_list(*reach.model()));
    }
  }
}

}  // namespace zklint::rules
