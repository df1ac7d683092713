// ZKL401 session-timeout-bounds: minSessionTimeout ends up larger than maxSessionTimeout.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(SessionTimeoutBounds)

namespace zklint::rules {

const RuleMeta& SessionTimeoutBounds::meta() const {
  static const RuleMeta m{
      .code = "ZKL401",
      .name = "session-timeout-bounds",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "minSessionTimeout is larger than maxSessionTimeout, counting the defaults of 2 and 20 ticks",
      .doc = R"md(
ZooKeeper grants each client a session timeout between `minSessionTimeout` and
`maxSessionTimeout`. A limit that is not set (or set to `-1`) defaults to 2 × `tickTime`
and 20 × `tickTime` respectively (`tickTime` itself defaults to 3000). When the minimum
ends up larger than the maximum, ZooKeeper refuses to start:
`IllegalArgumentException: minSessionTimeout must not be larger than maxSessionTimeout`
(wrapped in `ConfigException: Error processing zoo.cfg`).

The trap is a file that sets only one limit. With `tickTime=2000`, `maxSessionTimeout=3000`
alone fails, because the minimum defaults to 4000; `minSessionTimeout=50000` alone fails,
because the maximum defaults to 40000. A huge `tickTime` can also fail: 20 × `tickTime`
is computed in Java `int` arithmetic and wraps around to a negative number above about
107 million.

Set both limits explicitly, or change the one you set so that it fits the default of the
other.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nmaxSessionTimeout=3000\n"
                       "autopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nminSessionTimeout=2000\nmaxSessionTimeout=5000\n"
                        "autopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
  };
  return m;
}

void SessionTimeoutBounds::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  if (!zk.min_session_timeout || !zk.max_session_timeout || *zk.min_session_timeout <= *zk.max_session_timeout) return;
  // A tickTime of zero or below is invalid-tick-time's finding: it is the cause.
  if (*zk.tick_time.value <= 0) return;
  const std::int64_t tick = *zk.tick_time.value;
  const std::string min = std::to_string(*zk.min_session_timeout), max = std::to_string(*zk.max_session_timeout);
  const std::string refuses = ": ZooKeeper refuses to start (minSessionTimeout must not be larger than maxSessionTimeout)";
  const bool min_set = *zk.min_session_raw.value != -1, max_set = *zk.max_session_raw.value != -1;
  const std::string tick_origin = zk.tick_time.is_set() ? "tickTime " + std::to_string(tick) : "the default tickTime 3000";

  if (min_set && max_set) {
    support::report_trimmed_value(out, *zk.min_session_raw.entry, "minSessionTimeout " + min + " is larger than maxSessionTimeout " + max + refuses)
        .related(zk.max_session_raw.entry->value_range, "maxSessionTimeout is set here");
  } else if (max_set) {
    auto d = support::report_trimmed_value(out, *zk.max_session_raw.entry,
                                           "maxSessionTimeout " + max + " is below the default minSessionTimeout " + min + " (2 x " + tick_origin + ")" + refuses);
    d.help("set minSessionTimeout as well (at most " + max + "), or raise maxSessionTimeout to at least " + min);
    if (zk.tick_time.is_set()) d.related(zk.tick_time.entry->value_range, "tickTime is set here");
  } else if (min_set) {
    auto d = support::report_trimmed_value(out, *zk.min_session_raw.entry,
                                           "minSessionTimeout " + min + " is above the default maxSessionTimeout " + max + " (20 x " + tick_origin + ")" + refuses);
    d.help("set maxSessionTimeout as well (at least " + min + "), or lower minSessionTimeout to at most " + max);
    if (zk.tick_time.is_set()) d.related(zk.tick_time.entry->value_range, "tickTime is set here");
  } else {
    // Both defaults: only possible when 20 x tickTime overflows Java's int.
    support::report_trimmed_value(out, *zk.tick_time.entry,
                                  "20 x tickTime overflows a Java int, so the default maxSessionTimeout becomes " + max + ", below the default minimum " + min + refuses)
        .help("tickTime is in milliseconds; ZooKeeper's sample uses 2000");
  }
}

}  // namespace zklint::rules
