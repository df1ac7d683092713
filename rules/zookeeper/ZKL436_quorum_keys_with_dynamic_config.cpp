// ZKL436 quorum-keys-with-dynamic-config: server.N/group/weight lines next to dynamicConfigFile.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(QuorumKeysWithDynamicConfig)

namespace zklint::rules {

const RuleMeta& QuorumKeysWithDynamicConfig::meta() const {
  static const RuleMeta m{
      .code = "ZKL436",
      .name = "quorum-keys-with-dynamic-config",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "server.N, group or weight lines in a static config that also names a dynamicConfigFile",
      .doc = R"md(
With dynamic reconfiguration (3.5+), the member list lives in the file that
`dynamicConfigFile` names, and the static zoo.cfg must not list members itself. A
`server.N` line (or any key starting with `group` or `weight`) next to `dynamicConfigFile`
makes ZooKeeper refuse to start: `ConfigException: parameter: server.1 must be in a
separate dynamic config file`.

Move the lines into the dynamic file, or drop `dynamicConfigFile`. (ZooKeeper itself
rewrites zoo.cfg this way when a reconfiguration happens.)
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nautopurge.purgeInterval=24\n"
                       "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nreconfigEnabled=true\n"
                       "dynamicConfigFile=/etc/zookeeper/zoo.cfg.dynamic.100000000\nserver.1=zk1:2888:3888;2181\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nreconfigEnabled=true\n"
                        "dynamicConfigFile=/etc/zookeeper/zoo.cfg.dynamic.100000000\n"}},
  };
  return m;
}

void QuorumKeysWithDynamicConfig::check(const LintContext& ctx, Reporter& out) const {
  const Entry* dynamic = ctx.find("dynamicConfigFile");
  if (dynamic == nullptr) return;
  for (const Entry& e : ctx.doc().entries()) {
    if (ctx.key_templated(e) || ctx.find(e.key) != &e) continue;
    if (!starts_with(e.key, "server.") && !starts_with(e.key, "group") && !starts_with(e.key, "weight")) continue;
    out.report_key(e, quoted(e.key) + " must be in the dynamic config file, because dynamicConfigFile is set: ZooKeeper refuses to start (parameter: " +
                          std::string(e.key) + " must be in a separate dynamic config file)")
        .related(dynamic->key_range, "the dynamic config file is named here");
  }
}

}  // namespace zklint::rules
