// ZKL606 session-timeout-negotiated: the ZooKeeper server granted another session timeout.
#include "support/live_view.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(LiveSessionTimeoutNegotiated)

namespace zklint::rules {

const RuleMeta& LiveSessionTimeoutNegotiated::meta() const {
  static const RuleMeta m{
      .code = "ZKL606",
      .name = "session-timeout-negotiated",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "The ZooKeeper server grants the broker another session timeout than zookeeper.session.timeout.ms asks for",
      .doc = R"md(
Runs only under `zklint probe`, which opens a ZooKeeper session with the real ZooKeeper C
client, asking for the broker's `zookeeper.session.timeout.ms`, and reads the timeout the
server granted.

A ZooKeeper server clamps every requested session timeout into
`[minSessionTimeout, maxSessionTimeout]`, by default 2 and 20 times its `tickTime`
(`ZooKeeperServer.processConnectRequest` @3.8). The broker accepts the granted value
silently, so `zookeeper.session.timeout.ms=60000` against a server with `tickTime=2000`
runs with 40000: a broker paused longer than that (GC, a stalled disk) loses its session and
its partitions' leadership sooner than the operator planned. The static check
(session-timeout-clamped, ZKL502) sees this when the server's config is at hand; this rule
sees what the running server actually does.

Ask for a timeout inside the server's bounds, or raise the server's `maxSessionTimeout` (or
`tickTime`).
)md",
      .bad = {{.text = "broker.id=1\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nzookeeper.session.timeout.ms=60000\nlog.dirs=/var/lib/kafka/data\n",
               .observed = R"json({"endpoints": [{"host": "zk1", "port": 2181, "reach": "open", "address": "10.0.0.11", "connect_ms": 0.3,
  "zookeeper": {"srvr": true, "serving": true, "mode": "standalone", "version": "3.8.4", "zxid": "0x100000002", "outstanding": 0, "answered": ["srvr", "ruok"], "imok": true}}],
 "session": {"established": true, "server": "10.0.0.11:2181", "requested_ms": 60000, "granted_ms": 40000, "chroot": "/kafka", "chroot_exists": true}})json"}},
      .good = {{.text = "broker.id=1\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nzookeeper.session.timeout.ms=18000\nlog.dirs=/var/lib/kafka/data\n",
                .observed = R"json({"endpoints": [{"host": "zk1", "port": 2181, "reach": "open", "address": "10.0.0.11", "connect_ms": 0.3,
  "zookeeper": {"srvr": true, "serving": true, "mode": "standalone", "version": "3.8.4", "zxid": "0x100000002", "outstanding": 0, "answered": ["srvr", "ruok"], "imok": true}}],
 "session": {"established": true, "server": "10.0.0.11:2181", "requested_ms": 18000, "granted_ms": 18000, "chroot": "/kafka", "chroot_exists": true}})json"}},
      .enabled_by_default = false,
  };
  return m;
}

void LiveSessionTimeoutNegotiated::check(const LintContext& ctx, Reporter& out) const {
  const auto& view = ctx.model<support::LiveView>();
  const auto& session = view.targets().session;
  if (!view.probed() || !session || !view.observed().session) return;
  const SessionObservation& s = *view.observed().session;
  if (!s.established || s.granted_ms == s.requested_ms) return;
  const std::string message = "the ZooKeeper server " + s.server + " granted a session timeout of " + std::to_string(s.granted_ms) + " ms, not the " +
                              std::to_string(s.requested_ms) + " ms zookeeper.session.timeout.ms asks for (it clamps to its " +
                              (s.granted_ms < s.requested_ms ? "maxSessionTimeout" : "minSessionTimeout") + ")";
  auto report = session->session_timeout_entry != nullptr ? out.report_value(*session->session_timeout_entry, message)
                                                          : out.report_value(*session->connect, message + "; the timeout is Kafka's default");
  report.help("ask for at most " + std::to_string(s.granted_ms) + " ms, or raise the server's " +
              (s.granted_ms < s.requested_ms ? "maxSessionTimeout (default 20 x tickTime)" : "minSessionTimeout (default 2 x tickTime)"));
}

}  // namespace zklint::rules
