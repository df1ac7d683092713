// ZKL604 zookeeper-not-serving: a ZooKeeper server accepts connections but serves no requests.
#include "support/live_view.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(LiveZookeeperNotServing)

namespace zklint::rules {

const RuleMeta& LiveZookeeperNotServing::meta() const {
  static const RuleMeta m{
      .code = "ZKL604",
      .name = "zookeeper-not-serving",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "A zookeeper.connect server is up but not serving requests: it is not part of a working quorum",
      .doc = R"md(
Runs only under `zklint probe`, which sends `srvr` to every ZooKeeper server of
`zookeeper.connect` (the one four-letter word every ZooKeeper 3.5+ answers by default).

A member of an ensemble answers `This ZooKeeper instance is not currently serving requests`
while it has no quorum: it is still electing a leader, cannot reach a majority of the other
members (`server.N` lines, election ports, firewalls), or is syncing. Clients that connect
to it are disconnected at once, which the broker logs as session or connection loss.

An error when no server of `zookeeper.connect` serves (the broker cannot start); a warning
when others do.
)md",
      .bad = {{.text = "broker.id=1\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlog.dirs=/var/lib/kafka/data\n",
               .observed = R"json({"endpoints": [{"host": "zk1", "port": 2181, "reach": "open", "address": "10.0.0.11", "connect_ms": 0.3,
  "zookeeper": {"srvr": true, "serving": false, "answered": ["srvr", "ruok"]}}]})json"}},
      .good = {{.text = "broker.id=1\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlog.dirs=/var/lib/kafka/data\n",
                .observed = R"json({"endpoints": [{"host": "zk1", "port": 2181, "reach": "open", "address": "10.0.0.11", "connect_ms": 0.3,
  "zookeeper": {"srvr": true, "serving": true, "mode": "standalone", "version": "3.8.4", "zxid": "0x100000002", "outstanding": 0, "answered": ["srvr", "ruok"], "imok": true}}]})json"}},
      .enabled_by_default = false,
  };
  return m;
}

void LiveZookeeperNotServing::check(const LintContext& ctx, Reporter& out) const {
  const auto& view = ctx.model<support::LiveView>();
  for (const auto& [target, seen] : view.remote()) {
    if (target->role != support::TargetRole::zookeeper_server || seen->reach != Reach::open || !seen->zookeeper) continue;
    const ZooKeeperStatus& z = *seen->zookeeper;
    const std::string endpoint = support::endpoint_text(target->host, target->port);
    if (!z.srvr_answered && std::find(z.blocked.begin(), z.blocked.end(), "srvr") == z.blocked.end()) {
      support::report_at(out, *target, "ZooKeeper server " + endpoint + " accepted the connection but did not answer srvr: it may not be a ZooKeeper server" + view.consequence(*target))
          .severity(view.unusable_severity(*target))
          .help("check that the port is the server's clientPort, not another service's");
    } else if (z.srvr_answered && !z.serving) {
      support::report_at(out, *target, "ZooKeeper server " + endpoint + " is up but not serving requests: it has no quorum" + view.consequence(*target))
          .severity(view.unusable_severity(*target))
          .help("check the server's log and that the members reach each other on their quorum and election ports");
    }
  }
}

}  // namespace zklint::rules
