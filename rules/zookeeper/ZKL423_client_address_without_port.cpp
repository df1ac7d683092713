// ZKL423 client-address-without-port: clientPortAddress without clientPort (or the secure pair).
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"
#include "zookeeper_releases.hpp"

ZKL_RULE(ClientAddressWithoutPort)

namespace zklint::rules {

const RuleMeta& ClientAddressWithoutPort::meta() const {
  static const RuleMeta m{
      .code = "ZKL423",
      .name = "client-address-without-port",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "clientPortAddress (or secureClientPortAddress) is set without its port",
      .doc = R"md(
`clientPortAddress` chooses the interface of the client port; it means nothing without
`clientPort` (0 counts as not set), and ZooKeeper refuses to start:
`IllegalArgumentException: clientPortAddress is set but clientPort is not set`. The same
holds for `secureClientPortAddress` and `secureClientPort`.

ZooKeeper 3.9 takes an explicit port 0 as a port for the system to pick (ZOOKEEPER-4303,
`QuorumPeerConfig.java` @release-3.9.0), so there an address with `clientPort=0` starts (and
no-client-port says what is wrong with it); 3.5-3.8 refuse it.

Add the port, or remove the address line.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPortAddress=127.0.0.1\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPortAddress=127.0.0.1\nclientPort=2181\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\n"}},
  };
  return m;
}

void ClientAddressWithoutPort::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  const std::pair<const Entry*, const support::ZkNumber*> pairs[] = {{zk.client_port_address, &zk.client_port},
                                                                     {zk.secure_client_port_address, &zk.secure_client_port}};
  for (const auto& [address, port] : pairs) {
    if (address == nullptr || !port->value || *port->value != 0) continue;
    if (zk.template_structure && !port->is_set()) continue;  // the port may come from template code
    if (port->is_set() && zookeeper_fact::explicit_client_port_zero_picks_a_port.holds_in(ctx.zookeeper_version())) continue;
    const std::string name(address->key);
    auto d = out.report_key(*address, name + " is set but " + std::string(port->key) + " is not" + (port->is_set() ? " (0 means not set)" : "") +
                                          ": ZooKeeper " + (port->is_set() ? ctx.zookeeper_version_text() + " " : std::string()) + "refuses to start (" + name + " is set but " + std::string(port->key) + " is not set)");
    d.help("add " + std::string(port->key) + "=" + (port == &zk.client_port ? "2181" : "2281") + ", or remove " + name);
    if (port->is_set()) d.related(port->entry->value_range, std::string(port->key) + " is 0 here");
  }
}

}  // namespace zklint::rules
