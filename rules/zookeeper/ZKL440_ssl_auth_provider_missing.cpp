// ZKL440 ssl-auth-provider-missing: ssl.authProvider names a scheme without a provider class.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(SslAuthProviderMissing)

namespace zklint::rules {

const RuleMeta& SslAuthProviderMissing::meta() const {
  static const RuleMeta m{
      .code = "ZKL440",
      .name = "ssl-auth-provider-missing",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "ssl.authProvider names an authentication scheme that no authProvider.<scheme> line defines",
      .doc = R"md(
With a `secureClientPort`, ZooKeeper authenticates TLS clients with the scheme that
`ssl.authProvider` names (default `x509`, which it registers itself). For any other
scheme it needs the provider class under `authProvider.<scheme>` (from zoo.cfg, or the JVM
flag `-Dzookeeper.authProvider.<scheme>=...`); without one it refuses to start while
reading the config: `ConfigException: No auth provider configured for the SSL
authentication scheme '<scheme>'`.

Add `authProvider.<scheme>=<provider class>` (or remove `ssl.authProvider` to use x509).
If the JVM flags define the provider, suppress this finding.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nsecureClientPort=2281\nautopurge.purgeInterval=24\n"
                       "4lw.commands.whitelist=srvr,ruok,mntr\nserverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory\nssl.authProvider=custom\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nsecureClientPort=2281\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\nserverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory\nssl.authProvider=custom\n"
                        "authProvider.custom=com.example.zookeeper.CustomX509Provider\n"}},
  };
  return m;
}

void SslAuthProviderMissing::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  if (!zk.secure_client_port.value || *zk.secure_client_port.value == 0 || zk.template_structure) return;
  const Entry* scheme = ctx.find("ssl.authProvider");
  if (scheme == nullptr || support::placeholder_value(ctx, *scheme)) return;
  const std::string name(java_trim(scheme->value));
  if (name == "x509" || ctx.find("authProvider." + name) != nullptr) return;
  support::report_trimmed_value(out, *scheme, "no authProvider." + name + " line defines the provider for the SSL scheme " + quoted(name) +
                                                  ": ZooKeeper refuses to start (No auth provider configured for the SSL authentication scheme)")
      .help("add authProvider." + name + "=<provider class>, or remove ssl.authProvider to use x509");
}

}  // namespace zklint::rules
