// ZKL415 same-quorum-election-port: a server.N line uses one port for both quorum and election.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(SameQuorumElectionPort)

namespace zklint::rules {

const RuleMeta& SameQuorumElectionPort::meta() const {
  static const RuleMeta m{
      .code = "ZKL415",
      .name = "same-quorum-election-port",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "A server.N line gives the same port for quorum traffic and leader election",
      .doc = R"md(
Each member listens on two ports: the quorum port (followers connect to the leader, 2888
by convention) and the election port (3888). They must differ; ZooKeeper refuses to start
with `ConfigException: Client and election port must be different! Please update the
configuration file on server.N` (the message says "client" but means the quorum port).
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                       "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:2888\nserver.3=zk3:2888:3888\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n"}},
  };
  return m;
}

void SameQuorumElectionPort::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  for (const support::ZkServer& s : zk.servers) {
    if (s.templated || s.inline_comment) continue;
    for (const auto& p : s.spec.problems) {
      if (p.kind != grammar::quorum_server::ProblemKind::same_ports) continue;
      out.report_value_part(*s.entry, p.at.begin, p.at.end,
                            std::string(s.entry->key) + " uses one port for quorum and election traffic: ZooKeeper refuses to start (Client and election port must be different!)")
          .help("use two ports, by convention 2888 for the quorum and 3888 for elections");
    }
  }
}

}  // namespace zklint::rules
