// ZKL421 port-out-of-range: a port outside 0-65535.
#include "support/zookeeper_reporting.hpp"
#include "zookeeper_releases.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(PortOutOfRange)

namespace zklint::rules {

const RuleMeta& PortOutOfRange::meta() const {
  static const RuleMeta m{
      .code = "ZKL421",
      .name = "port-out-of-range",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "A port is outside 0-65535",
      .doc = R"md(
Ports are 16-bit numbers. Java's `InetSocketAddress` rejects anything outside 0-65535:

- `clientPort`, `secureClientPort`, and the ports of `server.N` lines are checked while
  the config is read: ZooKeeper refuses to start with `IllegalArgumentException: port out
  of range:70000`.
- `admin.serverPort` is only used when the admin server starts: a standalone server then
  exits (`Unable to start AdminServer, exiting abnormally`); a quorum member logs `Problem
  starting AdminServer` and runs without it (a warning).
- `observerMasterPort` (ZooKeeper 3.6+) is read without a check and used when a quorum member
  starts: `QuorumPeer.updateObserverMasterList` makes an address of it for every voter
  (@release-3.6.0 to @release-3.9.5), so above 65535 the server stops before it runs (`port out
  of range:70000`, exit 2, confirmed with ZooKeeper 3.8.0). Zero or less turns it off, and a
  standalone server never uses it. ZooKeeper 3.5 does not read the key at all
  (`QuorumPeerConfig.java` @release-3.5.10), so it is not reported there.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=-1\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                       "admin.serverPort=80800\n"},
              {.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                       "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\n"
                       "server.3=zk3:2888:3888\nobserverMasterPort=99999\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                        "admin.serverPort=8081\n"},
               {.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\n"
                        "server.3=zk3:2888:3888\nobserverMasterPort=2191\n"}},
  };
  return m;
}

void PortOutOfRange::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  for (const support::ZkNumber* port : {&zk.client_port, &zk.secure_client_port}) {
    if (!port->is_set() || !port->value || (*port->value >= 0 && *port->value <= 65535)) continue;
    support::report_trimmed_value(out, *port->entry, std::string(port->key) + " " + std::to_string(*port->value) +
                                                         " is outside 0-65535: ZooKeeper refuses to start (port out of range)");
  }
  for (const support::ZkServer& s : zk.servers) {
    if (s.templated || s.inline_comment) continue;
    for (const auto& p : s.spec.problems) {
      if (p.kind != grammar::quorum_server::ProblemKind::port_out_of_range) continue;
      out.report_value_part(*s.entry, p.at.begin, p.at.end,
                            std::string(s.entry->key) + ": the port " + std::string(p.at.of(s.entry->value)) +
                                " is outside 0-65535: ZooKeeper refuses to start (port out of range)");
    }
  }
  // A standalone server never reads observerMasterPort, and 0 or less turns it off.
  const support::ZkNumber& om = zk.observer_master_port;
  if (zk.mode == support::ZkMode::quorum && om.is_set() && om.value && *om.value > 65535 &&
      zookeeper_fact::observer_master_port.holds_in(ctx.zookeeper_version())) {
    support::report_trimmed_value(out, *om.entry, "observerMasterPort " + std::to_string(*om.value) + " is outside 0-65535: ZooKeeper " +
                                                      ctx.zookeeper_version_text() + " refuses to start in a quorum (port out of range)");
  }
  if (zk.admin_port_entry != nullptr && zk.admin_enabled && zk.admin_known && (zk.admin_port < 0 || zk.admin_port > 65535)) {
    const bool standalone = zk.mode == support::ZkMode::standalone;
    support::report_trimmed_value(out, *zk.admin_port_entry,
                                  "admin.serverPort " + std::to_string(zk.admin_port) + " is outside 0-65535: " +
                                      (standalone ? "the admin server cannot start and a standalone ZooKeeper exits (Unable to start AdminServer)"
                                                  : "the admin server cannot start (ZooKeeper logs 'Problem starting AdminServer' and runs without it)"))
        .severity(standalone ? Severity::error : Severity::warning);
  }
}

}  // namespace zklint::rules
