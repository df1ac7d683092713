// ZKL113 zk-single-host: one ZooKeeper host means no failover.
#include "support/zookeeper_hosts.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(ZkSingleHost)

namespace zklint::rules {

const RuleMeta& ZkSingleHost::meta() const {
  static const RuleMeta m{
      .code = "ZKL113",
      .name = "zk-single-host",
      .severity = Severity::info,
      .applies_to = FileKinds::kafka(),
      .summary = "zookeeper.connect lists a single ZooKeeper host: no failover when it is down",
      .doc = R"md(
With one host in `zookeeper.connect` the broker has nowhere else to go when that
ZooKeeper server restarts or fails: it logs connection losses, its session expires after
`zookeeper.session.timeout.ms`, and it drops out of the cluster until the server is back.
A broker that starts while that server is down waits `zookeeper.connection.timeout.ms`
and exits with a `ZooKeeperClientTimeoutException`.

List every server of the ensemble (the client picks one and fails over to the others),
for example `zk1:2181,zk2:2181,zk3:2181/kafka`. Single-host strings are normal on a
laptop (`localhost:2181`, the value of Kafka's sample config); the note is information only.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181/kafka\n", .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n", .kafka_version = "3.9"}},
  };
  return m;
}

void ZkSingleHost::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZooKeeperClientSettings>();
  if (!zk.uses_zookeeper || !zk.parsed) return;
  const auto elements = support::classify_hosts(zk);
  if (elements.size() != 1 || !support::sound_connect_string(zk, elements)) return;
  const auto& e = *elements.front().entry;
  out.report_value_part(*zk.connect, e.element.begin, e.element.end,
                        "zookeeper.connect lists only " + quoted(e.element.of(zk.connect_value())) +
                            ": the broker loses ZooKeeper whenever that one server is down");
}

}  // namespace zklint::rules
