// ZKL435 quorum-sasl-inconsistent: quorum SASL "require" flags without the flags they depend on.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(QuorumSaslInconsistent)

namespace zklint::rules {
namespace {

// QPC.parseBoolean: true/false in any case; nullopt for templated or junk values.
std::optional<bool> flag(const LintContext& ctx, std::string_view key) {
  const Entry* e = ctx.find(key);
  if (e == nullptr) return false;
  if (support::placeholder_value(ctx, *e)) return std::nullopt;
  const std::string_view v = java_trim(e->value);
  if (iequals(v, "true")) return true;
  if (iequals(v, "false")) return false;
  return std::nullopt;
}

}  // namespace

const RuleMeta& QuorumSaslInconsistent::meta() const {
  static const RuleMeta m{
      .code = "ZKL435",
      .name = "quorum-sasl-inconsistent",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "quorum.auth.serverRequireSasl or learnerRequireSasl is on without the SASL setting it depends on",
      .doc = R"md(
Quorum SASL authentication between the members has three switches, and ZooKeeper refuses
to start when they contradict each other (`IllegalArgumentException` naming the keys):

- `quorum.auth.serverRequireSasl=true` or `quorum.auth.learnerRequireSasl=true` need
  `quorum.auth.enableSasl=true`: `quorum.auth.enableSasl is disabled, so cannot enable ...`;
- `quorum.auth.serverRequireSasl=true` needs `quorum.auth.learnerRequireSasl=true` (a
  server that demands SASL from the others must also use it itself): `quorum.auth.learnerRequireSasl
  is disabled, so cannot enable quorum.auth.serverRequireSasl`.

The rolling upgrade to quorum SASL enables the three in the order enableSasl,
learnerRequireSasl, serverRequireSasl.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                       "quorum.auth.serverRequireSasl=true\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                        "quorum.auth.enableSasl=true\nquorum.auth.learnerRequireSasl=true\nquorum.auth.serverRequireSasl=true\n"}},
  };
  return m;
}

void QuorumSaslInconsistent::check(const LintContext& ctx, Reporter& out) const {
  const auto enable = flag(ctx, "quorum.auth.enableSasl");
  const auto server = flag(ctx, "quorum.auth.serverRequireSasl");
  const auto learner = flag(ctx, "quorum.auth.learnerRequireSasl");
  if (!enable || !server || !learner) return;
  const auto report = [&](std::string_view key, std::string_view missing) {
    const Entry* e = ctx.find(key);
    support::report_trimmed_value(out, *e, std::string(key) + "=true needs " + std::string(missing) + "=true: ZooKeeper refuses to start (" +
                                               std::string(missing) + " is disabled, so cannot enable " + std::string(key) + ")")
        .help("set " + std::string(missing) + "=true as well");
  };
  if (!*enable && *server) report("quorum.auth.serverRequireSasl", "quorum.auth.enableSasl");
  if (!*enable && *learner) report("quorum.auth.learnerRequireSasl", "quorum.auth.enableSasl");
  if (*enable && *server && !*learner) report("quorum.auth.serverRequireSasl", "quorum.auth.learnerRequireSasl");
}

}  // namespace zklint::rules
