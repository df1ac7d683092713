// ZKL409 shared-data-log-dir: a quorum member writes snapshots and its transaction log to one place.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(SharedDataLogDir)

namespace zklint::rules {

const RuleMeta& SharedDataLogDir::meta() const {
  static const RuleMeta m{
      .code = "ZKL409",
      .name = "shared-data-log-dir",
      .severity = Severity::info,
      .applies_to = FileKinds::zookeeper(),
      .summary = "A quorum member has no separate dataLogDir: the transaction log shares a disk with snapshots",
      .doc = R"md(
Every write to ZooKeeper is appended to the transaction log and synced to disk before
it is acknowledged; a follower that syncs too slowly falls behind the leader and is
dropped (`syncLimit`). Without `dataLogDir` the log goes to `dataDir`, next to the
snapshots that are written in bursts. Under heavy traffic (a Kafka cluster with many
partitions, frequent leader changes) the ZooKeeper administrator's guide recommends a
dedicated device for the transaction log.

This is advice for quorum members; ZooKeeper starts fine either way. Set `dataLogDir` to a
directory on another disk.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                       "initLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n"}},
  };
  return m;
}

void SharedDataLogDir::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  if (zk.mode != support::ZkMode::quorum || zk.voters() == 0) return;
  const Entry* data = ctx.find("dataDir");
  const Entry* log = ctx.find("dataLogDir");
  if (data == nullptr || support::placeholder_value(ctx, *data) || (log != nullptr && support::placeholder_value(ctx, *log))) return;
  const std::string data_path = support::java_file_path(java_trim(data->value));
  if (log != nullptr && support::java_file_path(java_trim(log->value)) != data_path) return;
  const Entry& where = log != nullptr ? *log : *data;
  support::report_trimmed_value(out, where, "the transaction log shares " + quoted(data_path) +
                                                " with the snapshots: under heavy write traffic, put dataLogDir on a separate disk so that log syncs stay fast")
      .help("set dataLogDir to a directory on a dedicated device");
}

}  // namespace zklint::rules
