// ZKL430 unlimited-client-connections: maxClientCnxns 0 or below switches the per-IP limit off.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(UnlimitedClientConnections)

namespace zklint::rules {

const RuleMeta& UnlimitedClientConnections::meta() const {
  static const RuleMeta m{
      .code = "ZKL430",
      .name = "unlimited-client-connections",
      .severity = Severity::info,
      .applies_to = FileKinds::zookeeper(),
      .summary = "maxClientCnxns is 0 or negative: no limit on connections per client IP",
      .doc = R"md(
`maxClientCnxns` (default 60) caps how many connections one client IP address may open to
a server; only values above 0 are enforced, so `0` (and any negative number) means
unlimited. Kafka's sample `config/zookeeper.properties` ships `maxClientCnxns=0` and calls
it a non-production setting: a misbehaving client that leaks connections can then
exhaust the server's file descriptors and lock every other client out.

Keep a limit (the default 60, or a few hundred for hosts that run many clients).
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nmaxClientCnxns=0\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nmaxClientCnxns=60\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
  };
  return m;
}

void UnlimitedClientConnections::check(const LintContext& ctx, Reporter& out) const {
  const Entry* e = ctx.find("maxClientCnxns");
  if (e == nullptr || support::placeholder_value(ctx, *e)) return;
  const auto limit = support::java_int(java_trim(e->value));
  if (!limit || *limit > 0) return;
  support::report_trimmed_value(out, *e, "maxClientCnxns " + std::to_string(*limit) +
                                             " means no per-IP connection limit: one leaking client can use up the server's connections")
      .help("keep a limit, for example the default 60");
}

}  // namespace zklint::rules
