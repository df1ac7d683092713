// ZKL607 zookeeper-session-failed: no ZooKeeper session could be opened through zookeeper.connect.
#include "support/live_view.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(LiveZookeeperSessionFailed)

namespace zklint::rules {

const RuleMeta& LiveZookeeperSessionFailed::meta() const {
  static const RuleMeta m{
      .code = "ZKL607",
      .name = "zookeeper-session-failed",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "Servers of zookeeper.connect accept connections, but no ZooKeeper session could be opened through them",
      .doc = R"md(
Runs only under `zklint probe`, which opens a ZooKeeper session the way the broker does (the
real ZooKeeper C client, the broker's `zookeeper.session.timeout.ms`) through the servers of
`zookeeper.connect` that accepted a TCP connection.

When even that fails within `--timeout`, the broker's own session fails too, and it stops
with `kafka.zookeeper.ZooKeeperClientTimeoutException: Timed out waiting for connection
while in state: CONNECTING`. Causes: the servers have no quorum, they require SASL or TLS
that the broker config does not set up (the probe speaks plain TCP without authentication,
as a broker without `zookeeper.ssl.client.enable` and JAAS does), or the port belongs to
another service.
)md",
      .bad = {{.text = "broker.id=1\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlog.dirs=/var/lib/kafka/data\n",
               .observed = R"json({"endpoints": [{"host": "zk1", "port": 2181, "reach": "open", "address": "10.0.0.11", "connect_ms": 0.3}],
 "session": {"established": false, "error": "no session within 3 s (connection loss)", "requested_ms": 18000}})json"}},
      .good = {{.text = "broker.id=1\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlog.dirs=/var/lib/kafka/data\n",
                .observed = R"json({"endpoints": [{"host": "zk1", "port": 2181, "reach": "open", "address": "10.0.0.11", "connect_ms": 0.3}],
 "session": {"established": true, "server": "10.0.0.11:2181", "requested_ms": 18000, "granted_ms": 18000, "chroot": "/kafka", "chroot_exists": true}})json"}},
      .enabled_by_default = false,
  };
  return m;
}

void LiveZookeeperSessionFailed::check(const LintContext& ctx, Reporter& out) const {
  const auto& view = ctx.model<support::LiveView>();
  const auto& session = view.targets().session;
  if (!view.probed() || !session || !view.observed().session || view.observed().session->established) return;
  out.report_value(*session->connect, "no ZooKeeper session could be opened through zookeeper.connect: " + view.observed().session->error +
                                          "; the broker would stop with ZooKeeperClientTimeoutException")
      .help("check the servers' logs: a missing quorum, or SASL/TLS the broker config does not set up");
}

}  // namespace zklint::rules
