// ZKL416 multi-address-server-spec: `a|b` addresses need a JVM flag that zoo.cfg cannot set.
#include "support/zookeeper_reporting.hpp"
#include "zookeeper_releases.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(MultiAddressServerSpec)

namespace zklint::rules {

const RuleMeta& MultiAddressServerSpec::meta() const {
  static const RuleMeta m{
      .code = "ZKL416",
      .name = "multi-address-server-spec",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "A server.N line lists several addresses with '|', which needs -Dzookeeper.multiAddress.enabled=true",
      .doc = R"md(
Since 3.6 a member may have several addresses (`server.1=zk1a:2888:3888|zk1b:2888:3888`),
for redundant networks. The `server.N` parser only allows it when the JVM system property
`zookeeper.multiAddress.enabled` is `true`. The zoo.cfg key `multiAddress.enabled` does
**not** set that property: `QuorumPeerConfig` handles the key itself and keeps it in a
field, so with the key alone ZooKeeper still refuses to start with `ConfigException:
Multiple address feature is disabled, but multiple addresses were specified for sid N`.

Add `-Dzookeeper.multiAddress.enabled=true` to the JVM flags (`SERVER_JVMFLAGS`, or
`KAFKA_OPTS` for Kafka's bundled ZooKeeper). zklint cannot see JVM flags; if you set it
there, suppress this finding for the file.

ZooKeeper 3.5 knows one address per server: it splits the whole `server.N` value on `:`,
gets more than four parts, and refuses to start with `ConfigException: ... does not have
the form server_config or server_config;client_config` (`QuorumPeer.java`,
`ConfigUtils.getHostAndPort` @release-3.5.10). So it is an error on every line, for a
different reason on 3.5: keep one address per server there.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                       "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nmultiAddress.enabled=true\n"
                       "server.1=zk1a:2888:3888|zk1b:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1a:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n"}},
  };
  return m;
}

void MultiAddressServerSpec::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  const Entry* key = ctx.find("multiAddress.enabled");
  const std::string version = "ZooKeeper " + ctx.zookeeper_version_text();
  for (const support::ZkServer& s : zk.servers) {
    if (s.templated || s.inline_comment) continue;
    for (const auto& p : s.spec.problems) {
      if (p.kind != grammar::quorum_server::ProblemKind::multiple_addresses) continue;
      const std::string several = std::string(s.entry->key) + " lists several addresses with '|': ";
      if (!zookeeper_fact::multiple_server_addresses.holds_in(ctx.zookeeper_version())) {
        out.report_value_part(*s.entry, p.at.begin, p.at.end,
                              several + version + " knows one address per server and refuses to start (does not have the form server_config or server_config;client_config)")
            .help("keep one address per server on this release");
        continue;
      }
      auto d = out.report_value_part(*s.entry, p.at.begin, p.at.end,
                                     several + version + " refuses to start unless the JVM runs with -Dzookeeper.multiAddress.enabled=true (Multiple address feature is disabled)")
                   .help("add -Dzookeeper.multiAddress.enabled=true to the JVM flags, or keep one address per server");
      if (key != nullptr) d.related(key->key_range, "this zoo.cfg key does not set the JVM property the server.N parser reads");
    }
  }
}

}  // namespace zklint::rules
