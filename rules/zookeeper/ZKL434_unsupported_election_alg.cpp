// ZKL434 unsupported-election-alg: electionAlg other than 3 is rejected since ZooKeeper 3.6 (3.5: other than 0-3).
#include "support/value_edits.hpp"
#include "support/zookeeper_reporting.hpp"
#include "zookeeper_releases.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(UnsupportedElectionAlg)

namespace zklint::rules {

const RuleMeta& UnsupportedElectionAlg::meta() const {
  static const RuleMeta m{
      .code = "ZKL434",
      .name = "unsupported-election-alg",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "electionAlg is not 3: ZooKeeper 3.6 and later refuse to start (3.5 still runs 0, 1 and 2)",
      .doc = R"md(
Only the TCP-based fast leader election (`electionAlg=3`, the default) is left. The old
algorithms 0, 1 and 2 were deprecated in 3.4, and since 3.6 any other value stops the
server: `ConfigException: Invalid electionAlg value. Only 3 is supported.`
(`QuorumPeerConfig.java` @release-3.6.0). Configs carried over from 3.4 sometimes still set it.

ZooKeeper 3.5 reads the value without a check and still runs the algorithms 0, 1 and 2
(`QuorumPeer.createElectionAlgorithm` @release-3.5.10); any other value gives it no election
at all, so a quorum member never elects a leader (a standalone server elects nothing and
does not care). So on 3.5, 0-2 are not reported, and with
`--zookeeper-version auto` a range that includes 3.5 turns the error into a warning that
names the lines that refuse the file.

Remove the line (the fix writes 3, the only value there is).
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\nelectionAlg=0\n",
               .zookeeper_version = "3.8",
               .fixed = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\nelectionAlg=3\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\nelectionAlg=3\n"},
               {.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\nelectionAlg=1\n",
                .zookeeper_version = "3.5"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void UnsupportedElectionAlg::check(const LintContext& ctx, Reporter& out) const {
  const Entry* e = ctx.find("electionAlg");
  if (e == nullptr || support::placeholder_value(ctx, *e)) return;
  const auto alg = support::java_int(java_trim(e->value));
  if (!alg || *alg == 3) return;
  const bool only_3 = zookeeper_fact::election_alg_only_3.holds_in(ctx.zookeeper_version());
  // 3.5 still runs 0-2 (deprecated), and a standalone server elects nothing.
  if (!only_3 && ((*alg >= 0 && *alg <= 2) || ctx.model<support::ZookeeperModel>().mode != support::ZkMode::quorum)) return;
  const std::string version = "ZooKeeper " + ctx.zookeeper_version_text();
  const std::string message =
      only_3 ? "electionAlg " + std::to_string(*alg) + " no longer exists: " + version + " refuses to start (Invalid electionAlg value. Only 3 is supported.)"
             : "electionAlg " + std::to_string(*alg) + " is no election algorithm: " + version + " starts no leader election, so the member never joins a quorum";
  const auto [begin, end] = support::trimmed_span(e->value);
  support::report_trimmed_value(out, *e, message).fix("use electionAlg 3, the only one left", {support::replace_in_value(*e, begin, end, "3")});
}

}  // namespace zklint::rules
