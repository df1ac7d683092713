// ZKL425 no-client-port: a server that opens no port for clients.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"
#include "zookeeper_releases.hpp"

ZKL_RULE(NoClientPort)

namespace zklint::rules {

const RuleMeta& NoClientPort::meta() const {
  static const RuleMeta m{
      .code = "ZKL425",
      .name = "no-client-port",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "No clientPort, secureClientPort or ';clientPort' suffix: the server opens no port for clients",
      .doc = R"md(
Since 3.5 `clientPort` is optional, and `clientPort=0` means "not set" in 3.5-3.8. A
server without it (and without `secureClientPort`, or, in a quorum, without a
`;clientPort` suffix on its `server.N` line) starts, logs `clientPort is not set`, and
accepts no client connections: Kafka brokers and every other client get `Connection
refused`. ZooKeeper 3.4 refused to start without it.

ZooKeeper 3.9 reads an explicit `clientPort=0` differently (ZOOKEEPER-4303,
`QuorumPeerConfig.java` @release-3.9.0): it binds a port the system picks, anew at each
start, so the server does take connections, but no client configured with a port finds it.
That is reported too, in those words, for 3.9.

Set `clientPort=2181` (or give every `server.N` line a `;2181` suffix).
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"},
              {.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=0\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n",
               .zookeeper_version = "3.9"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
  };
  return m;
}

void NoClientPort::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  if (zk.mode == support::ZkMode::unknown || zk.dynamic_file || !zk.client_port.value || !zk.secure_client_port.value) return;
  if (*zk.client_port.value != 0 || *zk.secure_client_port.value != 0 || zk.own_client_server != nullptr) return;
  // An explicit 0 on 3.9 binds a port the system picks (asked only then: nothing else differs).
  const bool picked = zk.client_port.is_set() && zookeeper_fact::explicit_client_port_zero_picks_a_port.holds_in(ctx.zookeeper_version());
  if (zk.client_port_address != nullptr && !picked) return;  // client-address-without-port reports it
  const std::string unset = picked ? "clientPort=0 makes ZooKeeper " + ctx.zookeeper_version_text() + " bind a port the system picks at each start"
                        : zk.client_port.is_set() ? "clientPort=0 means not set"
                                                  : "clientPort is not set";
  const std::string nobody = picked ? "no client knows which port to connect to" : "every connection is refused";
  if (zk.mode == support::ZkMode::standalone) {
    const std::string message = unset + " and there is no secureClientPort: " +
                                (picked ? "so " + nobody : "ZooKeeper starts but opens no port for clients, so " + nobody);
    if (zk.client_port.is_set()) support::report_trimmed_value(out, *zk.client_port.entry, message).help("use clientPort=2181");
    else out.report_file(message).help("add clientPort=2181");
    return;
  }
  for (const support::ZkServer* s : zk.members()) {
    if (s->templated || (s->spec.client && s->spec.client->port)) continue;
    out.report_key(*s->entry, unset + ", and " + std::string(s->entry->key) + " has no ';clientPort' suffix: " +
                                  (picked ? "so for that member " + nobody : "that member opens no port for clients, so every connection to it is refused"))
        .help("add clientPort=2181, or a ';2181' suffix to every server line");
  }
}

}  // namespace zklint::rules
