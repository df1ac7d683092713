// ZKL429 snap-retain-count-too-low: autopurge.snapRetainCount below 3 is raised to 3.
#include "support/value_edits.hpp"
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(SnapRetainCountTooLow)

namespace zklint::rules {

const RuleMeta& SnapRetainCountTooLow::meta() const {
  static const RuleMeta m{
      .code = "ZKL429",
      .name = "snap-retain-count-too-low",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "autopurge.snapRetainCount is below 3, the minimum ZooKeeper enforces",
      .doc = R"md(
The purge task always keeps at least three snapshots (and the transaction logs needed to
replay them), so that a damaged latest snapshot can be recovered from an older one. A
smaller `autopurge.snapRetainCount` is raised to 3 with a warning in the log: the file
says 1, the server keeps 3. The fix writes 3, which is what runs anyway.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.snapRetainCount=1\nautopurge.purgeInterval=24\n"
                       "4lw.commands.whitelist=srvr,ruok,mntr\n",
               .fixed = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.snapRetainCount=3\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.snapRetainCount=5\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\n"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void SnapRetainCountTooLow::check(const LintContext& ctx, Reporter& out) const {
  const Entry* e = ctx.find("autopurge.snapRetainCount");
  if (e == nullptr || support::placeholder_value(ctx, *e)) return;
  const auto count = support::java_int(java_trim(e->value));
  if (!count || *count >= 3) return;
  const auto [begin, end] = support::trimmed_span(e->value);
  support::report_trimmed_value(out, *e, "autopurge.snapRetainCount " + std::to_string(*count) + " is below 3: ZooKeeper logs a warning and keeps 3 snapshots anyway")
      .fix("write the 3 ZooKeeper uses", {support::replace_in_value(*e, begin, end, "3")});
}

}  // namespace zklint::rules
