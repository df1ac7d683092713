// ZKL116 zk-connection-timeout-exceeds-session: the broker waits longer to connect than a session lives.
#include "support/zookeeper_connect.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(ZkConnectionTimeoutExceedsSession)

namespace zklint::rules {

const RuleMeta& ZkConnectionTimeoutExceedsSession::meta() const {
  static const RuleMeta m{
      .code = "ZKL116",
      .name = "zk-connection-timeout-exceeds-session",
      .severity = Severity::warning,
      .applies_to = FileKinds::kafka(),
      .summary = "zookeeper.connection.timeout.ms is longer than zookeeper.session.timeout.ms",
      .doc = R"md(
`zookeeper.connection.timeout.ms` is how long the broker waits, once at startup, for its
ZooKeeper client to connect before it gives up (`ZooKeeperClientTimeoutException`: timed
out waiting for connection; `ZooKeeperClient.scala @3.9.0` uses it only in its
constructor); when unset it equals the session timeout. Setting it longer than
`zookeeper.session.timeout.ms` is accepted and does no harm by itself: the broker only
waits longer before it reports an unreachable ensemble, which delays a failed start or
restart. Often the two values were simply swapped, which would shorten the session
timeout the ensemble grants: a warning.

Only a file that sets both is judged. Against the default session timeout there is no swap
to suspect, and the default itself changed (6000 in Kafka 2.0-2.4, 18000 from 2.5, KIP-537),
while the stock `server.properties` of 2.5+ sets `zookeeper.connection.timeout.ms=18000`.

Keep `zookeeper.connection.timeout.ms` at or below `zookeeper.session.timeout.ms`
(Kafka's own defaults use the same value for both).
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "zookeeper.connection.timeout.ms=30000\nzookeeper.session.timeout.ms=18000\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "zookeeper.connection.timeout.ms=18000\nzookeeper.session.timeout.ms=30000\n",
                .kafka_version = "3.9"},
               // As in the stock server.properties of 2.5+: no session timeout to have swapped with.
               {.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "zookeeper.connection.timeout.ms=18000\n",
                .kafka_version = "2.4"}},
  };
  return m;
}

void ZkConnectionTimeoutExceedsSession::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZooKeeperClientSettings>();
  const auto& connection = zk.connection_timeout();
  const auto& session = zk.session_timeout();
  if (!zk.uses_zookeeper || connection.entry == nullptr || session.entry == nullptr || !connection.ms || !session.ms) return;
  if (*connection.ms <= 0 || *session.ms <= 0 || *connection.ms <= *session.ms) return;  // zk-timeout-invalid speaks about <= 0
  auto report = out.report_value(*connection.entry, "zookeeper.connection.timeout.ms=" + std::to_string(*connection.ms) +
                                                        " is longer than the session timeout (" + session.origin_text +
                                                        "): when ZooKeeper is unreachable, a starting broker waits that long before it gives up; were the two values swapped?");
  report.related(session.entry->value_range, "the session timeout");
}

}  // namespace zklint::rules
