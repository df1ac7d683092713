// ZKL412 even-ensemble: two voters, or an even number of them, tolerate no more failures than one fewer.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(EvenEnsemble)

namespace zklint::rules {

const RuleMeta& EvenEnsemble::meta() const {
  static const RuleMeta m{
      .code = "ZKL412",
      .name = "even-ensemble",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "The ensemble has two voters, or an even number: it survives no more failures than one voter fewer",
      .doc = R"md(
A ZooKeeper ensemble works while more than half of its voters are up. Observers
(`:observer`) do not vote and do not count.

| voters | must be up | failures survived |
|---|---|---|
| 2 | 2 | 0 |
| 3 | 2 | 1 |
| 4 | 3 | 1 |
| 5 | 3 | 2 |

Two voters are worse than one: losing either server stops the ensemble, and the
chance of that is twice as high. An even count adds a machine without adding safety.
ZooKeeper starts anyway and only logs a warning (`No server failure will be tolerated`
for two, `Non-optimal configuration, consider an odd number of servers` for more).

Use an odd number of voters: 3 or 5. (A pasted block of `server.N` lines counts twice;
check for copies.)
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                       "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\n"
                        "server.3=zk3:2888:3888\nserver.4=zk4:2888:3888:observer\n"}},
  };
  return m;
}

void EvenEnsemble::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  const std::size_t voters = zk.voters();
  if (zk.mode != support::ZkMode::quorum || !zk.ids_readable() || voters < 2 || voters % 2 != 0) return;
  const std::size_t survived = support::ZookeeperModel::tolerated_failures(voters);
  std::string message = std::to_string(voters) + " voting servers: the ensemble needs " + std::to_string(voters / 2 + 1) + " of them up and survives " +
                        std::to_string(survived) + (survived == 1 ? " failure" : " failures");
  message += voters == 2 ? ", so losing either server stops it" : ", no more than " + std::to_string(voters - 1) + " voters would";
  const support::ZkServer* last = nullptr;
  for (const support::ZkServer* s : zk.members()) {
    if (!s->observer()) last = s;
  }
  out.report_key(*last->entry, message)
      .help(voters == 2 ? "use three voters (or one standalone server)" : "use an odd number of voters (" + std::to_string(voters - 1) + " or " + std::to_string(voters + 1) + ")");
}

}  // namespace zklint::rules
