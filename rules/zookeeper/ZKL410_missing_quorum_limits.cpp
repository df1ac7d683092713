// ZKL410 missing-quorum-limits: a quorum member without initLimit or syncLimit.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(MissingQuorumLimits)

namespace zklint::rules {

const RuleMeta& MissingQuorumLimits::meta() const {
  static const RuleMeta m{
      .code = "ZKL410",
      .name = "missing-quorum-limits",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "A quorum (more than one voter) without initLimit or syncLimit: ZooKeeper refuses to start",
      .doc = R"md(
In quorum mode (more than one voting `server.N`, or `standaloneEnabled=false`) ZooKeeper
needs two limits, counted in ticks:

- `initLimit`: how long a follower may take to connect to the leader and sync with it;
- `syncLimit`: how far a follower may fall behind the leader before it is dropped.

Both default to 0, which ZooKeeper treats as "not set" in quorum mode: it refuses to
start with `IllegalArgumentException: initLimit is not set` (or `syncLimit is not set`).
A standalone server does not need them. ZooKeeper's sample config uses `initLimit=10`
and `syncLimit=5`.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                       "4lw.commands.whitelist=srvr,ruok,mntr\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n"}},
  };
  return m;
}

void MissingQuorumLimits::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  if (zk.mode != support::ZkMode::quorum || !zk.ids_readable() || zk.voters() == 0) return;  // no voters: no-voters reports it
  const std::string why = zk.voters() > 1 ? std::to_string(zk.voters()) + " voting servers" : "standaloneEnabled=false";
  for (const support::ZkNumber* limit : {&zk.init_limit, &zk.sync_limit}) {
    if (!limit->value || *limit->value != 0) continue;
    const std::string name(limit->key);
    const std::string suggestion = limit == &zk.init_limit ? "initLimit=10" : "syncLimit=5";
    if (limit->entry == nullptr) {
      out.report_file(name + " is not set, but this is a quorum (" + why + "): ZooKeeper refuses to start (" + name + " is not set)")
          .help("add " + suggestion + " (ticks), as in ZooKeeper's sample config");
    } else {
      support::report_trimmed_value(out, *limit->entry, name + "=0 counts as not set in a quorum (" + why + "): ZooKeeper refuses to start (" + name + " is not set)")
          .help("use " + suggestion + " (ticks), as in ZooKeeper's sample config");
    }
  }
}

}  // namespace zklint::rules
