// ZKL434 unsupported-election-alg: electionAlg other than 3 is rejected since ZooKeeper 3.6.
#include "support/value_edits.hpp"
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(UnsupportedElectionAlg)

namespace zklint::rules {

const RuleMeta& UnsupportedElectionAlg::meta() const {
  static const RuleMeta m{
      .code = "ZKL434",
      .name = "unsupported-election-alg",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "electionAlg is not 3: ZooKeeper 3.6 and later refuse to start",
      .doc = R"md(
Only the TCP-based fast leader election (`electionAlg=3`, the default) is left. The old
algorithms 1 and 2 were deprecated in 3.4, accepted without a check in 3.5, and since 3.6
any other value stops the server: `ConfigException: Invalid electionAlg value. Only 3 is
supported.` Configs carried over from 3.4 sometimes still set it.

Remove the line (the fix writes 3, the only value there is).
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\nelectionAlg=0\n",
               .fixed = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\nelectionAlg=3\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\nelectionAlg=3\n"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void UnsupportedElectionAlg::check(const LintContext& ctx, Reporter& out) const {
  const Entry* e = ctx.find("electionAlg");
  if (e == nullptr || support::placeholder_value(ctx, *e)) return;
  const auto alg = support::java_int(java_trim(e->value));
  if (!alg || *alg == 3) return;
  const auto [begin, end] = support::trimmed_span(e->value);
  support::report_trimmed_value(out, *e, "electionAlg " + std::to_string(*alg) + " no longer exists: ZooKeeper 3.6+ refuses to start (Invalid electionAlg value. Only 3 is supported.)")
      .fix("use electionAlg 3, the only one left", {support::replace_in_value(*e, begin, end, "3")});
}

}  // namespace zklint::rules
