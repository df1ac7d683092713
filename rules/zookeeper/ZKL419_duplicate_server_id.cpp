// ZKL419 duplicate-server-id: two server lines with the same id (server.1 and server.01).
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(DuplicateServerId)

namespace zklint::rules {

const RuleMeta& DuplicateServerId::meta() const {
  static const RuleMeta m{
      .code = "ZKL419",
      .name = "duplicate-server-id",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "Two server lines have the same id (server.1 and server.01): one of them is silently dropped",
      .doc = R"md(
ZooKeeper keys the member list by the numeric id, so `server.1` and `server.01` (or
`server.+1`) are the same member. Both lines are read, one replaces the other, and
which one survives depends on the hash order of Java's `Properties`, not on the file.
ZooKeeper starts without a word; the ensemble has one member fewer than the file shows,
possibly an even number, and the member whose line was dropped cannot join.

Give every member its own id. (The same key written twice is reported by `duplicate-key`.)
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                       "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n"
                       "server.03=zk4:2888:3888\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n"
                        "server.4=zk4:2888:3888:observer\n"}},
  };
  return m;
}

void DuplicateServerId::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  for (std::size_t i = 0; i < zk.servers.size(); ++i) {
    const support::ZkServer& later = zk.servers[i];
    if (!later.id) continue;
    for (std::size_t j = 0; j < i; ++j) {
      const support::ZkServer& earlier = zk.servers[j];
      if (!earlier.id || *earlier.id != *later.id) continue;
      out.report_key(*later.entry, std::string(later.entry->key) + " has the same id as " + std::string(earlier.entry->key) + " (" + std::to_string(*later.id) +
                                       "): ZooKeeper keeps only one of the two lines, chosen by hash order, and drops the other without a word")
          .related(earlier.entry->key_range, "the other line with id " + std::to_string(*later.id));
      break;
    }
  }
}

}  // namespace zklint::rules
