// ZKL102 zk-connect-no-hosts: zookeeper.connect names no host at all (blank, only commas, only a chroot).
#include "support/zookeeper_connect.hpp"
#include "zklint/grammar/connect_string_messages.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(ZkConnectNoHosts)

namespace zklint::rules {

const RuleMeta& ZkConnectNoHosts::meta() const {
  static const RuleMeta m{
      .code = "ZKL102",
      .name = "zk-connect-no-hosts",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "zookeeper.connect names no ZooKeeper host (it is blank, only commas, or only a chroot)",
      .doc = R"md(
`zookeeper.connect=` (empty), `zookeeper.connect=/kafka` or `zookeeper.connect=,` pass
Kafka's own checks: the key is present. The ZooKeeper client then finds no host in the
string, and creating the client fails with an `IllegalArgumentException` saying that a
HostProvider may not be empty. The broker logs a fatal error during startup and shuts down.

This usually comes from a template whose host list rendered empty. List the ensemble:
`zookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka`.

ZooKeeper 3.4 clients (Kafka 2.0-2.3) split differently: for an empty host list they keep
one host with an empty name, which Java resolves to the loopback address, so such a
broker silently tries `localhost:2181`. That is reported as a warning.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=/kafka\n", .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n", .kafka_version = "3.9"}},
  };
  return m;
}

void ZkConnectNoHosts::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZooKeeperClientSettings>();
  if (!zk.uses_zookeeper || !zk.parsed) return;
  const auto kept = zk.parsed->hosts();
  const bool zk34_empty_host = kept.size() == 1 && kept[0]->element.empty() && zk.client_line() == grammar::connect_string::ClientLine::zk34;
  if (!kept.empty() && !zk34_empty_host) return;
  const std::string what = java_trim(zk.connect->value).empty() ? "is empty" : "names no host, only " + quoted(java_trim(zk.connect->value));
  if (zk34_empty_host) {
    out.report_value(*zk.connect, "zookeeper.connect " + what + ": the ZooKeeper " + std::string(zk.client_version()) + " client of Kafka " +
                                      zk.kafka_version_text + " keeps one host with an empty name, which Java resolves to the loopback address: the broker silently tries localhost:2181")
        .severity(Severity::warning)
        .help("list the ZooKeeper servers: zookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka");
    return;
  }
  out.report_value(*zk.connect, "zookeeper.connect " + what + ": creating the ZooKeeper client fails with " +
                                    std::string(grammar::connect_string::empty_host_list_exception) + " and the broker does not start")
      .help("list the ZooKeeper servers: zookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka");
}

}  // namespace zklint::rules
