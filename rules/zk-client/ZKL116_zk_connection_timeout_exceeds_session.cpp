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
`zookeeper.connection.timeout.ms` is how long the broker waits for its ZooKeeper client
to connect before it gives up (`ZooKeeperClientTimeoutException`: timed out waiting for
connection); when unset it equals the session timeout. Setting it longer than the session
timeout is accepted, but the pair is backwards: a broker that cannot reach ZooKeeper
for longer than the session timeout has already lost its session, and the broker only
reports the unreachable ensemble after the longer wait, which delays startup failures
and restarts. Often the two values were simply swapped.

Keep `zookeeper.connection.timeout.ms` at or below `zookeeper.session.timeout.ms`
(Kafka's own defaults use the same value for both).
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "zookeeper.connection.timeout.ms=30000\nzookeeper.session.timeout.ms=18000\n",
               .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "zookeeper.connection.timeout.ms=18000\nzookeeper.session.timeout.ms=30000\n",
                .kafka_version = "3.9"}},
  };
  return m;
}

void ZkConnectionTimeoutExceedsSession::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZooKeeperClientSettings>();
  const auto& connection = zk.connection_timeout;
  const auto& session = zk.session_timeout;
  if (!zk.uses_zookeeper || connection.entry == nullptr || !connection.ms || !session.ms) return;
  if (*connection.ms <= 0 || *session.ms <= 0 || *connection.ms <= *session.ms) return;  // zk-timeout-invalid speaks about <= 0
  auto report = out.report_value(*connection.entry, "zookeeper.connection.timeout.ms=" + std::to_string(*connection.ms) +
                                                        " is longer than the session timeout (" + session.origin_text +
                                                        "): the broker keeps waiting to connect after a session would have expired");
  if (session.entry != nullptr) report.related(session.entry->value_range, "the session timeout");
}

}  // namespace zklint::rules
