// ZKL441 skip-acl: skipACL=yes turns off every ACL check of the ensemble.
#include <algorithm>
#include <array>

#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(SkipAcl)

namespace zklint::rules {

const RuleMeta& SkipAcl::meta() const {
  static const RuleMeta m{
      .code = "ZKL441",
      .name = "skip-acl",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "skipACL=yes turns off every ACL check: any client may read, change and delete every znode",
      .doc = R"md(
ZooKeeper copies a zoo.cfg key it does not know itself into the system property
`zookeeper.<key>`, so `skipACL=yes` sets `zookeeper.skipACL`. The server then skips every ACL
check (`ZooKeeperServer.java` @release-3.6.4 to @release-3.9.3, `PrepRequestProcessor.java`
@release-3.5.10: `System.getProperty("zookeeper.skipACL", "no").equals("yes")`): any client
that can connect may read, change and delete every znode, Kafka's included, whatever ACLs
and SASL say. It is meant for recovering a locked-out ensemble, never for a running one.
ZooKeeper starts normally, so this is a warning.

Only the exact lower-case `yes` does this; `skipACL=true` (or `YES`) does nothing at all and
gets an info note, since whoever wrote it expected ACLs to be off. The conformance suite
checks both against the property ZooKeeper 3.8's own parse sets.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                       "skipACL=yes\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
  };
  return m;
}

void SkipAcl::check(const LintContext& ctx, Reporter& out) const {
  const Entry* e = ctx.find("skipACL");
  if (e == nullptr || support::placeholder_value(ctx, *e)) return;
  const std::string_view v = java_trim(e->value);
  if (v == "yes") {
    support::report_trimmed_value(out, *e, "skipACL=yes turns off every ACL check: any client that can connect may read, change and delete every znode")
        .help("remove the line once the ensemble is recovered; it is for lost-admin recovery only");
    return;
  }
  static constexpr std::array<std::string_view, 5> meant_yes = {"yes", "true", "on", "1", "y"};
  const std::string lower = to_lower(v);
  if (std::find(meant_yes.begin(), meant_yes.end(), std::string_view(lower)) == meant_yes.end()) return;
  support::report_trimmed_value(out, *e, "skipACL=" + std::string(v) + " does nothing: only the exact lower-case 'yes' turns ACL checks off, so they stay on")
      .severity(Severity::info)
      .help("remove the line (ACL checks are on), or write yes if skipping them is really meant");
}

}  // namespace zklint::rules
