// ZKL402 short-session-timeout: session limits so low that ordinary pauses expire sessions.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(ShortSessionTimeout)

namespace zklint::rules {
namespace {
// 2 x tickTime with the tickTime of ZooKeeper's own sample config (2000): the shortest session a
// stock server grants. Below it, a GC pause or a network hiccup of a few seconds expires sessions.
constexpr std::int64_t shortest_sane_session = 4000;
}  // namespace

const RuleMeta& ShortSessionTimeout::meta() const {
  static const RuleMeta m{
      .code = "ZKL402",
      .name = "short-session-timeout",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "maxSessionTimeout (set, or 20 x tickTime) is below 4000 ms: ordinary pauses expire sessions",
      .doc = R"md(
Whatever timeout a client asks for, ZooKeeper grants at most `maxSessionTimeout`
(default 20 × `tickTime`). A client that stays silent for longer, because of a
stop-the-world GC pause, a slow disk or a short network problem, loses its session: its
ephemeral nodes disappear and its watches are gone. For a Kafka broker that means it
drops out of the cluster (`KeeperErrorCode = Session expired`), the controller moves
partitions away, and the broker has to re-register. ZooKeeper starts normally with such
limits; the trouble comes later, under load.

This rule warns when the largest session the server grants is below 4000 ms (2 ticks of
ZooKeeper's sample `tickTime=2000`), usually because of a tiny `tickTime` or
`maxSessionTimeout`.

Kafka brokers ask for 18000 ms by default (`zookeeper.session.timeout.ms`, Kafka 2.5+).
)md",
      .bad = {{.text = "tickTime=100\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
  };
  return m;
}

void ShortSessionTimeout::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  if (!zk.min_session_timeout || !zk.max_session_timeout || *zk.tick_time.value <= 0) return;
  if (*zk.min_session_timeout > *zk.max_session_timeout) return;  // session-timeout-bounds: ZooKeeper does not start
  const std::int64_t max = *zk.max_session_timeout;
  if (max < shortest_sane_session) {
    const bool explicit_max = *zk.max_session_raw.value != -1;
    const Entry* where = explicit_max ? zk.max_session_raw.entry : zk.tick_time.entry;
    const std::string why = explicit_max ? "maxSessionTimeout is " + std::to_string(max)
                                         : "maxSessionTimeout defaults to 20 x tickTime = " + std::to_string(max);
    const std::string message = why + " ms: every session expires after at most " + std::to_string(max) +
                                " ms of silence, so a GC pause or a short network problem expires client sessions (Kafka brokers drop out of the cluster)";
    if (where != nullptr) support::report_trimmed_value(out, *where, message).help("keep maxSessionTimeout at 4000 ms or more; Kafka brokers ask for 18000 by default");
    else out.report_file(message);
  }
}

}  // namespace zklint::rules
