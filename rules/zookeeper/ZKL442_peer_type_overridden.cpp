// ZKL442 peer-type-overridden: peerType=observer on an ensemble whose server lines name no observer.
#include "support/zookeeper_model.hpp"
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(PeerTypeOverridden)

namespace zklint::rules {

const RuleMeta& PeerTypeOverridden::meta() const {
  static const RuleMeta m{
      .code = "ZKL442",
      .name = "peer-type-overridden",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "peerType=observer, but no server.N line is an observer: the server silently runs as a voting participant",
      .doc = R"md(
A server's role comes from its own `server.N` line (`host:2888:3888:observer` makes it an
observer). `peerType` only states the same thing a second time: when the two disagree,
ZooKeeper logs `Peer type from servers list (participant) doesn't match peerType (observer).
Defaulting to servers list.` and the line wins (`QuorumPeerConfig.setupPeerType`,
@release-3.5.10 to @release-3.9.3).

So `peerType=observer` in a file whose `server.N` lines have no `:observer` at all has no
effect: whichever id this server has, it votes. An observer meant to scale reads becomes a
voter, and the ensemble's majority changes. A warning: ZooKeeper starts.

Mark the observer's own line with `:observer` (on every member's config), or remove
`peerType`.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\ndataLogDir=/var/lib/zookeeper-log\nclientPort=2181\ninitLimit=10\nsyncLimit=5\n"
                       "autopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\npeerType=observer\n"
                       "server.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\ndataLogDir=/var/lib/zookeeper-log\nclientPort=2181\ninitLimit=10\nsyncLimit=5\n"
                        "autopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\npeerType=observer\n"
                        "server.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\nserver.4=zk4:2888:3888:observer\n"}},
  };
  return m;
}

void PeerTypeOverridden::check(const LintContext& ctx, Reporter& out) const {
  const Entry* e = ctx.find("peerType");
  if (e == nullptr || support::placeholder_value(ctx, *e) || to_lower(java_trim(e->value)) != "observer") return;
  const auto& zk = ctx.model<support::ZookeeperModel>();
  if (zk.mode != support::ZkMode::quorum || !zk.members_known || zk.template_structure || !zk.ids_readable() || zk.observers() != 0) return;
  support::report_trimmed_value(out, *e, "peerType=observer has no effect: no server.N line is an observer, and the server's own line decides, so this "
                                         "server runs as a voting participant")
      .help("append :observer to this server's own server.N line (in every member's config), or remove peerType");
}

}  // namespace zklint::rules
