// ZKL403 invalid-tick-time: tickTime is zero or negative.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(InvalidTickTime)

namespace zklint::rules {

const RuleMeta& InvalidTickTime::meta() const {
  static const RuleMeta m{
      .code = "ZKL403",
      .name = "invalid-tick-time",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "tickTime is zero or negative",
      .doc = R"md(
`tickTime` is ZooKeeper's basic time unit in milliseconds: heartbeats, the session limits
(2 and 20 ticks by default) and `initLimit`/`syncLimit` are counted in ticks. A missing
`tickTime` is fine (the default is 3000).

- `tickTime=0`: ZooKeeper refuses to start with `IllegalArgumentException: tickTime is not
  set` (it treats 0 as unset).
- A negative `tickTime` makes the default session limits negative, and the default
  minimum (2 ticks) ends up above the default maximum (20 ticks): ZooKeeper refuses to
  start with `minSessionTimeout must not be larger than maxSessionTimeout`. With both
  limits set explicitly it starts, but with a negative tick every tick-based timer is
  meaningless: a warning.

A value that is not a plain number (`2s`, `2000ms`) is reported by `invalid-value`.
)md",
      .bad = {{.text = "tickTime=0\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
      .good = {{.text = "dataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
  };
  return m;
}

void InvalidTickTime::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  if (!zk.tick_time.is_set() || !zk.tick_time.value || *zk.tick_time.value > 0) return;
  const std::int64_t tick = *zk.tick_time.value;
  const Entry& e = *zk.tick_time.entry;
  if (tick == 0) {
    support::report_trimmed_value(out, e, "tickTime=0 counts as not set: ZooKeeper refuses to start (tickTime is not set)")
        .help("remove the line for the default 3000, or use ZooKeeper's sample value 2000");
    return;
  }
  const bool rejected = zk.min_session_timeout && zk.max_session_timeout && *zk.min_session_timeout > *zk.max_session_timeout;
  if (rejected) {
    support::report_trimmed_value(out, e, "tickTime " + std::to_string(tick) + " is negative, so the default session limits are too: the minimum (2 x tickTime = " +
                                              std::to_string(*zk.min_session_timeout) + ") is larger than the maximum (20 x tickTime = " +
                                              std::to_string(*zk.max_session_timeout) + ") and ZooKeeper refuses to start")
        .help("tickTime is a positive number of milliseconds; ZooKeeper's sample uses 2000");
  } else {
    support::report_trimmed_value(out, e, "tickTime " + std::to_string(tick) + " is negative: ZooKeeper starts because both session limits are set, but every tick-based timeout is meaningless")
        .severity(Severity::warning)
        .help("tickTime is a positive number of milliseconds; ZooKeeper's sample uses 2000");
  }
}

}  // namespace zklint::rules
