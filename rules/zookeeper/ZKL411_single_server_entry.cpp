// ZKL411 single-server-entry: one server.N line is ignored and ZooKeeper runs standalone.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(SingleServerEntry)

namespace zklint::rules {

const RuleMeta& SingleServerEntry::meta() const {
  static const RuleMeta m{
      .code = "ZKL411",
      .name = "single-server-entry",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "A single server.N line is ignored: ZooKeeper runs standalone",
      .doc = R"md(
With exactly one voting `server.N` line (and `standaloneEnabled` left at `true`),
ZooKeeper logs `Invalid configuration, only one server specified (ignoring)` at ERROR
level and starts as a standalone server: the line has no effect, its quorum and election
ports are never opened, and `initLimit`/`syncLimit` do not matter.

If a single server is what you want, remove the line. If the other members are missing,
add them: a quorum needs at least three voters to survive a failure. To run a one-member
quorum on purpose (for example, to grow it later with dynamic reconfiguration), set
`standaloneEnabled=false`.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                       "server.1=localhost:2888:3888\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
  };
  return m;
}

void SingleServerEntry::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  if (zk.mode != support::ZkMode::standalone || !zk.ids_readable() || zk.voters() != 1 || zk.observers() != 0) return;
  if (zk.own_client_server != nullptr) return;  // the server's own line gives its client port
  for (const support::ZkServer* s : zk.members()) {
    if (s->observer()) continue;
    out.report_key(*s->entry, "only one server is listed: ZooKeeper logs 'only one server specified (ignoring)' and runs standalone, so this line has no effect")
        .help("remove it for a standalone server, list every member (three or more voters) for a quorum, or set standaloneEnabled=false for a one-member quorum");
  }
}

}  // namespace zklint::rules
