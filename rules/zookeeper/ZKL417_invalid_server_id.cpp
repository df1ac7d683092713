// ZKL417 invalid-server-id: the N of server.N is not a number.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(InvalidServerId)

namespace zklint::rules {

const RuleMeta& InvalidServerId::meta() const {
  static const RuleMeta m{
      .code = "ZKL417",
      .name = "invalid-server-id",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "The id in server.<id> is not a number",
      .doc = R"md(
Every key that starts with `server.` is a member of the ensemble, and the text after the
first dot is its id, read with `Long.parseLong`. `server.zk1=...`, `server.1.a=...` or
`server.=...` make ZooKeeper refuse to start: `ConfigException: Error processing zoo.cfg`
caused by `NumberFormatException: For input string: "zk1"`.

The id is the number in the member's `myid` file, by convention 1 to 255.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                       "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.zk3=zk3:2888:3888\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\nclientPort=2181\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n"}},
  };
  return m;
}

void InvalidServerId::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  for (const support::ZkServer& s : zk.servers) {
    if (s.id) continue;
    const std::string_view id = s.entry->key.substr(s.entry->key.find('.') + 1);
    const auto begin = static_cast<std::uint32_t>(s.entry->key.size() - id.size());
    const Range where = id.empty() ? s.entry->key_range : s.entry->key_source_range(ctx.source(), begin, static_cast<std::uint32_t>(s.entry->key.size()));
    out.report(where, "the server id " + quoted(id) + " is not a number: ZooKeeper refuses to start (NumberFormatException: For input string: " +
                          quoted(id) + ")")
        .help("use the number from the member's myid file: server.1, server.2, ...");
  }
}

}  // namespace zklint::rules
