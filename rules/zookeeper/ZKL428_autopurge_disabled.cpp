// ZKL428 autopurge-disabled: old snapshots and logs are never deleted.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(AutopurgeDisabled)

namespace zklint::rules {

const RuleMeta& AutopurgeDisabled::meta() const {
  static const RuleMeta m{
      .code = "ZKL428",
      .name = "autopurge-disabled",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "autopurge.purgeInterval is missing or 0: old snapshots and transaction logs fill the disk",
      .doc = R"md(
ZooKeeper writes a new snapshot and starts a new transaction log file every `snapCount`
(100000) or so transactions, and by default **never deletes the old ones**: `autopurge.purgeInterval`
(hours between purges) defaults to 0, which disables the purge task. A busy ensemble,
such as the one behind a Kafka cluster, fills its data disk over weeks or months; when
the disk is full ZooKeeper can no longer write and the ensemble stops serving writes.

Set `autopurge.purgeInterval=24` (hours) and keep `autopurge.snapRetainCount` (default 3)
snapshots, or run `zkCleanup.sh` from cron.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
  };
  return m;
}

void AutopurgeDisabled::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  if (zk.dynamic_file) return;
  const Entry* e = ctx.find("autopurge.purgeInterval");
  if (e == nullptr) {
    if (zk.template_structure) return;
    out.report_file("autopurge.purgeInterval is not set, so ZooKeeper never deletes old snapshots and transaction logs: they fill the data disk over time")
        .help("add autopurge.purgeInterval=24 (hours)");
    return;
  }
  if (support::placeholder_value(ctx, *e)) return;
  const auto hours = support::java_int(java_trim(e->value));
  if (!hours || *hours > 0) return;
  support::report_trimmed_value(out, *e, "autopurge.purgeInterval " + std::to_string(*hours) +
                                             " disables the purge task: old snapshots and transaction logs fill the data disk over time")
      .help("use autopurge.purgeInterval=24 (hours)");
}

}  // namespace zklint::rules
