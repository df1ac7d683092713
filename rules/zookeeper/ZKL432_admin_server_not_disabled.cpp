// ZKL432 admin-server-not-disabled: admin.enableServer is meant to be false but is not exactly "false".
#include <algorithm>
#include <array>

#include "support/value_edits.hpp"
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(AdminServerNotDisabled)

namespace zklint::rules {

const RuleMeta& AdminServerNotDisabled::meta() const {
  static const RuleMeta m{
      .code = "ZKL432",
      .name = "admin-server-not-disabled",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "admin.enableServer looks like 'false' but is not exactly 'false': the admin server stays on at port 8080",
      .doc = R"md(
The admin server (an embedded Jetty, since 3.5) is on unless the property
`zookeeper.admin.enableServer` is **exactly** the lower-case string `false`. `FALSE`,
`False`, `no`, `off`, `0` or `disabled` all leave it running on `admin.serverPort`
(8080 by default), the port that collides with so many other services: the classic
`Address already in use` at startup, which stops a standalone ZooKeeper.

The fix writes `false`.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                       "admin.enableServer=FALSE\n",
               .fixed = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                        "admin.enableServer=false\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                        "admin.enableServer=false\n"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void AdminServerNotDisabled::check(const LintContext& ctx, Reporter& out) const {
  const Entry* e = ctx.find("admin.enableServer");
  if (e == nullptr || support::placeholder_value(ctx, *e)) return;
  const std::string_view v = java_trim(e->value);
  static constexpr std::array<std::string_view, 8> meant_false = {"false", "no", "off", "0", "disabled", "disable", "n", "f"};
  const std::string lower = to_lower(v);
  if (v == "false" || std::find(meant_false.begin(), meant_false.end(), std::string_view(lower)) == meant_false.end()) return;
  const auto [begin, end] = support::trimmed_span(e->value);
  support::report_trimmed_value(out, *e, "admin.enableServer=" + std::string(v) +
                                             " does not disable the admin server: only the exact lower-case 'false' does, so it stays on at port " +
                                             "admin.serverPort (8080 by default)")
      .suggest("admin.enableServer=false")
      .fix("write false", {support::replace_in_value(*e, begin, end, "false")});
}

}  // namespace zklint::rules
