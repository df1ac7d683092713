// ZKL405 missing-data-dir: dataDir, the one key ZooKeeper requires, is not set.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(MissingDataDir)

namespace zklint::rules {

const RuleMeta& MissingDataDir::meta() const {
  static const RuleMeta m{
      .code = "ZKL405",
      .name = "missing-data-dir",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "dataDir is not set: ZooKeeper refuses to start",
      .doc = R"md(
`dataDir` is the only setting ZooKeeper cannot do without: it holds the snapshots, the
transaction log (unless `dataLogDir` is set) and the `myid` file of a quorum member.
Without it ZooKeeper stops at once with `IllegalArgumentException: dataDir is not set`
(inside `ConfigException: Error processing zoo.cfg`).

Keys are case-sensitive, so `datadir=` or `DataDir=` do not count; `unknown-zookeeper-key` points
those out. Files whose keys come from template code, and dynamic config files
(`zoo.cfg.dynamic.N`, which hold only `server.N` lines), are not checked.
)md",
      .bad = {{.text = "tickTime=2000\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
  };
  return m;
}

void MissingDataDir::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  if (ctx.find("dataDir") != nullptr || zk.template_structure || zk.dynamic_file) return;
  out.report_file("dataDir is not set: ZooKeeper refuses to start (dataDir is not set)")
      .help("add dataDir=/var/lib/zookeeper (a directory that survives reboots)");
}

}  // namespace zklint::rules
