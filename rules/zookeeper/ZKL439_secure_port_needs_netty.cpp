// ZKL439 secure-port-needs-netty: secureClientPort needs the Netty connection factory.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(SecurePortNeedsNetty)

namespace zklint::rules {
namespace {
constexpr std::string_view netty = "org.apache.zookeeper.server.NettyServerCnxnFactory";
}  // namespace

const RuleMeta& SecurePortNeedsNetty::meta() const {
  static const RuleMeta m{
      .code = "ZKL439",
      .name = "secure-port-needs-netty",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "secureClientPort is set but the connection factory is not Netty: TLS needs serverCnxnFactory=...NettyServerCnxnFactory",
      .doc = R"md(
ZooKeeper's default connection factory (NIO) cannot do TLS. With `secureClientPort` set
and the default factory, the server reads the config fine and then stops at startup with
`UnsupportedOperationException: SSL isn't supported in NIOServerCnxn` (confirmed with
ZooKeeper 3.8.0).

Select Netty, either in zoo.cfg:

    serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory

or as the JVM flag `-Dzookeeper.serverCnxnFactory=...` (zklint cannot see JVM flags, so
this is a warning; suppress it if the flag is set there).
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nsecureClientPort=2281\nautopurge.purgeInterval=24\n"
                       "4lw.commands.whitelist=srvr,ruok,mntr\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nsecureClientPort=2281\nautopurge.purgeInterval=24\n"
                        "4lw.commands.whitelist=srvr,ruok,mntr\nserverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory\n"}},
  };
  return m;
}

void SecurePortNeedsNetty::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  if (!zk.secure_client_port.is_set() || !zk.secure_client_port.value || *zk.secure_client_port.value <= 0 || *zk.secure_client_port.value > 65535) return;
  const Entry* factory = ctx.find("serverCnxnFactory");
  if (factory != nullptr && (support::placeholder_value(ctx, *factory) || java_trim(factory->value) == netty)) return;
  if (factory == nullptr && zk.template_structure) return;
  auto d = support::report_trimmed_value(out, *zk.secure_client_port.entry,
                                         "secureClientPort needs the Netty connection factory: with the default NIO factory ZooKeeper stops at startup "
                                         "(SSL isn't supported in NIOServerCnxn)")
               .help("add serverCnxnFactory=" + std::string(netty) + " (or pass -Dzookeeper.serverCnxnFactory=... to the JVM)");
  if (factory != nullptr) d.related(factory->value_range, "this factory is not Netty");
}

}  // namespace zklint::rules
