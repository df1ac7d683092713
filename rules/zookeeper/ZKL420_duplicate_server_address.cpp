// ZKL420 duplicate-server-address: two members on one host with a port in common.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(DuplicateServerAddress)

namespace zklint::rules {

const RuleMeta& DuplicateServerAddress::meta() const {
  static const RuleMeta m{
      .code = "ZKL420",
      .name = "duplicate-server-address",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "Two server.N lines name the same host with a quorum or election port in common",
      .doc = R"md(
Each member of the ensemble opens its quorum and election ports on its own host. When
two `server.N` lines name the same host (`zk1` twice, or `localhost` twice for a test
ensemble on one machine) and share a port, the two members cannot both run there: the
second one to start fails to bind (`BindException: Address already in use`) and cannot
take part in elections. ZooKeeper does not check this when it reads the config.

This usually comes from a copied line whose host or ports were not updated. Members on
one machine need their own quorum and election ports (2888/3888, 2889/3889, ...).
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                       "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk1:2888:3888\nserver.3=zk3:2888:3888\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=localhost:2888:3888\nserver.2=localhost:2889:3889\n"
                        "server.3=localhost:2890:3890\n"}},
  };
  return m;
}

void DuplicateServerAddress::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  const auto members = zk.members();
  for (std::size_t i = 0; i < members.size(); ++i) {
    const support::ZkServer& later = *members[i];
    bool reported = false;
    for (std::size_t j = 0; j < i && !reported; ++j) {
      const support::ZkServer& earlier = *members[j];
      for (const auto& a : later.spec.addresses) {
        for (const auto& b : earlier.spec.addresses) {
          if (reported || !support::same_host(a.host_text(), b.host_text())) continue;
          for (const auto* pa : {&a.quorum_port, &a.election_port}) {
            for (const auto* pb : {&b.quorum_port, &b.election_port}) {
              if (reported || !*pa || !*pb || !(*pa)->in_range() || (*pa)->number != (*pb)->number) continue;
              const std::string where = std::string(a.host_text()) + ":" + std::to_string(*(*pa)->number);
              out.report_value_part(*later.entry, (*pa)->span.begin, (*pa)->span.end,
                                    std::string(later.entry->key) + " and " + std::string(earlier.entry->key) + " both use " + where +
                                        ": two members cannot listen on one host and port, so one of them fails to bind (Address already in use)")
                  .related(earlier.entry->value_range, "the other member on " + std::string(b.host_text()));
              reported = true;
            }
          }
        }
      }
    }
  }
}

}  // namespace zklint::rules
