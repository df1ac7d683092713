// ZKL115 zk-session-timeout-outside-limits: a session timeout a default ZooKeeper server changes.
#include "support/zookeeper_connect.hpp"
#include "support/zookeeper_pairing.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(ZkSessionTimeoutOutsideLimits)

namespace zklint::rules {

namespace {
// ZooKeeper's defaults: tickTime 3000, minSessionTimeout 2 x tickTime, maxSessionTimeout 20 x tickTime.
constexpr std::int64_t default_min_session = 2 * 3000;
constexpr std::int64_t default_max_session = 20 * 3000;
}  // namespace

const RuleMeta& ZkSessionTimeoutOutsideLimits::meta() const {
  static const RuleMeta m{
      .code = "ZKL115",
      .name = "zk-session-timeout-outside-limits",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "zookeeper.session.timeout.ms is outside what a ZooKeeper server with default settings grants (6000-60000)",
      .doc = R"md(
The broker only *asks* for `zookeeper.session.timeout.ms`. The ZooKeeper server clamps
the request to `[minSessionTimeout, maxSessionTimeout]`, which default to 2 and 20 times
its `tickTime`; with ZooKeeper's default `tickTime` of 3000 that is 6000 to 60000 ms.
The clamping is silent: the broker starts and simply runs with another timeout.

- Below 6000 the session becomes 6000 anyway. Values this small usually come from a
  misunderstanding of the unit (seconds instead of milliseconds); very small values (a
  few ms) also leave the client no time to open a connection at all, so it never connects.
- Above 60000 the session is capped at 60000: a broker that relies on, say, 120000 to
  ride out long GC pauses gets its session expired after 60 s
  (`KeeperErrorCode = Session expired` in the broker log).

When zklint is given the paired ZooKeeper config (same directory, `--zookeeper-config`,
or `pairs` in `.zklint.json`), this rule is silent and the cross-file check compares the
value with that server's real `tickTime` and session limits instead.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nzookeeper.session.timeout.ms=3000\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nzookeeper.session.timeout.ms=30000\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void ZkSessionTimeoutOutsideLimits::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZooKeeperClientSettings>();
  const auto& session = zk.session_timeout();
  if (!zk.uses_zookeeper || session.entry == nullptr || !session.ms || *session.ms <= 0) return;
  // With the real server config at hand, the cross-file check uses its actual limits.
  if (!support::cluster_zookeepers(ctx).empty()) return;
  const std::int64_t ms = *session.ms;
  if (ms < default_min_session) {
    out.report_value(*session.entry, "zookeeper.session.timeout.ms=" + std::to_string(ms) + " is below ZooKeeper's default minimum session timeout " +
                                         std::to_string(default_min_session) + " (2 x the default tickTime 3000): the server silently raises it to " +
                                         std::to_string(default_min_session))
        .help("use at least 6000, or lower tickTime/minSessionTimeout on the ZooKeeper servers");
  } else if (ms > default_max_session) {
    out.report_value(*session.entry, "zookeeper.session.timeout.ms=" + std::to_string(ms) + " is above ZooKeeper's default maximum session timeout " +
                                         std::to_string(default_max_session) + " (20 x the default tickTime 3000): the server silently caps it at " +
                                         std::to_string(default_max_session))
        .help("use at most 60000, or raise maxSessionTimeout on the ZooKeeper servers");
  }
}

}  // namespace zklint::rules
